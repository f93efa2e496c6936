/**
 * @module events/requests.service
 * Meeting requests: a participant (or an organiser for it) asks another approved participant; the
 * recipient accepts or declines before the request expires (the event's `requestExpiryMinutes`). A
 * pending request counts against both sides' meeting caps and blocks a second request for the pair —
 * until it expires: an expired request blocks nothing. When the other side has already asked for the
 * same meeting, the two requests are merged into one accepted meeting (the scheduler takes one request
 * per pair). Reminders list the requests unanswered for `reminderAfterMinutes` and mark them reminded;
 * the sender hears once when a request expired unanswered (both also run in the background sweep).
 * Every function takes `now`, so expiry and reminders are tested with an injected clock.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { loadEvent, loadManagedEvent, loadParticipant, participantsOfActor, requireActsFor, type EventAccess, type EventRow, type ParticipantRow } from "./event-access.ts";
import { eventMeetingRequests, eventMeetings, eventParticipants } from "./events.table.ts";
import type { TRequest, TRequestCreate } from "./meetings.schema.ts";
import { notify } from "./notifications.service.ts";
import type { RequestViewStatus } from "./vocabulary.ts";

type RequestRow = typeof eventMeetingRequests.$inferSelect;
export type MeetingRow = typeof eventMeetings.$inferSelect;

export function viewStatus(r: Pick<RequestRow, "status" | "expiresAt">, now: Date): RequestViewStatus {
  return r.status === "pending" && r.expiresAt <= now ? "expired" : (r.status as RequestViewStatus);
}

export async function presentRequests(db: Executor, rows: RequestRow[], now: Date): Promise<TRequest[]> {
  if (!rows.length) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.fromParticipantId, r.toParticipantId]))];
  const names = new Map((await db.select({ id: eventParticipants.id, name: eventParticipants.name }).from(eventParticipants).where(inArray(eventParticipants.id, ids))).map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    eventId: r.eventId,
    fromParticipantId: r.fromParticipantId,
    fromName: names.get(r.fromParticipantId) ?? "",
    toParticipantId: r.toParticipantId,
    toName: names.get(r.toParticipantId) ?? "",
    priority: r.priority,
    message: r.message,
    status: viewStatus(r, now),
    expiresAt: iso(r.expiresAt),
    reminderSentAt: r.reminderSentAt ? iso(r.reminderSentAt) : null,
    respondedAt: r.respondedAt ? iso(r.respondedAt) : null,
    meetingId: r.meetingId,
    createdAt: iso(r.createdAt),
  }));
}

const pairOf = (a: string, b: string) =>
  or(and(eq(eventMeetings.aParticipantId, a), eq(eventMeetings.bParticipantId, b)), and(eq(eventMeetings.aParticipantId, b), eq(eventMeetings.bParticipantId, a)));

/** The pair's meeting that is not cancelled, if any. */
export async function activeMeeting(db: Executor, eventId: string, a: string, b: string): Promise<MeetingRow | undefined> {
  const [m] = await db.select().from(eventMeetings).where(and(eq(eventMeetings.eventId, eventId), ne(eventMeetings.status, "cancelled"), pairOf(a, b)));
  return m;
}

export function capOf(event: EventRow, p: ParticipantRow): number | null {
  return p.maxMeetings ?? event.defaultMaxMeetings;
}

/** 409 naming the side whose meetings (and, with `countPending`, unexpired pending requests) reach its cap. */
export async function assertCaps(db: Executor, event: EventRow, sides: { p: ParticipantRow; path: string }[], now: Date, countPending: boolean): Promise<void> {
  for (const { p, path } of sides) {
    const cap = capOf(event, p);
    if (cap === null) continue;
    const [m] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventMeetings)
      .where(and(ne(eventMeetings.status, "cancelled"), or(eq(eventMeetings.aParticipantId, p.id), eq(eventMeetings.bParticipantId, p.id))));
    const [r] = countPending
      ? await db
          .select({ n: sql<number>`count(*)::int` })
          .from(eventMeetingRequests)
          .where(and(eq(eventMeetingRequests.status, "pending"), gt(eventMeetingRequests.expiresAt, now), or(eq(eventMeetingRequests.fromParticipantId, p.id), eq(eventMeetingRequests.toParticipantId, p.id))))
      : [{ n: 0 }];
    const meetings = m?.n ?? 0;
    const pending = r?.n ?? 0;
    if (meetings + pending >= cap) {
      throw new AppError("conflict", `${p.name} has reached its cap of ${cap} meetings (${meetings} meetings, ${pending} unanswered requests).`, [
        { path, message: `cap of ${cap} meetings reached (${meetings} meetings, ${pending} pending requests)`, code: "cap_reached" },
      ]);
    }
  }
}

export async function insertMeeting(db: Executor, eventId: string, a: string, b: string, priority: number, extra: Partial<MeetingRow> = {}): Promise<MeetingRow> {
  const [row] = await db
    .insert(eventMeetings)
    .values({ id: randomUUID(), eventId, aParticipantId: a, bParticipantId: b, priority, ...extra })
    .returning();
  return row!;
}

function requireApproved(p: ParticipantRow, path: string): void {
  if (p.status !== "approved") throw new AppError("conflict", `${p.name} is not an approved participant (${p.status}).`, [{ path, message: `participant is ${p.status}`, code: "not_approved" }]);
}

export function requireOpenEvent(access: EventAccess): void {
  if (access.event.status === "held" || access.event.status === "cancelled") {
    throw new AppError("conflict", `The event is ${access.event.status}; meetings can no longer be arranged.`, [{ path: "event.status", message: `the event is ${access.event.status}` }]);
  }
}

export async function createRequest(db: Executor, actor: Actor, eventId: string, input: TRequestCreate, now: Date) {
  const access = await loadEvent(db, actor, eventId);
  const from = await loadParticipant(db, actor, access, input.fromParticipantId, { seeApproved: true });
  requireActsFor(actor, access, from, "request meetings for it");
  const to = await loadParticipant(db, actor, access, input.toParticipantId, { seeApproved: true });
  requireOpenEvent(access);
  requireApproved(from, "fromParticipantId");
  requireApproved(to, "toParticipantId");
  const existing = await activeMeeting(db, eventId, from.id, to.id);
  if (existing) throw new AppError("conflict", `${from.name} and ${to.name} already have a meeting.`, [{ path: "toParticipantId", message: `meeting ${existing.id} already exists`, code: "duplicate" }]);
  const open = await db
    .select()
    .from(eventMeetingRequests)
    .where(and(eq(eventMeetingRequests.eventId, eventId), eq(eventMeetingRequests.status, "pending"), gt(eventMeetingRequests.expiresAt, now), or(and(eq(eventMeetingRequests.fromParticipantId, from.id), eq(eventMeetingRequests.toParticipantId, to.id)), and(eq(eventMeetingRequests.fromParticipantId, to.id), eq(eventMeetingRequests.toParticipantId, from.id)))));
  const same = open.find((r) => r.fromParticipantId === from.id);
  if (same) throw new AppError("conflict", `${from.name} has already asked ${to.name}; the request expires at ${iso(same.expiresAt)}.`, [{ path: "toParticipantId", message: `request ${same.id} is pending`, code: "duplicate" }]);
  const reverse = open.find((r) => r.fromParticipantId === to.id);
  const base = { id: randomUUID(), eventId, fromParticipantId: from.id, toParticipantId: to.id, priority: input.priority, message: input.message ?? null, createdBy: actor.userId, createdAt: now };
  if (reverse) {
    // Mutual interest: both requests become one accepted meeting.
    await assertCaps(db, access.event, [{ p: from, path: "fromParticipantId" }, { p: to, path: "toParticipantId" }], now, false);
    const meeting = await insertMeeting(db, eventId, to.id, from.id, Math.max(reverse.priority, input.priority));
    await db.update(eventMeetingRequests).set({ status: "accepted", respondedAt: now, meetingId: meeting.id }).where(eq(eventMeetingRequests.id, reverse.id));
    const [row] = await db.insert(eventMeetingRequests).values({ ...base, status: "accepted", respondedAt: now, meetingId: meeting.id, expiresAt: now }).returning();
    await notify(db, [{ eventId, participantId: to.id, kind: "request_accepted", requestId: reverse.id, meetingId: meeting.id }], now);
    return { ...(await presentRequests(db, [row!], now))[0]!, merged: true };
  }
  await assertCaps(db, access.event, [{ p: from, path: "fromParticipantId" }, { p: to, path: "toParticipantId" }], now, true);
  const expiresAt = new Date(now.getTime() + access.event.requestExpiryMinutes * 60_000);
  const [row] = await db.insert(eventMeetingRequests).values({ ...base, expiresAt }).returning();
  await notify(db, [{ eventId, participantId: to.id, kind: "request_received", requestId: row!.id }], now);
  return { ...(await presentRequests(db, [row!], now))[0]!, merged: false };
}

/** The request if the actor manages the event or is on either side of it; 404 otherwise. */
async function visibleRequest(db: Executor, actor: Actor, access: EventAccess, requestId: string): Promise<{ r: RequestRow; from: ParticipantRow; to: ParticipantRow }> {
  const [r] = await db.select().from(eventMeetingRequests).where(and(eq(eventMeetingRequests.id, requestId), eq(eventMeetingRequests.eventId, access.event.id)));
  const mine = r && !access.canManage ? new Set((await participantsOfActor(db, actor, [access.event.id])).map((p) => p.id)) : null;
  if (!r || (mine && !mine.has(r.fromParticipantId) && !mine.has(r.toParticipantId))) {
    throw new AppError("not_found", `No request with id ${requestId} in this event, or it is not visible to you.`);
  }
  const people = await db.select().from(eventParticipants).where(inArray(eventParticipants.id, [r.fromParticipantId, r.toParticipantId]));
  return { r, from: people.find((p) => p.id === r.fromParticipantId)!, to: people.find((p) => p.id === r.toParticipantId)! };
}

function requirePending(r: RequestRow, now: Date): void {
  const status = viewStatus(r, now);
  if (status === "expired") throw new AppError("conflict", `The request expired at ${iso(r.expiresAt)}.`, [{ path: "answer", message: "request expired", code: "expired" }]);
  if (status !== "pending") throw new AppError("conflict", `The request is already ${status}.`, [{ path: "answer", message: `request is ${status}` }]);
}

export async function answerRequest(db: Executor, actor: Actor, eventId: string, requestId: string, answer: "accept" | "decline", now: Date): Promise<TRequest> {
  const access = await loadEvent(db, actor, eventId);
  const { r, from, to } = await visibleRequest(db, actor, access, requestId);
  requireActsFor(actor, access, to, "answer its requests");
  requirePending(r, now);
  let meetingId: string | null = null;
  if (answer === "accept") {
    requireOpenEvent(access);
    requireApproved(from, "fromParticipantId");
    requireApproved(to, "toParticipantId");
    const existing = await activeMeeting(db, eventId, r.fromParticipantId, r.toParticipantId);
    if (existing) meetingId = existing.id;
    else {
      await assertCaps(db, access.event, [{ p: from, path: "fromParticipantId" }, { p: to, path: "toParticipantId" }], now, false);
      meetingId = (await insertMeeting(db, eventId, r.fromParticipantId, r.toParticipantId, r.priority)).id;
    }
  }
  const [row] = await db
    .update(eventMeetingRequests)
    .set({ status: answer === "accept" ? "accepted" : "declined", respondedAt: now, meetingId })
    .where(eq(eventMeetingRequests.id, requestId))
    .returning();
  await notify(db, [{ eventId, participantId: r.fromParticipantId, kind: answer === "accept" ? "request_accepted" : "request_declined", requestId, meetingId }], now);
  return (await presentRequests(db, [row!], now))[0]!;
}

export async function withdrawRequest(db: Executor, actor: Actor, eventId: string, requestId: string, now: Date): Promise<TRequest> {
  const access = await loadEvent(db, actor, eventId);
  const { r, from } = await visibleRequest(db, actor, access, requestId);
  requireActsFor(actor, access, from, "withdraw its requests");
  if (r.status !== "pending") throw new AppError("conflict", `The request is already ${r.status}.`, [{ path: "status", message: `request is ${r.status}` }]);
  const [row] = await db.update(eventMeetingRequests).set({ status: "withdrawn", respondedAt: now }).where(eq(eventMeetingRequests.id, requestId)).returning();
  return (await presentRequests(db, [row!], now))[0]!;
}

export async function listRequests(db: Executor, actor: Actor, eventId: string, query: { participantId?: string; status?: RequestViewStatus }, now: Date): Promise<TRequest[]> {
  const access = await loadEvent(db, actor, eventId);
  let visible: string[] | null = null;
  if (query.participantId) visible = [(await loadParticipant(db, actor, access, query.participantId)).id];
  else if (!access.canManage) {
    visible = (await participantsOfActor(db, actor, [eventId])).map((p) => p.id);
    if (!visible.length) throw new AppError("forbidden", "Only the organisers and the event's participants see its requests.");
  }
  const rows = await db
    .select()
    .from(eventMeetingRequests)
    .where(and(eq(eventMeetingRequests.eventId, eventId), visible ? or(inArray(eventMeetingRequests.fromParticipantId, visible), inArray(eventMeetingRequests.toParticipantId, visible)) : undefined))
    .orderBy(eventMeetingRequests.createdAt);
  const out = await presentRequests(db, rows, now);
  return query.status ? out.filter((r) => r.status === query.status) : out;
}

/** Pending, unexpired requests unanswered for the event's reminderAfterMinutes and not yet reminded. */
async function dueRows(db: Executor, event: EventRow, asOf: Date): Promise<RequestRow[]> {
  const createdBy = new Date(asOf.getTime() - event.reminderAfterMinutes * 60_000);
  return db
    .select()
    .from(eventMeetingRequests)
    .where(and(eq(eventMeetingRequests.eventId, event.id), eq(eventMeetingRequests.status, "pending"), gt(eventMeetingRequests.expiresAt, asOf), isNull(eventMeetingRequests.reminderSentAt), lte(eventMeetingRequests.createdAt, createdBy)))
    .orderBy(eventMeetingRequests.createdAt);
}

export async function remindersDue(db: Executor, actor: Actor, eventId: string, asOf: Date): Promise<TRequest[]> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  return presentRequests(db, await dueRows(db, event, asOf), asOf);
}

/** Marks the due requests reminded and notifies each recipient in the app. */
export async function sendReminders(db: Executor, actor: Actor, eventId: string, asOf: Date): Promise<{ sent: number; requests: TRequest[] }> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const rows = await remindDue(db, event, asOf);
  return { sent: rows.length, requests: await presentRequests(db, rows, asOf) };
}

/**
 * Reminds the recipients of the event's due requests. The update claims each row only while it is still
 * unreminded, so an organiser's click and the background sweep never remind twice.
 */
export async function remindDue(db: Executor, event: EventRow, asOf: Date): Promise<RequestRow[]> {
  const due = await dueRows(db, event, asOf);
  if (!due.length) return [];
  const rows = await db
    .update(eventMeetingRequests)
    .set({ reminderSentAt: asOf })
    .where(and(inArray(eventMeetingRequests.id, due.map((r) => r.id)), isNull(eventMeetingRequests.reminderSentAt)))
    .returning();
  await notify(db, rows.map((r) => ({ eventId: event.id, participantId: r.toParticipantId, kind: "request_reminder" as const, requestId: r.id })), asOf);
  return rows;
}

/** Tells each sender, once, that a request expired unanswered: its slot and cap are free to ask someone else. */
export async function notifyExpired(db: Executor, eventId: string, asOf: Date): Promise<RequestRow[]> {
  const rows = await db
    .update(eventMeetingRequests)
    .set({ expiryNotifiedAt: asOf })
    .where(and(eq(eventMeetingRequests.eventId, eventId), eq(eventMeetingRequests.status, "pending"), lte(eventMeetingRequests.expiresAt, asOf), isNull(eventMeetingRequests.expiryNotifiedAt)))
    .returning();
  await notify(db, rows.map((r) => ({ eventId, participantId: r.fromParticipantId, kind: "request_expired" as const, requestId: r.id })), asOf);
  return rows;
}
