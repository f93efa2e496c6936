/**
 * @module events/meetings.service
 * Meetings: the organisers make one (fixed when they give a slot, re-validated like a move), either side
 * or an organiser cancels one, the organisers record whether it was held or a no-show (a held meeting
 * counts as a business negotiation in the organisers' KPIs, see kpi-feed), and each side gives feedback
 * after it — rating, comments and outcome.
 */
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { actsFor, loadEvent, loadManagedEvent, loadParticipant, participantsOfActor, type EventAccess } from "./event-access.ts";
import { eventFeedback, eventMeetingRequests, eventMeetings, eventParticipants, eventSlots } from "./events.table.ts";
import { feedMetric } from "./kpi-feed.ts";
import type { TFeedbackPut, TMeeting, TMeetingCreate } from "./meetings.schema.ts";
import { notify } from "./notifications.service.ts";
import { activeMeeting, assertCaps, insertMeeting, requireOpenEvent, type MeetingRow } from "./requests.service.ts";
import { validateMove } from "./schedule.service.ts";
import { presentSlot } from "./sessions.service.ts";
import { localDate } from "./time-zone.ts";
import type { FeedbackOutcome, MeetingStatus, ParticipantType } from "./vocabulary.ts";

export async function presentMeetings(db: Executor, actor: Actor, access: EventAccess, rows: MeetingRow[]): Promise<TMeeting[]> {
  if (!rows.length) return [];
  const ids = rows.map((m) => m.id);
  const pids = [...new Set(rows.flatMap((m) => [m.aParticipantId, m.bParticipantId]))];
  const people = new Map((await db.select().from(eventParticipants).where(inArray(eventParticipants.id, pids))).map((p) => [p.id, p]));
  const slotIds = [...new Set(rows.map((m) => m.slotId).filter((s): s is string => s !== null))];
  const slots = new Map(slotIds.length ? (await db.select().from(eventSlots).where(inArray(eventSlots.id, slotIds))).map((s) => [s.id, s]) : []);
  const requests = await db.select({ id: eventMeetingRequests.id, meetingId: eventMeetingRequests.meetingId }).from(eventMeetingRequests).where(inArray(eventMeetingRequests.meetingId, ids));
  const feedback = await db.select().from(eventFeedback).where(inArray(eventFeedback.meetingId, ids));
  const party = (id: string) => {
    const p = people.get(id);
    return { id, name: p?.name ?? "", participantType: (p?.participantType ?? "seller") as ParticipantType };
  };
  const { event } = access;
  return rows.map((m) => {
    const slot = m.slotId ? slots.get(m.slotId) : undefined;
    return {
      id: m.id,
      eventId: m.eventId,
      participants: [party(m.aParticipantId), party(m.bParticipantId)],
      priority: m.priority,
      status: m.status as MeetingStatus,
      organiserMade: m.organiserMade,
      fixed: m.fixed,
      slot: slot ? presentSlot(slot, event.timeZone) : null,
      table: slot ? m.tableNo : null,
      tableName: slot && m.tableNo ? (event.tableNames[m.tableNo - 1] ?? null) : null,
      noShowParticipantIds: m.noShowParticipantIds,
      cancelReason: m.cancelReason,
      requestIds: requests.filter((r) => r.meetingId === m.id).map((r) => r.id),
      feedback: feedback
        .filter((f) => f.meetingId === m.id && (access.canManage || actsFor(actor, people.get(f.participantId) ?? { userId: null, orgId: null })))
        .map((f) => ({ participantId: f.participantId, rating: f.rating, outcome: f.outcome as FeedbackOutcome, comments: f.comments })),
      createdAt: iso(m.createdAt),
    };
  });
}

async function loadMeeting(db: Executor, eventId: string, meetingId: string): Promise<MeetingRow> {
  const [m] = await db.select().from(eventMeetings).where(and(eq(eventMeetings.id, meetingId), eq(eventMeetings.eventId, eventId)));
  if (!m) throw new AppError("not_found", `No meeting with id ${meetingId} in this event, or it is not visible to you.`);
  return m;
}

/** The meeting if the actor manages the event or sees one of its parties; 404 otherwise. */
async function visibleMeeting(db: Executor, actor: Actor, access: EventAccess, meetingId: string): Promise<MeetingRow> {
  const m = await loadMeeting(db, access.event.id, meetingId);
  if (access.canManage) return m;
  const mine = new Set((await participantsOfActor(db, actor, [access.event.id])).map((p) => p.id));
  if (!mine.has(m.aParticipantId) && !mine.has(m.bParticipantId)) throw new AppError("not_found", `No meeting with id ${meetingId} in this event, or it is not visible to you.`);
  return m;
}

export async function listMeetings(db: Executor, actor: Actor, eventId: string, query: { participantId?: string; status?: MeetingStatus }): Promise<TMeeting[]> {
  const access = await loadEvent(db, actor, eventId);
  let only: string[] | null = null;
  if (query.participantId) only = [(await loadParticipant(db, actor, access, query.participantId)).id];
  else if (!access.canManage) {
    only = (await participantsOfActor(db, actor, [eventId])).map((p) => p.id);
    if (!only.length) throw new AppError("forbidden", "Only the organisers and the event's participants see its meetings.");
  }
  const rows = await db
    .select()
    .from(eventMeetings)
    .leftJoin(eventSlots, eq(eventSlots.id, eventMeetings.slotId))
    .where(
      and(
        eq(eventMeetings.eventId, eventId),
        query.status ? eq(eventMeetings.status, query.status) : undefined,
        only ? or(inArray(eventMeetings.aParticipantId, only), inArray(eventMeetings.bParticipantId, only)) : undefined,
      ),
    )
    .orderBy(asc(eventSlots.startsAt), asc(eventMeetings.tableNo), asc(eventMeetings.createdAt));
  return presentMeetings(db, actor, access, rows.map((r) => r.event_meetings));
}

export async function getMeeting(db: Executor, actor: Actor, eventId: string, meetingId: string): Promise<TMeeting> {
  const access = await loadEvent(db, actor, eventId);
  return (await presentMeetings(db, actor, access, [await visibleMeeting(db, actor, access, meetingId)]))[0]!;
}

export async function createOrganiserMeeting(db: Executor, actor: Actor, eventId: string, input: TMeetingCreate, now: Date): Promise<TMeeting> {
  const access = await loadManagedEvent(db, actor, eventId);
  requireOpenEvent(access);
  const [a, b] = await Promise.all(input.participantIds.map((pid) => loadParticipant(db, actor, access, pid)));
  for (const [p, i] of [[a!, 0], [b!, 1]] as const) {
    if (p.status !== "approved") throw new AppError("conflict", `${p.name} is not an approved participant (${p.status}).`, [{ path: `participantIds[${i}]`, message: `participant is ${p.status}`, code: "not_approved" }]);
  }
  const existing = await activeMeeting(db, eventId, a!.id, b!.id);
  if (existing) throw new AppError("conflict", `${a!.name} and ${b!.name} already have a meeting.`, [{ path: "participantIds", message: `meeting ${existing.id} already exists`, code: "duplicate" }]);
  await assertCaps(db, access.event, [{ p: a!, path: "participantIds[0]" }, { p: b!, path: "participantIds[1]" }], now, false);
  const meeting = await insertMeeting(db, eventId, a!.id, b!.id, input.priority, { organiserMade: true });
  let row = meeting;
  if (input.slotId) {
    const table = await validateMove(db, access, meeting.id, input.slotId, input.table ?? undefined);
    [row] = (await db.update(eventMeetings).set({ slotId: input.slotId, tableNo: table, fixed: true }).where(eq(eventMeetings.id, meeting.id)).returning()) as [MeetingRow];
  }
  await notify(db, [a!.id, b!.id].map((participantId) => ({ eventId, participantId, kind: "meeting_scheduled" as const, meetingId: meeting.id })), now);
  return (await presentMeetings(db, actor, access, [row]))[0]!;
}

export async function cancelMeeting(db: Executor, actor: Actor, eventId: string, meetingId: string, reason: string | null, now: Date): Promise<TMeeting> {
  const access = await loadEvent(db, actor, eventId);
  const m = await visibleMeeting(db, actor, access, meetingId);
  const parties = await db.select().from(eventParticipants).where(inArray(eventParticipants.id, [m.aParticipantId, m.bParticipantId]));
  const by = parties.filter((p) => actsFor(actor, p));
  if (!access.canManage && !by.length) throw new AppError("forbidden", "Only the two sides and the organisers may cancel a meeting.");
  if (m.status !== "planned") throw new AppError("conflict", `The meeting is ${m.status}; only planned meetings can be cancelled.`, [{ path: "status", message: `meeting is ${m.status}` }]);
  const [row] = await db.update(eventMeetings).set({ status: "cancelled", cancelReason: reason, cancelledAt: now, fixed: false, updatedAt: now }).where(eq(eventMeetings.id, meetingId)).returning();
  const told = parties.filter((p) => !by.some((q) => q.id === p.id) || access.canManage);
  await notify(db, told.map((p) => ({ eventId, participantId: p.id, kind: "meeting_cancelled" as const, meetingId })), now);
  return (await presentMeetings(db, actor, access, [row!]))[0]!;
}

export async function recordAttendance(db: Executor, actor: Actor, eventId: string, meetingId: string, input: { status: "held" | "no_show" | "planned"; noShowParticipantIds: string[] }, now: Date): Promise<TMeeting> {
  const access = await loadManagedEvent(db, actor, eventId);
  const m = await loadMeeting(db, eventId, meetingId);
  if (m.status === "cancelled") throw new AppError("conflict", "The meeting was cancelled.", [{ path: "status", message: "meeting is cancelled" }]);
  const parties = [m.aParticipantId, m.bParticipantId];
  const wrong = input.noShowParticipantIds.findIndex((id) => !parties.includes(id));
  if (wrong >= 0) throw new AppError("validation_failed", "A no-show must be one of the meeting's two participants.", [{ path: `noShowParticipantIds[${wrong}]`, message: "not a participant of this meeting" }]);
  if (input.status !== "no_show" && input.noShowParticipantIds.length) throw new AppError("validation_failed", "Only a no-show names who did not come.", [{ path: "noShowParticipantIds", message: "only with status no_show" }]);
  const noShow = input.status === "no_show" ? (input.noShowParticipantIds.length ? input.noShowParticipantIds : parties) : [];
  const [row] = await db.update(eventMeetings).set({ status: input.status, noShowParticipantIds: noShow, updatedAt: now }).where(eq(eventMeetings.id, meetingId)).returning();
  if ((m.status === "held") !== (input.status === "held")) {
    const [slot] = m.slotId ? await db.select().from(eventSlots).where(eq(eventSlots.id, m.slotId)) : [];
    const day = slot ? localDate(slot.startsAt, access.event.timeZone) : access.event.startsOn;
    await feedMetric(db, access, "business_negotiations", input.status === "held" ? 1 : -1, day, `events:meeting/${meetingId}`);
  }
  return (await presentMeetings(db, actor, access, [row!]))[0]!;
}

export async function putFeedback(db: Executor, actor: Actor, eventId: string, meetingId: string, input: TFeedbackPut, now: Date): Promise<TMeeting> {
  const access = await loadEvent(db, actor, eventId);
  const m = await visibleMeeting(db, actor, access, meetingId);
  if (input.participantId !== m.aParticipantId && input.participantId !== m.bParticipantId) {
    throw new AppError("validation_failed", "Feedback comes from one of the meeting's two participants.", [{ path: "participantId", message: "not a participant of this meeting" }]);
  }
  const [p] = await db.select().from(eventParticipants).where(eq(eventParticipants.id, input.participantId));
  if (!access.canManage && !actsFor(actor, p!)) throw new AppError("forbidden", "Only the participant's side (or the organisers) gives its feedback.", [{ path: "participantId", message: "not a participant you answer for" }]);
  const [slot] = m.slotId ? await db.select().from(eventSlots).where(eq(eventSlots.id, m.slotId)) : [];
  const over = m.status === "held" || (m.status === "planned" && slot !== undefined && slot.endsAt <= now);
  if (!over) throw new AppError("conflict", "Feedback is given after the meeting has taken place.", [{ path: "meetingId", message: `meeting is ${m.status}${slot ? ` and ends ${iso(slot.endsAt)}` : " and not scheduled"}` }]);
  const values = { rating: input.rating, outcome: input.outcome, comments: input.comments ?? null, updatedAt: now };
  await db
    .insert(eventFeedback)
    .values({ meetingId, participantId: input.participantId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: [eventFeedback.meetingId, eventFeedback.participantId], set: values });
  return (await presentMeetings(db, actor, access, [m]))[0]!;
}
