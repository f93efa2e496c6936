/**
 * @module offices/offices.schema
 * Request and response schemas of the office-operations API: operations settings, time logs and their
 * import, time use, annual costs and their sharing, the history through models, and the comparison.
 * Enums and the domain rules come from the pure cores in ./operations.
 */
import { z } from "zod";
import { ZListQueryBase } from "../db/list-query.ts";
import { ZCostBreakdown, ZSharingKey } from "./operations/cost.ts";
import { COST_COMPONENTS, HOST_KINDS, JOINT_PARTNER_KINDS, TIME_CATEGORIES, WORK_CATEGORIES } from "./operations/labels.ts";
import { MAX_HOURS_PER_PERSON_MONTH } from "./operations/time-use.ts";
import { ZModelPeriod } from "./operations/transitions.ts";

const ZBilingual = z.object({ ja: z.string(), en: z.string() });
const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM (01–12)")
  .describe("Calendar month, YYYY-MM");
const source = z.string().trim().max(500).nullable().optional().describe("Where the figures come from (budget document, ledger…)");

export const ZOfficeParams = z.strictObject({ id: z.uuid().describe("Office id (registry)") });
export const ZTimeLogParams = z.strictObject({ id: z.uuid().describe("Office id"), logId: z.uuid().describe("Time log id") });
export const ZCostYearParams = z.strictObject({
  id: z.uuid().describe("Office id"),
  fiscalYear: z.coerce.number().int().min(1900).max(2100).describe("Japanese fiscal year: 2023 = April 2023 – March 2024"),
});

// ---------- operations settings ----------
export const OPERATIONS_VISIBILITIES = ["confidential", "shared"] as const;

export const ZOperationsSettingsInput = z
  .strictObject({
    visibility: z
      .enum(OPERATIONS_VISIBILITIES)
      .default("confidential")
      .describe("confidential: the owner organisation only; shared: also the office's co-owners"),
    sharingKey: ZSharingKey.nullable().optional().describe("How a joint office's cost is shared among its members (default: equal)"),
    staff: z
      .strictObject({
        dispatched: z.number().int().min(0).max(1000).describe("Staff dispatched from Japan"),
        local: z.number().int().min(0).max(1000).describe("Locally hired staff"),
      })
      .nullable()
      .optional()
      .describe("Head count by kind, for the comparison (default: from the office's staff count)"),
    host: z.enum(HOST_KINDS).nullable().optional().describe("Host organisation of a hosted office (default: from the host organisation)"),
    jointPartnerKind: z.enum(JOINT_PARTNER_KINDS).nullable().optional().describe("Partner of an industry–public–academia joint office"),
    contractScope: z.array(z.enum(WORK_CATEGORIES)).min(1).nullable().optional().describe("Work an outsourcing contract covers"),
    source,
    unverified: z.boolean().default(false).describe("True where the figures are uncertain"),
  })
  .describe("The office's operations settings; omitted fields take their defaults");
export type TOperationsSettingsInput = z.infer<typeof ZOperationsSettingsInput>;

const ZMember = z.object({
  orgId: z.uuid(),
  nameJa: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  role: z.enum(["owner", "co_owner"]),
});

export const ZOperationsSettings = z.object({
  officeId: z.uuid(),
  visibility: z.enum(OPERATIONS_VISIBILITIES),
  sharingKey: ZSharingKey,
  staff: z.object({ dispatched: z.number().int(), local: z.number().int() }).nullable(),
  host: z.enum(HOST_KINDS).nullable(),
  jointPartnerKind: z.enum(JOINT_PARTNER_KINDS).nullable(),
  contractScope: z.array(z.enum(WORK_CATEGORIES)).nullable(),
  members: z.array(ZMember).describe("The owner and co-owners: who shares the cost"),
  source: z.string().nullable(),
  unverified: z.boolean(),
  stored: z.boolean().describe("False while the office has no settings of its own (the defaults apply)"),
});

// ---------- time logs ----------
const timeLogFields = {
  personId: z.uuid().nullable().optional().describe("The staff member as a person of the owner or a co-owner organisation"),
  staffName: z.string().trim().min(1).max(200).nullable().optional().describe("The staff member as a free name (e.g. local staff)"),
  month: ZMonth,
  category: z.enum(TIME_CATEGORIES).describe("office_management, one of the four primary functions or one of the other duties"),
  hours: z
    .number()
    .min(0)
    .max(MAX_HOURS_PER_PERSON_MONTH, `must not exceed ${MAX_HOURS_PER_PERSON_MONTH} h (a 31-day month)`)
    .describe("Hours in the month in this category"),
  note: z.string().trim().max(1000).nullable().optional().describe("Note"),
  source,
};

function oneStaff(v: { personId?: string | null; staffName?: string | null }, ctx: z.RefinementCtx, required: boolean): void {
  const hasPerson = v.personId != null;
  const hasName = v.staffName != null;
  if (hasPerson && hasName) ctx.addIssue({ code: "custom", path: ["staffName"], message: "give either personId or staffName, not both" });
  if (required && !hasPerson && !hasName) ctx.addIssue({ code: "custom", path: ["staffName"], message: "name the staff member: personId or staffName" });
}

export const ZTimeLogCreate = z
  .strictObject(timeLogFields)
  .superRefine((v, ctx) => oneStaff(v, ctx, true))
  .describe("Hours one staff member worked for the office in one month and category");
export type TTimeLogCreate = z.infer<typeof ZTimeLogCreate>;
export const ZTimeLogUpdate = z
  .strictObject(timeLogFields)
  .partial()
  .superRefine((v, ctx) => oneStaff(v, ctx, false))
  .describe("Fields to change");
export type TTimeLogUpdate = z.infer<typeof ZTimeLogUpdate>;

export const ZTimeLog = z.object({
  id: z.uuid(),
  officeId: z.uuid(),
  personId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  staffRef: z.string().describe("The staff member as the time-use summary names them: a person id or name:<name>"),
  month: z.string(),
  category: z.enum(TIME_CATEGORIES),
  hours: z.number(),
  note: z.string().nullable(),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTimeLog = z.infer<typeof ZTimeLog>;

export const ZTimeLogListQuery = ZListQueryBase.omit({ q: true })
  .extend({
    from: ZMonth.optional().describe("First month"),
    to: ZMonth.optional().describe("Last month"),
    category: z.enum(TIME_CATEGORIES).optional(),
    personId: z.uuid().optional().describe("Only this person's hours"),
  })
  .strict();

export const ZTimeLogImportQuery = z.strictObject({
  format: z.enum(["csv", "xlsx"]).optional().describe("File format; by default from the content type"),
});
export const ZImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
});

export const ZTimeUseQuery = z.strictObject({
  yearBasis: z.enum(["fiscal", "calendar"]).default("fiscal").describe("Years as Japanese fiscal years (April–March) or calendar years"),
});
const ZPeriodTimeUse = z.object({
  period: z.string(),
  totalHours: z.number(),
  hoursByCategory: z.record(z.string(), z.number()),
  shares: z.record(z.string(), z.number()),
  managementShare: z.number(),
  atOrAboveBenchmark: z.boolean(),
  staff: z.array(z.object({ staffId: z.string(), totalHours: z.number(), managementHours: z.number(), managementShare: z.number(), atOrAboveBenchmark: z.boolean() })),
});
export const ZTimeUse = z.object({
  officeId: z.uuid(),
  benchmark: z.number().describe("The paper's 30 % management share"),
  yearBasis: z.enum(["fiscal", "calendar"]),
  months: z.array(ZPeriodTimeUse),
  years: z.array(ZPeriodTimeUse),
  categories: z.array(z.object({ category: z.enum(TIME_CATEGORIES), label: ZBilingual })),
});

// ---------- costs ----------
export const ZCostYearInput = z
  .strictObject({
    components: ZCostBreakdown,
    source,
    unverified: z.boolean().default(false).describe("True where the figures are uncertain"),
  })
  .describe("The office's cost components for one fiscal year (replaces what was recorded for that year)");
export type TCostYearInput = z.infer<typeof ZCostYearInput>;

export const ZCostYear = z.object({
  fiscalYear: z.number().int(),
  period: z.string().describe("FY2023 = April 2023 – March 2024"),
  components: z.record(z.enum(COST_COMPONENTS), z.number().int()),
  lines: z.array(z.object({ component: z.enum(COST_COMPONENTS), label: ZBilingual, jpy: z.number().int() })),
  totalJpy: z.number().int(),
  source: z.string().nullable(),
  unverified: z.boolean(),
});
export const ZCostYears = z.object({ items: z.array(ZCostYear) });

export const ZCostSharingQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(1900).max(2100).optional().describe("Fiscal year; the latest with costs by default"),
});
export const ZCostSharing = z.object({
  officeId: z.uuid(),
  cost: ZCostYear,
  key: ZSharingKey,
  keyLabel: ZBilingual,
  shares: z.array(
    ZMember.extend({
      amountJpy: z.number().int().describe("Whole yen; the shares sum exactly to the total"),
      exactJpy: z.number().describe("The unrounded share"),
      fraction: z.number(),
    }),
  ),
});

// ---------- history ----------
export const ZHistoryPeriodInput = z.strictObject({
  ...ZModelPeriod.shape,
  source,
  unverified: z.boolean().default(false),
});
export const ZHistoryInput = z
  .strictObject({ periods: z.array(ZHistoryPeriodInput).max(100).describe("The office's periods under each model, oldest first") })
  .describe("The office's whole history through operating models (replaces what was recorded)");
export type THistoryInput = z.infer<typeof ZHistoryInput>;

export const ZHistory = z.object({
  officeId: z.uuid(),
  stored: z.boolean().describe("False when nothing is recorded and the history is derived from the registry record"),
  periods: z.array(z.looseObject({ model: z.string(), from: z.string() })),
  transitions: z.array(z.looseObject({ date: z.string(), kind: z.string(), label: ZBilingual })),
});

// ---------- comparison ----------
export const ZComparisonQuery = z.strictObject({
  format: z.enum(["json", "xlsx"]).default("json").describe("json, or xlsx for a workbook set up for a budget request"),
  locale: z.enum(["ja", "en"]).optional().describe("Language of the workbook (default: the user's)"),
});
export const ZComparisonWhatIf = z
  .strictObject({
    assumptions: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Any subset of data/office-model-assumptions.v1.json, merged over it (what-if)"),
    office: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Fields of the office as the comparison takes it (workloadHours, staff, functions, host, …) to replace"),
  })
  .describe("What-if: assumption overrides and changes to the office's inputs");
export type TComparisonWhatIf = z.infer<typeof ZComparisonWhatIf>;

export const ZComparison = z.looseObject({
  office: z.looseObject({ id: z.string() }),
  models: z.array(z.looseObject({ model: z.string(), annualCostJpy: z.number(), managementHours: z.number() })),
  overrides: z.array(z.string()),
  input: z.looseObject({ id: z.string() }).describe("The office as the comparison took it"),
  inputBasis: z.looseObject({ workload: z.looseObject({ kind: z.string() }) }).describe("Where the workload, staff and arrangement came from"),
});
