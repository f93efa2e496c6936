/**
 * @module evaluation/kpis.service
 * KPI definitions per organisation, office or initiative (level, horizon, unit, direction, period kind,
 * target, pillar, metric) and their measurements per period. Measurements take the KPI's visibility and
 * are edited by whoever may edit the KPI.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import type { KpiHorizon, LogicModelLevel, StrategyPillar } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, iso, notFound, presentRow } from "../registry/references.ts";
import { officeOwners, offices, organisations } from "../registry/registry.table.ts";
import { initiativePartners, initiatives, kpiMeasurements, kpis } from "./evaluation.table.ts";
import { endsAfter } from "./evaluation.schema.ts";
import type { TKpi, TKpiCreate, TKpiUpdate, TMeasurement, TMeasurementPut, ZKpiListQuery } from "./kpis.schema.ts";
import { parsePeriod, periodOrder, PERIOD_EXAMPLES } from "./periods.ts";
import type { KpiDirection, KpiUnit, Metric, PeriodKind } from "./vocabulary.ts";

export type KpiRow = typeof kpis.$inferSelect;
export type MeasurementRow = typeof kpiMeasurements.$inferSelect;

export async function presentKpis(db: Executor, rows: KpiRow[]): Promise<TKpi[]> {
  if (!rows.length) return [];
  const ids = [...new Set(rows.map((r) => r.ownerOrgId))];
  const names = new Map(
    (await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids))).map((o) => [o.id, o]),
  );
  return rows.map((row) => {
    const { seedKey: _s, targetValue, targetPeriod, ...rest } = presentRow(row);
    return {
      ...rest,
      level: row.level as LogicModelLevel,
      horizon: row.horizon as KpiHorizon,
      unit: row.unit as KpiUnit,
      direction: row.direction as KpiDirection,
      periodKind: row.periodKind as PeriodKind,
      pillar: row.pillar as StrategyPillar | null,
      metric: row.metric as Metric | null,
      visibility: row.visibility as TKpi["visibility"],
      target: targetValue !== null && targetPeriod !== null ? { value: targetValue, period: targetPeriod } : null,
      ownerNameJa: names.get(row.ownerOrgId)?.nameJa ?? "",
      ownerNameEn: names.get(row.ownerOrgId)?.nameEn ?? "",
    };
  });
}

export function presentMeasurement(row: MeasurementRow): TMeasurement {
  return { kpiId: row.kpiId, period: row.period, value: row.value, source: row.source, unverified: row.unverified, fromMetrics: row.fromMetrics, updatedAt: iso(row.updatedAt) };
}

const searchFor = (k: { nameJa: string; nameEn: string; metric?: string | null }) => sql`to_tsvector('simple', ${searchDocument(k.nameJa, k.nameEn, k.metric)})`;

async function checkReferences(db: Executor, actor: Actor, ownerOrgId: string, input: Partial<TKpiCreate>): Promise<void> {
  await assertOrganisationsExist(db, [{ path: "ownerOrgId", id: input.ownerOrgId }, ...(input.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id }))]);
  if (input.officeId) {
    const [office] = await db.select().from(offices).where(eq(offices.id, input.officeId));
    if (!office || !canRead(actor, office)) throw new AppError("validation_failed", "The office does not exist.", [{ path: "officeId", message: `no office with id ${input.officeId}` }]);
    const [owned] = await db.select().from(officeOwners).where(and(eq(officeOwners.officeId, office.id), eq(officeOwners.orgId, ownerOrgId)));
    if (!owned && office.ownerOrgId !== ownerOrgId) {
      throw new AppError("validation_failed", "The office is not the KPI owner's.", [{ path: "officeId", message: "must be an office the owner runs or co-runs" }]);
    }
  }
  if (input.initiativeId) {
    const [initiative] = await db.select().from(initiatives).where(eq(initiatives.id, input.initiativeId));
    if (!initiative || !canRead(actor, initiative)) throw new AppError("validation_failed", "The initiative does not exist.", [{ path: "initiativeId", message: `no initiative with id ${input.initiativeId}` }]);
    const [partner] = await db.select().from(initiativePartners).where(and(eq(initiativePartners.initiativeId, initiative.id), eq(initiativePartners.orgId, ownerOrgId)));
    if (!partner && initiative.ownerOrgId !== ownerOrgId) {
      throw new AppError("validation_failed", "The initiative is not the KPI owner's.", [{ path: "initiativeId", message: "must be an initiative the owner runs or is a partner of" }]);
    }
  }
}

async function assertNaturalKeyFree(db: Executor, k: { ownerOrgId: string; nameEn: string }, exceptId?: string): Promise<void> {
  const [clash] = await db.select({ id: kpis.id }).from(kpis).where(and(eq(kpis.ownerOrgId, k.ownerOrgId), sql`lower(${kpis.nameEn}) = lower(${k.nameEn})`));
  if (clash && clash.id !== exceptId) throw new AppError("conflict", "This owner already has a KPI of this name.", [{ path: "nameEn", message: "owner + nameEn already registered" }]);
}

function columnsOf(input: Partial<TKpiCreate>) {
  const { target, ...fields } = input;
  return { ...fields, ...(target !== undefined ? { targetValue: target?.value ?? null, targetPeriod: target?.period ?? null } : {}) };
}

export async function createKpi(db: Executor, actor: Actor, input: TKpiCreate, seedKey?: string): Promise<TKpi> {
  requireActFor(actor, input.ownerOrgId);
  await checkReferences(db, actor, input.ownerOrgId, input);
  await assertNaturalKeyFree(db, input);
  const [row] = await db
    .insert(kpis)
    .values({ ...columnsOf(input), ownerOrgId: input.ownerOrgId, nameJa: input.nameJa, nameEn: input.nameEn, level: input.level, horizon: input.horizon, unit: input.unit, direction: input.direction, periodKind: input.periodKind, id: randomUUID(), seedKey: seedKey ?? null, search: searchFor(input) as never })
    .returning();
  return (await presentKpis(db, [row!]))[0]!;
}

export async function getKpiRow(db: Executor, actor: Actor, id: string): Promise<KpiRow> {
  const [row] = await db.select().from(kpis).where(eq(kpis.id, id));
  if (!row || !canRead(actor, row)) throw notFound("KPI", id);
  return row;
}

export async function getKpi(db: Executor, actor: Actor, id: string): Promise<TKpi> {
  return (await presentKpis(db, [await getKpiRow(db, actor, id)]))[0]!;
}

export async function updateKpi(db: Executor, actor: Actor, id: string, patch: TKpiUpdate): Promise<TKpi> {
  const current = await getKpiRow(db, actor, id);
  requireEdit(actor, current, "KPI");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...columnsOf(patch) };
  const targetKind = next.targetPeriod ? parsePeriod(next.targetPeriod)?.kind : undefined;
  if (targetKind && targetKind !== next.periodKind) {
    throw new AppError("validation_failed", "The target period does not match the KPI's period kind.", [
      { path: patch.target ? "target.period" : "periodKind", message: `the target period ${next.targetPeriod} is not a ${next.periodKind} period like ${PERIOD_EXAMPLES[next.periodKind as PeriodKind]}` },
    ]);
  }
  if (!endsAfter(next.since, next.until)) throw new AppError("validation_failed", "A KPI cannot be dropped before it was adopted.", [{ path: "until", message: "must be after since" }]);
  if (patch.periodKind && patch.periodKind !== current.periodKind) {
    const [measured] = await db.select({ n: sql<number>`count(*)::int` }).from(kpiMeasurements).where(eq(kpiMeasurements.kpiId, id));
    if ((measured?.n ?? 0) > 0) {
      throw new AppError("validation_failed", "The KPI has measurements dated by another kind of period.", [{ path: "periodKind", message: `has ${measured!.n} measurement(s) by ${current.periodKind}; delete them first` }]);
    }
  }
  await checkReferences(db, actor, next.ownerOrgId, { ...patch, officeId: next.officeId, initiativeId: next.initiativeId });
  await assertNaturalKeyFree(db, next, id);
  const [row] = await db.update(kpis).set({ ...columnsOf(patch), search: searchFor(next) as never, updatedAt: new Date() }).where(eq(kpis.id, id)).returning();
  return (await presentKpis(db, [row!]))[0]!;
}

export async function deleteKpi(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getKpiRow(db, actor, id), "KPI");
  await db.delete(kpis).where(eq(kpis.id, id));
}

export async function listKpis(db: Executor, actor: Actor, query: z.infer<typeof ZKpiListQuery>) {
  const page = await listPage<KpiRow>(db, {
    table: kpis,
    idColumn: kpis.id,
    sortable: { nameEn: kpis.nameEn, nameJa: kpis.nameJa, level: kpis.level, createdAt: kpis.createdAt },
    defaultSort: "nameEn",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, kpis),
      matchesSearch(kpis.search, query.q),
      query.ownerOrgId ? eq(kpis.ownerOrgId, query.ownerOrgId) : undefined,
      query.officeId ? eq(kpis.officeId, query.officeId) : undefined,
      query.initiativeId ? eq(kpis.initiativeId, query.initiativeId) : undefined,
      query.level ? eq(kpis.level, query.level) : undefined,
      query.horizon ? eq(kpis.horizon, query.horizon) : undefined,
      query.metric ? eq(kpis.metric, query.metric) : undefined,
      query.pillar ? eq(kpis.pillar, query.pillar) : undefined,
    ],
  });
  return { items: await presentKpis(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}

// ---------- measurements ----------

/** Throws unless `period` is of the KPI's kind (a fiscal-year KPI takes FY2024, not 2024). */
export function assertPeriodKind(kpi: Pick<KpiRow, "periodKind">, period: string, path = "period"): void {
  const p = parsePeriod(period);
  if (!p || p.kind !== kpi.periodKind) {
    throw new AppError("validation_failed", `The KPI is measured by ${kpi.periodKind}; ${period} is not such a period.`, [
      { path, message: `must be a ${kpi.periodKind} period like ${PERIOD_EXAMPLES[kpi.periodKind as PeriodKind]}`, value: period },
    ]);
  }
}

export async function listMeasurements(db: Executor, actor: Actor, kpiId: string): Promise<TMeasurement[]> {
  await getKpiRow(db, actor, kpiId);
  const rows = await db.select().from(kpiMeasurements).where(eq(kpiMeasurements.kpiId, kpiId));
  return rows.sort((a, b) => periodOrder(a.period) - periodOrder(b.period)).map(presentMeasurement);
}

/** Sets the value of one period (creating or replacing it); `created` says which. */
export async function putMeasurement(db: Executor, actor: Actor, kpiId: string, period: string, input: TMeasurementPut): Promise<{ measurement: TMeasurement; created: boolean }> {
  const kpi = await getKpiRow(db, actor, kpiId);
  requireEdit(actor, kpi, "KPI");
  assertPeriodKind(kpi, period);
  return writeMeasurement(db, kpiId, period, input);
}

export async function writeMeasurement(db: Executor, kpiId: string, period: string, input: TMeasurementPut): Promise<{ measurement: TMeasurement; created: boolean }> {
  const [existing] = await db.select().from(kpiMeasurements).where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.period, period)));
  // A value set by hand or import replaces the whole value, metric contributions included.
  const values = { value: input.value, source: input.source ?? null, unverified: input.unverified, fromMetrics: 0, updatedAt: new Date() };
  const [row] = existing
    ? await db.update(kpiMeasurements).set(values).where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.period, period))).returning()
    : await db.insert(kpiMeasurements).values({ ...values, kpiId, period }).returning();
  return { measurement: presentMeasurement(row!), created: !existing };
}

export async function deleteMeasurement(db: Executor, actor: Actor, kpiId: string, period: string): Promise<void> {
  const kpi = await getKpiRow(db, actor, kpiId);
  requireEdit(actor, kpi, "KPI");
  const deleted = await db.delete(kpiMeasurements).where(and(eq(kpiMeasurements.kpiId, kpiId), eq(kpiMeasurements.period, period))).returning();
  if (!deleted.length) throw new AppError("not_found", `The KPI has no measurement for ${period}.`);
}
