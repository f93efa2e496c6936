import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { buildPerson, buildPosting } from "./fixtures.ts";
import { reassignmentRisks } from "./reassignment-risk.ts";

const asOf = "2024-04-01";

const bangkokThenRoads = buildPerson({
  id: "sato",
  postings: [
    buildPosting({ id: "bkk", kind: "overseas_office", country: "TH", city: "Bangkok", from: "2019-04-01", to: "2022-03-31", functions: ["economic_exchange_business_support"] }),
    buildPosting({ id: "roads", kind: "department", department: "Roads", from: "2022-04-01" }),
  ],
  languages: [{ language: "th", scale: "cefr", level: "B1" }],
});

const jetroThenInternational = buildPerson({
  id: "suzuki",
  postings: [
    buildPosting({ id: "jetro", kind: "dispatch", dispatchTarget: "jetro", from: "2018-04-01", to: "2020-03-31" }),
    buildPosting({ id: "intl", kind: "department", department: "International Affairs", international: true, from: "2020-04-01" }),
  ],
});

const competentButNeverPosted = buildPerson({
  id: "tanaka",
  postings: [buildPosting({ id: "tax", department: "Taxation", from: "2010-04-01" })],
  competencies: [{ code: "growth_sector_analysis", evidence: [{ kind: "project", note: "led the regional growth-sector study" }] }],
});

const domesticOnly = buildPerson({ id: "ito", postings: [buildPosting({ id: "welfare", department: "Welfare", from: "2012-04-01" })] });

const clairThenWelfare = buildPerson({
  id: "kato",
  postings: [
    buildPosting({ id: "clair", kind: "dispatch", dispatchTarget: "clair", country: "SG", from: "2014-04-01", to: "2017-03-31" }),
    buildPosting({ id: "training", kind: "training", country: "US", from: "2017-06", to: "2017-08" }),
    buildPosting({ id: "welfare", department: "Welfare", from: "2017-09-01" }),
  ],
  competencies: [{ code: "coordination_with_agencies_and_companies_abroad", evidence: [{ kind: "posting", postingId: "clair", note: "ran the ASEAN seminar" }] }],
});

const onLeave = buildPerson({
  id: "yamada",
  postings: [buildPosting({ id: "sg", kind: "overseas_office", country: "SG", from: "2015-04-01", to: "2018-03-31" })],
});

describe("reassignmentRisks", () => {
  const risks = reassignmentRisks([bangkokThenRoads, jetroThenInternational, competentButNeverPosted, domesticOnly, clairThenWelfare, onLeave], asOf);

  it("flags people whose international experience their current post does not use", () => {
    expect(risks.map((r) => r.personId)).toEqual(["kato", "sato", "tanaka"]);
  });

  it("counts whole months since the last international posting ended", () => {
    const sato = risks.find((r) => r.personId === "sato");
    expect(sato?.monthsSinceInternationalPosting).toBe(24); // ended 2022-03-31, asOf 2024-04-01
    expect(sato?.lastInternationalPosting?.id).toBe("bkk");
    expect(sato?.reasons).toEqual(["international_postings"]);
    expect(sato?.currentPostings.map((p) => p.id)).toEqual(["roads"]);
    expect(sato?.languages).toEqual([{ language: "th", scale: "cefr", level: "B1" }]);
    expect(sato?.text.en).toBe("International experience is not used in the current post (24 months since the last international posting)");
    expect(sato?.text.ja).toContain("24か月");
  });

  it("takes the latest international posting, training abroad included", () => {
    const kato = risks.find((r) => r.personId === "kato");
    expect(kato?.lastInternationalPosting?.id).toBe("training");
    expect(kato?.monthsSinceInternationalPosting).toBe(79); // 2017-09-01 → 2024-04-01
    expect(kato?.reasons).toEqual(["international_postings", "competencies"]);
    expect(kato?.competencies).toEqual(["coordination_with_agencies_and_companies_abroad"]);
  });

  it("flags competencies alone, with no months to report", () => {
    const tanaka = risks.find((r) => r.personId === "tanaka");
    expect(tanaka?.reasons).toEqual(["competencies"]);
    expect(tanaka?.monthsSinceInternationalPosting).toBeNull();
    expect(tanaka?.text.en).toContain("Analysis of the region's sectors with growth potential");
  });

  it("does not flag people in an international post, with no international background, or with no current post", () => {
    for (const id of ["suzuki", "ito", "yamada"]) expect(risks.some((r) => r.personId === id)).toBe(false);
  });

  it("judges on the date given: while still in Bangkok, no flag", () => {
    expect(reassignmentRisks([bangkokThenRoads], "2021-06-01")).toEqual([]);
    expect(reassignmentRisks([bangkokThenRoads], "2022-04-01")[0]?.monthsSinceInternationalPosting).toBe(0);
  });

  it("rejects a bad date or bad people, naming the field", () => {
    expect(() => reassignmentRisks([], "April")).toThrow(AppError);
    expect(() => reassignmentRisks([{ id: "x", name: "x", postings: [] }], asOf)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: "people[0].organisationId" })] }),
    );
  });
});
