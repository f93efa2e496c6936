/**
 * @module networks/export/csv
 * CSV exports for spreadsheets: the node table with every metric (`--format csv`) and the merged
 * edge list (`--format edges-csv`, which reads back as an edges.csv). RFC 4180 quoting; a cell that
 * a spreadsheet would run as a formula (leading = + - @) is prefixed with an apostrophe.
 */
import { EDGE_ATTRIBUTES, edgeRows, nodeAttributes, type AttributeSpec, type ExportInput } from "./attributes.ts";

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function table<T>(leading: AttributeSpec<T>[], specs: AttributeSpec<T>[], items: T[]): string {
  const all = [...leading, ...specs];
  const lines = [all.map((s) => csvCell(s.name)).join(",")];
  for (const item of items) lines.push(all.map((s) => csvCell(s.get(item))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function toNodesCsv({ graph, metrics }: ExportInput): string {
  return table([{ name: "id", type: "string", get: (n) => n.id }], nodeAttributes(graph.directed), metrics.nodes);
}

export function toEdgesCsv({ graph }: ExportInput): string {
  return table(
    [
      { name: "source", type: "string", get: (e) => e.source },
      { name: "target", type: "string", get: (e) => e.target },
    ],
    EDGE_ATTRIBUTES.filter((s) => s.name !== "ties"),
    edgeRows(graph),
  );
}
