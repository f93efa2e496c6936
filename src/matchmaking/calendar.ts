/**
 * @module matchmaking/calendar
 * The calendar arithmetic of expiries and endorsements, on YYYY-MM-DD days in UTC (the server's "today"
 * decides what has expired). No imports, so the web app uses the same rule to preview a renewal.
 */

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Adds whole months to a YYYY-MM-DD date (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The expiry after renewing by `months`: counted from the current expiry while it is still ahead, from today
 * once it has passed (so renewing a lapsed opportunity gives it the full period from now).
 */
export function renewedExpiry(expiresOn: string, months: number, now: string = today()): string {
  return addMonths(expiresOn > now ? expiresOn : now, months);
}
