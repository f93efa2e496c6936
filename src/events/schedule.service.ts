/**
 * @module events/schedule.service
 * Scheduling through the API. `scheduleEvent` builds the instance from the database, runs `solve` and
 * stores every meeting's slot and table; `rescheduleEvent`, after cancellations or withdrawals, calls
 * `reschedule` from the stored placements that still fit, so as few meetings as possible move;
 * `moveMeeting` (drag-to-move in the organiser grid) re-validates the grid with `scheduleErrors` and
 * answers 400 naming the conflict. The solver runs outside any transaction; the result is stored in one,
 * after checking that the event did not change meanwhile (409 if it did).
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { loadManagedEvent, type EventAccess } from "./event-access.ts";
import { eventMeetings, events } from "./events.table.ts";
import { buildInstance, humanise, storedPlacements, type BuiltInstance } from "./instance-builder.ts";
import { notify, type NotificationTarget } from "./notifications.service.ts";
import { scheduleErrors, type MeetingInput } from "./scheduler/check.ts";
import { compile } from "./scheduler/model.ts";
import { reschedule } from "./scheduler/reschedule.ts";
import type { ScheduleResult } from "./scheduler/schedule.ts";
import { solveModel } from "./scheduler/solve.ts";

export const ZScheduleOptions = z.strictObject({
  method: z.enum(["auto", "exact", "fast"]).default("auto").describe("auto: exact for small events, fast otherwise"),
  timeLimitMs: z.number().int().min(100).max(120_000).default(20_000).describe("Time budget of the solver in milliseconds"),
});
export const ZRescheduleOptions = ZScheduleOptions.extend({
  pinExisting: z.boolean().default(false).describe("Keep every meeting that still fits exactly where it is; only fill free places"),
});

const ZPlacement = z.object({ slotId: z.uuid(), table: z.number().int() });
export const ZScheduleOutcome = z.object({
  meetings: z.array(z.object({ meetingId: z.uuid(), slotId: z.uuid(), table: z.number().int(), tableName: z.string().nullable() })),
  unscheduled: z.array(z.uuid()).describe("Meetings the schedule could not place"),
  objective: z.object({ priority: z.number().int().describe("Total priority of the placed meetings"), unmetParticipants: z.number().int().describe("Participants with accepted meetings but none placed") }),
  bound: z.number().describe("Upper bound on the total priority of any schedule"),
  gap: z.number().describe("(bound − priority) / bound"),
  optimal: z.boolean().describe("Optimality of both objectives proved"),
  method: z.enum(["exact", "fast"]),
  revision: z.number().int().describe("The event's schedule revision after storing"),
  changes: z.object({
    moved: z.array(z.object({ meetingId: z.uuid(), from: ZPlacement, to: ZPlacement })),
    dropped: z.array(z.uuid()).describe("Meetings that had a place and have none now"),
    placed: z.array(z.uuid()).describe("Meetings that had no place and have one now"),
  }),
  moves: z.number().int().describe("Meetings moved or dropped compared with the stored schedule"),
});
export type TScheduleOutcome = z.infer<typeof ZScheduleOutcome>;

function fingerprint(built: BuiltInstance): string {
  return JSON.stringify({ ...built.instance, requests: built.instance.requests.map((r) => ({ ...r, fixed: r.fixed ?? null })) });
}

/** Writes the placements, notifies the parties of what changed, raises the revision. */
async function store(db: Executor, access: EventAccess, before: BuiltInstance, result: ScheduleResult, now: Date): Promise<TScheduleOutcome> {
  return db.transaction(async (tx) => {
    const again = await buildInstance(tx, access.event);
    if (fingerprint(again) !== fingerprint(before)) throw new AppError("conflict", "The event changed while it was being scheduled; schedule again.");
    const placed = new Map(result.meetings.map((m) => [m.request, m]));
    const changes: TScheduleOutcome["changes"] = { moved: [], dropped: [], placed: [] };
    const notes: NotificationTarget[] = [];
    const rows: { id: string; slot: string | null; table: number | null }[] = [];
    for (const m of before.meetings.values()) {
      const p = placed.get(m.id);
      const was = m.slotId && m.tableNo ? { slotId: m.slotId, table: m.tableNo } : null;
      const now_ = p ? { slotId: p.slot, table: p.table } : null;
      if (was?.slotId === now_?.slotId && was?.table === now_?.table) continue;
      rows.push({ id: m.id, slot: now_?.slotId ?? null, table: now_?.table ?? null });
      if (was && now_) changes.moved.push({ meetingId: m.id, from: was, to: now_ });
      else if (was) changes.dropped.push(m.id);
      else changes.placed.push(m.id);
      const kind = was ? ("meeting_moved" as const) : ("meeting_scheduled" as const);
      for (const pid of [m.aParticipantId, m.bParticipantId]) notes.push({ eventId: access.event.id, participantId: pid, kind, meetingId: m.id });
    }
    for (let i = 0; i < rows.length; i += 500) {
      const values = sql.join(rows.slice(i, i + 500).map((r) => sql`(${r.id}::uuid, ${r.slot}::uuid, ${r.table}::int)`), sql`, `);
      await tx.execute(sql`UPDATE event_meetings AS m SET slot_id = v.slot_id, table_no = v.table_no, updated_at = now() FROM (VALUES ${values}) AS v(id, slot_id, table_no) WHERE m.id = v.id`);
    }
    await notify(tx, notes, now);
    const summary = { objective: result.objective, bound: result.bound, gap: result.gap, optimal: result.optimal, method: result.method };
    const [ev] = await tx
      .update(events)
      .set({ scheduleRevision: sql`${events.scheduleRevision} + 1`, scheduledAt: now, scheduleSummary: summary })
      .where(eq(events.id, access.event.id))
      .returning({ revision: events.scheduleRevision });
    const names = access.event.tableNames;
    return {
      meetings: result.meetings.map((m) => ({ meetingId: m.request, slotId: m.slot, table: m.table, tableName: names[m.table - 1] ?? null })),
      unscheduled: result.unscheduled,
      ...summary,
      revision: ev!.revision,
      changes,
      moves: changes.moved.length + changes.dropped.length,
    };
  });
}

export async function scheduleEvent(db: Executor, actor: Actor, eventId: string, options: z.infer<typeof ZScheduleOptions>, now: Date): Promise<TScheduleOutcome> {
  const access = await loadManagedEvent(db, actor, eventId);
  const built = await buildInstance(db, access.event);
  const result = await solveModel(compile(built.instance), options);
  return store(db, access, built, result, now);
}

/**
 * The stored placements that still fit the instance: each pass drops the meetings the checker flags
 * (a slot removed, a party now unavailable, a double booking left by a change) until none is flagged.
 */
export function fittingPlacements(built: BuiltInstance): MeetingInput[] {
  const model = compile(built.instance);
  // Organiser-fixed meetings first: a conflict is flagged on the later meeting, and a fixed one must stay.
  const fixed = new Set(built.instance.requests.filter((r) => r.fixed).map((r) => r.id));
  let kept = storedPlacements(built).sort((a, b) => Number(fixed.has(b.request)) - Number(fixed.has(a.request)));
  for (;;) {
    const bad = new Set<number>();
    for (const e of scheduleErrors(model, kept)) {
      const i = /^meetings\[(\d+)\]/.exec(e.path);
      if (i) bad.add(Number(i[1]));
    }
    if (!bad.size) return kept;
    kept = kept.filter((_, i) => !bad.has(i));
  }
}

export async function rescheduleEvent(db: Executor, actor: Actor, eventId: string, options: z.infer<typeof ZRescheduleOptions>, now: Date): Promise<TScheduleOutcome> {
  const access = await loadManagedEvent(db, actor, eventId);
  const built = await buildInstance(db, access.event);
  const { result } = await reschedule(built.instance, { meetings: fittingPlacements(built) }, [], options);
  return store(db, access, built, result, now);
}

/** Moves one planned meeting to a slot and table (or out of the schedule), after re-validating the grid. */
export async function moveMeeting(db: Executor, actor: Actor, eventId: string, meetingId: string, move: { slotId: string | null; table?: number; fixed: boolean }, now: Date) {
  const access = await loadManagedEvent(db, actor, eventId);
  const [meeting] = await db.select().from(eventMeetings).where(eq(eventMeetings.id, meetingId));
  if (!meeting || meeting.eventId !== eventId) throw new AppError("not_found", `No meeting with id ${meetingId} in this event.`);
  if (meeting.status !== "planned") throw new AppError("conflict", `The meeting is ${meeting.status}; only planned meetings move.`, [{ path: "slotId", message: `meeting is ${meeting.status}` }]);
  const target = move.slotId === null
    ? { slotId: null, tableNo: null, fixed: false }
    : { slotId: move.slotId, tableNo: await validateMove(db, access, meetingId, move.slotId, move.table), fixed: move.fixed };
  await db.update(eventMeetings).set({ ...target, updatedAt: now }).where(eq(eventMeetings.id, meetingId));
  await notify(db, [meeting.aParticipantId, meeting.bParticipantId].map((participantId) => ({ eventId, participantId, kind: "meeting_moved" as const, meetingId })), now);
}

/** 400 naming every conflict of the meeting at slot/table with the rest of the stored grid. Fills `table` when absent. */
export async function validateMove(db: Executor, access: EventAccess, meetingId: string, slotId: string, table: number | undefined): Promise<number> {
  const built = await buildInstance(db, access.event, { unfix: meetingId });
  if (!built.slots.some((s) => s.id === slotId)) throw new AppError("validation_failed", "The slot is not a slot of this event.", [{ path: "slotId", message: `no slot with id ${slotId} in this event` }]);
  if (!built.meetings.has(meetingId)) throw new AppError("conflict", "Both participants must be approved to place the meeting.", [{ path: "slotId", message: "a participant is not approved" }]);
  const others = fittingPlacements(built).filter((p) => p.request !== meetingId);
  const used = new Set(others.filter((p) => p.slot === slotId).map((p) => p.table));
  let chosen = table ?? 1;
  if (table === undefined) while (used.has(chosen)) chosen++;
  const placements = [...others, { request: meetingId, slot: slotId, table: chosen }];
  const last = placements.length - 1;
  const errors = scheduleErrors(compile(built.instance), placements)
    .filter((e) => e.path.startsWith(`meetings[${last}]`))
    .map((e) => ({ ...e, path: e.path.endsWith(".table") ? "table" : "slotId", message: humanise(e.message, built, access.event.timeZone, placements.map((p) => p.request)) }));
  if (errors.length) throw new AppError("validation_failed", `The meeting cannot go there: ${errors.map((e) => e.message).join("; ")}`, errors);
  // A pinned meeting elsewhere in the grid stays valid: fixed meetings were checked with the instance.
  return chosen;
}
