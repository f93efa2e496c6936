/**
 * @module events/scheduler/local-search
 * The fast method's improvement step. An unscheduled request is tried in each of its slots, clearing
 * the way by moving the meetings in its path to other slots (ejection chains of bounded depth) or, when
 * moving fails, dropping them; the best insertion is kept if it improves (total priority, −unmet
 * participants) lexicographically. Every step keeps the schedule feasible, so stopping at a deadline
 * still leaves a valid schedule, and meetings move only inside an improving insertion — which is what
 * makes it suitable for rescheduling too.
 */
import type { Model } from "./model.ts";
import type { ScheduleState } from "./state.ts";

/** Lexicographic comparison of (priority gain, unmet reduction). */
function better(dp: number, du: number, bp: number, bu: number): boolean {
  return dp > bp || (dp === bp && du > bu);
}

export class LocalSearch {
  private readonly st: ScheduleState;
  private readonly m: Model;
  private readonly depth: number;

  constructor(st: ScheduleState, depth = 2) {
    this.st = st;
    this.m = st.m;
    this.depth = depth;
  }

  /** Improves until no insertion helps or the deadline passes; returns the number of improvements. */
  run(deadline: number): number {
    const { m, st } = this;
    let improvements = 0;
    const pending: number[] = [];
    for (let r = 0; r < m.nR; r++) if (m.cand[r]!.length > 0) pending.push(r);
    pending.sort((x, y) => m.prio[y]! - m.prio[x]! || x - y);
    for (let pass = 0; pass < 50; pass++) {
      let improved = 0;
      // Requests of participants still without a meeting first: their insertions are what fairness needs.
      const unscheduled = pending.filter((r) => st.slotOf[r] === -1);
      unscheduled.sort((x, y) => this.unmetIn(y) - this.unmetIn(x));
      for (const r of unscheduled) {
        if (performance.now() > deadline) return improvements + improved;
        if (st.slotOf[r] === -1 && this.tryInsert(r)) {
          st.commit();
          improved++;
        }
      }
      improvements += improved;
      if (improved === 0) break;
    }
    return improvements;
  }

  private unmetIn(r: number): number {
    const { m, st } = this;
    return (st.load[m.from[r]!] === 0 ? 1 : 0) + (st.load[m.to[r]!] === 0 ? 1 : 0);
  }

  /**
   * Tries r in every candidate slot and applies the best improving insertion (true), else leaves the
   * state as it was. With `level` > 0 an insertion that only swaps r for an equal meeting is kept if it
   * lets a participant who lost that meeting take another request — an augmenting path, which caps
   * (a b-matching) need: the greedy fills a capped participant with the wrong requests.
   */
  tryInsert(r: number, level = 1): boolean {
    const { m, st } = this;
    if (!this.worthTrying(r, level > 0)) return false;
    const p0 = st.priority;
    const u0 = st.unmet;
    let bestS = -1;
    let bp = 0;
    let bu = 0;
    const neutral: number[] = [];
    for (const s of m.cand[r]!) {
      const mark = st.mark();
      const dropped = this.insertAt(r, s);
      if (dropped) {
        const dp = st.priority - p0;
        const du = u0 - st.unmet;
        if (better(dp, du, bp, bu)) {
          bp = dp;
          bu = du;
          bestS = s;
        } else if (dp === 0 && du === 0 && dropped.length > 0) neutral.push(s);
      }
      st.rollback(mark);
    }
    if (bestS >= 0) {
      const mark = st.mark();
      if (this.insertAt(r, bestS) && better(st.priority - p0, u0 - st.unmet, 0, 0)) return true;
      st.rollback(mark);
    }
    if (level === 0) return false;
    for (const s of neutral.slice(0, 4)) {
      const mark = st.mark();
      const dropped = this.insertAt(r, s) ?? [];
      for (const q of dropped) {
        for (const x of [m.from[q]!, m.to[q]!]) {
          if (x === m.from[r] || x === m.to[r]) continue;
          for (const r2 of m.reqsOf[x]!) {
            if (r2 === q || st.slotOf[r2] !== -1 || m.cand[r2]!.length === 0) continue;
            if (this.tryInsert(r2, level - 1) && better(st.priority - p0, u0 - st.unmet, 0, 0)) return true;
          }
        }
      }
      st.rollback(mark);
    }
    return false;
  }

  /**
   * Cheap test that inserting r could pay: with no free table anywhere, r must push out at least one
   * meeting, so it gains nothing unless it outranks the lowest scheduled one, or ties with it and gives
   * an unmet participant a meeting (or opens an augmenting path, when `orEqual`).
   */
  private worthTrying(r: number, orEqual: boolean): boolean {
    const { m, st } = this;
    if (st.freeTables > 0) return true;
    const gain = m.prio[r]! - st.lowestPriority();
    if (gain !== 0) return gain > 0;
    return orEqual || st.load[m.from[r]!] === 0 || st.load[m.to[r]!] === 0;
  }

  /**
   * Places r in s, clearing its way; displaced meetings are relocated or dropped. Returns the dropped
   * meetings, or null when r cannot go there (a fixed meeting in the way).
   */
  private insertAt(r: number, s: number): number[] | null {
    const { m, st } = this;
    const displaced: number[] = [];
    for (const p of [m.from[r]!, m.to[r]!]) {
      for (let q = st.busyWith(p, s); q >= 0; q = st.busyWith(p, s)) {
        if (m.fixedSlot[q]! >= 0) return null;
        st.remove(q);
        displaced.push(q);
      }
    }
    if (st.used[s]! >= m.tableCap[s]!) {
      const v = this.victim(st.inSlot[s]!.subarray(0, st.used[s]!), r);
      if (v < 0) return null;
      st.remove(v);
      displaced.push(v);
    }
    for (const p of [m.from[r]!, m.to[r]!]) {
      if (st.capsAllow(p, s)) continue;
      const session = m.sessionOf[s]!;
      const mine = st.meetingsOf(p).filter((q) => st.load[p]! >= m.cap[p]! || m.sessionOf[st.slotOf[q]!] === session);
      const v = this.victim(mine, r);
      if (v < 0) return null;
      st.remove(v);
      displaced.push(v);
    }
    if (!st.canPlace(r, s)) return null;
    st.place(r, s);
    for (const q of displaced) this.relocate(q, s, this.depth);
    return displaced.filter((q) => st.slotOf[q] === -1);
  }

  /** The meeting to give up: lowest priority, then one whose parties keep another meeting. */
  private victim(list: ArrayLike<number>, r: number): number {
    const { m, st } = this;
    let best = -1;
    let bestKey = Infinity;
    for (let i = 0; i < list.length; i++) {
      const q = list[i]!;
      if (q === r || m.fixedSlot[q]! >= 0) continue;
      const lonely = (st.load[m.from[q]!] === 1 ? 1 : 0) + (st.load[m.to[q]!] === 1 ? 1 : 0);
      const key = m.prio[q]! * 16 + lonely * 4 + (m.cand[q]!.length > 1 ? 0 : 1);
      if (key < bestKey || (key === bestKey && q < best)) {
        bestKey = key;
        best = q;
      }
    }
    return best;
  }

  /**
   * Moves q (just displaced from `from`) to another slot. A full slot or a clashing meeting is cleared by
   * pushing one meeting along (recursively, `depth` steps). When no chain places everyone, the chain that
   * loses least — ending by dropping a cheaper meeting than q — is applied; false then.
   */
  private relocate(q: number, from: number, depth: number): boolean {
    const { m, st } = this;
    for (const s of m.cand[q]!) {
      if (s !== from && st.canPlace(q, s)) {
        st.place(q, s);
        return true;
      }
    }
    if (depth === 0) return false;
    const p0 = st.priority;
    const u0 = st.unmet;
    let bestS = -1;
    let bp = 0;
    let bu = 0;
    for (const s of m.cand[q]!) {
      const mark = st.mark();
      const outcome = this.pushInto(q, s, from, depth);
      if (outcome === "placed") return true;
      if (outcome === "partial" && better(st.priority - p0, u0 - st.unmet, bp, bu)) {
        bp = st.priority - p0;
        bu = u0 - st.unmet;
        bestS = s;
      }
      st.rollback(mark);
    }
    if (bestS >= 0) this.pushInto(q, bestS, from, depth);
    return false;
  }

  /** Places q in s by displacing its one blocker, which is then relocated in turn. */
  private pushInto(q: number, s: number, from: number, depth: number): "placed" | "partial" | "failed" {
    const { m, st } = this;
    if (s === from || !st.capsAllow(m.from[q]!, s) || !st.capsAllow(m.to[q]!, s)) return "failed";
    const ba = st.busyWith(m.from[q]!, s);
    const bb = st.busyWith(m.to[q]!, s);
    if (ba >= 0 && bb >= 0) return "failed";
    let blocker = Math.max(ba, bb);
    if (blocker < 0 && st.used[s]! >= m.tableCap[s]!) {
      blocker = this.victim(st.inSlot[s]!.subarray(0, st.used[s]!), q);
      // With every table taken the chain must end by dropping someone; pushing out an equal or
      // better meeting cannot beat dropping q itself.
      if (blocker >= 0 && st.freeTables === 0 && m.prio[blocker]! >= m.prio[q]!) return "failed";
    }
    if (blocker < 0 || m.fixedSlot[blocker]! >= 0) return "failed";
    st.remove(blocker);
    if (!st.canPlace(q, s)) return "failed";
    st.place(q, s);
    return this.relocate(blocker, s, depth - 1) ? "placed" : "partial";
  }
}
