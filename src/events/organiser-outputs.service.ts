/**
 * @module events/organiser-outputs.service
 * What the organisers work from: the grid of tables × slots (the drag-to-move view), the participant
 * roster (shared with the PDF list and badges) and its XLSX workbook (exceljs), and the event report —
 * meetings held, no-shows, feedback averages, and the outcomes reported in the follow-up survey.
 */
import ExcelJS from "exceljs";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import { loadManagedEvent, type ParticipantRow } from "./event-access.ts";
import { eventFeedback, eventFollowUps, eventMeetingRequests, eventMeetings, eventParticipants } from "./events.table.ts";
import { dueOn } from "./follow-up.service.ts";
import type { TGrid, TReport } from "./outputs.schema.ts";
import { viewStatus } from "./requests.service.ts";
import { presentSlot, slotRows } from "./sessions.service.ts";
import {
  EVENT_KIND_LABELS,
  FEEDBACK_OUTCOMES,
  MEETING_STATUSES,
  PARTICIPANT_STATUS_LABELS,
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPE_LABELS,
  PARTICIPANT_TYPES,
  REQUEST_VIEW_STATUSES,
  type EventKind,
  type FeedbackOutcome,
  type MeetingStatus,
  type ParticipantStatus,
  type ParticipantType,
} from "./vocabulary.ts";

export async function grid(db: Executor, actor: Actor, eventId: string): Promise<TGrid> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const slots = await slotRows(db, eventId);
  const meetings = await db.select().from(eventMeetings).where(and(eq(eventMeetings.eventId, eventId), ne(eventMeetings.status, "cancelled")));
  const names = new Map((await db.select({ id: eventParticipants.id, name: eventParticipants.name }).from(eventParticipants).where(eq(eventParticipants.eventId, eventId))).map((p) => [p.id, p.name]));
  const cell = (m: (typeof meetings)[number]) => ({
    meetingId: m.id,
    participants: [m.aParticipantId, m.bParticipantId].map((id) => ({ id, name: names.get(id) ?? "" })),
    status: m.status as MeetingStatus,
    fixed: m.fixed,
    priority: m.priority,
  });
  const width = Math.max(event.tableCount, ...slots.map((s) => s.tableCount ?? 0), ...meetings.map((m) => (m.slotId ? (m.tableNo ?? 0) : 0)));
  return {
    revision: event.scheduleRevision,
    tables: Array.from({ length: width }, (_, i) => ({ number: i + 1, name: event.tableNames[i] ?? null })),
    rows: slots.map((s) => {
      const cells: TGrid["rows"][number]["cells"] = Array.from({ length: width }, () => null);
      for (const m of meetings) if (m.slotId === s.id && m.tableNo) cells[m.tableNo - 1] = cell(m);
      return { slot: presentSlot(s, event.timeZone), tables: s.tableCount ?? event.tableCount, cells };
    }),
    unscheduled: meetings.filter((m) => m.status === "planned" && !m.slotId).map(cell),
  };
}

export type OrganisationRow = typeof organisations.$inferSelect;

/** A participant as the organisers' lists show it. */
export interface RosterEntry {
  participant: ParticipantRow;
  org: OrganisationRow | undefined;
  /** Meetings that are not cancelled. */
  meetings: number;
}

/**
 * Every participant of the event in list order (type, then name), with its organisation and meeting count:
 * the one roster behind the XLSX workbook and the PDF list and badges. Access is the caller's to check.
 */
export async function loadParticipantRoster(db: Executor, eventId: string): Promise<RosterEntry[]> {
  const people = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId)).orderBy(eventParticipants.participantType, eventParticipants.name, eventParticipants.id);
  const orgIds = people.map((p) => p.orgId).filter((id): id is string => id !== null);
  const orgs = new Map(orgIds.length ? (await db.select().from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]) : []);
  const meetings = await db.select().from(eventMeetings).where(and(eq(eventMeetings.eventId, eventId), ne(eventMeetings.status, "cancelled")));
  const counts = new Map<string, number>();
  for (const m of meetings) for (const id of [m.aParticipantId, m.bParticipantId]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return people.map((p) => ({ participant: p, org: p.orgId ? orgs.get(p.orgId) : undefined, meetings: counts.get(p.id) ?? 0 }));
}

/** A workbook with the participant list and a badge sheet (one badge per approved participant). */
export async function participantsWorkbook(db: Executor, actor: Actor, eventId: string): Promise<{ file: Buffer; name: string }> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const roster = await loadParticipantRoster(db, eventId);
  const book = new ExcelJS.Workbook();
  book.creator = "renkei";
  const list = book.addWorksheet("参加者 Participants");
  list.addRow(["番号 No.", "名前 Name", "組織 Organisation", "区分 Type", "状態 Status", "担当者 Contact", "メール E-mail", "国 Country", "商談数 Meetings"]).font = { bold: true };
  roster.forEach(({ participant: p, org, meetings }, i) => {
    const type = PARTICIPANT_TYPE_LABELS[p.participantType as ParticipantType];
    const status = PARTICIPANT_STATUS_LABELS[p.status as ParticipantStatus];
    list.addRow([i + 1, p.name, org ? `${org.nameJa} / ${org.nameEn}` : "", `${type.ja} / ${type.en}`, `${status.ja} / ${status.en}`, p.contactName ?? "", p.contactEmail ?? "", p.country ?? "", meetings]);
  });
  list.views = [{ state: "frozen", ySplit: 1 }];
  [6, 30, 40, 28, 24, 20, 30, 8, 10].forEach((w, i) => (list.getColumn(i + 1).width = w));
  const badges = book.addWorksheet("名札 Badges");
  badges.getColumn(1).width = 60;
  const kind = EVENT_KIND_LABELS[event.kind as EventKind];
  for (const { participant: p, org } of roster.filter((x) => x.participant.status === "approved")) {
    const type = PARTICIPANT_TYPE_LABELS[p.participantType as ParticipantType];
    badges.addRow([`${event.nameJa} / ${event.nameEn} (${kind.ja} / ${kind.en})`]).font = { size: 9 };
    badges.addRow([p.contactName ?? p.name]).font = { size: 20, bold: true };
    badges.addRow([org ? `${org.nameJa} / ${org.nameEn}` : p.name]).font = { size: 14 };
    badges.addRow([`${type.ja} / ${type.en}${p.country ? ` · ${p.country}` : ""}`]).font = { size: 12, italic: true };
    badges.addRow([]);
  }
  return { file: Buffer.from(await book.xlsx.writeBuffer()), name: `participants-${event.id}.xlsx` };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const round = (x: number) => Math.round(x * 100) / 100;

export async function report(db: Executor, actor: Actor, eventId: string, now: Date): Promise<TReport> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const people = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId));
  const participants = Object.fromEntries(PARTICIPANT_TYPES.map((t) => [t, zeros(PARTICIPANT_STATUSES)])) as TReport["participants"];
  for (const p of people) participants[p.participantType as ParticipantType][p.status as ParticipantStatus]++;
  const requests = zeros(REQUEST_VIEW_STATUSES);
  for (const r of await db.select().from(eventMeetingRequests).where(eq(eventMeetingRequests.eventId, eventId))) requests[viewStatus(r, now)]++;
  const meetingRows = await db.select().from(eventMeetings).where(eq(eventMeetings.eventId, eventId));
  const meetings = { ...zeros(MEETING_STATUSES), placed: 0 };
  for (const m of meetingRows) {
    meetings[m.status as MeetingStatus]++;
    if (m.status === "planned" && m.slotId) meetings.placed++;
  }
  const live = meetingRows.filter((m) => m.status !== "cancelled");
  const approved = people.filter((p) => p.status === "approved");
  const withoutMeeting = approved.filter((p) => {
    const mine = live.filter((m) => m.aParticipantId === p.id || m.bParticipantId === p.id);
    return mine.length > 0 && !mine.some((m) => m.slotId || m.status === "held");
  }).length;
  const ids = meetingRows.map((m) => m.id);
  const feedback = ids.length ? await db.select().from(eventFeedback).where(inArray(eventFeedback.meetingId, ids)) : [];
  const outcomes = zeros(FEEDBACK_OUTCOMES);
  const byType = new Map<string, number[]>();
  for (const f of feedback) {
    outcomes[f.outcome as FeedbackOutcome]++;
    const type = people.find((p) => p.id === f.participantId)?.participantType ?? "seller";
    byType.set(type, [...(byType.get(type) ?? []), f.rating]);
  }
  const avg = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const follow = await db.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, eventId));
  const answered = follow.filter((f) => f.answeredAt);
  return {
    participants,
    requests,
    meetings,
    participantsWithoutMeeting: withoutMeeting,
    feedback: {
      answers: feedback.length,
      averageRating: feedback.length ? avg(feedback.map((f) => f.rating)) : null,
      averageRatingByType: Object.fromEntries([...byType].map(([t, xs]) => [t, avg(xs)])),
      outcomes,
    },
    followUp: {
      dueOn: dueOn(event),
      asked: approved.filter((p) => event.followUpTypes.includes(p.participantType)).length,
      answered: answered.length,
      negotiations: answered.reduce((s, f) => s + (f.negotiations ?? 0), 0),
      contracts: answered.reduce((s, f) => s + (f.contracts ?? 0), 0),
      salesJpy: answered.reduce((s, f) => s + (f.salesJpy ?? 0), 0),
    },
    schedule: event.scheduleSummary ?? null,
  };
}
