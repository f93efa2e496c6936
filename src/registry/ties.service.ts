/**
 * @module registry/ties.service
 * Dated ties between organisations: sister and friendship cities, business-partner and purpose-specific
 * cities, network memberships, MoUs, partnerships, outsourcing contracts and hosting, each with purposes.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import type { TieKind, TiePurpose } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { periodStart } from "../core/dates.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, periodStartSql, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "./references.ts";
import type { TTie, TTieCreate, TTieUpdate, ZTieListQuery } from "./registry.schema.ts";
import { organisations, ties } from "./registry.table.ts";

export type TieRow = typeof ties.$inferSelect;
type Names = Map<string, { nameJa: string; nameEn: string }>;

async function namesOf(db: Executor, ids: string[]): Promise<Names> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

function present(row: TieRow, names: Names): TTie {
  return {
    ...presentRow(row),
    kind: row.kind as TieKind,
    purposes: row.purposes as TiePurpose[],
    visibility: row.visibility as TTie["visibility"],
    aNameJa: names.get(row.aOrgId)?.nameJa ?? "",
    aNameEn: names.get(row.aOrgId)?.nameEn ?? "",
    bNameJa: names.get(row.bOrgId)?.nameJa ?? "",
    bNameEn: names.get(row.bOrgId)?.nameEn ?? "",
  };
}

async function presentMany(db: Executor, rows: TieRow[]): Promise<TTie[]> {
  const names = await namesOf(db, rows.flatMap((r) => [r.aOrgId, r.bOrgId]));
  return rows.map((r) => present(r, names));
}

async function searchFor(db: Executor, t: { aOrgId: string; bOrgId: string; kind: string; field?: string | null }) {
  const names = await namesOf(db, [t.aOrgId, t.bOrgId]);
  const a = names.get(t.aOrgId);
  const b = names.get(t.bOrgId);
  return sql`to_tsvector('simple', ${searchDocument(a?.nameJa, a?.nameEn, b?.nameJa, b?.nameEn, t.kind, t.field)})`;
}

async function assertNaturalKeyFree(db: Executor, t: { aOrgId: string; bOrgId: string; kind: string; since?: string | null }, exceptId?: string) {
  const [clash] = await db
    .select({ id: ties.id })
    .from(ties)
    .where(
      and(
        sql`least(${ties.aOrgId}, ${ties.bOrgId}) = least(${t.aOrgId}::uuid, ${t.bOrgId}::uuid)`,
        sql`greatest(${ties.aOrgId}, ${ties.bOrgId}) = greatest(${t.aOrgId}::uuid, ${t.bOrgId}::uuid)`,
        eq(ties.kind, t.kind),
        sql`coalesce(${ties.since}, '') = ${t.since ?? ""}`,
      ),
    );
  if (clash && clash.id !== exceptId) {
    throw new AppError("conflict", "This tie (same two ends, kind and start) is already registered.", [
      { path: "since", message: "ends + kind + since already registered" },
    ]);
  }
}

async function checkReferences(db: Executor, t: Partial<TTieCreate>): Promise<void> {
  await assertOrganisationsExist(db, [
    { path: "aOrgId", id: t.aOrgId },
    { path: "bOrgId", id: t.bOrgId },
    { path: "ownerOrgId", id: t.ownerOrgId },
    ...(t.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
}

export async function createTie(db: Executor, actor: Actor, input: TTieCreate): Promise<TTie> {
  const ownerOrgId = input.ownerOrgId ?? input.aOrgId;
  requireActFor(actor, ownerOrgId, input.ownerOrgId ? "ownerOrgId" : "aOrgId");
  await checkReferences(db, input);
  await assertNaturalKeyFree(db, input);
  const values = { ...input, ownerOrgId, id: randomUUID() };
  const [row] = await db.insert(ties).values({ ...values, search: (await searchFor(db, values)) as never }).returning();
  return (await presentMany(db, [row!]))[0]!;
}

async function getRow(db: Executor, actor: Actor, id: string): Promise<TieRow> {
  const [row] = await db.select().from(ties).where(eq(ties.id, id));
  if (!row || !canRead(actor, row)) throw notFound("tie", id);
  return row;
}

export async function getTie(db: Executor, actor: Actor, id: string): Promise<TTie> {
  return (await presentMany(db, [await getRow(db, actor, id)]))[0]!;
}

export async function updateTie(db: Executor, actor: Actor, id: string, patch: TTieUpdate): Promise<TTie> {
  const current = await getRow(db, actor, id);
  requireEdit(actor, current, "tie");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  if (next.aOrgId === next.bOrgId) throw new AppError("validation_failed", "A tie needs two different ends.", [{ path: "bOrgId", message: "must differ from aOrgId" }]);
  if (next.since && next.until && next.until < next.since) throw new AppError("validation_failed", "A tie cannot end before it began.", [{ path: "until", message: "must not be before since" }]);
  await checkReferences(db, patch);
  await assertNaturalKeyFree(db, next, id);
  const [row] = await db.update(ties).set({ ...patch, search: (await searchFor(db, next)) as never, updatedAt: new Date() }).where(eq(ties.id, id)).returning();
  return (await presentMany(db, [row!]))[0]!;
}

export async function deleteTie(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getRow(db, actor, id), "tie");
  await db.delete(ties).where(eq(ties.id, id));
}

export async function listTies(db: Executor, actor: Actor, query: z.infer<typeof ZTieListQuery>) {
  const on = query.activeOn ? periodStart(query.activeOn) : undefined;
  const page = await listPage<TieRow>(db, {
    table: ties,
    idColumn: ties.id,
    // Undated ties sort after dated ones.
    sortable: { since: sql`coalesce(${ties.since}, '9999')`, kind: ties.kind, createdAt: ties.createdAt },
    defaultSort: "since",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, ties),
      matchesSearch(ties.search, query.q),
      query.orgId ? or(eq(ties.aOrgId, query.orgId), eq(ties.bOrgId, query.orgId)) : undefined,
      query.kind ? eq(ties.kind, query.kind) : undefined,
      query.purpose ? sql`${query.purpose} = ANY(${ties.purposes})` : undefined,
      on
        ? and(
            sql`${periodStartSql(ties.since)} <= ${on}`,
            or(isNull(ties.until), sql`${periodStartSql(ties.until)} > ${on}`),
          )
        : undefined,
    ],
  });
  return { items: await presentMany(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
