/**
 * @module registry/transfer/import.service
 * Imports organisations, offices, ties or strategies from CSV or XLSX. Every row is validated first
 * (types, enums, references, natural keys within the file); any error aborts the import with a report of
 * row, column, value and reason, and nothing is written. Otherwise all rows are upserted on their natural
 * keys in one transaction, so a run killed half-way leaves the database as it was, and running the same
 * file twice changes nothing the second time. A dry run does all of it, then rolls the transaction back,
 * so its counts and errors are exactly those of the real import.
 */
import { and, eq, sql, TransactionRollbackError } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../auth/actor.ts";
import { AppError, fieldErrorsFromZod, type FieldError } from "../../core/errors.ts";
import type { Database, Executor } from "../../db/connection.ts";
import { createOffice, updateOffice } from "../offices.service.ts";
import { createOrganisation, updateOrganisation } from "../organisations.service.ts";
import { ZOfficeCreate, ZOrganisationCreate, ZStrategyCreate, ZTieCreate } from "../registry.schema.ts";
import { offices, organisations, strategies, ties } from "../registry.table.ts";
import { createStrategy, updateStrategy } from "../strategies.service.ts";
import { createTie, updateTie } from "../ties.service.ts";
import { ENTITY_COLUMNS, type Column, type TransferEntity } from "./columns.ts";
import { OrganisationResolver } from "./org-resolver.ts";
import type { Table } from "./table-file.ts";

export interface ImportResult {
  entity: TransferEntity;
  rows: number;
  created: number;
  updated: number;
  /** True when everything was rolled back at the end (nothing stays written). */
  dryRun: boolean;
}

export interface ImportOptions {
  /** Write every row inside the transaction (so the services' checks all run), then roll it back. */
  dryRun?: boolean;
}

export interface ImportProgress {
  (event: { phase: "validated" | "writing" | "row"; done: number; total: number }): void;
}

const SCHEMAS: Record<TransferEntity, z.ZodType> = {
  organisations: ZOrganisationCreate,
  offices: ZOfficeCreate,
  ties: ZTieCreate,
  strategies: ZStrategyCreate,
};

const PENDING_ID = "00000000-0000-4000-8000-000000000000";

interface PlannedRow {
  line: number;
  /** The validated row (with defaults, for creating), references as placeholders until written. */
  full: Record<string, unknown>;
  /** The fields the file actually has a column for: an update changes only these. */
  given: Set<string>;
  refs: Array<{ field: string; column: string; value: string; index?: number }>;
  /** The row's cells as in the file, to quote them in errors found while writing. */
  cells: Record<string, string>;
}

function cellValue(column: Column, text: string, line: number, errors: FieldError[]): unknown {
  if (text === "") return column.kind === "list" || column.kind === "orgList" ? [] : undefined;
  const fail = (message: string) => {
    errors.push({ path: column.field, row: line, column: column.name, value: text, message });
    return undefined;
  };
  switch (column.kind) {
    case "text":
    case "org":
      return text;
    case "int":
      return /^-?\d+$/.test(text.replace(/,/g, "")) ? Number(text.replace(/,/g, "")) : fail("must be a whole number");
    case "number": {
      const n = Number(text.replace(/,/g, ""));
      return Number.isFinite(n) ? n : fail("must be a number");
    }
    case "bool":
      if (/^(true|yes|1|はい)$/i.test(text)) return true;
      if (/^(false|no|0|いいえ)$/i.test(text)) return false;
      return fail("must be true or false");
    case "list":
    case "orgList":
      return text.split(/[;；]/).map((s) => s.trim()).filter(Boolean);
  }
}

/** Validates every row; returns the plan or throws one error listing every problem. */
function plan(entity: TransferEntity, table: Table, resolver: OrganisationResolver): PlannedRow[] {
  const columns = ENTITY_COLUMNS[entity];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const errors: FieldError[] = [];
  for (const h of table.header) {
    if (!byName.has(h)) errors.push({ path: h, row: 1, column: h, message: `unknown column (expected: ${columns.map((c) => c.name).join(", ")})` });
  }
  for (const c of columns) {
    if (c.required && !table.header.includes(c.name)) errors.push({ path: c.field, row: 1, column: c.name, message: "required column is missing" });
  }
  if (errors.length) throw importError(errors);
  if (table.rows.length === 0) throw importError([{ path: "file", row: 2, message: "the file has a header but no rows" }]);

  const planned: PlannedRow[] = [];
  const seenKeys = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const rowErrors: FieldError[] = [];
    const raw: Record<string, unknown> = {};
    const refs: PlannedRow["refs"] = [];
    for (const h of table.header) {
      const column = byName.get(h)!;
      const value = cellValue(column, cells[h] ?? "", line, rowErrors);
      if (value === undefined) continue;
      if (column.kind === "org") {
        refs.push({ field: column.field, column: column.name, value: value as string });
        raw[column.field] = PENDING_ID;
      } else if (column.kind === "orgList") {
        (value as string[]).forEach((v, index) => refs.push({ field: column.field, column: column.name, value: v, index }));
        raw[column.field] = (value as string[]).map(() => PENDING_ID);
      } else raw[column.field] = value;
    }
    for (const ref of refs) {
      const found = resolver.check(ref.value);
      if (found !== true) rowErrors.push({ path: ref.field, row: line, column: ref.column, value: ref.value, message: found });
    }
    const parsed = SCHEMAS[entity].safeParse(raw);
    if (parsed.success) planned.push({ line, full: parsed.data as Record<string, unknown>, given: new Set(Object.keys(raw)), refs, cells });
    else {
      for (const e of fieldErrorsFromZod(parsed.error)) {
        const field = e.path.replace(/[.[].*$/, "");
        const column = columns.find((c) => c.field === field);
        rowErrors.push({ ...e, row: line, column: column?.name ?? field, value: column ? cells[column.name] : undefined });
      }
    }
    if (!rowErrors.length) {
      const key = naturalKeyInFile(entity, raw, refs);
      const first = seenKeys.get(key);
      if (first !== undefined) rowErrors.push({ path: "(row)", row: line, message: `same natural key as row ${first}` });
      else seenKeys.set(key, line);
      if (entity === "organisations") resolver.plan(raw as { localGovCode?: string; nameEn: string });
    }
    errors.push(...rowErrors);
  }
  if (errors.length) throw importError(errors);
  return planned;
}

function naturalKeyInFile(entity: TransferEntity, raw: Record<string, unknown>, refs: PlannedRow["refs"]): string {
  const ref = (field: string) => refs.find((r) => r.field === field)?.value.toLowerCase() ?? "";
  switch (entity) {
    case "organisations":
      return raw.localGovCode ? `code:${String(raw.localGovCode)}` : `${String(raw.kind)}|${String(raw.nameEn).toLowerCase()}|${String(raw.country).toUpperCase()}`;
    case "offices":
      return `${ref("ownerOrgId")}|${String(raw.cityEn).toLowerCase()}|${String(raw.opened ?? "")}`;
    case "ties":
      return `${[ref("aOrgId"), ref("bOrgId")].sort().join("|")}|${String(raw.kind)}|${String(raw.since ?? "")}`;
    case "strategies":
      return `${ref("ownerOrgId")}|${String(raw.titleEn)}|${String(raw.year)}`;
  }
}

function importError(errors: FieldError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError("validation_failed", `The import was rejected: ${errors.length} error(s) in ${rows} row(s). Nothing was written.`, errors);
}

/** Finds the existing record with the row's natural key, if any. */
async function existingId(db: Executor, entity: TransferEntity, row: Record<string, any>): Promise<string | undefined> {
  switch (entity) {
    case "organisations": {
      const where = row.localGovCode
        ? eq(organisations.localGovCode, row.localGovCode)
        : and(eq(organisations.kind, row.kind), sql`lower(${organisations.nameEn}) = lower(${row.nameEn})`, eq(organisations.country, String(row.country).toUpperCase()));
      return (await db.select({ id: organisations.id }).from(organisations).where(where))[0]?.id;
    }
    case "offices":
      return (
        await db
          .select({ id: offices.id })
          .from(offices)
          .where(and(eq(offices.ownerOrgId, row.ownerOrgId), sql`lower(${offices.cityEn}) = lower(${row.cityEn})`, sql`coalesce(${offices.opened}, '') = ${row.opened ?? ""}`))
      )[0]?.id;
    case "ties":
      return (
        await db
          .select({ id: ties.id })
          .from(ties)
          .where(
            and(
              sql`least(${ties.aOrgId}, ${ties.bOrgId}) = least(${row.aOrgId}::uuid, ${row.bOrgId}::uuid)`,
              sql`greatest(${ties.aOrgId}, ${ties.bOrgId}) = greatest(${row.aOrgId}::uuid, ${row.bOrgId}::uuid)`,
              eq(ties.kind, row.kind),
              sql`coalesce(${ties.since}, '') = ${row.since ?? ""}`,
            ),
          )
      )[0]?.id;
    case "strategies":
      return (
        await db
          .select({ id: strategies.id })
          .from(strategies)
          .where(and(eq(strategies.ownerOrgId, row.ownerOrgId), eq(strategies.titleEn, row.titleEn), eq(strategies.year, row.year)))
      )[0]?.id;
  }
}

async function writeRow(db: Executor, actor: Actor, entity: TransferEntity, row: Record<string, any>, id: string | undefined): Promise<string> {
  switch (entity) {
    case "organisations":
      return id ? (await updateOrganisation(db, actor, id, row)).id : (await createOrganisation(db, actor, row as never)).id;
    case "offices":
      return id ? (await updateOffice(db, actor, id, row)).id : (await createOffice(db, actor, row as never)).id;
    case "ties":
      return id ? (await updateTie(db, actor, id, row)).id : (await createTie(db, actor, row as never)).id;
    case "strategies":
      return id ? (await updateStrategy(db, actor, id, row)).id : (await createStrategy(db, actor, row as never)).id;
  }
}

export async function importTable(
  database: Database,
  actor: Actor,
  entity: TransferEntity,
  table: Table,
  onProgress: ImportProgress = () => undefined,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const dryRun = options.dryRun ?? false;
  const resolver = await OrganisationResolver.load(database.db);
  const planned = plan(entity, table, resolver);
  onProgress({ phase: "validated", done: planned.length, total: planned.length });
  let created = 0;
  let updated = 0;
  try {
    await database.db.transaction(async (tx) => {
      onProgress({ phase: "writing", done: 0, total: planned.length });
      for (const [i, p] of planned.entries()) {
        const row: Record<string, any> = { ...p.full };
        for (const ref of p.refs) {
          const id = resolver.resolve(ref.value);
          if (ref.index === undefined) row[ref.field] = id;
          else (row[ref.field] as string[])[ref.index] = id;
        }
        try {
          const existing = await existingId(tx, entity, row);
          const values = existing ? Object.fromEntries(Object.entries(row).filter(([k]) => p.given.has(k))) : row;
          const id = await writeRow(tx, actor, entity, values, existing);
          if (existing) updated++;
          else created++;
          if (entity === "organisations") resolver.learn(row as { localGovCode?: string; nameEn: string }, id);
        } catch (error) {
          if (error instanceof AppError) {
            throw rowError(entity, error, p);
          }
          throw error;
        }
        onProgress({ phase: "row", done: i + 1, total: planned.length });
      }
      // Rolling back throws TransactionRollbackError, caught below: the one outcome of a dry run.
      if (dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(dryRun && error instanceof TransactionRollbackError)) throw error;
  }
  return { entity, rows: planned.length, created, updated, dryRun };
}

/**
 * A service's refusal (forbidden owner, natural-key conflict, bad reference…) as a report on the row:
 * every error carries the row, the column of its field and the cell's text, like the validation report.
 */
function rowError(entity: TransferEntity, error: AppError, p: PlannedRow): AppError {
  const errors = error.errors.length ? error.errors : [{ path: "(row)", message: error.message }];
  return new AppError(
    error.code,
    `Row ${p.line}: ${error.message} Nothing was written.`,
    errors.map((e) => {
      const column = ENTITY_COLUMNS[entity].find((c) => c.field === e.path.replace(/[.[].*$/, ""));
      return { ...e, row: p.line, column: column?.name, value: e.value ?? (column ? p.cells[column.name] : undefined) };
    }),
  );
}
