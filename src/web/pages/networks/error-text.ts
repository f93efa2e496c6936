/**
 * @module web/pages/networks/error-text
 * The networks API's own reasons (tie lifecycle, upgrades, cases, obligations) in the reader's language.
 * The app's field-errors.ts knows the registry's and zod's wording; these are the networks capability's,
 * translated here before a problem reaches the forms, so a Japanese reader never meets an English reason.
 * Anything unknown passes through unchanged (the app then falls back as usual).
 */
import type { Bilingual, Locale } from "../../../core/domain.ts";
import { ApiError, type Problem } from "../../lib/api.ts";
import { TIE_STATE_LABELS } from "./labels.ts";

const state = (code: string | undefined, locale: Locale) => (code && code in TIE_STATE_LABELS ? TIE_STATE_LABELS[code as keyof typeof TIE_STATE_LABELS][locale] : (code ?? ""));

interface Rule {
  pattern: RegExp;
  text: (m: RegExpExecArray, locale: Locale) => string;
}

const fixed = (text: Bilingual) => (_: RegExpExecArray, locale: Locale) => text[locale];

const RULES: Rule[] = [
  { pattern: /^a reason is required for becoming (\w+)$/, text: (m, l) => (l === "ja" ? `「${state(m[1], l)}」にするには理由が必要です` : `A reason is required for becoming ${state(m[1], l).toLowerCase()}`) },
  { pattern: /^is not a reason for becoming (\w+)$/, text: (m, l) => (l === "ja" ? `「${state(m[1], l)}」の理由としては選べません` : `Not a reason for becoming ${state(m[1], l).toLowerCase()}`) },
  { pattern: /^cannot go from (\w+) to (\w+)/, text: (m, l) => (l === "ja" ? `「${state(m[1], l)}」から「${state(m[2], l)}」へは変えられません` : `Cannot go from ${state(m[1], l).toLowerCase()} to ${state(m[2], l).toLowerCase()}`) },
  { pattern: /^is before the previous change \((.+)\)$/, text: (m, l) => (l === "ja" ? `前の変化（${m[1]}）より前の日付です` : `Before the previous change (${m[1]})`) },
  { pattern: /^a tie's history must start/, text: fixed({ ja: "最初の状態は「提案中」「締結済み」「活動中」のいずれかです", en: "A history starts as proposed, signed or active" }) },
  { pattern: /^only a signing has signatories$/, text: fixed({ ja: "署名者は「締結済み」の記録にだけ付けられます", en: "Only a signing has signatories" }) },
  { pattern: /^a signatory's office is empty$/, text: fixed({ ja: "署名者の役職が空です", en: "A signatory's office is empty" }) },
  { pattern: /^give a title in Japanese or English$/, text: fixed({ ja: "日本語か英語のタイトルを入力してください", en: "Give a title in Japanese or English" }) },
  { pattern: /^must be a calendar date as YYYY-MM-DD$|^must be an ISO date/, text: fixed({ ja: "年-月-日（YYYY-MM-DD）の正しい日付を入力してください", en: "Enter a real date as YYYY-MM-DD" }) },
  { pattern: /^an upgrade changes the kind/, text: fixed({ ja: "発展させるには別の種類を選んでください", en: "An upgrade changes the kind of tie" }) },
  { pattern: /^only a .* tie can be upgraded/, text: fixed({ ja: "締結済み・活動中・休眠の連携だけを発展させられます", en: "Only a signed, active or dormant tie can be upgraded" }) },
  { pattern: /^must not be before startYear$/, text: fixed({ ja: "最初の年より前にはできません", en: "Must not be before the first year" }) },
  { pattern: /^is a \w+, not a network$/, text: fixed({ ja: "都市ネットワークではありません", en: "Not a city network" }) },
  { pattern: /^must be a two-letter ISO 639-1 code/, text: fixed({ ja: "2文字の言語コード（ja、en など）を選んでください", en: "Choose a two-letter language code (ja, en…)" }) },
  { pattern: /^not the latest event$/, text: fixed({ ja: "取り消せるのは最後の記録だけです", en: "Only the latest change can be undone" }) },
  { pattern: /^part of an upgrade lineage$/, text: fixed({ ja: "発展の系譜の一部のため取り消せません", en: "Part of an upgrade lineage, so it cannot be undone" }) },
];

/** One reason in the reader's language, or null when it is not one of ours. */
export function networksErrorText(message: string, locale: Locale): string | null {
  for (const rule of RULES) {
    const m = rule.pattern.exec(message);
    if (m) return rule.text(m, locale);
  }
  return null;
}

/** The problem with every reason we know translated (their codes dropped, so nothing is added to them). */
export function localiseProblem(problem: Problem, locale: Locale): Problem {
  return {
    ...problem,
    errors: problem.errors.map((e) => {
      const text = networksErrorText(e.message, locale);
      return text === null ? e : { path: e.path, message: text };
    }),
  };
}

/** Wraps an API call so that its problem, if any, comes back in the reader's language. */
export async function localised<T>(call: Promise<T>, locale: Locale): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(localiseProblem(error.problem, locale));
    throw error;
  }
}
