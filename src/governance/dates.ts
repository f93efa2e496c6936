/**
 * @module governance/dates
 * Partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as comparable day numbers. A partial date stands for the
 * first day of its period ("2019" is 2019-01-01, "2019-03" is 2019-03-01), so records dated only by year or
 * month compare with full dates without guessing a day the source never gave.
 */

import { daysInMonth } from "../core/calendar-days.ts";

/** A calendar day encoded as the integer yyyymmdd: ordering of these numbers is ordering of days. */
export type DayNumber = number;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial date to the first day of its period; null when the text is not a real date. */
export function parsePartialDate(text: string): DayNumber | null {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return year * 10000 + month * 100 + day;
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

export function yearOf(day: DayNumber): number {
  return Math.floor(day / 10000);
}

export function endOfYear(year: number): DayNumber {
  return year * 10000 + 1231;
}

/** Moves a day by whole months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const year = yearOf(day);
  const month = Math.floor(day / 100) % 100;
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const mo = (total % 12) + 1;
  const d = Math.min(day % 100, daysInMonth(y, mo));
  return y * 10000 + mo * 100 + d;
}

/** `YYYY-MM-DD` text of a day number. */
export function formatDay(day: DayNumber): string {
  const y = String(yearOf(day)).padStart(4, "0");
  const m = String(Math.floor(day / 100) % 100).padStart(2, "0");
  const d = String(day % 100).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/**
 * Whether a record dated [start, end) is active on `asOf`: started on or before it and not yet ended
 * (an end on `asOf` itself means it no longer counts). A missing start counts as "always was".
 */
export function isActive(start: DayNumber | null, end: DayNumber | null, asOf: DayNumber | null): boolean {
  if (asOf === null) return true;
  return (start === null || start <= asOf) && (end === null || end > asOf);
}
