/**
 * @module events/sweep.service
 * What happens by the clock, without an organiser clicking: reminders of requests unanswered for the
 * event's `reminderAfterMinutes`, a notice to the sender when a request expired unanswered, and the
 * follow-up survey notices once it is due. The server runs a sweep every minute (events/sweeper) and
 * `renkei events sweep` runs one from cron. Each step claims its rows with a conditional update, so two
 * servers sweeping one PostgreSQL, or a sweep racing an organiser's "send reminders", notify once.
 */
import { and, inArray, ne, sql } from "drizzle-orm";
import type { Database, Executor } from "../db/connection.ts";
import type { EventRow } from "./event-access.ts";
import { eventFollowUps, eventMeetingRequests, eventParticipants, events } from "./events.table.ts";
import { notifyDueFollowUps } from "./follow-up.service.ts";
import { notifyExpired, remindDue } from "./requests.service.ts";

export interface SweepCounts {
  events: number;
  reminders: number;
  expired: number;
  followUps: number;
}

/** `events`: the events that had something outstanding and were looked at. */
export interface SweepReport extends SweepCounts {
  asOf: string;
  /** Events with something sent, by id. */
  byEvent: ({ eventId: string; nameJa: string; nameEn: string } & Omit<SweepCounts, "events">)[];
}

/** The sweep of one event; requests only while meetings can still be arranged. */
export async function sweepEvent(db: Executor, event: EventRow, asOf: Date): Promise<Omit<SweepCounts, "events">> {
  const open = event.status !== "held" && event.status !== "cancelled";
  const reminders = open ? (await remindDue(db, event, asOf)).length : 0;
  const expired = open ? (await notifyExpired(db, event.id, asOf)).length : 0;
  const followUps = event.status !== "cancelled" ? await notifyDueFollowUps(db, event, asOf) : 0;
  return { reminders, expired, followUps };
}

/**
 * Events with something still to send: an open event with a pending request not yet reminded (while it can
 * still be answered) or not yet reported expired, or an event whose survey has an asked participant neither notified nor answered. One
 * query, so the sweep of a database with years of held events costs nothing for them once they are done.
 */
const hasWork = (asOf: Date) => sql`(
  (${events.status} <> 'held' AND EXISTS (
    SELECT 1 FROM ${eventMeetingRequests} r
    WHERE r.event_id = ${events.id} AND r.status = 'pending'
      AND ((r.reminder_sent_at IS NULL AND r.expires_at > ${asOf}) OR r.expiry_notified_at IS NULL)))
  OR EXISTS (
    SELECT 1 FROM ${eventParticipants} p LEFT JOIN ${eventFollowUps} f ON f.participant_id = p.id
    WHERE p.event_id = ${events.id} AND p.status = 'approved' AND p.participant_type = ANY(${events.followUpTypes})
      AND f.notified_at IS NULL AND f.answered_at IS NULL))`;

/** Sweeps the events with work to do (see hasWork), each in its own transaction (one failing event stops no other). */
export async function sweepEvents(database: Database, asOf: Date, eventIds?: string[]): Promise<SweepReport> {
  const rows = await database.db
    .select()
    .from(events)
    .where(and(ne(events.status, "cancelled"), hasWork(asOf), eventIds ? inArray(events.id, eventIds) : undefined))
    .orderBy(events.startsOn);
  const report: SweepReport = { asOf: asOf.toISOString(), events: rows.length, reminders: 0, expired: 0, followUps: 0, byEvent: [] };
  for (const event of rows) {
    const counts = await database.db.transaction((tx) => sweepEvent(tx, event, asOf));
    report.reminders += counts.reminders;
    report.expired += counts.expired;
    report.followUps += counts.followUps;
    if (counts.reminders || counts.expired || counts.followUps) report.byEvent.push({ eventId: event.id, nameJa: event.nameJa, nameEn: event.nameEn, ...counts });
  }
  return report;
}
