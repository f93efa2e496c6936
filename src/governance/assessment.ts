/**
 * @module governance/assessment
 * The assessment engine: places an actor on each of Table 3's six dimensions from its recorded data, with
 * the evidence behind each verdict, an overall stage and recommendations. Pure — the model and profile are
 * passed in.
 */
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceStage } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { formatDay, isActive, parsePartialDate, type DayNumber } from "./dates.ts";
import { compileModel, type TGovernanceModel } from "./model.ts";
import { prepareProfile, type PreparedProfile } from "./prepare.ts";
import type { TAssessment, TAssessmentProfile, TDimensionVerdict, TEvidence } from "./profile.schema.ts";
import { recommend } from "./recommendations.ts";

export interface AssessOptions {
  /** Only records active on this date count (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; partial = first day). */
  asOf?: string | null;
}

/** The index of the largest count; equal counts go to the earlier index (the earlier stage). */
function argmaxEarliest(counts: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if ((counts[i] ?? 0) > (counts[best] ?? 0)) best = i;
  return best;
}

export function parseAsOf(asOf: string | null | undefined, path = "asOf"): DayNumber | null {
  if (asOf === null || asOf === undefined) return null;
  const day = parsePartialDate(asOf);
  if (day === null) {
    throw new AppError("validation_failed", `${path}: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD`, [
      { path, message: "expected a real date as YYYY, YYYY-MM or YYYY-MM-DD", value: asOf },
    ]);
  }
  return day;
}

/** Assesses a prepared profile at a day (null: every record counts). */
export function assessPrepared(p: PreparedProfile, asOf: DayNumber | null): TAssessment {
  const lists: TEvidence[][] = GOVERNANCE_DIMENSIONS.map(() => []);
  const counts: number[][] = GOVERNANCE_DIMENSIONS.map(() => [0, 0, 0]);
  for (const e of p.evidence) {
    if (!isActive(e.start, e.end, asOf)) continue;
    lists[e.dimensionIndex]!.push(e.item);
    counts[e.dimensionIndex]![e.stageIndex]!++;
  }
  const stageVotes = [0, 0, 0];
  const dimensions = {} as Record<(typeof GOVERNANCE_DIMENSIONS)[number], TDimensionVerdict>;
  GOVERNANCE_DIMENSIONS.forEach((dim, d) => {
    const c = counts[d]!;
    const total = c[0]! + c[1]! + c[2]!;
    let stage: GovernanceStage | null = null;
    if (total > 0) {
      const s = argmaxEarliest(c);
      stage = GOVERNANCE_STAGES[s]!;
      stageVotes[s]!++;
    }
    const shares = {} as Record<GovernanceStage, number>;
    GOVERNANCE_STAGES.forEach((st, i) => (shares[st] = total === 0 ? 0 : c[i]! / total));
    dimensions[dim] = { stage, shares, evidence: lists[d]! };
  });
  const anyStage = stageVotes.some((v) => v > 0);
  return {
    modelVersion: p.compiled.model.version,
    asOf: asOf === null ? null : formatDay(asOf),
    stage: anyStage ? GOVERNANCE_STAGES[argmaxEarliest(stageVotes)]! : null,
    dimensions,
    recommendations: recommend(p, asOf),
  };
}

/**
 * Places a validated profile on Table 3 under `model`. Validate untrusted input with
 * `parseAssessmentProfile` first; a bad date still fails here with `AppError("validation_failed")`.
 */
export function assess(profile: TAssessmentProfile, model: TGovernanceModel, options: AssessOptions = {}): TAssessment {
  const asOf = parseAsOf(options.asOf);
  return assessPrepared(prepareProfile(profile, compileModel(model)), asOf);
}
