/**
 * @module registry/seed-schemas
 * zod schemas of the shipped dataset's files in data/seed/ (organisations, strategies, offices, ties,
 * interviews). Strict: an unknown field is an error, so a typo in the data cannot pass silently. Records
 * refer to each other by `key` (stable slugs such as `pref-hokkaido`); the database assigns ids on load.
 * Rules that need more than one record or file live in seed-integrity.ts.
 */
import { z } from "zod";
import {
  FOCUS_AREAS,
  LOCAL_GOVERNMENT_KINDS,
  OFFICE_DUTIES,
  OFFICE_FUNCTIONS,
  OFFICE_MODELS,
  ORGANISATION_KINDS,
  STRATEGY_PILLARS,
  TIE_KINDS,
  TIE_PURPOSES,
} from "../core/domain.ts";
import { isCountryCode } from "../core/codes.ts";
import { isValidPartialDate, periodStart } from "../core/dates.ts";
import { isValidLocalGovCode } from "../core/local-gov-code.ts";

/** Roles in a multi-city network (as the registry's tie schema accepts them). */
export const NETWORK_ROLES = ["member", "board", "chair", "vice_chair", "secretariat"] as const;
/** UNESCO Creative Cities Network fields (eight as of 2023; architecture was added that year). */
export const UNESCO_CREATIVE_FIELDS = [
  "crafts_and_folk_art",
  "design",
  "film",
  "gastronomy",
  "literature",
  "media_arts",
  "music",
  "architecture",
] as const;
/** Table 1's "Attributes" column. */
export const INTERVIEW_ATTRIBUTES = [
  "municipal_overseas_office",
  "institutional_dispatch",
  "municipal_officer",
  "national_government_affiliation",
] as const;
export const INTERVIEW_ATTRIBUTE_LABELS: Record<(typeof INTERVIEW_ATTRIBUTES)[number], { ja: string; en: string }> = {
  municipal_overseas_office: { ja: "自治体海外事務所", en: "Municipal Overseas Office" },
  institutional_dispatch: { ja: "機関への派遣", en: "Institutional Dispatch" },
  municipal_officer: { ja: "自治体職員", en: "Municipal Officer" },
  national_government_affiliation: { ja: "国の機関", en: "National Government Affiliation" },
};

const ZKey = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug such as pref-hokkaido");
const text = (max: number) => z.string().trim().min(1).max(max);
const ZDate = z.string().refine(isValidPartialDate, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD");
const ZYearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM");
const ZCountry = z.string().refine(isCountryCode, "must be an ISO 3166-1 alpha-2 code such as JP, SG or TH");
const ZSource = text(500);
const uniqueArray = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((a) => new Set(a).size === a.length, "must not repeat a value");
const ZLat = z.number().min(-90).max(90);
const ZLon = z.number().min(-180).max(180);

const isLocalGov = (kind: string) => (LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(kind);

export const ZSeedOrganisation = z
  .strictObject({
    key: ZKey,
    kind: z.enum(ORGANISATION_KINDS),
    nameJa: text(200),
    nameEn: text(200),
    country: ZCountry,
    cityJa: text(200).optional(),
    cityEn: text(200).optional(),
    lat: ZLat.optional(),
    lon: ZLon.optional(),
    localGovCode: z.string().refine(isValidLocalGovCode, "must be 6 digits with a valid JIS X 0402 check digit").optional(),
    parentKey: ZKey.optional(),
    networkField: text(100).optional(),
    websiteUrl: z.url().optional(),
    descriptionJa: text(4000).optional(),
    descriptionEn: text(4000).optional(),
    source: ZSource,
    unverified: z.boolean(),
  })
  .superRefine((o, ctx) => {
    if ((o.lat === undefined) !== (o.lon === undefined)) {
      ctx.addIssue({ code: "custom", path: [o.lat === undefined ? "lat" : "lon"], message: "lat and lon go together" });
    }
    if (o.localGovCode !== undefined && !isLocalGov(o.kind)) {
      ctx.addIssue({ code: "custom", path: ["localGovCode"], message: `only Japanese local governments carry a code, not kind ${o.kind}` });
    }
    if (o.localGovCode === undefined && (o.kind === "prefecture" || o.kind === "designated_city")) {
      ctx.addIssue({ code: "custom", path: ["localGovCode"], message: `a ${o.kind} must have its local government code` });
    }
    if (isLocalGov(o.kind) && o.country !== "JP") {
      ctx.addIssue({ code: "custom", path: ["country"], message: "a Japanese local government is in JP" });
    }
    if (o.networkField !== undefined && o.kind !== "network") {
      ctx.addIssue({ code: "custom", path: ["networkField"], message: "only networks have a field" });
    }
    if ((o.descriptionJa === undefined) !== (o.descriptionEn === undefined)) {
      ctx.addIssue({ code: "custom", path: [o.descriptionJa === undefined ? "descriptionJa" : "descriptionEn"], message: "a description is given in both Japanese and English" });
    }
  });
export type TSeedOrganisation = z.infer<typeof ZSeedOrganisation>;

export const ZSeedStrategy = z.strictObject({
  ownerKey: ZKey,
  titleEn: text(300),
  titleJa: text(300),
  /** The paper gives English titles only; the Japanese is this dataset's rendering. */
  titleJaUnverified: z.boolean(),
  year: z.number().int().min(1900).max(2100),
  pillars: uniqueArray(z.enum(STRATEGY_PILLARS)).min(1),
  /** True where the paper does not say which pillars this strategy has. */
  pillarsInferred: z.boolean(),
  source: ZSource,
  unverified: z.boolean(),
});
export type TSeedStrategy = z.infer<typeof ZSeedStrategy>;

/** Models whose office sits with, or is run by, another organisation named in hostKey. */
const MODELS_WITH_HOST = ["hosted", "outsourced"] as const;

export const ZSeedOffice = z
  .strictObject({
    key: ZKey,
    ownerKeys: uniqueArray(ZKey).min(1),
    /** Owners of a joint office that left it, and when (e.g. Yamagata left the Seoul office in 2015). */
    ownerUntil: z.record(ZKey, ZDate).optional(),
    nameJa: text(200),
    nameEn: text(200),
    cityEn: text(100),
    cityJa: text(100),
    country: ZCountry,
    lat: ZLat,
    lon: ZLon,
    operationalModel: z.enum(OFFICE_MODELS),
    /** True where the source does not state the model and "independent" was recorded (see the README). */
    modelInferred: z.literal(true).optional(),
    hostKey: ZKey.optional(),
    functions: uniqueArray(z.enum(OFFICE_FUNCTIONS)),
    duties: uniqueArray(z.enum(OFFICE_DUTIES)),
    focusAreas: uniqueArray(z.enum(FOCUS_AREAS)),
    opened: ZDate.optional(),
    closed: ZDate.optional(),
    staffCount: z.number().int().min(0).optional(),
    annualCostJpy: z.number().int().min(0).optional(),
    managementShare: z.number().min(0).max(1).optional(),
    interviewId: z.string().regex(/^LG-\d+$/, "must be an office interview id such as LG-1").optional(),
    interviewDate: ZYearMonth.optional(),
    modelNote: text(300).optional(),
    mergedIntoKey: ZKey.optional(),
    source: ZSource,
    unverified: z.boolean(),
  })
  .superRefine((o, ctx) => {
    const needsHost = (MODELS_WITH_HOST as readonly string[]).includes(o.operationalModel);
    if (needsHost && !o.hostKey) {
      ctx.addIssue({ code: "custom", path: ["hostKey"], message: `a ${o.operationalModel} office names its host or contractor` });
    }
    if (o.hostKey && (o.operationalModel === "independent" || o.operationalModel === "joint_municipal")) {
      ctx.addIssue({ code: "custom", path: ["hostKey"], message: `an ${o.operationalModel} office has no host` });
    }
    if (o.opened && o.closed && periodStart(o.closed) < periodStart(o.opened)) {
      ctx.addIssue({ code: "custom", path: ["closed"], message: "must not be before opened" });
    }
    if (o.interviewDate && !o.interviewId) {
      ctx.addIssue({ code: "custom", path: ["interviewDate"], message: "an interview date needs its interviewId" });
    }
    if (o.mergedIntoKey && !o.closed) {
      ctx.addIssue({ code: "custom", path: ["closed"], message: "an office merged into another has a closing date" });
    }
    for (const owner of Object.keys(o.ownerUntil ?? {})) {
      if (!o.ownerKeys.includes(owner)) {
        ctx.addIssue({ code: "custom", path: ["ownerUntil", owner], message: "is not one of ownerKeys" });
      }
    }
  });
export type TSeedOffice = z.infer<typeof ZSeedOffice>;

export const ZSeedTie = z
  .strictObject({
    /** Direction: member → network, host → hosted government, client → contractor; otherwise Japanese side first. */
    aKey: ZKey,
    bKey: ZKey,
    kind: z.enum(TIE_KINDS),
    purposes: uniqueArray(z.enum(TIE_PURPOSES)).min(1),
    since: ZDate.optional(),
    until: ZDate.optional(),
    role: z.enum(NETWORK_ROLES).optional(),
    field: z.enum(UNESCO_CREATIVE_FIELDS).optional(),
    /** The overseas office a hosting or partnership tie is about. */
    officeKey: ZKey.optional(),
    source: ZSource,
    unverified: z.boolean(),
  })
  .superRefine((t, ctx) => {
    if (t.aKey === t.bKey) ctx.addIssue({ code: "custom", path: ["bKey"], message: "must differ from aKey" });
    if (t.since && t.until && periodStart(t.until) < periodStart(t.since)) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "must not be before since" });
    }
    if (t.kind === "network_membership" && !t.role) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "a network membership states the role" });
    }
    for (const f of ["role", "field"] as const) {
      if (t[f] !== undefined && t.kind !== "network_membership") {
        ctx.addIssue({ code: "custom", path: [f], message: `only a network_membership has a ${f}` });
      }
    }
  });
export type TSeedTie = z.infer<typeof ZSeedTie>;

export const ZSeedInterview = z.strictObject({
  id: z.string().regex(/^(LG|NG)-\d+$/, "must be an anonymised id such as LG-1 or NG-2"),
  attributes: z.enum(INTERVIEW_ATTRIBUTES),
  location: text(100),
  country: ZCountry,
  organisationKey: ZKey.optional(),
  operationalModel: z.enum(OFFICE_MODELS).optional(),
  focusAreas: uniqueArray(z.enum(FOCUS_AREAS)),
  dates: uniqueArray(ZYearMonth).min(1),
  source: ZSource,
  unverified: z.boolean(),
  /** Interview records are confidential to the research owner, always. */
  confidential: z.literal(true),
});
export type TSeedInterview = z.infer<typeof ZSeedInterview>;

export interface SeedData {
  organisations: TSeedOrganisation[];
  strategies: TSeedStrategy[];
  offices: TSeedOffice[];
  ties: TSeedTie[];
  interviews: TSeedInterview[];
}

/** Each file of data/seed/ and the schema of one record in it. */
export const SEED_FILES = {
  organisations: { file: "organisations.json", schema: ZSeedOrganisation },
  strategies: { file: "strategies.json", schema: ZSeedStrategy },
  offices: { file: "offices.json", schema: ZSeedOffice },
  ties: { file: "ties.json", schema: ZSeedTie },
  interviews: { file: "interviews.json", schema: ZSeedInterview },
} as const;
export type SeedFileName = keyof typeof SEED_FILES;
