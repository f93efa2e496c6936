/**
 * @module offices/operations/time-use
 * How an overseas office's staff spend their time: hours logged per person, month and category become
 * per-office monthly and annual shares, and the share spent on office management is set against the 30 % the
 * paper reports for the heads of independent offices ("often spends over 30% of their working hours on office
 * management and staff supervision"). Pure: validation and arithmetic only.
 */
import { z } from "zod";
import { AppError } from "../../core/errors.ts";
import type { FieldError } from "../../core/errors.ts";
import { TIME_CATEGORIES } from "./labels.ts";
import type { TimeCategory } from "./labels.ts";

/** The paper's figure for the management share of an independent office head's working time. */
export const MANAGEMENT_SHARE_BENCHMARK = 0.3;
/** Hours in a 31-day month: no one can log more than this in a month. */
export const MAX_HOURS_PER_PERSON_MONTH = 744;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const ZTimeEntry = z
  .object({
    officeId: z.string().trim().min(1, "must name the office").describe("Overseas office the hours were worked for"),
    staffId: z.string().trim().min(1, "must name the staff member").describe("Staff member who logged the hours"),
    month: z
      .string()
      .regex(MONTH, "must be a month as YYYY-MM (01–12)")
      .describe("Calendar month the hours were worked, YYYY-MM"),
    category: z
      .enum(TIME_CATEGORIES, {
        error: (issue) =>
          issue.input === undefined ? "is required" : `unknown category; expected one of ${TIME_CATEGORIES.join(", ")}`,
      })
      .describe("office_management, one of the four primary functions or one of the other duties"),
    hours: z
      .number({ error: () => "must be a number of hours" })
      .min(0, "must not be negative")
      .max(MAX_HOURS_PER_PERSON_MONTH, `must not exceed ${MAX_HOURS_PER_PERSON_MONTH} h (a 31-day month)`)
      .describe("Hours in the month for this category"),
  })
  .strict();
export type TimeEntry = z.infer<typeof ZTimeEntry>;

/**
 * Validates logged hours, naming every failing field (`entries[3].hours`). Beyond each entry's own checks, a
 * person's hours in one month, summed over categories and offices, may not exceed 744 h.
 */
export function validateTimeEntries(input: unknown, prefix = "entries"): TimeEntry[] {
  if (!Array.isArray(input)) {
    throw new AppError("validation_failed", `${prefix} must be a list of time entries`, [
      { path: prefix, message: "must be a list of time entries" },
    ]);
  }
  const errors: FieldError[] = [];
  const entries: TimeEntry[] = [];
  input.forEach((raw, i) => {
    const parsed = ZTimeEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".");
        const value = field && raw && typeof raw === "object" ? (raw as Record<string, unknown>)[field] : undefined;
        errors.push({
          path: `${prefix}[${i}]${field ? `.${field}` : ""}`,
          message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
          code: issue.code,
          ...(value !== undefined ? { value } : {}),
        });
      }
    } else entries.push(parsed.data);
  });
  if (errors.length === 0) {
    const perPersonMonth = new Map<string, { hours: number; last: number }>();
    entries.forEach((e, i) => {
      const key = `${e.staffId}\u0000${e.month}`;
      const acc = perPersonMonth.get(key) ?? { hours: 0, last: i };
      acc.hours += e.hours;
      acc.last = i;
      perPersonMonth.set(key, acc);
    });
    for (const [key, acc] of perPersonMonth) {
      if (acc.hours > MAX_HOURS_PER_PERSON_MONTH) {
        const [staffId, month] = key.split("\u0000");
        errors.push({
          path: `${prefix}[${acc.last}].hours`,
          message: `${staffId} logged ${acc.hours} h in ${month}, more than the ${MAX_HOURS_PER_PERSON_MONTH} h in a 31-day month`,
          code: "too_big",
          value: acc.hours,
        });
      }
    }
  }
  if (errors.length > 0) {
    throw new AppError(
      "validation_failed",
      `time entries are invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      errors,
    );
  }
  return entries;
}

/** Annual periods: Japanese fiscal years (April–March, "FY2023" = 2023-04..2024-03) or calendar years. */
export type YearBasis = "fiscal" | "calendar";

export interface StaffTimeUse {
  staffId: string;
  totalHours: number;
  managementHours: number;
  managementShare: number;
  atOrAboveBenchmark: boolean;
}

export interface PeriodTimeUse {
  /** "2023-04" for a month; "FY2023" or "2023" for a year. */
  period: string;
  totalHours: number;
  hoursByCategory: Record<TimeCategory, number>;
  /** hours in the category ÷ all hours in the period (0 when nothing was logged). */
  shares: Record<TimeCategory, number>;
  managementShare: number;
  /** managementShare ≥ 0.30, the paper's figure. */
  atOrAboveBenchmark: boolean;
  staff: StaffTimeUse[];
}

export interface OfficeTimeUse {
  officeId: string;
  months: PeriodTimeUse[];
  years: PeriodTimeUse[];
}

export interface TimeUseSummary {
  benchmark: number;
  yearBasis: YearBasis;
  offices: OfficeTimeUse[];
}

/** The year a month belongs to: "FY2023" for 2023-04 … 2024-03, or "2023". */
export function yearOfMonth(month: string, basis: YearBasis): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return basis === "calendar" ? String(year) : `FY${m >= 4 ? year : year - 1}`;
}

function emptyHours(): Record<TimeCategory, number> {
  return Object.fromEntries(TIME_CATEGORIES.map((c) => [c, 0])) as Record<TimeCategory, number>;
}

function summarisePeriod(period: string, entries: TimeEntry[], benchmark: number): PeriodTimeUse {
  const hoursByCategory = emptyHours();
  const byStaff = new Map<string, { total: number; management: number }>();
  for (const e of entries) {
    hoursByCategory[e.category] += e.hours;
    const s = byStaff.get(e.staffId) ?? { total: 0, management: 0 };
    s.total += e.hours;
    if (e.category === "office_management") s.management += e.hours;
    byStaff.set(e.staffId, s);
  }
  const totalHours = TIME_CATEGORIES.reduce((sum, c) => sum + hoursByCategory[c], 0);
  const shares = emptyHours();
  if (totalHours > 0) for (const c of TIME_CATEGORIES) shares[c] = hoursByCategory[c] / totalHours;
  const managementShare = shares.office_management;
  const staff = [...byStaff.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([staffId, s]) => {
      const share = s.total > 0 ? s.management / s.total : 0;
      return {
        staffId,
        totalHours: s.total,
        managementHours: s.management,
        managementShare: share,
        atOrAboveBenchmark: s.total > 0 && share >= benchmark,
      };
    });
  return {
    period,
    totalHours,
    hoursByCategory,
    shares,
    managementShare,
    atOrAboveBenchmark: totalHours > 0 && managementShare >= benchmark,
    staff,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Per office, the hours and shares of each category by month and by year, with the management share against
 * the benchmark. Shares are hours ÷ total hours of the period, unrounded; a period with no hours has shares 0.
 * Validates its input first (see {@link validateTimeEntries}).
 */
export function summariseTimeUse(
  input: unknown,
  options: { yearBasis?: YearBasis; benchmark?: number } = {},
): TimeUseSummary {
  const entries = validateTimeEntries(input);
  const yearBasis = options.yearBasis ?? "fiscal";
  const benchmark = options.benchmark ?? MANAGEMENT_SHARE_BENCHMARK;
  const offices = [...groupBy(entries, (e) => e.officeId)].map(([officeId, list]) => ({
    officeId,
    months: [...groupBy(list, (e) => e.month)].map(([month, es]) => summarisePeriod(month, es, benchmark)),
    years: [...groupBy(list, (e) => yearOfMonth(e.month, yearBasis))].map(([year, es]) =>
      summarisePeriod(year, es, benchmark),
    ),
  }));
  return { benchmark, yearBasis, offices };
}
