/**
 * @module core/dates
 * Partial dates — `YYYY`, `YYYY-MM` or `YYYY-MM-DD` — as the paper and public sources give them. A partial
 * date stands for the first day of its period when compared (2013-06 ≤ 2013-06-03).
 */
import { z } from "zod";

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12) return false;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The first day of the period, as YYYY-MM-DD, so partial dates compare as strings. */
export function periodStart(value: string): string {
  const m = PARTIAL.exec(value);
  if (!m) throw new Error(`not a partial date: ${value}`);
  return `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
}

export const ZPartialDate = z
  .string()
  .refine(isValidPartialDate, { message: "must be a date as YYYY, YYYY-MM or YYYY-MM-DD" })
  .describe("A date as YYYY, YYYY-MM or YYYY-MM-DD (partial dates stand for the first day of the period)");
