import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.ts";
import { CASE_THEMES } from "../networks/themes.ts";
import { continuityReport, type ContinuityInitiative } from "./continuity.ts";
import { dashboardItem, kpiWarnings } from "./kpi-dashboard.ts";
import type { TKpi } from "./kpis.schema.ts";
import { parsePeriod, periodOfDate, periodOrder, previousYearPeriod } from "./periods.ts";
import { resolveHistory } from "./status-history.ts";
import { INITIATIVE_THEMES, INITIATIVE_THEME_LABELS } from "./vocabulary.ts";

describe("periods", () => {
  it("parses years, fiscal years and months, and refuses anything else", () => {
    expect(parsePeriod("2024")).toEqual({ kind: "year", year: 2024, month: 0 });
    expect(parsePeriod("FY2024")).toEqual({ kind: "fiscal_year", year: 2024, month: 0 });
    expect(parsePeriod("2024-05")).toEqual({ kind: "month", year: 2024, month: 5 });
    for (const bad of ["2024-13", "fy2024", "2024-05-01", "24", "FY24", "1850", ""]) expect(parsePeriod(bad), bad).toBeNull();
  });

  it("steps back one year and orders periods", () => {
    expect(previousYearPeriod("2024")).toBe("2023");
    expect(previousYearPeriod("FY2024")).toBe("FY2023");
    expect(previousYearPeriod("2024-01")).toBe("2023-01");
    expect(periodOrder("2023-12")).toBeLessThan(periodOrder("2024-01"));
  });

  it("files a date under the fiscal year that began the April before it", () => {
    expect(periodOfDate("2025-03-31", "fiscal_year")).toBe("FY2024");
    expect(periodOfDate("2025-04-01", "fiscal_year")).toBe("FY2025");
    expect(periodOfDate("2025-03", "year")).toBe("2025");
    expect(periodOfDate("2025-03-10", "month")).toBe("2025-03");
    expect(periodOfDate("2025", "year")).toBeNull();
  });
});

describe("status history", () => {
  it("orders events, keeps same-day events in the order given, and derives status and until", () => {
    const r = resolveHistory(
      [
        { status: "discontinued", on: "2012-03" },
        { status: "active", on: "1958" },
        { status: "suspended", on: "2011" },
      ],
      "1958",
    );
    expect(r.events.map((e) => e.status)).toEqual(["active", "suspended", "discontinued"]);
    expect(r).toMatchObject({ status: "discontinued", until: "2012-03" });
    const resumed = resolveHistory([{ status: "active", on: null }, { status: "completed", on: "2020" }, { status: "active", on: "2021" }], null);
    expect(resumed).toMatchObject({ status: "active", until: null });
    expect(resumed.events[0]!.on).toBeNull();
  });

  it("names the event that breaks a rule", () => {
    const fail = (events: Parameters<typeof resolveHistory>[0], since: string | null) => {
      try {
        resolveHistory(events, since);
      } catch (e) {
        return (e as AppError).errors.map((x) => x.path);
      }
      throw new Error("expected an error");
    };
    expect(fail([{ status: "active", on: "2016" }, { status: "discontinued", on: null }], "2016")).toEqual(["statusHistory[1].on"]);
    expect(fail([{ status: "active", on: null }, { status: "planned", on: null }], null)).toEqual(["statusHistory[1].on"]);
    expect(fail([{ status: "active", on: "2015" }], "2016")).toEqual(["statusHistory[0].on"]);
    expect(resolveHistory([{ status: "planned", on: "2015" }, { status: "active", on: "2016" }], "2016").status).toBe("active");
  });
});

describe("continuity report", () => {
  const term = (id: string, from: string, until: string | null) => ({ id, leaderJa: id, leaderEn: id, from, until, backgroundJa: null, backgroundEn: null });
  const init = (id: string, since: string | null, until: string | null, status: ContinuityInitiative["status"] = "discontinued"): ContinuityInitiative => ({
    id, nameJa: id, nameEn: id, since, until, status, administrationId: null,
  });

  it("splits what began and ended in the 12 months before and after each change, with the boundaries included as documented", () => {
    const report = continuityReport(
      [term("B", "2015-12-19", null), term("A", "2011-12-19", "2015-12-19")],
      [
        init("ended-on-change", "2005", "2015-12-19"),
        init("ended-at-window-end", null, "2016-12-19"),
        init("ended-after-window", "2005", "2016-12-20"),
        init("ended-before", "2005", "2015-06", "completed"),
        init("ended-before-window", "2005", "2014-12-18"),
        init("began-after", "2016-04", null, "active"),
        init("began-before", "2015-01", "2016-03", "completed"),
      ],
    );
    expect(report.changes.map((c) => c.administration.id)).toEqual(["A", "B"]);
    const b = report.changes[1]!;
    expect(b.previous?.id).toBe("A");
    expect(b.window).toEqual({ from: "2014-12-19", change: "2015-12-19", to: "2016-12-19" });
    expect(b.ended.after.map((x) => x.id).sort()).toEqual(["began-before", "ended-at-window-end", "ended-on-change"]);
    expect(b.ended.before.map((x) => x.id)).toEqual(["ended-before"]);
    expect(b.began.after.map((x) => x.id)).toEqual(["began-after"]);
    expect(b.began.before.map((x) => x.id)).toEqual(["began-before"]);
    expect(b.counts).toEqual({ beganBefore: 1, beganAfter: 1, endedBefore: 1, endedAfter: 3, discontinuedAfter: 2, endedFromPrevious: 3 });
    expect(report.changes[0]!.previous).toBeNull();
    expect(report.totals.changes).toBe(2);
  });

  it("widens or narrows the window", () => {
    const r = continuityReport([term("A", "2011", null)], [init("x", "2000", "2012-06")], 6);
    expect(r.changes[0]!.counts.endedAfter).toBe(0);
    expect(continuityReport([term("A", "2011", null)], [init("x", "2000", "2012-06")], 18).changes[0]!.counts.endedAfter).toBe(1);
  });
});

describe("KPI dashboard computations", () => {
  const kpi = (over: Partial<TKpi> = {}): TKpi => ({
    id: "00000000-0000-4000-8000-000000000001", ownerOrgId: "00000000-0000-4000-8000-000000000002", ownerNameJa: "", ownerNameEn: "",
    officeId: null, initiativeId: null, nameJa: "商談件数", nameEn: "Negotiations", level: "output", horizon: "short", unit: "count",
    direction: "increase", periodKind: "year", target: null, pillar: null, metric: null, since: null, until: null,
    visibility: "public", sharedWith: [], source: null, unverified: false, createdAt: "", updatedAt: "", ...over,
  });

  it("computes year-on-year change, target attainment and whether the target period met the target", () => {
    const item = dashboardItem(kpi({ target: { value: 100, period: "2024" } }), [
      { period: "2024", value: 90, source: null },
      { period: "2022", value: 50, source: null },
      { period: "2023", value: 60, source: "x" },
    ]);
    expect(item.series.map((p) => [p.period, p.yoyChange])).toEqual([["2022", null], ["2023", 10], ["2024", 30]]);
    expect(item.series[2]!.yoyRatio).toBeCloseTo(0.5);
    expect(item).toMatchObject({ actualAtTarget: 90, targetMet: false, attainment: 0.9 });
    const lower = dashboardItem(kpi({ direction: "decrease", target: { value: 40, period: "2024" } }), [{ period: "2024", value: 32, source: null }]);
    expect(lower).toMatchObject({ targetMet: true, attainment: 1.25 });
    expect(dashboardItem(kpi(), []).latest).toBeNull();
  });

  it("warns of the short-term trap over the KPIs in force only", () => {
    const outputs = [kpi(), kpi({ id: "00000000-0000-4000-8000-000000000003", level: "activity" })];
    const w = kpiWarnings(outputs, "2025-01-01");
    expect(w.warnings.map((x) => x.code)).toEqual(["outputs_only", "short_term_only"]);
    expect(w.levels).toMatchObject({ output: 1, activity: 1, outcome: 0 });
    const withOutcome = [...outputs, kpi({ id: "00000000-0000-4000-8000-000000000004", level: "outcome", horizon: "long" })];
    expect(kpiWarnings(withOutcome, "2025-01-01").warnings).toEqual([]);
    const dropped = [...outputs, kpi({ id: "00000000-0000-4000-8000-000000000004", level: "outcome", horizon: "long", until: "2020" })];
    expect(kpiWarnings(dropped, "2025-01-01").warnings.map((x) => x.code)).toEqual(["outputs_only", "short_term_only"]);
    expect(kpiWarnings([], "2025-01-01").warnings).toEqual([]);
  });
});

describe("initiative themes", () => {
  it("include every case theme of the networks capability, each with ja/en labels", () => {
    for (const t of CASE_THEMES) expect(INITIATIVE_THEMES as readonly string[]).toContain(t);
    for (const t of INITIATIVE_THEMES) expect(INITIATIVE_THEME_LABELS[t].ja && INITIATIVE_THEME_LABELS[t].en).toBeTruthy();
  });
});
