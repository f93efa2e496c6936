/**
 * @module governance/profile.schema
 * The assessment's contract as zod schemas: the profile it reads (strict — an unknown field is an error
 * naming its path) and the assessment it returns. CLI, API and web share these.
 */
import { z } from "zod";
import {
  FOCUS_AREAS,
  GOVERNANCE_DIMENSIONS,
  GOVERNANCE_STAGES,
  KPI_HORIZONS,
  LOCAL_GOVERNMENT_KINDS,
  LOGIC_MODEL_LEVELS,
  OFFICE_FUNCTIONS,
  OFFICE_MODELS,
  STRATEGY_PILLARS,
  TIE_KINDS,
  TIE_PURPOSES,
} from "../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import { parsePartialDate } from "./dates.ts";
import { OFFICE_HOSTS, PARTNER_ROLES, RECOMMENDATION_AREAS, RECOMMENDATION_CODES } from "./vocabulary.ts";

export const ZPartialDate = z
  .string()
  .refine((s) => parsePartialDate(s) !== null, { message: "expected a real date as YYYY, YYYY-MM or YYYY-MM-DD" })
  .describe("A date as YYYY, YYYY-MM or YYYY-MM-DD; a partial date means the first day of its period");

const ZOptionalDate = ZPartialDate.nullish();

export const ZBilingual = z.strictObject({
  ja: z.string().min(1).describe("Japanese text"),
  en: z.string().min(1).describe("English text"),
});

export const ZProfileOffice = z.strictObject({
  name: z.string().min(1).optional().describe("Office name"),
  city: z.string().min(1).describe("City where the office is (e.g. Singapore, Bangkok)"),
  country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as SG").optional(),
  operationalModel: z.enum(OFFICE_MODELS).describe("How the office is run"),
  hostedBy: z.enum(OFFICE_HOSTS).optional().describe("For a hosted one-person office: the host organisation"),
  partners: z.array(z.string().min(1)).optional().describe("Co-operators of a joint office (regional bank, …)"),
  functions: z.array(z.enum(OFFICE_FUNCTIONS)).optional().describe("Which of the four primary functions it performs"),
  focusAreas: z.array(z.enum(FOCUS_AREAS)).optional(),
  opened: ZOptionalDate.describe("When the office opened (or took this operational model)"),
  closed: ZOptionalDate.describe("When it closed or changed model; null while open"),
  managementShare: z.number().min(0).max(1).nullish().describe("Share of the head's time spent on office management"),
});

export const ZProfileTie = z.strictObject({
  kind: z.enum(TIE_KINDS),
  partner: z.string().min(1).describe("The other party (city, network, organisation)"),
  purposes: z.array(z.enum(TIE_PURPOSES)).optional(),
  since: ZOptionalDate,
  until: ZOptionalDate,
});

export const ZProfileInitiative = z.strictObject({
  name: z.string().min(1),
  purposes: z.array(z.enum(TIE_PURPOSES)).optional(),
  partners: z
    .array(z.strictObject({ name: z.string().min(1), role: z.enum(PARTNER_ROLES) }))
    .optional()
    .describe("Partners; `contractor` for a party paid to deliver, `partner` for a collaborator"),
  pillar: z.enum(STRATEGY_PILLARS).optional(),
  theme: z.string().min(1).optional(),
  since: ZOptionalDate,
  until: ZOptionalDate.describe("When it ended (discontinued or completed); null while running"),
});

export const ZProfileKpi = z.strictObject({
  name: z.string().min(1),
  level: z.enum(LOGIC_MODEL_LEVELS).describe("Logic-model level"),
  horizon: z.enum(KPI_HORIZONS).optional(),
  pillar: z.enum(STRATEGY_PILLARS).optional(),
  since: ZOptionalDate.describe("When the KPI was adopted (optional; without it the KPI counts at every date)"),
  until: ZOptionalDate.describe("When it was dropped"),
});

export const ZProfileAdministration = z.strictObject({
  leader: z.string().min(1).describe("Governor or mayor"),
  from: ZPartialDate,
  until: ZOptionalDate,
  background: z.string().min(1).optional().describe("E.g. former METI official"),
});

export const ZProfilePerson = z.strictObject({
  ref: z.string().min(1).describe("An opaque or anonymised staff reference"),
  overseasPostings: z.number().int().min(0).describe("Number of overseas postings and dispatches held"),
  currentPostInternational: z.boolean().describe("Whether the current post is international work"),
  since: ZOptionalDate.describe("Since when the person holds the current post"),
});

const profileShape = z.strictObject({
  actor: z.strictObject({
    name: z.string().min(1),
    kind: z.enum(LOCAL_GOVERNMENT_KINDS),
    code: z.string().regex(/^\d{6}$/, "expected a 6-digit local government code").optional(),
  }),
  offices: z.array(ZProfileOffice).optional(),
  ties: z.array(ZProfileTie).optional(),
  initiatives: z.array(ZProfileInitiative).optional(),
  kpis: z.array(ZProfileKpi).optional(),
  administrations: z.array(ZProfileAdministration).optional(),
  people: z.array(ZProfilePerson).optional(),
});

function orderCheck(
  ctx: z.RefinementCtx,
  start: string | null | undefined,
  end: string | null | undefined,
  path: (string | number)[],
  startName: string,
): void {
  if (!start || !end) return;
  const s = parsePartialDate(start);
  const e = parsePartialDate(end);
  if (s !== null && e !== null && e < s) ctx.addIssue({ code: "custom", path, message: `is before ${startName} (${start})` });
}

/** The profile an assessment reads. Every array is optional; unknown fields are rejected. */
export const ZAssessmentProfile = profileShape.superRefine((p, ctx) => {
  p.offices?.forEach((o, i) => {
    orderCheck(ctx, o.opened, o.closed, ["offices", i, "closed"], "opened");
    if (o.hostedBy !== undefined && o.operationalModel !== "hosted") {
      ctx.addIssue({ code: "custom", path: ["offices", i, "hostedBy"], message: "only a hosted office has a host" });
    }
  });
  p.ties?.forEach((t, i) => orderCheck(ctx, t.since, t.until, ["ties", i, "until"], "since"));
  p.initiatives?.forEach((t, i) => orderCheck(ctx, t.since, t.until, ["initiatives", i, "until"], "since"));
  p.kpis?.forEach((t, i) => orderCheck(ctx, t.since, t.until, ["kpis", i, "until"], "since"));
  p.administrations?.forEach((a, i) => orderCheck(ctx, a.from, a.until, ["administrations", i, "until"], "from"));
});
export type TAssessmentProfile = z.infer<typeof ZAssessmentProfile>;

/**
 * Validates unknown input as a profile or throws `AppError("validation_failed")` whose errors name each
 * failing field (`offices[0].operationalModel`); an unknown field is reported at its own path.
 */
export function parseAssessmentProfile(input: unknown, prefix = ""): TAssessmentProfile {
  const result = ZAssessmentProfile.safeParse(input);
  if (result.success) return result.data;
  const errors = fieldErrorsFromZod(result.error, prefix);
  const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
  throw new AppError("validation_failed", `assessment profile is invalid: ${detail}`, errors);
}

const ZStage = z.enum(GOVERNANCE_STAGES);

export const ZEvidence = z.object({
  ref: z.string().describe("Path of the record in the profile, e.g. offices[0], ties[3].purposes[1], initiatives[1].partners"),
  stage: ZStage,
  rule: z.string().describe("Id of the model rule that placed the record"),
  why: ZBilingual,
});

export const ZDimensionVerdict = z.object({
  stage: ZStage.nullable().describe("Stage with the largest share (ties to the earlier stage); null without evidence"),
  shares: z.record(ZStage, z.number().min(0).max(1)).describe("Fraction of the evidence items per stage"),
  evidence: z.array(ZEvidence),
});

export const ZRecommendation = z.object({
  area: z.enum(RECOMMENDATION_AREAS),
  code: z.enum(RECOMMENDATION_CODES),
  evidence: z.array(z.string()).describe("Refs of the records behind the recommendation"),
  text: ZBilingual,
});

export const ZAssessment = z.object({
  modelVersion: z.string().describe("Version of the governance model that produced the assessment"),
  asOf: z.string().nullable().describe("YYYY-MM-DD the assessment is taken at; null = every record counts"),
  stage: ZStage.nullable().describe("Most frequent stage among dimensions with a stage (ties to the earlier)"),
  dimensions: z.record(z.enum(GOVERNANCE_DIMENSIONS), ZDimensionVerdict),
  recommendations: z.array(ZRecommendation),
});
export type TAssessment = z.infer<typeof ZAssessment>;
export type TDimensionVerdict = z.infer<typeof ZDimensionVerdict>;
export type TEvidence = z.infer<typeof ZEvidence>;
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZTimelinePoint = z.object({ year: z.number().int(), asOf: z.string(), assessment: ZAssessment });
export const ZAssessmentTimeline = z.object({
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(ZTimelinePoint),
});
export type TAssessmentTimeline = z.infer<typeof ZAssessmentTimeline>;

// The light timeline (`detail=summary`): the verdicts and shares of every year without the evidence lists,
// about a fifth of the full payload; a reader asks for one year's full assessment when they open it.
export const ZDimensionSummary = z.object({
  stage: ZStage.nullable().describe("As in the full assessment"),
  shares: z.record(ZStage, z.number().min(0).max(1)).describe("As in the full assessment (unrounded)"),
  evidenceCount: z.number().int().min(0).describe("How many evidence items the full assessment lists"),
});
export const ZTimelineSummaryPoint = z.object({
  year: z.number().int(),
  asOf: z.string().describe("YYYY-MM-DD the year is assessed at (31 December, or `to` for the last year)"),
  stage: ZStage.nullable().describe("The overall stage"),
  dimensions: z.record(z.enum(GOVERNANCE_DIMENSIONS), ZDimensionSummary),
  recommendations: z.array(z.enum(RECOMMENDATION_CODES)).describe("Codes of the recommendations that year (texts and evidence in the full assessment)"),
});
export const ZAssessmentTimelineSummary = z.object({
  modelVersion: z.string().describe("Version of the governance model that produced every point"),
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(ZTimelineSummaryPoint),
});
export type TAssessmentTimelineSummary = z.infer<typeof ZAssessmentTimelineSummary>;
export type TTimelineSummaryPoint = z.infer<typeof ZTimelineSummaryPoint>;
