/**
 * @module web/pages/offices-ops/time-use-chart-model
 * Geometry of the time-use chart: each month's hours as shares stacked to 100 %, office management at the
 * bottom (it is the share set against the paper's 30 %), then the four primary functions and the other duties
 * in their usual order. Pure.
 */
import { TIME_CATEGORIES, type TimeCategory } from "./labels.ts";

export interface Segment {
  category: TimeCategory;
  hours: number;
  /** Shares 0–1: where the segment starts and ends. */
  from: number;
  to: number;
}

/** A month's segments (categories without hours are left out); none when nothing was logged. */
export function stackMonth(hoursByCategory: Record<string, number>): Segment[] {
  const total = TIME_CATEGORIES.reduce((s, c) => s + (hoursByCategory[c] ?? 0), 0);
  if (total <= 0) return [];
  const out: Segment[] = [];
  let at = 0;
  for (const category of TIME_CATEGORIES) {
    const hours = hoursByCategory[category] ?? 0;
    if (hours <= 0) continue;
    const share = hours / total;
    out.push({ category, hours, from: at, to: at + share });
    at += share;
  }
  const last = out.at(-1);
  if (last) last.to = 1;
  return out;
}

/** Categories that have hours in any of the periods, in the stacking order (for the legend). */
export function categoriesUsed(periods: ReadonlyArray<{ hoursByCategory: Record<string, number> }>): TimeCategory[] {
  return TIME_CATEGORIES.filter((c) => periods.some((p) => (p.hoursByCategory[c] ?? 0) > 0));
}

/** `2024-04` → year and month numbers. */
export function splitMonth(period: string): { year: number; month: number } {
  const [y, m] = period.split("-").map(Number);
  return { year: y ?? 0, month: m ?? 1 };
}

/** Whether a month's label should carry its year: the first month shown, and every January. */
export function showsYear(periods: readonly string[], index: number): boolean {
  return index === 0 || splitMonth(periods[index] ?? "").month === 1;
}
