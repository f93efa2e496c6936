/**
 * @module web/pages/offices-ops/time-log-entry-model
 * The time-log entry form as data. One entry is a staff member's month: hours in any of the eleven
 * categories. It is sent as a small CSV to the office's import endpoint, which checks every row before
 * writing anything and upserts on (staff member, month, category) — so a month entered again replaces those
 * hours, and a bad value leaves nothing half-written. The import's errors come back by row and column; they
 * are mapped back to the form's fields here. Pure.
 */
import type { ProblemFieldError } from "../../lib/api.ts";
import type { TimeCategory } from "./labels.ts";

export interface TimeLogEntry {
  month: string;
  /** A person of the office's owner or co-owner organisations, or else a free name. */
  personId: string;
  staffName: string;
  hours: Partial<Record<TimeCategory, string>>;
  note: string;
}

export interface EntryCsv {
  csv: string;
  /** The category of each data row, in order (row 2 of the file is the first). */
  rows: TimeCategory[];
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Hours as typed, with full-width digits and thousands separators read; anything else is sent as typed. */
export function hoursText(text: string): string {
  const cleaned = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,\s]/g, "");
  return /^\d*(\.\d+)?$/.test(cleaned) && cleaned !== "" ? cleaned : text.trim();
}

/** The CSV for one entry: a row per category with hours typed (blank categories are left alone). */
export function entryCsv(entry: TimeLogEntry, categories: readonly TimeCategory[]): EntryCsv {
  const staffColumn = entry.personId ? "personId" : "staffName";
  const staff = entry.personId || entry.staffName.trim();
  const rows = categories.filter((c) => (entry.hours[c] ?? "").trim() !== "");
  const note = entry.note.trim();
  const header = ["month", "category", "hours", staffColumn, ...(note ? ["note"] : [])];
  const lines = rows.map((c) => [entry.month, c, hoursText(entry.hours[c] ?? ""), staff, ...(note ? [note] : [])].map(csvField).join(","));
  return { csv: `${header.join(",")}\r\n${lines.join("\r\n")}\r\n`, rows };
}

/** Field keys of the form: `month`, `staff`, `note`, and `hours.<category>` for each category. */
export type EntryField = "month" | "staff" | "note" | `hours.${TimeCategory}`;

/** Puts each import error beside the field it is about; errors about no row or field are returned apart. */
export function mapImportErrors(errors: readonly ProblemFieldError[], rows: readonly TimeCategory[]): { byField: Map<EntryField, ProblemFieldError[]>; other: ProblemFieldError[] } {
  const byField = new Map<EntryField, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  // The same reason on several rows (no staff member named) is said once per field.
  const add = (field: EntryField, error: ProblemFieldError) => {
    const list = byField.get(field) ?? [];
    if (!list.some((e) => e.message === error.message)) byField.set(field, [...list, error]);
  };
  for (const error of errors) {
    const e = error as ProblemFieldError & { row?: number; column?: string };
    const column = e.column ?? e.path;
    const category = typeof e.row === "number" ? rows[e.row - 2] : undefined;
    if (column === "month") add("month", error);
    else if (column === "staffName" || column === "personId") add("staff", error);
    else if (column === "note") add("note", error);
    else if ((column === "hours" || column === "category") && category) add(`hours.${category}`, error);
    else other.push(error);
  }
  return { byField, other };
}
