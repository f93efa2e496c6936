/**
 * @module offices/time-logs.import
 * Bulk import of an office's time logs from CSV or XLSX (read by the registry's `readTable`), all or
 * nothing: every row is checked first — columns, month, category, hours, the staff member, duplicates in the
 * file — and any error aborts with its row and column, writing nothing. Otherwise every row is upserted on
 * (staff member, month, category) in the caller's transaction, so importing the same file twice changes
 * nothing the second time. Columns: month, category, hours, and staffName or personId; note optional.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import type { FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { readTable } from "../registry/transfer/table-file.ts";
import type { TableFormat } from "../registry/transfer/table-file.ts";
import { officeTimeLogs } from "./offices.table.ts";
import { ZTimeLogCreate } from "./offices.schema.ts";
import type { TTimeLogCreate } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import { checkMonthlyCap, checkPeople, nameRef } from "./time-logs.service.ts";

export const TIME_LOG_COLUMNS = ["month", "category", "hours", "staffName", "personId", "note"] as const;
const REQUIRED = ["month", "category", "hours"] as const;
/** Errors reported at most; a file with more is almost certainly the wrong file. */
const MAX_ERRORS = 200;

interface Planned {
  line: number;
  entry: TTimeLogCreate;
  staffRef: string;
}

function fail(errors: FieldError[]): never {
  const shown = errors.slice(0, MAX_ERRORS);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : "";
  throw new AppError(
    "validation_failed",
    `The file was not imported: ${errors.length} error(s)${more}. First: ${shown[0]?.row !== undefined ? `row ${shown[0].row}, ` : ""}${shown[0]?.column ?? shown[0]?.path}: ${shown[0]?.message}`,
    shown,
  );
}

function hoursOf(text: string): number | string {
  if (text === "") return text;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export async function importTimeLogs(
  db: Executor,
  actor: Actor,
  officeId: string,
  data: Buffer,
  format: TableFormat,
): Promise<{ rows: number; created: number; updated: number }> {
  const ops = await loadOfficeOps(db, actor, officeId, "edit");
  const table = await readTable(data, format);
  const errors: FieldError[] = [];
  for (const h of table.header) {
    if (h !== "" && !(TIME_LOG_COLUMNS as readonly string[]).includes(h)) {
      errors.push({ path: "file", row: 1, column: h, message: `unknown column; the columns are ${TIME_LOG_COLUMNS.join(", ")}` });
    }
  }
  for (const c of REQUIRED) if (!table.header.includes(c)) errors.push({ path: "file", row: 1, column: c, message: "missing column" });
  if (!table.header.includes("staffName") && !table.header.includes("personId")) {
    errors.push({ path: "file", row: 1, column: "staffName", message: "missing column: give staffName or personId" });
  }
  if (errors.length) fail(errors);
  if (table.rows.length === 0) fail([{ path: "file", row: 2, message: "the file has a header but no rows" }]);

  const planned: Planned[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const raw: Record<string, unknown> = { month: cells.month, category: cells.category, hours: hoursOf(cells.hours ?? "") };
    if (cells.staffName) raw.staffName = cells.staffName;
    if (cells.personId) raw.personId = cells.personId;
    if (cells.note) raw.note = cells.note;
    const parsed = ZTimeLogCreate.safeParse(raw);
    if (!parsed.success) {
      for (const e of fieldErrorsFromZod(parsed.error)) {
        const column = e.path === "(root)" ? undefined : e.path;
        const value = column ? cells[column] : undefined;
        errors.push({ ...e, path: e.path, row: line, ...(column ? { column } : {}), ...(value ? { value } : {}) });
      }
      continue;
    }
    const entry = parsed.data;
    const staffRef = entry.personId ?? nameRef(entry.staffName ?? "");
    const key = `${staffRef}\u0000${entry.month}\u0000${entry.category}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ path: "category", row: line, column: "category", value: entry.category, message: `repeats row ${first} (same staff member, month and category)` });
      continue;
    }
    seen.set(key, line);
    planned.push({ line, entry, staffRef });
  }
  errors.push(
    ...(await checkPeople(
      db,
      ops,
      planned.filter((p) => p.entry.personId).map((p) => ({ personId: p.entry.personId!, error: { path: "personId", row: p.line, column: "personId" } })),
    )),
  );
  if (errors.length) fail(errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));

  const t = officeTimeLogs;
  const existing = new Set(
    (await db.select({ staffRef: t.staffRef, month: t.month, category: t.category }).from(t).where(eq(t.officeId, officeId))).map(
      (r) => `${r.staffRef}\u0000${r.month}\u0000${r.category}`,
    ),
  );
  const created = planned.filter((p) => !existing.has(`${p.staffRef}\u0000${p.entry.month}\u0000${p.entry.category}`)).length;
  const now = new Date();
  for (let i = 0; i < planned.length; i += 500) {
    await db
      .insert(t)
      .values(
        planned.slice(i, i + 500).map((p) => ({
          id: randomUUID(),
          officeId,
          personId: p.entry.personId ?? null,
          staffName: p.entry.personId ? null : (p.entry.staffName ?? null),
          staffRef: p.staffRef,
          month: p.entry.month,
          category: p.entry.category,
          hours: p.entry.hours,
          note: p.entry.note ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [t.officeId, t.staffRef, t.month, t.category],
        set: { hours: sql`excluded.hours`, note: sql`excluded.note`, staffName: sql`excluded.staff_name`, updatedAt: now },
      });
  }
  const lastLine = new Map(planned.map((p) => [`${p.staffRef}\u0000${p.entry.month}`, p.line]));
  const pairs = [...lastLine.keys()].map((k) => {
    const [staffRef = "", month = ""] = k.split("\u0000");
    return { staffRef, month };
  });
  await checkMonthlyCap(db, officeId, pairs, (o) => ({ path: "hours", column: "hours", row: lastLine.get(`${o.staffRef}\u0000${o.month}`) }));
  return { rows: planned.length, created, updated: planned.length - created };
}
