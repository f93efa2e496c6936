/**
 * @module offices/time-logs.service
 * Hours an office's staff log per month and category (office management, the four primary functions, the
 * other duties), and the office's time use computed from them by the pure core (`summariseTimeUse`): the
 * management share against the paper's 30 %. A staff member is a person of the office's owner or co-owner
 * organisations (by id) or a free name; one log per staff member, month and category.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { FieldError } from "../core/errors.ts";
import { normaliseText } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage } from "../db/list-query.ts";
import { iso } from "../registry/references.ts";
import { people } from "../people/people.table.ts";
import { officeTimeLogs } from "./offices.table.ts";
import type { TTimeLog, TTimeLogCreate, TTimeLogUpdate, ZTimeLogListQuery } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import type { OfficeOps } from "./operations-access.ts";
import { TIME_CATEGORIES, TIME_CATEGORY_LABELS } from "./operations/labels.ts";
import type { TimeCategory } from "./operations/labels.ts";
import { MAX_HOURS_PER_PERSON_MONTH, summariseTimeUse } from "./operations/time-use.ts";
import type { YearBasis } from "./operations/time-use.ts";

export type TimeLogRow = typeof officeTimeLogs.$inferSelect;

export function presentTimeLog(row: TimeLogRow): TTimeLog {
  return {
    id: row.id,
    officeId: row.officeId,
    personId: row.personId,
    staffName: row.staffName,
    staffRef: row.staffRef,
    month: row.month,
    category: row.category as TimeCategory,
    hours: row.hours,
    note: row.note,
    source: row.source,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The summary's name for a free-named staff member: case and width do not make two people. */
export function nameRef(name: string): string {
  return `name:${normaliseText(name.trim())}`;
}

/**
 * Checks that the people named belong to the office's owner or co-owner organisations; returns the failing
 * ones as field errors (a person elsewhere is reported as missing, so nothing about them leaks).
 */
export async function checkPeople(db: Executor, ops: OfficeOps, refs: Array<{ personId: string; error: Omit<FieldError, "message"> }>): Promise<FieldError[]> {
  const ids = [...new Set(refs.map((r) => r.personId))];
  if (ids.length === 0) return [];
  const found = new Set(
    (await db.select({ id: people.id, org: people.ownerOrgId }).from(people).where(inArray(people.id, ids)))
      .filter((p) => ops.memberIds.includes(p.org))
      .map((p) => p.id),
  );
  return refs
    .filter((r) => !found.has(r.personId))
    .map((r) => ({ ...r.error, message: `no person ${r.personId} in the office's owner or co-owner organisations`, value: r.personId }));
}

/**
 * After a write, refuses any staff member whose hours in a month now exceed 744 h (a 31-day month): a
 * person's hours count across all offices, a free name's within the office. Throws (rolling the
 * transaction back) naming the field given by `pathFor`.
 */
export async function checkMonthlyCap(
  db: Executor,
  officeId: string,
  pairs: Array<{ staffRef: string; month: string }>,
  pathFor: (pair: { staffRef: string; month: string }) => Omit<FieldError, "message">,
): Promise<void> {
  if (pairs.length === 0) return;
  const t = officeTimeLogs;
  const tuples = sql.join(pairs.map((p) => sql`(${p.staffRef}, ${p.month})`), sql`, `);
  const over = await db
    .select({ staffRef: t.staffRef, month: t.month, hours: sql<number>`sum(${t.hours})::float8` })
    .from(t)
    .where(and(sql`(${t.staffRef}, ${t.month}::text) IN (${tuples})`, sql`(${t.personId} IS NOT NULL OR ${t.officeId} = ${officeId})`))
    .groupBy(t.staffRef, t.month)
    .having(sql`sum(${t.hours}) > ${MAX_HOURS_PER_PERSON_MONTH}`);
  if (over.length === 0) return;
  const errors = over.map((o) => ({
    ...pathFor(o),
    message: `${o.staffRef} would log ${Number(o.hours)} h in ${o.month}, more than the ${MAX_HOURS_PER_PERSON_MONTH} h in a 31-day month`,
    value: Number(o.hours),
  }));
  throw new AppError("validation_failed", errors.map((e) => e.message).join("; "), errors);
}

async function getLogRow(db: Executor, officeId: string, logId: string): Promise<TimeLogRow> {
  const [row] = await db.select().from(officeTimeLogs).where(and(eq(officeTimeLogs.id, logId), eq(officeTimeLogs.officeId, officeId)));
  if (!row) throw new AppError("not_found", `No time log ${logId} for this office.`);
  return row;
}

async function assertKeyFree(db: Executor, officeId: string, staffRef: string, month: string, category: string, exceptId?: string): Promise<void> {
  const t = officeTimeLogs;
  const [clash] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.officeId, officeId), eq(t.staffRef, staffRef), eq(t.month, month), eq(t.category, category)));
  if (clash && clash.id !== exceptId) {
    throw new AppError("conflict", "This staff member already has hours in this category for this month; change that log instead.", [
      { path: "category", message: `already logged for ${month} (log ${clash.id})` },
    ]);
  }
}

export async function createTimeLog(db: Executor, actor: Actor, officeId: string, input: TTimeLogCreate): Promise<TTimeLog> {
  const ops = await loadOfficeOps(db, actor, officeId, "edit");
  if (input.personId) {
    const errors = await checkPeople(db, ops, [{ personId: input.personId, error: { path: "personId" } }]);
    if (errors.length) throw new AppError("validation_failed", "The person does not exist here.", errors);
  }
  const staffRef = input.personId ?? nameRef(input.staffName ?? "");
  await assertKeyFree(db, officeId, staffRef, input.month, input.category);
  const now = new Date();
  const [row] = await db
    .insert(officeTimeLogs)
    .values({
      id: randomUUID(),
      officeId,
      personId: input.personId ?? null,
      staffName: input.personId ? null : (input.staffName ?? null),
      staffRef,
      month: input.month,
      category: input.category,
      hours: input.hours,
      note: input.note ?? null,
      source: input.source ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await checkMonthlyCap(db, officeId, [{ staffRef, month: input.month }], () => ({ path: "hours" }));
  return presentTimeLog(row!);
}

export async function updateTimeLog(db: Executor, actor: Actor, officeId: string, logId: string, patch: TTimeLogUpdate): Promise<TTimeLog> {
  const ops = await loadOfficeOps(db, actor, officeId, "edit");
  const current = await getLogRow(db, officeId, logId);
  let personId = current.personId;
  let staffName = current.staffName;
  if (patch.personId) {
    const errors = await checkPeople(db, ops, [{ personId: patch.personId, error: { path: "personId" } }]);
    if (errors.length) throw new AppError("validation_failed", "The person does not exist here.", errors);
    personId = patch.personId;
    staffName = null;
  } else if (patch.staffName) {
    personId = null;
    staffName = patch.staffName;
  }
  const staffRef = personId ?? (staffName ? nameRef(staffName) : current.staffRef);
  const month = patch.month ?? current.month;
  const category = patch.category ?? current.category;
  await assertKeyFree(db, officeId, staffRef, month, category, logId);
  const [row] = await db
    .update(officeTimeLogs)
    .set({
      personId,
      staffName,
      staffRef,
      month,
      category,
      ...(patch.hours !== undefined ? { hours: patch.hours } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.source !== undefined ? { source: patch.source } : {}),
      updatedAt: new Date(),
    })
    .where(eq(officeTimeLogs.id, logId))
    .returning();
  await checkMonthlyCap(db, officeId, [{ staffRef, month }], () => ({ path: "hours" }));
  return presentTimeLog(row!);
}

export async function deleteTimeLog(db: Executor, actor: Actor, officeId: string, logId: string): Promise<void> {
  await loadOfficeOps(db, actor, officeId, "edit");
  await getLogRow(db, officeId, logId);
  await db.delete(officeTimeLogs).where(eq(officeTimeLogs.id, logId));
}

export async function getTimeLog(db: Executor, actor: Actor, officeId: string, logId: string): Promise<TTimeLog> {
  await loadOfficeOps(db, actor, officeId, "read");
  return presentTimeLog(await getLogRow(db, officeId, logId));
}

export async function listTimeLogs(db: Executor, actor: Actor, officeId: string, query: z.infer<typeof ZTimeLogListQuery>) {
  await loadOfficeOps(db, actor, officeId, "read");
  const t = officeTimeLogs;
  const page = await listPage<TimeLogRow>(db, {
    table: t,
    idColumn: t.id,
    sortable: { month: sql`${t.month}::text`, category: t.category, hours: t.hours, createdAt: t.createdAt },
    defaultSort: "month",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      eq(t.officeId, officeId),
      query.from ? gte(t.month, query.from) : undefined,
      query.to ? lte(t.month, query.to) : undefined,
      query.category ? eq(t.category, query.category) : undefined,
      query.personId ? eq(t.personId, query.personId) : undefined,
    ],
  });
  return { items: page.rows.map(presentTimeLog), total: page.total, nextCursor: page.nextCursor };
}

/** All of an office's logs, as the time-use core takes them. */
export async function timeEntriesOf(db: Executor, officeId: string) {
  const rows = await db.select().from(officeTimeLogs).where(eq(officeTimeLogs.officeId, officeId));
  return rows.map((r) => ({ officeId, staffId: r.staffRef, month: r.month, category: r.category as TimeCategory, hours: r.hours }));
}

/** The office's time use by month and year, with the management share against the 30 % benchmark. */
export async function timeUse(db: Executor, actor: Actor, officeId: string, yearBasis: YearBasis) {
  await loadOfficeOps(db, actor, officeId, "read");
  const summary = summariseTimeUse(await timeEntriesOf(db, officeId), { yearBasis });
  const office = summary.offices[0];
  return {
    officeId,
    benchmark: summary.benchmark,
    yearBasis: summary.yearBasis,
    months: office?.months ?? [],
    years: office?.years ?? [],
    categories: TIME_CATEGORIES.map((category) => ({ category, label: TIME_CATEGORY_LABELS[category] })),
  };
}
