import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { scheduleErrors } from "./check.ts";
import type { TInstance } from "./instance.ts";
import { compile } from "./model.ts";
import { generateInstance } from "./random-instance.ts";
import { reschedule, type RescheduleResult } from "./reschedule.ts";
import { solve } from "./solve.ts";

function feasible(instance: TInstance, result: RescheduleResult): void {
  expect(scheduleErrors(compile(instance), result.meetings)).toEqual([]);
}

/** Meetings kept exactly (same slot and table) between two schedules. */
function unchanged(before: { meetings: { request: string; slot: string; table: number }[] }, after: { meetings: { request: string; slot: string; table: number }[] }): number {
  const now = new Map(after.meetings.map((m) => [m.request, m]));
  return before.meetings.filter((m) => now.get(m.request)?.slot === m.slot && now.get(m.request)?.table === m.table).length;
}

function freshPair(instance: TInstance): { from: string; to: string } {
  const taken = new Set(instance.requests.flatMap((r) => [`${r.from}|${r.to}`, `${r.to}|${r.from}`]));
  for (const a of instance.participants) for (const b of instance.participants) if (a.id !== b.id && !taken.has(`${a.id}|${b.id}`)) return { from: a.id, to: b.id };
  throw new Error("no free pair");
}

const event = () => generateInstance({ seed: 11, participants: 30, slots: 6, tables: 5, requests: 90, maxMeetings: [2, 5] });

describe("rescheduling", () => {
  it("after a cancellation is as good as a fresh solve and keeps more meetings in place", async () => {
    const instance = event();
    const before = await solve(instance, { method: "exact" });
    const cancelled = before.meetings[3]!.request;
    const lost = instance.requests.find((r) => r.id === cancelled)!.priority;
    for (const method of ["exact", "fast"] as const) {
      const { instance: changed, result } = await reschedule(instance, before, [{ kind: "cancel-meeting", request: cancelled }], { method });
      feasible(changed, result);
      expect(changed.requests.some((r) => r.id === cancelled)).toBe(false);
      expect(result.objective.priority).toBeGreaterThanOrEqual(before.objective.priority - lost);
      expect(unchanged(before, result)).toBe(before.meetings.length - 1 - result.moves);
      if (method === "exact") {
        expect(result.optimal).toBe(true);
        const fresh = await solve(changed, { method: "exact" });
        expect(result.objective).toEqual(fresh.objective);
        expect(unchanged(before, result)).toBeGreaterThanOrEqual(unchanged(before, fresh));
      }
      // Nothing forces a meeting to move after a cancellation: any move buys priority or fairness.
      expect(result.moves).toBeLessThanOrEqual(4);
    }
  });

  it("when a slot is removed, matches a fresh solve's objective with the fewest moves", async () => {
    const instance = event();
    const before = await solve(instance, { method: "exact" });
    const slot = before.meetings[0]!.slot;
    const inSlot = before.meetings.filter((m) => m.slot === slot).map((m) => m.request);
    const { instance: changed, result } = await reschedule(instance, before, [{ kind: "remove-slot", slot }], { method: "exact" });
    feasible(changed, result);
    expect(result.optimal).toBe(true);
    expect(result.meetings.some((m) => m.slot === slot)).toBe(false);
    const touched = new Set([...result.changes.moved.map((m) => m.request), ...result.changes.dropped]);
    for (const r of inSlot) expect(touched.has(r)).toBe(true);
    const fresh = await solve(changed, { method: "exact" });
    expect(result.objective).toEqual(fresh.objective);
    expect(unchanged(before, result)).toBeGreaterThanOrEqual(unchanged(before, fresh));
  });

  it("moves exactly the one meeting that must move when there is a free place", async () => {
    const at = (h: number) => ({ start: `2026-05-20T0${h}:00:00Z`, end: `2026-05-20T0${h}:30:00Z` });
    const instance: TInstance = {
      slots: [{ id: "s1", ...at(1) }, { id: "s2", ...at(2) }, { id: "s3", ...at(3) }],
      tables: 2,
      participants: ["A", "B", "C", "D", "E", "F"].map((id) => ({ id, available: ["s1", "s2", "s3"] })),
      requests: [
        { id: "r1", from: "A", to: "B", priority: 2 },
        { id: "r2", from: "C", to: "D", priority: 2 },
        { id: "r3", from: "E", to: "F", priority: 2 },
      ],
    };
    const before = { meetings: [{ request: "r1", slot: "s1", table: 1 }, { request: "r2", slot: "s1", table: 2 }, { request: "r3", slot: "s2", table: 1 }] };
    for (const method of ["exact", "fast"] as const) {
      const { result } = await reschedule(instance, before, [{ kind: "remove-slot", slot: "s1" }], { method });
      expect(result.moves, method).toBe(2);
      expect(result.changes.moved.map((m) => m.request).sort()).toEqual(["r1", "r2"]);
      expect(result.meetings.find((m) => m.request === "r3")).toEqual({ request: "r3", slot: "s2", table: 1 });
    }
  });

  it("withdraws a participant, marks slots unavailable and adds a request", async () => {
    const instance = event();
    const before = await solve(instance, { method: "exact" });
    const gone = instance.requests[0]!.from;
    const busy = before.meetings.find((m) => !instance.requests.find((r) => r.id === m.request && (r.from === gone || r.to === gone)))!;
    const who = instance.requests.find((r) => r.id === busy.request)!.to;
    const changes = [
      { kind: "withdraw-participant", participant: gone },
      { kind: "unavailable", participant: who, slots: [busy.slot] },
      { kind: "add-request", request: { id: "new", ...freshPair(instance), priority: 3 } },
    ];
    for (const method of ["exact", "fast"] as const) {
      const { instance: changed, result } = await reschedule(instance, before, changes, { method });
      feasible(changed, result);
      expect(changed.participants.some((p) => p.id === gone)).toBe(false);
      expect(result.meetings.some((m) => m.slot === busy.slot && m.request === busy.request)).toBe(false);
      expect(result.meetings.map((m) => m.request)).not.toContain(instance.requests[0]!.id);
      expect(result.changes.added.includes("new") || result.unscheduled.includes("new")).toBe(true);
    }
  });

  it("pinExisting keeps every surviving meeting exactly where it was", async () => {
    const instance = event();
    const before = await solve(instance, { method: "exact" });
    const { result } = await reschedule(instance, before, [{ kind: "cancel-meeting", request: before.meetings[0]!.request }], { pinExisting: true });
    expect(result.moves).toBe(0);
    expect(unchanged(before, result)).toBe(before.meetings.length - 1);
  });

  it("moves no more meetings than needed on a larger event (fast)", async () => {
    const instance = generateInstance({ seed: 5, participants: 200, slots: 10, tables: 25, requests: 1500, maxMeetings: [3, 8] });
    const before = await solve(instance, { method: "fast", timeLimitMs: 2_000 });
    const { instance: changed, result } = await reschedule(instance, before, [{ kind: "withdraw-participant", participant: "p1" }], { method: "fast", timeLimitMs: 2_000 });
    feasible(changed, result);
    const lost = before.meetings.filter((m) => instance.requests.find((r) => r.id === m.request && (r.from === "p1" || r.to === "p1"))).length;
    expect(result.objective.priority).toBeGreaterThanOrEqual(before.objective.priority - 3 * lost);
    expect(result.moves).toBeLessThan(before.meetings.length / 10);
  });

  it("rejects unknown ids in changes and a schedule that does not fit", async () => {
    const instance = event();
    const before = await solve(instance, { method: "fast", timeLimitMs: 500 });
    const bad = [
      { kind: "cancel-meeting", request: "nope" },
      { kind: "remove-slot", slot: "s99" },
      { kind: "add-request", request: { id: "r1", from: "p1", to: "zz", priority: 2 } },
    ];
    const error = await reschedule(instance, before, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors.map((e) => e.path)).toEqual(["changes[0].request", "changes[1].slot", "changes[2].request.id", "changes[2].request.to"]);
    const shape = await reschedule(instance, before, [{ kind: "explode" }]).catch((e: unknown) => e);
    expect((shape as AppError).errors[0]!.path).toBe("changes[0].kind");
    const wrong = { meetings: [{ request: "r1", slot: "s1", table: 99 }] };
    const misfit = await reschedule(instance, wrong, []).catch((e: unknown) => e);
    expect((misfit as AppError).errors[0]!.path).toBe("schedule.meetings[0].table");
  });
});
