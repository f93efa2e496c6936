/**
 * @module governance/compare-xlsx
 * The comparison as an Excel workbook (exceljs, in memory): one sheet with the table, shares formatted as
 * percentages, and one with Table 3 in Japanese and English as the legend.
 */
import ExcelJS from "exceljs";
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type Locale } from "../core/domain.ts";
import { comparisonCells, comparisonColumns, type ComparisonTable } from "./compare.ts";
import type { TGovernanceModel } from "./model.ts";

/** Writes the comparison to an XLSX buffer with labels in `locale` (default Japanese). */
export async function comparisonToXlsx(table: ComparisonTable, model: TGovernanceModel, locale: Locale = "ja"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "renkei";
  const sheet = workbook.addWorksheet(locale === "ja" ? "比較" : "Comparison", { views: [{ state: "frozen", xSplit: 3, ySplit: 1 }] });
  const labels = { model, locale };
  const header = sheet.addRow(comparisonColumns(labels));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const cells of comparisonCells(table, labels)) sheet.addRow(cells);
  // Share columns sit after the 5 org columns, in groups of 4 (stage + three shares) per dimension.
  GOVERNANCE_DIMENSIONS.forEach((_, d) => {
    for (let s = 0; s < GOVERNANCE_STAGES.length; s++) sheet.getColumn(5 + d * 4 + 2 + s).numFmt = "0%";
  });
  sheet.columns.forEach((col, i) => (col.width = i === 2 ? 24 : 14));

  const legend = workbook.addWorksheet(locale === "ja" ? "モデル（表3）" : "Model (Table 3)");
  legend.addRow([`${model.title.ja} / ${model.title.en} (v${model.version})`]).font = { bold: true };
  legend.addRow(["", ...GOVERNANCE_STAGES.map((s) => `${model.stages[s].name.ja} / ${model.stages[s].name.en}`)]).font = { bold: true };
  for (const d of GOVERNANCE_DIMENSIONS) {
    const dim = model.dimensions[d];
    legend.addRow([`${dim.name.ja} / ${dim.name.en}`, ...GOVERNANCE_STAGES.map((s) => `${dim.cells[s].ja}\n${dim.cells[s].en}`)]);
  }
  legend.addRow([model.source.citation]);
  legend.columns.forEach((col) => (col.width = 40));
  legend.eachRow((row) => (row.alignment = { wrapText: true, vertical: "top" }));

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
