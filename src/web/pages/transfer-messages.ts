/**
 * @module web/pages/transfer-messages
 * Labels of the registry's import and export page, Japanese and English side by side (merged into the
 * app's catalog).
 */
import type { Bilingual } from "../../core/domain.ts";

export const transferMessages = {
  "transfer.nav": { ja: "データの取込・書出", en: "Import and export" },
  "transfer.title": { ja: "データの取込・書出", en: "Import and export" },
  "transfer.intro": {
    ja: "組織・海外事務所・連携関係・国際戦略を CSV または Excel（XLSX）で書き出し、編集して取り込めます。書き出したファイルはそのまま取り込めます。",
    en: "Export organisations, overseas offices, ties and strategies as CSV or Excel (XLSX), edit them and import them back: an exported file imports as it is.",
  },
  "transfer.entity.organisations": { ja: "組織", en: "Organisations" },
  "transfer.entity.offices": { ja: "海外事務所", en: "Overseas offices" },
  "transfer.entity.ties": { ja: "連携関係", en: "Ties" },
  "transfer.entity.strategies": { ja: "国際戦略", en: "International strategies" },
  "transfer.exportTitle": { ja: "書き出し", en: "Export" },
  "transfer.exportHint": { ja: "あなたが閲覧できる記録を書き出します（サインインしていない場合は公開データのみ）。", en: "Exports the records you may see (public records only when you are not signed in)." },
  "transfer.exportCaption": { ja: "書き出すデータと形式", en: "What to export, and in which format" },
  "transfer.exportWhat": { ja: "データ", en: "Data" },
  "transfer.exportFormats": { ja: "ダウンロード", en: "Download" },
  "transfer.download": { ja: "{what}（{format}）をダウンロード", en: "Download {what} ({format})" },
  "transfer.importTitle": { ja: "取り込み", en: "Import" },
  "transfer.importHint": {
    ja: "1行目に列名、2行目から1行1件。既存の記録（所有組織・都市・開設日などのキーが同じもの）は更新され、それ以外は新規登録されます。1件でも誤りがあれば何も書き込まれません。",
    en: "Column names in the first row, then one record per row. Records already in the registry (same key: owner, city, opening date…) are updated, others created. If any row is wrong, nothing is written.",
  },
  "transfer.signInToImport": { ja: "取り込むにはサインインしてください。", en: "Sign in to import." },
  "transfer.what": { ja: "取り込むデータ", en: "What to import" },
  "transfer.file": { ja: "ファイル（CSV・XLSX）", en: "File (CSV or XLSX)" },
  "transfer.check": { ja: "確認する", en: "Check" },
  "transfer.checking": { ja: "確認中…", en: "Checking…" },
  "transfer.import": { ja: "取り込む", en: "Import" },
  "transfer.importing": { ja: "取り込み中…", en: "Importing…" },
  "transfer.checked": { ja: "{rows} 行を確認しました: 新規 {created} 件、更新 {updated} 件。まだ何も書き込まれていません。", en: "{rows} rows checked: {created} new, {updated} updated. Nothing written yet." },
  "transfer.done": { ja: "取り込みました: {rows} 行、新規 {created} 件、更新 {updated} 件。", en: "Imported {rows} rows: {created} new, {updated} updated." },
  "transfer.rejected": { ja: "このファイルは取り込めません（{n} 件の問題）。何も書き込まれていません。", en: "This file cannot be imported ({n} problems). Nothing was written." },
  "transfer.errorsCaption": { ja: "ファイルの問題", en: "Problems in the file" },
  "transfer.row": { ja: "行", en: "Row" },
  "transfer.column": { ja: "列", en: "Column" },
  "transfer.value": { ja: "値", en: "Value" },
  "transfer.reason": { ja: "理由", en: "Reason" },
  "transfer.wholeFile": { ja: "ファイル全体", en: "Whole file" },
  "transfer.columnsLink": { ja: "列の一覧（{what}）", en: "Column reference ({what})" },
  "transfer.columnsTitle": { ja: "列の一覧: {what}", en: "Columns: {what}" },
  "transfer.columnsHint": {
    ja: "列の順序は自由で、必須でない列は省けます。省いた列は更新時に変更されません。真偽は true/false（はい/いいえ）、複数の値はセミコロン（;）で区切ります。",
    en: "Columns may come in any order and optional ones may be left out; a column left out is not changed on update. Yes/no values are true/false; several values are separated by semicolons (;).",
  },
  "transfer.columnName": { ja: "列名", en: "Column" },
  "transfer.columnKind": { ja: "内容", en: "Content" },
  "transfer.required": { ja: "必須", en: "Required" },
  "transfer.optional": { ja: "任意", en: "Optional" },
  "transfer.kind.text": { ja: "文字列（選択肢は英語の値）", en: "Text (choices as their English value)" },
  "transfer.kind.int": { ja: "整数（桁区切りのカンマ可）", en: "Whole number (thousands commas allowed)" },
  "transfer.kind.number": { ja: "数値", en: "Number" },
  "transfer.kind.bool": { ja: "true / false（はい / いいえ）", en: "true / false (yes / no)" },
  "transfer.kind.list": { ja: "値のリスト（; 区切り）", en: "List of values (separated by ;)" },
  "transfer.kind.org": { ja: "組織（ID、地方公共団体コード、または正確な名称）", en: "Organisation (id, local government code, or exact name)" },
  "transfer.kind.orgList": { ja: "組織のリスト（; 区切り）", en: "List of organisations (separated by ;)" },
} as const satisfies Record<string, Bilingual>;
