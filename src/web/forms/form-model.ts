/**
 * @module web/forms/form-model
 * Forms described as data: a list of fields (name = the API's field name, kind, label, section). From it
 * come the initial input values, the request body, and the mapping of the API's `errors[].path` back to
 * fields. Validation stays with the API: values it cannot read are sent as typed, so its problem+json
 * names the field and the reason, and the form shows that beside the field.
 */
import type { Bilingual } from "../../core/domain.ts";
import type { ProblemFieldError } from "../lib/api.ts";
import { joinPartialDate, splitPartialDate } from "../i18n/format.ts";
import type { MessageKey } from "../i18n/messages.ts";

export type FieldKind =
  | "text"
  | "textarea"
  | "url"
  | "number"
  | "integer"
  | "yen"
  | "percent"
  | "select"
  | "checks"
  | "partial-date"
  | "year"
  | "country"
  | "org"
  | "orgs"
  | "owner"
  | "boolean";

export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue>;

export interface FieldSpec {
  /** The API's field name; also the path its errors come back under. */
  name: string;
  label: MessageKey;
  kind: FieldKind;
  section: MessageKey;
  hint?: MessageKey;
  required?: boolean;
  /** select and checks: the allowed values and their labels. */
  options?: readonly string[];
  optionLabels?: Record<string, Bilingual>;
  /** Shown only when this holds (e.g. the local government code for prefectures and cities). */
  showIf?: (values: FormValues) => boolean;
  /** The API does not accept null here: leave it out when empty. */
  omitWhenEmpty?: boolean;
  /** Half-width in the two-column layout. */
  half?: boolean;
  placeholder?: string;
}

export type FormMode = "create" | "update";

const ARRAY_KINDS = new Set<FieldKind>(["checks", "orgs"]);
const NUMBER_KINDS = new Set<FieldKind>(["number", "integer", "yen", "percent", "year"]);

function trimNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Input values for a new record (defaults) or an existing one. */
export function initialValues(fields: readonly FieldSpec[], record?: Record<string, unknown> | null, defaults: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = record ? record[field.name] : undefined;
    if (raw === undefined || raw === null) {
      values[field.name] = defaults[field.name] ?? (ARRAY_KINDS.has(field.kind) ? [] : field.kind === "boolean" ? false : "");
    } else if (ARRAY_KINDS.has(field.kind)) {
      values[field.name] = Array.isArray(raw) ? raw.map(String) : [];
    } else if (field.kind === "boolean") {
      values[field.name] = raw === true;
    } else if (field.kind === "partial-date") {
      values[field.name] = encodeDateParts(splitPartialDate(String(raw)));
    } else if (field.kind === "percent" && typeof raw === "number") {
      values[field.name] = trimNumber(raw * 100);
    } else {
      values[field.name] = String(raw);
    }
  }
  return values;
}

/** A typed number, or the text as typed when it is not one (the API then says why). */
function readNumber(text: string, kind: FieldKind): number | string {
  const cleaned = text.replace(/[,\s¥￥円%]/g, "").replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (cleaned === "" || !/^-?\d*(\.\d+)?$/.test(cleaned)) return text;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return text;
  return kind === "percent" ? Number((n / 100).toPrecision(12)) : n;
}

/** A partial date's inputs are kept as `year|month|day`, so a month chosen before the year stays a month. */
export interface DateParts {
  year: string;
  month: string;
  day: string;
}
export function encodeDateParts(parts: DateParts): string {
  return parts.year || parts.month || parts.day ? `${parts.year}|${parts.month}|${parts.day}` : "";
}
export function decodeDateParts(value: FieldValue | undefined): DateParts {
  const [year = "", month = "", day = ""] = typeof value === "string" && value ? value.split("|") : [];
  return { year, month, day };
}

/**
 * The JSON body for the API. Empty optional fields are left out when creating and sent as null when
 * updating (to clear them); empty required text is sent as "" so the API reports it as missing.
 */
export function toBody(fields: readonly FieldSpec[], values: FormValues, mode: FormMode): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    const visible = field.showIf ? field.showIf(values) : true;
    const clear = () => {
      if (mode === "update" && !field.omitWhenEmpty) body[field.name] = null;
    };
    if (!visible) {
      if (ARRAY_KINDS.has(field.kind)) {
        if (mode === "update") body[field.name] = [];
      } else if (field.kind !== "boolean") clear();
      continue;
    }
    if (ARRAY_KINDS.has(field.kind)) {
      body[field.name] = Array.isArray(value) ? value : [];
    } else if (field.kind === "boolean") {
      body[field.name] = value === true;
    } else if (typeof value !== "string" || value.trim() === "") {
      if (field.required && ["text", "textarea", "url", "country"].includes(field.kind)) body[field.name] = "";
      else clear();
    } else if (NUMBER_KINDS.has(field.kind)) {
      body[field.name] = readNumber(value.trim(), field.kind);
    } else if (field.kind === "country") {
      body[field.name] = value.trim().toUpperCase();
    } else if (field.kind === "partial-date") {
      const joined = joinPartialDate(decodeDateParts(value));
      if (joined === null) clear();
      else body[field.name] = joined;
    } else {
      body[field.name] = value.trim();
    }
  }
  return body;
}

/** The field an error path belongs to: `coOwnerIds[1]` → `coOwnerIds`, `body.opened` → `opened`. */
export function fieldForPath(fields: readonly FieldSpec[], path: string): string | undefined {
  const bare = path.replace(/^body\./, "");
  const head = bare.split(/[.[]/)[0] ?? "";
  return fields.some((f) => f.name === head) ? head : undefined;
}

/** Field errors grouped by field name; errors that name no field of this form are returned apart. */
export function groupErrors(fields: readonly FieldSpec[], errors: readonly ProblemFieldError[]): { byField: Map<string, ProblemFieldError[]>; other: ProblemFieldError[] } {
  const byField = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const error of errors) {
    const name = fieldForPath(fields, error.path);
    if (name) byField.set(name, [...(byField.get(name) ?? []), error]);
    else other.push(error);
  }
  return { byField, other };
}

/** Sections in the order their first field appears. */
export function sections(fields: readonly FieldSpec[]): Array<{ section: MessageKey; fields: FieldSpec[] }> {
  const out: Array<{ section: MessageKey; fields: FieldSpec[] }> = [];
  for (const field of fields) {
    let group = out.find((g) => g.section === field.section);
    if (!group) {
      group = { section: field.section, fields: [] };
      out.push(group);
    }
    group.fields.push(field);
  }
  return out;
}
