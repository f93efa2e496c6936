/**
 * @module events/scheduler/bound
 * Upper bounds on the total priority. The LP relaxation (the integer program with 0 ≤ x ≤ 1, solved by
 * HiGHS) is the bound the fast method reports its gap against; its solution also guides the fast
 * method's greedy. When the LP cannot finish in the time left, a combinatorial bound stands in: no
 * schedule holds more meetings than there are tables, nor more than half the participants' meeting
 * capacity, so it is at most the sum of that many largest priorities. Both are floored: priority is
 * an integer.
 */
import { buildFormulation } from "./formulation.ts";
import { runHighs } from "./highs.ts";
import type { Guide } from "./greedy.ts";
import type { Model } from "./model.ts";

export interface LpBound {
  bound: number;
  /** LP value of each x[r, cand[r][k]]. */
  guide: Guide;
}

/** The LP relaxation bound, or undefined when HiGHS does not finish within the time limit. */
export async function lpRelaxationBound(m: Model, timeLimitMs?: number): Promise<LpBound | undefined> {
  const f = buildFormulation(m, { priorityWeight: 1, fairness: false, integer: false });
  const res = await runHighs(f.lp, { maximize: true, mip: false, timeLimitMs });
  if (res.status !== "optimal" || !res.values) return undefined;
  const values = res.values;
  const guide = m.cand.map((slots, r) => Float64Array.from(slots, (_, k) => values[f.xStart[r]! + k]!));
  return { bound: Math.floor(res.objective + 1e-6), guide };
}

/** The largest number of meetings participant p could have: cap, candidate slots, requests. */
function meetingCapacity(m: Model, p: number): number {
  const slots = new Set<number>();
  let schedulable = 0;
  for (const r of m.reqsOf[p]!) {
    if (m.cand[r]!.length === 0) continue;
    schedulable++;
    for (const s of m.cand[r]!) slots.add(s);
  }
  return Math.min(m.cap[p]!, slots.size, schedulable);
}

export function combinatorialBound(m: Model): number {
  let tables = 0;
  for (let s = 0; s < m.nS; s++) tables += m.tableCap[s]!;
  let seats = 0;
  for (let p = 0; p < m.nP; p++) seats += meetingCapacity(m, p);
  const priorities: number[] = [];
  for (let r = 0; r < m.nR; r++) if (m.cand[r]!.length > 0) priorities.push(m.prio[r]!);
  priorities.sort((a, b) => b - a);
  const k = Math.min(tables, Math.floor(seats / 2), priorities.length);
  let bound = 0;
  for (let i = 0; i < k; i++) bound += priorities[i]!;
  return bound;
}
