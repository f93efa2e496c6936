import { describe, expect, it } from "vitest";
import { bruteForce } from "./brute-force.ts";
import type { TInstance } from "./instance.ts";
import { generateInstance, prng, type GenerateOptions } from "./random-instance.ts";
import type { ScheduleResult } from "./schedule.ts";
import { solve } from "./solve.ts";

/** Independent of the solver code: reads the raw instance and lists every broken rule. */
function violations(instance: TInstance, result: ScheduleResult): string[] {
  const out: string[] = [];
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const people = new Map(instance.participants.map((p) => [p.id, p]));
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const base = typeof instance.tables === "number" ? instance.tables : instance.tables.length;
  const tablesUsed = new Set<string>();
  const agenda = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const m of result.meetings) {
    const r = requests.get(m.request);
    const s = slots.get(m.slot);
    if (!r || !s) {
      out.push(`unknown ${m.request}/${m.slot}`);
      continue;
    }
    if (seen.has(r.id)) out.push(`${r.id} twice`);
    seen.add(r.id);
    const cap = s.tables ?? base;
    if (!(m.table >= 1 && m.table <= cap)) out.push(`${r.id}: table ${m.table} outside 1..${cap}`);
    if (tablesUsed.has(`${s.id}#${m.table}`)) out.push(`${s.id} table ${m.table} twice`);
    tablesUsed.add(`${s.id}#${m.table}`);
    if (r.fixed && (r.fixed.slot !== s.id || (r.fixed.table !== undefined && r.fixed.table !== m.table))) out.push(`${r.id} not where fixed`);
    for (const pid of [r.from, r.to]) {
      const p = people.get(pid)!;
      if (!p.available.includes(s.id)) out.push(`${pid} unavailable in ${s.id}`);
      const mine = agenda.get(pid) ?? [];
      for (const other of mine) {
        const o = slots.get(other)!;
        if (Date.parse(o.start) < Date.parse(s.end) && Date.parse(s.start) < Date.parse(o.end)) out.push(`${pid} in two places: ${other} and ${s.id}`);
      }
      mine.push(s.id);
      agenda.set(pid, mine);
    }
  }
  for (const p of instance.participants) {
    const mine = agenda.get(p.id) ?? [];
    if (p.maxMeetings !== undefined && mine.length > p.maxMeetings) out.push(`${p.id} over maxMeetings`);
    if (p.maxPerSession !== undefined) {
      const per = new Map<string, number>();
      for (const sid of mine) per.set(slots.get(sid)!.session ?? "", (per.get(slots.get(sid)!.session ?? "") ?? 0) + 1);
      for (const n of per.values()) if (n > p.maxPerSession) out.push(`${p.id} over maxPerSession`);
    }
  }
  for (const r of instance.requests) if (r.fixed && !seen.has(r.id)) out.push(`fixed ${r.id} missing`);
  const all = [...result.meetings.map((m) => m.request), ...result.unscheduled].sort();
  if (JSON.stringify(all) !== JSON.stringify(instance.requests.map((r) => r.id).sort())) out.push("meetings + unscheduled ≠ requests");
  let priority = 0;
  const met = new Set<string>();
  for (const m of result.meetings) {
    const r = requests.get(m.request)!;
    priority += r.priority;
    met.add(r.from).add(r.to);
  }
  const asking = new Set(instance.requests.flatMap((r) => [r.from, r.to]));
  if (priority !== result.objective.priority) out.push(`priority ${result.objective.priority} ≠ ${priority}`);
  const unmet = [...asking].filter((p) => !met.has(p)).length;
  if (unmet !== result.objective.unmetParticipants) out.push(`unmet ${result.objective.unmetParticipants} ≠ ${unmet}`);
  if (result.bound < priority) out.push(`bound ${result.bound} below priority ${priority}`);
  return out;
}

function randomSmall(seed: number, tiny: boolean): TInstance {
  const rand = prng(seed * 7919);
  const o: GenerateOptions = {
    seed,
    participants: tiny ? 4 + Math.floor(rand() * 3) : 8 + Math.floor(rand() * 10),
    slots: tiny ? 2 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 4),
    tables: 1 + Math.floor(rand() * (tiny ? 2 : 4)),
    requests: tiny ? 5 + Math.floor(rand() * 4) : 10 + Math.floor(rand() * 30),
    availability: [0.4, 1],
    maxMeetings: rand() < 0.7 ? [0, 4] : undefined,
    popularShare: 0.5,
  };
  if (rand() < 0.3) o.rooms = 2;
  if (rand() < 0.3) {
    o.slotsPerSession = 2;
    o.maxPerSession = 1;
  }
  return generateInstance(o);
}

describe("scheduler feasibility (property tests on random instances)", () => {
  it("exact and fast schedules keep every rule", async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const instance = randomSmall(seed, false);
      for (const method of ["exact", "fast"] as const) {
        const result = await solve(instance, { method, timeLimitMs: 2_000 });
        expect(violations(instance, result), `seed ${seed} ${method}`).toEqual([]);
        expect(result.method).toBe(method);
        expect(result.gap).toBeCloseTo(result.bound > 0 ? (result.bound - result.objective.priority) / result.bound : 0, 5);
      }
    }
  });

  it("keeps the rules on a generated event with parallel rooms, sessions and caps", async () => {
    const instance = generateInstance({ seed: 99, participants: 120, slots: 8, tables: 10, requests: 700, rooms: 2, slotsPerSession: 4, maxPerSession: 3, maxMeetings: [2, 6] });
    for (const method of ["fast", "exact"] as const) {
      const result = await solve(instance, { method, timeLimitMs: 5_000 });
      expect(violations(instance, result), method).toEqual([]);
    }
  });
});

describe("optimality against brute force", () => {
  it("exact matches an exhaustive search on tiny instances and proves it", async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const instance = randomSmall(seed, true);
      const truth = bruteForce(instance);
      const exact = await solve(instance, { method: "exact" });
      expect(exact.objective, `seed ${seed}`).toEqual({ priority: truth.priority, unmetParticipants: truth.unmetParticipants });
      expect(exact.optimal).toBe(true);
      expect(exact.bound).toBe(truth.priority);
      const fast = await solve(instance, { method: "fast", timeLimitMs: 1_000 });
      expect(violations(instance, fast)).toEqual([]);
      expect(fast.objective.priority).toBeLessThanOrEqual(truth.priority);
      expect(fast.bound).toBeGreaterThanOrEqual(truth.priority);
      if (fast.optimal) expect(fast.objective).toEqual(exact.objective);
    }
  });
});

const t = (h: number) => ({ start: `2026-03-10T${10 + h}:00:00+09:00`, end: `2026-03-10T${10 + h}:30:00+09:00` });

describe("objective", () => {
  it("breaks priority ties by giving more participants a meeting", async () => {
    // Two slots, one table: {r1, r2} and {r1, r4} both total 4, but only the second meets D.
    const instance: TInstance = {
      slots: [{ id: "s1", ...t(0) }, { id: "s2", ...t(1) }],
      tables: 1,
      participants: ["A", "B", "C", "D"].map((id) => ({ id, available: ["s1", "s2"] })),
      requests: [
        { id: "r1", from: "A", to: "B", priority: 2 },
        { id: "r2", from: "A", to: "C", priority: 2 },
        { id: "r4", from: "C", to: "D", priority: 2 },
      ],
    };
    for (const method of ["exact", "fast"] as const) {
      const result = await solve(instance, { method });
      expect(result.objective, method).toEqual({ priority: 4, unmetParticipants: 0 });
      expect(result.meetings.map((m) => m.request).sort()).toEqual(["r1", "r4"]);
    }
  });

  it("never gives up priority for fairness", async () => {
    const instance: TInstance = {
      slots: [{ id: "s1", ...t(0) }, { id: "s2", ...t(1) }],
      tables: 1,
      participants: ["A", "B", "C", "D", "E"].map((id) => ({ id, available: ["s1", "s2"] })),
      requests: [
        { id: "r1", from: "A", to: "B", priority: 3 },
        { id: "r2", from: "A", to: "C", priority: 3 },
        { id: "r3", from: "D", to: "E", priority: 1 },
      ],
    };
    const result = await solve(instance, { method: "exact" });
    expect(result.objective).toEqual({ priority: 6, unmetParticipants: 2 });
    expect(result.optimal).toBe(true);
  });

  it("honours organiser-fixed meetings and numbers tables with their ids", async () => {
    const instance: TInstance = {
      slots: [{ id: "s1", ...t(0) }, { id: "s2", ...t(1) }],
      tables: ["T-A", "T-B"],
      participants: ["A", "B", "C", "D"].map((id) => ({ id, available: ["s1", "s2"] })),
      requests: [
        { id: "r1", from: "A", to: "B", priority: 1, fixed: { slot: "s2", table: 2 } },
        { id: "r2", from: "A", to: "C", priority: 3 },
        { id: "r3", from: "B", to: "D", priority: 3 },
        { id: "r4", from: "C", to: "D", priority: 3 },
      ],
    };
    for (const method of ["exact", "fast"] as const) {
      const result = await solve(instance, { method });
      expect(violations(instance, result), method).toEqual([]);
      expect(result.meetings.find((m) => m.request === "r1")).toEqual({ request: "r1", slot: "s2", table: 2, tableId: "T-B" });
      expect(result.objective.priority).toBe(10);
    }
  });

  it("auto solves small instances exactly; an empty event schedules nothing", async () => {
    const small = randomSmall(3, false);
    expect((await solve(small)).method).toBe("exact");
    const empty = await solve({ slots: [], tables: 0, participants: [], requests: [] });
    expect(empty).toEqual({ meetings: [], unscheduled: [], objective: { priority: 0, unmetParticipants: 0 }, bound: 0, optimal: true, gap: 0, method: "exact" });
  });

  it("rejects an invalid instance before solving", async () => {
    await expect(solve({ slots: [], tables: 1, participants: [], requests: [{ id: "r1", from: "a", to: "a", priority: 1 }] })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
