/**
 * @module offices/operations/comparison-xlsx
 * The model comparison as an XLSX workbook for a budget request: the models side by side (cost by component,
 * difference from the current model, management hours and share, functions served and not, risks), the
 * assumptions behind every figure with their basis and origin, and the facts they rest on. Headers carry both
 * languages (the chosen locale first); contents are in the chosen locale. Set up to print on A4 landscape.
 */
import ExcelJS from "exceljs";
import type { Bilingual, Locale } from "../../core/domain.ts";
import { COMPARISON_TITLE } from "./compare-models.ts";
import type { ModelComparison, ModelResult } from "./compare-models.ts";
import { COST_COMPONENT_LABELS, COST_COMPONENTS, HOST_LABELS, JOINT_PARTNER_LABELS, TIME_CATEGORY_LABELS, joinLabels } from "./labels.ts";

function bi(label: Bilingual, locale: Locale): string {
  const other: Locale = locale === "ja" ? "en" : "ja";
  return `${label[locale]} / ${label[other]}`;
}

const L = {
  comparisonSheet: "比較 Comparison",
  assumptionsSheet: "前提条件 Assumptions",
  factsSheet: "出典 Sources",
  office: { ja: "事務所", en: "Office" },
  item: { ja: "項目", en: "Item" },
  current: { ja: "（現行）", en: " (current)" },
  annualCost: { ja: "年間経費（円）", en: "Annual cost (JPY)" },
  delta: { ja: "現行との差額（円）", en: "Difference from current (JPY)" },
  managementHours: { ja: "管理業務時間（年）", en: "Management hours a year" },
  managementShare: { ja: "管理業務の割合", en: "Management share" },
  benchmark: { ja: "論文の基準（単独事務所の所長）", en: "Paper's benchmark (head of an independent office)" },
  workServed: { ja: "対応できる業務時間（年）", en: "Work hours served a year" },
  workNotServed: { ja: "対応できない業務時間（年）", en: "Work hours not served a year" },
  staffing: { ja: "人員（派遣／現地）", en: "Staff (dispatched / local)" },
  arrangement: { ja: "受入機関・共同設置者", en: "Host or partner" },
  served: { ja: "対応できる業務", en: "Functions served" },
  notServed: { ja: "対応できない業務", en: "Functions not served" },
  risks: { ja: "リスク", en: "Risks" },
  path: { ja: "前提条件（パス）", en: "Assumption (path)" },
  models: { ja: "使用した形態", en: "Used by models" },
  value: { ja: "値", en: "Value" },
  basis: { ja: "根拠の種類", en: "Basis" },
  origin: { ja: "設定元", en: "Origin" },
  facts: { ja: "根拠となる事実", en: "Facts" },
  note: { ja: "注記", en: "Note" },
  factId: { ja: "事実ID", en: "Fact id" },
  fact: { ja: "内容", en: "Fact" },
  source: { ja: "出典", en: "Source" },
  date: { ja: "日付", en: "Date" },
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
}

function arrangementOf(r: ModelResult, locale: Locale): string {
  if (r.host) return HOST_LABELS[r.host][locale];
  if (r.partnerKind) return JOINT_PARTNER_LABELS[r.partnerKind][locale];
  return "";
}

function addComparisonSheet(wb: ExcelJS.Workbook, c: ModelComparison, locale: Locale): void {
  const ws = wb.addWorksheet(L.comparisonSheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", xSplit: 1, ySplit: 3 }],
  });
  const officeName = c.office.name?.[locale] ?? c.office.name?.[locale === "ja" ? "en" : "ja"] ?? c.office.id;
  ws.addRow([`${COMPARISON_TITLE[locale]} — ${bi(L.office, locale)}: ${officeName} (${c.office.city}, ${c.office.country})`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([bi(L.benchmark, locale), c.benchmark]).getCell(2).numFmt = "0%";
  const header = ws.addRow([
    bi(L.item, locale),
    ...c.models.map((r) => `${bi(r.label, locale)}${r.current ? L.current[locale] : ""}`),
  ]);
  styleHeader(header);

  const yen = "#,##0";
  const rows: { label: Bilingual; values: (r: ModelResult) => string | number; format?: string; wrap?: boolean; indent?: boolean }[] = [
    { label: L.annualCost, values: (r) => r.annualCostJpy, format: yen },
    ...COST_COMPONENTS.map((comp) => ({
      label: COST_COMPONENT_LABELS[comp],
      values: (r: ModelResult) => r.costBreakdown[comp],
      format: yen,
      indent: true,
    })),
    { label: L.delta, values: (r) => r.costDeltaVsCurrentJpy, format: "+#,##0;-#,##0;0" },
    { label: L.managementHours, values: (r) => r.managementHours, format: "#,##0.0" },
    { label: L.managementShare, values: (r) => r.managementShare, format: "0.0%" },
    { label: L.workServed, values: (r) => r.workHoursServed, format: "#,##0" },
    { label: L.workNotServed, values: (r) => r.workHoursNotServed, format: "#,##0" },
    { label: L.staffing, values: (r) => `${r.staffing.dispatched} / ${r.staffing.local}` },
    { label: L.arrangement, values: (r) => arrangementOf(r, locale) },
    { label: L.served, values: (r) => joinLabels(r.functionsServed.map((f) => TIME_CATEGORY_LABELS[f]), locale), wrap: true },
    { label: L.notServed, values: (r) => joinLabels(r.functionsNotServed.map((f) => TIME_CATEGORY_LABELS[f]), locale), wrap: true },
    { label: L.risks, values: (r) => r.risks.map((k) => `・${k.text[locale]}`).join("\n"), wrap: true },
  ];
  for (const spec of rows) {
    const row = ws.addRow([bi(spec.label, locale), ...c.models.map(spec.values)]);
    row.getCell(1).font = { bold: !spec.indent };
    row.eachCell((cell, col) => {
      if (col > 1 && spec.format) cell.numFmt = spec.format;
      cell.alignment = { wrapText: spec.wrap ?? col === 1, vertical: "top", ...(col === 1 && spec.indent ? { indent: 2 } : {}) };
    });
  }
  ws.getColumn(1).width = 42;
  for (let i = 0; i < c.models.length; i++) ws.getColumn(i + 2).width = 32;
  ws.pageSetup.printTitlesRow = "3:3";
}

function addAssumptionsSheet(wb: ExcelJS.Workbook, c: ModelComparison, locale: Locale): void {
  const ws = wb.addWorksheet(L.assumptionsSheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  styleHeader(ws.addRow([L.path, L.models, L.value, L.basis, L.origin, L.facts, L.note].map((l) => bi(l, locale))));
  const seen = new Map<string, { models: string[]; row: (string | number)[] }>();
  for (const r of c.models) {
    for (const u of r.assumptionsUsed) {
      const entry = seen.get(u.path);
      if (entry) {
        entry.models.push(r.model);
        continue;
      }
      const value = typeof u.value === "number" ? u.value : JSON.stringify(u.value);
      seen.set(u.path, {
        models: [r.model],
        row: [u.path, "", value, u.basis, u.origin, u.facts.join(", "), u.note?.[locale] ?? ""],
      });
    }
  }
  for (const { models, row } of seen.values()) {
    row[1] = models.length === c.models.length ? "*" : models.join(", ");
    ws.addRow(row).eachCell((cell) => (cell.alignment = { wrapText: true, vertical: "top" }));
  }
  [44, 24, 22, 14, 10, 30, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup.printTitlesRow = "1:1";
}

function addFactsSheet(wb: ExcelJS.Workbook, c: ModelComparison, locale: Locale): void {
  const ws = wb.addWorksheet(L.factsSheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  styleHeader(ws.addRow([L.factId, L.fact, L.source, L.date].map((l) => bi(l, locale))));
  for (const f of c.facts) {
    ws.addRow([f.id, f.text[locale], f.source, f.date ?? ""]).eachCell((cell) => (cell.alignment = { wrapText: true, vertical: "top" }));
  }
  [34, 80, 50, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The comparison as an XLSX file (three sheets: comparison, assumptions, sources). */
export async function toXlsx(comparison: ModelComparison, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "renkei";
  wb.title = COMPARISON_TITLE[locale];
  addComparisonSheet(wb, comparison, locale);
  addAssumptionsSheet(wb, comparison, locale);
  addFactsSheet(wb, comparison, locale);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
