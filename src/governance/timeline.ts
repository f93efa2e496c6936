/**
 * @module governance/timeline
 * The assessment at the end of every year, so the transformation the paper describes (from sister cities
 * and directly operated offices towards networks and joint offices) shows per government. The profile is
 * prepared once; each year only filters by date. The summary keeps each year's verdicts and shares and
 * drops the evidence, for readers who only draw the years.
 */
import { AppError } from "../core/errors.ts";
import { endOfYear, parsePartialDate, yearOf, type DayNumber } from "./dates.ts";
import { assessPrepared } from "./assessment.ts";
import { compileModel, type TGovernanceModel } from "./model.ts";
import { prepareProfile } from "./prepare.ts";
import { GOVERNANCE_DIMENSIONS } from "../core/domain.ts";
import type { TAssessment, TAssessmentProfile, TAssessmentTimeline, TAssessmentTimelineSummary, TTimelineSummaryPoint } from "./profile.schema.ts";

/** A timeline longer than this is refused rather than computed (a typo such as year 1025 would otherwise cost). */
export const MAX_TIMELINE_YEARS = 300;

export interface TimelineOptions {
  /** First year; defaults to the year of the earliest date in the profile (or `to` when nothing is dated). */
  from?: number;
  /** Last year, or a date: the last point is then taken on that date instead of 31 December. */
  to: number | string;
}

function badInput(path: string, message: string, value: unknown): AppError {
  return new AppError("validation_failed", `${path}: ${message}`, [{ path, message, value }]);
}

/** The assessment on 31 December of every year from `from` to `to` (the last one on `to` if it is a date). */
export function assessTimeline(profile: TAssessmentProfile, model: TGovernanceModel, options: TimelineOptions): TAssessmentTimeline {
  let toYear: number;
  let lastDay: DayNumber;
  if (typeof options.to === "number") {
    if (!Number.isInteger(options.to) || options.to < 1000 || options.to > 9999) throw badInput("to", "expected a year", options.to);
    toYear = options.to;
    lastDay = endOfYear(toYear);
  } else {
    const day = parsePartialDate(options.to);
    if (day === null) throw badInput("to", "expected a year or a date as YYYY, YYYY-MM or YYYY-MM-DD", options.to);
    toYear = yearOf(day);
    lastDay = day;
  }
  const prepared = prepareProfile(profile, compileModel(model));
  const from = options.from ?? Math.min(prepared.earliestYear ?? toYear, toYear);
  if (!Number.isInteger(from) || from > toYear) throw badInput("from", `expected a year no later than ${toYear}`, options.from);
  if (toYear - from + 1 > MAX_TIMELINE_YEARS) throw badInput("from", `a timeline covers at most ${MAX_TIMELINE_YEARS} years`, from);
  const points: TAssessmentTimeline["points"] = [];
  for (let year = from; year <= toYear; year++) {
    const day = year === toYear ? lastDay : endOfYear(year);
    const assessment = assessPrepared(prepared, day);
    points.push({ year, asOf: assessment.asOf as string, assessment });
  }
  return { from, to: toYear, points };
}

/** One assessment without its evidence: the stages, the shares, how much evidence, the recommendations' codes. */
export function summariseAssessment(year: number, asOf: string, assessment: TAssessment): TTimelineSummaryPoint {
  const dimensions = Object.fromEntries(
    GOVERNANCE_DIMENSIONS.map((dim) => {
      const v = assessment.dimensions[dim];
      return [dim, { stage: v.stage, shares: v.shares, evidenceCount: v.evidence.length }];
    }),
  ) as TTimelineSummaryPoint["dimensions"];
  return { year, asOf, stage: assessment.stage, dimensions, recommendations: assessment.recommendations.map((r) => r.code) };
}

/** The timeline without evidence lists (`detail=summary`); `modelVersion` is stated once instead of per year. */
export function summariseTimeline(timeline: TAssessmentTimeline, modelVersion: string): TAssessmentTimelineSummary {
  return { modelVersion, from: timeline.from, to: timeline.to, points: timeline.points.map((p) => summariseAssessment(p.year, p.asOf, p.assessment)) };
}
