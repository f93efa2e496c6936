/**
 * @module offices/costs.service
 * An office's annual cost by component (rent, local staff, dispatched staff with allowances, host or
 * membership fees, contract fees, travel, events, other) per Japanese fiscal year, and how that cost is
 * shared among a joint office's members — the owner and co-owners in office_owners — by the key in its
 * operations settings, computed by the pure core (`shareCost`: exact shares, whole yen, parts summing to the
 * total).
 */
import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { officeCosts } from "./offices.table.ts";
import type { TCostYearInput } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import { membersOf, sharingKeyOf } from "./operations-settings.service.ts";
import { SHARING_KEY_LABELS, costLines, shareCost, totalCost } from "./operations/cost.ts";
import type { CostBreakdown } from "./operations/cost.ts";
import { COST_COMPONENTS } from "./operations/labels.ts";
import type { CostComponent } from "./operations/labels.ts";

type CostRow = typeof officeCosts.$inferSelect;

function presentYear(fiscalYear: number, rows: CostRow[]) {
  const breakdown: CostBreakdown = {};
  for (const r of rows) breakdown[r.component as CostComponent] = r.amountJpy;
  const components = Object.fromEntries(COST_COMPONENTS.map((c) => [c, breakdown[c] ?? 0])) as Record<CostComponent, number>;
  return {
    fiscalYear,
    period: `FY${fiscalYear}`,
    components,
    lines: costLines(breakdown),
    totalJpy: totalCost(breakdown),
    source: rows.find((r) => r.source)?.source ?? null,
    unverified: rows.some((r) => r.unverified),
  };
}
export type CostYear = ReturnType<typeof presentYear>;

async function yearsOf(db: Executor, officeId: string, fiscalYear?: number): Promise<CostYear[]> {
  const rows = await db
    .select()
    .from(officeCosts)
    .where(and(eq(officeCosts.officeId, officeId), fiscalYear !== undefined ? eq(officeCosts.fiscalYear, fiscalYear) : undefined))
    .orderBy(desc(officeCosts.fiscalYear));
  const byYear = new Map<number, CostRow[]>();
  for (const r of rows) byYear.set(r.fiscalYear, [...(byYear.get(r.fiscalYear) ?? []), r]);
  return [...byYear].map(([year, list]) => presentYear(year, list));
}

export async function listCostYears(db: Executor, actor: Actor, officeId: string) {
  await loadOfficeOps(db, actor, officeId, "read");
  return { items: await yearsOf(db, officeId) };
}

/** Replaces the year's components with those given (a component left out is 0 and not stored). */
export async function putCostYear(db: Executor, actor: Actor, officeId: string, fiscalYear: number, input: TCostYearInput): Promise<CostYear> {
  await loadOfficeOps(db, actor, officeId, "edit");
  await db.delete(officeCosts).where(and(eq(officeCosts.officeId, officeId), eq(officeCosts.fiscalYear, fiscalYear)));
  const values = COST_COMPONENTS.filter((c) => input.components[c] !== undefined).map((component) => ({
    officeId,
    fiscalYear,
    component,
    amountJpy: input.components[component] ?? 0,
    source: input.source ?? null,
    unverified: input.unverified,
  }));
  if (values.length === 0) {
    throw new AppError("validation_failed", "Give at least one cost component (0 is a value).", [
      { path: "components", message: `give at least one of ${COST_COMPONENTS.join(", ")}` },
    ]);
  }
  await db.insert(officeCosts).values(values);
  return (await yearsOf(db, officeId, fiscalYear))[0]!;
}

export async function deleteCostYear(db: Executor, actor: Actor, officeId: string, fiscalYear: number): Promise<void> {
  await loadOfficeOps(db, actor, officeId, "edit");
  const deleted = await db
    .delete(officeCosts)
    .where(and(eq(officeCosts.officeId, officeId), eq(officeCosts.fiscalYear, fiscalYear)))
    .returning({ component: officeCosts.component });
  if (deleted.length === 0) throw new AppError("not_found", `No costs recorded for FY${fiscalYear}.`);
}

/**
 * The year's cost (the latest recorded year unless one is given) with each member's share by the office's
 * key. A key that no longer fits the members (a co-owner joined or left) is a conflict naming the field.
 */
export async function costSharing(db: Executor, actor: Actor, officeId: string, fiscalYear?: number) {
  const ops = await loadOfficeOps(db, actor, officeId, "read");
  const [cost] = await yearsOf(db, officeId, fiscalYear);
  if (!cost) {
    throw new AppError("not_found", fiscalYear !== undefined ? `No costs recorded for FY${fiscalYear}.` : "No costs recorded for this office yet.");
  }
  const key = sharingKeyOf(ops);
  const members = await membersOf(db, ops);
  let shares;
  try {
    shares = shareCost(cost.totalJpy, ops.memberIds, key);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(
      "conflict",
      "The office's cost sharing key no longer fits its members or this year's total; update it in the operations settings.",
      error.errors.map((e) => ({ ...e, path: e.path.replace(/^key/, "sharingKey") })),
    );
  }
  return {
    officeId,
    cost,
    key,
    keyLabel: SHARING_KEY_LABELS[key.kind],
    shares: shares.map((s, i) => ({ ...members[i]!, amountJpy: s.amountJpy, exactJpy: s.exactJpy, fraction: s.fraction })),
  };
}
