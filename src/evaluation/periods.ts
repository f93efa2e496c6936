/**
 * @module evaluation/periods
 * The periods KPI measurements are dated by — calendar year `2024`, Japanese fiscal year `FY2024`
 * (1 April 2024 – 31 March 2025, the way prefectures and cities budget and report) and month `2024-05` —
 * with the period a year earlier (for year-on-year change), the period a date falls in, and an order.
 * Pure functions.
 */
import type { PeriodKind } from "./vocabulary.ts";

const YEAR = /^(\d{4})$/;
const FISCAL = /^FY(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/;

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–12 for months; 0 for years and fiscal years. */
  month: number;
}

/** Parses `2024`, `FY2024` or `2024-05`; null otherwise (years 1900–2100). */
export function parsePeriod(text: string): Period | null {
  let m = YEAR.exec(text);
  const inRange = (y: number) => y >= 1900 && y <= 2100;
  if (m) return inRange(Number(m[1])) ? { kind: "year", year: Number(m[1]), month: 0 } : null;
  m = FISCAL.exec(text);
  if (m) return inRange(Number(m[1])) ? { kind: "fiscal_year", year: Number(m[1]), month: 0 } : null;
  m = MONTH.exec(text);
  if (m) return inRange(Number(m[1])) ? { kind: "month", year: Number(m[1]), month: Number(m[2]) } : null;
  return null;
}

export function formatPeriod(p: Period): string {
  if (p.kind === "year") return String(p.year);
  if (p.kind === "fiscal_year") return `FY${p.year}`;
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

export function periodKindOf(text: string): PeriodKind | null {
  return parsePeriod(text)?.kind ?? null;
}

/** The same period one year earlier: 2024 → 2023, FY2024 → FY2023, 2024-05 → 2023-05. */
export function previousYearPeriod(text: string): string | null {
  const p = parsePeriod(text);
  return p ? formatPeriod({ ...p, year: p.year - 1 }) : null;
}

/** A number that orders periods of one kind in time. */
export function periodOrder(text: string): number {
  const p = parsePeriod(text);
  return p ? p.year * 100 + p.month : Number.NaN;
}

/**
 * The period of `kind` that a month or day (`YYYY-MM` or `YYYY-MM-DD`) falls in: 2025-03-10 is 2025,
 * FY2024 and 2025-03. Null when the text is not a month or day.
 */
export function periodOfDate(date: string, kind: PeriodKind): string | null {
  const m = DAY.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (kind === "year") return String(year);
  if (kind === "fiscal_year") return `FY${month >= 4 ? year : year - 1}`;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Example of each kind, for error messages. */
export const PERIOD_EXAMPLES: Record<PeriodKind, string> = { year: "2024", fiscal_year: "FY2024", month: "2024-05" };
