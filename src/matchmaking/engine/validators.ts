/**
 * @module matchmaking/engine/validators
 * Checks for company profiles and the vetting decision: the Japanese corporate number (法人番号) and
 * its check digit, the documented list of certifications with ja/en labels, ISO 3166 alpha-2 country
 * codes, and the vetting policy — four criteria scored 0–5 with the Enterprise Europe Network's
 * publish/hold/reject thresholds as the default — as a pure function returning decision and reasons.
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import ja from "i18n-iso-countries/langs/ja.json" with { type: "json" };
import type { Bilingual } from "../../core/domain.ts";
import type { FieldError } from "../../core/errors.ts";
import { AppError } from "../../core/errors.ts";

countries.registerLocale(en);
countries.registerLocale(ja);

// ---------------------------------------------------------------------------------------------
// Corporate number (法人番号)

/**
 * Check digit of a corporate number from its 12 base digits (National Tax Agency formula):
 * 9 − (Σ Pn × Qn mod 9), Pn the n-th digit counted from the lowest, Qn 1 for odd n and 2 for even n.
 */
export function corporateNumberCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError("corporate number base must be 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12.charAt(12 - n));
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export type CorporateNumberCheck =
  | { ok: true; value: string }
  | { ok: false; value: string; reason: "format" | "check_digit"; message: Bilingual };

/** Validates a 13-digit corporate number; the first digit is the check digit. Spaces and hyphens are ignored. */
export function validateCorporateNumber(raw: string): CorporateNumberCheck {
  const value = raw.normalize("NFKC").replace(/[\s-]/g, "");
  if (!/^\d{13}$/.test(value)) {
    return { ok: false, value, reason: "format", message: { en: "a corporate number has 13 digits", ja: "法人番号は13桁の数字です" } };
  }
  const expected = corporateNumberCheckDigit(value.slice(1));
  if (Number(value.charAt(0)) !== expected) {
    return {
      ok: false,
      value,
      reason: "check_digit",
      message: { en: `check digit should be ${expected}`, ja: `チェックデジットは ${expected} になるはずです` },
    };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Certifications

export const CERTIFICATIONS = [
  { code: "haccp", label: { en: "HACCP", ja: "HACCP" } },
  { code: "halal", label: { en: "Halal", ja: "ハラール認証" } },
  { code: "organic_jas", label: { en: "Organic JAS", ja: "有機JAS" } },
  { code: "jas", label: { en: "JAS (Japanese Agricultural Standards)", ja: "JAS規格" } },
  { code: "iso22000", label: { en: "ISO 22000 (food safety)", ja: "ISO 22000（食品安全）" } },
  { code: "fssc22000", label: { en: "FSSC 22000", ja: "FSSC 22000" } },
  { code: "jgap", label: { en: "JGAP", ja: "JGAP" } },
  { code: "globalgap", label: { en: "GLOBALG.A.P.", ja: "GLOBALG.A.P." } },
  { code: "kosher", label: { en: "Kosher", ja: "コーシャ認証" } },
  { code: "iso9001", label: { en: "ISO 9001 (quality)", ja: "ISO 9001（品質）" } },
  { code: "iso14001", label: { en: "ISO 14001 (environment)", ja: "ISO 14001（環境）" } },
  { code: "ce", label: { en: "CE marking", ja: "CEマーキング" } },
  { code: "fda_registered", label: { en: "FDA-registered facility", ja: "FDA登録施設" } },
] as const satisfies readonly { code: string; label: Bilingual }[];

export type CertificationCode = (typeof CERTIFICATIONS)[number]["code"];
export const CERTIFICATION_CODES: readonly CertificationCode[] = CERTIFICATIONS.map((c) => c.code);

const CERT_KEYS = new Map<string, CertificationCode>(CERTIFICATIONS.map((c) => [c.code.replace(/_/g, ""), c.code]));

/** Accepts "HACCP", "Organic JAS", "GLOBALG.A.P.", "fda_registered"…; undefined if not on the list. */
export function normaliseCertification(raw: string): CertificationCode | undefined {
  return CERT_KEYS.get(raw.normalize("NFKC").toLowerCase().replace(/[\s._-]/g, ""));
}

export function certificationLabel(code: CertificationCode): Bilingual {
  return CERTIFICATIONS.find((c) => c.code === code)?.label ?? { en: code, ja: code };
}

// ---------------------------------------------------------------------------------------------
// Countries

/** Upper-cased ISO 3166-1 alpha-2 code, or undefined when it is not one. */
export function normaliseCountry(raw: string): string | undefined {
  const code = raw.normalize("NFKC").trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code) ? code : undefined;
}

const names = new Map<string, Bilingual>();

export function countryName(code: string): Bilingual {
  let name = names.get(code);
  if (!name) {
    name = { en: countries.getName(code, "en") ?? code, ja: countries.getName(code, "ja") ?? code };
    names.set(code, name);
  }
  return name;
}

// ---------------------------------------------------------------------------------------------
// Vetting policy

/**
 * The four review criteria of the Enterprise Europe Network's external review of partnering profiles
 * ("External review process for POD profiles", EEN, 2016), each scored 0–5.
 */
export const VETTING_CRITERIA = [
  { id: "advantages", label: { en: "Advantages and innovative aspects", ja: "優位性・革新性" } },
  { id: "clarity", label: { en: "Clarity, coherence and understanding", ja: "明確さ・一貫性・わかりやすさ" } },
  { id: "cooperation", label: { en: "Cooperation expectations", ja: "求める協力内容" } },
  { id: "accuracy", label: { en: "Guidelines and linguistic accuracy", ja: "記載要領の遵守・言語の正確さ" } },
] as const satisfies readonly { id: string; label: Bilingual }[];

export type VettingCriterion = (typeof VETTING_CRITERIA)[number]["id"];
export type VettingScores = Record<VettingCriterion, number>;
export type VettingDecision = "publish" | "hold" | "reject";

/** What each score means (EEN scale). */
export const VETTING_SCALE: readonly Bilingual[] = [
  { en: "Blocking", ja: "不可（公開を妨げる）" },
  { en: "Insufficient", ja: "不十分" },
  { en: "Rather poor", ja: "やや不十分" },
  { en: "Sufficient", ja: "可" },
  { en: "Good", ja: "良" },
  { en: "Excellent", ja: "優" },
];

export interface VettingPolicy {
  /** Publish when the total reaches this (EEN: 10 of 20). */
  publishAt: number;
  /** Hold when the total reaches this but not publishAt; reject below (EEN: 5). */
  holdAt: number;
  /** A 0 on any criterion holds the profile whatever the total (EEN rule); reject still wins. */
  zeroHolds: boolean;
}

export const DEFAULT_VETTING_POLICY: VettingPolicy = { publishAt: 10, holdAt: 5, zeroHolds: true };

export interface VettingReason {
  code: "total_publish" | "total_hold" | "total_reject" | "criterion_zero" | "criterion_weak";
  criterion?: VettingCriterion;
  label: Bilingual;
}

export interface VettingResult {
  decision: VettingDecision;
  total: number;
  maximum: number;
  reasons: VettingReason[];
}

const MAX_PER_CRITERION = 5;

function checkPolicy(policy: VettingPolicy): void {
  const max = VETTING_CRITERIA.length * MAX_PER_CRITERION;
  const errors: FieldError[] = [];
  if (!Number.isInteger(policy.holdAt) || policy.holdAt < 0 || policy.holdAt > max) {
    errors.push({ path: "policy.holdAt", message: `must be an integer from 0 to ${max}` });
  }
  if (!Number.isInteger(policy.publishAt) || policy.publishAt <= policy.holdAt || policy.publishAt > max) {
    errors.push({ path: "policy.publishAt", message: `must be an integer above holdAt and at most ${max}` });
  }
  if (errors.length) throw new AppError("validation_failed", "vetting policy is invalid", errors);
}

/** Decides publish / hold / reject from the four criterion scores under a policy (EEN thresholds by default). */
export function decideVetting(scores: VettingScores, policy: VettingPolicy = DEFAULT_VETTING_POLICY): VettingResult {
  checkPolicy(policy);
  const errors: FieldError[] = [];
  for (const c of VETTING_CRITERIA) {
    const s = scores[c.id];
    if (!Number.isInteger(s) || s < 0 || s > MAX_PER_CRITERION) {
      errors.push({ path: `scores.${c.id}`, message: "must be an integer from 0 to 5", value: s });
    }
  }
  if (errors.length) throw new AppError("validation_failed", "vetting scores are invalid", errors);

  const total = VETTING_CRITERIA.reduce((sum, c) => sum + scores[c.id], 0);
  const maximum = VETTING_CRITERIA.length * MAX_PER_CRITERION;
  const reasons: VettingReason[] = [];
  const zeros = VETTING_CRITERIA.filter((c) => scores[c.id] === 0);
  let decision: VettingDecision;
  if (total < policy.holdAt) {
    decision = "reject";
    reasons.push({
      code: "total_reject",
      label: { en: `Total ${total}/${maximum} is below ${policy.holdAt}: rejected`, ja: `合計 ${total}/${maximum} 点が ${policy.holdAt} 点未満のため却下` },
    });
  } else if (total < policy.publishAt) {
    decision = "hold";
    reasons.push({
      code: "total_hold",
      label: {
        en: `Total ${total}/${maximum} is below ${policy.publishAt}: on hold for revision`,
        ja: `合計 ${total}/${maximum} 点が ${policy.publishAt} 点未満のため保留（修正待ち）`,
      },
    });
  } else {
    decision = policy.zeroHolds && zeros.length ? "hold" : "publish";
    reasons.push({
      code: "total_publish",
      label: { en: `Total ${total}/${maximum} reaches ${policy.publishAt}`, ja: `合計 ${total}/${maximum} 点が ${policy.publishAt} 点以上` },
    });
  }
  for (const c of VETTING_CRITERIA) {
    const s = scores[c.id];
    if (s === 0) {
      reasons.push({
        code: "criterion_zero",
        criterion: c.id,
        label: {
          en: `${c.label.en} scored 0 (blocking)${policy.zeroHolds && decision === "hold" ? ": held whatever the total" : ""}`,
          ja: `「${c.label.ja}」が0点（公開を妨げる）${policy.zeroHolds && decision === "hold" ? "：合計点にかかわらず保留" : ""}`,
        },
      });
    } else if (s <= 2) {
      reasons.push({
        code: "criterion_weak",
        criterion: c.id,
        label: { en: `${c.label.en}: ${VETTING_SCALE[s]?.en} (${s}/5)`, ja: `「${c.label.ja}」：${VETTING_SCALE[s]?.ja}（${s}/5）` },
      });
    }
  }
  return { decision, total, maximum, reasons };
}
