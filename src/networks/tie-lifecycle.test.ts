import { describe, it, expect } from "vitest";
import { AppError } from "../core/errors.ts";
import {
  applyTransition, canTransition, currentState, historyIssues, nextStates, stateOn, TIE_STATES,
  TIE_TRANSITION_REASONS, type TieRecord,
} from "./tie-lifecycle.ts";

const sister: TieRecord = {
  id: "t1",
  kind: "sister_city",
  parties: ["fukuoka", "busan"],
  purposes: ["cultural"],
  history: [
    { state: "proposed", date: "1988-04-01" },
    { state: "signed", date: "1989-09-10", reason: "agreement_signed", signatories: ["Mayor of Fukuoka City", "Mayor of Busan"] },
    { state: "active", date: "1989-10-01", reason: "exchange_started" },
  ],
};

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors;
  }
  throw new Error("expected an AppError");
}

describe("tie lifecycle", () => {
  it("allows exactly the documented transitions", () => {
    const allowed = TIE_STATES.flatMap((from) => TIE_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual([
      "proposed>signed", "proposed>ended", "signed>active", "signed>ended",
      "active>dormant", "active>ended", "dormant>active", "dormant>ended",
    ]);
    expect(TIE_STATES.filter((s) => canTransition(null, s))).toEqual(["proposed", "signed", "active"]);
  });

  it("goes dormant and back with reasons, and reports the state on any day", () => {
    let tie = applyTransition(sister, { state: "dormant", date: "2020-04-01", reason: "external_shock", note: "COVID-19" });
    tie = applyTransition(tie, { state: "active", date: "2023-05-01", reason: "exchange_resumed" });
    expect(currentState(tie)).toBe("active");
    expect(stateOn(tie, "1989-09-30")).toBe("signed");
    expect(stateOn(tie, "2021-01-01")).toBe("dormant");
    expect(stateOn(tie, "1980-01-01")).toBeNull();
    expect(historyIssues(tie.history)).toEqual([]);
  });

  it("rejects illegal moves, missing reasons, wrong reasons and dates out of order, all together", () => {
    expect(issuesOf(() => applyTransition(sister, { state: "signed", date: "1980-01-01" })).map((e) => e.path)).toEqual([
      "history[3].state",
      "history[3].date",
    ]);
    expect(issuesOf(() => applyTransition(sister, { state: "ended", date: "2024-01-01" }))[0]).toMatchObject({
      path: "history[3].reason", code: "required",
    });
    expect(issuesOf(() => applyTransition(sister, { state: "dormant", date: "2024-01-01", reason: "agreement_signed" }))[0]!.message).toMatch(
      /not a reason for becoming dormant/,
    );
    expect(issuesOf(() => applyTransition(sister, { state: "dormant", date: "2024-13-01", reason: "no_activity" }))[0]!.path).toBe(
      "history[3].date",
    );
    const ended = applyTransition(sister, { state: "ended", date: "2024-01-01", reason: "mutual_decision" });
    expect(issuesOf(() => applyTransition(ended, { state: "active", date: "2024-02-01" }))[0]!.message).toMatch(/ended is final/);
  });

  it("checks whole histories, including how they start and who signed", () => {
    expect(historyIssues([])).toHaveLength(1);
    expect(historyIssues([{ state: "dormant", date: "2000-01-01", reason: "no_activity" }])[0]!.message).toMatch(/must start/);
    expect(historyIssues([{ state: "active", date: "2000-01-01", signatories: ["Mayor"] }])[0]!.path).toBe("history[0].signatories");
  });

  it("offers the next states with the reasons that fit, in both languages", () => {
    const options = nextStates(sister);
    expect(options.map((o) => o.state)).toEqual(["dormant", "ended"]);
    expect(options[0]!.label).toEqual({ ja: "休眠", en: "Dormant" });
    expect(options[0]!.reasons).toContain("leadership_change");
    expect(options[1]!.reasons).not.toContain("superseded");
    for (const reason of Object.values(TIE_TRANSITION_REASONS)) expect(reason.ja && reason.en).toBeTruthy();
  });
});
