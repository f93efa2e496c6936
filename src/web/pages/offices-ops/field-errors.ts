/**
 * @module web/pages/offices-ops/field-errors
 * The reasons the office-operations and people APIs give, in the reader's language. The app's catalogue
 * (i18n/field-errors.ts) knows the generic ones; these are the domain's own (the 744 h cap, a posting that
 * has not ended, shares that do not sum to 1…). Anything unknown falls back to the app's catalogue, so no
 * reason is ever dropped.
 */
import type { Bilingual, Locale } from "../../../core/domain.ts";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import type { SummaryItem } from "../../components/problem-alert.tsx";

interface Rule {
  pattern: RegExp;
  text: Bilingual;
}

/** `{1}`, `{2}` in a text are replaced by the pattern's captures. */
const RULES: Rule[] = [
  { pattern: /must not exceed 744 h/, text: { ja: "1か月744時間（31日×24時間）以下で入力してください", en: "At most 744 h (a 31-day month)" } },
  { pattern: /would log ([\d.]+) h in (\d{4}-\d{2}), more than the 744 h|logged ([\d.]+) h in (\d{4}-\d{2}), more than the 744 h/, text: { ja: "この月の合計が744時間を超えます", en: "The month's total would exceed 744 h" } },
  { pattern: /must be a month as YYYY-MM/, text: { ja: "年月（YYYY-MM）で入力してください", en: "Enter a month as YYYY-MM" } },
  { pattern: /name the staff member/, text: { ja: "職員を選ぶか名前を入力してください", en: "Choose a staff member or enter a name" } },
  { pattern: /give either personId or staffName/, text: { ja: "職員の選択と名前の入力はどちらか一方にしてください", en: "Choose a person or enter a name, not both" } },
  { pattern: /^repeats row (\d+)/, text: { ja: "{1} 行目と同じ職員・月・区分です", en: "Repeats row {1} (same staff member, month and category)" } },
  { pattern: /^already logged for/, text: { ja: "この職員・月・区分は記録済みです", en: "Already logged for this staff member, month and category" } },
  { pattern: /must be a whole number of yen/, text: { ja: "0以上の整数（円）で入力してください", en: "Enter whole yen, 0 or more" } },
  { pattern: /^must be below 1 \(management cannot take all the time\)/, text: { ja: "95%以下で入力してください（管理だけで時間を使い切ることはできません）", en: "At most 95 % (management cannot take all the time)" } },
  { pattern: /^must be a whole number of people/, text: { ja: "人数を整数で入力してください", en: "Enter a whole number of people" } },
  { pattern: /^must be a number of hours/, text: { ja: "時間数を入力してください", en: "Enter a number of hours" } },
  { pattern: /^a joint office has at least 2 members/, text: { ja: "共同事務所の団体数は2以上です", en: "A joint office has at least 2 members" } },
  { pattern: /^must not be negative/, text: { ja: "0以上で入力してください", en: "Must not be negative" } },
  { pattern: /^give at least one of rent/, text: { ja: "少なくとも1つの費目を入力してください", en: "Enter at least one component" } },
  { pattern: /^must sum to 1/, text: { ja: "割合の合計を100%にしてください", en: "The shares must add up to 100 %" } },
  { pattern: /^missing for member/, text: { ja: "この団体の値を入力してください", en: "Enter a value for this member" } },
  { pattern: /^must not exceed the total/, text: { ja: "総額を超えています", en: "Must not exceed the total" } },
  { pattern: /usage sums to 0/, text: { ja: "利用実績の合計が0です", en: "The usage adds up to 0" } },
  { pattern: /^must be a fraction/, text: { ja: "割合（0〜100%）で入力してください", en: "Enter a share (0–100 %)" } },
  { pattern: /^must not exceed 1$/, text: { ja: "100%以下で入力してください", en: "At most 100 %" } },
  { pattern: /^only for an office that is currently joint/, text: { ja: "共同設置の事務所でのみ指定できます", en: "Only for an office that is currently joint" } },
  { pattern: /^is before from/, text: { ja: "開始より前の日付にはできません", en: "Must not be before the start" } },
  { pattern: /^required for a dispatch/, text: { ja: "派遣の場合は派遣先を選んでください", en: "Required for a dispatch" } },
  { pattern: /^only for a dispatch/, text: { ja: "派遣の場合だけ指定できます", en: "Only for a dispatch" } },
  { pattern: /^required for an overseas posting/, text: { ja: "海外事務所の勤務では国を選んでください", en: "Required for an overseas posting" } },
  { pattern: /^name the posting/, text: { ja: "勤務を選んでください", en: "Choose the posting" } },
  { pattern: /must say what shows the competency/, text: { ja: "能力を示す内容を入力してください", en: "Say what shows the competency" } },
  { pattern: /needs at least one piece of evidence/, text: { ja: "根拠を1つ以上入力してください", en: "Give at least one piece of evidence" } },
  { pattern: /must be one of .+ on the \w+ scale/, text: { ja: "尺度に合ったレベルを選んでください", en: "Choose a level on this scale" } },
  { pattern: /^jlpt levels are for Japanese/, text: { ja: "JLPT相当の尺度は日本語だけに使えます（他の言語はCEFR）", en: "JLPT levels are for Japanese; use CEFR for other languages" } },
  { pattern: /must be an ISO 639 language code/, text: { ja: "言語を選んでください", en: "Choose a language" } },
  { pattern: /must be the user account of a member of the organisation/, text: { ja: "この団体に所属するアカウントのIDを入力してください", en: "Enter the account id of a member of the organisation" } },
  { pattern: /^already linked to person/, text: { ja: "このアカウントは別の職員の記録に結び付いています", en: "This account is already linked to another person" } },
  { pattern: /^the posting has not ended/, text: { ja: "この勤務はまだ終了していません。先に最終日を設定してください", en: "The posting has not ended: set its last day first" } },
  { pattern: /^the successor must be someone other/, text: { ja: "後任者には本人以外を選んでください", en: "The successor must be someone else" } },
  { pattern: /^no person with this id in the organisation/, text: { ja: "この団体にその職員はいません", en: "No such person in the organisation" } },
  { pattern: /^already has a pending handover pack/, text: { ja: "この勤務には確認待ちの引継ぎが既にあります", en: "This posting already has a pending handover" } },
  { pattern: /^owned by .+ who is handing over/, text: { ja: "引き継ぐ本人の連絡先ではありません", en: "Not a contact of the person handing over" } },
  { pattern: /^no such tie in the registry/, text: { ja: "連携関係が見つかりません", en: "No such tie" } },
  { pattern: /is listed twice$/, text: { ja: "同じ項目が重複しています", en: "Listed twice" } },
  { pattern: /^no person .+ in the office's owner or co-owner/, text: { ja: "設置団体の職員ではありません", en: "Not a person of the office's owner or co-owners" } },
];

/** The reason for one field error, in the reader's language. */
export function opsErrorText(error: { message: string; code?: string }, locale: Locale): string {
  for (const rule of RULES) {
    const match = rule.pattern.exec(error.message);
    if (match) return rule.text[locale].replace(/\{(\d)\}/g, (_, i: string) => match[Number(i)] ?? "");
  }
  return fieldErrorText(error, locale);
}

/** Summary items with the reasons already in the reader's language (ProblemAlert leaves them as they are). */
export function translateItems(items: SummaryItem[], locale: Locale): SummaryItem[] {
  return items.map((item) => {
    const known = RULES.some((r) => r.pattern.test(item.message));
    return known ? { ...item, message: opsErrorText(item, locale), code: undefined } : item;
  });
}
