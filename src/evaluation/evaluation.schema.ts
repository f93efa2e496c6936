/**
 * @module evaluation/evaluation.schema
 * Request and response schemas of administrations (governor and mayor terms) and initiatives (with
 * partners and a dated status history), shared by the API, the seed and other capabilities that create
 * initiatives. Enums come from core/domain and this folder's vocabulary.
 */
import { z } from "zod";
import { STRATEGY_PILLARS, TIE_PURPOSES } from "../core/domain.ts";
import { accessFields, accessOutput, optionalText, text, uniqueList, withoutDefaults } from "../core/schema-fields.ts";
import { isValidPartialDate, periodStart, ZPartialDate } from "../core/dates.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { PARTNER_ROLES } from "../governance/vocabulary.ts";
import { INITIATIVE_STATUSES, INITIATIVE_THEMES } from "./vocabulary.ts";

/** Whether `end` is strictly after `start` (partial dates compare by the first day of their period). */
export function endsAfter(start: string | null | undefined, end: string | null | undefined): boolean {
  if (!start || !end || !isValidPartialDate(start) || !isValidPartialDate(end)) return true;
  return periodStart(end) > periodStart(start);
}

// ---------- administrations ----------
const administrationFields = {
  orgId: z.uuid().describe("The local government whose governor or mayor this is"),
  leaderJa: text(100, "Governor or mayor, in Japanese"),
  leaderEn: text(100, "Governor or mayor, in English"),
  from: ZPartialDate.describe("Start of the term (YYYY, YYYY-MM or YYYY-MM-DD)"),
  until: ZPartialDate.nullable().optional().describe("End of the term; null while in office"),
  backgroundJa: optionalText(300, "Background in Japanese (e.g. 元経済産業省職員)"),
  backgroundEn: optionalText(300, "Background in English (e.g. former METI official)"),
  ownerOrgId: z.uuid().optional().describe("Organisation that maintains the record (defaults to orgId)"),
};
function termInOrder(a: { from?: string; until?: string | null }, ctx: z.RefinementCtx): void {
  if (!endsAfter(a.from, a.until)) {
    ctx.addIssue({ code: "custom", path: ["until"], message: "must be after from" });
  }
}
export const ZAdministrationCreate = z.strictObject({ ...administrationFields, ...accessFields }).superRefine(termInOrder).describe("A governor's or mayor's term");
export type TAdministrationCreate = z.infer<typeof ZAdministrationCreate>;
export const ZAdministrationUpdate = z.strictObject(withoutDefaults({ ...administrationFields, ...accessFields })).partial().superRefine(termInOrder).describe("Fields to change");
export type TAdministrationUpdate = z.infer<typeof ZAdministrationUpdate>;
export const ZAdministration = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgNameJa: z.string(),
  orgNameEn: z.string(),
  leaderJa: z.string(),
  leaderEn: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  backgroundJa: z.string().nullable(),
  backgroundEn: z.string().nullable(),
  ownerOrgId: z.uuid(),
  ...accessOutput,
});
export type TAdministration = z.infer<typeof ZAdministration>;
export const ZAdministrationListQuery = ZListQueryBase.extend({
  orgId: z.uuid().optional().describe("Only this government's administrations"),
  activeOn: ZPartialDate.optional().describe("Only the administration in office on this date"),
});

// ---------- initiatives ----------
export const ZStatusEventInput = z.strictObject({
  status: z.enum(INITIATIVE_STATUSES).describe("The status from this date on"),
  on: ZPartialDate.nullable().describe("When the status began; null only for an undated first event"),
  reason: optionalText(1000, "Why (e.g. closed in a review of overseas offices by the new mayor)"),
  source: optionalText(500, "Where the fact comes from"),
});
export type TStatusEventInput = z.infer<typeof ZStatusEventInput>;

export const ZPartnerInput = z.strictObject({
  orgId: z.uuid().describe("The partner organisation"),
  role: z.enum(PARTNER_ROLES).describe("partner: a collaborator; contractor: paid to deliver"),
});

const initiativeFields = {
  ownerOrgId: z.uuid().describe("The organisation that runs the initiative"),
  nameJa: text(300, "Name in Japanese"),
  nameEn: text(300, "Name in English"),
  descriptionJa: optionalText(4000, "Description in Japanese"),
  descriptionEn: optionalText(4000, "Description in English"),
  pillar: z.enum(STRATEGY_PILLARS).nullable().optional().describe("The strategy pillar it serves"),
  theme: z.enum(INITIATIVE_THEMES).nullable().optional().describe("Theme"),
  purposes: uniqueList(z.enum(TIE_PURPOSES), "Purposes of the exchange").default([]),
  partners: z
    .array(ZPartnerInput)
    .max(100)
    .refine((a) => new Set(a.map((p) => p.orgId)).size === a.length, { message: "must not name a partner twice" })
    .default([])
    .describe("Partner organisations and their role"),
  since: ZPartialDate.nullable().optional().describe("When it began"),
  statusHistory: z
    .array(ZStatusEventInput)
    .min(1)
    .max(200)
    .optional()
    .describe("Dated statuses; default: active since `since`. The latest is the current status; a discontinued or completed one sets `until`"),
  administrationId: z.uuid().nullable().optional().describe("The administration it began under; omitted: derived from `since` and the owner's administrations"),
  officeId: z.uuid().nullable().optional().describe("The overseas office that runs it, if any"),
  sourceCaseId: optionalText(100, "The networks capability's case it was created from"),
};

export const ZInitiativeCreate = z.strictObject({ ...initiativeFields, ...accessFields }).describe("A new initiative or project");
export type TInitiativeCreate = z.input<typeof ZInitiativeCreate>;
export type TInitiativeCreateParsed = z.infer<typeof ZInitiativeCreate>;
export const ZInitiativeUpdate = z
  .strictObject(withoutDefaults({ ...initiativeFields, ...accessFields }))
  .partial()
  .describe("Fields to change; partners and statusHistory replace the lists");
export type TInitiativeUpdate = z.infer<typeof ZInitiativeUpdate>;
export const ZStatusChange = ZStatusEventInput.extend({ on: ZPartialDate.describe("When the status began") }).describe("A status change to append");
export type TStatusChange = z.infer<typeof ZStatusChange>;

const ZAdministrationRef = z.object({ id: z.uuid(), leaderJa: z.string(), leaderEn: z.string(), from: z.string(), until: z.string().nullable() });
export const ZInitiative = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  pillar: z.enum(STRATEGY_PILLARS).nullable(),
  theme: z.enum(INITIATIVE_THEMES).nullable(),
  purposes: z.array(z.enum(TIE_PURPOSES)),
  partners: z.array(z.object({ orgId: z.uuid(), nameJa: z.string(), nameEn: z.string(), role: z.enum(PARTNER_ROLES) })),
  since: z.string().nullable(),
  until: z.string().nullable().describe("Date of the event that discontinued or completed it; null while it runs"),
  status: z.enum(INITIATIVE_STATUSES).describe("The latest status"),
  statusHistory: z.array(z.object({ id: z.uuid(), status: z.enum(INITIATIVE_STATUSES), on: z.string().nullable(), reason: z.string().nullable(), source: z.string().nullable() })),
  administrationId: z.uuid().nullable(),
  administrationAuto: z.boolean().describe("True when the administration was derived from `since`"),
  administration: ZAdministrationRef.nullable(),
  officeId: z.uuid().nullable(),
  sourceCaseId: z.string().nullable(),
  ...accessOutput,
});
export type TInitiative = z.infer<typeof ZInitiative>;
export const ZInitiativeListQuery = ZListQueryBase.extend({
  ownerOrgId: z.uuid().optional().describe("Only this organisation's initiatives"),
  partnerOrgId: z.uuid().optional().describe("Only initiatives with this partner"),
  pillar: z.enum(STRATEGY_PILLARS).optional(),
  theme: z.enum(INITIATIVE_THEMES).optional(),
  purpose: z.enum(TIE_PURPOSES).optional(),
  status: z.enum(INITIATIVE_STATUSES).optional().describe("Only initiatives whose latest status is this"),
  administrationId: z.uuid().optional().describe("Only initiatives begun under this administration"),
  officeId: z.uuid().optional(),
  activeOn: ZPartialDate.optional().describe("Only initiatives running on this date (since ≤ date < until)"),
});
