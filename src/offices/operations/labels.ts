/**
 * @module offices/operations/labels
 * The office-operations vocabulary with its Japanese and English labels: the time-use categories (office
 * management, the paper's four primary functions and its other duties), the annual cost components, the five
 * operating models and the organisations that host one-person offices. Shared by the computations, the XLSX
 * export, the CLI and the web app so a label is written once.
 */
import { OFFICE_DUTIES, OFFICE_FUNCTIONS, OFFICE_MODELS } from "../../core/domain.ts";
import type { Bilingual, Locale, OfficeDuty, OfficeFunction, OfficeModel } from "../../core/domain.ts";

/** Work an office does for its government: the four primary functions and the other duties. */
export const WORK_CATEGORIES = [...OFFICE_FUNCTIONS, ...OFFICE_DUTIES] as const;
export type WorkCategory = OfficeFunction | OfficeDuty;

/** What staff time is logged against: running the office itself, or one of the work categories. */
export const TIME_CATEGORIES = ["office_management", ...WORK_CATEGORIES] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

export const TIME_CATEGORY_LABELS: Record<TimeCategory, Bilingual> = {
  office_management: { ja: "事務所管理（賃貸・現地職員・支払等）", en: "Office management (lease, local staff, payments)" },
  information_gathering: { ja: "情報収集・提供", en: "Gathering and providing information" },
  regional_promotion: { ja: "地域情報の発信", en: "Disseminating regional information" },
  educational_cultural_exchange: { ja: "教育・文化交流", en: "Educational and cultural exchange" },
  economic_exchange_business_support: {
    ja: "経済交流・海外ビジネス支援",
    en: "Economic exchange and overseas business support",
  },
  human_networks: { ja: "現地人脈の構築", en: "Building local human networks" },
  vip_visits: { ja: "幹部等の訪問調整", en: "Coordinating visits by senior officials" },
  trade_fair_support: { ja: "海外見本市への出展支援", en: "Support for overseas trade fairs" },
  port_airport_marketing: { ja: "港湾・空港のポートセールス", en: "Port and airport marketing" },
  japanese_language_education: { ja: "日本語教育支援", en: "Japanese-language education support" },
  staff_development: { ja: "職員の国際人材育成", en: "International development of staff" },
};

export const COST_COMPONENTS = [
  "rent",
  "local_staff",
  "dispatched_staff",
  "host_or_membership_fees",
  "contract_fees",
  "travel",
  "events",
  "other",
] as const;
export type CostComponent = (typeof COST_COMPONENTS)[number];

export const COST_COMPONENT_LABELS: Record<CostComponent, Bilingual> = {
  rent: { ja: "事務所賃料", en: "Office rent" },
  local_staff: { ja: "現地職員人件費", en: "Local staff" },
  dispatched_staff: { ja: "派遣職員経費（在勤手当等を含む）", en: "Dispatched staff (incl. overseas allowances)" },
  host_or_membership_fees: { ja: "入居費・会費", en: "Host or membership fees" },
  contract_fees: { ja: "業務委託料", en: "Contract fees" },
  travel: { ja: "旅費", en: "Travel" },
  events: { ja: "事業・イベント費", en: "Events" },
  other: { ja: "その他", en: "Other" },
};

export const OFFICE_MODEL_LABELS: Record<OfficeModel, Bilingual> = {
  independent: { ja: "単独設置（直営）", en: "Independent (directly operated)" },
  joint_municipal: { ja: "自治体共同事務所", en: "Joint office of local governments" },
  joint_industry_academia: {
    ja: "産学官共同事務所（地方銀行・大学）",
    en: "Industry–public–academia joint office (regional bank, university)",
  },
  hosted: { ja: "関係機関内の一人事務所", en: "One-person office hosted in another organisation" },
  outsourced: { ja: "業務委託（ビジネスサポートデスク等）", en: "Outsourced support desk" },
};

/** Organisations that host one-person offices (paper: CLAIR, JETRO; Table 1: a host-country government agency). */
export const HOST_KINDS = ["jetro", "clair", "host_government_agency"] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const HOST_LABELS: Record<HostKind, Bilingual> = {
  jetro: { ja: "日本貿易振興機構（ジェトロ）", en: "JETRO" },
  clair: { ja: "自治体国際化協会（クレア）", en: "CLAIR" },
  host_government_agency: { ja: "現地政府機関", en: "Host-country government agency" },
};

/** Partners of an industry–public–academia joint office. */
export const JOINT_PARTNER_KINDS = ["regional_bank", "university"] as const;
export type JointPartnerKind = (typeof JOINT_PARTNER_KINDS)[number];

export const JOINT_PARTNER_LABELS: Record<JointPartnerKind, Bilingual> = {
  regional_bank: { ja: "地方銀行", en: "Regional bank" },
  university: { ja: "大学", en: "University" },
};

export function isWorkCategory(value: string): value is WorkCategory {
  return (WORK_CATEGORIES as readonly string[]).includes(value);
}

export function isOfficeModel(value: string): value is OfficeModel {
  return (OFFICE_MODELS as readonly string[]).includes(value);
}

/** Joins labels in one language, with the list separator a reader of that language expects. */
export function joinLabels(labels: Bilingual[], locale: Locale): string {
  return labels.map((l) => l[locale]).join(locale === "ja" ? "、" : ", ");
}
