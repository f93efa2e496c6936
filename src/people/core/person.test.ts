import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { buildPerson, buildPosting } from "./fixtures.ts";
import { ZLanguageSkill, languageRank } from "./languages.ts";
import { COMPETENCIES, COMPETENCY_LABELS, isInternationalPosting, parsePeople, periodEnd, wholeMonthsBetween, ZPosting } from "./person.ts";

function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error("expected a validation error");
}

describe("postings", () => {
  const posting = (o: Record<string, unknown>) => ZPosting.parse({ id: "p", from: "2020-04-01", ...o });

  it("count as international by kind, or by the department/training flag", () => {
    expect(isInternationalPosting(posting({ kind: "overseas_office", country: "SG" }))).toBe(true);
    expect(isInternationalPosting(posting({ kind: "dispatch", dispatchTarget: "jetro" }))).toBe(true);
    expect(isInternationalPosting(posting({ kind: "department", department: "Roads" }))).toBe(false);
    expect(isInternationalPosting(posting({ kind: "department", department: "International Affairs", international: true }))).toBe(true);
    expect(isInternationalPosting(posting({ kind: "training", country: "JP" }))).toBe(false);
    expect(isInternationalPosting(posting({ kind: "training", country: "US" }))).toBe(true);
    expect(isInternationalPosting(posting({ kind: "training", international: true }))).toBe(true);
  });

  it("validate dispatch targets, the country of an overseas posting and the dates", () => {
    const errors = errorsOf(() =>
      parsePeople([
        buildPerson({
          id: "a",
          postings: [
            { id: "p1", kind: "dispatch", from: "2020-04-01" },
            { id: "p2", kind: "department", dispatchTarget: "clair", from: "2020-04-01" },
            { id: "p3", kind: "overseas_office", from: "2020-04-01" },
            { id: "p4", kind: "department", from: "2020-04-01", to: "2019" },
            { id: "p4", kind: "department", from: "2021-04-01" },
          ],
        }),
      ]),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      "people[0].postings[0].dispatchTarget",
      "people[0].postings[1].dispatchTarget",
      "people[0].postings[2].country",
      "people[0].postings[3].to",
      "people[0].postings[4].id",
    ]);
  });
});

describe("competencies", () => {
  it("are the paper's three, labelled in both languages", () => {
    expect(COMPETENCIES).toEqual(["domestic_international_economy", "growth_sector_analysis", "coordination_with_agencies_and_companies_abroad"]);
    for (const c of COMPETENCIES) expect(COMPETENCY_LABELS[c].ja && COMPETENCY_LABELS[c].en).toBeTruthy();
  });

  it("need evidence, and posting evidence must name one of the person's postings", () => {
    const errors = errorsOf(() =>
      parsePeople([
        buildPerson({
          id: "a",
          postings: [buildPosting({ id: "p1" })],
          competencies: [
            { code: "growth_sector_analysis", evidence: [] },
            { code: "domestic_international_economy", evidence: [{ kind: "posting", postingId: "p9", note: "x" }] },
            { code: "coordination_with_agencies_and_companies_abroad", evidence: [{ kind: "posting", note: "x" }] },
          ],
        }),
      ]),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      "people[0].competencies[0].evidence",
      "people[0].competencies[1].evidence[0].postingId",
      "people[0].competencies[2].evidence[0].postingId",
    ]);
  });
});

describe("languages", () => {
  it("rank CEFR and JLPT-style levels on one scale", () => {
    expect(languageRank({ scale: "cefr", level: "B2" })).toBe(4);
    expect(languageRank({ scale: "jlpt", level: "N2" })).toBe(4);
    expect(languageRank({ scale: "jlpt", level: "N1" })).toBe(5);
    expect(languageRank({ scale: "cefr", level: "C2" })).toBe(6);
    expect(languageRank({ scale: "native", level: "native" })).toBe(7);
  });

  it("reject a level off the scale and JLPT levels for other languages", () => {
    expect(ZLanguageSkill.safeParse({ language: "en", scale: "cefr", level: "C3" }).success).toBe(false);
    expect(ZLanguageSkill.safeParse({ language: "th", scale: "jlpt", level: "N2" }).success).toBe(false);
    expect(ZLanguageSkill.safeParse({ language: "EN", scale: "cefr", level: "B1" }).success).toBe(false);
    expect(ZLanguageSkill.safeParse({ language: "th", scale: "cefr", level: "B1", evidence: "CU-TFL B1 (2021)" }).success).toBe(true);
  });
});

describe("date arithmetic", () => {
  it("takes the last day of partial dates and counts whole months", () => {
    expect(periodEnd("2020")).toBe("2020-12-31");
    expect(periodEnd("2020-02")).toBe("2020-02-29");
    expect(periodEnd("2021-02-03")).toBe("2021-02-03");
    expect(wholeMonthsBetween("2016-04-01", "2019-04-01")).toBe(36);
    expect(wholeMonthsBetween("2019-03-31", "2020-03-30")).toBe(11);
    expect(wholeMonthsBetween("2020-01-01", "2019-01-01")).toBe(0);
  });
});
