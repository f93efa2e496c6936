/**
 * @module registry/registry.schema
 * Request and response schemas of the registry (organisations, strategies, offices, ties), shared by the
 * API, the CLI import and the web forms. Enums come from core/domain; every field says what it is.
 */
import { z } from "zod";
import {
  FOCUS_AREAS,
  OFFICE_DUTIES,
  OFFICE_FUNCTIONS,
  OFFICE_MODELS,
  ORGANISATION_KINDS,
  STRATEGY_PILLARS,
  TIE_KINDS,
  TIE_PURPOSES,
  VISIBILITIES,
} from "../core/domain.ts";
import { ZCountryCode, ZLocalGovCode } from "../core/codes.ts";
import { ZPartialDate } from "../core/dates.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { accessFields as access, optionalText, text, uniqueList, withoutDefaults } from "../core/schema-fields.ts";

const ZLat = z.number().min(-90).max(90).nullable().optional().describe("Latitude (WGS 84)");
const ZLon = z.number().min(-180).max(180).nullable().optional().describe("Longitude (WGS 84)");

// ---------- organisations ----------
const organisationFields = {
  kind: z.enum(ORGANISATION_KINDS).describe("Kind of actor"),
  nameJa: text(200, "Name in Japanese"),
  nameEn: text(200, "Name in English"),
  country: ZCountryCode,
  cityJa: optionalText(200, "City in Japanese"),
  cityEn: optionalText(200, "City in English"),
  lat: ZLat,
  lon: ZLon,
  localGovCode: ZLocalGovCode.nullable().optional(),
  parentId: z.uuid().nullable().optional().describe("Parent organisation (e.g. the prefecture of a city)"),
  networkField: optionalText(100, "Field within a network (e.g. UNESCO Creative Cities: design)"),
  websiteUrl: z.url().max(500).nullable().optional().describe("Official website"),
  descriptionJa: optionalText(4000, "Description in Japanese"),
  descriptionEn: optionalText(4000, "Description in English"),
  ownerOrgId: z.uuid().nullable().optional().describe("Organisation that maintains this record; omitted: the record owns itself (system admins)"),
};

export const ZOrganisationCreate = z.strictObject({ ...organisationFields, ...access }).describe("A new organisation");
export type TOrganisationCreate = z.infer<typeof ZOrganisationCreate>;
export const ZOrganisationUpdate = z.strictObject(withoutDefaults({ ...organisationFields, ...access })).partial().describe("Fields to change");
export type TOrganisationUpdate = z.infer<typeof ZOrganisationUpdate>;

export const ZOrganisation = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  nameJa: z.string(),
  nameEn: z.string(),
  country: z.string(),
  cityJa: z.string().nullable(),
  cityEn: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  localGovCode: z.string().nullable(),
  parentId: z.uuid().nullable(),
  networkField: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  ownerOrgId: z.uuid().nullable(),
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZOrganisationListQuery = ZListQueryBase.extend({
  kind: z.enum(ORGANISATION_KINDS).optional().describe("Only this kind"),
  country: ZCountryCode.optional(),
  localGovCode: z.string().optional().describe("Exact local government code"),
});

// ---------- strategies ----------
const strategyFields = {
  ownerOrgId: z.uuid().describe("The government whose strategy this is"),
  titleJa: text(300, "Title in Japanese"),
  titleEn: text(300, "Title in English"),
  year: z.number().int().min(1900).max(2100).describe("Year enacted or last revised"),
  pillars: uniqueList(z.enum(STRATEGY_PILLARS), "The strategy's pillars").default([]),
};
export const ZStrategyCreate = z.strictObject({ ...strategyFields, ...access }).describe("A new international strategy");
export type TStrategyCreate = z.infer<typeof ZStrategyCreate>;
export const ZStrategyUpdate = z.strictObject(withoutDefaults({ ...strategyFields, ...access })).partial().describe("Fields to change");
export const ZStrategy = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
  ownerKind: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  year: z.number().int(),
  pillars: z.array(z.enum(STRATEGY_PILLARS)),
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TStrategy = z.infer<typeof ZStrategy>;
export const ZStrategyListQuery = ZListQueryBase.extend({
  ownerOrgId: z.uuid().optional().describe("Only this government's strategies"),
  ownerKind: z.enum(ORGANISATION_KINDS).optional().describe("Only strategies of this kind of owner"),
  yearFrom: z.coerce.number().int().optional().describe("Earliest year"),
  yearTo: z.coerce.number().int().optional().describe("Latest year"),
});

// ---------- offices ----------
const officeFields = {
  ownerOrgId: z.uuid().describe("The organisation that runs (or leads) the office"),
  coOwnerIds: uniqueList(z.uuid(), "Other owners of a joint office").default([]),
  nameJa: text(200, "Name in Japanese"),
  nameEn: text(200, "Name in English"),
  cityJa: optionalText(100, "City in Japanese"),
  cityEn: text(100, "City in English"),
  country: ZCountryCode,
  lat: ZLat,
  lon: ZLon,
  operationalModel: z.enum(OFFICE_MODELS).describe("How the office is run"),
  hostOrgId: z.uuid().nullable().optional().describe("Host (hosted offices) or contractor (outsourced desks)"),
  functions: uniqueList(z.enum(OFFICE_FUNCTIONS), "Primary functions").default([]),
  duties: uniqueList(z.enum(OFFICE_DUTIES), "Other duties").default([]),
  focusAreas: uniqueList(z.enum(FOCUS_AREAS), "Focus areas").default([]),
  opened: ZPartialDate.nullable().optional().describe("Opened (YYYY, YYYY-MM or YYYY-MM-DD)"),
  closed: ZPartialDate.nullable().optional().describe("Closed, if it has (YYYY, YYYY-MM or YYYY-MM-DD)"),
  staffCount: z.number().int().min(0).max(10_000).nullable().optional().describe("Staff, dispatched and local"),
  annualCostJpy: z.number().int().min(0).max(1e12).nullable().optional().describe("Annual cost in yen"),
  managementShare: z.number().min(0).max(1).nullable().optional().describe("Share of working time spent on office management (0–1)"),
  interviewId: optionalText(20, "Anonymised interview id (e.g. LG-1)"),
  interviewDate: ZPartialDate.nullable().optional().describe("When the interview took place"),
  modelNote: optionalText(300, "Note on the operational model"),
  mergedIntoId: z.uuid().nullable().optional().describe("Office this one was merged into"),
};

function officeDatesInOrder(o: { opened?: string | null; closed?: string | null }, ctx: z.RefinementCtx): void {
  if (o.opened && o.closed && o.closed < o.opened) {
    ctx.addIssue({ code: "custom", path: ["closed"], message: "must not be before opened" });
  }
}
export const ZOfficeCreate = z.strictObject({ ...officeFields, ...access }).superRefine(officeDatesInOrder).describe("A new overseas office");
export type TOfficeCreate = z.infer<typeof ZOfficeCreate>;
export const ZOfficeUpdate = z
  .strictObject(withoutDefaults({ ...officeFields, ...access }))
  .partial()
  .superRefine(officeDatesInOrder)
  .describe("Fields to change");
export type TOfficeUpdate = z.infer<typeof ZOfficeUpdate>;
export const ZOffice = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
  coOwnerIds: z.array(z.uuid()),
  nameJa: z.string(),
  nameEn: z.string(),
  cityJa: z.string().nullable(),
  cityEn: z.string(),
  country: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  operationalModel: z.enum(OFFICE_MODELS),
  hostOrgId: z.uuid().nullable(),
  functions: z.array(z.enum(OFFICE_FUNCTIONS)),
  duties: z.array(z.enum(OFFICE_DUTIES)),
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  opened: z.string().nullable(),
  closed: z.string().nullable(),
  staffCount: z.number().nullable(),
  annualCostJpy: z.number().nullable(),
  managementShare: z.number().nullable(),
  interviewId: z.string().nullable(),
  interviewDate: z.string().nullable(),
  modelNote: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOffice = z.infer<typeof ZOffice>;
export const ZOfficeListQuery = ZListQueryBase.extend({
  ownerOrgId: z.uuid().optional().describe("Offices this organisation owns or co-owns"),
  country: ZCountryCode.optional(),
  operationalModel: z.enum(OFFICE_MODELS).optional(),
  status: z.enum(["open", "closed", "all"]).default("all").describe("open: not closed; closed: has a closing date"),
});

// ---------- ties ----------
const tieFields = {
  aOrgId: z.uuid().describe("One end (usually the Japanese government)"),
  bOrgId: z.uuid().describe("The other end (partner city, network, contractor…)"),
  kind: z.enum(TIE_KINDS).describe("Kind of tie"),
  purposes: uniqueList(z.enum(TIE_PURPOSES), "Purposes of the tie").default([]),
  since: ZPartialDate.nullable().optional().describe("Since (YYYY, YYYY-MM or YYYY-MM-DD)"),
  until: ZPartialDate.nullable().optional().describe("Until, if ended"),
  role: z.enum(["member", "board", "chair", "vice_chair", "secretariat"]).nullable().optional().describe("Role in a network (network_membership)"),
  field: optionalText(100, "Field (e.g. UNESCO Creative Cities: crafts and folk art)"),
  ownerOrgId: z.uuid().optional().describe("Organisation that maintains the record (defaults to aOrgId)"),
};
function tieRules(t: { aOrgId?: string; bOrgId?: string; since?: string | null; until?: string | null }, ctx: z.RefinementCtx): void {
  if (t.aOrgId && t.bOrgId && t.aOrgId === t.bOrgId) ctx.addIssue({ code: "custom", path: ["bOrgId"], message: "must differ from aOrgId" });
  if (t.since && t.until && t.until < t.since) ctx.addIssue({ code: "custom", path: ["until"], message: "must not be before since" });
}
export const ZTieCreate = z.strictObject({ ...tieFields, ...access }).superRefine(tieRules).describe("A new tie");
export type TTieCreate = z.infer<typeof ZTieCreate>;
export const ZTieUpdate = z.strictObject(withoutDefaults({ ...tieFields, ...access })).partial().superRefine(tieRules).describe("Fields to change");
export type TTieUpdate = z.infer<typeof ZTieUpdate>;
export const ZTie = z.object({
  id: z.uuid(),
  aOrgId: z.uuid(),
  aNameJa: z.string(),
  aNameEn: z.string(),
  bOrgId: z.uuid(),
  bNameJa: z.string(),
  bNameEn: z.string(),
  kind: z.enum(TIE_KINDS),
  purposes: z.array(z.enum(TIE_PURPOSES)),
  since: z.string().nullable(),
  until: z.string().nullable(),
  role: z.string().nullable(),
  field: z.string().nullable(),
  ownerOrgId: z.uuid(),
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTie = z.infer<typeof ZTie>;
export const ZTieListQuery = ZListQueryBase.extend({
  orgId: z.uuid().optional().describe("Ties with this organisation at either end"),
  kind: z.enum(TIE_KINDS).optional(),
  purpose: z.enum(TIE_PURPOSES).optional(),
  activeOn: ZPartialDate.optional().describe("Only ties active on this date"),
});

export const ZIdParams = z.strictObject({ id: z.uuid().describe("Record id") });
