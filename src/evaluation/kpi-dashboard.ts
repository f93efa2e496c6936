/**
 * @module evaluation/kpi-dashboard
 * The KPI dashboard: per KPI its series with year-on-year change, the latest value, the value in the
 * target period against the target, and attainment; per organisation the count of KPIs in force per
 * logic-model level and the warnings of the short-term trap (only outputs measured, nothing long-term).
 * The computations are pure; `kpiDashboard` reads what the actor may see.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import { LOGIC_MODEL_LEVELS, type LogicModelLevel } from "../core/domain.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { getOrganisationRow } from "../registry/organisations.service.ts";
import { kpiMeasurements, kpis } from "./evaluation.table.ts";
import type { TKpi, TKpiDashboard, TKpiDashboardItem } from "./kpis.schema.ts";
import { presentKpis } from "./kpis.service.ts";
import { periodOrder, previousYearPeriod } from "./periods.ts";
import { KPI_WARNING_TEXTS, type KpiWarning } from "./vocabulary.ts";

export interface MeasuredValue {
  period: string;
  value: number;
  source: string | null;
}

/** One KPI's line on the dashboard. */
export function dashboardItem(kpi: TKpi, measurements: readonly MeasuredValue[]): TKpiDashboardItem {
  const byPeriod = new Map(measurements.map((m) => [m.period, m.value]));
  const series = [...measurements]
    .sort((a, b) => periodOrder(a.period) - periodOrder(b.period))
    .map((m) => {
      const before = byPeriod.get(previousYearPeriod(m.period) ?? "");
      const yoyChange = before === undefined ? null : m.value - before;
      return { period: m.period, value: m.value, source: m.source, yoyChange, yoyRatio: yoyChange === null || before === 0 ? null : yoyChange / Math.abs(before!) };
    });
  const latest = series[series.length - 1] ?? null;
  const target = kpi.target;
  const actualAtTarget = target ? (byPeriod.get(target.period) ?? null) : null;
  const targetMet =
    target && actualAtTarget !== null ? (kpi.direction === "increase" ? actualAtTarget >= target.value : actualAtTarget <= target.value) : null;
  let attainment: number | null = null;
  if (target && latest) {
    const [num, den] = kpi.direction === "increase" ? [latest.value, target.value] : [target.value, latest.value];
    attainment = den === 0 ? null : num / den;
  }
  return { kpi, series, latest, actualAtTarget, targetMet, attainment };
}

/** Whether a KPI is in force on a day (adopted on or before it, not dropped by it). */
export function inForce(kpi: Pick<TKpi, "since" | "until">, day: string): boolean {
  return (!kpi.since || periodStart(kpi.since) <= day) && (!kpi.until || periodStart(kpi.until) > day);
}

/** Counts per level and the short-term-trap warnings over the KPIs in force on `day`. */
export function kpiWarnings(all: readonly TKpi[], day: string): Pick<TKpiDashboard, "levels" | "warnings"> {
  const current = all.filter((k) => inForce(k, day));
  const levels = Object.fromEntries(LOGIC_MODEL_LEVELS.map((l) => [l, 0])) as Record<LogicModelLevel, number>;
  for (const k of current) levels[k.level]++;
  const warnings: TKpiDashboard["warnings"] = [];
  const warn = (code: KpiWarning, kpiIds: string[]) => warnings.push({ code, text: KPI_WARNING_TEXTS[code], kpiIds });
  if (current.length && !current.some((k) => k.level === "outcome" || k.level === "impact")) warn("outputs_only", current.map((k) => k.id));
  if (current.length && !current.some((k) => k.horizon === "long")) warn("short_term_only", current.map((k) => k.id));
  return { levels, warnings };
}

export interface DashboardOptions {
  officeId?: string;
  initiativeId?: string;
  /** Day (YYYY-MM-DD or partial) the warnings look at; default today. */
  asOf?: string;
}

/** The dashboard of an organisation's KPIs the actor may see (optionally one office's or initiative's). */
export async function kpiDashboard(db: Executor, actor: Actor, orgId: string, options: DashboardOptions = {}): Promise<TKpiDashboard> {
  const org = await getOrganisationRow(db, actor, orgId);
  const rows = await db
    .select()
    .from(kpis)
    .where(
      and(
        eq(kpis.ownerOrgId, orgId),
        visibleTo(actor, kpis),
        options.officeId ? eq(kpis.officeId, options.officeId) : undefined,
        options.initiativeId ? eq(kpis.initiativeId, options.initiativeId) : undefined,
      ),
    )
    .orderBy(kpis.nameEn);
  const presented = await presentKpis(db, rows);
  const measured = rows.length ? await db.select().from(kpiMeasurements).where(inArray(kpiMeasurements.kpiId, rows.map((r) => r.id))) : [];
  const day = periodStart(options.asOf ?? new Date().toISOString().slice(0, 10));
  return {
    organisation: { id: org.id, nameJa: org.nameJa, nameEn: org.nameEn },
    asOf: day,
    kpis: presented.map((k) => dashboardItem(k, measured.filter((m) => m.kpiId === k.id))),
    ...kpiWarnings(presented, day),
  };
}
