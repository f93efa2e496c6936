/**
 * @module events/sessions.service
 * Sessions and time slots. A session's slots are generated from its start and end, the meeting length
 * and the pauses and breaks, or slots are given one by one. Slots of the same room may not overlap (a
 * table cannot hold two meetings at once); slots of different rooms may. Times are stored as instants
 * and answered in the event's time zone.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { loadEvent, loadManagedEvent, type EventRow } from "./event-access.ts";
import type { TSessionCreate, TSlot, TSlotCreate } from "./events.schema.ts";
import { eventMeetings, eventSessions, eventSlots } from "./events.table.ts";
import { generateSlots, isoInZone, localDate, type Interval } from "./time-zone.ts";

export type SlotRow = typeof eventSlots.$inferSelect;
type SessionRow = typeof eventSessions.$inferSelect;

export function presentSlot(row: SlotRow, timeZone: string): TSlot {
  return {
    id: row.id,
    sessionId: row.sessionId,
    startsAt: isoInZone(row.startsAt, timeZone),
    endsAt: isoInZone(row.endsAt, timeZone),
    room: row.room,
    tables: row.tableCount,
  };
}

function presentSession(row: SessionRow, timeZone: string, slotCount: number) {
  return {
    id: row.id,
    eventId: row.eventId,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    startsAt: isoInZone(row.startsAt, timeZone),
    endsAt: isoInZone(row.endsAt, timeZone),
    room: row.room,
    slotCount,
  };
}

/** Slots of an event in time order (then room). */
export async function slotRows(db: Executor, eventId: string): Promise<SlotRow[]> {
  return db.select().from(eventSlots).where(eq(eventSlots.eventId, eventId)).orderBy(asc(eventSlots.startsAt), sql`coalesce(${eventSlots.room}, '')`);
}

function withinEvent(event: EventRow, start: Date, end: Date, paths: [string, string]): void {
  const errors: FieldError[] = [];
  const first = localDate(start, event.timeZone);
  const last = localDate(new Date(end.getTime() - 1), event.timeZone);
  if (first < event.startsOn || first > event.endsOn) errors.push({ path: paths[0], message: `${first} (${event.timeZone}) is outside the event's dates ${event.startsOn}–${event.endsOn}` });
  if (last < event.startsOn || last > event.endsOn) errors.push({ path: paths[1], message: `${last} (${event.timeZone}) is outside the event's dates ${event.startsOn}–${event.endsOn}` });
  if (errors.length) throw new AppError("validation_failed", errors.map((e) => e.message).join("; "), errors);
}

/** 409 when a new slot overlaps an existing slot of the same room. */
async function assertNoOverlap(db: Executor, eventId: string, room: string | null, slots: Interval[], path: (i: number) => string): Promise<void> {
  if (!slots.length) return;
  const from = new Date(Math.min(...slots.map((s) => s.start.getTime())));
  const to = new Date(Math.max(...slots.map((s) => s.end.getTime())));
  const existing = await db
    .select()
    .from(eventSlots)
    .where(and(eq(eventSlots.eventId, eventId), sql`coalesce(${eventSlots.room}, '') = ${room ?? ""}`, lt(eventSlots.startsAt, to), gt(eventSlots.endsAt, from)));
  const errors: FieldError[] = [];
  slots.forEach((s, i) => {
    const clash = existing.find((e) => e.startsAt < s.end && e.endsAt > s.start);
    if (clash) errors.push({ path: path(i), message: `overlaps slot ${clash.id} (${clash.startsAt.toISOString()}–${clash.endsAt.toISOString()}) in the same room`, code: "overlap" });
  });
  if (errors.length) throw new AppError("conflict", `The slots overlap existing slots of ${room ? `room ${room}` : "the main room"}.`, errors);
}

export async function listSessions(db: Executor, actor: Actor, eventId: string) {
  const { event } = await loadEvent(db, actor, eventId);
  const rows = await db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(asc(eventSessions.startsAt));
  const counts = await db
    .select({ sessionId: eventSlots.sessionId, n: sql<number>`count(*)::int` })
    .from(eventSlots)
    .where(eq(eventSlots.eventId, eventId))
    .groupBy(eventSlots.sessionId);
  return rows.map((r) => presentSession(r, event.timeZone, counts.find((c) => c.sessionId === r.id)?.n ?? 0));
}

export async function createSession(db: Executor, actor: Actor, eventId: string, input: TSessionCreate) {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  withinEvent(event, start, end, ["startsAt", "endsAt"]);
  const slots = input.generateSlots
    ? generateSlots({ start, end }, input.meetingMinutes ?? event.meetingMinutes, input.breakMinutes ?? event.breakMinutes, input.breaks.map((b) => ({ start: new Date(b.start), end: new Date(b.end) })))
    : [];
  if (input.generateSlots && slots.length === 0) {
    throw new AppError("validation_failed", "The session is too short for one meeting.", [{ path: "endsAt", message: `no ${input.meetingMinutes ?? event.meetingMinutes}-minute slot fits between startsAt and endsAt outside the breaks` }]);
  }
  if (slots.length > 500) throw new AppError("validation_failed", "A session may have at most 500 slots.", [{ path: "meetingMinutes", message: `${slots.length} slots; use longer meetings or a shorter session` }]);
  const room = input.room ?? null;
  await assertNoOverlap(db, eventId, room, slots, (i) => `slots[${i}]`);
  const id = randomUUID();
  const [row] = await db.insert(eventSessions).values({ id, eventId, nameJa: input.nameJa, nameEn: input.nameEn, startsAt: start, endsAt: end, room }).returning();
  if (slots.length) await db.insert(eventSlots).values(slots.map((s) => ({ id: randomUUID(), eventId, sessionId: id, startsAt: s.start, endsAt: s.end, room })));
  return presentSession(row!, event.timeZone, slots.length);
}

/** Meetings placed in these slots lose their place (and their organiser pin) before the slots go. */
async function releaseSlots(db: Executor, slotIds: string[]): Promise<void> {
  if (!slotIds.length) return;
  await db.update(eventMeetings).set({ slotId: null, tableNo: null, fixed: false, updatedAt: new Date() }).where(inArray(eventMeetings.slotId, slotIds));
}

export async function deleteSession(db: Executor, actor: Actor, eventId: string, sessionId: string): Promise<void> {
  await loadManagedEvent(db, actor, eventId);
  const [row] = await db.select().from(eventSessions).where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId)));
  if (!row) throw new AppError("not_found", `No session with id ${sessionId} in this event.`);
  const slots = await db.select({ id: eventSlots.id }).from(eventSlots).where(eq(eventSlots.sessionId, sessionId));
  await releaseSlots(db, slots.map((s) => s.id));
  await db.delete(eventSessions).where(eq(eventSessions.id, sessionId));
}

export async function listSlots(db: Executor, actor: Actor, eventId: string): Promise<TSlot[]> {
  const { event } = await loadEvent(db, actor, eventId);
  return (await slotRows(db, eventId)).map((r) => presentSlot(r, event.timeZone));
}

export async function createSlot(db: Executor, actor: Actor, eventId: string, input: TSlotCreate): Promise<TSlot> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  withinEvent(event, start, end, ["startsAt", "endsAt"]);
  let room = input.room ?? null;
  if (input.sessionId) {
    const [session] = await db.select().from(eventSessions).where(and(eq(eventSessions.id, input.sessionId), eq(eventSessions.eventId, eventId)));
    if (!session) throw new AppError("validation_failed", "The session does not exist in this event.", [{ path: "sessionId", message: `no session with id ${input.sessionId} in this event` }]);
    room ??= session.room;
  }
  await assertNoOverlap(db, eventId, room, [{ start, end }], () => "startsAt");
  const [row] = await db
    .insert(eventSlots)
    .values({ id: randomUUID(), eventId, sessionId: input.sessionId ?? null, startsAt: start, endsAt: end, room, tableCount: input.tables ?? null })
    .returning();
  return presentSlot(row!, event.timeZone);
}

export async function deleteSlot(db: Executor, actor: Actor, eventId: string, slotId: string): Promise<void> {
  await loadManagedEvent(db, actor, eventId);
  const [row] = await db.select({ id: eventSlots.id }).from(eventSlots).where(and(eq(eventSlots.id, slotId), eq(eventSlots.eventId, eventId)));
  if (!row) throw new AppError("not_found", `No slot with id ${slotId} in this event.`);
  await releaseSlots(db, [slotId]);
  await db.delete(eventSlots).where(eq(eventSlots.id, slotId));
}
