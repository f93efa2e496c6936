/**
 * @module events/scheduler/state
 * A mutable schedule with O(1) feasibility checks and an undo log, for the fast method's greedy and
 * local search and for fast rescheduling: who is busy in which slot, meetings per slot, loads per
 * participant and per session, running total priority and the count of unmet participants.
 */
import type { Model } from "./model.ts";

export class ScheduleState {
  readonly m: Model;
  readonly slotOf: Int32Array;
  /** occ[p * nS + s] = request participant p meets for in slot s, or -1. */
  readonly occ: Int32Array;
  readonly used: Int32Array;
  readonly load: Int32Array;
  readonly sessLoad: Int32Array;
  /** Requests meeting in each slot; posInSlot[r] is r's index there. */
  readonly inSlot: Int32Array[];
  private readonly posInSlot: Int32Array;
  priority = 0;
  unmet = 0;
  /** Free tables over all slots, and scheduled meetings of each priority (index 1–3). */
  freeTables = 0;
  readonly byPriority = new Int32Array(4);
  /** Undo log: request and the slot it had before the change (-1 = it was unscheduled). */
  private readonly log: number[] = [];

  constructor(m: Model) {
    this.m = m;
    this.slotOf = new Int32Array(m.nR).fill(-1);
    this.occ = new Int32Array(m.nP * m.nS).fill(-1);
    this.used = new Int32Array(m.nS);
    this.load = new Int32Array(m.nP);
    this.sessLoad = new Int32Array(m.nP * m.nSessions);
    this.inSlot = Array.from({ length: m.nS }, (_, s) => new Int32Array(m.tableCap[s]!));
    this.posInSlot = new Int32Array(m.nR).fill(-1);
    for (let p = 0; p < m.nP; p++) if (m.hasRequests[p]) this.unmet++;
    for (let s = 0; s < m.nS; s++) this.freeTables += m.tableCap[s]!;
  }

  /** The request p is busy with in a slot overlapping s, or -1. */
  busyWith(p: number, s: number): number {
    const base = p * this.m.nS;
    for (const t of this.m.overlapping[s]!) {
      const r = this.occ[base + t]!;
      if (r >= 0) return r;
    }
    return -1;
  }

  private hasRoom(p: number, s: number): boolean {
    const m = this.m;
    return this.load[p]! < m.cap[p]! && this.sessLoad[p * m.nSessions + m.sessionOf[s]!]! < m.sessionCap[p]!;
  }

  canPlace(r: number, s: number): boolean {
    const m = this.m;
    const a = m.from[r]!;
    const b = m.to[r]!;
    return (
      this.slotOf[r] === -1 && this.used[s]! < m.tableCap[s]! &&
      this.hasRoom(a, s) && this.hasRoom(b, s) && this.busyWith(a, s) < 0 && this.busyWith(b, s) < 0
    );
  }

  /** Whether r can meet in s given its cap and session cap (ignoring clashes and tables). */
  capsAllow(p: number, s: number): boolean {
    return this.hasRoom(p, s);
  }

  place(r: number, s: number): void {
    const m = this.m;
    this.log.push(r, -1);
    this.slotOf[r] = s;
    this.posInSlot[r] = this.used[s]!;
    this.inSlot[s]![this.used[s]!] = r;
    this.used[s]!++;
    this.freeTables--;
    this.priority += m.prio[r]!;
    this.byPriority[m.prio[r]!]!++;
    for (const p of [m.from[r]!, m.to[r]!]) {
      this.occ[p * m.nS + s] = r;
      if (this.load[p]! === 0 && m.hasRequests[p]) this.unmet--;
      this.load[p]!++;
      this.sessLoad[p * m.nSessions + m.sessionOf[s]!]!++;
    }
  }

  remove(r: number): void {
    const m = this.m;
    const s = this.slotOf[r]!;
    this.log.push(r, s);
    this.slotOf[r] = -1;
    const list = this.inSlot[s]!;
    const pos = this.posInSlot[r]!;
    const last = list[this.used[s]! - 1]!;
    list[pos] = last;
    this.posInSlot[last] = pos;
    this.posInSlot[r] = -1;
    this.used[s]!--;
    this.freeTables++;
    this.priority -= m.prio[r]!;
    this.byPriority[m.prio[r]!]!--;
    for (const p of [m.from[r]!, m.to[r]!]) {
      this.occ[p * m.nS + s] = -1;
      this.load[p]!--;
      if (this.load[p]! === 0 && m.hasRequests[p]) this.unmet++;
      this.sessLoad[p * m.nSessions + m.sessionOf[s]!]!--;
    }
  }

  mark(): number {
    return this.log.length;
  }

  rollback(mark: number): void {
    while (this.log.length > mark) {
      const before = this.log.pop()!;
      const r = this.log.pop()!;
      // Undo without logging: the entries being undone are already gone.
      if (before === -1) {
        this.remove(r);
      } else {
        this.place(r, before);
      }
      this.log.length -= 2;
    }
  }

  /** Forgets the undo history (after committing an improvement). */
  commit(): void {
    this.log.length = 0;
  }

  /** Lowest priority among scheduled meetings (4 when there are none). */
  lowestPriority(): number {
    for (let k = 1; k <= 3; k++) if (this.byPriority[k]! > 0) return k;
    return 4;
  }

  /** Meetings of participant p, as request indices. */
  meetingsOf(p: number): number[] {
    const out: number[] = [];
    for (const r of this.m.reqsOf[p]!) if (this.slotOf[r]! >= 0) out.push(r);
    return out;
  }
}
