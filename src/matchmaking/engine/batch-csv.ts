/**
 * @module matchmaking/engine/batch-csv
 * The batch contract's input files (docs/matching.md), parsed from text: companies.csv
 * (id,name,description,hs_codes,certifications,markets,vetted [,export_experience,capacity]) and
 * requests.csv (id,buyer,country,description,hs_codes,required_certifications [,volume]). Lists are
 * `;`-separated. Every problem is reported at once with its file, row (line number, header = 1),
 * column and value, so a whole file can be fixed in one pass.
 */
import { CsvError, parse } from "csv-parse/sync";
import type { FieldError } from "../../core/errors.ts";
import type { HsNomenclature } from "./hs.ts";
import { checkCompany, checkRequest } from "./profiles.ts";
import type { BuyerRequest, CompanyProfile } from "./types.ts";

export const COMPANY_COLUMNS = ["id", "name", "description", "hs_codes", "certifications", "markets", "vetted"] as const;
export const COMPANY_OPTIONAL_COLUMNS = ["export_experience", "capacity"] as const;
export const REQUEST_COLUMNS = ["id", "buyer", "country", "description", "hs_codes", "required_certifications"] as const;
export const REQUEST_OPTIONAL_COLUMNS = ["volume"] as const;

/** Profile field → CSV column, for turning validation paths into columns. */
const COLUMN_OF: Record<string, string> = {
  id: "id",
  name: "name",
  buyer: "buyer",
  description: "description",
  hsCodes: "hs_codes",
  certifications: "certifications",
  markets: "markets",
  exportExperience: "export_experience",
  capacity: "capacity",
  country: "country",
  requiredCertifications: "required_certifications",
  volume: "volume",
};

interface Row {
  line: number;
  get: (column: string) => string;
}

function fail(file: string, row: number, column: string | undefined, message: string, value?: unknown): FieldError {
  return {
    path: `${file}:${row}${column ? `:${column}` : ""}`,
    message: `${file}: ${message}`,
    row,
    ...(column ? { column } : {}),
    ...(value !== undefined ? { value } : {}),
  };
}

function readTable(text: string, file: string, required: readonly string[], optional: readonly string[], errors: FieldError[]): Row[] {
  let records: { record: string[]; info: { lines: number; raw?: string | undefined } }[];
  try {
    records = parse(text, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines ?? 1;
      errors.push(fail(file, line, undefined, `not valid CSV: ${e.message}`));
      return [];
    }
    throw e;
  }
  const head = records[0];
  if (!head) {
    errors.push(fail(file, 1, undefined, `empty file; expected a header: ${required.join(",")}`));
    return [];
  }
  const header = head.record.map((h) => h.toLowerCase());
  const known = new Set([...required, ...optional]);
  header.forEach((h, i) => {
    if (!known.has(h)) errors.push(fail(file, 1, h || `#${i + 1}`, `unknown column (expected ${[...required, ...optional].join(", ")})`, h));
    else if (header.indexOf(h) !== i) errors.push(fail(file, 1, h, "column appears twice"));
  });
  for (const c of required) if (!header.includes(c)) errors.push(fail(file, 1, c, "missing column"));
  // With a wrong header the cells cannot be read reliably; report the header alone.
  if (errors.length) return [];
  const rows: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - ((info.raw ?? "").replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    if (record.length !== header.length) {
      errors.push(fail(file, line, undefined, `expected ${header.length} fields, found ${record.length}`));
      continue;
    }
    rows.push({ line, get: (column) => record[header.indexOf(column)] ?? "" });
  }
  return rows;
}

function list(v: string): string[] {
  return v
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

function amount(v: string, file: string, line: number, column: string, errors: FieldError[]): number | null {
  if (!v) return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    errors.push(fail(file, line, column, "must be a non-negative number", v));
    return null;
  }
  return n;
}

/** Maps a profile validation error ("hsCodes[1]") onto the row and column it came from. */
function locate(e: FieldError, file: string, row: Row): FieldError {
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(e.path);
  const column = COLUMN_OF[m?.[1] ?? ""] ?? e.path;
  return fail(file, row.line, column, e.message, e.value);
}

/** Errors in file order (stable within a row). */
function byRow(errors: FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function checkIds(ids: Map<string, number>, id: string, file: string, line: number, errors: FieldError[]): void {
  const first = ids.get(id);
  if (id && first !== undefined) errors.push(fail(file, line, "id", `duplicate id (first on row ${first})`, id));
  else if (id) ids.set(id, line);
}

export function parseCompaniesCsv(text: string, hs: HsNomenclature, file = "companies.csv"): { companies: CompanyProfile[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const companies: CompanyProfile[] = [];
  const ids = new Map<string, number>();
  for (const row of readTable(text, file, COMPANY_COLUMNS, COMPANY_OPTIONAL_COLUMNS, errors)) {
    const vettedRaw = row.get("vetted").toLowerCase();
    if (vettedRaw !== "true" && vettedRaw !== "false") errors.push(fail(file, row.line, "vetted", "must be true or false", row.get("vetted")));
    const capacity = amount(row.get("capacity"), file, row.line, "capacity", errors);
    const { profile, errors: rowErrors } = checkCompany(
      {
        id: row.get("id"),
        name: row.get("name"),
        description: row.get("description"),
        hsCodes: list(row.get("hs_codes")),
        certifications: list(row.get("certifications")),
        markets: list(row.get("markets")),
        exportExperience: list(row.get("export_experience")),
        vetted: vettedRaw === "true",
        capacity,
      },
      hs,
    );
    errors.push(...rowErrors.map((e) => locate(e, file, row)));
    checkIds(ids, profile.id, file, row.line, errors);
    if (!rowErrors.length) companies.push(profile);
  }
  return { companies, errors: byRow(errors) };
}

export function parseRequestsCsv(text: string, hs: HsNomenclature, file = "requests.csv"): { requests: BuyerRequest[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const requests: BuyerRequest[] = [];
  const ids = new Map<string, number>();
  for (const row of readTable(text, file, REQUEST_COLUMNS, REQUEST_OPTIONAL_COLUMNS, errors)) {
    const volume = amount(row.get("volume"), file, row.line, "volume", errors);
    const { profile, errors: rowErrors } = checkRequest(
      {
        id: row.get("id"),
        buyer: row.get("buyer"),
        country: row.get("country") || null,
        description: row.get("description"),
        hsCodes: list(row.get("hs_codes")),
        requiredCertifications: list(row.get("required_certifications")),
        volume,
      },
      hs,
    );
    errors.push(...rowErrors.map((e) => locate(e, file, row)));
    checkIds(ids, profile.id, file, row.line, errors);
    if (!rowErrors.length) requests.push(profile);
  }
  return { requests, errors: byRow(errors) };
}
