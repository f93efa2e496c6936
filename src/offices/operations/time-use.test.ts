import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { TIME_CATEGORIES, TIME_CATEGORY_LABELS } from "./labels.ts";
import { MANAGEMENT_SHARE_BENCHMARK, summariseTimeUse, validateTimeEntries, yearOfMonth } from "./time-use.ts";

function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error("expected a validation error");
}

describe("time-use categories", () => {
  it("are office management, the four functions and the six other duties, each labelled in ja and en", () => {
    expect(TIME_CATEGORIES).toHaveLength(11);
    expect(TIME_CATEGORIES[0]).toBe("office_management");
    for (const c of TIME_CATEGORIES) {
      expect(TIME_CATEGORY_LABELS[c].ja).not.toBe("");
      expect(TIME_CATEGORY_LABELS[c].en).not.toBe("");
    }
  });
});

describe("summariseTimeUse", () => {
  const entries = [
    { officeId: "sg", staffId: "head", month: "2024-03", category: "office_management", hours: 60 },
    { officeId: "sg", staffId: "head", month: "2024-03", category: "economic_exchange_business_support", hours: 100 },
    { officeId: "sg", staffId: "aide", month: "2024-03", category: "regional_promotion", hours: 40 },
    { officeId: "sg", staffId: "head", month: "2024-04", category: "office_management", hours: 20 },
    { officeId: "sg", staffId: "head", month: "2024-04", category: "information_gathering", hours: 140 },
    { officeId: "bkk", staffId: "solo", month: "2024-04", category: "office_management", hours: 48 },
    { officeId: "bkk", staffId: "solo", month: "2024-04", category: "vip_visits", hours: 112 },
  ];

  it("computes monthly shares as category hours ÷ all hours, and flags management ≥ 30 %", () => {
    const s = summariseTimeUse(entries);
    expect(s.benchmark).toBe(MANAGEMENT_SHARE_BENCHMARK);
    const sg = s.offices.find((o) => o.officeId === "sg");
    const march = sg?.months.find((m) => m.period === "2024-03");
    expect(march?.totalHours).toBe(200);
    expect(march?.shares.office_management).toBeCloseTo(0.3, 12);
    expect(march?.managementShare).toBeCloseTo(0.3, 12);
    expect(march?.atOrAboveBenchmark).toBe(true);
    expect(march?.shares.economic_exchange_business_support).toBeCloseTo(0.5, 12);
    const april = sg?.months.find((m) => m.period === "2024-04");
    expect(april?.managementShare).toBeCloseTo(0.125, 12);
    expect(april?.atOrAboveBenchmark).toBe(false);
    const sumOfShares = TIME_CATEGORIES.reduce((sum, c) => sum + (march?.shares[c] ?? 0), 0);
    expect(sumOfShares).toBeCloseTo(1, 12);
  });

  it("gives each staff member's own management share (the paper's figure is about the head)", () => {
    const march = summariseTimeUse(entries).offices.find((o) => o.officeId === "sg")?.months[0];
    expect(march?.staff).toEqual([
      { staffId: "aide", totalHours: 40, managementHours: 0, managementShare: 0, atOrAboveBenchmark: false },
      { staffId: "head", totalHours: 160, managementHours: 60, managementShare: 0.375, atOrAboveBenchmark: true },
    ]);
  });

  it("groups months into Japanese fiscal years (April–March) by default, calendar years on request", () => {
    expect(yearOfMonth("2024-03", "fiscal")).toBe("FY2023");
    expect(yearOfMonth("2024-04", "fiscal")).toBe("FY2024");
    expect(yearOfMonth("2024-03", "calendar")).toBe("2024");
    const fiscal = summariseTimeUse(entries).offices.find((o) => o.officeId === "sg");
    expect(fiscal?.years.map((y) => y.period)).toEqual(["FY2023", "FY2024"]);
    const calendar = summariseTimeUse(entries, { yearBasis: "calendar" }).offices.find((o) => o.officeId === "sg");
    expect(calendar?.years).toHaveLength(1);
    expect(calendar?.years[0]?.totalHours).toBe(360);
    expect(calendar?.years[0]?.managementShare).toBeCloseTo(80 / 360, 12);
  });

  it("keeps offices apart and sorted", () => {
    const s = summariseTimeUse(entries);
    expect(s.offices.map((o) => o.officeId)).toEqual(["bkk", "sg"]);
    expect(s.offices[0]?.months[0]?.managementShare).toBeCloseTo(0.3, 12);
    expect(s.offices[0]?.months[0]?.atOrAboveBenchmark).toBe(true);
  });

  it("reports a period with no hours as shares of 0, not as a flag", () => {
    const s = summariseTimeUse([{ officeId: "x", staffId: "a", month: "2024-01", category: "office_management", hours: 0 }]);
    expect(s.offices[0]?.months[0]?.managementShare).toBe(0);
    expect(s.offices[0]?.months[0]?.atOrAboveBenchmark).toBe(false);
  });
});

describe("validateTimeEntries", () => {
  const ok = { officeId: "sg", staffId: "head", month: "2024-03", category: "office_management", hours: 10 };

  it("rejects negative hours, naming the field", () => {
    const errors = errorsOf(() => validateTimeEntries([ok, { ...ok, hours: -1 }]));
    expect(errors).toMatchObject([{ path: "entries[1].hours", message: "must not be negative", value: -1 }]);
  });

  it("rejects more than 744 h in an entry and in a person's month summed over entries", () => {
    expect(errorsOf(() => validateTimeEntries([{ ...ok, hours: 745 }]))[0]?.path).toBe("entries[0].hours");
    const errors = errorsOf(() =>
      validateTimeEntries([
        { ...ok, hours: 400 },
        { ...ok, category: "vip_visits", hours: 300 },
        { ...ok, officeId: "bkk", category: "vip_visits", hours: 45 },
      ]),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: "entries[2].hours", value: 745 });
    expect(errors[0]?.message).toContain("head logged 745 h in 2024-03");
  });

  it("rejects an unknown category and a bad month", () => {
    const errors = errorsOf(() =>
      validateTimeEntries([
        { ...ok, category: "golf" },
        { ...ok, month: "2024-13" },
        { ...ok, month: "2024/03" },
      ]),
    );
    expect(errors.map((e) => e.path)).toEqual(["entries[0].category", "entries[1].month", "entries[2].month"]);
    expect(errors[0]?.message).toContain("unknown category");
    expect(errors[1]?.message).toContain("YYYY-MM");
  });

  it("rejects missing fields, unknown fields and a non-list", () => {
    const errors = errorsOf(() => validateTimeEntries([{ officeId: "sg", month: "2024-03", category: "vip_visits", hours: 1, note: "x" }]));
    expect(errors.map((e) => e.path).sort()).toEqual(["entries[0]", "entries[0].staffId"]);
    expect(errorsOf(() => validateTimeEntries({}))[0]?.path).toBe("entries");
  });

  it("summariseTimeUse validates before computing", () => {
    expect(() => summariseTimeUse([{ ...ok, hours: Number.NaN }])).toThrow(AppError);
  });
});
