/**
 * @module networks/reporting-calendar
 * The due dates of a network's reporting obligations (an annual report due each March, a quarterly
 * return…) within a window of days. Pure: the service decides which obligations apply to whom.
 */
import type { Bilingual } from "../core/domain.ts";
import { daysInMonth } from "../core/calendar-days.ts";
import { formatIsoDate } from "./iso-date.ts";

export const OBLIGATION_FREQUENCIES = ["once", "annual", "biennial", "semiannual", "quarterly"] as const;
export type ObligationFrequency = (typeof OBLIGATION_FREQUENCIES)[number];

export const OBLIGATION_FREQUENCY_LABELS: Record<ObligationFrequency, Bilingual> = {
  once: { ja: "一回のみ", en: "Once" },
  annual: { ja: "毎年", en: "Annual" },
  biennial: { ja: "隔年", en: "Every two years" },
  semiannual: { ja: "半年ごと", en: "Every six months" },
  quarterly: { ja: "四半期ごと", en: "Quarterly" },
};

/** Months between two due dates (0: only one). */
const STEP: Record<ObligationFrequency, number> = { once: 0, annual: 12, biennial: 24, semiannual: 6, quarterly: 3 };

export interface ObligationSchedule {
  frequency: ObligationFrequency;
  /** Month of the first due date in each cycle (1–12). */
  dueMonth: number;
  /** Day of the month; null or a day past the month's end means its last day. */
  dueDay: number | null;
  /** Year of the first due date. */
  startYear: number;
  /** Last year a due date may fall in; null for no end. */
  endYear: number | null;
}

/** Due dates (ISO days) of the obligation between `from` and `to`, both inclusive, oldest first. */
export function dueDates(schedule: ObligationSchedule, from: string, to: string): string[] {
  const out: string[] = [];
  const step = STEP[schedule.frequency];
  const lastYear = Math.min(schedule.endYear ?? Number.POSITIVE_INFINITY, Number(to.slice(0, 4)));
  for (let index = schedule.startYear * 12 + (schedule.dueMonth - 1); ; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (year > lastYear) break;
    const last = daysInMonth(year, month);
    const date = formatIsoDate({ year, month, day: schedule.dueDay === null ? last : Math.min(schedule.dueDay, last) });
    if (date > to) break;
    if (date >= from) out.push(date);
    if (step === 0) break;
  }
  return out;
}
