import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "./assessment.ts";
import { buildOffice, buildProfile } from "./fixtures/profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import { ZAssessmentTimeline } from "./profile.schema.ts";
import { assessTimeline } from "./timeline.ts";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

// Osaka-City-like history: an independent office closed in 2012 and merged into a joint office; a sister city
// since 1957 and a network joined in 2014.
const profile = buildProfile({
  offices: [
    buildOffice({ city: "Chicago", country: "US", operationalModel: "independent", opened: "1958", closed: "2012-03" }),
    buildOffice({ city: "Shanghai", country: "CN", operationalModel: "joint_municipal", opened: "2012-04" }),
  ],
  ties: [
    { kind: "sister_city", partner: "San Francisco", purposes: ["cultural"], since: "1957" },
    { kind: "network_membership", partner: "C40", purposes: ["urban_problem_solving"], since: "2014-05" },
  ],
});

describe("assessTimeline", () => {
  it("runs from the earliest dated record to `to`, at 31 December of every year", () => {
    const t = assessTimeline(profile, model, { to: 2020 });
    expect(t.from).toBe(1957);
    expect(t.to).toBe(2020);
    expect(t.points).toHaveLength(2020 - 1957 + 1);
    expect(t.points[0]).toMatchObject({ year: 1957, asOf: "1957-12-31" });
    expect(t.points.at(-1)?.asOf).toBe("2020-12-31");
    expect(ZAssessmentTimeline.safeParse(t).success).toBe(true);
  });

  it("shows the transformation year by year", () => {
    const t = assessTimeline(profile, model, { to: 2020 });
    const at = (year: number) => t.points.find((p) => p.year === year)!.assessment;
    expect(at(1957).dimensions.office_model.stage).toBeNull();
    expect(at(1958).dimensions.office_model.stage).toBe("traditional_administration");
    expect(at(2011).stage).toBe("traditional_administration");
    expect(at(2012).dimensions.office_model.stage).toBe("network_governance");
    expect(at(2013).dimensions.urban_exchange_form.stage).toBe("traditional_administration");
    expect(at(2014).dimensions.urban_exchange_form.stage).toBe("traditional_administration");
    expect(at(2014).dimensions.urban_exchange_form.shares.network_governance).toBe(0.5);
    expect(at(2014).stage).toBe("network_governance");
  });

  it("equals assessing at each year's end", () => {
    const t = assessTimeline(profile, model, { from: 2010, to: 2015 });
    for (const p of t.points) expect(p.assessment).toEqual(assess(profile, model, { asOf: p.asOf }));
  });

  it("ends on `to` itself when it is a date", () => {
    const t = assessTimeline(profile, model, { from: 2023, to: "2025-06-15" });
    expect(t.points.map((p) => p.asOf)).toEqual(["2023-12-31", "2024-12-31", "2025-06-15"]);
  });

  it("starts and ends at `to` when nothing is dated", () => {
    const t = assessTimeline(buildProfile({ ties: [{ kind: "mou", partner: "JETRO" }] }), model, { to: 2024 });
    expect(t.points.map((p) => p.year)).toEqual([2024]);
  });

  it("rejects from after to, an absurd span and a bad `to`", () => {
    expect(() => assessTimeline(profile, model, { from: 2021, to: 2020 })).toThrow(/from/);
    expect(() => assessTimeline(profile, model, { from: 1000, to: 2020 })).toThrow(/at most/);
    expect(() => assessTimeline(profile, model, { to: "soon" })).toThrow(/to:/);
  });
});
