/**
 * @module events/instance-builder
 * Builds the scheduler's instance (src/events/scheduler) from an event's rows: slots in the event's time
 * zone with their room, session and table count; the event's tables (a count or names); approved
 * participants with their availability and caps; and one request per meeting — meetings are already one
 * per pair (mutual requests were merged), organiser-pinned meetings are fixed, and meetings that took
 * place (held, no-show) are fixed where they were. The scheduler's error messages name ids; `humanise`
 * rewrites them with participants' names and local slot times.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import type { EventRow, ParticipantRow } from "./event-access.ts";
import { eventMeetings, eventParticipants, eventUnavailability } from "./events.table.ts";
import type { MeetingRow } from "./requests.service.ts";
import { parseInstance, type TInstance } from "./scheduler/instance.ts";
import { slotRows, type SlotRow } from "./sessions.service.ts";
import { isoInZone } from "./time-zone.ts";

export interface BuiltInstance {
  instance: TInstance;
  slots: SlotRow[];
  participants: Map<string, ParticipantRow>;
  /** Meetings in the instance (planned, held, no-show), by id. */
  meetings: Map<string, MeetingRow>;
}

export const SCHEDULED_STATUSES = ["planned", "held", "no_show"] as const;

/** The raw instance (unchecked) for the event; `unfix` leaves one meeting's pin out (it is being moved). */
export async function rawInstance(db: Executor, event: EventRow, opts: { unfix?: string } = {}): Promise<BuiltInstance & { raw: TInstance }> {
  const slots = await slotRows(db, event.id);
  const people = await db.select().from(eventParticipants).where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.status, "approved")));
  const participants = new Map(people.map((p) => [p.id, p]));
  const off = people.length ? await db.select().from(eventUnavailability).where(inArray(eventUnavailability.participantId, [...participants.keys()])) : [];
  const offBy = new Map<string, Set<string>>();
  for (const o of off) (offBy.get(o.participantId) ?? offBy.set(o.participantId, new Set()).get(o.participantId)!).add(o.slotId);
  const rows = await db.select().from(eventMeetings).where(and(eq(eventMeetings.eventId, event.id), inArray(eventMeetings.status, [...SCHEDULED_STATUSES])));
  const meetings = new Map(rows.filter((m) => participants.has(m.aParticipantId) && participants.has(m.bParticipantId)).map((m) => [m.id, m]));
  const raw: TInstance = {
    slots: slots.map((s) => ({
      id: s.id,
      start: isoInZone(s.startsAt, event.timeZone),
      end: isoInZone(s.endsAt, event.timeZone),
      ...(s.room ? { room: s.room } : {}),
      ...(s.sessionId ? { session: s.sessionId } : {}),
      ...(s.tableCount !== null ? { tables: s.tableCount } : {}),
    })),
    tables: event.tableNames.length ? event.tableNames : event.tableCount,
    participants: people.map((p) => {
      const cap = p.maxMeetings ?? event.defaultMaxMeetings;
      return {
        id: p.id,
        name: p.name,
        available: slots.filter((s) => !offBy.get(p.id)?.has(s.id)).map((s) => s.id),
        ...(cap !== null ? { maxMeetings: cap } : {}),
        ...(p.maxPerSession !== null ? { maxPerSession: p.maxPerSession } : {}),
      };
    }),
    requests: [...meetings.values()].map((m) => {
      const pinned = m.slotId && m.id !== opts.unfix && (m.fixed || m.status !== "planned");
      return { id: m.id, from: m.aParticipantId, to: m.bParticipantId, priority: m.priority, ...(pinned ? { fixed: { slot: m.slotId!, ...(m.tableNo ? { table: m.tableNo } : {}) } } : {}) };
    }),
  };
  return { instance: raw, raw, slots, participants, meetings };
}

/** The checked instance; a 400 naming every problem (in names and local times) when it is invalid. */
export async function buildInstance(db: Executor, event: EventRow, opts: { unfix?: string } = {}): Promise<BuiltInstance> {
  const built = await rawInstance(db, event, opts);
  try {
    return { ...built, instance: parseInstance(built.raw) };
  } catch (error) {
    const e = error as { errors?: FieldError[]; message: string };
    if (e.errors) {
      e.errors = e.errors.map((f) => ({ ...f, message: humanise(f.message, built, event.timeZone) }));
      e.message = `The event cannot be scheduled as it stands: ${e.errors.slice(0, 5).map((f) => f.message).join("; ")}`;
    }
    throw error;
  }
}

/** Stored placements of the instance's meetings, as the scheduler's meeting list. */
export function storedPlacements(built: BuiltInstance): { request: string; slot: string; table: number }[] {
  const slotIds = new Set(built.slots.map((s) => s.id));
  return [...built.meetings.values()]
    .filter((m) => m.slotId && slotIds.has(m.slotId) && m.tableNo)
    .map((m) => ({ request: m.id, slot: m.slotId!, table: m.tableNo! }));
}

/** Replaces ids in a scheduler message with names and local times. */
export function humanise(message: string, built: Pick<BuiltInstance, "participants" | "slots">, timeZone: string, meetingIds: readonly string[] = []): string {
  let out = message.replace(/meetings\[(\d+)\]/g, (all, i: string) => (meetingIds[Number(i)] ? `meeting ${meetingIds[Number(i)]}` : all));
  for (const p of built.participants.values()) out = out.replaceAll(`"${p.id}"`, `"${p.name}"`);
  for (const s of built.slots) out = out.replaceAll(`"${s.id}"`, `"${isoInZone(s.startsAt, timeZone).slice(0, 16).replace("T", " ")}${s.room ? ` ${s.room}` : ""}"`);
  return out;
}
