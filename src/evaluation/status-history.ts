/**
 * @module evaluation/status-history
 * An initiative's dated status history: ordered (an undated first event, then by date, events on one
 * date in the order given), checked (an ending needs a date; nothing but planning precedes the start),
 * and read for the current status and the end date (`until`) the assessment and continuity report use.
 * Pure.
 */
import { isValidPartialDate, periodStart } from "../core/dates.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { ENDING_STATUSES, type InitiativeStatus } from "./vocabulary.ts";

export interface StatusEvent {
  status: InitiativeStatus;
  on: string | null;
  reason?: string | null;
  source?: string | null;
}

export interface ResolvedHistory<E extends StatusEvent> {
  events: E[];
  status: InitiativeStatus;
  /** Date of the latest event when it discontinued or completed the initiative; null while it runs. */
  until: string | null;
}

/** Orders and checks the events; throws AppError naming `statusHistory[i].on` (indexes as given). */
export function resolveHistory<E extends StatusEvent>(events: readonly E[], since: string | null | undefined, path = "statusHistory"): ResolvedHistory<E> {
  const errors: FieldError[] = [];
  const undated = events.map((e, i) => (e.on === null ? i : -1)).filter((i) => i >= 0);
  if (undated.length > 1) errors.push({ path: `${path}[${undated[1]}].on`, message: "only the first event may be undated" });
  events.forEach((e, i) => {
    if (e.on === null) {
      if (ENDING_STATUSES.has(e.status)) errors.push({ path: `${path}[${i}].on`, message: `a ${e.status} event needs a date` });
      return;
    }
    if (!isValidPartialDate(e.on)) return;
    if (e.status !== "planned" && since && isValidPartialDate(since) && periodStart(e.on) < periodStart(since)) {
      errors.push({ path: `${path}[${i}].on`, message: `is before the initiative began (since ${since}); only a planned status may precede it` });
    }
  });
  if (errors.length) throw new AppError("validation_failed", `The status history is inconsistent: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      if (a.e.on === null || b.e.on === null) return a.e.on === null ? (b.e.on === null ? a.i - b.i : -1) : 1;
      const x = periodStart(a.e.on);
      const y = periodStart(b.e.on);
      return x < y ? -1 : x > y ? 1 : a.i - b.i;
    })
    .map((x) => x.e);
  const last = ordered[ordered.length - 1]!;
  return { events: ordered, status: last.status, until: ENDING_STATUSES.has(last.status) ? last.on : null };
}

/** The default history: active since the start (undated when the start is unknown). */
export function defaultHistory(since: string | null | undefined): StatusEvent[] {
  return [{ status: "active", on: since ?? null, reason: null, source: null }];
}
