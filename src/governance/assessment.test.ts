import { beforeAll, describe, expect, it } from "vitest";
import { GOVERNANCE_DIMENSIONS } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { assess } from "./assessment.ts";
import { buildOffice, buildProfile } from "./fixtures/profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import { ZAssessment } from "./profile.schema.ts";

const TA = "traditional_administration";
const NPM = "new_public_management";
const NG = "network_governance";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

describe("shares and stages", () => {
  it("gives fractions per stage and the stage with the largest share", () => {
    const a = assess(
      buildProfile({
        ties: [
          { kind: "sister_city", partner: "A" },
          { kind: "network_membership", partner: "C40" },
          { kind: "network_membership", partner: "UCCN" },
          { kind: "business_partner", partner: "B" },
        ],
      }),
      model,
    );
    expect(a.dimensions.urban_exchange_form.shares).toEqual({ [TA]: 0.25, [NPM]: 0.25, [NG]: 0.5 });
    expect(a.dimensions.urban_exchange_form.stage).toBe(NG);
  });

  it("breaks equal shares towards the earlier stage", () => {
    const twoWay = assess(buildProfile({ ties: [{ kind: "network_membership", partner: "C40" }, { kind: "business_partner", partner: "B" }] }), model);
    expect(twoWay.dimensions.urban_exchange_form.stage).toBe(NPM);
    const threeWay = assess(
      buildProfile({ kpis: [{ name: "a", level: "impact" }, { name: "b", level: "output" }, { name: "c", level: "input" }] }),
      model,
    );
    expect(threeWay.dimensions.governance_purpose.stage).toBe(TA);
    const ngTa = assess(buildProfile({ kpis: [{ name: "a", level: "outcome" }, { name: "b", level: "activity" }] }), model);
    expect(ngTa.dimensions.governance_purpose.stage).toBe(TA);
  });

  it("leaves a dimension without evidence at null with zero shares, and the overall stage null when all are", () => {
    const a = assess(buildProfile(), model);
    for (const d of GOVERNANCE_DIMENSIONS) {
      expect(a.dimensions[d]).toEqual({ stage: null, shares: { [TA]: 0, [NPM]: 0, [NG]: 0 }, evidence: [] });
    }
    expect(a.stage).toBeNull();
    expect(ZAssessment.parse(a)).toEqual(a);
  });

  it("takes the most frequent stage among dimensions that have one", () => {
    // office → TA on three dimensions; network tie → NG on one; outcome KPI → NG on one.
    const a = assess(
      buildProfile({
        offices: [buildOffice({ operationalModel: "independent" })],
        ties: [{ kind: "network_membership", partner: "C40" }],
        kpis: [{ name: "Contracts", level: "outcome" }],
      }),
      model,
    );
    expect(a.dimensions.exchange_purpose.stage).toBeNull();
    expect(a.stage).toBe(TA);
  });

  it("breaks an overall tie towards the earlier stage", () => {
    // outsourced office → NPM on three dimensions; three NG dimensions from a network tie with an innovation purpose and an impact KPI.
    const a = assess(
      buildProfile({
        offices: [buildOffice({ operationalModel: "outsourced" })],
        ties: [{ kind: "network_membership", partner: "C40", purposes: ["innovation"] }],
        kpis: [{ name: "Projects created", level: "impact" }],
      }),
      model,
    );
    const stages = GOVERNANCE_DIMENSIONS.map((d) => a.dimensions[d].stage);
    expect(stages.filter((s) => s === NPM)).toHaveLength(3);
    expect(stages.filter((s) => s === NG)).toHaveLength(3);
    expect(a.stage).toBe(NPM);
  });

  it("records the model version and validates against ZAssessment", () => {
    const a = assess(buildProfile({ offices: [buildOffice()] }), model, { asOf: "2020" });
    expect(a.modelVersion).toBe(model.version);
    expect(a.asOf).toBe("2020-01-01");
    expect(ZAssessment.safeParse(a).success).toBe(true);
  });
});

describe("asOf", () => {
  const tie = (since: string | null, until: string | null) => buildProfile({ ties: [{ kind: "sister_city", partner: "P", since, until }] });
  const counted = (profile: ReturnType<typeof tie>, asOf: string) => assess(profile, model, { asOf }).dimensions.urban_exchange_form.evidence.length;

  it("counts a record from its since date (since = asOf counts)", () => {
    expect(counted(tie("2015-04-01", null), "2015-04-01")).toBe(1);
    expect(counted(tie("2015-04-01", null), "2015-03-31")).toBe(0);
  });

  it("stops counting on its until date (until = asOf does not count)", () => {
    expect(counted(tie("2010", "2019-06-30"), "2019-06-29")).toBe(1);
    expect(counted(tie("2010", "2019-06-30"), "2019-06-30")).toBe(0);
  });

  it("reads partial dates as the first day of their period", () => {
    expect(counted(tie("2015", null), "2015-01-01")).toBe(1);
    expect(counted(tie("2015", null), "2014-12-31")).toBe(0);
    expect(counted(tie("2010", "2019-03"), "2019-02-28")).toBe(1);
    expect(counted(tie("2010", "2019-03"), "2019-03-01")).toBe(0);
    expect(counted(tie("2010", "2019-03"), "2019-03")).toBe(0);
    expect(counted(tie("2010", "2020"), "2019")).toBe(1);
  });

  it("counts undated records at any date, and every record without asOf", () => {
    expect(counted(tie(null, null), "1900")).toBe(1);
    const closed = tie("1990", "2000");
    expect(assess(closed, model).dimensions.urban_exchange_form.evidence).toHaveLength(1);
  });

  it("takes offices by opened and closed", () => {
    const p = buildProfile({
      offices: [
        buildOffice({ operationalModel: "independent", opened: "1995", closed: "2012-03" }),
        buildOffice({ operationalModel: "joint_municipal", opened: "2012-03" }),
      ],
    });
    expect(assess(p, model, { asOf: "2012-02-29" }).dimensions.office_model.evidence.map((e) => e.ref)).toEqual(["offices[0]"]);
    expect(assess(p, model, { asOf: "2012-03-01" }).dimensions.office_model.evidence.map((e) => e.ref)).toEqual(["offices[1]"]);
    expect(assess(p, model, { asOf: "1990" }).dimensions.office_model.stage).toBeNull();
  });

  it("applies to initiatives and KPIs too", () => {
    const p = buildProfile({
      initiatives: [{ name: "Fair", purposes: ["economic"], since: "2016", until: "2019-03" }],
      kpis: [{ name: "Sales", level: "output", since: "2018-04" }],
    });
    const a2017 = assess(p, model, { asOf: "2017-06-01" });
    expect(a2017.dimensions.exchange_purpose.evidence).toHaveLength(1);
    expect(a2017.dimensions.governance_purpose.evidence).toHaveLength(0);
    const a2020 = assess(p, model, { asOf: "2020" });
    expect(a2020.dimensions.exchange_purpose.evidence).toHaveLength(0);
    expect(a2020.dimensions.governance_purpose.evidence).toHaveLength(1);
  });

  it("rejects a date that is not real, naming asOf", () => {
    expect(() => assess(buildProfile(), model, { asOf: "2019-02-29" })).toThrow(AppError);
    expect(() => assess(buildProfile(), model, { asOf: "yesterday" })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: "asOf", value: "yesterday" })] }),
    );
  });

  it("names a bad date inside an unvalidated profile", () => {
    const p = buildProfile({ ties: [{ kind: "mou", partner: "JETRO", since: "2019-02-30" }] });
    expect(() => assess(p, model)).toThrow(/ties\[0\]\.since/);
  });
});
