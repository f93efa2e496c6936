/**
 * @module registry/strategies.service
 * International strategies (paper, Table 2): owner, ja/en title, year enacted or revised, the three
 * pillars; and the Table 2 summary computed from the data.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import type { StrategyPillar } from "../core/domain.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "./references.ts";
import type { TStrategy, TStrategyCreate, ZStrategyListQuery } from "./registry.schema.ts";
import { organisations, strategies } from "./registry.table.ts";

type Row = typeof strategies.$inferSelect;
type Owner = Pick<typeof organisations.$inferSelect, "nameJa" | "nameEn" | "kind">;

function present(row: Row, owner: Owner): TStrategy {
  return {
    ...presentRow(row),
    pillars: row.pillars as StrategyPillar[],
    visibility: row.visibility as TStrategy["visibility"],
    ownerNameJa: owner.nameJa,
    ownerNameEn: owner.nameEn,
    ownerKind: owner.kind,
  };
}

async function ownerOf(db: Executor, id: string): Promise<Owner> {
  const [owner] = await db.select({ nameJa: organisations.nameJa, nameEn: organisations.nameEn, kind: organisations.kind }).from(organisations).where(eq(organisations.id, id));
  return owner ?? { nameJa: "", nameEn: "", kind: "" };
}

const searchFor = (s: Pick<Row, "titleJa" | "titleEn">, owner: Owner) =>
  sql`to_tsvector('simple', ${searchDocument(s.titleJa, s.titleEn, owner.nameJa, owner.nameEn)})`;

export async function createStrategy(db: Executor, actor: Actor, input: TStrategyCreate): Promise<TStrategy> {
  requireActFor(actor, input.ownerOrgId);
  await assertOrganisationsExist(db, [{ path: "ownerOrgId", id: input.ownerOrgId }, ...input.sharedWith.map((id, i) => ({ path: `sharedWith[${i}]`, id }))]);
  const owner = await ownerOf(db, input.ownerOrgId);
  const [row] = await db.insert(strategies).values({ ...input, id: randomUUID(), search: searchFor(input, owner) as never }).returning();
  return present(row!, owner);
}

async function getRow(db: Executor, actor: Actor, id: string): Promise<Row> {
  const [row] = await db.select().from(strategies).where(eq(strategies.id, id));
  if (!row || !canRead(actor, row)) throw notFound("strategy", id);
  return row;
}

export async function getStrategy(db: Executor, actor: Actor, id: string): Promise<TStrategy> {
  const row = await getRow(db, actor, id);
  return present(row, await ownerOf(db, row.ownerOrgId));
}

export async function updateStrategy(db: Executor, actor: Actor, id: string, patch: Partial<TStrategyCreate>): Promise<TStrategy> {
  const current = await getRow(db, actor, id);
  requireEdit(actor, current, "strategy");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  await assertOrganisationsExist(db, [{ path: "ownerOrgId", id: patch.ownerOrgId }, ...(patch.sharedWith ?? []).map((o, i) => ({ path: `sharedWith[${i}]`, id: o }))]);
  const next = { ...current, ...patch };
  const owner = await ownerOf(db, next.ownerOrgId);
  const [row] = await db.update(strategies).set({ ...patch, search: searchFor(next, owner) as never, updatedAt: new Date() }).where(eq(strategies.id, id)).returning();
  return present(row!, owner);
}

export async function deleteStrategy(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getRow(db, actor, id), "strategy");
  await db.delete(strategies).where(eq(strategies.id, id));
}

export async function listStrategies(db: Executor, actor: Actor, query: z.infer<typeof ZStrategyListQuery>) {
  const ownerKind = query.ownerKind
    ? sql`${strategies.ownerOrgId} IN (SELECT id FROM organisations WHERE kind = ${query.ownerKind})`
    : undefined;
  const page = await listPage<Row>(db, {
    table: strategies,
    idColumn: strategies.id,
    sortable: { year: strategies.year, titleEn: strategies.titleEn, titleJa: strategies.titleJa, createdAt: strategies.createdAt },
    defaultSort: "year",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, strategies),
      matchesSearch(strategies.search, query.q),
      query.ownerOrgId ? eq(strategies.ownerOrgId, query.ownerOrgId) : undefined,
      ownerKind,
      query.yearFrom !== undefined ? gte(strategies.year, query.yearFrom) : undefined,
      query.yearTo !== undefined ? lte(strategies.year, query.yearTo) : undefined,
    ],
  });
  const owners = await ownersById(db, page.rows.map((r) => r.ownerOrgId));
  return { items: page.rows.map((r) => present(r, owners.get(r.ownerOrgId) ?? { nameJa: "", nameEn: "", kind: "" })), total: page.total, nextCursor: page.nextCursor };
}

async function ownersById(db: Executor, ids: string[]): Promise<Map<string, Owner>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn, kind: organisations.kind })
    .from(organisations)
    .where(sql`${organisations.id} IN (${sql.join([...new Set(ids)].map((i) => sql`${i}::uuid`), sql`, `)})`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Governments of one kind: how many have at least one strategy, of how many, and how many strategies. */
export interface StrategyCoverage {
  withStrategy: number;
  total: number;
  /** Strategy records; the paper's "35 out of 47" counts Akita's two plans twice (34 prefectures). */
  strategies: number;
}

export interface StrategyReport {
  prefectures: StrategyCoverage;
  designatedCities: StrategyCoverage;
  /** Strategies by the decade of their year (e.g. "1990s"), prefectures and designated cities. */
  byDecade: Record<string, number>;
  /** Strategies by year, for the chart. */
  byYear: Record<string, number>;
}

/** Table 2's summary, computed from the public records (not typed in). */
export async function strategyReport(db: Executor): Promise<StrategyReport> {
  const totals = await db
    .select({ kind: organisations.kind, n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(and(sql`${organisations.kind} IN ('prefecture', 'designated_city')`, eq(organisations.visibility, "public")))
    .groupBy(organisations.kind);
  const withStrategy = await db
    .select({ kind: organisations.kind, n: sql<number>`count(DISTINCT ${organisations.id})::int`, records: sql<number>`count(*)::int` })
    .from(strategies)
    .innerJoin(organisations, eq(organisations.id, strategies.ownerOrgId))
    .where(and(sql`${organisations.kind} IN ('prefecture', 'designated_city')`, eq(strategies.visibility, "public")))
    .groupBy(organisations.kind);
  const years = await db
    .select({ year: strategies.year, n: sql<number>`count(*)::int` })
    .from(strategies)
    .innerJoin(organisations, eq(organisations.id, strategies.ownerOrgId))
    .where(and(sql`${organisations.kind} IN ('prefecture', 'designated_city')`, eq(strategies.visibility, "public")))
    .groupBy(strategies.year)
    .orderBy(strategies.year);
  const count = (rows: { kind: string; n: number }[], kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  const records = (kind: string) => withStrategy.find((r) => r.kind === kind)?.records ?? 0;
  const byDecade: Record<string, number> = {};
  const byYear: Record<string, number> = {};
  for (const { year, n } of years) {
    const decade = `${Math.floor(year / 10) * 10}s`;
    byDecade[decade] = (byDecade[decade] ?? 0) + n;
    byYear[String(year)] = n;
  }
  return {
    prefectures: { withStrategy: count(withStrategy, "prefecture"), total: count(totals, "prefecture"), strategies: records("prefecture") },
    designatedCities: { withStrategy: count(withStrategy, "designated_city"), total: count(totals, "designated_city"), strategies: records("designated_city") },
    byDecade,
    byYear,
  };
}
