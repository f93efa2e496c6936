/**
 * @module events/scheduler/greedy
 * The fast method's construction step: requests by priority, each placed in the slot where it blocks
 * the fewest other requests of its two participants. Optionally guided by the LP relaxation, whose
 * scheduled requests then go first, each in the slot the LP gives it most of.
 */
import type { Model } from "./model.ts";
import { ScheduleState } from "./state.ts";

/** LP guidance: `guide[r][k]` is the LP relaxation's value of x[r, cand[r][k]]. */
export type Guide = readonly Float64Array[];

/** Greedy construction; organiser-fixed meetings are placed first and never moved. */
export function greedy(m: Model, guide?: Guide): ScheduleState {
  const st = new ScheduleState(m);
  const nS = m.nS;
  for (let r = 0; r < m.nR; r++) if (m.fixedSlot[r]! >= 0) st.place(r, m.fixedSlot[r]!);
  const pressure = new Int32Array(m.nP * nS);
  // Oversubscription of a participant at priority ≥ k: requests per meeting they can have. A request
  // between two participants who cannot take all their requests anyway is the one to place late.
  const capacity = Int32Array.from(m.reqsOf, (_, p) => {
    let avail = 0;
    for (let s = 0; s < nS; s++) avail += m.available[p * nS + s]!;
    return Math.max(1, Math.min(m.cap[p]!, avail));
  });
  const demand = new Float64Array(m.nP * 4);
  for (let r = 0; r < m.nR; r++) {
    for (let k = 1; k <= m.prio[r]!; k++) {
      demand[m.from[r]! * 4 + k]!++;
      demand[m.to[r]! * 4 + k]!++;
    }
  }
  const over = (r: number) => {
    const k = m.prio[r]!;
    return Math.max(demand[m.from[r]! * 4 + k]! / capacity[m.from[r]!]!, demand[m.to[r]! * 4 + k]! / capacity[m.to[r]!]!);
  };
  const order: number[] = [];
  for (let r = 0; r < m.nR; r++) {
    if (m.fixedSlot[r]! >= 0 || m.cand[r]!.length === 0) continue;
    order.push(r);
    for (const s of m.cand[r]!) {
      pressure[m.from[r]! * nS + s]!++;
      pressure[m.to[r]! * nS + s]!++;
    }
  }
  // Within a priority, requests with few usable slots go first (placed late they find none), then
  // those between participants who are not oversubscribed.
  const weight = new Float64Array(m.nR);
  if (guide) for (let r = 0; r < m.nR; r++) weight[r] = Math.round(guide[r]!.reduce((a, b) => a + b, 0) * 1000) / 1000;
  order.sort((x, y) =>
    weight[y]! - weight[x]! ||
    m.prio[y]! - m.prio[x]! ||
    m.cand[x]!.length - m.cand[y]!.length ||
    over(x) - over(y) ||
    x - y);
  for (const r of order) {
    const a = m.from[r]! * nS;
    const b = m.to[r]! * nS;
    for (const s of m.cand[r]!) {
      pressure[a + s]!--;
      pressure[b + s]!--;
    }
    let best = -1;
    let bestScore = Infinity;
    for (let k = 0; k < m.cand[r]!.length; k++) {
      const s = m.cand[r]![k]!;
      if (!st.canPlace(r, s)) continue;
      const lp = guide ? guide[r]![k]! : 0;
      const score = (pressure[a + s]! + pressure[b + s]!) * 4096 + st.used[s]! * 4096 / Math.max(1, m.tableCap[s]!) - lp * 1e9;
      if (score < bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) st.place(r, best);
  }
  st.commit();
  return st;
}
