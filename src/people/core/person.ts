/**
 * @module people/core/person
 * An official as the international-HR features see them: postings over time (departments, overseas offices,
 * dispatches to CLAIR, JETRO, JNTO, MOFA missions or foreign local governments, training), languages, and the
 * competencies the paper names with their evidence. Also the rule for when a posting counts as international,
 * and the partial-date arithmetic the people features share.
 */
import { z } from "zod";
import { ZCountryCode } from "../../core/codes.ts";
import { ZPartialDate, periodStart } from "../../core/dates.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../../core/domain.ts";
import type { Bilingual, OfficeDuty, OfficeFunction } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import { ZLanguageSkill } from "./languages.ts";

export const POSTING_KINDS = ["department", "overseas_office", "dispatch", "training"] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const POSTING_KIND_LABELS: Record<PostingKind, Bilingual> = {
  department: { ja: "庁内の部署", en: "Department" },
  overseas_office: { ja: "海外事務所", en: "Overseas office" },
  dispatch: { ja: "派遣", en: "Dispatch" },
  training: { ja: "研修", en: "Training" },
};

/** Where officials are dispatched (paper: CLAIR, JETRO, JNTO, MOFA missions, exchanges with foreign local governments). */
export const DISPATCH_TARGETS = ["clair", "jetro", "jnto", "mofa_mission", "foreign_local_government"] as const;
export type DispatchTarget = (typeof DISPATCH_TARGETS)[number];

export const DISPATCH_TARGET_LABELS: Record<DispatchTarget, Bilingual> = {
  clair: { ja: "自治体国際化協会（クレア）", en: "CLAIR" },
  jetro: { ja: "日本貿易振興機構（ジェトロ）", en: "JETRO" },
  jnto: { ja: "日本政府観光局（JNTO）", en: "JNTO" },
  mofa_mission: { ja: "在外公館（外務省）", en: "Overseas mission of the Ministry of Foreign Affairs" },
  foreign_local_government: { ja: "海外の地方政府", en: "Foreign local government" },
};

/** The capabilities the paper says officials in international policy need. */
export const COMPETENCIES = [
  "domestic_international_economy",
  "growth_sector_analysis",
  "coordination_with_agencies_and_companies_abroad",
] as const;
export type Competency = (typeof COMPETENCIES)[number];

export const COMPETENCY_LABELS: Record<Competency, Bilingual> = {
  domestic_international_economy: { ja: "国内外の経済情勢の理解", en: "Understanding of domestic and international economic conditions" },
  growth_sector_analysis: { ja: "地域の成長分野の分析", en: "Analysis of the region's sectors with growth potential" },
  coordination_with_agencies_and_companies_abroad: {
    ja: "国内外の行政機関・企業との調整",
    en: "Coordination with government agencies and companies at home and abroad",
  },
};

export const EVIDENCE_KINDS = ["posting", "training", "project", "qualification", "assessment"] as const;

const WORK = [...OFFICE_FUNCTIONS, ...OFFICE_DUTIES] as const;
export type WorkFunction = OfficeFunction | OfficeDuty;

export const ZPosting = z
  .object({
    id: z.string().trim().min(1).describe("Posting id"),
    kind: z.enum(POSTING_KINDS),
    dispatchTarget: z.enum(DISPATCH_TARGETS).optional().describe("Required for a dispatch"),
    title: z.string().trim().min(1).optional().describe("Post title"),
    department: z.string().trim().min(1).optional().describe("Department or division"),
    officeId: z.string().trim().min(1).optional().describe("Overseas office, for an overseas posting"),
    country: ZCountryCode.optional().describe("Country worked in"),
    city: z.string().trim().min(1).optional(),
    functions: z.array(z.enum(WORK)).optional().describe("Functions and duties performed"),
    international: z
      .boolean()
      .optional()
      .describe("For a department or training: whether it is international work (e.g. the international affairs division)"),
    from: ZPartialDate,
    to: ZPartialDate.optional().describe("Last day; absent while the posting lasts"),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === "dispatch" && !p.dispatchTarget) ctx.addIssue({ code: "custom", path: ["dispatchTarget"], message: "required for a dispatch" });
    if (p.kind !== "dispatch" && p.dispatchTarget) ctx.addIssue({ code: "custom", path: ["dispatchTarget"], message: "only for a dispatch" });
    if (p.kind === "overseas_office" && !p.country) ctx.addIssue({ code: "custom", path: ["country"], message: "required for an overseas posting" });
    if (p.to !== undefined && periodEnd(p.to) < periodStart(p.from)) ctx.addIssue({ code: "custom", path: ["to"], message: `is before from (${p.from})` });
  });
export type Posting = z.infer<typeof ZPosting>;

export const ZCompetencyRecord = z
  .object({
    code: z.enum(COMPETENCIES),
    evidence: z
      .array(
        z
          .object({
            kind: z.enum(EVIDENCE_KINDS),
            postingId: z.string().optional().describe("The posting it was shown in, for kind posting"),
            note: z.string().trim().min(1, "must say what shows the competency"),
            date: ZPartialDate.optional(),
          })
          .strict(),
      )
      .min(1, "a competency needs at least one piece of evidence"),
  })
  .strict();
export type CompetencyRecord = z.infer<typeof ZCompetencyRecord>;

export const ZPerson = z
  .object({
    id: z.string().trim().min(1),
    organisationId: z.string().trim().min(1).describe("The organisation the person belongs to (their data is confidential to it)"),
    name: z.string().trim().min(1),
    postings: z.array(ZPosting),
    languages: z.array(ZLanguageSkill).default([]),
    competencies: z.array(ZCompetencyRecord).default([]),
  })
  .strict()
  .superRefine((person, ctx) => {
    const ids = new Set<string>();
    person.postings.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["postings", i, "id"], message: `${p.id} is used twice` });
      ids.add(p.id);
    });
    person.competencies.forEach((c, i) =>
      c.evidence.forEach((e, j) => {
        if (e.kind === "posting" && !e.postingId) ctx.addIssue({ code: "custom", path: ["competencies", i, "evidence", j, "postingId"], message: "name the posting" });
        if (e.postingId && !ids.has(e.postingId)) {
          ctx.addIssue({ code: "custom", path: ["competencies", i, "evidence", j, "postingId"], message: `no posting ${e.postingId}` });
        }
      }),
    );
  });
export type Person = z.infer<typeof ZPerson>;

export function parsePeople(input: unknown, prefix = "people"): Person[] {
  const result = z.array(ZPerson).safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error, prefix);
    throw new AppError("validation_failed", `${prefix} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}

export function parseAsOf(asOf: string, path = "asOf"): string {
  if (!ZPartialDate.safeParse(asOf).success) {
    throw new AppError("validation_failed", `${path} must be a date as YYYY-MM-DD`, [{ path, message: "must be a date as YYYY-MM-DD", value: asOf }]);
  }
  return periodStart(asOf);
}

/**
 * Whether a posting is international work. Overseas-office postings and dispatches always are (a dispatch to
 * CLAIR, JETRO or JNTO headquarters in Tokyo included: the work is international). A department counts only
 * when flagged `international` (the international affairs division, an overseas-markets section). Training
 * counts when flagged or held outside Japan.
 */
export function isInternationalPosting(p: Posting): boolean {
  switch (p.kind) {
    case "overseas_office":
    case "dispatch":
      return true;
    case "department":
      return p.international === true;
    case "training":
      return p.international === true || (p.country !== undefined && p.country !== "JP");
  }
}

/** The last day a partial date can mean, as YYYY-MM-DD ("2019" → 2019-12-31, "2019-02" → 2019-02-28). */
export function periodEnd(value: string): string {
  const [y = 0, m, d] = value.split("-").map(Number);
  if (m !== undefined && d !== undefined) return value;
  const month = m ?? 12;
  const day = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${String(y).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether the posting covers the day (YYYY-MM-DD). */
export function isCurrentOn(p: Posting, day: string): boolean {
  return periodStart(p.from) <= day && (p.to === undefined || day <= periodEnd(p.to));
}

/** Whole months from one day to another (YYYY-MM-DD), never negative: 2019-03-31 → 2020-03-30 is 11. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [y1 = 0, m1 = 1, d1 = 1] = from.split("-").map(Number);
  const [y2 = 0, m2 = 1, d2 = 1] = to.split("-").map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Today's date in UTC as YYYY-MM-DD, for callers that do not pass one. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
