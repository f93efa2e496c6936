import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { buildPerson, buildPosting } from "./fixtures.ts";
import { roster } from "./roster.ts";

const people = [
  buildPerson({
    id: "sato",
    postings: [
      buildPosting({ id: "bkk", kind: "overseas_office", country: "TH", from: "2019-04-01", to: "2022-03-31", functions: ["economic_exchange_business_support", "trade_fair_support"] }),
      buildPosting({ id: "roads", department: "Roads", from: "2022-04-01" }),
    ],
    languages: [{ language: "th", scale: "cefr", level: "B1" }],
  }),
  buildPerson({
    id: "kato",
    postings: [
      buildPosting({ id: "clair", kind: "dispatch", dispatchTarget: "clair", country: "SG", from: "2014-04-01", to: "2017-03-31", functions: ["information_gathering", "economic_exchange_business_support"] }),
      buildPosting({ id: "bkk2", kind: "overseas_office", country: "TH", from: "2023-04-01", functions: ["regional_promotion"] }),
    ],
    competencies: [{ code: "domestic_international_economy", evidence: [{ kind: "posting", postingId: "clair", note: "market reports" }] }],
  }),
  buildPerson({
    id: "ito",
    postings: [buildPosting({ id: "intl", department: "International Affairs", international: true, from: "2020-04-01", to: "2021-03-31", functions: ["educational_cultural_exchange"] })],
  }),
  buildPerson({ id: "mori", postings: [buildPosting({ id: "tax", department: "Taxation", from: "2010-04-01" })] }),
];

describe("roster", () => {
  it("finds who has experience of a country, longest first, with months and current status", () => {
    const r = roster(people, { country: "TH", asOf: "2024-04-01" });
    expect(r.map((e) => [e.personId, e.totalMonths, e.currentlyInPost])).toEqual([
      ["sato", 36, false],
      ["kato", 12, true],
    ]);
    expect(r[0]?.languages[0]?.language).toBe("th");
    expect(r[1]?.postings.map((p) => p.posting.id)).toEqual(["bkk2"]);
  });

  it("finds who has experience of a function, in any kind of posting", () => {
    const r = roster(people, { function: "economic_exchange_business_support", asOf: "2024-04-01" });
    expect(r.map((e) => e.personId)).toEqual(["kato", "sato"]);
    expect(r[0]?.competencies).toEqual(["domestic_international_economy"]);
    expect(roster(people, { function: "educational_cultural_exchange", asOf: "2024-04-01" }).map((e) => e.personId)).toEqual(["ito"]);
  });

  it("with both, a posting must match both", () => {
    expect(roster(people, { country: "TH", function: "regional_promotion", asOf: "2024-04-01" }).map((e) => e.personId)).toEqual(["kato"]);
    expect(roster(people, { country: "SG", function: "regional_promotion", asOf: "2024-04-01" })).toEqual([]);
  });

  it("with neither, lists everyone with international postings", () => {
    const r = roster(people, { asOf: "2024-04-01" });
    expect(r.map((e) => [e.personId, e.totalMonths])).toEqual([
      ["kato", 48],
      ["sato", 36],
      ["ito", 12],
    ]);
  });

  it("ignores postings that start after asOf", () => {
    expect(roster(people, { country: "TH", asOf: "2020-04-01" }).map((e) => [e.personId, e.totalMonths])).toEqual([["sato", 12]]);
  });

  it("rejects a bad query, naming the field", () => {
    try {
      roster(people, { country: "Thailand" });
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).errors[0]?.path).toBe("query.country");
    }
    expect(() => roster(people, { asOf: "soon" })).toThrow(AppError);
  });
});
