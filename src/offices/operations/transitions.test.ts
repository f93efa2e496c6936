import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { periodAt, transitionsOf, validateHistory } from "./transitions.ts";

function errorsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).errors;
  }
  throw new Error("expected a validation error");
}

// The paper's example of a one-person office planned to become independent after several years, then joint.
const hostedThenIndependent = [
  { model: "hosted", host: "clair", from: "2013-07-01", to: "2016-03-31", reason: "start small inside CLAIR Singapore", end: { kind: "transition" } },
  { model: "independent", from: "2016-04-01", to: "2020-03-31", reason: "activities outgrew the host's purpose" },
  { model: "joint_industry_academia", from: "2020-04-01", reason: "share cost with the regional bank" },
];

// Osaka City's Shanghai office, consolidated with the prefecture's in 2012 (paper); the opening year is illustrative.
const osakaShanghai = [{ model: "independent", from: "1985", to: "2012", end: { kind: "merged", mergedIntoOfficeId: "osaka-government-shanghai", reason: "consolidated with Osaka Prefecture's office" } }];

describe("validateHistory", () => {
  it("accepts contiguous periods (next starts the day after) and an open last period", () => {
    expect(validateHistory(hostedThenIndependent)).toHaveLength(3);
  });

  it("accepts a handover on the same day and partial dates", () => {
    expect(() =>
      validateHistory([
        { model: "hosted", host: "jetro", from: "2010", to: "2014-03-31" },
        { model: "independent", from: "2014-03-31" },
      ]),
    ).not.toThrow();
    expect(validateHistory(osakaShanghai)).toHaveLength(1);
  });

  it("rejects a gap unless documented", () => {
    const gap = [
      { model: "independent", from: "2005-01-01", to: "2009-03-31" },
      { model: "outsourced", from: "2010-10-01" },
    ];
    expect(errorsOf(() => validateHistory(gap))).toMatchObject([{ path: "history[1].from" }]);
    const documented = [gap[0], { ...gap[1], discontinuity: { kind: "gap", reason: "no office during the budget review" } }];
    expect(validateHistory(documented)).toHaveLength(2);
  });

  it("rejects an overlap unless documented", () => {
    const overlap = [
      { model: "independent", from: "2005-01-01", to: "2010-03-31" },
      { model: "joint_municipal", from: "2009-10-01" },
    ];
    expect(errorsOf(() => validateHistory(overlap))[0]?.message).toContain("overlaps");
    expect(validateHistory([overlap[0], { ...overlap[1], discontinuity: { kind: "overlap", reason: "six months of parallel running" } }])).toHaveLength(2);
  });

  it("rejects a documented discontinuity that is not there", () => {
    const errors = errorsOf(() =>
      validateHistory([
        { model: "independent", from: "2005-01-01", to: "2010-03-31" },
        { model: "joint_municipal", from: "2010-04-01", discontinuity: { kind: "gap", reason: "?" } },
      ]),
    );
    expect(errors[0]?.path).toBe("history[1].discontinuity");
  });

  it("treats a closure as final unless the next period reopens the office", () => {
    const closed = [
      { model: "independent", from: "1993", to: "2007-03-31", end: { kind: "closed", reason: "budget" } },
      { model: "independent", from: "2018-04-01" },
    ];
    expect(errorsOf(() => validateHistory(closed))).toMatchObject([{ path: "history[1].reopened" }]);
    const reopened = [closed[0], { ...closed[1], reopened: true, reason: "reopened under a new mayor" }];
    expect(validateHistory(reopened)).toHaveLength(2);
  });

  it("rejects reopening without a closure, on the first period, or before the closure", () => {
    expect(errorsOf(() => validateHistory([{ model: "independent", from: "2000", reopened: true }]))[0]?.path).toBe("history[0].reopened");
    const early = errorsOf(() =>
      validateHistory([
        { model: "independent", from: "2000", to: "2010-06-30", end: { kind: "closed" } },
        { model: "outsourced", from: "2009", reopened: true },
      ]),
    );
    expect(early[0]).toMatchObject({ path: "history[1].from" });
    const noClosure = errorsOf(() =>
      validateHistory([
        { model: "independent", from: "2000", to: "2010-06-30" },
        { model: "outsourced", from: "2010-07-01", reopened: true },
      ]),
    );
    expect(noClosure[0]?.path).toBe("history[1].reopened");
  });

  it("requires chronological order, open-endedness only at the end, and to ≥ from", () => {
    expect(
      errorsOf(() =>
        validateHistory([
          { model: "independent", from: "2010-01-01", to: "2012-01-01" },
          { model: "hosted", host: "jetro", from: "2005-01-01" },
        ]),
      )[0]?.path,
    ).toBe("history[1].from");
    expect(
      errorsOf(() =>
        validateHistory([
          { model: "independent", from: "2010-01-01" },
          { model: "outsourced", from: "2012-01-01" },
        ]),
      )[0]?.path,
    ).toBe("history[0].to");
    expect(errorsOf(() => validateHistory([{ model: "independent", from: "2010-01-01", to: "2009-12-31", end: { kind: "closed" } }]))[0]?.path).toBe(
      "history[0].to",
    );
  });

  it("requires a merger to name its target and a finished history to end in a closure or merger", () => {
    expect(errorsOf(() => validateHistory([{ model: "independent", from: "2000", to: "2012", end: { kind: "merged" } }]))[0]?.path).toBe(
      "history[0].end.mergedIntoOfficeId",
    );
    expect(errorsOf(() => validateHistory([{ model: "independent", from: "2000", to: "2012" }]))[0]?.path).toBe("history[0].end");
  });

  it("requires a transition to change the model or host, and a host only while hosted", () => {
    expect(
      errorsOf(() =>
        validateHistory([
          { model: "independent", from: "2000", to: "2005-12-31" },
          { model: "independent", from: "2006-01-01" },
        ]),
      )[0]?.path,
    ).toBe("history[1].model");
    expect(() =>
      validateHistory([
        { model: "hosted", host: "jetro", from: "2000", to: "2005-12-31" },
        { model: "hosted", host: "clair", from: "2006-01-01" },
      ]),
    ).not.toThrow();
    expect(errorsOf(() => validateHistory([{ model: "independent", host: "jetro", from: "2000" }]))[0]?.path).toBe("history[0].host");
  });

  it("names bad dates and models", () => {
    const errors = errorsOf(() => validateHistory([{ model: "franchise", from: "2012-02-30" }]));
    expect(errors.map((e) => e.path).sort()).toEqual(["history[0].from", "history[0].model"]);
  });
});

describe("transitionsOf", () => {
  it("lists the opening and each model change with its reason", () => {
    expect(transitionsOf(hostedThenIndependent)).toEqual([
      { date: "2013-07-01", kind: "opened", toModel: "hosted", toHost: "clair", reason: "start small inside CLAIR Singapore" },
      {
        date: "2016-04-01",
        kind: "model_changed",
        fromModel: "hosted",
        fromHost: "clair",
        toModel: "independent",
        reason: "activities outgrew the host's purpose",
      },
      { date: "2020-04-01", kind: "model_changed", fromModel: "independent", toModel: "joint_industry_academia", reason: "share cost with the regional bank" },
    ]);
  });

  it("records a consolidation into another office (Osaka 2012)", () => {
    expect(transitionsOf(osakaShanghai)).toEqual([
      { date: "1985", kind: "opened", toModel: "independent" },
      {
        date: "2012",
        kind: "merged",
        fromModel: "independent",
        mergedIntoOfficeId: "osaka-government-shanghai",
        reason: "consolidated with Osaka Prefecture's office",
      },
    ]);
  });

  it("records closure and reopening", () => {
    const t = transitionsOf([
      { model: "independent", from: "1993", to: "2010-03-31", end: { kind: "closed", reason: "budget" } },
      { model: "independent", from: "2018-04-01", reopened: true, reason: "new mayor" },
    ]);
    expect(t.map((x) => [x.kind, x.date, x.reason])).toEqual([
      ["opened", "1993", undefined],
      ["closed", "2010-03-31", "budget"],
      ["reopened", "2018-04-01", "new mayor"],
    ]);
  });
});

describe("periodAt", () => {
  const h = validateHistory(hostedThenIndependent);
  it("finds the model in force on a date, or null outside the office's life", () => {
    expect(periodAt(h, "2013-06-30")).toBeNull();
    expect(periodAt(h, "2015")?.model).toBe("hosted");
    expect(periodAt(h, "2016-04-01")?.model).toBe("independent");
    expect(periodAt(h, "2030-01-01")?.model).toBe("joint_industry_academia");
    const closed = validateHistory(osakaShanghai);
    expect(periodAt(closed, "2012-12-31")?.model).toBe("independent");
    expect(periodAt(closed, "2013-01-01")).toBeNull();
  });
});
