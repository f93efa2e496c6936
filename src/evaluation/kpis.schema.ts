/**
 * @module evaluation/kpis.schema
 * Schemas of KPIs on the logic model (input → activity → output → outcome → impact), their measurements
 * per period, the metric link's input and the KPI dashboard.
 */
import { z } from "zod";
import { KPI_HORIZONS, LOGIC_MODEL_LEVELS, STRATEGY_PILLARS } from "../core/domain.ts";
import { isValidPartialDate, ZPartialDate } from "../core/dates.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { accessFields, accessOutput, optionalText, text, withoutDefaults } from "../core/schema-fields.ts";
import { endsAfter } from "./evaluation.schema.ts";
import { parsePeriod, PERIOD_EXAMPLES } from "./periods.ts";
import { KPI_DIRECTIONS, KPI_UNITS, KPI_WARNINGS, METRICS, PERIOD_KINDS, type PeriodKind } from "./vocabulary.ts";

export const ZPeriod = z
  .string()
  .trim()
  .refine((s) => parsePeriod(s) !== null, { message: "must be a year (2024), a fiscal year (FY2024) or a month (2024-05)" })
  .describe("A period: calendar year YYYY, Japanese fiscal year FYYYYY (April–March) or month YYYY-MM");

export const ZTarget = z.strictObject({
  value: z.number().finite().describe("Target value, in the KPI's unit"),
  period: ZPeriod.describe("The period by which (or in which) the value is to be reached"),
});

const kpiFields = {
  ownerOrgId: z.uuid().describe("The organisation that measures it"),
  officeId: z.uuid().nullable().optional().describe("The overseas office it measures (owned or co-owned by the owner)"),
  initiativeId: z.uuid().nullable().optional().describe("The initiative it measures (owned by, or a partner of, the owner)"),
  nameJa: text(300, "Name in Japanese"),
  nameEn: text(300, "Name in English (unique per owner; imports name KPIs by it)"),
  level: z.enum(LOGIC_MODEL_LEVELS).describe("Logic-model level"),
  horizon: z.enum(KPI_HORIZONS).describe("short- or long-term"),
  unit: z.enum(KPI_UNITS).describe("Unit of the values"),
  direction: z.enum(KPI_DIRECTIONS).default("increase").describe("Whether higher or lower values are better"),
  periodKind: z.enum(PERIOD_KINDS).default("year").describe("How measurements are dated: year (2024), fiscal_year (FY2024) or month (2024-05)"),
  target: ZTarget.nullable().optional().describe("The target, if one is set"),
  pillar: z.enum(STRATEGY_PILLARS).nullable().optional().describe("The strategy pillar it serves"),
  metric: z.enum(METRICS).nullable().optional().describe("What it counts, so other capabilities' outcomes (matchmaking) add to it"),
  since: ZPartialDate.nullable().optional().describe("When the KPI was adopted"),
  until: ZPartialDate.nullable().optional().describe("When it was dropped"),
};

function kpiRules(k: { periodKind?: PeriodKind; target?: { period: string } | null; since?: string | null; until?: string | null }, ctx: z.RefinementCtx): void {
  if (k.periodKind && k.target) {
    const p = parsePeriod(k.target.period);
    if (p && p.kind !== k.periodKind) {
      ctx.addIssue({ code: "custom", path: ["target", "period"], message: `must be a ${k.periodKind} period like ${PERIOD_EXAMPLES[k.periodKind]}` });
    }
  }
  if (!endsAfter(k.since, k.until)) ctx.addIssue({ code: "custom", path: ["until"], message: "must be after since" });
}

export const ZKpiCreate = z.strictObject({ ...kpiFields, ...accessFields }).superRefine(kpiRules).describe("A new KPI");
export type TKpiCreate = z.infer<typeof ZKpiCreate>;
export const ZKpiUpdate = z.strictObject(withoutDefaults({ ...kpiFields, ...accessFields })).partial().superRefine(kpiRules).describe("Fields to change");
export type TKpiUpdate = z.infer<typeof ZKpiUpdate>;

export const ZKpi = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
  officeId: z.uuid().nullable(),
  initiativeId: z.uuid().nullable(),
  nameJa: z.string(),
  nameEn: z.string(),
  level: z.enum(LOGIC_MODEL_LEVELS),
  horizon: z.enum(KPI_HORIZONS),
  unit: z.enum(KPI_UNITS),
  direction: z.enum(KPI_DIRECTIONS),
  periodKind: z.enum(PERIOD_KINDS),
  target: z.object({ value: z.number(), period: z.string() }).nullable(),
  pillar: z.enum(STRATEGY_PILLARS).nullable(),
  metric: z.enum(METRICS).nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  ...accessOutput,
});
export type TKpi = z.infer<typeof ZKpi>;
export const ZKpiListQuery = ZListQueryBase.extend({
  ownerOrgId: z.uuid().optional().describe("Only this organisation's KPIs"),
  officeId: z.uuid().optional(),
  initiativeId: z.uuid().optional(),
  level: z.enum(LOGIC_MODEL_LEVELS).optional(),
  horizon: z.enum(KPI_HORIZONS).optional(),
  metric: z.enum(METRICS).optional(),
  pillar: z.enum(STRATEGY_PILLARS).optional(),
});

// ---------- measurements ----------
export const ZMeasurementPut = z.strictObject({
  value: z.number().finite().describe("Measured value, in the KPI's unit"),
  source: optionalText(500, "Where the value comes from"),
  unverified: z.boolean().default(false).describe("True where the source is uncertain"),
});
export type TMeasurementPut = z.infer<typeof ZMeasurementPut>;
export const ZMeasurement = z.object({
  kpiId: z.uuid(),
  period: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  unverified: z.boolean(),
  fromMetrics: z.number().describe("How much of the value was added by recordMetricValue (e.g. matchmaking outcomes)"),
  updatedAt: z.string(),
});
export type TMeasurement = z.infer<typeof ZMeasurement>;
export const ZMeasurementParams = z.strictObject({ id: z.uuid().describe("KPI id"), period: ZPeriod });

export const ZImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int().describe("Measurements added"),
  updated: z.number().int().describe("Measurements whose value was replaced"),
});

// ---------- metric link ----------
export const ZMetricValue = z.strictObject({
  orgId: z.uuid().describe("The organisation the outcome is credited to"),
  officeId: z.uuid().nullable().optional().describe("The office that achieved it (office KPIs count only their own office's)"),
  initiativeId: z.uuid().nullable().optional().describe("The initiative it belongs to (initiative KPIs count only their own)"),
  metric: z.enum(METRICS),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, "must be the month or day of the outcome (YYYY-MM or YYYY-MM-DD)")
    .refine(isValidPartialDate, "must be a real date")
    .describe("When the outcome happened; each KPI files it under its own period (year, fiscal year or month)"),
  delta: z.number().finite().describe("Amount to add (negative to correct)"),
  source: optionalText(500, "Where the outcome is recorded (e.g. matchmaking:meeting/<id>)"),
});
export type TMetricValue = z.input<typeof ZMetricValue>;

// ---------- dashboard ----------
const ZPoint = z.object({
  period: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  yoyChange: z.number().nullable().describe("value − the value of the same period a year earlier"),
  yoyRatio: z.number().nullable().describe("yoyChange ÷ |the earlier value|"),
});
export const ZKpiDashboardItem = z.object({
  kpi: ZKpi,
  series: z.array(ZPoint).describe("Measurements in time order"),
  latest: ZPoint.nullable(),
  actualAtTarget: z.number().nullable().describe("The value measured in the target period, if measured"),
  targetMet: z.boolean().nullable().describe("Whether the target period's value reached the target; null until measured"),
  attainment: z.number().nullable().describe("latest ÷ target (increase) or target ÷ latest (decrease)"),
});
export type TKpiDashboardItem = z.infer<typeof ZKpiDashboardItem>;
export const ZKpiDashboard = z.object({
  organisation: z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string() }),
  asOf: z.string().describe("KPIs in force on this date count for the warnings"),
  kpis: z.array(ZKpiDashboardItem),
  levels: z.record(z.enum(LOGIC_MODEL_LEVELS), z.number().int()).describe("KPIs in force per logic-model level"),
  warnings: z.array(z.object({ code: z.enum(KPI_WARNINGS), text: z.object({ ja: z.string(), en: z.string() }), kpiIds: z.array(z.uuid()) })),
});
export type TKpiDashboard = z.infer<typeof ZKpiDashboard>;
