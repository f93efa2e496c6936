import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "./assessment.ts";
import { buildOffice, buildProfile } from "./fixtures/profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import type { TAssessmentProfile } from "./profile.schema.ts";
import type { RecommendationCode } from "./vocabulary.ts";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

function rec(profile: TAssessmentProfile, code: RecommendationCode, asOf?: string) {
  return assess(profile, model, asOf === undefined ? {} : { asOf }).recommendations.find((r) => r.code === code);
}

describe("outcome_kpis_missing", () => {
  it("fires when no KPI is at outcome or impact level, citing the KPIs", () => {
    const r = rec(buildProfile({ kpis: [{ name: "Negotiations", level: "output" }, { name: "Budget", level: "input" }] }), "outcome_kpis_missing");
    expect(r).toMatchObject({ area: "policy_evaluation", evidence: ["kpis[0]", "kpis[1]"] });
    expect(r?.text.ja).toContain("アウトカム");
  });
  it("fires with no KPIs at all", () => {
    expect(rec(buildProfile(), "outcome_kpis_missing")?.evidence).toEqual([]);
  });
  it("does not fire with an outcome or impact KPI", () => {
    expect(rec(buildProfile({ kpis: [{ name: "Contracts", level: "outcome" }] }), "outcome_kpis_missing")).toBeUndefined();
    expect(rec(buildProfile({ kpis: [{ name: "Brand", level: "impact" }] }), "outcome_kpis_missing")).toBeUndefined();
  });
  it("looks only at KPIs active on asOf", () => {
    const p = buildProfile({ kpis: [{ name: "Contracts", level: "outcome", since: "2020" }, { name: "Fairs", level: "activity" }] });
    expect(rec(p, "outcome_kpis_missing", "2019")?.evidence).toEqual(["kpis[1]"]);
    expect(rec(p, "outcome_kpis_missing", "2021")).toBeUndefined();
  });
});

describe("long_term_kpis_missing", () => {
  it("fires when KPIs exist and none is long-term", () => {
    const r = rec(buildProfile({ kpis: [{ name: "Tourists", level: "output", horizon: "short" }, { name: "Sales", level: "outcome" }] }), "long_term_kpis_missing");
    expect(r).toMatchObject({ area: "policy_evaluation", evidence: ["kpis[0]", "kpis[1]"] });
    expect(r?.text.en).toMatch(/^2 KPI/);
  });
  it("does not fire without KPIs or with a long-term one", () => {
    expect(rec(buildProfile(), "long_term_kpis_missing")).toBeUndefined();
    expect(rec(buildProfile({ kpis: [{ name: "Partnerships", level: "outcome", horizon: "long" }] }), "long_term_kpis_missing")).toBeUndefined();
  });
});

describe("discontinued_after_leader_change", () => {
  const administrations = [
    { leader: "First", from: "2003-04" },
    { leader: "Second", from: "2011-12", until: "2015-12" },
  ];
  const withInitiative = (since: string | null, until: string | null, admins = administrations) =>
    buildProfile({ administrations: admins, initiatives: [{ name: "Office in Chicago", since, until }] });

  it("fires for an initiative ending within 12 months after a non-first administration began", () => {
    const r = rec(withInitiative("2005", "2012-03"), "discontinued_after_leader_change");
    expect(r).toMatchObject({ area: "leadership", evidence: ["administrations[1]", "initiatives[0]"] });
    expect(r?.text.en).toContain("12 months");
  });
  it("counts the window's edges: the day the leader starts and 12 months later", () => {
    expect(rec(withInitiative("2005", "2011-12-01"), "discontinued_after_leader_change")).toBeDefined();
    expect(rec(withInitiative("2005", "2012-12-01"), "discontinued_after_leader_change")).toBeDefined();
    expect(rec(withInitiative("2005", "2012-12-02"), "discontinued_after_leader_change")).toBeUndefined();
    expect(rec(withInitiative("2005", "2011-11-30"), "discontinued_after_leader_change")).toBeUndefined();
  });
  it("does not fire for the first administration", () => {
    expect(rec(withInitiative("2000", "2003-10"), "discontinued_after_leader_change")).toBeUndefined();
  });
  it("finds the first administration by date, not by list order", () => {
    const reversed = [...administrations].reverse();
    const r = rec(withInitiative("2005", "2012-03", reversed), "discontinued_after_leader_change");
    expect(r?.evidence).toEqual(["administrations[0]", "initiatives[0]"]);
    expect(rec(withInitiative("2000", "2003-10", reversed), "discontinued_after_leader_change")).toBeUndefined();
  });
  it("ignores initiatives the new leader started, and ones still running", () => {
    expect(rec(withInitiative("2012-01", "2012-06"), "discontinued_after_leader_change")).toBeUndefined();
    expect(rec(withInitiative("2005", null), "discontinued_after_leader_change")).toBeUndefined();
  });
  it("with asOf, only counts endings on or before asOf", () => {
    const p = withInitiative("2005", "2012-03");
    expect(rec(p, "discontinued_after_leader_change", "2012-02")).toBeUndefined();
    expect(rec(p, "discontinued_after_leader_change", "2012-03")).toBeDefined();
  });
});

describe("consider_shared_office_model", () => {
  it("fires for an active independent office at or above the management share threshold", () => {
    const r = rec(buildProfile({ offices: [buildOffice({ managementShare: 0.3 }), buildOffice({ managementShare: 0.5, city: "Seoul" })] }), "consider_shared_office_model");
    expect(r).toMatchObject({ area: "office_operations", evidence: ["offices[0]", "offices[1]"] });
    expect(r?.text.en).toContain("30%");
  });
  it("does not fire below the threshold, without a share, for other models or for closed offices", () => {
    const none = [
      buildOffice({ managementShare: 0.29 }),
      buildOffice({}),
      buildOffice({ operationalModel: "joint_municipal", managementShare: 0.6 }),
      buildOffice({ managementShare: 0.6, opened: "1990", closed: "2012" }),
    ];
    for (const office of none) expect(rec(buildProfile({ offices: [office] }), "consider_shared_office_model")).toBeUndefined();
  });
  it("with asOf, looks at offices open on that date", () => {
    const p = buildProfile({ offices: [buildOffice({ managementShare: 0.6, opened: "1990", closed: "2012" })] });
    expect(rec(p, "consider_shared_office_model", "2000")).toBeDefined();
    expect(rec(p, "consider_shared_office_model", "2012")).toBeUndefined();
  });
});

describe("hosted_office_scope_exceeds_host", () => {
  it("fires for a JETRO-hosted office doing cultural exchange", () => {
    const p = buildProfile({
      offices: [buildOffice({ operationalModel: "hosted", hostedBy: "jetro", functions: ["economic_exchange_business_support", "educational_cultural_exchange"] })],
    });
    expect(rec(p, "hosted_office_scope_exceeds_host")).toMatchObject({ area: "office_operations", evidence: ["offices[0].functions[1]"] });
  });
  it("does not fire within the host's scope, for hosts without a scope, or for closed offices", () => {
    const cases = [
      buildOffice({ operationalModel: "hosted", hostedBy: "jetro", functions: ["economic_exchange_business_support", "information_gathering"] }),
      buildOffice({ operationalModel: "hosted", hostedBy: "clair", functions: ["educational_cultural_exchange"] }),
      buildOffice({ operationalModel: "hosted", hostedBy: "jetro", functions: ["educational_cultural_exchange"], closed: "2020" }),
    ];
    for (const office of cases) expect(rec(buildProfile({ offices: [office] }), "hosted_office_scope_exceeds_host")).toBeUndefined();
  });
});

describe("expertise_reassigned", () => {
  const people = [
    { ref: "staff-1", overseasPostings: 2, currentPostInternational: false, since: "2021-04" },
    { ref: "staff-2", overseasPostings: 1, currentPostInternational: true },
    { ref: "staff-3", overseasPostings: 0, currentPostInternational: false },
  ];
  it("fires for people with overseas postings now outside international work", () => {
    const r = rec(buildProfile({ people }), "expertise_reassigned");
    expect(r).toMatchObject({ area: "human_resources", evidence: ["people[0]"] });
    expect(r?.text.en).toMatch(/^1 official/);
  });
  it("does not fire otherwise, nor before the current post began", () => {
    expect(rec(buildProfile({ people: people.slice(1) }), "expertise_reassigned")).toBeUndefined();
    expect(rec(buildProfile({ people }), "expertise_reassigned", "2021-03-31")).toBeUndefined();
    expect(rec(buildProfile({ people }), "expertise_reassigned", "2021-04")).toBeDefined();
  });
});

describe("recommendation order", () => {
  it("follows the code list", () => {
    const a = assess(
      buildProfile({
        offices: [buildOffice({ managementShare: 0.4 })],
        kpis: [{ name: "Negotiations", level: "output" }],
        people: [{ ref: "s", overseasPostings: 1, currentPostInternational: false }],
      }),
      model,
    );
    expect(a.recommendations.map((r) => r.code)).toEqual([
      "outcome_kpis_missing",
      "long_term_kpis_missing",
      "consider_shared_office_model",
      "expertise_reassigned",
    ]);
  });
});
