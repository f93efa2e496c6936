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
