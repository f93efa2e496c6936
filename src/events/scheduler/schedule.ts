/**
 * @module events/scheduler/schedule
 * The output contract of the scheduler and the steps shared by every method: evaluating a schedule
 * (total priority, participants left without a meeting), numbering tables within each slot (organiser
 * fixed tables first, then a meeting's previous table when rescheduling, then the lowest free one), and
 * rendering the result in instance order.
 */
import type { Model } from "./model.ts";

export interface Meeting {
  request: string;
  slot: string;
  /** 1-based table number within the slot. */
  table: number;
  /** The table's id, when the instance lists table ids. */
  tableId?: string;
}

export type Method = "exact" | "fast";

export interface ScheduleResult {
  meetings: Meeting[];
  /** Requests that could not be scheduled, in instance order. */
  unscheduled: string[];
  objective: { priority: number; unmetParticipants: number };
  /** Upper bound on the total priority any schedule can reach. */
  bound: number;
  /** True when the solver proved that no schedule is lexicographically better. */
  optimal: boolean;
  /** (bound − priority) / bound, 0 when the bound is 0. */
  gap: number;
  method: Method;
}

export interface Evaluation {
  priority: number;
  unmetParticipants: number;
  /** Indices of participants with accepted requests but no meeting. */
  unmet: number[];
}

export function evaluate(m: Model, slotOf: Int32Array): Evaluation {
  let priority = 0;
  const met = new Uint8Array(m.nP);
  for (let r = 0; r < m.nR; r++) {
    if (slotOf[r]! < 0) continue;
    priority += m.prio[r]!;
    met[m.from[r]!] = 1;
    met[m.to[r]!] = 1;
  }
  const unmet: number[] = [];
  for (let p = 0; p < m.nP; p++) if (m.hasRequests[p] && !met[p]) unmet.push(p);
  return { priority, unmetParticipants: unmet.length, unmet };
}

/** Lexicographic: more priority, then fewer unmet participants. */
export function isBetter(a: Evaluation, b: Evaluation): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.unmetParticipants < b.unmetParticipants);
}

/**
 * Numbers tables 1..k in each slot. `preferred[r]` (0 = none) is honoured when free, so a meeting that
 * stays in its slot keeps its table; fixed tables always win.
 */
export function assignTables(m: Model, slotOf: Int32Array, preferred?: Int32Array): Int32Array {
  const table = new Int32Array(m.nR);
  const taken: Set<number>[] = Array.from({ length: m.nS }, () => new Set());
  const claim = (r: number, t: number) => {
    const s = slotOf[r]!;
    if (s < 0 || table[r]! > 0 || t < 1 || t > m.tableCap[s]! || taken[s]!.has(t)) return;
    table[r] = t;
    taken[s]!.add(t);
  };
  for (let r = 0; r < m.nR; r++) if (m.fixedSlot[r] === slotOf[r]) claim(r, m.fixedTable[r]!);
  if (preferred) for (let r = 0; r < m.nR; r++) claim(r, preferred[r]!);
  const next = new Int32Array(m.nS).fill(1);
  for (let r = 0; r < m.nR; r++) {
    const s = slotOf[r]!;
    if (s < 0 || table[r]! > 0) continue;
    while (taken[s]!.has(next[s]!)) next[s]!++;
    claim(r, next[s]!);
  }
  return table;
}

export function gapOf(priority: number, bound: number): number {
  return bound > 0 ? Math.round(((bound - priority) / bound) * 1e6) / 1e6 : 0;
}

/** Renders a schedule: meetings by slot (instance order) then table; unscheduled in instance order. */
export function toResult(
  m: Model,
  slotOf: Int32Array,
  table: Int32Array,
  info: { bound: number; optimal: boolean; method: Method },
): ScheduleResult {
  const ev = evaluate(m, slotOf);
  const scheduled: number[] = [];
  const unscheduled: string[] = [];
  for (let r = 0; r < m.nR; r++) {
    if (slotOf[r]! >= 0) scheduled.push(r);
    else unscheduled.push(m.reqIds[r]!);
  }
  scheduled.sort((a, b) => slotOf[a]! - slotOf[b]! || table[a]! - table[b]!);
  const meetings = scheduled.map((r): Meeting => {
    const meeting: Meeting = { request: m.reqIds[r]!, slot: m.slotIds[slotOf[r]!]!, table: table[r]! };
    if (m.tableIds) meeting.tableId = m.tableIds[table[r]! - 1]!;
    return meeting;
  });
  const bound = Math.max(info.bound, ev.priority);
  return {
    meetings,
    unscheduled,
    objective: { priority: ev.priority, unmetParticipants: ev.unmetParticipants },
    bound,
    optimal: info.optimal,
    gap: gapOf(ev.priority, bound),
    method: info.method,
  };
}
