/**
 * @module offices/operations/cost
 * An overseas office's annual cost by component, its total, and how a joint office's cost is shared among its
 * members by a documented key. Amounts are whole yen; a share is computed exactly (BigInt rationals, so no
 * floating-point drift) and rounded by the largest-remainder method so the members' parts add up to the total
 * to the yen. Pure.
 */
import { z } from "zod";
import type { Bilingual } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import type { FieldError } from "../../core/errors.ts";
import { COST_COMPONENT_LABELS, COST_COMPONENTS } from "./labels.ts";
import type { CostComponent } from "./labels.ts";

const ZYen = z.int({ error: () => "must be a whole number of yen" }).min(0, "must not be negative");

export const ZCostBreakdown = z
  .object({
    rent: ZYen.optional().describe("Office rent for the year"),
    local_staff: ZYen.optional().describe("Locally hired staff"),
    dispatched_staff: ZYen.optional().describe("Staff dispatched from Japan, incl. overseas and housing allowances"),
    host_or_membership_fees: ZYen.optional().describe("Fees to a host organisation or a joint office"),
    contract_fees: ZYen.optional().describe("Fees to a contractor (outsourced desk, tourism representative)"),
    travel: ZYen.optional().describe("Travel"),
    events: ZYen.optional().describe("Events, fairs, seminars and missions"),
    other: ZYen.optional().describe("Anything else"),
  })
  .strict()
  .describe("Annual cost in yen by component; a missing component is 0");
export type CostBreakdown = z.infer<typeof ZCostBreakdown>;

export function validateCostBreakdown(input: unknown, prefix = "costs"): CostBreakdown {
  const result = ZCostBreakdown.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error, prefix);
    throw new AppError("validation_failed", `${prefix} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}

export function totalCost(breakdown: CostBreakdown): number {
  return COST_COMPONENTS.reduce((sum, c) => sum + (breakdown[c] ?? 0), 0);
}

export interface CostLine {
  component: CostComponent;
  label: Bilingual;
  jpy: number;
}

/** Every component in a fixed order (zeros included), for tables and charts. */
export function costLines(breakdown: CostBreakdown): CostLine[] {
  return COST_COMPONENTS.map((component) => ({
    component,
    label: COST_COMPONENT_LABELS[component],
    jpy: breakdown[component] ?? 0,
  }));
}

const ZUsage = z
  .record(z.string(), z.number({ error: () => "must be a number" }).min(0, "must not be negative"))
  .describe("Usage per member id (hours, cases handled, …), in one unit");

export const ZSharingKey = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("equal") }).strict(),
  z
    .object({
      kind: z.literal("fixed_shares"),
      shares: z
        .record(z.string(), z.number({ error: () => "must be a fraction" }).min(0, "must not be negative").max(1, "must not exceed 1"))
        .describe("Fraction of the cost per member id; the fractions sum to 1"),
    })
    .strict(),
  z.object({ kind: z.literal("by_usage"), usage: ZUsage, unit: z.string().optional() }).strict(),
  z
    .object({
      kind: z.literal("base_plus_usage"),
      baseJpy: ZYen.describe("Base fee, split equally among the members"),
      usage: ZUsage,
      unit: z.string().optional(),
    })
    .strict(),
]);
export type SharingKey = z.infer<typeof ZSharingKey>;
export type SharingKeyKind = SharingKey["kind"];

export const SHARING_KEY_LABELS: Record<SharingKeyKind, Bilingual> = {
  equal: { ja: "均等割", en: "Equal shares" },
  fixed_shares: { ja: "固定割合", en: "Fixed shares" },
  by_usage: { ja: "利用実績割", en: "By usage" },
  base_plus_usage: { ja: "均等割＋利用実績割", en: "Base fee plus usage" },
};

export interface CostShare {
  memberId: string;
  /** Whole yen; the parts sum exactly to the total. */
  amountJpy: number;
  /** The unrounded share, for showing how the rounding went. */
  exactJpy: number;
  /** exactJpy ÷ total (0 when the total is 0). */
  fraction: number;
}

/** Fixed shares may differ from 1 by this much (e.g. thirds typed as 0.333333); they are then normalised. */
export const FIXED_SHARES_TOLERANCE = 1e-6;

/** A finite non-negative number as an exact decimal n / 10^scale (from its shortest round-trip text). */
function toDecimal(x: number): { n: bigint; scale: number } {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`not a non-negative finite number: ${x}`);
  const fraction = m[2] ?? "";
  let scale = fraction.length - Number(m[3] ?? 0);
  let n = BigInt(`${m[1]}${fraction}`);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n, scale };
}

/** Exact integers proportional to the given numbers (all scaled to a common power of ten). */
function exactWeights(xs: number[]): bigint[] {
  const ds = xs.map(toDecimal);
  const scale = Math.max(0, ...ds.map((d) => d.scale));
  return ds.map((d) => d.n * 10n ** BigInt(scale - d.scale));
}

/**
 * Largest-remainder rounding of exact shares numerators[i] / denominator (which sum to `total`): each member
 * gets the floor, then the yen still unallocated go one each to the largest remainders, ties to the member
 * listed first.
 */
function allocate(total: bigint, numerators: bigint[], denominator: bigint): number[] {
  const floors = numerators.map((n) => n / denominator);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = numerators
    .map((n, i) => ({ i, r: n % denominator }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const amounts = [...floors];
  for (const { i } of order) {
    if (left <= 0n) break;
    amounts[i] = (amounts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return amounts.map(Number);
}

function fail(what: string, errors: FieldError[]): never {
  throw new AppError("validation_failed", `${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
}

function checkCoverage(map: Record<string, number>, members: string[], path: string, errors: FieldError[]): void {
  for (const m of members) if (!(m in map)) errors.push({ path: `${path}.${m}`, message: `missing for member ${m}` });
  for (const k of Object.keys(map)) if (!members.includes(k)) errors.push({ path: `${path}.${k}`, message: `${k} is not a member` });
}

/**
 * Shares a total annual cost among the members of a joint office.
 * - `equal`: total ÷ n each.
 * - `fixed_shares`: total × share (shares sum to 1 within 1e-6, then are normalised to sum exactly to 1).
 * - `by_usage`: total × usage ÷ Σ usage.
 * - `base_plus_usage`: baseJpy ÷ n + (total − baseJpy) × usage ÷ Σ usage.
 * Each exact share is rounded to whole yen by the largest-remainder method (ties to the member listed first),
 * so the parts sum to the total exactly. Throws a validation error naming the field (`key.usage.nanto`).
 */
export function shareCost(totalJpy: number, members: string[], keyInput: unknown): CostShare[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(totalJpy) || totalJpy < 0) errors.push({ path: "totalJpy", message: "must be a whole number of yen, 0 or more", value: totalJpy });
  if (members.length === 0) errors.push({ path: "members", message: "must name at least one member" });
  members.forEach((m, i) => {
    if (typeof m !== "string" || m.trim() === "") errors.push({ path: `members[${i}]`, message: "must be a member id" });
    else if (members.indexOf(m) !== i) errors.push({ path: `members[${i}]`, message: `${m} is listed twice`, value: m });
  });
  const parsed = ZSharingKey.safeParse(keyInput);
  if (!parsed.success) fail("cost sharing", [...errors, ...fieldErrorsFromZod(parsed.error, "key")]);
  if (errors.length > 0) fail("cost sharing", errors);
  const key = parsed.data;
  const total = BigInt(totalJpy);
  const n = BigInt(members.length);
  let numerators: bigint[];
  let denominator: bigint;

  switch (key.kind) {
    case "equal":
      numerators = members.map(() => total);
      denominator = n;
      break;
    case "fixed_shares": {
      checkCoverage(key.shares, members, "key.shares", errors);
      const sum = members.reduce((s, m) => s + (key.shares[m] ?? 0), 0);
      if (errors.length === 0 && Math.abs(sum - 1) > FIXED_SHARES_TOLERANCE) errors.push({ path: "key.shares", message: `must sum to 1 (they sum to ${sum})`, value: sum });
      if (errors.length > 0) fail("cost sharing", errors);
      const w = exactWeights(members.map((m) => key.shares[m] ?? 0));
      numerators = w.map((x) => total * x);
      denominator = w.reduce((a, b) => a + b, 0n);
      break;
    }
    case "by_usage": {
      checkCoverage(key.usage, members, "key.usage", errors);
      if (errors.length > 0) fail("cost sharing", errors);
      const w = exactWeights(members.map((m) => key.usage[m] ?? 0));
      denominator = w.reduce((a, b) => a + b, 0n);
      if (denominator === 0n) {
        if (total > 0n) fail("cost sharing", [{ path: "key.usage", message: "usage sums to 0, so there is nothing to share by" }]);
        denominator = 1n;
      }
      numerators = w.map((x) => total * x);
      break;
    }
    case "base_plus_usage": {
      checkCoverage(key.usage, members, "key.usage", errors);
      if (key.baseJpy > totalJpy) errors.push({ path: "key.baseJpy", message: `must not exceed the total (${totalJpy} yen)`, value: key.baseJpy });
      if (errors.length > 0) fail("cost sharing", errors);
      const base = BigInt(key.baseJpy);
      const rest = total - base;
      let w = exactWeights(members.map((m) => key.usage[m] ?? 0));
      let usageSum = w.reduce((a, b) => a + b, 0n);
      if (usageSum === 0n) {
        if (rest > 0n) fail("cost sharing", [{ path: "key.usage", message: "usage sums to 0 but part of the total is to be shared by usage" }]);
        w = members.map(() => 1n);
        usageSum = n;
      }
      // base/n + rest·u/U over the common denominator n·U
      numerators = w.map((u) => base * usageSum + rest * u * n);
      denominator = n * usageSum;
      break;
    }
  }

  const amounts = allocate(total, numerators, denominator);
  return members.map((memberId, i) => {
    const exact = Number(numerators[i] ?? 0n) / Number(denominator);
    return {
      memberId,
      amountJpy: amounts[i] ?? 0,
      exactJpy: exact,
      fraction: totalJpy > 0 ? exact / totalJpy : 0,
    };
  });
}
