/**
 * @module web/pages/people/labels
 * The international-HR vocabulary with Japanese and English labels, for the web app. The pure core
 * (`src/people/core`) defines the same enums for the API, but it also validates country codes with a
 * server-only module, so the web app keeps its own tables here — typed against the core's enums, so a new
 * value there fails the type check here until it has both labels.
 */
import type { Bilingual } from "../../../core/domain.ts";
import type { Competency, DispatchTarget, PostingKind } from "../../../people/core/person.ts";
import type { HandoverStatus } from "../../../people/core/handover.ts";
import type { LanguageScale } from "../../../people/core/languages.ts";

export const POSTING_KINDS = ["department", "overseas_office", "dispatch", "training"] as const satisfies readonly PostingKind[];
export const POSTING_KIND_LABELS: Record<PostingKind, Bilingual> = {
  department: { ja: "庁内の部署", en: "Department" },
  overseas_office: { ja: "海外事務所", en: "Overseas office" },
  dispatch: { ja: "派遣", en: "Dispatch" },
  training: { ja: "研修", en: "Training" },
};

export const DISPATCH_TARGETS = ["clair", "jetro", "jnto", "mofa_mission", "foreign_local_government"] as const satisfies readonly DispatchTarget[];
export const DISPATCH_TARGET_LABELS: Record<DispatchTarget, Bilingual> = {
  clair: { ja: "自治体国際化協会（クレア）", en: "CLAIR" },
  jetro: { ja: "日本貿易振興機構（ジェトロ）", en: "JETRO" },
  jnto: { ja: "日本政府観光局（JNTO）", en: "JNTO" },
  mofa_mission: { ja: "在外公館（外務省）", en: "Overseas mission of the Ministry of Foreign Affairs" },
  foreign_local_government: { ja: "海外の地方政府", en: "Foreign local government" },
};

export const COMPETENCIES = ["domestic_international_economy", "growth_sector_analysis", "coordination_with_agencies_and_companies_abroad"] as const satisfies readonly Competency[];
export const COMPETENCY_LABELS: Record<Competency, Bilingual> = {
  domestic_international_economy: { ja: "国内外の経済情勢の理解", en: "Understanding of domestic and international economic conditions" },
  growth_sector_analysis: { ja: "地域の成長分野の分析", en: "Analysis of the region's sectors with growth potential" },
  coordination_with_agencies_and_companies_abroad: { ja: "国内外の行政機関・企業との調整", en: "Coordination with government agencies and companies at home and abroad" },
};

export const EVIDENCE_KINDS = ["posting", "training", "project", "qualification", "assessment"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, Bilingual> = {
  posting: { ja: "勤務経験", en: "Posting" },
  training: { ja: "研修", en: "Training" },
  project: { ja: "事業・プロジェクト", en: "Project" },
  qualification: { ja: "資格", en: "Qualification" },
  assessment: { ja: "評価", en: "Assessment" },
};

export const LANGUAGE_SCALES = ["cefr", "jlpt", "native"] as const satisfies readonly LanguageScale[];
export const LANGUAGE_SCALE_LABELS: Record<LanguageScale, Bilingual> = {
  cefr: { ja: "CEFR（ヨーロッパ言語共通参照枠）", en: "CEFR" },
  jlpt: { ja: "日本語能力試験（JLPT）相当", en: "JLPT-style (Japanese)" },
  native: { ja: "母語", en: "Native" },
};
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export const JLPT_LEVELS = ["N5", "N4", "N3", "N2", "N1"] as const;

/** The levels a scale allows, lowest first. */
export function levelsOf(scale: string): readonly string[] {
  return scale === "cefr" ? CEFR_LEVELS : scale === "jlpt" ? JLPT_LEVELS : scale === "native" ? ["native"] : [];
}

export const HANDOVER_STATUSES = ["pending", "acknowledged"] as const satisfies readonly HandoverStatus[];
export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, Bilingual> = {
  pending: { ja: "引継ぎ確認待ち", en: "Awaiting acknowledgement" },
  acknowledged: { ja: "引継ぎ確認済み", en: "Acknowledged" },
};

export const RISK_REASON_LABELS: Record<"international_postings" | "competencies", Bilingual> = {
  international_postings: { ja: "国際関係の勤務経験", en: "International postings" },
  competencies: { ja: "国際関係の能力", en: "Competencies" },
};

/** Languages offered first in the editor (ISO 639-1); any other code can still be typed. */
export const COMMON_LANGUAGES = ["en", "zh", "ko", "th", "vi", "id", "ms", "tl", "my", "km", "hi", "ru", "fr", "de", "es", "pt", "it", "ar", "mn", "ja"] as const;
