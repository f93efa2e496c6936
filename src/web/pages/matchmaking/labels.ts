/**
 * @module web/pages/matchmaking/labels
 * Enum labels of matchmaking (vetting status, opportunity kinds, certifications, units, reason kinds,
 * vetting criteria and decisions, interest states), and the vetting decision the policy gives — the same
 * rule as the server's `decideVetting`, so the review form can show it before it is sent.
 */
import type { Bilingual } from "../../../core/domain.ts";

export const VETTING_STATUS_LABELS: Record<string, Bilingual> = {
  pending: { ja: "審査待ち", en: "Pending review" },
  published: { ja: "公開", en: "Published" },
  held: { ja: "保留", en: "Held" },
  rejected: { ja: "却下", en: "Rejected" },
};

export const OPPORTUNITY_KIND_LABELS: Record<string, Bilingual> = {
  business_offer: { ja: "ビジネス提案（供給）", en: "Business offer" },
  business_request: { ja: "ビジネス引合い（調達）", en: "Business request" },
  technology_offer: { ja: "技術提案", en: "Technology offer" },
  technology_request: { ja: "技術の引合い", en: "Technology request" },
  partnership_request: { ja: "提携先の募集", en: "Partnership request" },
};
export const OPPORTUNITY_KINDS = Object.keys(OPPORTUNITY_KIND_LABELS);

export const CERTIFICATION_LABELS: Record<string, Bilingual> = {
  haccp: { ja: "HACCP", en: "HACCP" },
  halal: { ja: "ハラール認証", en: "Halal" },
  organic_jas: { ja: "有機JAS", en: "Organic JAS" },
  jas: { ja: "JAS規格", en: "JAS" },
  iso22000: { ja: "ISO 22000", en: "ISO 22000" },
  fssc22000: { ja: "FSSC 22000", en: "FSSC 22000" },
  jgap: { ja: "JGAP", en: "JGAP" },
  globalgap: { ja: "GLOBALG.A.P.", en: "GLOBALG.A.P." },
  kosher: { ja: "コーシャ", en: "Kosher" },
  iso9001: { ja: "ISO 9001", en: "ISO 9001" },
  iso14001: { ja: "ISO 14001", en: "ISO 14001" },
  ce: { ja: "CEマーキング", en: "CE marking" },
  fda_registered: { ja: "FDA登録", en: "FDA registered" },
};
export const CERTIFICATION_CODES = Object.keys(CERTIFICATION_LABELS);

export const UNIT_LABELS: Record<string, Bilingual> = {
  kg: { ja: "kg", en: "kg" },
  t: { ja: "トン", en: "t" },
  l: { ja: "リットル", en: "l" },
  kl: { ja: "キロリットル", en: "kl" },
  pieces: { ja: "個", en: "pieces" },
  cases: { ja: "ケース", en: "cases" },
  containers_20ft: { ja: "20フィートコンテナ", en: "20 ft containers" },
  containers_40ft: { ja: "40フィートコンテナ", en: "40 ft containers" },
};
export const UNITS = Object.keys(UNIT_LABELS);

export const REASON_KIND_LABELS: Record<string, Bilingual> = {
  hs: { ja: "HSコード", en: "HS code" },
  concept: { ja: "品目", en: "Product" },
  term: { ja: "用語", en: "Term" },
  market: { ja: "市場", en: "Market" },
  vetting: { ja: "審査", en: "Vetting" },
  capacity: { ja: "供給能力", en: "Capacity" },
  certification: { ja: "認証", en: "Certification" },
};

export const CRITERIA: Array<{ id: "advantages" | "clarity" | "cooperation" | "accuracy"; label: Bilingual }> = [
  { id: "advantages", label: { en: "Advantages and innovative aspects", ja: "優位性・革新性" } },
  { id: "clarity", label: { en: "Clarity, coherence and understanding", ja: "明確さ・一貫性・わかりやすさ" } },
  { id: "cooperation", label: { en: "Cooperation expectations", ja: "求める協力内容" } },
  { id: "accuracy", label: { en: "Guidelines and linguistic accuracy", ja: "記載要領の遵守・言語の正確さ" } },
];

export const DECISION_LABELS: Record<string, Bilingual> = {
  publish: { ja: "公開", en: "Publish" },
  hold: { ja: "保留", en: "Hold" },
  reject: { ja: "却下", en: "Reject" },
};

/** The states' labels are the API's own (matchmaking/interest-states.ts), so badges and history agree. */
export { INTEREST_STATE_LABELS } from "../../../matchmaking/interest-states.ts";

export const MEETING_MODE_LABELS: Record<string, Bilingual> = {
  in_person: { ja: "対面", en: "In person" },
  online: { ja: "オンライン", en: "Online" },
  event: { ja: "催事（商談会・見本市）", en: "At an event" },
};

export const OUTCOME_KIND_LABELS: Record<string, Bilingual> = {
  negotiation: { ja: "交渉", en: "Negotiation" },
  agreement: { ja: "合意", en: "Agreement" },
  contract: { ja: "契約", en: "Contract" },
  no_deal: { ja: "不成立", en: "No deal" },
  follow_up_6m: { ja: "6か月後フォローアップ", en: "6-month follow-up" },
  follow_up_12m: { ja: "12か月後フォローアップ", en: "12-month follow-up" },
};

export const MILESTONE_LABELS: Record<string, Bilingual> = {
  "6m": { ja: "6か月後", en: "6 months" },
  "12m": { ja: "12か月後", en: "12 months" },
};

/** The outcome kinds the API takes from an interest in this state (the server's NEXT_STATE). */
export function outcomeKindsFor(state: string): string[] {
  if (state === "meeting" || state === "negotiating") return ["negotiation", "agreement", "contract", "no_deal"];
  if (state === "agreed") return ["agreement", "contract"];
  return [];
}

/** A money amount in the reader's locale with its ISO currency (yen without decimals). */
export function formatMoney(amount: number, currency: string, locale: "ja" | "en"): string {
  try {
    return new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-GB", { style: "currency", currency, currencyDisplay: currency === "JPY" && locale === "ja" ? "symbol" : "code" }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export interface PolicyThresholds {
  publishAt: number;
  holdAt: number;
  zeroHolds: boolean;
}

/** publish at ≥ publishAt (hold instead if a criterion is 0 and zeroHolds), hold at ≥ holdAt, reject below. */
export function decide(scores: readonly number[], policy: PolicyThresholds): { total: number; decision: "publish" | "hold" | "reject" } {
  const total = scores.reduce((a, b) => a + b, 0);
  if (total >= policy.publishAt) return { total, decision: policy.zeroHolds && scores.some((s) => s === 0) ? "hold" : "publish" };
  if (total >= policy.holdAt) return { total, decision: "hold" };
  return { total, decision: "reject" };
}

/** Totals 0–20 split into reject, hold and publish by the thresholds (empty bands left out). */
export function policyBands(p: Pick<PolicyThresholds, "publishAt" | "holdAt">): Array<{ from: number; to: number; decision: "reject" | "hold" | "publish" }> {
  const bands = [
    { from: 0, to: p.holdAt - 1, decision: "reject" as const },
    { from: p.holdAt, to: p.publishAt - 1, decision: "hold" as const },
    { from: p.publishAt, to: 20, decision: "publish" as const },
  ];
  return bands.filter((b) => b.from <= b.to);
}

/** "sg, TH ,jp" → ["SG", "TH", "JP"] (empty parts dropped, repeats kept for the API to name). */
export function parseCountryList(text: string): string[] {
  return text
    .split(/[,、\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** The matchmaking validators' English messages, in the reader's language (the API answers in English). */
const MESSAGE_RULES: Array<{ pattern: RegExp; text: (m: RegExpMatchArray) => Bilingual }> = [
  { pattern: /^a corporate number has 13 digits$/, text: () => ({ en: "A corporate number has 13 digits", ja: "法人番号は13桁の数字です" }) },
  { pattern: /^check digit should be (\d)$/, text: (m) => ({ en: `Check digit should be ${m[1]}`, ja: `チェックデジットは ${m[1]} になるはずです` }) },
  { pattern: /^an HS code has 2, 4 or 6 digits$/, text: () => ({ en: "An HS code has 2, 4 or 6 digits", ja: "HSコードは2桁・4桁・6桁の数字です" }) },
  { pattern: /^(\S+) is not in the HS 2022 nomenclature$/, text: (m) => ({ en: `${m[1]} is not in the HS 2022 nomenclature`, ja: `${m[1]} はHS 2022に存在しないコードです` }) },
  { pattern: /^give salesAmount and currency together$/, text: () => ({ en: "Give the sales amount and its currency together", ja: "売上額と通貨は両方とも入力してください" }) },
  { pattern: /^must be an ISO 4217 currency code/, text: () => ({ en: "Must be an ISO 4217 currency code such as JPY or USD", ja: "JPY や USD のような ISO 4217 の通貨コードを入力してください" }) },
  { pattern: /^only for mode event$/, text: () => ({ en: "Only for meetings at an event", ja: "催事での商談の場合だけ指定します" }) },
  { pattern: /^required for mode event$/, text: () => ({ en: "Name the event for a meeting at an event", ja: "催事での商談は催事を指定してください" }) },
  { pattern: /^unknown certification/, text: () => ({ en: "Unknown certification", ja: "対象外の認証です" }) },
  { pattern: /^must be below publishAt$/, text: () => ({ en: "Must be below the publishing threshold", ja: "公開の基準点より小さくしてください" }) },
];

/** A field error's message in the reader's language when it is one of matchmaking's own; otherwise as sent. */
export function localiseMessage(message: string, locale: "ja" | "en"): string {
  for (const rule of MESSAGE_RULES) {
    const m = message.match(rule.pattern);
    if (m) return rule.text(m)[locale];
  }
  return message;
}
