import { describe, it, expect } from "vitest";
import { AppError } from "../core/errors.ts";
import type { TieRecord } from "./tie-lifecycle.ts";
import { lineage, lineageIssues, upgradeTie } from "./tie-lineage.ts";

const sister: TieRecord = {
  id: "t1",
  kind: "sister_city",
  parties: ["fukuoka", "busan"],
  purposes: ["cultural"],
  history: [
    { state: "signed", date: "1989-09-10", reason: "agreement_signed" },
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

describe("upgrade lineage", () => {
  it("ends the old tie as superseded and starts the successor on the same day", () => {
    const { superseded, successor } = upgradeTie(sister, { id: "t2", kind: "business_partner", date: "2015-06-01", purposes: ["economic"] });
    expect(superseded.history.at(-1)).toEqual({ state: "ended", date: "2015-06-01", reason: "superseded", note: "superseded by t2" });
    expect(successor).toMatchObject({ id: "t2", kind: "business_partner", supersedes: "t1", parties: ["fukuoka", "busan"], purposes: ["economic"] });
    expect(successor.history).toEqual([{ state: "signed", date: "2015-06-01", reason: "upgraded_from", note: "continues t1" }]);
    expect(lineageIssues([superseded, successor])).toEqual([]);
  });

  it("follows the lineage both ways, through a branch", () => {
    const a = upgradeTie(sister, { id: "t2", kind: "business_partner", date: "2015-06-01" });
    const b = upgradeTie({ ...a.successor, history: [...a.successor.history, { state: "active", date: "2015-07-01" }] }, {
      id: "t3", kind: "network_membership", date: "2020-01-01", parties: ["fukuoka", "c40"], state: "active",
    });
    const ties = [a.superseded, b.superseded, b.successor];
    expect(lineage(ties, "t3").chain.map((t) => t.id)).toEqual(["t1", "t2", "t3"]);
    expect(lineage(ties, "t1").descendants.map((t) => t.id)).toEqual(["t2", "t3"]);
    expect(lineage(ties, "t2")).toMatchObject({ chain: [{ id: "t1" }, { id: "t2" }], descendants: [{ id: "t3" }] });
  });

  it("refuses upgrades that keep the kind, reuse the id or start from a proposal", () => {
    const errors = issuesOf(() => upgradeTie(sister, { id: "t1", kind: "sister_city", date: "not a date" }));
    expect(errors.map((e) => e.path)).toEqual(["kind", "id", "date"]);
    const proposal: TieRecord = { ...sister, history: [{ state: "proposed", date: "2020-01-01" }] };
    expect(issuesOf(() => upgradeTie(proposal, { id: "x", kind: "mou", date: "2021-01-01" }))[0]!.path).toBe("tie");
    expect(issuesOf(() => upgradeTie(sister, { id: "x", kind: "mou", date: "1970-01-01" }))[0]!.path).toBe("history[2].date");
  });

  it("finds broken lineage: unknown, same kind, not superseded, cycles", () => {
    const x: TieRecord = { ...sister, id: "x", supersedes: "y" };
    const y: TieRecord = { ...sister, id: "y", kind: "mou", supersedes: "x" };
    const messages = lineageIssues([x, y, { ...sister, id: "z", supersedes: "nope" }, { ...sister, id: "w", supersedes: "t1" }, sister]).map(
      (e) => `${e.path} ${e.message}`,
    );
    expect(messages).toEqual([
      "ties[0].supersedes y did not end as superseded",
      "ties[0].supersedes lineage cycle",
      "ties[1].supersedes x did not end as superseded",
      "ties[1].supersedes lineage cycle",
      "ties[2].supersedes refers to an unknown tie",
      "ties[3].supersedes continues a tie of the same kind (sister_city)",
      "ties[3].supersedes t1 did not end as superseded",
    ]);
    expect(() => lineage([x, y], "x")).toThrow(/cycle/);
  });
});
