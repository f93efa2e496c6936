/**
 * @module events/participants-import
 * Imports an event's participants from CSV or XLSX (read with the registry's `readTable`) through a
 * column mapping — the file's own headers (会社名, 区分, 担当者…) mapped to participant fields — all or
 * nothing: every row is checked first (organisation reference, type, e-mail, numbers, HS codes,
 * duplicates within the file and against the event, caps per type) and any problem rejects the whole
 * file with a report of row, column, value and reason. Organisers only.
 *
 * `organisation` is a registry organisation's id, local government code, seed key or exact name;
 * `name` is the display name of a participant without one (one of the two is needed). `type` and
 * `status` accept the codes or their Japanese and English labels (seller, 売り手, バイヤー, 行政…).
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { ZCountryCode } from "../core/codes.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import { OrganisationResolver } from "../registry/transfer/org-resolver.ts";
import { readTable, type Table } from "../registry/transfer/table-file.ts";
import { loadManagedEvent } from "./event-access.ts";
import { eventParticipants } from "./events.table.ts";
import { ZHsCode, type ImportField, type TImportPreview, type TParticipantImport } from "./participants.schema.ts";
import { PARTICIPANT_STATUS_LABELS, PARTICIPANT_TYPE_LABELS, PARTICIPANT_TYPES, PARTICIPANT_STATUSES, type ParticipantStatus, type ParticipantType } from "./vocabulary.ts";

const TYPE_WORDS: Record<string, ParticipantType> = {
  売り手: "seller", 出展者: "seller", セラー: "seller", サプライヤー: "seller", supplier: "seller", exhibitor: "seller",
  買い手: "buyer", 行政: "government", 自治体: "government", 政府: "government", 支援: "support_organisation",
  "support organisation": "support_organisation", "support organization": "support_organisation",
};

function lookup<T extends string>(value: string, codes: readonly T[], labels: Record<T, { ja: string; en: string }>, extra: Record<string, T> = {}): T | undefined {
  const v = value.trim().toLowerCase();
  return codes.find((c) => c === v || labels[c].en.toLowerCase() === v || labels[c].ja === value.trim()) ?? extra[v] ?? extra[value.trim()];
}

const ZEmail = z.email();

interface Planned {
  line: number;
  orgId: string | null;
  name: string | null;
  type: ParticipantType;
  status: ParticipantStatus;
  values: Partial<typeof eventParticipants.$inferInsert>;
}

function rejected(errors: FieldError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new AppError("validation_failed", `The import was rejected: ${errors.length} error(s) in ${rows} row(s). Nothing was written.`, errors);
}

function checkMapping(table: Table, mapping: Record<string, ImportField>): Map<ImportField, string> {
  const errors: FieldError[] = [];
  const byField = new Map<ImportField, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!table.header.includes(column)) errors.push({ path: `mapping.${column}`, row: 1, column, message: `the file has no column "${column}" (its columns: ${table.header.join(", ")})` });
    if (byField.has(field)) errors.push({ path: `mapping.${column}`, message: `field ${field} is already mapped from column "${byField.get(field)}"` });
    byField.set(field, column);
  }
  if (!byField.has("organisation") && !byField.has("name")) errors.push({ path: "mapping", message: "map a column to organisation or to name" });
  if (errors.length) throw new AppError("validation_failed", `The column mapping does not fit the file: ${errors.map((e) => e.message).join("; ")}`, errors);
  if (!table.rows.length) throw rejected([{ path: "file", row: 2, message: "the file has a header but no rows" }]);
  return byField;
}

/** Column names people use for each field (compared without case, spaces or punctuation). */
const COLUMN_WORDS: Record<ImportField, string[]> = {
  organisation: ["organisation", "organization", "org", "company", "会社", "会社名", "企業", "企業名", "組織", "組織名", "団体名", "法人名", "法人番号"],
  name: ["name", "displayname", "participant", "表示名", "参加者", "参加者名", "名称", "氏名"],
  type: ["type", "participanttype", "category", "区分", "参加区分", "種別"],
  contactName: ["contact", "contactname", "contactperson", "担当", "担当者", "担当者名"],
  contactEmail: ["email", "e-mail", "mail", "contactemail", "メール", "メールアドレス", "電子メール", "担当者メール"],
  maxMeetings: ["maxmeetings", "meetingcap", "cap", "商談上限", "商談数の上限", "上限"],
  maxPerSession: ["maxpersession", "capspersession", "セッション上限", "セッションごとの上限"],
  offer: ["offer", "offers", "products", "提供", "提供するもの", "商品", "取扱商品", "製品"],
  seek: ["seek", "seeks", "needs", "looking for", "求めるもの", "ニーズ", "希望"],
  hsCodes: ["hs", "hscode", "hscodes", "hsコード", "品目コード"],
  country: ["country", "国", "国名", "国・地域"],
  status: ["status", "状態", "ステータス"],
};
const normalise = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[\s_\-・:：()（）]/g, "");

/** Guesses column → field from the header; each field and each column at most once. */
export function suggestMapping(columns: string[]): Record<string, ImportField> {
  const out: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const column of columns) {
    const key = normalise(column);
    const field = (Object.keys(COLUMN_WORDS) as ImportField[]).find((f) => !taken.has(f) && (normalise(f) === key || COLUMN_WORDS[f].some((w) => normalise(w) === key)));
    if (field) {
      out[column] = field;
      taken.add(field);
    }
  }
  return out;
}

/** What the organiser needs to map a file: its columns, row count, first rows and a guessed mapping. */
export async function previewImport(db: Executor, actor: Actor, eventId: string, read: () => Promise<Table>): Promise<TImportPreview> {
  await loadManagedEvent(db, actor, eventId);
  const table = await read();
  if (!table.header.length) throw new AppError("validation_failed", "The file has no header row.", [{ path: "file", row: 1, message: "no header row" }]);
  return { columns: table.header, rows: table.rows.length, sample: table.rows.slice(0, 5).map((r) => r.cells), suggested: suggestMapping(table.header) };
}

/** The uploaded file of the API body (base64). */
export const uploadedTable = (input: Pick<TParticipantImport, "data" | "format">) => () => readTable(Buffer.from(input.data, "base64"), input.format);

/**
 * Checks every row, then writes them all, or throws naming every problem and writes nothing. `read` is
 * called after the access check, so nobody learns anything from a file they may not import.
 */
export async function importParticipants(db: Executor, actor: Actor, eventId: string, read: () => Promise<Table>, input: Pick<TParticipantImport, "mapping" | "defaults">) {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const table = await read();
  const columns = checkMapping(table, input.mapping);
  const existing = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId));
  const resolver = columns.has("organisation") ? await OrganisationResolver.load(db) : null;
  const orgsSeen = new Map(existing.filter((p) => p.orgId).map((p) => [p.orgId!, `participant ${p.id}`]));
  const emailsSeen = new Map(existing.filter((p) => p.contactEmail).map((p) => [p.contactEmail!.toLowerCase(), `participant ${p.id}`]));
  const approvedByType = new Map<string, number>();
  for (const p of existing) if (p.status === "approved") approvedByType.set(p.participantType, (approvedByType.get(p.participantType) ?? 0) + 1);

  const errors: FieldError[] = [];
  const planned: Planned[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (f: ImportField) => {
      const c = columns.get(f);
      return c === undefined ? "" : (cells[c] ?? "");
    };
    const fail = (f: ImportField | "name", message: string) => {
      const column = columns.get(f as ImportField) ?? columns.get("name") ?? columns.get("organisation") ?? f;
      errors.push({ path: column, row: line, column, value: cells[column], message });
    };
    const before = errors.length;
    let orgId: string | null = null;
    const orgRef = cell("organisation");
    if (orgRef && resolver) {
      const ok = resolver.check(orgRef);
      if (ok === true) orgId = resolver.resolve(orgRef);
      else fail("organisation", ok);
    }
    const name = cell("name") || null;
    if (!orgRef && !name) fail("name", "each row needs an organisation or a name");
    const typeText = cell("type");
    const type = typeText ? lookup(typeText, PARTICIPANT_TYPES, PARTICIPANT_TYPE_LABELS, TYPE_WORDS) : input.defaults.participantType;
    if (!type) fail("type", typeText ? `unknown type (use ${PARTICIPANT_TYPES.join(", ")} or their labels)` : "no type: map a type column or give defaults.participantType");
    const statusText = cell("status");
    const status = statusText ? lookup(statusText, PARTICIPANT_STATUSES, PARTICIPANT_STATUS_LABELS) : (input.defaults.status ?? "approved");
    if (!status) fail("status", `unknown status (use ${PARTICIPANT_STATUSES.join(", ")})`);
    const email = cell("contactEmail");
    if (email && !ZEmail.safeParse(email).success) fail("contactEmail", "not an e-mail address");
    const numbers: Record<string, number | null> = {};
    for (const f of ["maxMeetings", "maxPerSession"] as const) {
      const v = cell(f);
      numbers[f] = v === "" ? null : Number(v);
      if (v !== "" && (!Number.isInteger(numbers[f]) || numbers[f]! < 0 || numbers[f]! > 1000)) fail(f, "must be a whole number from 0 to 1000");
    }
    const hsCodes = cell("hsCodes").split(/[\s,;、]+/).filter(Boolean);
    const badHs = hsCodes.filter((c) => !ZHsCode.safeParse(c).success);
    if (badHs.length) fail("hsCodes", `not HS codes of 2, 4 or 6 digits: ${badHs.join(", ")}`);
    const countryText = cell("country");
    const country = countryText ? ZCountryCode.safeParse(countryText) : null;
    if (country && !country.success) fail("country", "must be an ISO 3166-1 alpha-2 code such as TH");
    for (const f of ["offer", "seek"] as const) if (cell(f).length > 4000) fail(f, "longer than 4000 characters");
    if (orgId) {
      const other = orgsSeen.get(orgId);
      if (other) fail("organisation", `the organisation is already ${other}`);
      orgsSeen.set(orgId, `in row ${line}`);
    }
    if (email) {
      const other = emailsSeen.get(email.toLowerCase());
      if (other) fail("contactEmail", `the e-mail is already ${other}`);
      emailsSeen.set(email.toLowerCase(), `in row ${line}`);
    }
    if (type && status === "approved") {
      const n = (approvedByType.get(type) ?? 0) + 1;
      approvedByType.set(type, n);
      const cap = event.participantCaps[type];
      if (cap !== undefined && n > cap) fail("type", `the event takes at most ${cap} approved ${type} participants`);
    }
    if (errors.length > before || !type || !status) continue;
    planned.push({
      line,
      orgId,
      name,
      type,
      status,
      values: {
        contactName: cell("contactName") || null,
        contactEmail: email || null,
        maxMeetings: numbers.maxMeetings ?? null,
        maxPerSession: numbers.maxPerSession ?? null,
        offer: cell("offer") || null,
        seek: cell("seek") || null,
        hsCodes,
        country: country?.success ? country.data : null,
      },
    });
  }
  if (errors.length) throw rejected(errors);
  const names = resolver ? await orgNames(db, planned) : new Map<string, string>();
  const now = new Date();
  const rows = planned.map((p) => ({
    ...p.values,
    id: randomUUID(),
    eventId,
    orgId: p.orgId,
    name: p.name ?? names.get(p.orgId!) ?? "",
    participantType: p.type,
    status: p.status,
    decidedAt: p.status === "pending" ? null : now,
    decidedBy: p.status === "pending" ? null : actor.userId,
  }));
  await db.insert(eventParticipants).values(rows);
  return { rows: table.rows.length, created: rows.length, participantIds: rows.map((r) => r.id) };
}

async function orgNames(db: Executor, planned: Planned[]): Promise<Map<string, string>> {
  const ids = [...new Set(planned.map((p) => p.orgId).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  return new Map((await db.select({ id: organisations.id, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids))).map((o) => [o.id, o.nameEn]));
}
