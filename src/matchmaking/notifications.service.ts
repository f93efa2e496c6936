/**
 * @module matchmaking/notifications.service
 * In-app notifications: each workflow step notifies the organisations concerned, fanned out to their
 * members (one row per user, so each reads and marks their own), never to the user who acted.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { requireSignedIn } from "../auth/actor.ts";
import { memberships } from "../auth/auth.table.ts";
import type { Bilingual } from "../core/domain.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { notifications } from "./matchmaking.table.ts";

export async function notifyOrgs(db: Executor, actor: Actor, orgIds: string[], kind: string, interestId: string | null, title: Bilingual): Promise<void> {
  const orgs = [...new Set(orgIds)];
  if (!orgs.length) return;
  const members = await db
    .select({ userId: memberships.userId, orgId: memberships.orgId })
    .from(memberships)
    .where(and(inArray(memberships.orgId, orgs), actor.userId ? ne(memberships.userId, actor.userId) : undefined));
  const seen = new Set<string>();
  const rows = members.flatMap((m) => {
    if (seen.has(m.userId)) return [];
    seen.add(m.userId);
    return [{ id: randomUUID(), userId: m.userId, orgId: m.orgId, kind, interestId, titleJa: title.ja, titleEn: title.en }];
  });
  if (rows.length) await db.insert(notifications).values(rows);
}

export async function listNotifications(db: Executor, actor: Actor, unreadOnly: boolean) {
  requireSignedIn(actor);
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      orgId: r.orgId,
      interestId: r.interestId,
      title: { ja: r.titleJa, en: r.titleEn },
      createdAt: iso(r.createdAt),
      readAt: r.readAt ? iso(r.readAt) : null,
    })),
  };
}

/** Marks the given notifications (or all) of the signed-in user read; returns how many changed. */
export async function markRead(db: Executor, actor: Actor, ids: string[] | undefined): Promise<{ updated: number }> {
  requireSignedIn(actor);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]) : undefined))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
