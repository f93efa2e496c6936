/**
 * @module events/time-zone
 * Event times in the event's IANA time zone: validating the zone name, rendering an instant as an
 * ISO-8601 date-time with the local offset (what the scheduler and agendas show), the local date, and
 * generating a session's time slots from its start and end, the meeting length and the breaks. Pure.
 */
import { z } from "zod";

const ZONE_NAME = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+)$/;

/**
 * The name of an IANA time zone as given, or null when it is not one ("+07:00" and "JST" are not). The
 * name is kept rather than ICU's canonical form, which differs between ICU versions (Asia/Kolkata or
 * Asia/Calcutta), so what the organiser typed is what they read back.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

export const ZTimeZone = z
  .string()
  .trim()
  .refine((v) => canonicalTimeZone(v) !== null, { message: "must be an IANA time zone such as Asia/Bangkok or Asia/Tokyo" })
  .transform((v) => canonicalTimeZone(v)!)
  .describe("IANA time zone of the event (e.g. Asia/Bangkok); times are shown with its offset");

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(date)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at this instant. */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const two = (n: number) => String(n).padStart(2, "0");

/** "2026-03-10T10:00:00+07:00": the instant as local time in the zone, with its offset. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  const off = offsetMinutes(date, timeZone);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return `${p.year}-${two(p.month!)}-${two(p.day!)}T${two(p.hour!)}:${two(p.minute!)}:${two(p.second!)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(date: Date, timeZone: string): string {
  return isoInZone(date, timeZone).slice(0, 10);
}

export interface Interval {
  start: Date;
  end: Date;
}

/**
 * Slots of a session: back-to-back meetings of `meetingMinutes`, each followed by `breakMinutes`; a slot
 * that would overlap one of `breaks` (lunch, a plenary) is skipped and the next starts when the break
 * ends. Only whole slots that end by the session's end are made.
 */
export function generateSlots(session: Interval, meetingMinutes: number, breakMinutes: number, breaks: readonly Interval[] = []): Interval[] {
  const slots: Interval[] = [];
  const length = meetingMinutes * 60_000;
  const pause = breakMinutes * 60_000;
  const sorted = [...breaks].sort((a, b) => a.start.getTime() - b.start.getTime());
  let t = session.start.getTime();
  while (t + length <= session.end.getTime()) {
    const end = t + length;
    const clash = sorted.find((b) => b.start.getTime() < end && b.end.getTime() > t);
    if (clash) {
      t = Math.max(t + 1, clash.end.getTime());
      continue;
    }
    slots.push({ start: new Date(t), end: new Date(end) });
    t = end + pause;
  }
  return slots;
}
