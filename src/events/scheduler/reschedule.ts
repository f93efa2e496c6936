/**
 * @module events/scheduler/reschedule
 * Rescheduling after a change — a cancelled meeting, a participant withdrawing or becoming unavailable,
 * a slot removed, a new accepted request. Objective, lexicographic: (1) total priority, (2) fewest
 * participants without a meeting, (3) fewest existing meetings moved (to another slot or table) or
 * dropped. The exact method proves all three in one integer program; the fast method starts from the
 * old schedule and only moves a meeting inside an insertion that improves (1) or (2), so meetings stay
 * put unless moving them pays. `pinExisting` keeps every surviving meeting where it is.
 */
import { z } from "zod";
import { AppError, fieldErrorsFromZod, type FieldError } from "../../core/errors.ts";
import { combinatorialBound } from "./bound.ts";
import { scheduleErrors, slotsFromMeetings, type MeetingInput } from "./check.ts";
import { solveExact } from "./exact.ts";
import { lagrangianBound } from "./lagrangian.ts";
import { LocalSearch } from "./local-search.ts";
import { parseInstance, ZRequest, type TInstance } from "./instance.ts";
import { compile, type Model } from "./model.ts";
import { assignTables, evaluate, toResult, type ScheduleResult } from "./schedule.ts";
import { AUTO_EXACT_MAX_COLUMNS, columnCount, type SolveMethod } from "./solve.ts";
import { ScheduleState } from "./state.ts";

export const ZChange = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("cancel-meeting"), request: z.string().min(1).describe("The request whose meeting will not take place") }),
  z.strictObject({ kind: z.literal("withdraw-participant"), participant: z.string().min(1) }),
  z.strictObject({ kind: z.literal("remove-slot"), slot: z.string().min(1) }),
  z.strictObject({ kind: z.literal("add-request"), request: ZRequest }),
  z.strictObject({ kind: z.literal("unavailable"), participant: z.string().min(1), slots: z.array(z.string().min(1)).min(1) }),
]);
export type TChange = z.infer<typeof ZChange>;

export interface RescheduleOptions {
  method?: SolveMethod;
  timeLimitMs?: number;
  /** Keep every surviving meeting in its slot and table; only fill free places. */
  pinExisting?: boolean;
}

export interface Move {
  request: string;
  from: { slot: string; table: number };
  to: { slot: string; table: number };
}

export interface RescheduleResult extends ScheduleResult {
  /** Existing meetings moved or dropped (the third objective). */
  moves: number;
  changes: { moved: Move[]; dropped: string[]; added: string[] };
}

/** Applies changes to an instance; unknown ids are errors naming `changes[i]`. */
export function applyChanges(instance: TInstance, changesInput: unknown): TInstance {
  const parsed = z.array(ZChange).safeParse(changesInput);
  if (!parsed.success) throw new AppError("validation_failed", "changes are invalid", fieldErrorsFromZod(parsed.error, "changes"));
  const errors: FieldError[] = [];
  let { slots, participants, requests } = instance;
  const unfixIn = (slotIds: Set<string>, who?: string) => {
    requests = requests.map((r) => {
      if (!r.fixed || !slotIds.has(r.fixed.slot) || (who && r.from !== who && r.to !== who)) return r;
      const { fixed: _dropped, ...rest } = r;
      return rest;
    });
  };
  parsed.data.forEach((c, i) => {
    const at = `changes[${i}]`;
    const hasParticipant = (pid: string) => participants.some((p) => p.id === pid);
    if (c.kind === "cancel-meeting") {
      if (!requests.some((r) => r.id === c.request)) errors.push({ path: `${at}.request`, message: `unknown request "${c.request}"`, code: "unknown_request", value: c.request });
      requests = requests.filter((r) => r.id !== c.request);
    } else if (c.kind === "withdraw-participant") {
      if (!hasParticipant(c.participant)) errors.push({ path: `${at}.participant`, message: `unknown participant "${c.participant}"`, code: "unknown_participant", value: c.participant });
      participants = participants.filter((p) => p.id !== c.participant);
      requests = requests.filter((r) => r.from !== c.participant && r.to !== c.participant);
    } else if (c.kind === "remove-slot") {
      if (!slots.some((s) => s.id === c.slot)) errors.push({ path: `${at}.slot`, message: `unknown slot "${c.slot}"`, code: "unknown_slot", value: c.slot });
      slots = slots.filter((s) => s.id !== c.slot);
      participants = participants.map((p) => ({ ...p, available: p.available.filter((sid) => sid !== c.slot) }));
      unfixIn(new Set([c.slot]));
    } else if (c.kind === "add-request") {
      if (requests.some((r) => r.id === c.request.id)) errors.push({ path: `${at}.request.id`, message: `request id "${c.request.id}" already exists`, code: "duplicate", value: c.request.id });
      for (const side of ["from", "to"] as const) {
        if (!hasParticipant(c.request[side])) errors.push({ path: `${at}.request.${side}`, message: `unknown participant "${c.request[side]}"`, code: "unknown_participant", value: c.request[side] });
      }
      requests = [...requests, c.request];
    } else {
      if (!hasParticipant(c.participant)) errors.push({ path: `${at}.participant`, message: `unknown participant "${c.participant}"`, code: "unknown_participant", value: c.participant });
      c.slots.forEach((sid, k) => {
        if (!slots.some((s) => s.id === sid)) errors.push({ path: `${at}.slots[${k}]`, message: `unknown slot "${sid}"`, code: "unknown_slot", value: sid });
      });
      const gone = new Set(c.slots);
      participants = participants.map((p) => (p.id === c.participant ? { ...p, available: p.available.filter((sid) => !gone.has(sid)) } : p));
      unfixIn(gone, c.participant);
    }
  });
  if (errors.length > 0) throw new AppError("validation_failed", `changes are invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  return parseInstance({ ...instance, slots, participants, requests });
}

/**
 * Reschedules `previous` (a schedule of `instanceInput`) after `changes`. Returns the changed instance
 * and the new schedule with what moved.
 */
export async function reschedule(
  instanceInput: unknown,
  previous: { meetings: readonly MeetingInput[] },
  changes: unknown,
  options: RescheduleOptions = {},
): Promise<{ instance: TInstance; result: RescheduleResult }> {
  const before = parseInstance(instanceInput);
  const oldModel = compile(before);
  const errors = scheduleErrors(oldModel, previous.meetings).map((e) => ({ ...e, path: `schedule.${e.path}` }));
  if (errors.length > 0) throw new AppError("validation_failed", `the previous schedule does not fit the instance: ${errors[0]!.message}`, errors);
  let instance = applyChanges(before, changes);
  const old = new Map(previous.meetings.map((mt) => [mt.request, mt]));
  if (options.pinExisting) instance = pin(instance, compile(instance), old);
  const m = compile(instance);

  const prevSlot = new Int32Array(m.nR).fill(-1);
  const prevTable = new Int32Array(m.nR);
  const { slotOf: given, table: givenTable } = slotsFromMeetings(m, previous.meetings);
  for (let r = 0; r < m.nR; r++) {
    if (given[r]! >= 0 && m.cand[r]!.includes(given[r]!)) {
      prevSlot[r] = given[r]!;
      prevTable[r] = givenTable[r]!;
    }
  }
  const requested = options.method ?? "auto";
  const method = requested === "auto" ? (columnCount(m) <= AUTO_EXACT_MAX_COLUMNS ? "exact" : "fast") : requested;
  const limit = options.timeLimitMs ?? (method === "fast" ? 5_000 : 60_000);
  const start = performance.now();
  const local = fromPrevious(m, prevSlot, start + (method === "fast" ? limit * 0.8 : Math.min(limit * 0.05, 1_000)));
  let slotOf = local;
  let bound = combinatorialBound(m);
  const priority = evaluate(m, local).priority;
  if (method === "fast" && priority < bound) {
    bound = Math.min(bound, lagrangianBound(m, { target: priority, deadline: performance.now() + Math.min(1_000, limit * 0.2) }));
  }
  let optimal = false;
  if (method === "exact") {
    const exact = await solveExact(m, { timeLimitMs: Math.max(10, limit - (performance.now() - start)), start: local, previous: prevSlot });
    bound = Math.min(bound, exact.bound);
    if (exact.slotOf && rescheduleRank(m, exact.slotOf, prevSlot) <= rescheduleRank(m, local, prevSlot)) {
      slotOf = exact.slotOf;
      optimal = exact.optimal;
    }
  }
  const preferred = Int32Array.from(prevTable, (t, r) => (slotOf[r] === prevSlot[r] ? t : 0));
  const table = assignTables(m, slotOf, preferred);
  const result = toResult(m, slotOf, table, { bound, optimal, method });
  return { instance, result: { ...result, ...describeMoves(m, old, slotOf, table) } };
}

/** Lexicographic rank as one comparable number (lower is better): priority, unmet, moved slots. */
function rescheduleRank(m: Model, slotOf: Int32Array, prevSlot: Int32Array): number {
  const ev = evaluate(m, slotOf);
  let moved = 0;
  for (let r = 0; r < m.nR; r++) if (prevSlot[r]! >= 0 && slotOf[r] !== prevSlot[r]) moved++;
  return (-ev.priority * (m.nP + 1) + ev.unmetParticipants) * (m.nR + 1) + moved;
}

/** Organiser-pins every surviving meeting of the old schedule at its slot and table. */
function pin(instance: TInstance, m: Model, old: Map<string, MeetingInput>): TInstance {
  return {
    ...instance,
    requests: instance.requests.map((r, i) => {
      const mt = old.get(r.id);
      if (r.fixed || !mt) return r;
      const s = m.slotIds.indexOf(mt.slot);
      return s >= 0 && m.cand[i]!.includes(s) ? { ...r, fixed: { slot: mt.slot, table: mt.table } } : r;
    }),
  };
}

/** Keeps the surviving meetings, then improves by local search (which moves only what it must). */
function fromPrevious(m: Model, prevSlot: Int32Array, deadline: number): Int32Array {
  const st = new ScheduleState(m);
  for (let r = 0; r < m.nR; r++) if (m.fixedSlot[r]! >= 0) st.place(r, m.fixedSlot[r]!);
  for (let r = 0; r < m.nR; r++) if (prevSlot[r]! >= 0 && st.canPlace(r, prevSlot[r]!)) st.place(r, prevSlot[r]!);
  st.commit();
  new LocalSearch(st).run(deadline);
  st.commit();
  return Int32Array.from(st.slotOf);
}

function describeMoves(m: Model, old: Map<string, MeetingInput>, slotOf: Int32Array, table: Int32Array): Pick<RescheduleResult, "moves" | "changes"> {
  const moved: Move[] = [];
  const dropped: string[] = [];
  const added: string[] = [];
  for (let r = 0; r < m.nR; r++) {
    const before = old.get(m.reqIds[r]!);
    const s = slotOf[r]!;
    if (!before) {
      if (s >= 0) added.push(m.reqIds[r]!);
    } else if (s < 0) dropped.push(m.reqIds[r]!);
    else if (m.slotIds[s] !== before.slot || table[r] !== before.table) {
      moved.push({ request: m.reqIds[r]!, from: { slot: before.slot, table: before.table }, to: { slot: m.slotIds[s]!, table: table[r]! } });
    }
  }
  return { moves: moved.length + dropped.length, changes: { moved, dropped, added } };
}
