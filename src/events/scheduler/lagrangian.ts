/**
 * @module events/scheduler/lagrangian
 * A bound on the LP relaxation that needs no LP solver, for events too large for HiGHS to finish in the
 * time budget. Price every constraint but "a request meets at most once" — tables per slot, a
 * participant's overlapping slots, caps, session caps — with multipliers ≥ 0; each request then simply
 * takes its best slot at the reduced priority, and
 *   L(prices) = Σ_r max(0, max_s reduced priority) + Σ prices × right-hand sides
 * is an upper bound on every schedule (weak duality) for any prices. Subgradient steps (Polyak's rule,
 * aimed at the best schedule known) lower it towards the LP bound, which it equals in the limit because
 * the priced subproblem has integral solutions. Each iterate is valid, so stopping early is safe.
 * The subproblem's choices at the best prices also make a good guide for the greedy when the LP itself
 * is out of reach.
 */
import type { Model } from "./model.ts";

export interface LagrangianOptions {
  /** Priority of the best schedule known: the step rule aims at it. */
  target: number;
  deadline: number;
  maxIterations?: number;
}

/** The bound alone. */
export function lagrangianBound(m: Model, o: LagrangianOptions): number {
  return lagrangian(m, o).bound;
}

export interface LagrangianResult {
  bound: number;
  /** The priced subproblem's choice at the best prices: 1 for the slot each request takes. */
  guide: Float64Array[];
}

export function lagrangian(m: Model, o: LagrangianOptions): LagrangianResult {
  const { nS, nP, nSessions } = m;
  const nC = m.cliques.length;
  const cliquesOf: number[][] = Array.from({ length: nS }, () => []);
  m.cliques.forEach((c, i) => c.forEach((s) => cliquesOf[s]!.push(i)));
  const tables = new Float64Array(nS);
  const clique = new Float64Array(nP * nC);
  const cap = new Float64Array(nP);
  const session = new Float64Array(nP * nSessions);
  const useS = new Float64Array(nS);
  const useC = new Float64Array(nP * nC);
  const useP = new Float64Array(nP);
  const useSess = new Float64Array(nP * nSessions);
  // Caps that no schedule can reach are never binding; pricing them only slows convergence.
  const capActive = Uint8Array.from(m.cap, (c, p) => (c < m.reqsOf[p]!.length ? 1 : 0));
  const sessActive = Uint8Array.from(m.sessionCap, (c, p) => (c < m.reqsOf[p]!.length ? 1 : 0));
  let best = Infinity;
  const pick = new Int32Array(m.nR).fill(-1);
  let bestPick = new Int32Array(m.nR).fill(-1);
  let theta = 2;
  let sinceImproved = 0;
  const maxIterations = o.maxIterations ?? 3000;

  for (let it = 0; it < maxIterations && performance.now() < o.deadline; it++) {
    let value = 0;
    useS.fill(0);
    useC.fill(0);
    useP.fill(0);
    useSess.fill(0);
    for (let r = 0; r < m.nR; r++) {
      const a = m.from[r]!;
      const b = m.to[r]!;
      let bestD = 0;
      let bestS = -1;
      const base = m.prio[r]! - cap[a]! - cap[b]!;
      for (const s of m.cand[r]!) {
        let d = base - tables[s]! - session[a * nSessions + m.sessionOf[s]!]! - session[b * nSessions + m.sessionOf[s]!]!;
        for (const c of cliquesOf[s]!) d -= clique[a * nC + c]! + clique[b * nC + c]!;
        if (d > bestD) {
          bestD = d;
          bestS = s;
        }
      }
      if (m.fixedSlot[r]! >= 0 && bestS < 0) {
        // A fixed meeting is always scheduled, whatever its reduced priority.
        bestS = m.fixedSlot[r]!;
        bestD = base - tables[bestS]! - session[a * nSessions + m.sessionOf[bestS]!]! - session[b * nSessions + m.sessionOf[bestS]!]!;
        for (const c of cliquesOf[bestS]!) bestD -= clique[a * nC + c]! + clique[b * nC + c]!;
      }
      pick[r] = bestS;
      if (bestS < 0) continue;
      value += bestD;
      useS[bestS]!++;
      useP[a]!++;
      useP[b]!++;
      useSess[a * nSessions + m.sessionOf[bestS]!]!++;
      useSess[b * nSessions + m.sessionOf[bestS]!]!++;
      for (const c of cliquesOf[bestS]!) {
        useC[a * nC + c]!++;
        useC[b * nC + c]!++;
      }
    }
    for (let s = 0; s < nS; s++) value += tables[s]! * m.tableCap[s]!;
    for (let i = 0; i < clique.length; i++) value += clique[i]!;
    for (let p = 0; p < nP; p++) {
      value += cap[p]! * m.cap[p]!;
      for (let k = 0; k < nSessions; k++) value += session[p * nSessions + k]! * m.sessionCap[p]!;
    }
    if (value < best - 1e-9) {
      best = value;
      bestPick = Int32Array.from(pick);
      sinceImproved = 0;
    } else if (++sinceImproved >= 40) {
      theta /= 2;
      sinceImproved = 0;
      if (theta < 1e-4) break;
    }
    if (Math.floor(best + 1e-6) <= o.target) break;

    // Subgradient g = right-hand side − usage; only entries that can move a price count in its norm.
    let norm = 0;
    const acc = (price: number, g: number) => (price > 0 || g < 0 ? g * g : 0);
    for (let s = 0; s < nS; s++) norm += acc(tables[s]!, m.tableCap[s]! - useS[s]!);
    for (let i = 0; i < clique.length; i++) norm += acc(clique[i]!, 1 - useC[i]!);
    for (let p = 0; p < nP; p++) {
      if (capActive[p]) norm += acc(cap[p]!, m.cap[p]! - useP[p]!);
      if (sessActive[p]) for (let k = 0; k < nSessions; k++) norm += acc(session[p * nSessions + k]!, m.sessionCap[p]! - useSess[p * nSessions + k]!);
    }
    if (norm === 0) break;
    const step = (theta * Math.max(value - o.target, 1e-3)) / norm;
    for (let s = 0; s < nS; s++) tables[s] = Math.max(0, tables[s]! - step * (m.tableCap[s]! - useS[s]!));
    for (let i = 0; i < clique.length; i++) clique[i] = Math.max(0, clique[i]! - step * (1 - useC[i]!));
    for (let p = 0; p < nP; p++) {
      if (capActive[p]) cap[p] = Math.max(0, cap[p]! - step * (m.cap[p]! - useP[p]!));
      if (sessActive[p]) {
        for (let k = 0; k < nSessions; k++) {
          const i = p * nSessions + k;
          session[i] = Math.max(0, session[i]! - step * (m.sessionCap[p]! - useSess[i]!));
        }
      }
    }
  }
  const guide = m.cand.map((slots, r) => Float64Array.from(slots, (s) => (s === bestPick[r] ? 1 : 0)));
  return { bound: Number.isFinite(best) ? Math.floor(best + 1e-6) : Number.POSITIVE_INFINITY, guide };
}
