/**
 * @module evaluation/measurements-import
 * Imports KPI measurements from CSV or XLSX (read with the registry's `readTable`), all or nothing: every
 * row is checked first — columns, KPI reference, period of the KPI's kind, number, duplicates within the
 * file, the right to edit the KPI — and any problem rejects the whole file with a report of row, column,
 * value and reason. Otherwise every row is written in one transaction (a value replaces the period's).
 *
 * Columns: `kpi` (id, or English or Japanese name), `owner` (optional: id, local government code, seed key
 * or name of the KPI's organisation, to tell apart KPIs of the same name), `period`, `value`, `source`,
 * `unverified`.
 */
import { canEdit, type Actor } from "../auth/actor.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Database } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { OrganisationResolver } from "../registry/transfer/org-resolver.ts";
import type { Table } from "../registry/transfer/table-file.ts";
import { kpis } from "./evaluation.table.ts";
import { writeMeasurement } from "./kpis.service.ts";
import { parsePeriod, PERIOD_EXAMPLES } from "./periods.ts";
import type { PeriodKind } from "./vocabulary.ts";

export const MEASUREMENT_COLUMNS = [
  { name: "kpi", required: true, what: "KPI id, or its English or Japanese name" },
  { name: "owner", required: false, what: "the KPI's organisation (id, local government code, seed key or name), when names repeat" },
  { name: "period", required: true, what: "2024, FY2024 or 2024-05, of the KPI's period kind" },
  { name: "value", required: true, what: "a number (thousands separators allowed)" },
  { name: "source", required: false, what: "where the value comes from" },
  { name: "unverified", required: false, what: "true or false (default false)" },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeasurementImportResult {
  rows: number;
  created: number;
  updated: number;
}

type KpiRow = typeof kpis.$inferSelect;
interface Planned {
  line: number;
  kpi: KpiRow;
  period: string;
  value: number;
  source: string | null;
  unverified: boolean;
}

function rejected(code: "validation_failed" | "forbidden", errors: FieldError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError(code, `The import was rejected: ${errors.length} error(s) in ${rows} row(s). Nothing was written.`, errors);
}

/** Validates every row of `table`, then writes them all in one transaction, or throws and writes nothing. */
export async function importMeasurements(database: Database, actor: Actor, table: Table): Promise<MeasurementImportResult> {
  const known = new Map<string, (typeof MEASUREMENT_COLUMNS)[number]>(MEASUREMENT_COLUMNS.map((c) => [c.name, c]));
  const errors: FieldError[] = [];
  for (const h of table.header) {
    if (!known.has(h)) errors.push({ path: h, row: 1, column: h, message: `unknown column (expected: ${MEASUREMENT_COLUMNS.map((c) => c.name).join(", ")})` });
  }
  for (const c of MEASUREMENT_COLUMNS) {
    if (c.required && !table.header.includes(c.name)) errors.push({ path: c.name, row: 1, column: c.name, message: "required column is missing" });
  }
  if (errors.length) throw rejected("validation_failed", errors);
  if (!table.rows.length) throw rejected("validation_failed", [{ path: "file", row: 2, message: "the file has a header but no rows" }]);

  const db = database.db;
  const visible = await db.select().from(kpis).where(visibleTo(actor, kpis));
  const resolver = table.header.includes("owner") ? await OrganisationResolver.load(db) : null;
  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const fail = (column: string, message: string) => errors.push({ path: column, row: line, column, value: cells[column], message });
    let ownerId: string | undefined;
    const owner = cells.owner ?? "";
    if (owner && resolver) {
      const ok = resolver.check(owner);
      if (ok === true) ownerId = resolver.resolve(owner);
      else fail("owner", ok);
    }
    const ref = cells.kpi ?? "";
    let kpi: KpiRow | undefined;
    if (!ref) fail("kpi", "is required");
    else if (!owner || ownerId) {
      const matches = UUID.test(ref)
        ? visible.filter((k) => k.id === ref.toLowerCase())
        : visible.filter((k) => (k.nameEn.toLowerCase() === ref.toLowerCase() || k.nameJa === ref) && (!ownerId || k.ownerOrgId === ownerId));
      if (matches.length === 1) kpi = matches[0];
      else if (matches.length === 0) fail("kpi", UUID.test(ref) ? "no KPI with this id" : `no KPI called this${ownerId ? " for this owner" : ""}`);
      else fail("kpi", `ambiguous: ${matches.length} KPIs are called this; add the owner column or use the id`);
    }
    const period = cells.period ?? "";
    const parsed = parsePeriod(period);
    if (!parsed) fail("period", "must be a year (2024), a fiscal year (FY2024) or a month (2024-05)");
    else if (kpi && parsed.kind !== kpi.periodKind) fail("period", `the KPI is measured by ${kpi.periodKind}: use a period like ${PERIOD_EXAMPLES[kpi.periodKind as PeriodKind]}`);
    const rawValue = (cells.value ?? "").replace(/,/g, "");
    const value = rawValue === "" ? Number.NaN : Number(rawValue);
    if (!Number.isFinite(value)) fail("value", "must be a number");
    const flag = cells.unverified ?? "";
    let unverified = false;
    if (/^(true|yes|1|はい)$/i.test(flag)) unverified = true;
    else if (flag && !/^(false|no|0|いいえ)$/i.test(flag)) fail("unverified", "must be true or false");
    const source = cells.source ?? "";
    if (source.length > 500) fail("source", "must be at most 500 characters");
    if (kpi && parsed) {
      const key = `${kpi.id}|${period}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ path: "(row)", row: line, message: `same KPI and period as row ${first}` });
      else seen.set(key, line);
      planned.push({ line, kpi, period, value, source: source || null, unverified });
    }
  }
  if (errors.length) throw rejected("validation_failed", errors);
  const denied = planned.filter((p) => !canEdit(actor, p.kpi));
  if (denied.length) {
    throw rejected(
      "forbidden",
      denied.map((p) => ({ path: "kpi", row: p.line, column: "kpi", value: p.kpi.nameEn, message: "your organisation may not change this KPI's measurements" })),
    );
  }
  let created = 0;
  await db.transaction(async (tx) => {
    for (const p of planned) {
      const result = await writeMeasurement(tx, p.kpi.id, p.period, { value: p.value, source: p.source, unverified: p.unverified });
      if (result.created) created++;
    }
  });
  return { rows: planned.length, created, updated: planned.length - created };
}
