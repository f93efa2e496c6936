/**
 * @module events/sweep.service
 * What happens by the clock, without an organiser clicking: reminders of requests unanswered for the
 * event's `reminderAfterMinutes`, a notice to the sender when a request expired unanswered, and the
 * follow-up survey notices once it is due. The server runs a sweep every minute (events/sweeper) and
 * `renkei events sweep` runs one from cron. Each step claims its rows with a conditional update, so two
 * servers sweeping one PostgreSQL, or a sweep racing an organiser's "send reminders", notify once.
 */
import { inArray, ne } from "drizzle-orm";
import type { Database, Executor } from "../db/connection.ts";
import type { EventRow } from "./event-access.ts";
import { events } from "./events.table.ts";
import { notifyDueFollowUps } from "./follow-up.service.ts";
import { notifyExpired, remindDue } from "./requests.service.ts";

export interface SweepCounts {
  events: number;
  reminders: number;
  expired: number;
  followUps: number;
}

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

/** Sweeps every event that is not cancelled, each in its own transaction (one failing event stops no other). */
export async function sweepEvents(database: Database, asOf: Date, eventIds?: string[]): Promise<SweepReport> {
  const rows = await database.db
    .select()
    .from(events)
    .where(eventIds ? inArray(events.id, eventIds) : ne(events.status, "cancelled"))
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
