/**
 * @module web/i18n/field-errors
 * Puts the API's field errors into the reader's language. The server names the reason in English (zod's
 * wording or the registry's own); known reasons get a ja/en sentence, anything else falls back to a
 * translation of the machine code, then to the server's own words, so no reason is ever dropped.
 */
import type { Bilingual, Locale } from "../../core/domain.ts";

interface Rule {
  pattern: RegExp;
  text: Bilingual;
}

/** `{1}`, `{2}` … in a text are replaced by the pattern's captures. */
const RULES: Rule[] = [
  { pattern: /expected string to have >=1 characters/, text: { ja: "入力してください", en: "Required" } },
  { pattern: /^Invalid input: expected \w+, received undefined$/, text: { ja: "入力してください", en: "Required" } },
  { pattern: /^Invalid input: expected number, received \w+$/, text: { ja: "数値で入力してください", en: "Enter a number" } },
  { pattern: /^Invalid input: expected int, received number$/, text: { ja: "整数で入力してください", en: "Enter a whole number" } },
  { pattern: /expected number to be <=(.+)$/, text: { ja: "{1} 以下で入力してください", en: "Must be at most {1}" } },
  { pattern: /expected number to be >=(.+)$/, text: { ja: "{1} 以上で入力してください", en: "Must be at least {1}" } },
  { pattern: /expected string to have <=(\d+) characters/, text: { ja: "{1} 文字以内で入力してください", en: "At most {1} characters" } },
  { pattern: /expected array to have <=(\d+) items/, text: { ja: "{1} 件までです", en: "At most {1} items" } },
  { pattern: /^Invalid option/, text: { ja: "選択肢から選んでください", en: "Choose one of the options" } },
  { pattern: /must be a date as YYYY, YYYY-MM or YYYY-MM-DD/, text: { ja: "年（YYYY）、年月（YYYY-MM）または年月日（YYYY-MM-DD）の正しい日付を入力してください", en: "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD" } },
  { pattern: /must not be before opened/, text: { ja: "開設日より前の日付にはできません", en: "Must not be before the opening date" } },
  { pattern: /must not be before since/, text: { ja: "開始日より前の日付にはできません", en: "Must not be before the start date" } },
  { pattern: /must differ from aOrgId/, text: { ja: "両端に同じ組織は指定できません", en: "Must be a different organisation from the first end" } },
  { pattern: /ISO 3166-1 alpha-2/, text: { ja: "国を選んでください", en: "Choose a country" } },
  { pattern: /6-digit local government code/, text: { ja: "検査数字付き6桁の地方公共団体コードを入力してください（例: 011002）", en: "Enter a 6-digit local government code with its check digit (e.g. 011002)" } },
  { pattern: /prefecture's code is its number followed by 000/, text: { ja: "都道府県のコードは番号＋000＋検査数字です", en: "A prefecture's code is its number, 000 and the check digit" } },
  { pattern: /^required for kind/, text: { ja: "この種類の組織では必須です", en: "Required for this kind of organisation" } },
  { pattern: /only Japanese local governments have one/, text: { ja: "日本の地方公共団体だけが持つコードです", en: "Only Japanese local governments have one" } },
  { pattern: /a Japanese local government is in JP/, text: { ja: "日本の地方公共団体の国は日本（JP）です", en: "A Japanese local government is in Japan (JP)" } },
  { pattern: /must not repeat a value/, text: { ja: "同じ値が重複しています", en: "A value is repeated" } },
  { pattern: /already registered/, text: { ja: "既に登録されています", en: "Already registered" } },
  { pattern: /not an organisation you can act for/, text: { ja: "この組織として登録する権限がありません", en: "You cannot act for this organisation" } },
  { pattern: /^no organisation with id/, text: { ja: "指定した組織が存在しません", en: "No such organisation" } },
  { pattern: /^no such office/, text: { ja: "指定した事務所が存在しません", en: "No such office" } },
  { pattern: /^refers to itself/, text: { ja: "自分自身は指定できません", en: "Cannot refer to itself" } },
  { pattern: /required unless you are a system administrator/, text: { ja: "所有組織を選んでください", en: "Choose the owner organisation" } },
  { pattern: /wrong e-mail or password/, text: { ja: "メールアドレスまたはパスワードが違います", en: "Wrong e-mail or password" } },
  { pattern: /^Invalid email/, text: { ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" } },
  { pattern: /^Invalid URL/, text: { ja: "URL の形式が正しくありません（https://…）", en: "Not a valid URL (https://…)" } },
  { pattern: /^Invalid UUID/, text: { ja: "一覧から選んでください", en: "Choose from the list" } },
  { pattern: /^unknown field/, text: { ja: "不明な項目です", en: "Unknown field" } },
  // Spreadsheet imports (row-level reports).
  { pattern: /^the file has no column "(.+)"/, text: { ja: "ファイルに列「{1}」がありません", en: "The file has no column “{1}”" } },
  { pattern: /^the file has a header but no rows/, text: { ja: "見出し行の下にデータ行がありません", en: "The file has a header row but no data rows" } },
  { pattern: /^field \w+ is already mapped/, text: { ja: "同じ項目に2つの列が対応付けられています", en: "Two columns are mapped to the same field" } },
  { pattern: /^map a column to organisation or to name/, text: { ja: "組織または表示名の列を対応させてください", en: "Map a column to the organisation or the display name" } },
  { pattern: /^not a valid \.xlsx/, text: { ja: "XLSX ファイルとして読めません", en: "Not a readable .xlsx file" } },
  { pattern: /^ambiguous: (\d+) organisations/, text: { ja: "同名の組織が {1} 件あります。ID またはコードで指定してください", en: "{1} organisations have this name; use the id or code" } },
  { pattern: /^no organisation with this id, code, key or name/, text: { ja: "この ID・コード・名称の組織は登録簿にありません", en: "No organisation in the registry has this id, code or name" } },
  { pattern: /^each row needs an organisation or a name/, text: { ja: "各行に組織または表示名が必要です", en: "Each row needs an organisation or a display name" } },
  { pattern: /^unknown type/, text: { ja: "参加区分が不明です（seller・buyer・government・support_organisation または 売り手・バイヤー・行政・支援機関）", en: "Unknown participant type (seller, buyer, government, support_organisation or their labels)" } },
  { pattern: /^no type: map a type column/, text: { ja: "参加区分がありません。区分の列を対応させるか、既定の参加区分を選んでください", en: "No type: map a type column or choose a default type" } },
  { pattern: /^unknown status/, text: { ja: "状態が不明です（pending・approved・rejected・withdrawn またはその日本語名）", en: "Unknown status (pending, approved, rejected, withdrawn or their labels)" } },
  { pattern: /^must be a whole number from (\d+) to (\d+)/, text: { ja: "{1}〜{2} の整数で入力してください", en: "Enter a whole number from {1} to {2}" } },
  { pattern: /^not an e-mail address/, text: { ja: "メールアドレスの形式が正しくありません", en: "Not a valid e-mail address" } },
  { pattern: /^not HS codes of 2, 4 or 6 digits: (.+)$/, text: { ja: "HSコードは2・4・6桁の数字です: {1}", en: "HS codes have 2, 4 or 6 digits: {1}" } },
  { pattern: /^the organisation is already/, text: { ja: "この組織は既にこのイベントの参加者か、ファイル内で重複しています", en: "This organisation is already a participant, or appears twice in the file" } },
  { pattern: /^the e-mail is already/, text: { ja: "このメールアドレスは既に使われているか、ファイル内で重複しています", en: "This e-mail is already used, or appears twice in the file" } },
  // Registry spreadsheet imports (organisations, offices, ties, strategies).
  { pattern: /^unknown column \(expected: (.+)\)$/, text: { ja: "不明な列です（使える列: {1}）", en: "Unknown column (expected: {1})" } },
  { pattern: /^required column is missing/, text: { ja: "必須の列がありません", en: "A required column is missing" } },
  { pattern: /^must be a whole number$/, text: { ja: "整数で入力してください", en: "Enter a whole number" } },
  { pattern: /^must be a number$/, text: { ja: "数値で入力してください", en: "Enter a number" } },
  { pattern: /^must be true or false/, text: { ja: "true / false（はい / いいえ）で入力してください", en: "Enter true or false (yes / no)" } },
  { pattern: /^same natural key as row (\d+)/, text: { ja: "{1} 行目と同じ記録を指しています（キーが重複しています）", en: "Same record as row {1} (the key repeats)" } },
  { pattern: /^no organisation with this id$/, text: { ja: "この ID の組織は登録簿にありません", en: "No organisation in the registry has this id" } },
  { pattern: /^Your organisation may not change this/, text: { ja: "この記録を変更する権限がありません（所有組織の管理者・職員だけが変更できます）", en: "You may not change this record (only its owner's admins and staff may)" } },
  { pattern: /^No [\w ]+ with id .+ not visible to you/, text: { ja: "同じキーの記録がありますが、閲覧・変更の権限がありません", en: "A record with the same key exists, but you may not see or change it" } },
  { pattern: /^not a readable CSV file/, text: { ja: "CSV ファイルとして読めません（引用符や文字コードを確認してください）", en: "Not a readable CSV file (check quotes and encoding)" } },
  { pattern: /^the file is empty/, text: { ja: "ファイルが空です（1行目に見出しが必要です）", en: "The file is empty (it needs a header row)" } },
  { pattern: /^the workbook has no sheet/, text: { ja: "ブックにシートがありません", en: "The workbook has no sheet" } },
  { pattern: /^the event takes at most (\d+) approved/, text: { ja: "この参加区分の承認済み参加者は {1} 件までです", en: "The event takes at most {1} approved participants of this type" } },
];

const BY_CODE: Record<string, Bilingual> = {
  too_small: { ja: "値が小さすぎるか短すぎます", en: "Too small or too short" },
  too_big: { ja: "値が大きすぎるか長すぎます", en: "Too large or too long" },
  invalid_type: { ja: "形式が正しくありません", en: "Wrong type of value" },
  invalid_value: { ja: "選択肢から選んでください", en: "Choose one of the options" },
  invalid_format: { ja: "形式が正しくありません", en: "Wrong format" },
  unrecognized_keys: { ja: "不明な項目です", en: "Unknown field" },
};

/** The reason for one field error, in the reader's language. */
export function fieldErrorText(error: { message: string; code?: string }, locale: Locale): string {
  for (const rule of RULES) {
    const match = rule.pattern.exec(error.message);
    if (match) return rule.text[locale].replace(/\{(\d)\}/g, (_, n: string) => (match[Number(n)] ?? "").trim());
  }
  if (locale === "en") return error.message;
  const byCode = error.code ? BY_CODE[error.code] : undefined;
  return byCode ? `${byCode.ja}（${error.message}）` : error.message;
}
