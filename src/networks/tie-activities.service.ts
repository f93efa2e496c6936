/**
 * @module networks/tie-activities.service
 * What a tie did, year by year (visits, exchanges, joint projects and their outcomes), and the lapse
 * alerts computed from it by the pure `lapseAlerts`: an organisation's signed or active ties with no
 * recorded activity for a configurable number of months.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, or } from "drizzle-orm";
import { canRead, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { iso, notFound } from "../registry/references.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import { tieActivities } from "./networks.table.ts";
import { lapseAlerts, type TieActivity } from "./tie-lapse.ts";
import type { TieRecord } from "./tie-lifecycle.ts";
import { loadRecords, loadTie, orgNames, tieSummaries } from "./tie-records.ts";
import {
  TIE_ACTIVITY_KIND_LABELS,
  type TieActivityKind,
  type TTieActivity,
  type TTieActivityCreate,
  type TTieActivityUpdate,
} from "./tie-life.schema.ts";

type ActivityRow = typeof tieActivities.$inferSelect;

function present(row: ActivityRow): TTieActivity {
  return {
    id: row.id,
    tieId: row.tieId,
    on: row.onDate,
    year: row.year,
    kind: row.kind as TieActivityKind,
    kindLabel: TIE_ACTIVITY_KIND_LABELS[row.kind as TieActivityKind],
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    descriptionJa: row.descriptionJa,
    descriptionEn: row.descriptionEn,
    outcomesJa: row.outcomesJa,
    outcomesEn: row.outcomesEn,
    participants: row.participants,
    source: row.source,
    unverified: row.unverified,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export async function listTieActivities(db: Executor, actor: Actor, tieId: string, year?: number) {
  await loadTie(db, actor, tieId);
  const rows = await db
    .select()
    .from(tieActivities)
    .where(and(eq(tieActivities.tieId, tieId), year === undefined ? undefined : eq(tieActivities.year, year)));
  rows.sort((a, b) => periodStart(a.onDate).localeCompare(periodStart(b.onDate)) || a.onDate.length - b.onDate.length || a.id.localeCompare(b.id));
  const years = new Map<number, { year: number; activities: number; withOutcomes: number; byKind: Record<string, number> }>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, activities: 0, withOutcomes: 0, byKind: {} };
    y.activities += 1;
    if (r.outcomesJa || r.outcomesEn) y.withOutcomes += 1;
    y.byKind[r.kind] = (y.byKind[r.kind] ?? 0) + 1;
    years.set(r.year, y);
  }
  return { items: rows.map(present), byYear: [...years.values()].sort((a, b) => a.year - b.year) };
}

async function getRow(db: Executor, tieId: string, activityId: string): Promise<ActivityRow> {
  const [row] = await db.select().from(tieActivities).where(and(eq(tieActivities.id, activityId), eq(tieActivities.tieId, tieId)));
  if (!row) throw notFound("activity", activityId);
  return row;
}

const yearOf = (on: string) => Number(on.slice(0, 4));

export async function createTieActivity(db: Executor, actor: Actor, tieId: string, input: TTieActivityCreate): Promise<TTieActivity> {
  await loadTie(db, actor, tieId, "edit");
  const { on, unverified, ...fields } = input;
  const [row] = await db
    .insert(tieActivities)
    .values({ ...fields, id: randomUUID(), tieId, onDate: on, year: yearOf(on), unverified: unverified ?? false })
    .returning();
  return present(row!);
}

export async function updateTieActivity(db: Executor, actor: Actor, tieId: string, activityId: string, patch: TTieActivityUpdate): Promise<TTieActivity> {
  await loadTie(db, actor, tieId, "edit");
  const current = await getRow(db, tieId, activityId);
  const next = { ...current, ...patch };
  if (!next.titleJa && !next.titleEn) throw new AppError("validation_failed", "An activity needs a title.", [{ path: "titleJa", message: "give a title in Japanese or English" }]);
  const { on, ...fields } = patch;
  const [row] = await db
    .update(tieActivities)
    .set({ ...fields, ...(on ? { onDate: on, year: yearOf(on) } : {}), updatedAt: new Date() })
    .where(eq(tieActivities.id, activityId))
    .returning();
  return present(row!);
}

export async function deleteTieActivity(db: Executor, actor: Actor, tieId: string, activityId: string): Promise<void> {
  await loadTie(db, actor, tieId, "edit");
  await getRow(db, tieId, activityId);
  await db.delete(tieActivities).where(eq(tieActivities.id, activityId));
}

/**
 * A tie without recorded events counts as active from its `since` (and ended at its `until`), so ties
 * imported into the registry without a history still alert; the alert says so.
 */
function withInferredHistory(record: TieRecord, since: string | null, until: string | null): { record: TieRecord; inferred: boolean } {
  if (record.history.length > 0 || !since) return { record, inferred: false };
  const history: TieRecord["history"][number][] = [{ state: "active", date: periodStart(since) }];
  if (until && periodStart(until) >= periodStart(since)) history.push({ state: "ended", date: periodStart(until), reason: "other" });
  return { record: { ...record, history }, inferred: true };
}

export async function tieLapseAlerts(db: Executor, actor: Actor, query: { orgId: string; asOf?: string; months: number }) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, query.orgId));
  if (!org || !canRead(actor, org)) throw notFound("organisation", query.orgId);
  const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
  const rows = await db
    .select()
    .from(ties)
    .where(and(visibleTo(actor, ties), or(eq(ties.aOrgId, query.orgId), eq(ties.bOrgId, query.orgId))));
  const records = await loadRecords(db, rows);
  const inferred = new Set<string>();
  const prepared = records.map((r, i) => {
    const { record, inferred: guessed } = withInferredHistory(r, rows[i]!.since, rows[i]!.until);
    if (guessed) inferred.add(r.id);
    return record;
  });
  const activityRows = rows.length
    ? await db.select({ tieId: tieActivities.tieId, onDate: tieActivities.onDate }).from(tieActivities).where(inArray(tieActivities.tieId, rows.map((r) => r.id)))
    : [];
  const activities: TieActivity[] = activityRows.map((a) => ({ tieId: a.tieId, date: periodStart(a.onDate) }));
  const alerts = lapseAlerts(prepared, activities, { asOf, months: query.months });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const summaries = new Map((await tieSummaries(db, alerts.map((a) => byId.get(a.tieId)!))).map((s) => [s.id, s]));
  const partnerIds = alerts.map((a) => {
    const row = byId.get(a.tieId)!;
    return row.aOrgId === query.orgId ? row.bOrgId : row.aOrgId;
  });
  const names = await orgNames(db, partnerIds);
  return {
    orgId: query.orgId,
    asOf,
    months: query.months,
    checked: rows.length,
    alerts: alerts.map((a, i) => ({
      tie: summaries.get(a.tieId)!,
      partner: { orgId: partnerIds[i]!, name: names.get(partnerIds[i]!) ?? { ja: "", en: "" } },
      state: a.state,
      lastActivity: a.lastActivity,
      since: a.since,
      lapsedOn: a.lapsedOn,
      monthsInactive: a.monthsInactive,
      message: a.message,
      inferredHistory: inferred.has(a.tieId),
    })),
  };
}
