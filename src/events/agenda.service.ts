/**
 * @module events/agenda.service
 * Personal agendas — JSON for the web page and print, iCalendar per participant — and the whole event's
 * iCalendar for the organisers, written by the scheduler's `participantCalendar` / `eventCalendar` from
 * the stored schedule. UIDs are stable (event + meeting) and SEQUENCE is the schedule revision, so a
 * re-downloaded calendar updates the entries it already holds.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import { loadEvent, loadManagedEvent, loadParticipant, type EventAccess } from "./event-access.ts";
import { eventMeetings, eventParticipants } from "./events.table.ts";
import { SCHEDULED_STATUSES } from "./instance-builder.ts";
import type { TAgenda } from "./outputs.schema.ts";
import type { MeetingRow } from "./requests.service.ts";
import { eventCalendar, participantCalendar, type Lang } from "./scheduler/ics.ts";
import type { TInstance } from "./scheduler/instance.ts";
import type { Meeting } from "./scheduler/schedule.ts";
import { presentSlot, slotRows } from "./sessions.service.ts";
import { isoInZone } from "./time-zone.ts";
import type { MeetingStatus, ParticipantType } from "./vocabulary.ts";

async function scheduled(db: Executor, eventId: string, pid?: string): Promise<MeetingRow[]> {
  const rows = await db.select().from(eventMeetings).where(and(eq(eventMeetings.eventId, eventId), inArray(eventMeetings.status, [...SCHEDULED_STATUSES])));
  return pid ? rows.filter((m) => m.aParticipantId === pid || m.bParticipantId === pid) : rows;
}

export async function agenda(db: Executor, actor: Actor, eventId: string, pid: string): Promise<TAgenda> {
  const access = await loadEvent(db, actor, eventId);
  const { event } = access;
  const me = await loadParticipant(db, actor, access, pid);
  const meetings = await scheduled(db, eventId, pid);
  const others = meetings.map((m) => (m.aParticipantId === pid ? m.bParticipantId : m.aParticipantId));
  const people = others.length ? await db.select().from(eventParticipants).where(inArray(eventParticipants.id, others)) : [];
  const orgIds = people.map((p) => p.orgId).filter((id): id is string => id !== null);
  const orgs = new Map(orgIds.length ? (await db.select().from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]) : []);
  const slots = new Map((await slotRows(db, eventId)).map((s) => [s.id, s]));
  const withOf = (m: MeetingRow) => {
    const id = m.aParticipantId === pid ? m.bParticipantId : m.aParticipantId;
    const p = people.find((x) => x.id === id)!;
    const org = p.orgId ? orgs.get(p.orgId) : undefined;
    return { id, name: p.name, participantType: p.participantType as ParticipantType, orgNameJa: org?.nameJa ?? null, orgNameEn: org?.nameEn ?? null, country: p.country };
  };
  const placed = meetings.filter((m) => m.slotId && slots.has(m.slotId)).sort((a, b) => slots.get(a.slotId!)!.startsAt.getTime() - slots.get(b.slotId!)!.startsAt.getTime());
  return {
    event: { id: event.id, nameJa: event.nameJa, nameEn: event.nameEn, timeZone: event.timeZone, venueJa: event.venueJa, venueEn: event.venueEn, startsOn: event.startsOn, endsOn: event.endsOn },
    participant: { id: me.id, name: me.name, participantType: me.participantType as ParticipantType },
    revision: event.scheduleRevision,
    meetings: placed.map((m) => ({
      meetingId: m.id,
      status: m.status as MeetingStatus,
      slot: presentSlot(slots.get(m.slotId!)!, event.timeZone),
      table: m.tableNo,
      tableName: m.tableNo ? (event.tableNames[m.tableNo - 1] ?? null) : null,
      with: withOf(m),
      priority: m.priority,
    })),
    unscheduled: meetings.filter((m) => !m.slotId || !slots.has(m.slotId)).map((m) => ({ meetingId: m.id, with: withOf(m) })),
  };
}

/** The stored schedule as the scheduler's instance and meeting list, for the iCalendar writers. */
async function calendarInput(db: Executor, access: EventAccess, pid?: string): Promise<{ instance: TInstance; meetings: Meeting[] }> {
  const { event } = access;
  const slots = await slotRows(db, event.id);
  const slotIds = new Set(slots.map((s) => s.id));
  const rows = (await scheduled(db, event.id, pid)).filter((m) => m.slotId && slotIds.has(m.slotId) && m.tableNo);
  const pids = [...new Set(rows.flatMap((m) => [m.aParticipantId, m.bParticipantId]).concat(pid ? [pid] : []))];
  const people = pids.length ? await db.select({ id: eventParticipants.id, name: eventParticipants.name }).from(eventParticipants).where(inArray(eventParticipants.id, pids)) : [];
  const instance: TInstance = {
    slots: slots.map((s) => ({ id: s.id, start: isoInZone(s.startsAt, event.timeZone), end: isoInZone(s.endsAt, event.timeZone) })),
    tables: event.tableNames.length ? event.tableNames : event.tableCount,
    participants: people.map((p) => ({ id: p.id, name: p.name, available: [] })),
    requests: rows.map((m) => ({ id: m.id, from: m.aParticipantId, to: m.bParticipantId, priority: m.priority })),
  };
  const meetings = rows.map((m) => ({ request: m.id, slot: m.slotId!, table: m.tableNo!, ...(event.tableNames[m.tableNo! - 1] ? { tableId: event.tableNames[m.tableNo! - 1]! } : {}) }));
  return { instance, meetings };
}

function options(access: EventAccess, lang: Lang) {
  const { event } = access;
  const venue = lang === "ja" ? (event.venueJa ?? event.venueEn) : (event.venueEn ?? event.venueJa);
  return {
    eventId: event.id,
    eventName: lang === "ja" ? event.nameJa : event.nameEn,
    ...(venue ? { venue } : {}),
    lang,
    sequence: event.scheduleRevision,
    // The time of the stored schedule, so the same revision always yields the same calendar.
    dtstamp: event.scheduledAt ?? event.updatedAt,
  };
}

export async function participantIcs(db: Executor, actor: Actor, eventId: string, pid: string, lang: Lang | undefined): Promise<string> {
  const access = await loadEvent(db, actor, eventId);
  await loadParticipant(db, actor, access, pid);
  const { instance, meetings } = await calendarInput(db, access, pid);
  return participantCalendar(instance, { meetings }, pid, options(access, lang ?? actor.locale));
}

export async function eventIcs(db: Executor, actor: Actor, eventId: string, lang: Lang | undefined): Promise<string> {
  const access = await loadManagedEvent(db, actor, eventId);
  const { instance, meetings } = await calendarInput(db, access);
  return eventCalendar(instance, { meetings }, options(access, lang ?? actor.locale));
}
