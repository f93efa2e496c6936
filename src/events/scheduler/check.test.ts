import { describe, expect, it } from "vitest";
import { scheduleErrors } from "./check.ts";
import type { TInstance } from "./instance.ts";
import { compile } from "./model.ts";

const at = (h: number, m = 0, len = 30) => {
  const start = Date.UTC(2026, 4, 20, h, m);
  return { start: new Date(start).toISOString(), end: new Date(start + len * 60_000).toISOString() };
};

const instance: TInstance = {
  slots: [
    { id: "s1", ...at(1), session: "am" },
    { id: "s2", ...at(2), session: "am" },
    { id: "h1", ...at(1, 15), room: "hall-b", session: "am", tables: 1 },
  ],
  tables: 2,
  participants: [
    { id: "A", available: ["s1", "s2", "h1"], maxMeetings: 2 },
    { id: "B", available: ["s1", "s2", "h1"], maxPerSession: 1 },
    { id: "C", available: ["s1", "h1"] },
    { id: "D", available: ["s1", "s2", "h1"] },
  ],
  requests: [
    { id: "r1", from: "A", to: "B", priority: 1 },
    { id: "r2", from: "A", to: "C", priority: 1 },
    { id: "r3", from: "A", to: "D", priority: 1 },
    { id: "r4", from: "B", to: "D", priority: 1 },
    { id: "r5", from: "C", to: "D", priority: 1, fixed: { slot: "s1", table: 2 } },
  ],
};
const m = compile(instance);
const codes = (meetings: { request: string; slot: string; table: number }[]) => scheduleErrors(m, meetings).map((e) => [e.path, e.code]);

describe("schedule check (drag-to-move re-validation)", () => {
  it("accepts a valid schedule", () => {
    expect(codes([{ request: "r5", slot: "s1", table: 2 }, { request: "r1", slot: "s1", table: 1 }, { request: "r3", slot: "s2", table: 1 }])).toEqual([]);
  });

  it("names each broken rule on the meeting that breaks it", () => {
    expect(codes([
      { request: "r5", slot: "s1", table: 2 },
      { request: "r9", slot: "s1", table: 1 },
      { request: "r1", slot: "s9", table: 1 },
      { request: "r2", slot: "s2", table: 1 }, // C unavailable in s2
      { request: "r3", slot: "s1", table: 2 }, // table taken by r5; D busy in s1 with r5
      { request: "r4", slot: "h1", table: 1 }, // D: h1 overlaps s1
      { request: "r1", slot: "s2", table: 3 }, // no table 3; A busy in s2 (r2); A over cap; B over session cap
      { request: "r3", slot: "s2", table: 2 }, // scheduled twice
    ])).toEqual([
      ["meetings[1].request", "unknown_request"],
      ["meetings[2].slot", "unknown_slot"],
      ["meetings[3].slot", "unavailable"],
      ["meetings[4].table", "table_taken"],
      ["meetings[4].slot", "double_booked"],
      ["meetings[5].slot", "double_booked"],
      ["meetings[6].table", "unknown_table"],
      ["meetings[6].slot", "double_booked"],
      ["meetings[6].request", "cap_exceeded"],
      ["meetings[6].request", "cap_exceeded"],
      ["meetings[7].request", "duplicate"],
    ]);
  });

  it("checks organiser-fixed meetings and per-session caps", () => {
    const errors = scheduleErrors(m, [{ request: "r5", slot: "h1", table: 1 }, { request: "r1", slot: "s1", table: 1 }, { request: "r4", slot: "s2", table: 1 }]);
    expect(errors.map((e) => e.code)).toEqual(["fixed", "cap_exceeded"]);
    expect(errors[1]!.message).toContain('participant "B" has more than maxPerSession (1)');
    expect(scheduleErrors(m, []).map((e) => e.code)).toEqual(["fixed_missing"]);
  });
});
