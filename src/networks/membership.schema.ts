/**
 * @module networks/membership.schema
 * Schemas of network details: the themes a network covers, its reporting obligations and their calendar,
 * and the network profile (members with roles, themes, obligations).
 */
import { z } from "zod";
import { ORGANISATION_KINDS } from "../core/domain.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { OBLIGATION_FREQUENCIES } from "./reporting-calendar.ts";
import { accessFields, accessOutput, optionalText, text, uniqueList, withoutDefaults, ZBilingual, ZIsoDate } from "./schema-parts.ts";
import { CASE_THEMES } from "./themes.ts";
import { NETWORK_ROLES, ZRoleHistory, ZTieSummary } from "./tie-life.schema.ts";

export const ZNetworkParams = z.strictObject({ id: z.uuid().describe("The network's organisation id") });

export const ZThemeLabel = z.object({ theme: z.string(), label: ZBilingual });

export const ZNetworkThemesInput = z
  .strictObject({ themes: uniqueList(z.enum(CASE_THEMES), "Themes the network covers; replace the stored list", 30) })
  .describe("The themes a network covers");
export const ZNetworkThemes = z.object({ networkOrgId: z.uuid(), themes: z.array(ZThemeLabel) });

// ---------- obligations ----------
const obligationFields = {
  networkOrgId: z.uuid().describe("The network that requires the report"),
  titleJa: text(300, "Title in Japanese (e.g. 年次報告書)"),
  titleEn: text(300, "Title in English (e.g. Annual report)"),
  descriptionJa: optionalText(4000, "What is reported, in Japanese"),
  descriptionEn: optionalText(4000, "What is reported, in English"),
  frequency: z.enum(OBLIGATION_FREQUENCIES).describe("How often it is due"),
  dueMonth: z.number().int().min(1).max(12).describe("Month of the first due date in each cycle (1–12)"),
  dueDay: z.number().int().min(1).max(31).nullable().optional().describe("Day of the month; omitted or past the month's end: its last day"),
  startYear: z.number().int().min(1900).max(2200).describe("Year of the first due date"),
  endYear: z.number().int().min(1900).max(2200).nullable().optional().describe("Last year a report is due; omitted: no end"),
  url: z.url().max(500).nullable().optional().describe("The network's page on the obligation"),
  ownerOrgId: z.uuid().describe("Organisation that maintains this record (the network's maintainer or a member)"),
};
function yearsInOrder(o: { startYear?: number; endYear?: number | null }, ctx: z.RefinementCtx): void {
  if (o.startYear !== undefined && o.endYear != null && o.endYear < o.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "must not be before startYear" });
}
export const ZObligationCreate = z.strictObject({ ...obligationFields, ...accessFields() }).superRefine(yearsInOrder).describe("A reporting obligation of a network");
export type TObligationCreate = z.infer<typeof ZObligationCreate>;
export const ZObligationUpdate = z
  .strictObject(withoutDefaults({ ...obligationFields, ...accessFields() }))
  .partial()
  .superRefine(yearsInOrder)
  .describe("Fields to change");
export type TObligationUpdate = z.infer<typeof ZObligationUpdate>;
export const ZObligation = z.object({
  id: z.uuid(),
  networkOrgId: z.uuid(),
  networkName: ZBilingual,
  titleJa: z.string(),
  titleEn: z.string(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  frequency: z.enum(OBLIGATION_FREQUENCIES),
  frequencyLabel: ZBilingual,
  dueMonth: z.number().int(),
  dueDay: z.number().int().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int().nullable(),
  url: z.string().nullable(),
  ...accessOutput,
});
export type TObligation = z.infer<typeof ZObligation>;
export const ZObligationListQuery = ZListQueryBase.extend({
  networkOrgId: z.uuid().optional().describe("Only this network's obligations"),
  frequency: z.enum(OBLIGATION_FREQUENCIES).optional(),
});

export const ZCalendarQuery = z.strictObject({
  orgId: z.uuid().optional().describe("A member: the obligations of the networks it belongs to on each due date"),
  networkOrgId: z.uuid().optional().describe("A network: all its obligations"),
  from: ZIsoDate.optional().describe("First day (default: today)"),
  to: ZIsoDate.optional().describe("Last day (default: a year after from); at most ten years after from"),
});
export const ZCalendar = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      due: z.string(),
      obligationId: z.uuid(),
      networkOrgId: z.uuid(),
      networkName: ZBilingual,
      title: ZBilingual,
      frequency: z.enum(OBLIGATION_FREQUENCIES),
      url: z.string().nullable(),
      memberOrgId: z.uuid().nullable().describe("The member that reports (with orgId)"),
      tieId: z.uuid().nullable().describe("The membership the obligation comes from (with orgId)"),
    }),
  ),
});

// ---------- network profile ----------
export const ZNetworkProfile = z.object({
  network: z.object({
    id: z.uuid(),
    kind: z.enum(ORGANISATION_KINDS),
    name: ZBilingual,
    country: z.string(),
    networkField: z.string().nullable(),
    websiteUrl: z.string().nullable(),
  }),
  themes: z.array(ZThemeLabel),
  members: z.array(
    z.object({
      tie: ZTieSummary,
      member: z.object({ orgId: z.uuid(), name: ZBilingual, kind: z.string(), country: z.string() }),
      role: z.enum(NETWORK_ROLES).nullable().describe("The registry's current role"),
      roleHistory: ZRoleHistory.shape.periods,
      current: z.boolean().describe("No end date, or one in the future, and not ended in the history"),
    }),
  ),
  obligations: z.array(ZObligation),
});
export type TNetworkProfile = z.infer<typeof ZNetworkProfile>;
