/**
 * @module web/pages/networks/labels
 * Enum labels and colours of the networks pages that enum-labels.ts does not have: tie states, lapse and
 * lifecycle vocabularies, activity kinds, case arrangements, obligation frequencies, graph metrics; one
 * colour per tie kind (map arcs, the stacked chart) and per tie state (timelines), from the Okabe–Ito
 * palette where it reaches, so they stay apart for readers with colour-vision deficiencies.
 */
import type { Bilingual, TieKind } from "../../../core/domain.ts";

export const TIE_STATES = ["proposed", "signed", "active", "dormant", "ended"] as const;
export type TieState = (typeof TIE_STATES)[number];
export const TIE_STATE_LABELS: Record<TieState, Bilingual> = {
  proposed: { ja: "提案中", en: "Proposed" },
  signed: { ja: "締結済み", en: "Signed" },
  active: { ja: "活動中", en: "Active" },
  dormant: { ja: "休眠", en: "Dormant" },
  ended: { ja: "終了", en: "Ended" },
};
export const TIE_STATE_COLORS: Record<TieState, string> = {
  proposed: "#8A94A3",
  signed: "#0072B2",
  active: "#009E73",
  dormant: "#E69F00",
  ended: "#5B6675",
};

/** Tie kinds in the order of the paper's story: sister cities at the bottom of the stack, networks on top. */
export const TIE_KIND_ORDER: readonly TieKind[] = [
  "sister_city",
  "friendship",
  "business_partner",
  "purpose_specific",
  "mou",
  "partnership",
  "network_membership",
  "hosting",
  "outsourcing_contract",
];
export const TIE_KIND_COLORS: Record<TieKind, string> = {
  sister_city: "#D55E00",
  friendship: "#E69F00",
  business_partner: "#009E73",
  purpose_specific: "#56B4E9",
  mou: "#CC79A7",
  partnership: "#7F3C8D",
  network_membership: "#0072B2",
  hosting: "#8C6D31",
  outsourcing_contract: "#6B7785",
};

export const ACTIVITY_KINDS = ["delegation_visit", "exchange_programme", "joint_project", "event", "meeting", "report", "other"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, Bilingual> = {
  delegation_visit: { ja: "訪問団", en: "Delegation visit" },
  exchange_programme: { ja: "交流事業", en: "Exchange programme" },
  joint_project: { ja: "共同プロジェクト", en: "Joint project" },
  event: { ja: "イベント", en: "Event" },
  meeting: { ja: "会議", en: "Meeting" },
  report: { ja: "報告", en: "Report" },
  other: { ja: "その他", en: "Other" },
};

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
export const CASE_ARRANGEMENT_LABELS: Record<CaseArrangement, Bilingual> = {
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

export const OBLIGATION_FREQUENCIES = ["once", "annual", "biennial", "semiannual", "quarterly"] as const;
export type ObligationFrequency = (typeof OBLIGATION_FREQUENCIES)[number];
export const OBLIGATION_FREQUENCY_LABELS: Record<ObligationFrequency, Bilingual> = {
  once: { ja: "1回のみ", en: "Once" },
  annual: { ja: "毎年", en: "Annual" },
  biennial: { ja: "隔年", en: "Every two years" },
  semiannual: { ja: "半年ごと", en: "Every six months" },
  quarterly: { ja: "四半期ごと", en: "Quarterly" },
};

/** Languages a case may be written in (ISO 639-1); the API accepts any two-letter code. */
export const CASE_LANGUAGES = ["ja", "en", "ko", "zh", "fr", "de", "es", "th", "vi", "id"] as const;
export const CASE_LANGUAGE_LABELS: Record<(typeof CASE_LANGUAGES)[number], Bilingual> = {
  ja: { ja: "日本語", en: "Japanese" },
  en: { ja: "英語", en: "English" },
  ko: { ja: "韓国語", en: "Korean" },
  zh: { ja: "中国語", en: "Chinese" },
  fr: { ja: "フランス語", en: "French" },
  de: { ja: "ドイツ語", en: "German" },
  es: { ja: "スペイン語", en: "Spanish" },
  th: { ja: "タイ語", en: "Thai" },
  vi: { ja: "ベトナム語", en: "Vietnamese" },
  id: { ja: "インドネシア語", en: "Indonesian" },
};

export const SIZE_METRICS = ["betweenness", "degree", "closeness"] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
export const SIZE_METRIC_LABELS: Record<SizeMetric, Bilingual> = {
  betweenness: { ja: "媒介中心性", en: "Betweenness" },
  degree: { ja: "次数", en: "Degree" },
  closeness: { ja: "近接中心性", en: "Closeness" },
};

export const BROKERAGE_ROLES = ["gatekeeper", "representative", "coordinator", "itinerant", "liaison"] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export const BROKERAGE_ROLE_LABELS: Record<BrokerageRole, Bilingual> = {
  gatekeeper: { ja: "ゲートキーパー", en: "Gatekeeper" },
  representative: { ja: "代表者", en: "Representative" },
  coordinator: { ja: "コーディネーター", en: "Coordinator" },
  itinerant: { ja: "巡回仲介者", en: "Itinerant" },
  liaison: { ja: "リエゾン", en: "Liaison" },
};
export const BROKERAGE_ROLE_HINTS: Record<BrokerageRole, Bilingual> = {
  gatekeeper: { ja: "外部の知識を自分の地域に取り込む", en: "Lets outside knowledge into its own region" },
  representative: { ja: "自分の地域のつながりを外へ運ぶ", en: "Carries its region's ties outward" },
  coordinator: { ja: "同じ地域の中で仲介する", en: "Brokers within its own region" },
  itinerant: { ja: "他の地域の2者を外からつなぐ", en: "An outsider linking two members of another region" },
  liaison: { ja: "自分の属さない2つの地域をつなぐ", en: "Links two regions it belongs to neither of" },
};

export const GROUP_BYS = ["country", "region"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const GROUP_BY_LABELS: Record<GroupBy, Bilingual> = {
  country: { ja: "国", en: "Country" },
  region: { ja: "地域（日本の8地方・国連の小地域）", en: "Region (Japan's eight regions, UN sub-regions)" },
};

/** A label from a table, or the code itself when the table does not know it (open vocabularies). */
export function labelOf(table: Record<string, Bilingual>, code: string): Bilingual {
  return table[code] ?? { ja: code, en: code };
}
