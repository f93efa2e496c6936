/**
 * @module events/scheduler/formulation
 * The integer program of the scheduler, built once for the exact solve, the LP relaxation bound and
 * exact rescheduling. x[r,s] = 1 when request r meets in slot s (only candidate slots get a column);
 * y[p] = 1 only if participant p has a meeting. Rows: a request meets at most once; a participant is in
 * at most one of any set of mutually overlapping slots; caps per event and per session; per slot at
 * most as many meetings as tables. Tables are numbered afterwards (any k ≤ tables meetings fit).
 */
import { LinearProgramBuilder } from "./highs.ts";
import type { Model } from "./model.ts";

export interface Formulation {
  lp: LinearProgramBuilder;
  /** Column of x[r, cand[r][k]] is xStart[r] + k. */
  xStart: Int32Array;
  /** Column of y[p], or -1 when p gets no fairness variable. */
  yCol: Int32Array;
}

export interface FormulationOptions {
  /** Objective weight of one unit of priority. */
  priorityWeight: number;
  /** Add y[p] with objective weight 1 (fairness); otherwise the objective is priority only. */
  fairness: boolean;
  /** For rescheduling: the slot each request had (-1 none); keeping it earns `keepWeight`. */
  previous?: Int32Array | undefined;
  keepWeight?: number;
  integer: boolean;
}

export function buildFormulation(m: Model, o: FormulationOptions): Formulation {
  const lp = new LinearProgramBuilder();
  const xStart = new Int32Array(m.nR);
  for (let r = 0; r < m.nR; r++) {
    xStart[r] = lp.numCols;
    const fixed = m.fixedSlot[r]! >= 0;
    for (const s of m.cand[r]!) {
      const keep = o.previous && o.previous[r] === s ? (o.keepWeight ?? 0) : 0;
      lp.addColumn(o.priorityWeight * m.prio[r]! + keep, fixed ? 1 : 0, 1, o.integer);
    }
  }
  const yCol = new Int32Array(m.nP).fill(-1);

  for (let r = 0; r < m.nR; r++) {
    const k = m.cand[r]!.length;
    if (k > 1) lp.addRow(Array.from({ length: k }, (_, i) => xStart[r]! + i), 0, 1);
  }

  const bySlot: number[][] = Array.from({ length: m.nS }, () => []);
  for (let p = 0; p < m.nP; p++) {
    const mine: number[][] = Array.from({ length: m.nS }, () => []);
    const all: number[] = [];
    const perSession: number[][] = Array.from({ length: m.nSessions }, () => []);
    for (const r of m.reqsOf[p]!) {
      m.cand[r]!.forEach((s, k) => {
        const col = xStart[r]! + k;
        mine[s]!.push(col);
        all.push(col);
        perSession[m.sessionOf[s]!]!.push(col);
      });
    }
    for (const clique of m.cliques) {
      const cols: number[] = [];
      for (const s of clique) cols.push(...mine[s]!);
      if (cols.length > 1) lp.addRow(cols, 0, 1);
    }
    if (m.cap[p]! < all.length) lp.addRow(all, 0, m.cap[p]!);
    for (const cols of perSession) if (m.sessionCap[p]! < cols.length) lp.addRow(cols, 0, m.sessionCap[p]!);
    if (o.fairness && m.hasRequests[p] && all.length > 0 && m.cap[p]! > 0) {
      const y = lp.addColumn(1, 0, 1, o.integer);
      yCol[p] = y;
      lp.addRow([y, ...all], -Infinity, 0, [1, ...all.map(() => -1)]);
    }
  }
  for (let r = 0; r < m.nR; r++) m.cand[r]!.forEach((s, k) => bySlot[s]!.push(xStart[r]! + k));
  bySlot.forEach((cols, s) => {
    if (cols.length > m.tableCap[s]!) lp.addRow(cols, 0, m.tableCap[s]!);
  });
  return { lp, xStart, yCol };
}

/** Reads a slot per request (-1 = unscheduled) from column values. */
export function slotsFromValues(m: Model, f: Formulation, values: Float64Array): Int32Array {
  const slotOf = new Int32Array(m.nR).fill(-1);
  for (let r = 0; r < m.nR; r++) {
    m.cand[r]!.forEach((s, k) => {
      if (values[f.xStart[r]! + k]! > 0.5) slotOf[r] = s;
    });
  }
  return slotOf;
}

/** Column values for a schedule, to start the MIP from a known feasible point. */
export function valuesFromSlots(m: Model, f: Formulation, slotOf: Int32Array): number[] {
  const values = new Array<number>(f.lp.numCols).fill(0);
  const met = new Uint8Array(m.nP);
  for (let r = 0; r < m.nR; r++) {
    const k = m.cand[r]!.indexOf(slotOf[r]!);
    if (k >= 0) {
      values[f.xStart[r]! + k] = 1;
      met[m.from[r]!] = 1;
      met[m.to[r]!] = 1;
    }
  }
  for (let p = 0; p < m.nP; p++) if (f.yCol[p]! >= 0 && met[p]) values[f.yCol[p]!] = 1;
  return values;
}
