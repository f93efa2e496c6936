/**
 * @module events/scheduler/ics
 * iCalendar (RFC 5545) output of a schedule: a personal agenda per participant and a whole-event
 * calendar. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; TEXT
 * values are escaped; times are UTC; each meeting's UID is stable (event id + request id), so a
 * re-sent calendar updates the same entries, with SEQUENCE counting revisions.
 */
import type { TInstance } from "./instance.ts";
import type { Meeting } from "./schedule.ts";

export type Lang = "ja" | "en";

const LABELS = {
  meeting: { en: "Meeting", ja: "商談" },
  meetingWith: { en: (who: string) => `Meeting with ${who}`, ja: (who: string) => `${who}との商談` },
  table: { en: (t: string) => `Table ${t}`, ja: (t: string) => `テーブル ${t}` },
  request: { en: "Request", ja: "リクエスト" },
  priority: { en: "Priority", ja: "優先度" },
  agenda: { en: (who: string) => `Agenda: ${who}`, ja: (who: string) => `${who} のアジェンダ` },
  schedule: { en: "Meeting schedule", ja: "商談スケジュール" },
} as const;

export interface IcsOptions {
  /** Stable id of the event; part of every UID. */
  eventId: string;
  eventName?: string;
  venue?: string;
  lang?: Lang;
  /** Host part of UIDs. */
  uidDomain?: string;
  /** Creation time of this calendar (DTSTAMP); pass it for reproducible output. */
  dtstamp?: Date;
  /** Revision number of the schedule (0 first; raise it after rescheduling). */
  sequence?: number;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first physical line holds 75 octets; continuation lines start with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function calendar(name: string, events: string[][]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//renkei//events scheduler//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    ...events.flat(),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

interface Context {
  slots: Map<string, { start: string; end: string }>;
  requests: Map<string, TInstance["requests"][number]>;
  names: Map<string, string>;
  o: Required<Omit<IcsOptions, "eventName" | "venue">> & Pick<IcsOptions, "eventName" | "venue">;
}

function context(instance: TInstance, options: IcsOptions): Context {
  return {
    slots: new Map(instance.slots.map((s) => [s.id, s])),
    requests: new Map(instance.requests.map((r) => [r.id, r])),
    names: new Map(instance.participants.map((p) => [p.id, p.name ?? p.id])),
    o: { lang: "en", uidDomain: "renkei.invalid", dtstamp: new Date(), sequence: 0, ...options },
  };
}

function vevent(c: Context, meeting: Meeting, summary: string): string[] {
  const slot = c.slots.get(meeting.slot);
  const request = c.requests.get(meeting.request);
  if (!slot || !request) throw new Error(`meeting "${meeting.request}" does not belong to this instance`);
  const { lang } = c.o;
  const table = LABELS.table[lang](meeting.tableId ?? String(meeting.table));
  const location = c.o.venue ? `${c.o.venue}, ${table}` : table;
  const description = [
    c.o.eventName,
    `${LABELS.request[lang]}: ${request.id}`,
    `${LABELS.priority[lang]}: ${request.priority}`,
  ].filter((x): x is string => Boolean(x)).join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(`${c.o.eventId}-${meeting.request}`)}@${c.o.uidDomain}`,
    `DTSTAMP:${utcStamp(c.o.dtstamp)}`,
    `DTSTART:${utcStamp(new Date(slot.start))}`,
    `DTEND:${utcStamp(new Date(slot.end))}`,
    `SEQUENCE:${c.o.sequence}`,
    `SUMMARY:${escapeText(summary)}`,
    `LOCATION:${escapeText(location)}`,
    `DESCRIPTION:${escapeText(description)}`,
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** One participant's agenda: their meetings, each titled with the other party. */
export function participantCalendar(instance: TInstance, schedule: { meetings: readonly Meeting[] }, participantId: string, options: IcsOptions): string {
  const c = context(instance, options);
  const who = c.names.get(participantId);
  if (who === undefined) throw new Error(`unknown participant "${participantId}"`);
  const events = schedule.meetings
    .filter((mt) => {
      const r = c.requests.get(mt.request);
      return r && (r.from === participantId || r.to === participantId);
    })
    .map((mt) => {
      const r = c.requests.get(mt.request)!;
      const other = c.names.get(r.from === participantId ? r.to : r.from) ?? "";
      return vevent(c, mt, LABELS.meetingWith[c.o.lang](other));
    });
  return calendar(LABELS.agenda[c.o.lang](who), events);
}

/** The whole event: every meeting, titled with both parties. */
export function eventCalendar(instance: TInstance, schedule: { meetings: readonly Meeting[] }, options: IcsOptions): string {
  const c = context(instance, options);
  const events = schedule.meetings.map((mt) => {
    const r = c.requests.get(mt.request);
    const pair = r ? `${c.names.get(r.from)} – ${c.names.get(r.to)}` : mt.request;
    return vevent(c, mt, `${LABELS.meeting[c.o.lang]}: ${pair}`);
  });
  return calendar(options.eventName ?? LABELS.schedule[c.o.lang], events);
}
