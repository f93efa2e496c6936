import { describe, expect, it } from "vitest";
import { OFFICE_MODELS } from "../../core/domain.ts";
import { AppError } from "../../core/errors.ts";
import { DEFAULT_ASSUMPTIONS } from "./assumptions.ts";
import { compareModels } from "./compare-models.ts";
import type { ModelResult } from "./compare-models.ts";

function buildOffice(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "sg-office",
    name: { ja: "シンガポール事務所", en: "Singapore Office" },
    country: "SG",
    city: "Singapore",
    currentModel: "independent",
    functions: ["economic_exchange_business_support", "regional_promotion", "educational_cultural_exchange"],
    duties: ["vip_visits"],
    focusAreas: ["food_export", "tourism"],
    workloadHours: {
      economic_exchange_business_support: 2000,
      regional_promotion: 800,
      educational_cultural_exchange: 300,
      vip_visits: 100,
    },
    staff: { dispatched: 2, local: 3 },
    ...overrides,
  };
}

function model(results: ModelResult[], m: string): ModelResult {
  const r = results.find((x) => x.model === m);
  if (!r) throw new Error(`no result for ${m}`);
  return r;
}

function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error("expected a validation error");
}

const codes = (r: ModelResult) => r.risks.map((k) => k.code);

describe("compareModels", () => {
  const c = compareModels(buildOffice());

  it("returns the five models with the contract's fields", () => {
    expect(c.models.map((r) => r.model)).toEqual([...OFFICE_MODELS]);
    for (const r of c.models) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          "model",
          "annualCostJpy",
          "managementHours",
          "managementShare",
          "functionsServed",
          "functionsNotServed",
          "risks",
          "assumptionsUsed",
        ]),
      );
      for (const risk of r.risks) expect(risk.text.ja && risk.text.en).toBeTruthy();
    }
    expect(model(c.models, "independent").current).toBe(true);
    expect(model(c.models, "independent").costDeltaVsCurrentJpy).toBe(0);
  });

  it("independent: cost = Σ rules × units; 2 dispatched + 3 local staff come to the ¥50M calibration", () => {
    const r = model(c.models, "independent");
    expect(r.costBreakdown).toEqual({
      rent: 8_000_000,
      local_staff: 12_000_000,
      dispatched_staff: 24_000_000,
      host_or_membership_fees: 0,
      contract_fees: 0,
      travel: 2_000_000,
      events: 2_000_000,
      other: 2_000_000,
    });
    expect(r.annualCostJpy).toBe(50_000_000);
  });

  it("independent: management M = W·s/(1−s) with s = 0.30, flagged against the paper's 30 %", () => {
    const r = model(c.models, "independent");
    expect(r.workHoursServed).toBe(3200);
    expect(r.managementHours).toBe(1371.4); // 3200 × 0.3 / 0.7
    expect(r.managementShare).toBe(0.3);
    expect(codes(r)).toEqual(["high_fixed_cost", "management_burden"]);
    expect(r.functionsNotServed).toEqual([]);
  });

  it("joint_municipal: shared components ÷ members, own staff in full, coordination counted as management", () => {
    const r = model(c.models, "joint_municipal");
    expect(r.costBreakdown.rent).toBe(Math.round(4_000_000 / 7));
    expect(r.costBreakdown.local_staff).toBe(Math.round(4_500_000 / 7));
    expect(r.costBreakdown.other).toBe(Math.round(1_500_000 / 7));
    expect(r.costBreakdown.dispatched_staff).toBe(24_000_000);
    const exactManagement = (3200 * 0.15) / 0.85 + 100;
    expect(r.managementHours).toBe(Math.round(exactManagement * 10) / 10);
    expect(r.managementShare).toBeCloseTo(exactManagement / (3200 + exactManagement), 12);
    expect(codes(r)).toEqual(["coordination_cost", "shared_priorities"]);
    expect(r.costDeltaVsCurrentJpy).toBe(r.annualCostJpy - 50_000_000);
  });

  it("joint_municipal with no own staff: the small-municipality office's ¥10M shared by seven", () => {
    const r = model(compareModels(buildOffice({ staff: { dispatched: 0, local: 0 } })).models, "joint_municipal");
    expect(r.costBreakdown.rent + r.costBreakdown.local_staff + r.costBreakdown.other).toBe(1_428_572);
  });

  it("joint_industry_academia with a regional bank carries the bank risks; with a university it does not", () => {
    const bank = model(c.models, "joint_industry_academia");
    expect(bank.partnerKind).toBe("regional_bank");
    expect(codes(bank)).toEqual(["coordination_cost", "shared_priorities", "public_private_boundary", "bank_customer_ties"]);
    const uni = model(compareModels(buildOffice({ jointPartnerKind: "university" })).models, "joint_industry_academia");
    expect(uni.partnerKind).toBe("university");
    expect(codes(uni)).toEqual(["coordination_cost", "shared_priorities"]);
  });

  it("hosted in JETRO: one person, mainly economic exchange — cultural exchange and VIP visits not served", () => {
    const r = model(c.models, "hosted");
    expect(r.host).toBe("jetro");
    expect(r.staffing).toMatchObject({ dispatched: 1, local: 0, capacityHours: 1860 });
    expect(r.functionsServed).toEqual(["economic_exchange_business_support"]);
    expect(r.functionsNotServed).toEqual(["regional_promotion", "educational_cultural_exchange", "vip_visits"]);
    expect(r.workHoursNotServed).toBe(1200);
    expect(r.costBreakdown.host_or_membership_fees).toBe(3_000_000);
    expect(r.costBreakdown.rent).toBe(0);
    expect(r.annualCostJpy).toBe(12_000_000 + 3_000_000 + 1_500_000 + 1_500_000);
    expect(r.managementShare).toBe(0.05);
    expect(codes(r)).toEqual(["host_purpose_alignment", "activities_limited", "functions_not_served", "capacity_shortfall"]);
    const notServed = r.risks.find((k) => k.code === "functions_not_served");
    expect(notServed?.text.en).toContain("Educational and cultural exchange");
    expect(notServed?.text.ja).toContain("教育・文化交流");
  });

  it("hosted in JETRO with a one-person workload: no capacity shortfall", () => {
    const small = buildOffice({ functions: ["economic_exchange_business_support"], duties: [], workloadHours: { economic_exchange_business_support: 1500 } });
    const r = model(compareModels(small).models, "hosted");
    expect(r.functionsNotServed).toEqual([]);
    expect(codes(r)).toEqual(["host_purpose_alignment", "activities_limited"]);
  });

  it("hosted in CLAIR (the office's own host) serves broader work; origin is recorded as the office's", () => {
    const r = model(compareModels(buildOffice({ host: "clair" })).models, "hosted");
    expect(r.host).toBe("clair");
    expect(r.functionsNotServed).toEqual([]);
    expect(r.assumptionsUsed.find((u) => u.path === "models.hosted.host")).toMatchObject({ value: "clair", origin: "office" });
    expect(r.assumptionsUsed.find((u) => u.path === "hosts.clair.countries")).toMatchObject({ basis: "public_fact" });
  });

  it("hosted in CLAIR where CLAIR has no office covering the country: host_absent", () => {
    const r = model(compareModels(buildOffice({ host: "clair", country: "BR", city: "São Paulo" })).models, "hosted");
    expect(codes(r)).toContain("host_absent");
    expect(r.risks.find((k) => k.code === "host_absent")?.text.en).toContain("Brazil");
  });

  it("outsourced: contract fee instead of staff and rent; only the contract scope is served", () => {
    const r = model(c.models, "outsourced");
    expect(r.staffing).toMatchObject({ dispatched: 0, local: 0, capacityHours: null });
    expect(r.costBreakdown).toMatchObject({ contract_fees: 8_000_000, dispatched_staff: 0, rent: 0 });
    expect(r.functionsNotServed).toEqual(["educational_cultural_exchange", "vip_visits"]);
    expect(codes(r)).toEqual(["contractor_own_kpis", "passive_response", "serves_several_governments", "functions_not_served"]);
  });

  it("outsourced: the office's contract scope replaces the default", () => {
    const r = model(compareModels(buildOffice({ contractScope: ["regional_promotion"] })).models, "outsourced");
    expect(r.functionsServed).toEqual(["regional_promotion"]);
    expect(r.workHoursServed).toBe(800);
    expect(r.managementHours).toBe(Math.round(((800 * 0.1) / 0.9) * 10) / 10);
  });

  it("reports the facts the assumptions rest on, including the paper's 30 %, the ¥10M and the ¥200M", () => {
    const ids = c.facts.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining(["paper_management_over_30pct", "singapore_joint_office_small_municipalities", "osaka_city_four_offices"]),
    );
    for (const f of c.facts) expect(f.source).not.toBe("");
  });
});

describe("compareModels what-if", () => {
  it("an override replaces any assumption and is reported as such", () => {
    const c = compareModels(buildOffice(), {
      overrides: { models: { independent: { managementShare: 0.2, costs: { rent: { jpy: 5_000_000, per: "office" } } } } },
    });
    const r = model(c.models, "independent");
    expect(r.managementShare).toBe(0.2);
    expect(codes(r)).not.toContain("management_burden");
    expect(r.costBreakdown.rent).toBe(5_000_000);
    expect(r.annualCostJpy).toBe(47_000_000);
    expect(c.overrides.sort()).toEqual([
      "models.independent.costs.rent.jpy",
      "models.independent.costs.rent.per",
      "models.independent.managementShare",
    ]);
    expect(r.assumptionsUsed.find((u) => u.path === "models.independent.managementShare")).toMatchObject({ value: 0.2, origin: "override" });
    expect(r.assumptionsUsed.find((u) => u.path === "models.independent.costs.travel.jpy")).toMatchObject({ origin: "default" });
  });

  it("a what-if beats the office's own arrangement", () => {
    const c = compareModels(buildOffice({ host: "clair" }), { overrides: { models: { hosted: { host: "jetro" } } } });
    expect(model(c.models, "hosted").host).toBe("jetro");
  });

  it("a management share at or above the benchmark flags any model", () => {
    const c = compareModels(buildOffice(), { overrides: { models: { outsourced: { managementShare: 0.35 } } } });
    expect(codes(model(c.models, "outsourced"))).toContain("management_burden");
  });

  it("joint members from the office change the shared part", () => {
    const c = compareModels(buildOffice({ currentModel: "joint_municipal", jointMembers: 4 }));
    const r = model(c.models, "joint_municipal");
    expect(r.costBreakdown.rent).toBe(1_000_000);
    expect(r.current).toBe(true);
    expect(model(c.models, "independent").costDeltaVsCurrentJpy).toBe(50_000_000 - r.annualCostJpy);
  });

  it("bad overrides name the field", () => {
    const negative = errorsOf(() => compareModels(buildOffice(), { overrides: { models: { independent: { costs: { rent: { jpy: -5 } } } } } }));
    expect(negative[0]?.path).toBe("assumptions.models.independent.costs.rent.jpy");
    const typo = errorsOf(() => compareModels(buildOffice(), { overrides: { models: { independent: { managmentShare: 0.2 } } } }));
    expect(typo[0]).toMatchObject({ path: "assumptions.models.independent.managmentShare", message: "unknown field" });
    const all = errorsOf(() => compareModels(buildOffice(), { overrides: { models: { hosted: { managementShare: 1 } } } }));
    expect(all[0]?.path).toBe("assumptions.models.hosted.managementShare");
    expect(errorsOf(() => compareModels(buildOffice(), { overrides: [1] }))[0]?.path).toBe("assumptions");
  });
});

describe("compareModels input validation", () => {
  it("names the failing office fields", () => {
    const errors = errorsOf(() =>
      compareModels(buildOffice({ country: "XX", functions: [], staff: { dispatched: -1, local: 1.5 }, workloadHours: { tourism: 3 } })),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      "office.country",
      "office.functions",
      "office.staff.dispatched",
      "office.staff.local",
      "office.workloadHours.tourism",
    ]);
  });

  it("refuses management hours as input: they are computed per model", () => {
    const errors = errorsOf(() => compareModels(buildOffice({ workloadHours: { office_management: 500 } })));
    expect(errors[0]?.path).toBe("office.workloadHours.office_management");
  });

  it("refuses joint members on an office that is not joint", () => {
    expect(errorsOf(() => compareModels(buildOffice({ jointMembers: 3 })))[0]?.path).toBe("office.jointMembers");
  });
});

describe("the shipped assumptions", () => {
  it("give every value a basis and cite only facts that exist", () => {
    const c = compareModels(buildOffice({ host: "clair" }));
    for (const r of c.models) {
      for (const u of r.assumptionsUsed) expect(u.basis, u.path).not.toBe("unsourced");
    }
    for (const host of ["jetro", "host_government_agency"]) {
      const h = model(compareModels(buildOffice({ host })).models, "hosted");
      for (const u of h.assumptionsUsed) expect(u.basis, u.path).not.toBe("unsourced");
    }
    expect(DEFAULT_ASSUMPTIONS.managementShareBenchmark).toBe(0.3);
    expect(DEFAULT_ASSUMPTIONS.sources.managementShareBenchmark?.basis).toBe("paper");
  });
});
