/**
 * @module web/pages/events/time
 * Event times as the reader expects them: slots and sessions in the event's own time zone (where the
 * meeting happens), written in the reader's language, with the zone named; event days as local dates.
 * Pure functions (tested in time.test.ts).
 */
import type { Locale } from "../../../core/domain.ts";

const BCP47: Record<Locale, string> = { ja: "ja-JP", en: "en-GB" };

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** The day of an instant in the event's zone, e.g. 2026年3月10日(火) · Tue 10 March 2026. */
export function formatDay(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BCP47[locale], { timeZone: safeZone(timeZone), year: "numeric", month: "long", day: "numeric", weekday: "short" }).format(date);
}

/** The local date key (YYYY-MM-DD) of an instant in the event's zone, for grouping slots by day. */
export function dayKey(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return new Intl.DateTimeFormat("en-CA", { timeZone: safeZone(timeZone), year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** A time of day in the event's zone, 24-hour: 10:00. */
export function formatTime(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(BCP47[locale], { timeZone: safeZone(timeZone), hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

/** 10:00–10:20 in the event's zone. */
export function formatTimeRange(start: string, end: string, timeZone: string, locale: Locale): string {
  return `${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)}`;
}

/** A slot in full: day, time range, in the event's zone. */
export function formatSlot(start: string, end: string, timeZone: string, locale: Locale): string {
  return `${formatDay(start, timeZone, locale)} ${formatTimeRange(start, end, timeZone, locale)}`;
}

/** The zone's offset at an instant, e.g. "GMT+7", shown beside the zone name. */
export function zoneOffset(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const part = new Intl.DateTimeFormat("en-GB", { timeZone: safeZone(timeZone), timeZoneName: "shortOffset" }).formatToParts(date).find((p) => p.type === "timeZoneName");
  return part?.value ?? "";
}

/** Groups items by the local day of their start, keeping order. */
export function groupByDay<T>(items: readonly T[], start: (item: T) => string, timeZone: string): { day: string; first: string; items: T[] }[] {
  const groups: { day: string; first: string; items: T[] }[] = [];
  for (const item of items) {
    const day = dayKey(start(item), timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, first: start(item), items: [item] });
  }
  return groups;
}

/** The gap between bound and objective as a share (0 when the bound is 0). */
export function gapShare(objective: number, bound: number): number {
  if (bound <= 0) return 0;
  return Math.max(0, (bound - objective) / bound);
}

/** A zone's offset from UTC in minutes at an instant (e.g. 420 for Asia/Bangkok). */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * A local day and time of day in the event's zone as an ISO-8601 instant with that zone's offset:
 * ("2026-03-10", "10:00", "Asia/Bangkok") → "2026-03-10T10:00:00+07:00". Null when the day or time cannot be read.
 */
export function zonedInstant(day: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const zone = safeZone(timeZone);
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  let offset = offsetMinutes(wall, zone);
  offset = offsetMinutes(wall - offset * 60000, zone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d[1]}-${d[2]}-${d[3]}T${pad(h)}:${t[2]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
