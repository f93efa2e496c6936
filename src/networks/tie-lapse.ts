/**
 * @module networks/tie-lapse
 * Lapse alerts: a tie that is signed or active as of a date but has had no recorded activity for
 * `months` whole calendar months. Inactivity is counted from the later of the last activity on or
 * before that date and the day the tie last became signed or active (a tie revived last month is
 * not lapsed because of its quiet years). Dormant and ended ties are already known not to be
 * active, proposed ones have nothing to lapse, so none of them alert.
 */
import type { Bilingual } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { addMonths, isIsoDate, wholeMonthsBetween } from "./iso-date.ts";
import { stateOn, type TieRecord } from "./tie-lifecycle.ts";

export const DEFAULT_LAPSE_MONTHS = 24;

export interface TieActivity {
  tieId: string;
  /** ISO date of an exchange, visit, project meeting… anything recorded against the tie. */
  date: string;
}

export interface LapseOptions {
  /** The day the alerts are computed for (ISO date). */
  asOf: string;
  /** Whole months without activity that raise an alert (default 24). */
  months?: number;
}

export interface LapseAlert {
  tieId: string;
  state: "signed" | "active";
  /** Last activity on or before `asOf`, or null if none was ever recorded. */
  lastActivity: string | null;
  /** The day inactivity is counted from. */
  since: string;
  /** The day the tie crossed the threshold (`since` + months). */
  lapsedOn: string;
  monthsInactive: number;
  message: Bilingual;
}

/** Alerts, the longest-inactive first (then by tie id). */
export function lapseAlerts(ties: readonly TieRecord[], activities: readonly TieActivity[], options: LapseOptions): LapseAlert[] {
  const months = options.months ?? DEFAULT_LAPSE_MONTHS;
  if (!isIsoDate(options.asOf)) {
    throw new AppError("validation_failed", "asOf must be an ISO date", [
      { path: "asOf", message: "must be an ISO date (YYYY-MM-DD)", value: options.asOf },
    ]);
  }
  if (!Number.isInteger(months) || months < 1) {
    throw new AppError("validation_failed", "months must be a whole number of at least 1", [
      { path: "months", message: "must be an integer ≥ 1", value: months },
    ]);
  }
  const last = new Map<string, string>();
  for (const a of activities) {
    if (a.date > options.asOf) continue;
    const seen = last.get(a.tieId);
    if (seen === undefined || a.date > seen) last.set(a.tieId, a.date);
  }

  const alerts: LapseAlert[] = [];
  for (const tie of ties) {
    const state = stateOn(tie, options.asOf);
    if (state !== "signed" && state !== "active") continue;
    const started = tie.history.filter((e) => e.date <= options.asOf && (e.state === "signed" || e.state === "active")).at(-1)!.date;
    const lastActivity = last.get(tie.id) ?? null;
    const since = lastActivity !== null && lastActivity > started ? lastActivity : started;
    const monthsInactive = wholeMonthsBetween(since, options.asOf);
    if (monthsInactive < months) continue;
    alerts.push({
      tieId: tie.id,
      state,
      lastActivity,
      since,
      lapsedOn: addMonths(since, months),
      monthsInactive,
      message: {
        ja:
          lastActivity === null
            ? `${since}以降、活動の記録がありません（${monthsInactive}か月）。`
            : `最後の活動（${lastActivity}）から${monthsInactive}か月、記録がありません。`,
        en:
          lastActivity === null
            ? `No activity recorded since ${since} (${monthsInactive} months).`
            : `No activity recorded for ${monthsInactive} months since the last one on ${lastActivity}.`,
      },
    });
  }
  return alerts.sort((a, b) => b.monthsInactive - a.monthsInactive || (a.tieId < b.tieId ? -1 : a.tieId > b.tieId ? 1 : 0));
}
