import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "./assessment.ts";
import { TABLE1_OFFICES } from "./fixtures/table1-profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import { parseAssessmentProfile } from "./profile.schema.ts";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

const byId = (id: string) => {
  const t = TABLE1_OFFICES.find((o) => o.id === id);
  if (!t) throw new Error(`no fixture ${id}`);
  return t;
};

describe("golden: the paper's Table 1 offices", () => {
  const cases: [string, string, string][] = [
    ["LG-1", "joint_industry_academia", "network_governance"],
    ["LG-2", "hosted", "network_governance"],
    ["LG-3", "independent", "traditional_administration"],
    ["LG-3-later", "hosted", "network_governance"],
    ["LG-4", "independent", "traditional_administration"],
    ["LG-5", "independent", "traditional_administration"],
    ["LG-6", "hosted", "network_governance"],
    ["LG-7", "hosted", "network_governance"],
    ["LG-8", "independent", "traditional_administration"],
    ["LG-9", "hosted", "network_governance"],
    ["LG-10", "hosted", "network_governance"],
    ["LG-11", "joint_industry_academia", "network_governance"],
    ["LG-12", "independent", "traditional_administration"],
  ];

  it("covers LG-1 to LG-12 (with LG-3's later state)", () => {
    expect(TABLE1_OFFICES.map((o) => o.id)).toEqual(cases.map((c) => c[0]));
  });

  for (const [id, officeModel, stage] of cases) {
    it(`${id} (${byId(id).owner.en}, ${byId(id).paperModel}) → ${officeModel} → ${stage}`, () => {
      const t = byId(id);
      const profile = parseAssessmentProfile(t.profile);
      expect(profile.offices?.[0]?.operationalModel).toBe(officeModel);
      expect(t.expected).toEqual({ officeModel, stage });
      const a = assess(profile, model);
      expect(a.dimensions.office_model.stage).toBe(stage);
      expect(a.dimensions.interorganisational_relations.stage).toBe(stage);
      expect(a.dimensions.organisational_principle.stage).toBe(stage);
      expect(a.stage).toBe(stage);
    });
  }

  it("records the hosts and partners Table 1 names", () => {
    expect(byId("LG-1").profile.offices?.[0]?.partners).toEqual(["regional bank"]);
    expect(byId("LG-11").profile.offices?.[0]?.partners).toEqual(["regional bank"]);
    expect(["LG-2", "LG-3-later"].map((id) => byId(id).profile.offices?.[0]?.hostedBy)).toEqual(["clair", "clair"]);
    expect(["LG-6", "LG-7"].map((id) => byId(id).profile.offices?.[0]?.hostedBy)).toEqual(["jetro", "jetro"]);
    expect(["LG-9", "LG-10"].map((id) => byId(id).profile.offices?.[0]?.hostedBy)).toEqual(["host_government", "host_government"]);
  });
});
