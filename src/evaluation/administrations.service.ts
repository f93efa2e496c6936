/**
 * @module evaluation/administrations.service
 * Governor and mayor terms per local government: leader (ja/en), term, background (e.g. a former METI
 * official — the paper's interviewees tie a government's international activity to its leader's
 * background). Terms of one government may not overlap. Every change re-links the government's
 * initiatives that derive their administration from their start.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import { LOCAL_GOVERNMENT_KINDS } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, periodStartSql, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "../registry/references.ts";
import { organisations } from "../registry/registry.table.ts";
import { relinkInitiatives } from "./administration-link.ts";
import { endsAfter, type TAdministration, type TAdministrationCreate, type TAdministrationUpdate, type ZAdministrationListQuery } from "./evaluation.schema.ts";
import { administrations } from "./evaluation.table.ts";

export type AdministrationRow = typeof administrations.$inferSelect;

export async function presentAdministrations(db: Executor, rows: AdministrationRow[]): Promise<TAdministration[]> {
  if (!rows.length) return [];
  const ids = [...new Set(rows.map((r) => r.orgId))];
  const names = new Map(
    (await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids))).map((o) => [o.id, o]),
  );
  return rows.map((row) => {
    const { seedKey: _seedKey, termFrom, termUntil, ...rest } = presentRow(row);
    return {
      ...rest,
      from: termFrom,
      until: termUntil,
      visibility: row.visibility as TAdministration["visibility"],
      orgNameJa: names.get(row.orgId)?.nameJa ?? "",
      orgNameEn: names.get(row.orgId)?.nameEn ?? "",
    };
  });
}

async function assertLocalGovernment(db: Executor, orgId: string): Promise<void> {
  await assertOrganisationsExist(db, [{ path: "orgId", id: orgId }]);
  const [org] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, orgId));
  if (!(LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(org!.kind)) {
    throw new AppError("validation_failed", "Only a Japanese local government has governors or mayors.", [
      { path: "orgId", message: `must be a prefecture, designated city or municipality, not ${org!.kind}` },
    ]);
  }
}

/** Terms of one government may not overlap: [from, until) against every other term. */
async function assertNoOverlap(db: Executor, orgId: string, from: string, until: string | null | undefined, exceptId?: string): Promise<void> {
  const others = await db.select().from(administrations).where(eq(administrations.orgId, orgId));
  const start = periodStart(from);
  const end = until ? periodStart(until) : "9999-12-31";
  const clash = others.find(
    (o) => o.id !== exceptId && periodStart(o.termFrom) < end && start < (o.termUntil ? periodStart(o.termUntil) : "9999-12-31"),
  );
  if (clash) {
    throw new AppError("conflict", `The term overlaps ${clash.leaderEn}'s (${clash.termFrom}–${clash.termUntil ?? ""}).`, [
      { path: "from", message: `overlaps the term of ${clash.leaderEn} from ${clash.termFrom}` },
    ]);
  }
}

export async function createAdministration(db: Executor, actor: Actor, input: TAdministrationCreate, seedKey?: string): Promise<TAdministration> {
  const ownerOrgId = input.ownerOrgId ?? input.orgId;
  requireActFor(actor, ownerOrgId, input.ownerOrgId ? "ownerOrgId" : "orgId");
  await assertLocalGovernment(db, input.orgId);
  await assertOrganisationsExist(db, [{ path: "ownerOrgId", id: ownerOrgId }, ...input.sharedWith.map((id, i) => ({ path: `sharedWith[${i}]`, id }))]);
  await assertNoOverlap(db, input.orgId, input.from, input.until);
  const { from, until, ...fields } = input;
  const [row] = await db
    .insert(administrations)
    .values({ ...fields, ownerOrgId, termFrom: from, termUntil: until ?? null, id: randomUUID(), seedKey: seedKey ?? null })
    .returning();
  await relinkInitiatives(db, input.orgId);
  return (await presentAdministrations(db, [row!]))[0]!;
}

export async function getAdministrationRow(db: Executor, actor: Actor, id: string): Promise<AdministrationRow> {
  const [row] = await db.select().from(administrations).where(eq(administrations.id, id));
  if (!row || !canRead(actor, row)) throw notFound("administration", id);
  return row;
}

export async function getAdministration(db: Executor, actor: Actor, id: string): Promise<TAdministration> {
  return (await presentAdministrations(db, [await getAdministrationRow(db, actor, id)]))[0]!;
}

export async function updateAdministration(db: Executor, actor: Actor, id: string, patch: TAdministrationUpdate): Promise<TAdministration> {
  const current = await getAdministrationRow(db, actor, id);
  requireEdit(actor, current, "administration");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const orgId = patch.orgId ?? current.orgId;
  if (patch.orgId) await assertLocalGovernment(db, patch.orgId);
  await assertOrganisationsExist(db, [{ path: "ownerOrgId", id: patch.ownerOrgId }, ...(patch.sharedWith ?? []).map((o, i) => ({ path: `sharedWith[${i}]`, id: o }))]);
  const from = patch.from ?? current.termFrom;
  const until = patch.until !== undefined ? patch.until : current.termUntil;
  if (!endsAfter(from, until)) throw new AppError("validation_failed", "A term cannot end before it began.", [{ path: "until", message: "must be after from" }]);
  await assertNoOverlap(db, orgId, from, until, id);
  const { from: _f, until: _u, ...fields } = patch;
  const [row] = await db
    .update(administrations)
    .set({ ...fields, termFrom: from, termUntil: until ?? null, updatedAt: new Date() })
    .where(eq(administrations.id, id))
    .returning();
  await relinkInitiatives(db, orgId);
  if (orgId !== current.orgId) await relinkInitiatives(db, current.orgId);
  return (await presentAdministrations(db, [row!]))[0]!;
}

export async function deleteAdministration(db: Executor, actor: Actor, id: string): Promise<void> {
  const current = await getAdministrationRow(db, actor, id);
  requireEdit(actor, current, "administration");
  await db.delete(administrations).where(eq(administrations.id, id));
  await relinkInitiatives(db, current.orgId);
}

/** A LIKE pattern matching `q` anywhere, with LIKE's wildcards in `q` taken literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

export async function listAdministrations(db: Executor, actor: Actor, query: z.infer<typeof ZAdministrationListQuery>) {
  const on = query.activeOn ? periodStart(query.activeOn) : undefined;
  const page = await listPage<AdministrationRow>(db, {
    table: administrations,
    idColumn: administrations.id,
    sortable: { from: periodStartSql(administrations.termFrom), leaderEn: administrations.leaderEn, createdAt: administrations.createdAt },
    defaultSort: "from",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, administrations),
      query.q ? sql`(${administrations.leaderJa} ILIKE ${likePattern(query.q)} OR ${administrations.leaderEn} ILIKE ${likePattern(query.q)})` : undefined,
      query.orgId ? eq(administrations.orgId, query.orgId) : undefined,
      on
        ? and(sql`${periodStartSql(administrations.termFrom)} <= ${on}`, or(isNull(administrations.termUntil), sql`${periodStartSql(administrations.termUntil)} > ${on}`))
        : undefined,
    ],
  });
  return { items: await presentAdministrations(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
