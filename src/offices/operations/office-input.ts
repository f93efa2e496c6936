/**
 * @module offices/operations/office-input
 * The office as the model comparison sees it — functions, duties, focus areas, annual workload by category,
 * current model, location, staff and its own arrangement (host, joint members, partner, contract scope) —
 * shared by the comparison, the CLI's `--input` file and the lead's API.
 */
import { z } from "zod";
import { ZCountryCode } from "../../core/codes.ts";
import { FOCUS_AREAS, OFFICE_DUTIES, OFFICE_FUNCTIONS, OFFICE_MODELS } from "../../core/domain.ts";
import type { OfficeModel } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import { HOST_KINDS, JOINT_PARTNER_KINDS, WORK_CATEGORIES } from "./labels.ts";

const ZHours = z.number({ error: () => "must be a number of hours" }).min(0, "must not be negative");

const workloadFields = Object.fromEntries(WORK_CATEGORIES.map((c) => [c, ZHours.optional()])) as Record<
  (typeof WORK_CATEGORIES)[number],
  z.ZodOptional<typeof ZHours>
>;

export const ZOfficeComparisonInput = z
  .object({
    id: z.string().trim().min(1, "must identify the office").describe("Office id"),
    name: z
      .object({ ja: z.string().optional(), en: z.string().optional() })
      .strict()
      .optional()
      .describe("Office name in Japanese and/or English"),
    country: ZCountryCode,
    city: z.string().trim().min(1, "must name the city").describe("City the office is in"),
    currentModel: z.enum(OFFICE_MODELS).describe("How the office is run today"),
    functions: z
      .array(z.enum(OFFICE_FUNCTIONS))
      .min(1, "must list at least one of the four primary functions")
      .describe("Primary functions the office must serve"),
    duties: z.array(z.enum(OFFICE_DUTIES)).optional().describe("Other duties the office must serve"),
    focusAreas: z.array(z.enum(FOCUS_AREAS)).optional().describe("Focus areas (food export, tourism, …)"),
    workloadHours: z
      .object(workloadFields)
      .strict()
      .describe("Hours a year of substantive work by category; management hours are computed per model"),
    staff: z
      .object({
        dispatched: z.int({ error: () => "must be a whole number of people" }).min(0, "must not be negative"),
        local: z.int({ error: () => "must be a whole number of people" }).min(0, "must not be negative"),
      })
      .strict()
      .describe("Staff dispatched from Japan and hired locally"),
    host: z.enum(HOST_KINDS).optional().describe("Host organisation, if the office is or would be hosted"),
    jointMembers: z
      .int()
      .min(2, "a joint office has at least 2 members")
      .optional()
      .describe("Members of the joint office the office belongs to (only for a joint office)"),
    jointPartnerKind: z.enum(JOINT_PARTNER_KINDS).optional().describe("Partner of an industry–public–academia office"),
    contractScope: z
      .array(z.enum(WORK_CATEGORIES))
      .min(1)
      .optional()
      .describe("Work the outsourcing contract covers (or would cover)"),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.jointMembers !== undefined && !o.currentModel.startsWith("joint_")) {
      ctx.addIssue({ code: "custom", path: ["jointMembers"], message: "only for an office that is currently joint" });
    }
  });
export type OfficeComparisonInput = z.infer<typeof ZOfficeComparisonInput>;

/** Validates an office for the comparison, naming every failing field (`office.workloadHours.tourism`). */
export function parseOfficeInput(input: unknown, prefix = "office"): OfficeComparisonInput {
  if (input && typeof input === "object" && "workloadHours" in input) {
    const w = (input as { workloadHours: unknown }).workloadHours;
    if (w && typeof w === "object" && "office_management" in w) {
      throw new AppError("validation_failed", `${prefix}.workloadHours.office_management is not an input`, [
        {
          path: `${prefix}.workloadHours.office_management`,
          message: "management hours are computed for each model; give only the hours of substantive work",
        },
      ]);
    }
  }
  const result = ZOfficeComparisonInput.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error, prefix);
    throw new AppError("validation_failed", `${prefix} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}

/** The office's own arrangement as an assumptions layer (it wins over the file, loses to a what-if). */
export function officeLayer(office: OfficeComparisonInput): Record<string, unknown> {
  const models: Partial<Record<OfficeModel, Record<string, unknown>>> = {};
  if (office.host) models.hosted = { host: office.host };
  if (office.contractScope) models.outsourced = { scope: office.contractScope };
  if (office.jointPartnerKind) models.joint_industry_academia = { partnerKind: office.jointPartnerKind };
  if (office.jointMembers !== undefined) {
    models[office.currentModel] = { ...models[office.currentModel], members: office.jointMembers };
  }
  return Object.keys(models).length > 0 ? { models } : {};
}
