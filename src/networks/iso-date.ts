/**
 * @module networks/iso-date
 * Calendar dates as ISO `YYYY-MM-DD` strings (the form the database and the API use), with the
 * month arithmetic the lapse alerts need. No time zones: a tie's date is a calendar day.
 */

import { addMonths as addCalendarMonths, daysInMonth } from "../core/calendar-days.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses a real calendar date (2023-02-30 is rejected) or returns null. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: unknown): text is string {
  return typeof text === "string" && parseIsoDate(text) !== null;
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  if (!parseIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  return addCalendarMonths(date, months);
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier than a month after `from`). */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not ISO dates: ${from}, ${to}`);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > to) months--;
  return Math.max(0, months);
}
