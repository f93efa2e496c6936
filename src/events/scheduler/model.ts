/**
 * @module events/scheduler/model
 * An instance compiled to dense indices, which every solver works on: candidate slots per request (both
 * parties available, or the organiser's fixed slot), the slots each slot overlaps, maximal sets of
 * mutually overlapping slots (the interval cliques that the integer program needs), caps and sessions.
 */
import type { TInstance } from "./instance.ts";
import { slotTableCount } from "./instance-checks.ts";

/** Stands for "no cap"; larger than any meeting count an event can have. */
export const NO_CAP = 1 << 30;

export interface Model {
  readonly instance: TInstance;
  readonly nS: number;
  readonly nP: number;
  readonly nR: number;
  readonly slotIds: readonly string[];
  readonly slotStart: Float64Array;
  readonly slotEnd: Float64Array;
  readonly tableCap: Int32Array;
  /** Table ids when the instance lists them, so table n is `tableIds[n-1]`. */
  readonly tableIds: readonly string[] | undefined;
  readonly nSessions: number;
  readonly sessionOf: Int32Array;
  /** For each slot, the slots overlapping it in time (itself included). */
  readonly overlapping: readonly Int32Array[];
  /** Maximal sets of mutually overlapping slots; with no overlaps, one per slot. */
  readonly cliques: readonly Int32Array[];
  readonly partIds: readonly string[];
  readonly partIndex: ReadonlyMap<string, number>;
  readonly cap: Int32Array;
  readonly sessionCap: Int32Array;
  /** available[p * nS + s] = 1 when participant p can meet in slot s. */
  readonly available: Uint8Array;
  readonly reqIds: readonly string[];
  readonly reqIndex: ReadonlyMap<string, number>;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly prio: Int32Array;
  /** Slots request r may use: the fixed slot, or those where both parties are available. */
  readonly cand: readonly Int32Array[];
  /** Fixed slot index or -1; fixed table (1-based) or 0. */
  readonly fixedSlot: Int32Array;
  readonly fixedTable: Int32Array;
  readonly reqsOf: readonly Int32Array[];
  /** Participants with at least one accepted request (the ones fairness counts). */
  readonly hasRequests: Uint8Array;
}

/** Compiles a validated instance (see `parseInstance`). */
export function compile(instance: TInstance): Model {
  const nS = instance.slots.length;
  const nP = instance.participants.length;
  const nR = instance.requests.length;
  const slotIds = instance.slots.map((s) => s.id);
  const slotIndex = new Map(slotIds.map((sid, i) => [sid, i]));
  const slotStart = Float64Array.from(instance.slots, (s) => Date.parse(s.start));
  const slotEnd = Float64Array.from(instance.slots, (s) => Date.parse(s.end));
  const tableCap = Int32Array.from(instance.slots, (_, i) => slotTableCount(instance, i));
  const sessions = new Map<string, number>();
  const sessionOf = Int32Array.from(instance.slots, (s) => {
    const key = s.session ?? "";
    if (!sessions.has(key)) sessions.set(key, sessions.size);
    return sessions.get(key)!;
  });

  const overlapping: Int32Array[] = [];
  for (let s = 0; s < nS; s++) {
    const list: number[] = [];
    for (let t = 0; t < nS; t++) if (slotStart[s]! < slotEnd[t]! && slotStart[t]! < slotEnd[s]!) list.push(t);
    overlapping.push(Int32Array.from(list));
  }
  // Intervals pairwise overlapping share a point (Helly), so the slots open at each start time are the cliques.
  const cliqueKeys = new Set<string>();
  const cliques: Int32Array[] = [];
  const starts = [...new Set(slotStart)].sort((a, b) => a - b);
  const openAt = starts.map((t) => slotIds.map((_, s) => s).filter((s) => slotStart[s]! <= t && t < slotEnd[s]!));
  openAt.forEach((set, i) => {
    const maximal = !openAt.some((other, j) => j !== i && other.length > set.length && set.every((s) => other.includes(s)));
    const key = set.join(",");
    if (maximal && set.length > 0 && !cliqueKeys.has(key)) {
      cliqueKeys.add(key);
      cliques.push(Int32Array.from(set));
    }
  });

  const partIds = instance.participants.map((p) => p.id);
  const partIndex = new Map(partIds.map((pid, i) => [pid, i]));
  const cap = Int32Array.from(instance.participants, (p) => p.maxMeetings ?? NO_CAP);
  const sessionCap = Int32Array.from(instance.participants, (p) => p.maxPerSession ?? NO_CAP);
  const available = new Uint8Array(nP * nS);
  instance.participants.forEach((p, i) => {
    for (const sid of p.available) available[i * nS + slotIndex.get(sid)!] = 1;
  });

  const reqIds = instance.requests.map((r) => r.id);
  const from = Int32Array.from(instance.requests, (r) => partIndex.get(r.from)!);
  const to = Int32Array.from(instance.requests, (r) => partIndex.get(r.to)!);
  const prio = Int32Array.from(instance.requests, (r) => r.priority);
  const fixedSlot = Int32Array.from(instance.requests, (r) => (r.fixed ? slotIndex.get(r.fixed.slot)! : -1));
  const fixedTable = Int32Array.from(instance.requests, (r) => r.fixed?.table ?? 0);
  const cand = instance.requests.map((_, r) => {
    if (fixedSlot[r]! >= 0) return Int32Array.of(fixedSlot[r]!);
    const a = from[r]! * nS;
    const b = to[r]! * nS;
    const list: number[] = [];
    for (let s = 0; s < nS; s++) if (available[a + s] && available[b + s] && tableCap[s]! > 0) list.push(s);
    return Int32Array.from(list);
  });
  const lists: number[][] = partIds.map(() => []);
  for (let r = 0; r < nR; r++) {
    lists[from[r]!]!.push(r);
    lists[to[r]!]!.push(r);
  }
  const reqsOf = lists.map((l) => Int32Array.from(l));
  const hasRequests = Uint8Array.from(lists, (l) => (l.length > 0 ? 1 : 0));

  return {
    instance, nS, nP, nR, slotIds, slotStart, slotEnd, tableCap,
    tableIds: Array.isArray(instance.tables) ? instance.tables : undefined,
    nSessions: sessions.size, sessionOf, overlapping, cliques,
    partIds, partIndex, cap, sessionCap, available,
    reqIds, reqIndex: new Map(reqIds.map((rid, i) => [rid, i])), from, to, prio, cand, fixedSlot, fixedTable, reqsOf, hasRequests,
  };
}
