import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.ts";
import { parseAssessmentProfile } from "./profile.schema.ts";

const actor = { name: "Kochi", kind: "prefecture" };

function paths(input: unknown): { path: string; message: string }[] {
  try {
    parseAssessmentProfile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("validation_failed");
    return (error as AppError).errors.map((e) => ({ path: e.path, message: e.message }));
  }
  throw new Error("expected the profile to be rejected");
}

describe("the assessment profile", () => {
  it("accepts the issue's example shape, with every array optional", () => {
    const p = parseAssessmentProfile({
      actor: { name: "…", kind: "prefecture" },
      offices: [{ city: "…", country: "SG", operationalModel: "independent", opened: "2013-06", closed: null, managementShare: 0.35 }],
      ties: [{ kind: "sister_city", partner: "…", purposes: ["cultural"], since: "1985", until: null }],
      initiatives: [{ name: "…", purposes: ["economic"], partners: [{ name: "…", role: "partner" }], since: "2016", until: "2019-03" }],
      kpis: [{ name: "…", level: "input", horizon: "short" }],
      administrations: [{ leader: "…", from: "2011-12", until: "2015-12" }],
    });
    expect(p.offices?.[0]?.managementShare).toBe(0.35);
    expect(parseAssessmentProfile({ actor })).toEqual({ actor });
  });

  it("names the path of a bad enum value", () => {
    expect(paths({ actor, offices: [{ city: "Singapore", operationalModel: "embassy" }] })[0]?.path).toBe("offices[0].operationalModel");
    expect(paths({ actor, ties: [{ kind: "twin", partner: "X" }] })[0]?.path).toBe("ties[0].kind");
    expect(paths({ actor, initiatives: [{ name: "X", partners: [{ name: "Y", role: "sponsor" }] }] })[0]?.path).toBe("initiatives[0].partners[0].role");
    expect(paths({ actor, kpis: [{ name: "X", level: "result" }] })[0]?.path).toBe("kpis[0].level");
  });

  it("rejects unknown fields at their own path", () => {
    const errors = paths({ actor, offices: [{ city: "S", operationalModel: "independent", budget: 1 }], extra: true });
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "offices[0].budget", message: "unknown field" },
        { path: "extra", message: "unknown field" },
      ]),
    );
  });

  it("rejects dates that are not YYYY, YYYY-MM or YYYY-MM-DD real dates", () => {
    for (const bad of ["2019-13", "2019/03", "March 2019", "2019-02-30"]) {
      expect(paths({ actor, ties: [{ kind: "mou", partner: "X", since: bad }] })[0]?.path).toBe("ties[0].since");
    }
  });

  it("rejects an end before its start, naming the end", () => {
    expect(paths({ actor, offices: [{ city: "S", operationalModel: "independent", opened: "2015", closed: "2014-12" }] })[0]).toEqual({
      path: "offices[0].closed",
      message: "is before opened (2015)",
    });
    expect(paths({ actor, initiatives: [{ name: "X", since: "2016", until: "2015" }] })[0]?.path).toBe("initiatives[0].until");
    expect(paths({ actor, administrations: [{ leader: "A", from: "2011-12", until: "2011-11" }] })[0]?.path).toBe("administrations[0].until");
  });

  it("checks ranges, required fields and the host of non-hosted offices", () => {
    expect(paths({ actor, offices: [{ city: "S", operationalModel: "independent", managementShare: 1.5 }] })[0]?.path).toBe("offices[0].managementShare");
    expect(paths({ actor, offices: [{ city: "S", operationalModel: "independent", hostedBy: "jetro" }] })[0]?.path).toBe("offices[0].hostedBy");
    expect(paths({ offices: [] })[0]?.path).toBe("actor");
    expect(paths({ actor: { name: "X", kind: "company" } })[0]?.path).toBe("actor.kind");
    expect(paths({ actor, people: [{ ref: "s", overseasPostings: -1, currentPostInternational: false }] })[0]?.path).toBe("people[0].overseasPostings");
    expect(paths({ actor, administrations: [{ leader: "A" }] })[0]?.path).toBe("administrations[0].from");
    expect(paths("not a profile")[0]?.path).toBe("(root)");
  });
});
