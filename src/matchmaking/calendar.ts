/**
 * @module matchmaking/calendar
 * The calendar arithmetic of expiries and endorsements, on YYYY-MM-DD days in UTC (the server's "today"
 * decides what has expired). Only the pure calendar module is imported, so the web app uses the same rule to
 * preview a renewal.
 */

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export { addMonths, daysBetween } from "../core/calendar-days.ts";
import { addMonths } from "../core/calendar-days.ts";

/**
 * The expiry after renewing by `months`: counted from the current expiry while it is still ahead, from today
 * once it has passed (so renewing a lapsed opportunity gives it the full period from now).
 */
export function renewedExpiry(expiresOn: string, months: number, now: string = today()): string {
  return addMonths(expiresOn > now ? expiresOn : now, months);
}
