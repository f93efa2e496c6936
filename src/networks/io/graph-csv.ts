/**
 * @module networks/io/graph-csv
 * Reads `edges.csv` (`source,target[,weight][,kind][,purpose]`) and `nodes.csv` (`id[,group][,label]`)
 * into graph inputs. Every problem in both files is collected and thrown together as one
 * `validation_failed` error whose items carry the row (the line in the file where the record starts,
 * header = row 1), the column and the offending value; the message names the file, because the two
 * files share row numbers. Pure: takes the files' text, never reads the disk.
 */
import { parse } from "csv-parse/sync";
import { AppError, type FieldError } from "../../core/errors.ts";
import { buildGraph, edgeIssues, type EdgeInput, type Graph, type NodeInput } from "../graph/graph.ts";

export const EDGE_COLUMNS = { required: ["source", "target"], optional: ["weight", "kind", "purpose"] } as const;
export const NODE_COLUMNS = { required: ["id"], optional: ["group", "label"] } as const;

interface Row {
  row: number;
  values: Record<string, string>;
}

interface Table {
  rows: Row[];
  errors: FieldError[];
}

function fileError(file: string, row: number, column: string | undefined, value: unknown, reason: string): FieldError {
  const error: FieldError = {
    path: `${file} row ${row}${column ? `, column ${column}` : ""}`,
    message: `${file}: ${reason}`,
    row,
  };
  if (column !== undefined) error.column = column;
  if (value !== undefined) error.value = value;
  return error;
}

/** Splits a CSV into header-keyed rows, checking the header and each row's field count. */
function readTable(
  text: string,
  file: string,
  columns: { required: readonly string[]; optional: readonly string[] },
): Table {
  const errors: FieldError[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [fileError(file, line, undefined, undefined, `not valid CSV: ${(error as Error).message}`)] };
  }
  const expected = `${columns.required.join(",")}[,${columns.optional.join("][,")}]`;
  const first = records[0];
  if (!first) return { rows: [], errors: [fileError(file, 1, undefined, undefined, `is empty; a header row ${expected} is required`)] };

  const header = first.record.map((h) => h.trim().toLowerCase());
  const known = new Set<string>([...columns.required, ...columns.optional]);
  header.forEach((name, i) => {
    if (!known.has(name)) errors.push(fileError(file, 1, name || `#${i + 1}`, first.record[i], `unknown column (expected ${expected})`));
    else if (header.indexOf(name) !== i) errors.push(fileError(file, 1, name, first.record[i], "column appears twice"));
  });
  for (const name of columns.required) {
    if (!header.includes(name)) errors.push(fileError(file, 1, name, undefined, `missing column "${name}" (header required: ${expected})`));
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((field) => field.trim() === "")) continue;
    const row = info.lines - record.join("").split("\n").length + 1;
    if (record.length > header.length) {
      errors.push(fileError(file, row, undefined, record.slice(header.length).join(","), `has ${record.length} fields but the header has ${header.length}`));
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = (record[i] ?? "").trim();
    });
    rows.push({ row, values });
  }
  return { rows, errors };
}

/** Stable, so the problems of one row stay in column order. */
function byRow(errors: FieldError[]): FieldError[] {
  return errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface ParsedNodes {
  nodes: NodeInput[];
  errors: FieldError[];
}

/** Parses nodes.csv; `errors` lists every problem (empty id, duplicate id, bad header, malformed CSV). */
export function parseNodesCsv(text: string, file = "nodes.csv"): ParsedNodes {
  const table = readTable(text, file, NODE_COLUMNS);
  const errors = [...table.errors];
  const nodes: NodeInput[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values } of table.rows) {
    const id = values.id ?? "";
    if (id === "") {
      errors.push(fileError(file, row, "id", values.id, "id is empty"));
      continue;
    }
    const earlier = firstRow.get(id);
    if (earlier !== undefined) {
      errors.push(fileError(file, row, "id", id, `duplicate node id (first at row ${earlier})`));
      continue;
    }
    firstRow.set(id, row);
    nodes.push({ id, group: values.group || null, label: values.label || null });
  }
  return { nodes, errors: byRow(errors) };
}

export interface ParsedEdges {
  edges: EdgeInput[];
  errors: FieldError[];
}

/**
 * Parses edges.csv. With `knownNodes` (the ids of a nodes file) an edge naming another node is an
 * error. `purpose` may list several purposes separated by `;` or `|`.
 */
export function parseEdgesCsv(text: string, options: { file?: string; knownNodes?: ReadonlySet<string> } = {}): ParsedEdges {
  const file = options.file ?? "edges.csv";
  const table = readTable(text, file, EDGE_COLUMNS);
  const errors = [...table.errors];
  const edges: EdgeInput[] = [];
  for (const { row, values } of table.rows) {
    const edge: EdgeInput = { source: values.source ?? "", target: values.target ?? "" };
    const rowErrors: FieldError[] = [];
    const rawWeight = values.weight ?? "";
    if (rawWeight !== "") {
      if (!NUMBER.test(rawWeight)) rowErrors.push(fileError(file, row, "weight", rawWeight, "weight is not a number"));
      else {
        const weight = Number(rawWeight);
        if (weight < 0) rowErrors.push(fileError(file, row, "weight", rawWeight, "weight is negative; it must be greater than 0"));
        else if (!(weight > 0) || !Number.isFinite(weight)) rowErrors.push(fileError(file, row, "weight", rawWeight, "weight must be a finite number greater than 0"));
        else edge.weight = weight;
      }
    }
    for (const issue of edgeIssues(edge, 0, options.knownNodes)) {
      rowErrors.push(fileError(file, row, issue.column, issue.value, issue.message));
    }
    if (values.kind) edge.kind = values.kind;
    if (values.purpose) {
      const purposes = values.purpose.split(/[;|]/).map((p) => p.trim()).filter((p) => p !== "");
      if (purposes.length > 0) edge.purposes = purposes;
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else edges.push(edge);
  }
  return { edges, errors: byRow(errors) };
}

export interface GraphFiles {
  edgesCsv: string;
  nodesCsv?: string;
  directed?: boolean;
  edgesFile?: string;
  nodesFile?: string;
}

/** Parses both files and builds the graph, or throws one error listing every row problem in both. */
export function graphFromCsv(files: GraphFiles): Graph {
  const nodes = files.nodesCsv === undefined ? undefined : parseNodesCsv(files.nodesCsv, files.nodesFile);
  // Unknown-node checks only make sense against a node list that parsed cleanly.
  const known = nodes && nodes.errors.length === 0 ? new Set(nodes.nodes.map((n) => n.id)) : undefined;
  const edges = parseEdgesCsv(files.edgesCsv, { file: files.edgesFile, knownNodes: known });
  const errors = [...(nodes?.errors ?? []), ...edges.errors];
  if (errors.length > 0) {
    const counts = [
      nodes && nodes.errors.length > 0 ? `${files.nodesFile ?? "nodes.csv"}: ${nodes.errors.length}` : null,
      edges.errors.length > 0 ? `${files.edgesFile ?? "edges.csv"}: ${edges.errors.length}` : null,
    ].filter((c) => c !== null);
    throw new AppError("validation_failed", `graph files have ${errors.length} problem(s) (${counts.join("; ")})`, errors);
  }
  return buildGraph(edges.edges, { directed: files.directed ?? false, nodes: nodes?.nodes });
}
