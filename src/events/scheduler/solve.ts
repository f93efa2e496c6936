/**
 * @module events/scheduler/solve
 * The scheduler's entry point: validate, compile, then solve exactly (HiGHS integer program) or fast
 * (greedy + local search, guided by the LP relaxation when it solves in time), and render the contract
 * `{meetings, unscheduled, objective, bound, optimal, gap, method}`. `auto` is exact for instances whose
 * integer program is small and fast otherwise; an exact solve that runs out of time keeps the better of
 * its incumbent and the fast schedule and reports `optimal: false`.
 */
import { combinatorialBound, lpRelaxationBound } from "./bound.ts";
import { lagrangian } from "./lagrangian.ts";
import { solveExact } from "./exact.ts";
import { greedy } from "./greedy.ts";
import { LocalSearch } from "./local-search.ts";
import { parseInstance } from "./instance.ts";
import { compile, type Model } from "./model.ts";
import { assignTables, evaluate, isBetter, toResult, type ScheduleResult } from "./schedule.ts";
import type { ScheduleState } from "./state.ts";

export type SolveMethod = "auto" | "exact" | "fast";

export interface SolveOptions {
  method?: SolveMethod;
  /** Overall time budget. Defaults: 60 s for exact/auto, 5 s for fast. */
  timeLimitMs?: number;
}

/** Integer programs up to this many x-columns are solved exactly by `auto`. */
export const AUTO_EXACT_MAX_COLUMNS = 20_000;

export function columnCount(m: Model): number {
  let n = 0;
  for (const c of m.cand) n += c.length;
  return n;
}

export interface FastRun {
  slotOf: Int32Array;
  bound: number;
  /** True when priority reaches the bound and unmet participants reach their trivial floor. */
  provedOptimal: boolean;
}

function improve(st: ScheduleState, deadline: number): Int32Array {
  new LocalSearch(st).run(deadline);
  st.commit();
  return Int32Array.from(st.slotOf);
}

/**
 * Fast method, within `timeLimitMs`:
 * (1) greedy + local search (20 % of the budget; all of it once the priority meets the bound, for
 *     fairness);
 * (2) bounds, cheapest first, each skipped once the schedule meets the bound already: combinatorial,
 *     Lagrangian (20 %), LP relaxation by HiGHS (most of what is left);
 * (3) a greedy + local search guided by the Lagrangian subproblem's choices (20 %), and another guided
 *     by the LP solution when the LP solved.
 * The best schedule (priority, then unmet) and the tightest bound are reported.
 */
export async function solveFast(m: Model, timeLimitMs: number): Promise<FastRun> {
  const start = performance.now();
  const deadline = start + timeLimitMs;
  const slice = (share: number) => Math.min(deadline, performance.now() + timeLimitMs * share);
  const first = greedy(m);
  new LocalSearch(first).run(slice(0.2));
  let best: Int32Array = Int32Array.from(first.slotOf);
  let bound = combinatorialBound(m);
  const consider = (slotOf: Int32Array) => {
    if (isBetter(evaluate(m, slotOf), evaluate(m, best))) best = slotOf;
  };
  const open = () => evaluate(m, best).priority < bound;
  if (open()) {
    const lag = lagrangian(m, { target: evaluate(m, best).priority, deadline: slice(0.2) });
    bound = Math.min(bound, lag.bound);
    if (open()) consider(improve(greedy(m, lag.guide), slice(0.2)));
  }
  const left = deadline - performance.now();
  if (open() && left > 50) {
    const lp = await lpRelaxationBound(m, left * 0.8);
    if (lp) {
      bound = Math.min(bound, lp.bound);
      consider(improve(greedy(m, lp.guide), Math.max(deadline, performance.now() + 50)));
    }
  }
  if (!open() && best.every((s, r) => s === first.slotOf[r])) {
    // The bound is met: spend what is left on fairness.
    new LocalSearch(first).run(deadline);
    best = Int32Array.from(first.slotOf);
  }
  const ev = evaluate(m, best);
  return { slotOf: best, bound, provedOptimal: ev.priority >= bound && ev.unmetParticipants === unmetFloor(m) };
}

/** Participants who can never meet (no request with a usable slot, or a cap of 0). */
export function unmetFloor(m: Model): number {
  let n = 0;
  for (let p = 0; p < m.nP; p++) {
    if (!m.hasRequests[p]) continue;
    if (m.cap[p] === 0 || !m.reqsOf[p]!.some((r) => m.cand[r]!.length > 0)) n++;
  }
  return n;
}

/** Validates `input` (throwing a validation AppError naming every bad item) and schedules it. */
export async function solve(input: unknown, options: SolveOptions = {}): Promise<ScheduleResult> {
  const instance = parseInstance(input);
  const m = compile(instance);
  return solveModel(m, options);
}

export async function solveModel(m: Model, options: SolveOptions = {}): Promise<ScheduleResult> {
  const requested = options.method ?? "auto";
  const method = requested === "auto" ? (columnCount(m) <= AUTO_EXACT_MAX_COLUMNS ? "exact" : "fast") : requested;
  const limit = options.timeLimitMs ?? (method === "fast" ? 5_000 : 60_000);
  if (method === "fast") {
    const run = await solveFast(m, limit);
    return toResult(m, run.slotOf, assignTables(m, run.slotOf), { bound: run.bound, optimal: run.provedOptimal, method: "fast" });
  }
  const start = performance.now();
  // The fast method (with its LP bound) starts the MIP and is the fallback if HiGHS runs out of time;
  // when it already meets its bounds, the MIP has nothing left to prove.
  const seed = await solveFast(m, Math.min(limit * 0.25, 5_000));
  if (seed.provedOptimal) {
    return toResult(m, seed.slotOf, assignTables(m, seed.slotOf), { bound: seed.bound, optimal: true, method: "exact" });
  }
  const exact = await solveExact(m, { timeLimitMs: Math.max(10, limit - (performance.now() - start)), start: seed.slotOf });
  let slotOf = seed.slotOf;
  if (exact.slotOf && !isBetter(evaluate(m, seed.slotOf), evaluate(m, exact.slotOf))) slotOf = exact.slotOf;
  const bound = Math.min(exact.bound, seed.bound);
  const optimal = exact.optimal && slotOf === exact.slotOf;
  return toResult(m, slotOf, assignTables(m, slotOf), { bound, optimal, method: "exact" });
}
