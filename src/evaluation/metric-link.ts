/**
 * @module evaluation/metric-link
 * How outcomes recorded elsewhere (matchmaking negotiations, contracts and sales; partnerships; projects
 * created) feed KPIs. A KPI opts in with a `metric` code. `recordMetricValue` adds a delta to the
 * measurement of every KPI of that metric owned by the organisation that is in force on the outcome's
 * date and whose scope covers it — an organisation-wide KPI counts every outcome of the organisation, an
 * office KPI only its office's, an initiative KPI only its initiative's — each under its own period
 * (calendar year, fiscal year or month of the outcome's date).
 */
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { periodStart } from "../core/dates.ts";
import { parseOrThrow } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { kpiMeasurements, kpis } from "./evaluation.table.ts";
import { ZMetricValue, type TMetricValue } from "./kpis.schema.ts";
import { periodOfDate } from "./periods.ts";
import type { PeriodKind } from "./vocabulary.ts";

export interface MetricUpdate {
  kpiId: string;
  period: string;
  value: number;
}

/**
 * Adds `delta` to every matching KPI's measurement (creating it at `delta` when the period has none) and
 * returns the new values. No access check: the calling capability has already decided the actor may record
 * the outcome for `orgId`. Atomic per measurement (an upsert adding to the stored value), so concurrent
 * outcomes do not lose each other; call it in the transaction that records the outcome.
 */
export async function recordMetricValue(db: Executor, input: TMetricValue): Promise<MetricUpdate[]> {
  const v = parseOrThrow(ZMetricValue, input, "The metric value");
  const day = periodStart(v.period);
  const targets = await db
    .select({ id: kpis.id, periodKind: kpis.periodKind, since: kpis.since, until: kpis.until })
    .from(kpis)
    .where(
      and(
        eq(kpis.ownerOrgId, v.orgId),
        eq(kpis.metric, v.metric),
        v.officeId ? or(isNull(kpis.officeId), eq(kpis.officeId, v.officeId)) : isNull(kpis.officeId),
        v.initiativeId ? or(isNull(kpis.initiativeId), eq(kpis.initiativeId, v.initiativeId)) : isNull(kpis.initiativeId),
      ),
    );
  const updates: MetricUpdate[] = [];
  for (const k of targets) {
    if (k.since && periodStart(k.since) > day) continue;
    if (k.until && periodStart(k.until) <= day) continue;
    const period = periodOfDate(v.period, k.periodKind as PeriodKind)!;
    const [row] = await db
      .insert(kpiMeasurements)
      .values({ kpiId: k.id, period, value: v.delta, fromMetrics: v.delta, source: v.source ?? null })
      .onConflictDoUpdate({
        target: [kpiMeasurements.kpiId, kpiMeasurements.period],
        set: {
          value: sql`${kpiMeasurements.value} + ${v.delta}`,
          fromMetrics: sql`${kpiMeasurements.fromMetrics} + ${v.delta}`,
          source: sql`coalesce(${kpiMeasurements.source}, excluded.source)`,
          updatedAt: new Date(),
        },
      })
      .returning({ value: kpiMeasurements.value });
    updates.push({ kpiId: k.id, period, value: row!.value });
  }
  return updates;
}
