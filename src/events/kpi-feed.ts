/**
 * @module events/kpi-feed
 * How an event's outcomes feed the evaluation KPIs (through `recordMetricValue`), credited to every
 * organising organisation — the owner and each organiser — with the event's organising office, so an
 * organisation-wide KPI counts the event and an office KPI counts it only for its own office:
 *
 * | what happens                                   | metric                  | delta               | dated                     |
 * | ---------------------------------------------- | ----------------------- | ------------------- | ------------------------- |
 * | a meeting is marked held (商談件数)             | business_negotiations   | +1 (−1 if undone)   | the slot's local date     |
 * | the event's status becomes held                | events_held             | +1 (−1 if undone)   | the event's last day      |
 * | follow-up survey: contracts concluded          | contracts               | answer − previous   | the day of the answer     |
 * | follow-up survey: sales in yen                 | sales_jpy               | answer − previous   | the day of the answer     |
 *
 * The survey's "negotiations still going on" answer is reported but not fed: the meetings held already
 * count as business negotiations, and feeding both would count one negotiation twice.
 */
import type { Executor } from "../db/connection.ts";
import { recordMetricValue } from "../evaluation/metric-link.ts";
import type { EventAccess } from "./event-access.ts";

type FedMetric = "business_negotiations" | "events_held" | "contracts" | "sales_jpy";

export function organisingOrgIds(access: Pick<EventAccess, "event" | "organisers">): string[] {
  return [...new Set([access.event.ownerOrgId, ...access.organisers.map((o) => o.orgId)])];
}

export async function feedMetric(
  db: Executor,
  access: Pick<EventAccess, "event" | "organisers">,
  metric: FedMetric,
  delta: number,
  day: string,
  source: string,
): Promise<void> {
  if (delta === 0) return;
  for (const orgId of organisingOrgIds(access)) {
    await recordMetricValue(db, { orgId, officeId: access.event.officeId, metric, period: day, delta, source });
  }
}
