import { describe, expect, it } from "vitest";
import type { Problem } from "../../lib/api.ts";
import { baseRef, formatMeasure, formatSigned, newestFirst, recordOf, recordPath, spokePoint, stageRuns, stageScore, tint, yearAssessmentPath, yearEvidenceCount, yearOf, yearTicks } from "./assessment-view.ts";
import { adaptProblem, byLevel, isImprovement, kpiBody } from "./kpi-view.ts";
import { termDeleteQuestion, termEditPath, termPeriod } from "./term-view.ts";

const shares = (ta: number, npm: number, ng: number) => ({ traditional_administration: ta, new_public_management: npm, network_governance: ng });

describe("assessment view helpers", () => {
  it("places a dimension between the stages by its evidence shares", () => {
    expect(stageScore(shares(1, 0, 0))).toBe(1);
    expect(stageScore(shares(0, 0, 1))).toBe(3);
    expect(stageScore(shares(0.5, 0, 0.5))).toBe(2);
    expect(stageScore(shares(0.25, 0.25, 0.5))).toBeCloseTo(2.25);
    expect(stageScore(shares(0, 0, 0))).toBeNull();
  });

  it("puts spoke 0 straight up and goes clockwise", () => {
    expect(spokePoint(0, 6, 100, 200, 200)).toEqual({ x: 200, y: 100 });
    expect(spokePoint(3, 6, 100, 200, 200)).toEqual({ x: 200, y: 300 });
    const right = spokePoint(1, 4, 50, 0, 0);
    expect(right.x).toBe(50);
    expect(Math.abs(right.y)).toBe(0);
  });

  it("tints a colour", () => {
    expect(tint("#009E73", 0.5)).toBe("rgba(0, 158, 115, 0.5)");
    expect(tint("#E69F00", 2)).toBe("rgba(230, 159, 0, 1)");
  });

  it("finds the record behind an evidence ref and its page", () => {
    expect(baseRef("ties[3].purposes[1]")).toBe("ties[3]");
    expect(baseRef("initiatives[1].partners")).toBe("initiatives[1]");
    expect(baseRef("offices[0]")).toBe("offices[0]");
    expect(baseRef("offices[0].functions[2]")).toBe("offices[0]");
    const records = { "ties[3]": { kind: "tie" as const, id: "t" }, "kpis[0]": { kind: "kpi" as const, id: "k" } };
    expect(recordOf("ties[3].purposes[1]", records)).toEqual({ kind: "tie", id: "t" });
    expect(recordOf("people[0]", records)).toBeUndefined();
    expect(recordPath({ kind: "office", id: "o" }, "org")).toBe("/offices/o");
    expect(recordPath({ kind: "tie", id: "t" }, "org")).toBe("/ties/t");
    expect(recordPath({ kind: "initiative", id: "i" }, "org")).toBe("/initiatives/i");
    expect(recordPath({ kind: "kpi", id: "k" }, "org")).toBe("/kpis/org?kpi=k#kpi-k");
    expect(recordPath({ kind: "administration", id: "a" }, "org")).toBe("/continuity/org#term-a");
  });

  it("tells a dimension's story as runs of one verdict", () => {
    const runs = stageRuns([
      { year: 2000, stage: null },
      { year: 2001, stage: "traditional_administration" },
      { year: 2002, stage: "traditional_administration" },
      { year: 2003, stage: "network_governance" },
      { year: 2005, stage: "network_governance" },
    ]);
    expect(runs).toEqual([
      { from: 2000, to: 2000, stage: null },
      { from: 2001, to: 2002, stage: "traditional_administration" },
      { from: 2003, to: 2003, stage: "network_governance" },
      { from: 2005, to: 2005, stage: "network_governance" },
    ]);
    expect(stageRuns([])).toEqual([]);
  });

  it("lists the light timeline's years newest first, counts their evidence and finds one year's full assessment", () => {
    const dim = (evidenceCount: number) => ({ evidenceCount });
    const point = (year: number, n: number) => ({
      year,
      dimensions: { office_model: dim(n), urban_exchange_form: dim(1), exchange_purpose: dim(0), interorganisational_relations: dim(2), organisational_principle: dim(0), governance_purpose: dim(0) },
    });
    const points = [point(2011, 1), point(2012, 0), point(2013, 3)];
    expect(newestFirst(points).map((p) => p.year)).toEqual([2013, 2012, 2011]);
    expect(points.map((p) => p.year)).toEqual([2011, 2012, 2013]);
    expect(yearEvidenceCount(points[2]!)).toBe(6);
    expect(yearEvidenceCount(points[1]!)).toBe(3);
    expect(yearAssessmentPath("org", "2012-12-31", "ja")).toBe("/api/organisations/org/assessment?asOf=2012-12-31&locale=ja");
  });

  it("labels years in round steps", () => {
    expect(yearTicks(1958, 2026)).toEqual([1960, 1970, 1980, 1990, 2000, 2010, 2020]);
    expect(yearTicks(2020, 2026)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(yearTicks(2026, 2026)).toEqual([2026]);
    expect(yearTicks(2027, 2026)).toEqual([]);
  });

  it("reads partial dates as fractional years", () => {
    expect(yearOf("2011")).toBe(2011);
    expect(yearOf("2011-07")).toBe(2011.5);
    expect(yearOf(null)).toBeNull();
    expect(yearOf("soon")).toBeNull();
  });

  it("writes KPI values in their unit and locale", () => {
    expect(formatMeasure(176700000000, "jpy", "ja")).toBe("￥176,700,000,000");
    expect(formatMeasure(176700000000, "jpy", "en")).toBe("¥176,700,000,000");
    expect(formatMeasure(12.5, "percent", "en")).toBe("12.5%");
    expect(formatMeasure(31882049, "persons", "en")).toBe("31,882,049");
    expect(formatMeasure(null, "count", "en")).toBe("");
    expect(formatSigned(8, "count", "en")).toBe("+8");
    expect(formatSigned(-3, "count", "en")).toBe("−3");
    expect(formatSigned(0, "count", "en")).toBe("0");
  });
});

describe("KPI view helpers", () => {
  const problem = (errors: Problem["errors"]): Problem => ({ status: 400, title: "Validation failed", code: "validation_failed", errors });

  it("moves API errors onto the form's fields and words the evaluation's reasons", () => {
    const adapted = adaptProblem(
      problem([
        { path: "target.period", message: "must be a year period like 2024" },
        { path: "params.period", message: "must be a year (2024), a fiscal year (FY2024) or a month (2024-05)", code: "custom" },
        { path: "value", message: "Invalid input: expected number, received string", code: "invalid_type" },
      ]),
      { "target.period": "targetPeriod", "params.period": "period" },
      "ja",
    );
    expect(adapted.errors).toEqual([
      { path: "targetPeriod", message: "このKPIの期間の種類で入力してください（例: 2024）" },
      { path: "period", message: "年（2024）、年度（FY2024）または月（2024-05）で入力してください" },
      { path: "value", message: "Invalid input: expected number, received string", code: "invalid_type" },
    ]);
    expect(adaptProblem(problem([{ path: "body.until", message: "must be after since" }]), {}, "en").errors).toEqual([{ path: "until", message: "Must be after the start" }]);
  });

  it("words a term's overlap (409) beside its start, in both languages", () => {
    const overlap = { status: 409, title: "Conflict", code: "conflict" as const, errors: [{ path: "from", message: "overlaps the term of Toru Hashimoto from 2011-12-19" }] };
    expect(adaptProblem(overlap, {}, "ja").errors).toEqual([{ path: "from", message: "Toru Hashimoto の任期（2011-12-19〜）と重なっています" }]);
    expect(adaptProblem(overlap, {}, "en").errors).toEqual([{ path: "from", message: "Overlaps the term of Toru Hashimoto (from 2011-12-19)" }]);
  });

  it("builds the KPI body with its target", () => {
    expect(kpiBody({ nameEn: "x", targetValue: 120, targetPeriod: "2030" }, "org")).toEqual({ nameEn: "x", ownerOrgId: "org", target: { value: 120, period: "2030" } });
    expect(kpiBody({ nameEn: "x" }, "org")).toEqual({ nameEn: "x", ownerOrgId: "org" });
    expect(kpiBody({ targetPeriod: "2030" }, "org")).toEqual({ ownerOrgId: "org", target: { value: "", period: "2030" } });
  });

  it("groups KPIs by level in logic-model order", () => {
    const groups = byLevel([{ l: "outcome" as const }, { l: "input" as const }, { l: "outcome" as const }], (x) => x.l);
    expect(groups.map((g) => [g.level, g.items.length])).toEqual([
      ["input", 1],
      ["outcome", 2],
    ]);
  });

  it("judges a change by the KPI's direction", () => {
    expect(isImprovement(5, "increase")).toBe(true);
    expect(isImprovement(5, "decrease")).toBe(false);
    expect(isImprovement(-2, "decrease")).toBe(true);
    expect(isImprovement(0, "increase")).toBeNull();
  });
});

describe("term-of-office helpers", () => {
  it("asks before deleting according to how many initiatives lose their link", () => {
    expect(termDeleteQuestion(0)).toBe("governance.term.deleteConfirm.none");
    expect(termDeleteQuestion(1)).toBe("governance.term.deleteConfirm.one");
    expect(termDeleteQuestion(3)).toBe("governance.term.deleteConfirm.many");
  });

  it("writes the term's period in the reader's language and finds its edit page", () => {
    expect(termPeriod({ from: "2011-12-19", until: "2015-12-18" }, "en", "in office")).toMatch(/^19 Dec(ember)? 2011 – 18 Dec(ember)? 2015$/);
    expect(termPeriod({ from: "2011-12", until: null }, "ja", "在任中")).toBe("2011年12月 (平成23年) – 在任中");
    expect(termEditPath("org", "t")).toBe("/continuity/org/terms/t/edit");
  });
});
