import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { costLines, shareCost, totalCost, validateCostBreakdown } from "./cost.ts";
import { COST_COMPONENT_LABELS, COST_COMPONENTS } from "./labels.ts";

function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error("expected a validation error");
}

const amounts = (shares: { amountJpy: number }[]) => shares.map((s) => s.amountJpy);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("cost breakdown", () => {
  it("labels every component in ja and en", () => {
    expect(COST_COMPONENTS).toEqual([
      "rent",
      "local_staff",
      "dispatched_staff",
      "host_or_membership_fees",
      "contract_fees",
      "travel",
      "events",
      "other",
    ]);
    for (const c of COST_COMPONENTS) expect(COST_COMPONENT_LABELS[c].ja && COST_COMPONENT_LABELS[c].en).toBeTruthy();
  });

  it("totals the components, a missing one counting 0", () => {
    const b = validateCostBreakdown({ rent: 8_000_000, dispatched_staff: 24_000_000, travel: 1_500_000 });
    expect(totalCost(b)).toBe(33_500_000);
    expect(costLines(b).map((l) => l.jpy)).toEqual([8_000_000, 0, 24_000_000, 0, 0, 1_500_000, 0, 0]);
  });

  it("rejects fractional or negative yen and unknown components", () => {
    const errors = errorsOf(() => validateCostBreakdown({ rent: 1.5, travel: -1, golf: 3 }));
    expect(errors.map((e) => e.path).sort()).toEqual(["costs.golf", "costs.rent", "costs.travel"]);
  });
});

describe("shareCost", () => {
  const members = ["takeo", "nanto", "satsumasendai"];

  it("equal: splits ¥10M three ways, the odd yen to the member listed first", () => {
    const s = shareCost(10_000_000, members, { kind: "equal" });
    expect(amounts(s)).toEqual([3_333_334, 3_333_333, 3_333_333]);
    expect(s[0]?.exactJpy).toBeCloseTo(10_000_000 / 3, 6);
    expect(s[0]?.fraction).toBeCloseTo(1 / 3, 12);
  });

  it("equal: two leftover yen go to the first two members (ties broken by order)", () => {
    expect(amounts(shareCost(11, members, { kind: "equal" }))).toEqual([4, 4, 3]);
    expect(amounts(shareCost(11, ["c", "b", "a"], { kind: "equal" }))).toEqual([4, 4, 3]);
  });

  it("fixed_shares: multiplies by the fractions and rounds by largest remainder", () => {
    const s = shareCost(1_000_001, members, { kind: "fixed_shares", shares: { takeo: 0.5, nanto: 0.3, satsumasendai: 0.2 } });
    // exact: 500000.5, 300000.3, 200000.2 → floors sum to 1,000,000; the one yen left goes to the largest remainder
    expect(amounts(s)).toEqual([500_001, 300_000, 200_000]);
  });

  it("fixed_shares: accepts thirds typed to six places and normalises them", () => {
    const s = shareCost(100, members, {
      kind: "fixed_shares",
      shares: { takeo: 0.333333, nanto: 0.333333, satsumasendai: 0.333334 },
    });
    expect(sum(amounts(s))).toBe(100);
    expect(amounts(s)).toEqual([33, 33, 34]);
  });

  it("fixed_shares: rejects fractions that do not sum to 1, naming the key", () => {
    const errors = errorsOf(() => shareCost(100, members, { kind: "fixed_shares", shares: { takeo: 0.5, nanto: 0.3, satsumasendai: 0.1 } }));
    expect(errors[0]?.path).toBe("key.shares");
    expect(errors[0]?.message).toContain("sum to 1");
  });

  it("by_usage: shares in proportion to hours or cases handled", () => {
    const s = shareCost(9_000_000, members, { kind: "by_usage", usage: { takeo: 120, nanto: 60, satsumasendai: 20 }, unit: "hours" });
    expect(amounts(s)).toEqual([5_400_000, 2_700_000, 900_000]);
  });

  it("by_usage: decimal usage is exact (no floating-point drift)", () => {
    const s = shareCost(100, ["a", "b", "c"], { kind: "by_usage", usage: { a: 0.1, b: 0.2, c: 0.7 } });
    expect(amounts(s)).toEqual([10, 20, 70]);
  });

  it("by_usage: a member with no usage pays nothing; all-zero usage is an error", () => {
    expect(amounts(shareCost(100, members, { kind: "by_usage", usage: { takeo: 1, nanto: 0, satsumasendai: 1 } }))).toEqual([50, 0, 50]);
    expect(errorsOf(() => shareCost(100, members, { kind: "by_usage", usage: { takeo: 0, nanto: 0, satsumasendai: 0 } }))[0]?.path).toBe("key.usage");
  });

  it("base_plus_usage: a base split equally plus the rest by usage", () => {
    const s = shareCost(10_000_000, members, {
      kind: "base_plus_usage",
      baseJpy: 3_000_000,
      usage: { takeo: 5, nanto: 3, satsumasendai: 2 },
    });
    // 1,000,000 each + 7,000,000 × (0.5, 0.3, 0.2)
    expect(amounts(s)).toEqual([4_500_000, 3_100_000, 2_400_000]);
  });

  it("base_plus_usage: rounds the combined share so the parts sum to the total", () => {
    const s = shareCost(1_000, members, { kind: "base_plus_usage", baseJpy: 100, usage: { takeo: 1, nanto: 1, satsumasendai: 1 } });
    expect(amounts(s)).toEqual([334, 333, 333]);
    const t = shareCost(999_999, ["a", "b", "c", "d", "e", "f", "g"], {
      kind: "base_plus_usage",
      baseJpy: 123_457,
      usage: { a: 3, b: 1.5, c: 7, d: 0, e: 2.25, f: 11, g: 0.125 },
    });
    expect(sum(amounts(t))).toBe(999_999);
    for (const x of t) expect(Math.abs(x.amountJpy - x.exactJpy)).toBeLessThan(1);
  });

  it("base_plus_usage: the base may not exceed the total", () => {
    const errors = errorsOf(() => shareCost(100, members, { kind: "base_plus_usage", baseJpy: 101, usage: { takeo: 1, nanto: 1, satsumasendai: 1 } }));
    expect(errors[0]).toMatchObject({ path: "key.baseJpy", value: 101 });
  });

  it("always sums exactly to the total over many random cases", () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rand() * 9);
      const ids = Array.from({ length: n }, (_, i) => `m${i}`);
      const total = Math.floor(rand() * 50_000_000);
      const usage = Object.fromEntries(ids.map((id) => [id, Math.round(rand() * 1000) / 10 + 0.1]));
      for (const key of [
        { kind: "equal" as const },
        { kind: "by_usage" as const, usage },
        { kind: "base_plus_usage" as const, baseJpy: Math.floor(total * rand()), usage },
      ]) {
        const s = shareCost(total, ids, key);
        expect(sum(amounts(s))).toBe(total);
        for (const x of s) expect(Math.abs(x.amountJpy - x.exactJpy)).toBeLessThan(1 + 1e-6);
      }
    }
  });

  it("names missing and extra members, duplicates and a bad total", () => {
    const errors = errorsOf(() => shareCost(100, members, { kind: "by_usage", usage: { takeo: 1, nanto: 1, kurate: 1 } }));
    expect(errors.map((e) => e.path).sort()).toEqual(["key.usage.kurate", "key.usage.satsumasendai"]);
    expect(errorsOf(() => shareCost(100, ["a", "a"], { kind: "equal" }))[0]?.path).toBe("members[1]");
    expect(errorsOf(() => shareCost(1.5, ["a"], { kind: "equal" }))[0]?.path).toBe("totalJpy");
    expect(errorsOf(() => shareCost(100, [], { kind: "equal" }))[0]?.path).toBe("members");
    expect(errorsOf(() => shareCost(100, ["a"], { kind: "lottery" }))[0]?.path).toBe("key.kind");
  });

  it("shares a zero total as zeros", () => {
    expect(amounts(shareCost(0, members, { kind: "by_usage", usage: { takeo: 0, nanto: 0, satsumasendai: 0 } }))).toEqual([0, 0, 0]);
  });
});
