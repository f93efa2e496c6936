/**
 * @module registry/transfer/table-file
 * Reads and writes tabular files — CSV (UTF-8, with or without BOM, as Excel saves it) and XLSX — as
 * header + rows of strings, so import validation and export are the same whatever the format.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "../../core/errors.ts";

export type TableFormat = "csv" | "xlsx";

export interface Table {
  header: string[];
  /** Data rows; `line` is the 1-based row number as a person sees it in the file (header = 1). */
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

export function formatFromName(name: string): TableFormat {
  if (/\.xlsx$/i.test(name)) return "xlsx";
  if (/\.csv$/i.test(name)) return "csv";
  throw new AppError("validation_failed", `Cannot tell the format of ${name}: use a .csv or .xlsx file.`, [{ path: "file", message: "unknown extension" }]);
}

function toTable(matrix: string[][]): Table {
  const [headerRow, ...body] = matrix;
  if (!headerRow) throw new AppError("validation_failed", "The file is empty: it needs a header row.", [{ path: "file", message: "the file is empty", row: 1 }]);
  const header = headerRow.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const rows: Table["rows"] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push({ line: i + 2, cells: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()])) });
  });
  return { header, rows };
}

export async function readTable(data: Buffer, format: TableFormat): Promise<Table> {
  if (format === "csv") {
    let matrix: string[][];
    try {
      matrix = parse(data, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const e = error as { lines?: number; message: string };
      throw new AppError("validation_failed", `The CSV cannot be read: ${e.message}`, [{ path: "file", message: `not a readable CSV file: ${e.message}`, row: e.lines }]);
    }
    return toTable(matrix);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError("validation_failed", `The XLSX file cannot be read: ${(error as Error).message}`, [{ path: "file", message: "not a valid .xlsx" }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("validation_failed", "The workbook has no sheet.", [{ path: "file", message: "the workbook has no sheet" }]);
  const matrix: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix[rowNumber - 1] = cells;
  });
  for (let i = 0; i < matrix.length; i++) matrix[i] ??= [];
  return toTable(matrix);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return String(value);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(header: string[], rows: string[][]): string {
  // A BOM so Excel opens Japanese text as UTF-8.
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

export async function writeXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
