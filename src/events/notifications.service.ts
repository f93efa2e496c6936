/**
 * @module events/notifications.service
 * In-app notifications of participants (there is no e-mail): a request received or answered, a reminder,
 * a meeting scheduled, moved or cancelled, the follow-up survey due. Written by the other services in
 * their transaction; read (and marked read) by the participant's side.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { loadEvent, loadParticipant, requireActsFor } from "./event-access.ts";
import { eventNotifications } from "./events.table.ts";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, type NotificationKind } from "./vocabulary.ts";

export interface NotificationTarget {
  eventId: string;
  participantId: string;
  kind: NotificationKind;
  requestId?: string | null;
  meetingId?: string | null;
}

export async function notify(db: Executor, targets: NotificationTarget[], now: Date): Promise<void> {
  if (!targets.length) return;
  await db.insert(eventNotifications).values(
    targets.map((t) => ({ id: randomUUID(), eventId: t.eventId, participantId: t.participantId, kind: t.kind, requestId: t.requestId ?? null, meetingId: t.meetingId ?? null, createdAt: now })),
  );
}

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  label: z.object({ ja: z.string(), en: z.string() }),
  requestId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const ZNotificationQuery = z.strictObject({
  unread: z.enum(["true", "false"]).optional().describe("true: only unread notifications"),
});

export async function listNotifications(db: Executor, actor: Actor, eventId: string, pid: string, unreadOnly: boolean) {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "read its notifications");
  const rows = await db
    .select()
    .from(eventNotifications)
    .where(and(eq(eventNotifications.participantId, pid), unreadOnly ? isNull(eventNotifications.readAt) : undefined))
    .orderBy(desc(eventNotifications.createdAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    label: NOTIFICATION_LABELS[r.kind as NotificationKind],
    requestId: r.requestId,
    meetingId: r.meetingId,
    createdAt: iso(r.createdAt),
    readAt: r.readAt ? iso(r.readAt) : null,
  }));
}

export const ZMarkRead = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500).describe("Notifications to mark read"),
});

export async function markRead(db: Executor, actor: Actor, eventId: string, pid: string, ids: string[], now: Date): Promise<{ marked: number }> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "mark its notifications read");
  const rows = await db
    .update(eventNotifications)
    .set({ readAt: now })
    .where(and(eq(eventNotifications.participantId, pid), inArray(eventNotifications.id, ids), isNull(eventNotifications.readAt)))
    .returning({ id: eventNotifications.id });
  return { marked: rows.length };
}
