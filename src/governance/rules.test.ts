import { beforeAll, describe, expect, it } from "vitest";
import { OFFICE_MODELS, TIE_KINDS, TIE_PURPOSES, type GovernanceDimension, type GovernanceStage } from "../core/domain.ts";
import { assess } from "./assessment.ts";
import { buildOffice, buildProfile } from "./fixtures/profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import type { TAssessment } from "./profile.schema.ts";

const TA = "traditional_administration";
const NPM = "new_public_management";
const NG = "network_governance";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

/** The single evidence item a one-record profile yields on a dimension (or undefined). */
function only(a: TAssessment, dim: GovernanceDimension): { ref: string; stage: GovernanceStage; en: string; ja: string } | undefined {
  const ev = a.dimensions[dim].evidence;
  expect(ev.length).toBeLessThanOrEqual(1);
  const e = ev[0];
  return e && { ref: e.ref, stage: e.stage, en: e.why.en, ja: e.why.ja };
}

function expectFilled(text: { en: string; ja: string } | undefined): void {
  expect(text?.en).toBeTruthy();
  expect(text?.ja).toBeTruthy();
  expect(text?.en).not.toMatch(/[{}]/);
  expect(text?.ja).not.toMatch(/[{}]/);
}

describe("office rules (office_model, interorganisational_relations, organisational_principle)", () => {
  const expected: Record<(typeof OFFICE_MODELS)[number], GovernanceStage> = {
    independent: TA,
    outsourced: NPM,
    joint_municipal: NG,
    joint_industry_academia: NG,
    hosted: NG,
  };
  for (const m of OFFICE_MODELS) {
    it(`${m} office → ${expected[m]} on all three dimensions`, () => {
      const a = assess(buildProfile({ offices: [buildOffice({ operationalModel: m, city: "Bangkok" })] }), model);
      for (const dim of ["office_model", "interorganisational_relations", "organisational_principle"] as const) {
        const e = only(a, dim);
        expect(e?.ref).toBe("offices[0]");
        expect(e?.stage).toBe(expected[m]);
        expect(e?.en).toContain("Bangkok");
        expectFilled(e);
      }
    });
  }
});

describe("tie rules", () => {
  const form: Partial<Record<(typeof TIE_KINDS)[number], GovernanceStage>> = {
    sister_city: TA,
    friendship: TA,
    business_partner: NPM,
    purpose_specific: NPM,
    network_membership: NG,
  };
  const relations: Partial<Record<(typeof TIE_KINDS)[number], GovernanceStage>> = {
    outsourcing_contract: NPM,
    mou: NG,
    partnership: NG,
    hosting: NG,
  };
  for (const kind of TIE_KINDS) {
    it(`${kind}: urban_exchange_form ${form[kind] ?? "no evidence"}, interorganisational_relations ${relations[kind] ?? "no evidence"}`, () => {
      const a = assess(buildProfile({ ties: [{ kind, partner: "C40", since: "2010" }] }), model);
      const f = only(a, "urban_exchange_form");
      const r = only(a, "interorganisational_relations");
      expect(f?.stage).toBe(form[kind]);
      expect(r?.stage).toBe(relations[kind]);
      for (const e of [f, r]) {
        if (!e) continue;
        expect(e.ref).toBe("ties[0]");
        expect(e.en).toContain("C40");
        expectFilled(e);
      }
      expect(a.dimensions.organisational_principle.evidence).toEqual([]);
    });
  }
});

describe("exchange_purpose rules: every purpose of every tie and initiative", () => {
  const expected: Record<(typeof TIE_PURPOSES)[number], GovernanceStage> = {
    administrative: TA,
    cultural: TA,
    youth: TA,
    economic: NPM,
    social: NPM,
    urban_problem_solving: NG,
    innovation: NG,
    project_making: NG,
  };
  for (const purpose of TIE_PURPOSES) {
    it(`${purpose} → ${expected[purpose]}`, () => {
      const a = assess(
        buildProfile({
          ties: [{ kind: "sister_city", partner: "Portland", purposes: [purpose] }],
          initiatives: [{ name: "Expo", purposes: [purpose] }],
        }),
        model,
      );
      const ev = a.dimensions.exchange_purpose.evidence;
      expect(ev.map((e) => [e.ref, e.stage])).toEqual([
        ["ties[0].purposes[0]", expected[purpose]],
        ["initiatives[0].purposes[0]", expected[purpose]],
      ]);
      ev.forEach((e) => expectFilled(e.why));
    });
  }

  it("counts each purpose of a record separately", () => {
    const a = assess(buildProfile({ ties: [{ kind: "friendship", partner: "X", purposes: ["cultural", "economic", "innovation", "youth"] }] }), model);
    expect(a.dimensions.exchange_purpose.shares).toEqual({ [TA]: 0.5, [NPM]: 0.25, [NG]: 0.25 });
  });
});

describe("initiative partner rules", () => {
  const cases = [
    { partners: undefined, principle: TA, relations: undefined },
    { partners: [], principle: TA, relations: undefined },
    { partners: [{ name: "Agency", role: "contractor" as const }], principle: NPM, relations: NG },
    { partners: [{ name: "Agency", role: "contractor" as const }, { name: "Bank", role: "partner" as const }], principle: NG, relations: NG },
    { partners: [{ name: "University", role: "partner" as const }], principle: NG, relations: NG },
  ];
  for (const c of cases) {
    it(`partners ${JSON.stringify(c.partners?.map((p) => p.role))} → principle ${c.principle}, relations ${c.relations ?? "no evidence"}`, () => {
      const a = assess(buildProfile({ initiatives: [{ name: "Food fair", ...(c.partners ? { partners: c.partners } : {}) }] }), model);
      const p = only(a, "organisational_principle");
      expect(p?.ref).toBe("initiatives[0].partners");
      expect(p?.stage).toBe(c.principle);
      expectFilled(p);
      expect(only(a, "interorganisational_relations")?.stage).toBe(c.relations);
      for (const partner of c.partners ?? []) expect(p?.en).toContain(partner.name);
    });
  }
});

describe("governance_purpose rules: KPIs by logic-model level", () => {
  const expected = { input: TA, activity: TA, output: NPM, outcome: NG, impact: NG } as const;
  for (const [level, stage] of Object.entries(expected)) {
    it(`${level} → ${stage}`, () => {
      const a = assess(buildProfile({ kpis: [{ name: "Negotiations", level: level as keyof typeof expected, horizon: "short" }] }), model);
      const e = only(a, "governance_purpose");
      expect(e).toMatchObject({ ref: "kpis[0]", stage });
      expect(e?.en).toContain("Negotiations");
      expectFilled(e);
    });
  }
});
