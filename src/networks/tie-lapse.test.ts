import { describe, it, expect } from "vitest";
import { lapseAlerts } from "./tie-lapse.ts";
import type { TieRecord } from "./tie-lifecycle.ts";

const tie = (id: string, history: TieRecord["history"]): TieRecord => ({ id, kind: "sister_city", parties: ["a", id], history });

const ties = [
  tie("quiet", [{ state: "signed", date: "2015-04-01" }, { state: "active", date: "2015-05-01" }]),
  tie("busy", [{ state: "active", date: "2010-01-01" }]),
  tie("revived", [
    { state: "active", date: "2010-01-01" },
    { state: "dormant", date: "2018-01-01", reason: "no_activity" },
    { state: "active", date: "2024-01-10", reason: "exchange_resumed" },
  ]),
  tie("never", [{ state: "signed", date: "2021-03-31" }]),
  tie("sleeping", [{ state: "active", date: "2010-01-01" }, { state: "dormant", date: "2012-01-01", reason: "budget_cut" }]),
  tie("future", [{ state: "proposed", date: "2024-01-01" }, { state: "signed", date: "2025-01-01" }]),
];
const activities = [
  { tieId: "quiet", date: "2021-12-15" },
  { tieId: "quiet", date: "2019-01-01" },
  { tieId: "busy", date: "2024-02-01" },
  { tieId: "busy", date: "2025-01-01" }, // after asOf: ignored
  { tieId: "revived", date: "2016-01-01" },
];

describe("lapse alerts", () => {
  it("alerts signed and active ties with no activity for the period, longest first", () => {
    const alerts = lapseAlerts(ties, activities, { asOf: "2024-03-31", months: 24 });
    expect(alerts.map((a) => [a.tieId, a.state, a.lastActivity, a.since, a.monthsInactive, a.lapsedOn])).toEqual([
      ["never", "signed", null, "2021-03-31", 36, "2023-03-31"],
      ["quiet", "active", "2021-12-15", "2021-12-15", 27, "2023-12-15"],
    ]);
    expect(alerts[0]!.message.ja).toMatch(/36か月/);
    expect(alerts[1]!.message.en).toBe("No activity recorded for 27 months since the last one on 2021-12-15.");
  });

  it("uses the configurable threshold and the as-of date (activity after it does not count)", () => {
    expect(lapseAlerts(ties, activities, { asOf: "2024-03-31", months: 36 }).map((a) => a.tieId)).toEqual(["never"]);
    expect(lapseAlerts(ties, activities, { asOf: "2023-12-14", months: 24 }).map((a) => a.tieId)).toEqual(["busy", "never"]);
    expect(lapseAlerts(ties, activities, { asOf: "2023-12-15", months: 24 }).map((a) => a.tieId)).toEqual(["busy", "never", "quiet"]);
    expect(lapseAlerts(ties, activities, { asOf: "2024-03-31", months: 2 }).map((a) => a.tieId)).toEqual(["never", "quiet", "revived"]);
  });

  it("rejects a bad date or threshold", () => {
    expect(() => lapseAlerts(ties, [], { asOf: "31/03/2024" })).toThrow(/asOf/);
    expect(() => lapseAlerts(ties, [], { asOf: "2024-03-31", months: 0 })).toThrow(/months/);
  });
});
