/**
 * @module registry/offices.service
 * Overseas offices: owner and co-owners (joint offices), city, operational model, host or contractor,
 * functions, duties, focus areas, opening and closing (history is kept: a closed office stays), staff,
 * cost and the share of time spent on office management.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import type { FocusArea, OfficeDuty, OfficeFunction, OfficeModel } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "./references.ts";
import type { TOffice, TOfficeCreate, TOfficeUpdate, ZOfficeListQuery } from "./registry.schema.ts";
import { officeOwners, offices, organisations } from "./registry.table.ts";

export type OfficeRow = typeof offices.$inferSelect;

async function presentMany(db: Executor, rows: OfficeRow[]): Promise<TOffice[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const owners = await db.select().from(officeOwners).where(inArray(officeOwners.officeId, ids));
  const orgIds = [...new Set(rows.map((r) => r.ownerOrgId))];
  const names = new Map(
    (await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]),
  );
  return rows.map((row) => {
    const { seedKey: _seedKey, ...rest } = presentRow(row);
    return {
      ...rest,
      operationalModel: row.operationalModel as OfficeModel,
      functions: row.functions as OfficeFunction[],
      duties: row.duties as OfficeDuty[],
      focusAreas: row.focusAreas as FocusArea[],
      visibility: row.visibility as TOffice["visibility"],
      ownerNameJa: names.get(row.ownerOrgId)?.nameJa ?? "",
      ownerNameEn: names.get(row.ownerOrgId)?.nameEn ?? "",
      coOwnerIds: owners.filter((o) => o.officeId === row.id && o.orgId !== row.ownerOrgId).map((o) => o.orgId).sort(),
    };
  });
}

const searchFor = (o: Pick<OfficeRow, "nameJa" | "nameEn" | "cityJa" | "cityEn" | "country" | "modelNote" | "interviewId">) =>
  sql`to_tsvector('simple', ${searchDocument(o.nameJa, o.nameEn, o.cityJa, o.cityEn, o.country, o.modelNote, o.interviewId)})`;

async function checkReferences(db: Executor, input: Partial<TOfficeCreate>, selfId?: string): Promise<void> {
  await assertOrganisationsExist(db, [
    { path: "ownerOrgId", id: input.ownerOrgId },
    { path: "hostOrgId", id: input.hostOrgId },
    ...(input.coOwnerIds ?? []).map((id, i) => ({ path: `coOwnerIds[${i}]`, id })),
    ...(input.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  if (input.mergedIntoId) {
    if (input.mergedIntoId === selfId) throw new AppError("validation_failed", "An office cannot merge into itself.", [{ path: "mergedIntoId", message: "refers to itself" }]);
    const [target] = await db.select({ id: offices.id }).from(offices).where(eq(offices.id, input.mergedIntoId));
    if (!target) throw new AppError("validation_failed", "The office it merged into does not exist.", [{ path: "mergedIntoId", message: "no such office" }]);
  }
}

async function assertNaturalKeyFree(db: Executor, o: { ownerOrgId: string; cityEn: string; opened?: string | null }, exceptId?: string) {
  const [clash] = await db
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.ownerOrgId, o.ownerOrgId), sql`lower(${offices.cityEn}) = lower(${o.cityEn})`, sql`coalesce(${offices.opened}, '') = ${o.opened ?? ""}`));
  if (clash && clash.id !== exceptId) {
    throw new AppError("conflict", "This owner already has an office in this city opened on that date.", [
      { path: "cityEn", message: "owner + city + opened already registered" },
    ]);
  }
}

async function writeOwners(db: Executor, officeId: string, ownerOrgId: string, coOwnerIds: string[]): Promise<void> {
  await db.delete(officeOwners).where(eq(officeOwners.officeId, officeId));
  const all = [...new Set([ownerOrgId, ...coOwnerIds])];
  await db.insert(officeOwners).values(all.map((orgId) => ({ officeId, orgId })));
}

export async function createOffice(db: Executor, actor: Actor, input: TOfficeCreate, seedKey?: string): Promise<TOffice> {
  requireActFor(actor, input.ownerOrgId);
  await checkReferences(db, input);
  await assertNaturalKeyFree(db, input);
  const { coOwnerIds, ...fields } = input;
  const id = randomUUID();
  const [row] = await db.insert(offices).values({ ...fields, id, seedKey: seedKey ?? null, search: searchFor(fields as OfficeRow) as never }).returning();
  await writeOwners(db, id, input.ownerOrgId, coOwnerIds);
  return (await presentMany(db, [row!]))[0]!;
}

export async function getOfficeRow(db: Executor, actor: Actor, id: string): Promise<OfficeRow> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id));
  if (!row || !canRead(actor, row)) throw notFound("office", id);
  return row;
}

export async function getOffice(db: Executor, actor: Actor, id: string): Promise<TOffice> {
  return (await presentMany(db, [await getOfficeRow(db, actor, id)]))[0]!;
}

export async function updateOffice(db: Executor, actor: Actor, id: string, patch: TOfficeUpdate): Promise<TOffice> {
  const current = await getOfficeRow(db, actor, id);
  requireEdit(actor, current, "office");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  if (next.opened && next.closed && next.closed < next.opened) {
    throw new AppError("validation_failed", "The office cannot close before it opened.", [{ path: "closed", message: "must not be before opened" }]);
  }
  await checkReferences(db, patch, id);
  await assertNaturalKeyFree(db, next, id);
  const { coOwnerIds, ...fields } = patch;
  const [row] = await db.update(offices).set({ ...fields, search: searchFor(next) as never, updatedAt: new Date() }).where(eq(offices.id, id)).returning();
  if (coOwnerIds !== undefined || patch.ownerOrgId) {
    const existing = (await db.select().from(officeOwners).where(eq(officeOwners.officeId, id))).map((o) => o.orgId).filter((o) => o !== current.ownerOrgId);
    await writeOwners(db, id, next.ownerOrgId, coOwnerIds ?? existing);
  }
  return (await presentMany(db, [row!]))[0]!;
}

export async function deleteOffice(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getOfficeRow(db, actor, id), "office");
  await db.delete(offices).where(eq(offices.id, id));
}

export async function listOffices(db: Executor, actor: Actor, query: z.infer<typeof ZOfficeListQuery>) {
  const ownedBy = query.ownerOrgId
    ? or(eq(offices.ownerOrgId, query.ownerOrgId), sql`${offices.id} IN (SELECT office_id FROM office_owners WHERE org_id = ${query.ownerOrgId}::uuid)`)
    : undefined;
  const page = await listPage<OfficeRow>(db, {
    table: offices,
    idColumn: offices.id,
    sortable: {
      nameEn: offices.nameEn,
      nameJa: offices.nameJa,
      cityEn: offices.cityEn,
      country: offices.country,
      opened: sql`coalesce(${offices.opened}, '')`,
      createdAt: offices.createdAt,
    },
    defaultSort: "nameEn",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, offices),
      matchesSearch(offices.search, query.q),
      ownedBy,
      query.country ? eq(offices.country, query.country) : undefined,
      query.operationalModel ? eq(offices.operationalModel, query.operationalModel) : undefined,
      query.status === "open" ? isNull(offices.closed) : query.status === "closed" ? isNotNull(offices.closed) : undefined,
    ],
  });
  return { items: await presentMany(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
