import { describe, expect, it } from "vitest";
import { levelsOf } from "./labels.ts";
import { dayOf, timelineLayout, yearStep } from "./timeline-model.ts";
import { handoverBody, handoverErrorTarget } from "./handover-model.ts";
import { skillsBody, skillsErrorTarget, type CompetencyDraft } from "./skills-model.ts";

describe("postings timeline", () => {
  it("reads partial dates as the first or last day they can mean", () => {
    expect(new Date(dayOf("2019", "first")!).toISOString().slice(0, 10)).toBe("2019-01-01");
    expect(new Date(dayOf("2019", "last")!).toISOString().slice(0, 10)).toBe("2019-12-31");
    expect(new Date(dayOf("2020-02", "last")!).toISOString().slice(0, 10)).toBe("2020-02-29");
    expect(new Date(dayOf("2021-04-01", "last")!).toISOString().slice(0, 10)).toBe("2021-04-01");
    expect(dayOf("soon", "first")).toBeNull();
  });

  it("lays postings out oldest first on a year axis, open postings running to today", () => {
    const today = Date.UTC(2024, 5, 30);
    const layout = timelineLayout(
      [
        { id: "b", from: "2022-04-01", to: null },
        { id: "a", from: "2020", to: "2021-12-31" },
      ],
      today,
    )!;
    expect(layout.firstYear).toBe(2020);
    expect(layout.lastYear).toBe(2024);
    expect(layout.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(layout.bars.map((b) => [b.id, b.lane, b.open])).toEqual([
      ["a", 0, false],
      ["b", 1, true],
    ]);
    expect(layout.bars[0]!.start).toBe(0);
    expect(layout.bars[0]!.end).toBeCloseTo(2 / 5, 2);
    expect(layout.bars[1]!.end).toBeLessThan(1);
    expect(timelineLayout([], today)).toBeNull();
  });

  it("labels at most about ten years", () => {
    expect(yearStep(6)).toBe(1);
    expect(yearStep(15)).toBe(2);
    expect(yearStep(40)).toBe(5);
  });

  it("knows each scale's levels", () => {
    expect(levelsOf("jlpt")).toEqual(["N5", "N4", "N3", "N2", "N1"]);
    expect(levelsOf("native")).toEqual(["native"]);
    expect(levelsOf("x")).toEqual([]);
  });
});


describe("skills editor", () => {
  const competencies: CompetencyDraft[] = [
    { code: "domestic_international_economy", held: false, evidence: [] },
    { code: "growth_sector_analysis", held: true, evidence: [{ kind: "posting", postingId: "p1", note: " Food export study ", date: "" }] },
    { code: "coordination_with_agencies_and_companies_abroad", held: true, evidence: [{ kind: "project", postingId: "", note: "MoU", date: "2023-04" }] },
  ];

  it("sends the languages and only the competencies held, without empty optional fields", () => {
    expect(skillsBody([{ language: "EN", scale: "cefr", level: "B2", evidence: "" }], competencies)).toEqual({
      languages: [{ language: "en", scale: "cefr", level: "B2" }],
      competencies: [
        { code: "growth_sector_analysis", evidence: [{ kind: "posting", postingId: "p1", note: "Food export study" }] },
        { code: "coordination_with_agencies_and_companies_abroad", evidence: [{ kind: "project", note: "MoU", date: "2023-04" }] },
      ],
    });
  });

  it("maps error paths back to the editor's inputs through the competencies held", () => {
    expect(skillsErrorTarget("languages[1].level", competencies)).toBe("lang-1-level");
    expect(skillsErrorTarget("competencies[0].evidence[0].postingId", competencies)).toBe("comp-growth_sector_analysis-0-postingId");
    expect(skillsErrorTarget("competencies[1].evidence", competencies)).toBe("comp-coordination_with_agencies_and_companies_abroad");
    expect(skillsErrorTarget("competencies[5].code", competencies)).toBeUndefined();
    expect(skillsErrorTarget("name", competencies)).toBeUndefined();
  });
});


describe("handover form", () => {
  it("drops blank rows, gives matters ids, and maps errors back to the rows typed", () => {
    const built = handoverBody({
      postingId: "p",
      successorId: " s ",
      contactIds: ["c1"],
      tieIds: ["t1"],
      matters: [
        { title: "", status: "", nextStep: "", due: "" },
        { title: "Food fair", status: "planning", nextStep: "", due: "2025-01" },
      ],
      cases: [{ caseId: "MC-12", stage: "", note: "" }],
    });
    expect(built.body).toEqual({
      postingId: "p",
      successorId: "s",
      contactIds: ["c1"],
      ongoingMatters: [{ id: "matter-1", title: "Food fair", status: "planning", due: "2025-01" }],
      ties: [{ tieId: "t1" }],
      openMatchmakingCases: [{ caseId: "MC-12" }],
    });
    expect(handoverErrorTarget("ongoingMatters[0].due", built)).toBe("ho-m-1-due");
    expect(handoverErrorTarget("openMatchmakingCases[0].caseId", built)).toBe("ho-c-0-caseId");
    expect(handoverErrorTarget("contactIds[0]", built)).toBe("ho-contacts");
    expect(handoverErrorTarget("ties[0].tieId", built)).toBe("ho-ties");
    expect(handoverErrorTarget("postingId", built)).toBe("ho-posting");
    expect(handoverErrorTarget("transfers[0].contactId", built)).toBeUndefined();
  });
});
