/**
 * @module matchmaking/matchmaking.schema
 * Request and response schemas of company profiles, opportunities, vetting (policies and reviews) and
 * matches. HS codes are checked against the HS 2022 nomenclature and corporate numbers by their check
 * digit with the engine's validators, so a bad value is a 400 naming its field path.
 */
import { z } from "zod";
import { ZCountryCode } from "../core/codes.ts";
import { optionalText, uniqueList, withoutDefaults } from "../core/schema-fields.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { CERTIFICATION_CODES, normaliseCertification, validateCorporateNumber, VETTING_CRITERIA } from "./engine/validators.ts";
import { hsNomenclature } from "./nomenclature.ts";

export const VETTING_STATUSES = ["pending", "published", "held", "rejected"] as const;
export const OPPORTUNITY_KINDS = ["business_offer", "business_request", "technology_offer", "technology_request", "partnership_request"] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];
/** Kinds that express a need: matched against company profiles ("companies for a request"). */
export const REQUEST_KINDS: readonly OpportunityKind[] = ["business_request", "technology_request", "partnership_request"];
/** Units of capacity and volume; mass units are converted to kg for the engine's capacity fit. */
export const QUANTITY_UNITS = ["kg", "t", "l", "kl", "pieces", "cases", "containers_20ft", "containers_40ft"] as const;

const ZIsoDate = z.iso.date().describe("Date (YYYY-MM-DD)");

export const ZHsCode = z
  .string()
  .transform((raw, ctx) => {
    const v = hsNomenclature().validate(raw);
    if (!v.ok) {
      ctx.addIssue({ code: "custom", message: v.message.en });
      return z.NEVER;
    }
    return v.code;
  })
  .describe("HS 2022 code of 2, 4 or 6 digits (dots and spaces ignored)");

export const ZCorporateNumber = z
  .string()
  .transform((raw, ctx) => {
    const v = validateCorporateNumber(raw);
    if (!v.ok) {
      ctx.addIssue({ code: "custom", message: v.message.en });
      return z.NEVER;
    }
    return v.value;
  })
  .describe("Japanese corporate number (法人番号), 13 digits with a valid check digit");

export const ZCertification = z
  .string()
  .transform((raw, ctx) => {
    const c = normaliseCertification(raw);
    if (!c) {
      ctx.addIssue({ code: "custom", message: `unknown certification (one of ${CERTIFICATION_CODES.join(", ")})` });
      return z.NEVER;
    }
    return c;
  })
  .describe(`Certification: ${CERTIFICATION_CODES.join(", ")}`);

const ZQuantity = (what: string) =>
  z.strictObject({ amount: z.number().finite().min(0).describe("Amount"), unit: z.enum(QUANTITY_UNITS).describe("Unit") }).nullable().optional().describe(what);

const source = optionalText(500, "Where the facts come from");

// ---------- company profiles ----------
const profileFields = {
  vettedBy: z.uuid().describe("The sponsoring local government, which reviews and endorses the profile"),
  descriptionJa: optionalText(4000, "What the company does and sells, in Japanese"),
  descriptionEn: optionalText(4000, "What the company does and sells, in English"),
  corporateNumber: ZCorporateNumber.nullable().optional(),
  prefectureId: z.uuid().nullable().optional().describe("Prefecture (registry organisation of kind prefecture)"),
  municipalityId: z.uuid().nullable().optional().describe("Municipality (registry organisation of kind municipality or designated_city)"),
  hsCodes: uniqueList(ZHsCode, "Products as HS codes").default([]),
  certifications: uniqueList(ZCertification, "Certifications held").default([]),
  exportExperience: uniqueList(ZCountryCode, "Countries the company already exports to (ISO alpha-2)").default([]),
  targetMarkets: uniqueList(ZCountryCode, "Countries the company wants to sell to (ISO alpha-2)").default([]),
  capacity: ZQuantity("Annual supply capacity"),
  source,
};
export const ZCompanyProfileCreate = z.strictObject({ orgId: z.uuid().describe("The company (registry organisation of kind company)"), ...profileFields }).describe("A new company profile");
export type TCompanyProfileCreate = z.infer<typeof ZCompanyProfileCreate>;
export const ZCompanyProfileUpdate = z.strictObject(withoutDefaults(profileFields)).partial().describe("Fields to change (a content change returns a published profile to review)");
export type TCompanyProfileUpdate = z.infer<typeof ZCompanyProfileUpdate>;

const ZOrgRef = z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string() });
export const ZEndorsement = z
  .object({
    by: ZOrgRef.describe("The endorsing local government"),
    reviewerName: z.string().nullable().describe("Who reviewed it"),
    at: z.string().describe("When it was endorsed"),
    expires: z.string().nullable().describe("Until when the endorsement holds"),
    current: z.boolean().describe("False once the expiry date has passed"),
  })
  .nullable();

const vettingOutput = {
  status: z.enum(VETTING_STATUSES).describe("pending review, published (public), held for revision or rejected"),
  endorsement: ZEndorsement,
  visibility: z.enum(["public", "shared"]).describe("public once published; before, only the owner and the sponsoring government see it"),
  source: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const ZQuantityOut = z.object({ amount: z.number(), unit: z.enum(QUANTITY_UNITS) }).nullable();

export const ZCompanyProfile = z.object({
  orgId: z.uuid(),
  nameJa: z.string(),
  nameEn: z.string(),
  vettedBy: ZOrgRef,
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  prefectureId: z.uuid().nullable(),
  municipalityId: z.uuid().nullable(),
  hsCodes: z.array(z.string()),
  certifications: z.array(z.string()),
  exportExperience: z.array(z.string()),
  targetMarkets: z.array(z.string()),
  capacity: ZQuantityOut,
  ...vettingOutput,
});
export type TCompanyProfile = z.infer<typeof ZCompanyProfile>;

export const ZCompanyListQuery = ZListQueryBase.extend({
  status: z.enum(VETTING_STATUSES).optional().describe("Vetting status"),
  vettedBy: z.uuid().optional().describe("Sponsoring government"),
  hsCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/).optional().describe("Products under this HS prefix"),
});
export const ZOrgIdParams = z.strictObject({ orgId: z.uuid().describe("Organisation id") });

// ---------- opportunities ----------
const opportunityFields = {
  kind: z.enum(OPPORTUNITY_KINDS).describe("Business offer or request, technology offer or request, partnership request"),
  ownerOrgId: z.uuid().describe("The company or buyer organisation that posts it"),
  vettedBy: z.uuid().nullable().optional().describe("The local government that reviews it; defaults to the owner's sponsoring government"),
  titleJa: optionalText(300, "Title in Japanese"),
  titleEn: optionalText(300, "Title in English"),
  country: ZCountryCode.describe("Country of the buyer or partner sought (ISO alpha-2)"),
  descriptionJa: optionalText(4000, "Description in Japanese"),
  descriptionEn: optionalText(4000, "Description in English"),
  hsCodes: uniqueList(ZHsCode, "Products as HS codes").default([]),
  requiredCertifications: uniqueList(ZCertification, "Certifications a supplier must hold").default([]),
  volume: ZQuantity("Volume wanted or offered per year"),
  deadline: ZIsoDate.nullable().optional().describe("Reply deadline"),
  expiresOn: ZIsoDate.optional().describe("Last day it is matched; default one year from today"),
  source,
};
export const ZOpportunityCreate = z.strictObject(opportunityFields).describe("A new opportunity");
export type TOpportunityCreate = z.infer<typeof ZOpportunityCreate>;
const { ownerOrgId: _owner, kind: _kind, ...changeable } = opportunityFields;
export const ZOpportunityUpdate = z.strictObject(withoutDefaults(changeable)).partial().describe("Fields to change (a content change returns a published opportunity to review)");
export type TOpportunityUpdate = z.infer<typeof ZOpportunityUpdate>;

export const ZOpportunity = z.object({
  id: z.uuid(),
  kind: z.enum(OPPORTUNITY_KINDS),
  owner: ZOrgRef,
  vettedBy: ZOrgRef,
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  country: z.string(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  hsCodes: z.array(z.string()),
  requiredCertifications: z.array(z.string()),
  volume: ZQuantityOut,
  deadline: z.string().nullable(),
  expiresOn: z.string(),
  expired: z.boolean().describe("Past its expiry date: not matched until renewed"),
  expiresInDays: z.number().int().describe("Days from today (UTC) to the expiry date: 0 on its last day, negative once expired"),
  ...vettingOutput,
});
export type TOpportunity = z.infer<typeof ZOpportunity>;

export const ZOpportunityListQuery = ZListQueryBase.extend({
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  status: z.enum(VETTING_STATUSES).optional(),
  ownerOrgId: z.uuid().optional(),
  vettedBy: z.uuid().optional(),
  country: ZCountryCode.optional(),
  includeExpired: z.enum(["true", "false"]).default("false").describe("Include expired opportunities"),
});
export const ZRenew = z.strictObject({ months: z.number().int().min(1).max(24).default(12).describe("Months to extend by, from today or the current expiry, whichever is later") });

// ---------- vetting ----------
const criterionIds = VETTING_CRITERIA.map((c) => c.id) as [string, ...string[]];
const ZScore = z.number().int().min(0).max(5);
export const ZReviewCreate = z.strictObject({
  scores: z.strictObject(Object.fromEntries(VETTING_CRITERIA.map((c) => [c.id, ZScore.describe(`${c.label.en} (0–5)`)])) as Record<(typeof VETTING_CRITERIA)[number]["id"], typeof ZScore>),
  comments: z.partialRecord(z.enum(criterionIds), z.string().trim().max(2000)).default({}).describe("Comment per criterion"),
  comment: optionalText(4000, "Overall comment to the owner"),
});
export type TReviewCreate = z.infer<typeof ZReviewCreate>;
const ZBilingualOut = z.object({ ja: z.string(), en: z.string() });
export const ZReview = z.object({
  id: z.uuid(),
  govOrgId: z.uuid(),
  reviewerName: z.string().nullable(),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  comment: z.string().nullable(),
  total: z.number().int(),
  decision: z.enum(["publish", "hold", "reject"]),
  reasons: z.array(z.object({ code: z.string(), criterion: z.string().optional(), label: ZBilingualOut })),
  policy: z.object({ publishAt: z.number(), holdAt: z.number(), zeroHolds: z.boolean() }),
  createdAt: z.string(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZVettingPolicyBody = z
  .strictObject({
    publishAt: z.number().int().min(1).max(20).describe("Publish when the total of the four scores reaches this"),
    holdAt: z.number().int().min(0).max(20).describe("Hold when the total reaches this but not publishAt; reject below"),
    zeroHolds: z.boolean().default(true).describe("A 0 on any criterion holds whatever the total"),
    endorsementMonths: z.number().int().min(1).max(60).default(12).describe("How long an endorsement holds"),
  })
  .refine((p) => p.holdAt < p.publishAt, { path: ["holdAt"], message: "must be below publishAt" });
export const ZVettingPolicy = z.object({
  govOrgId: z.uuid(),
  publishAt: z.number(),
  holdAt: z.number(),
  zeroHolds: z.boolean(),
  endorsementMonths: z.number(),
  isDefault: z.boolean().describe("True when the government has not set its own policy"),
});

// ---------- matches ----------
export const ZMatchQuery = z.strictObject({ top: z.coerce.number().int().min(1).max(100).default(10).describe("How many matches") });
export const ZMatchReason = z.object({
  kind: z.string(),
  contribution: z.number(),
  detail: z.string(),
  label: ZBilingualOut,
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export const ZMatchList = z.object({
  direction: z.enum(["companies_for_request", "requests_for_company", "requests_for_offer"]),
  matches: z.array(
    z.object({
      score: z.number(),
      reasons: z.array(ZMatchReason),
      company: ZCompanyProfile.optional(),
      opportunity: ZOpportunity.optional(),
    }),
  ),
});
