/**
 * @module networks/library.schema
 * Schemas of the good-practice case library, partner requests with their stored suggestions, and a project
 * created from a case (which becomes an initiative in the evaluation).
 */
import { z } from "zod";
import { TIE_PURPOSES } from "../core/domain.ts";
import { ZPartialDate } from "../core/dates.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { accessFields, accessOutput, optionalText, text, uniqueList, withoutDefaults, ZBilingual } from "./schema-parts.ts";
import { CASE_THEMES } from "./themes.ts";

export const CASE_ARRANGEMENTS = [
  "sister_city_agreement",
  "partner_city_agreement",
  "mou",
  "contract",
  "network_programme",
  "joint_project",
  "grant",
  "informal",
  "other",
] as const;
export type CaseArrangement = (typeof CASE_ARRANGEMENTS)[number];
export const CASE_ARRANGEMENT_LABELS: Record<CaseArrangement, { ja: string; en: string }> = {
  sister_city_agreement: { ja: "姉妹都市協定", en: "Sister-city agreement" },
  partner_city_agreement: { ja: "パートナー都市協定", en: "Partner-city agreement" },
  mou: { ja: "覚書（MoU）", en: "Memorandum of understanding" },
  contract: { ja: "委託・契約", en: "Contract" },
  network_programme: { ja: "ネットワークのプログラム", en: "Network programme" },
  joint_project: { ja: "共同事業", en: "Joint project" },
  grant: { ja: "助成", en: "Grant" },
  informal: { ja: "非公式な協力", en: "Informal cooperation" },
  other: { ja: "その他", en: "Other" },
};

const ZLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, "must be a two-letter ISO 639-1 code such as ja or en")
  .describe("Language of the original documents (ISO 639-1, e.g. ja, en, ko)");

export const ZCaseDocument = z.strictObject({
  url: z.url().max(1000).describe("Where the document is"),
  title: optionalText(300, "Title"),
  language: ZLanguage.nullable().optional(),
});

const caseFields = {
  orgId: z.uuid().describe("The city (or other organisation) whose case this is"),
  networkOrgId: z.uuid().nullable().optional().describe("The network through which the case is shared, if any"),
  theme: z.enum(CASE_THEMES).describe("Theme"),
  year: z.number().int().min(1900).max(2200).nullable().optional().describe("Year the approach was taken"),
  titleJa: optionalText(300, "Title in Japanese"),
  titleEn: optionalText(300, "Title in English"),
  problemJa: optionalText(8000, "The problem, in Japanese"),
  problemEn: optionalText(8000, "The problem, in English"),
  approachJa: optionalText(8000, "The approach, in Japanese"),
  approachEn: optionalText(8000, "The approach, in English"),
  resultsJa: optionalText(8000, "Results, in Japanese"),
  resultsEn: optionalText(8000, "Results, in English"),
  arrangement: z.enum(CASE_ARRANGEMENTS).nullable().optional().describe("The contract or arrangement used"),
  arrangementNoteJa: optionalText(2000, "The arrangement, in Japanese"),
  arrangementNoteEn: optionalText(2000, "The arrangement, in English"),
  documents: z.array(ZCaseDocument).max(30).default([]).describe("Documents, as links"),
  contactRoleJa: optionalText(300, "Who to contact, as a role (e.g. 国際課長), in Japanese"),
  contactRoleEn: optionalText(300, "Who to contact, as a role (e.g. Director, International Affairs), in English"),
  language: ZLanguage,
  ownerOrgId: z.uuid().optional().describe("Organisation that maintains the record (defaults to orgId)"),
};
function hasTitle(c: { titleJa?: string | null; titleEn?: string | null }, ctx: z.RefinementCtx): void {
  if (!c.titleJa && !c.titleEn) ctx.addIssue({ code: "custom", path: ["titleJa"], message: "give a title in Japanese or English" });
}
export const ZCaseCreate = z.strictObject({ ...caseFields, ...accessFields() }).superRefine(hasTitle).describe("A good-practice case");
export type TCaseCreate = z.infer<typeof ZCaseCreate>;
export const ZCaseUpdate = z.strictObject(withoutDefaults({ ...caseFields, ...accessFields() })).partial().describe("Fields to change");
export type TCaseUpdate = z.infer<typeof ZCaseUpdate>;
export const ZCase = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: ZBilingual,
  networkOrgId: z.uuid().nullable(),
  networkName: ZBilingual.nullable(),
  theme: z.enum(CASE_THEMES),
  themeLabel: ZBilingual,
  year: z.number().int().nullable(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  problemJa: z.string().nullable(),
  problemEn: z.string().nullable(),
  approachJa: z.string().nullable(),
  approachEn: z.string().nullable(),
  resultsJa: z.string().nullable(),
  resultsEn: z.string().nullable(),
  arrangement: z.enum(CASE_ARRANGEMENTS).nullable(),
  arrangementLabel: ZBilingual.nullable(),
  arrangementNoteJa: z.string().nullable(),
  arrangementNoteEn: z.string().nullable(),
  documents: z.array(z.object({ url: z.string(), title: z.string().nullable(), language: z.string().nullable() })),
  contactRoleJa: z.string().nullable(),
  contactRoleEn: z.string().nullable(),
  language: z.string(),
  ...accessOutput,
});
export type TCase = z.infer<typeof ZCase>;
export const ZCaseListQuery = ZListQueryBase.extend({
  theme: z.enum(CASE_THEMES).optional(),
  orgId: z.uuid().optional().describe("Only this organisation's cases"),
  networkOrgId: z.uuid().optional().describe("Only cases shared through this network"),
  language: ZLanguage.optional(),
});

// ---------- partner requests ----------
const requestFields = {
  requesterOrgId: z.uuid().describe("The organisation looking for partners"),
  title: optionalText(300, "Short title"),
  themes: uniqueList(z.enum(CASE_THEMES), "Themes sought", 20).default([]),
  text: text(4000, "The request in your words, Japanese or English (e.g. 洪水対策に成功した都市を探しています)"),
  limit: z.number().int().min(1).max(50).default(10).describe("How many suggestions to keep"),
};
export const ZPartnerRequestCreate = z
  .strictObject({ ...requestFields, ...accessFields("confidential") })
  .describe("A request for partners; suggestions are computed and stored with it");
export type TPartnerRequestCreate = z.infer<typeof ZPartnerRequestCreate>;
export const ZPartnerRequestUpdate = z
  .strictObject(withoutDefaults({ ...requestFields, ...accessFields("confidential") }))
  .omit({ requesterOrgId: true })
  .partial()
  .describe("Fields to change; the suggestions are computed again");
export type TPartnerRequestUpdate = z.infer<typeof ZPartnerRequestUpdate>;

export const ZSuggestion = z.object({
  rank: z.number().int(),
  orgId: z.uuid(),
  name: ZBilingual,
  kind: z.string(),
  country: z.string(),
  score: z.number(),
  components: z.object({ themeFit: z.number(), caseEvidence: z.number(), warmIntroduction: z.number(), networkCoMembership: z.number() }),
  reasons: z.array(z.object({ code: z.string(), ja: z.string(), en: z.string(), contribution: z.number() })).describe("Strongest first; contributions sum to the score"),
  matchedThemes: z.array(z.string()),
  caseIds: z.array(z.uuid()).describe("Supporting cases, best first"),
  introducerIds: z.array(z.uuid()),
  sharedNetworkIds: z.array(z.uuid()),
});
export const ZPartnerRequest = z.object({
  id: z.uuid(),
  requesterOrgId: z.uuid(),
  requesterName: ZBilingual,
  title: z.string().nullable(),
  themes: z.array(z.string()),
  text: z.string(),
  limit: z.number().int(),
  suggestedAt: z.string().nullable().describe("When the suggestions were computed"),
  suggestions: z.array(ZSuggestion),
  ...accessOutput,
});
export type TPartnerRequest = z.infer<typeof ZPartnerRequest>;
export const ZPartnerRequestListQuery = ZListQueryBase.extend({
  requesterOrgId: z.uuid().optional().describe("Only this organisation's requests"),
});

// ---------- project from a case ----------
export const ZProjectFromCase = z
  .strictObject({
    ownerOrgId: z.uuid().describe("The organisation that runs the project"),
    nameJa: optionalText(300, "Name in Japanese (default: the case's title)"),
    nameEn: optionalText(300, "Name in English (default: the case's title)"),
    descriptionJa: optionalText(4000, "Description in Japanese"),
    descriptionEn: optionalText(4000, "Description in English"),
    partnerOrgIds: uniqueList(z.uuid(), "Partners (default: the case's organisation)").optional(),
    includeNetwork: z.boolean().default(false).describe("Also take the case's network as a partner"),
    purposes: uniqueList(z.enum(TIE_PURPOSES), "Purposes (default: project_making)").optional(),
    since: ZPartialDate.nullable().optional().describe("When it began"),
    ...accessFields(),
  })
  .describe("A project (initiative) made from a case with its partners");
export type TProjectFromCase = z.infer<typeof ZProjectFromCase>;
