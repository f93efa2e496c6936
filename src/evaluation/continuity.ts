/**
 * @module evaluation/continuity
 * The leadership-continuity report: for each change of governor or mayor, the initiatives that began and
 * ended in the months around it, with counts — the paper's interviewees' story that "when a new mayor
 * assumes office, existing international policy initiatives may be discontinued". Pure.
 *
 * A change happens on each recorded term's start. The window is [start − w months, start) "before" and
 * [start, start + w months] "after" (w = 12 by default), the same boundaries the assessment's
 * `discontinued_after_leader_change` recommendation uses.
 */
import { z } from "zod";
import { addMonths, formatDay, parsePartialDate, type DayNumber } from "../governance/dates.ts";
import { INITIATIVE_STATUSES, type InitiativeStatus } from "./vocabulary.ts";

export interface ContinuityTerm {
  id: string;
  leaderJa: string;
  leaderEn: string;
  from: string;
  until: string | null;
  backgroundJa: string | null;
  backgroundEn: string | null;
}

export interface ContinuityInitiative {
  id: string;
  nameJa: string;
  nameEn: string;
  since: string | null;
  until: string | null;
  status: InitiativeStatus;
  administrationId: string | null;
}

const ZTermRef = z.object({
  id: z.uuid(),
  leaderJa: z.string(),
  leaderEn: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  backgroundJa: z.string().nullable(),
  backgroundEn: z.string().nullable(),
});
const ZInitiativeRef = z.object({
  id: z.uuid(),
  nameJa: z.string(),
  nameEn: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  status: z.enum(INITIATIVE_STATUSES),
  administrationId: z.uuid().nullable(),
});
const ZSplit = z.object({ before: z.array(ZInitiativeRef), after: z.array(ZInitiativeRef) });
export const ZLeaderChange = z.object({
  administration: ZTermRef.describe("The incoming leader's term"),
  previous: ZTermRef.nullable().describe("The term before it, if recorded"),
  window: z.object({ from: z.string(), change: z.string(), to: z.string() }).describe("Days: window start, the change, window end"),
  began: ZSplit.describe("Initiatives that began in the window, before and after the change"),
  ended: ZSplit.describe("Initiatives that were discontinued or completed in the window"),
  counts: z.object({
    beganBefore: z.number().int(),
    beganAfter: z.number().int(),
    endedBefore: z.number().int(),
    endedAfter: z.number().int(),
    discontinuedAfter: z.number().int().describe("Ended after the change as discontinued (not completed)"),
    endedFromPrevious: z.number().int().describe("Ended after the change having begun before it (or undated)"),
  }),
});
export const ZContinuityReport = z.object({
  organisation: z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string() }),
  windowMonths: z.number().int(),
  changes: z.array(ZLeaderChange),
  totals: z.object({ changes: z.number().int(), beganAfter: z.number().int(), endedAfter: z.number().int(), discontinuedAfter: z.number().int(), endedFromPrevious: z.number().int() }),
});
export type TContinuityReport = z.infer<typeof ZContinuityReport>;
export type TLeaderChange = z.infer<typeof ZLeaderChange>;

const dayOf = (d: string | null): DayNumber | null => (d === null ? null : parsePartialDate(d));

/** The report body (without the organisation): one entry per term, in order of start. */
export function continuityReport(
  terms: readonly ContinuityTerm[],
  items: readonly ContinuityInitiative[],
  windowMonths = 12,
): Omit<TContinuityReport, "organisation"> {
  const ordered = [...terms].sort((a, b) => (dayOf(a.from) ?? 0) - (dayOf(b.from) ?? 0));
  const changes: TLeaderChange[] = ordered.map((term, i) => {
    const change = dayOf(term.from)!;
    const lo = addMonths(change, -windowMonths);
    const hi = addMonths(change, windowMonths);
    const split = (date: (x: ContinuityInitiative) => string | null) => {
      const before: ContinuityInitiative[] = [];
      const after: ContinuityInitiative[] = [];
      for (const x of items) {
        const d = dayOf(date(x));
        if (d === null) continue;
        if (d >= lo && d < change) before.push(x);
        else if (d >= change && d <= hi) after.push(x);
      }
      return { before, after };
    };
    const began = split((x) => x.since);
    const ended = split((x) => x.until);
    return {
      administration: term,
      previous: ordered[i - 1] ?? null,
      window: { from: formatDay(lo), change: formatDay(change), to: formatDay(hi) },
      began,
      ended,
      counts: {
        beganBefore: began.before.length,
        beganAfter: began.after.length,
        endedBefore: ended.before.length,
        endedAfter: ended.after.length,
        discontinuedAfter: ended.after.filter((x) => x.status === "discontinued").length,
        endedFromPrevious: ended.after.filter((x) => x.since === null || (dayOf(x.since) ?? 0) < change).length,
      },
    };
  });
  const sum = (k: keyof TLeaderChange["counts"]) => changes.reduce((n, c) => n + c.counts[k], 0);
  return {
    windowMonths,
    changes,
    totals: { changes: changes.length, beganAfter: sum("beganAfter"), endedAfter: sum("endedAfter"), discontinuedAfter: sum("discontinuedAfter"), endedFromPrevious: sum("endedFromPrevious") },
  };
}
