/**
 * @module events/follow-up.service
 * The follow-up survey months after the event (`followUpMonths`, asked of the participant types in
 * `followUpTypes`, sellers by default — the regional companies whose results the organisers' KPIs
 * measure; asking both sides of a deal would count it twice). It opens when the event has ended and is
 * due on the event's last day + followUpMonths, when the background sweep (or an organiser, on demand)
 * sends the in-app notices. Answers feed the KPIs of every organising organisation (see kpi-feed): contracts → `contracts`, sales →
 * `sales_jpy`, by the difference from the previous answer, so a corrected answer corrects the KPI.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { loadEvent, loadManagedEvent, loadParticipant, requireActsFor, type EventRow } from "./event-access.ts";
import { eventFollowUps, eventParticipants } from "./events.table.ts";
import { feedMetric } from "./kpi-feed.ts";
import type { TFollowUp, TFollowUpPut } from "./meetings.schema.ts";
import { notify } from "./notifications.service.ts";
import { addMonths } from "../core/calendar-days.ts";
import { localDate } from "./time-zone.ts";
import type { ParticipantType } from "./vocabulary.ts";

export const dueOn = (event: Pick<EventRow, "endsOn" | "followUpMonths">) => addMonths(event.endsOn, event.followUpMonths);

async function askedParticipants(db: Executor, event: EventRow) {
  return db
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.status, "approved"), inArray(eventParticipants.participantType, event.followUpTypes)))
    .orderBy(eventParticipants.name);
}

type FollowUpRow = typeof eventFollowUps.$inferSelect;
type ParticipantRow = typeof eventParticipants.$inferSelect;

function presentFollowUp(event: EventRow, p: ParticipantRow, f: FollowUpRow | undefined, today: string): TFollowUp {
  const due = dueOn(event);
  return {
    participantId: p.id,
    name: p.name,
    participantType: p.participantType as ParticipantType,
    dueOn: due,
    due: today >= due,
    notifiedAt: f?.notifiedAt ? iso(f.notifiedAt) : null,
    answeredAt: f?.answeredAt ? iso(f.answeredAt) : null,
    negotiations: f?.negotiations ?? null,
    contracts: f?.contracts ?? null,
    salesJpy: f?.salesJpy ?? null,
    comments: f?.comments ?? null,
  };
}

export async function listFollowUps(db: Executor, actor: Actor, eventId: string, asOf: Date): Promise<TFollowUp[]> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const people = await askedParticipants(db, event);
  const answers = new Map((await db.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, eventId))).map((f) => [f.participantId, f]));
  const today = localDate(asOf, event.timeZone);
  return people.map((p) => presentFollowUp(event, p, answers.get(p.id), today));
}

/** The participant's own survey: whether it is due and what was answered so far (the form starts from it). */
export async function getFollowUp(db: Executor, actor: Actor, eventId: string, pid: string, asOf: Date): Promise<TFollowUp> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "read its follow-up survey");
  requireAsked(access.event, p);
  const [f] = await db.select().from(eventFollowUps).where(eq(eventFollowUps.participantId, pid));
  return presentFollowUp(access.event, p, f, localDate(asOf, access.event.timeZone));
}

function requireAsked(event: EventRow, p: ParticipantRow): void {
  if (!event.followUpTypes.includes(p.participantType) || p.status !== "approved") {
    throw new AppError("conflict", `The follow-up survey is asked of approved ${event.followUpTypes.join(", ")} participants.`, [{ path: "participantId", message: "not asked the survey", code: "not_asked" }]);
  }
}

/** Notifies every asked participant who has neither been notified nor answered, once the survey is due. */
export async function notifyFollowUps(db: Executor, actor: Actor, eventId: string, asOf: Date): Promise<{ notified: number; dueOn: string }> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const due = dueOn(event);
  if (localDate(asOf, event.timeZone) < due) {
    throw new AppError("conflict", `The follow-up survey is due on ${due}.`, [{ path: "asOf", message: `before the due date ${due}` }]);
  }
  return { notified: await notifyDueFollowUps(db, event, asOf), dueOn: due };
}

/** The notices of a due survey (none before the due day); each participant is claimed once, so repeats are no-ops. */
export async function notifyDueFollowUps(db: Executor, event: EventRow, asOf: Date): Promise<number> {
  if (localDate(asOf, event.timeZone) < dueOn(event)) return 0;
  const answers = new Map((await db.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, event.id))).map((f) => [f.participantId, f]));
  const todo = (await askedParticipants(db, event)).filter((p) => !answers.get(p.id)?.notifiedAt && !answers.get(p.id)?.answeredAt);
  if (!todo.length) return 0;
  const claimed = await db
    .insert(eventFollowUps)
    .values(todo.map((p) => ({ participantId: p.id, eventId: event.id, notifiedAt: asOf })))
    .onConflictDoUpdate({ target: eventFollowUps.participantId, set: { notifiedAt: asOf }, setWhere: and(isNull(eventFollowUps.notifiedAt), isNull(eventFollowUps.answeredAt)) })
    .returning({ participantId: eventFollowUps.participantId });
  await notify(db, claimed.map((c) => ({ eventId: event.id, participantId: c.participantId, kind: "follow_up_due" as const })), asOf);
  return claimed.length;
}

export async function answerFollowUp(db: Executor, actor: Actor, eventId: string, pid: string, input: TFollowUpPut, now: Date): Promise<TFollowUp> {
  const access = await loadEvent(db, actor, eventId);
  const { event } = access;
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "answer its follow-up survey");
  requireAsked(event, p);
  const today = localDate(now, event.timeZone);
  if (today < event.endsOn) throw new AppError("conflict", `The follow-up survey opens when the event has ended (${event.endsOn}).`, [{ path: "participantId", message: "the event has not ended" }]);
  const [before] = await db.select().from(eventFollowUps).where(eq(eventFollowUps.participantId, pid));
  const values = {
    negotiations: input.negotiations !== undefined ? input.negotiations : (before?.negotiations ?? null),
    contracts: input.contracts !== undefined ? input.contracts : (before?.contracts ?? null),
    salesJpy: input.salesJpy !== undefined ? input.salesJpy : (before?.salesJpy ?? null),
    comments: input.comments !== undefined ? input.comments : (before?.comments ?? null),
    answeredAt: now,
    answeredBy: actor.userId,
  };
  await db.insert(eventFollowUps).values({ participantId: pid, eventId, ...values }).onConflictDoUpdate({ target: eventFollowUps.participantId, set: values });
  const source = `events:follow-up/${eventId}/${pid}`;
  await feedMetric(db, access, "contracts", (values.contracts ?? 0) - (before?.contracts ?? 0), today, source);
  await feedMetric(db, access, "sales_jpy", (values.salesJpy ?? 0) - (before?.salesJpy ?? 0), today, source);
  const [after] = await db.select().from(eventFollowUps).where(eq(eventFollowUps.participantId, pid));
  return presentFollowUp(event, p, after, today);
}
