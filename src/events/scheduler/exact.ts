/**
 * @module events/scheduler/exact
 * The exact method: the integer program of `formulation.ts` solved by HiGHS with one weighted objective
 * that is provably lexicographic. Maximise W·(total priority) + (participants with a meeting) with
 * W = (participants with requests) + 1: the second term lies in [0, W − 1], so one unit of priority
 * outweighs any change in fairness, and among schedules of maximal priority the one with the fewest
 * unmet participants wins. All coefficients are integers, so an absolute MIP gap below 1 proves
 * optimality.
 */
import { buildFormulation, slotsFromValues, valuesFromSlots } from "./formulation.ts";
import { runHighs } from "./highs.ts";
import type { Model } from "./model.ts";

export interface ExactResult {
  /** Slot per request (-1 unscheduled), or undefined when HiGHS found no schedule in time. */
  slotOf: Int32Array | undefined;
  optimal: boolean;
  /** Upper bound on total priority proved by HiGHS. */
  bound: number;
}

export interface ExactOptions {
  timeLimitMs?: number | undefined;
  /** A feasible schedule to start from (e.g. the fast method's). */
  start?: Int32Array | undefined;
  /** For rescheduling: each request's previous slot; keeping it is the third objective. */
  previous?: Int32Array | undefined;
}

export async function solveExact(m: Model, o: ExactOptions = {}): Promise<ExactResult> {
  // Objective = W·priority + met + (kept meetings, when rescheduling) with each term's range below the
  // next term's unit: kept ∈ [0, K], met·(K+1) ∈ [0, nY·(K+1)], priority·W with W = (nY+1)·(K+1).
  let kept = 0;
  if (o.previous) for (let r = 0; r < m.nR; r++) if (o.previous[r]! >= 0 && m.cand[r]!.includes(o.previous[r]!)) kept++;
  const keepWeight = 1;
  const metWeight = o.previous ? kept + 1 : 1;
  let nY = 0;
  for (let p = 0; p < m.nP; p++) if (m.hasRequests[p]) nY++;
  const W = (nY + 1) * metWeight;
  const f = buildFormulation(m, { priorityWeight: W, fairness: true, integer: true, previous: o.previous, keepWeight });
  if (metWeight !== 1) for (let p = 0; p < m.nP; p++) if (f.yCol[p]! >= 0) f.lp.cost[f.yCol[p]!] = metWeight;
  const res = await runHighs(f.lp, {
    maximize: true,
    mip: true,
    timeLimitMs: o.timeLimitMs,
    start: o.start ? valuesFromSlots(m, f, o.start) : undefined,
  });
  const slotOf = res.values ? slotsFromValues(m, f, res.values) : undefined;
  const bound = Number.isFinite(res.dualBound) ? Math.floor((res.dualBound + 1e-6) / W) : Number.POSITIVE_INFINITY;
  return { slotOf, optimal: res.status === "optimal" && slotOf !== undefined, bound };
}
