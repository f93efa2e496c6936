import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { instanceErrors, parseInstance, type TInstance } from "./instance.ts";

const slot = (id: string, start: string, end: string, extra: object = {}) => ({
  id,
  start: `2026-03-10T${start}:00+07:00`,
  end: `2026-03-10T${end}:00+07:00`,
  ...extra,
});

function valid(): TInstance {
  return {
    slots: [slot("s1", "10:00", "10:20"), slot("s2", "10:25", "10:45")],
    tables: 2,
    participants: [
      { id: "p1", available: ["s1", "s2"], maxMeetings: 6 },
      { id: "p2", available: ["s1", "s2"] },
      { id: "p3", available: ["s2"] },
    ],
    requests: [
      { id: "r1", from: "p1", to: "p2", priority: 2 },
      { id: "r2", from: "p3", to: "p1", priority: 1 },
    ],
  };
}

function codes(input: unknown): { path: string; code: string | undefined }[] {
  return instanceErrors(input).map((e) => ({ path: e.path, code: e.code }));
}

describe("instance validation", () => {
  it("accepts the contract example and optional extras", () => {
    expect(instanceErrors(valid())).toEqual([]);
    const extras = valid();
    extras.tables = ["A", "B", "C"];
    extras.slots[0] = { ...extras.slots[0]!, session: "am", tables: 2 };
    extras.participants[1] = { ...extras.participants[1]!, name: "Bangkok Foods", maxPerSession: 1 };
    extras.requests[0] = { ...extras.requests[0]!, fixed: { slot: "s1", table: 2 } };
    expect(instanceErrors(extras)).toEqual([]);
  });

  it("accepts UTC (Z) times and rejects times without an offset", () => {
    const i = valid() as unknown as { slots: { start: string }[] };
    i.slots[0]!.start = "2026-03-10T03:00:00Z";
    expect(instanceErrors(i)).toEqual([]);
    i.slots[0]!.start = "2026-03-10T10:00:00";
    expect(codes(i)).toEqual([{ path: "slots[0].start", code: "invalid_format" }]);
  });

  it("reports structural errors by path: negative caps and tables, priority out of range, unknown fields", () => {
    const i = valid() as unknown as Record<string, unknown> & { participants: Record<string, unknown>[]; requests: Record<string, unknown>[] };
    i.tables = -1;
    i.participants[0]!.maxMeetings = -2;
    i.participants[1]!.maxPerSession = 1.5;
    i.requests[0]!.priority = 4;
    i.requests[1]!.priority = 0;
    i.requests[1]!.note = "x";
    const errors = instanceErrors(i);
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining([
      "tables", "participants[0].maxMeetings", "participants[1].maxPerSession", "requests[0].priority", "requests[1].priority", "requests[1].note",
    ]));
    expect(errors.find((e) => e.path === "participants[0].maxMeetings")!.message).toBe("maxMeetings must not be negative");
    expect(errors.find((e) => e.path === "requests[0].priority")!.message).toBe("priority must be 1, 2 or 3");
    expect(errors.find((e) => e.path === "requests[1].note")!.message).toBe("unknown field");
  });

  it("reports every semantic error at once, each naming the item", () => {
    const i = valid();
    i.slots.push(slot("s1", "11:00", "11:20")); // duplicate id
    i.slots.push(slot("s3", "12:00", "12:00")); // end ≤ start
    i.slots.push(slot("s4", "10:10", "10:30")); // overlaps s1 and s2 in the main room
    i.participants.push({ id: "p1", available: [] }); // duplicate id
    i.participants[2]!.available = ["s2", "s9", "s2"]; // unknown slot, listed twice
    i.requests.push({ id: "r1", from: "p2", to: "p3", priority: 1 }); // duplicate id
    i.requests.push({ id: "r4", from: "p2", to: "p2", priority: 1 }); // to oneself
    i.requests.push({ id: "r5", from: "p1", to: "px", priority: 1 }); // unknown participant
    i.requests.push({ id: "r6", from: "p2", to: "p1", priority: 3 }); // same pair as r1
    const errors = instanceErrors(i);
    expect(errors.map((e) => [e.path, e.code])).toEqual(expect.arrayContaining([
      ["slots[2].id", "duplicate"],
      ["slots[3].end", "end_before_start"],
      ["slots[4]", "overlap"],
      ["participants[3].id", "duplicate"],
      ["participants[2].available[1]", "unknown_slot"],
      ["participants[2].available[2]", "duplicate"],
      ["requests[2].id", "duplicate"],
      ["requests[3].to", "self_request"],
      ["requests[4].to", "unknown_participant"],
      ["requests[5]", "duplicate_pair"],
    ]));
    const overlap = errors.find((e) => e.code === "overlap")!;
    expect(overlap.message).toContain('slot "s4" overlaps slot "s1"');
    expect(errors.find((e) => e.code === "unknown_participant")!.message).toContain('"px"');
    expect(errors.find((e) => e.code === "self_request")!.message).toContain('"r4"');
  });

  it("reports structural and semantic errors together", () => {
    const i = valid() as unknown as { participants: { maxMeetings?: number }[]; requests: { to: string }[] };
    i.participants[0]!.maxMeetings = -1;
    i.requests[0]!.to = "ghost";
    expect(codes(i)).toEqual([
      { path: "participants[0].maxMeetings", code: "too_small" },
      { path: "requests[0].to", code: "unknown_participant" },
    ]);
  });

  it("allows overlapping slots in different rooms", () => {
    const i = valid();
    i.slots = [slot("a1", "10:00", "10:20", { room: "hall-a" }), slot("b1", "10:10", "10:30", { room: "hall-b" })];
    i.participants.forEach((p) => (p.available = ["a1", "b1"]));
    expect(instanceErrors(i)).toEqual([]);
    i.slots[1] = { ...i.slots[1]!, room: "hall-a" };
    expect(codes(i)).toEqual([{ path: "slots[1]", code: "overlap" }]);
  });

  it("checks organiser-fixed meetings and table ids", () => {
    const i = valid();
    i.tables = ["A", "A"];
    i.slots[0] = { ...i.slots[0]!, tables: 3 };
    i.participants[0]!.maxMeetings = 1;
    i.participants.push({ id: "p4", available: ["s1"] });
    i.requests = [
      { id: "r1", from: "p1", to: "p2", priority: 2, fixed: { slot: "s1", table: 1 } },
      { id: "r2", from: "p3", to: "p1", priority: 1, fixed: { slot: "s1", table: 1 } }, // p3 unavailable, table taken, p1 twice
      { id: "r3", from: "p2", to: "p4", priority: 1, fixed: { slot: "s9" } },
      { id: "r4", from: "p3", to: "p4", priority: 1, fixed: { slot: "s2", table: 5 } }, // p4 unavailable, no table 5
    ];
    expect(codes(i)).toEqual(expect.arrayContaining([
      { path: "tables[1]", code: "duplicate" },
      { path: "slots[0].tables", code: "too_many_tables" },
      { path: "requests[1].fixed.slot", code: "unavailable" },
      { path: "requests[1].fixed.table", code: "table_taken" },
      { path: "requests[1].fixed.slot", code: "double_booked" },
      { path: "participants[0].maxMeetings", code: "cap_exceeded" },
      { path: "requests[2].fixed.slot", code: "unknown_slot" },
      { path: "requests[3].fixed.table", code: "unknown_table" },
    ]));
  });

  it("counts fixed meetings against tables and per-session caps", () => {
    const i = valid();
    i.tables = 1;
    i.slots = [slot("s1", "10:00", "10:20", { session: "am" }), slot("s2", "10:25", "10:45", { session: "am" })];
    i.participants = ["p1", "p2", "p3", "p4"].map((id) => ({ id, available: ["s1", "s2"], maxPerSession: 1 }));
    i.requests = [
      { id: "r1", from: "p1", to: "p2", priority: 1, fixed: { slot: "s1" } },
      { id: "r2", from: "p3", to: "p4", priority: 1, fixed: { slot: "s1" } },
      { id: "r3", from: "p1", to: "p3", priority: 1, fixed: { slot: "s2" } },
    ];
    const errors = instanceErrors(i);
    expect(errors.map((e) => e.code)).toEqual(expect.arrayContaining(["too_many_fixed", "cap_exceeded"]));
    expect(errors.find((e) => e.code === "cap_exceeded")!.message).toContain('session "am"');
  });

  it("parseInstance throws a validation AppError carrying every error", () => {
    const i = valid();
    i.requests.push({ id: "r9", from: "p1", to: "p1", priority: 1 }, { id: "r10", from: "zz", to: "p1", priority: 1 });
    try {
      parseInstance(i);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const e = error as AppError;
      expect(e.code).toBe("validation_failed");
      expect(e.errors.map((x) => x.path)).toEqual(["requests[2].to", "requests[3].from"]);
      expect(e.message).toContain("requests[2].to");
    }
  });
});
