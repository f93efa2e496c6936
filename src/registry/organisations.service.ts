/**
 * @module registry/organisations.service
 * Use cases for organisations: every kind of actor in the paper, Japanese local governments with their
 * code. Services take the database or a transaction first and enforce record-level access.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { canRead, requireActFor, requireEdit, requireSignedIn, type Actor } from "../auth/actor.ts";
import { LOCAL_GOVERNMENT_KINDS, type OrganisationKind } from "../core/domain.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "./references.ts";
import type { TOrganisation, TOrganisationCreate, TOrganisationUpdate } from "./registry.schema.ts";
import { ZOrganisationListQuery } from "./registry.schema.ts";
import { organisations } from "./registry.table.ts";
import type { z } from "zod";

type Row = typeof organisations.$inferSelect;

export function presentOrganisation(row: Row): TOrganisation {
  const { seedKey: _seedKey, ...rest } = presentRow(row);
  return { ...rest, kind: row.kind as OrganisationKind, visibility: row.visibility as TOrganisation["visibility"] };
}

function searchFor(o: Pick<Row, "nameJa" | "nameEn" | "cityJa" | "cityEn" | "country" | "localGovCode" | "networkField" | "descriptionJa" | "descriptionEn">) {
  return sql`to_tsvector('simple', ${searchDocument(o.nameJa, o.nameEn, o.cityJa, o.cityEn, o.country, o.localGovCode, o.networkField, o.descriptionJa, o.descriptionEn)})`;
}

/** Rules that span fields: prefectures and designated cities carry a code, non-governments do not; prefecture codes end in 000 + check digit. */
function checkKindRules(o: { kind: string; localGovCode?: string | null; country: string }): void {
  const errors: FieldError[] = [];
  const isLocalGov = (LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(o.kind);
  // A municipality the sources name without enough detail to identify (e.g. "Tasaki, Gunma") may lack one.
  if ((o.kind === "prefecture" || o.kind === "designated_city") && !o.localGovCode) errors.push({ path: "localGovCode", message: `required for kind ${o.kind}` });
  if (!isLocalGov && o.localGovCode) errors.push({ path: "localGovCode", message: `only Japanese local governments have one, not kind ${o.kind}` });
  if (isLocalGov && o.country !== "JP") errors.push({ path: "country", message: "a Japanese local government is in JP" });
  if (o.kind === "prefecture" && o.localGovCode && o.localGovCode.slice(2, 5) !== "000") {
    errors.push({ path: "localGovCode", message: "a prefecture's code is its number followed by 000 and the check digit" });
  }
  if (errors.length) throw new AppError("validation_failed", "The organisation is inconsistent.", errors);
}

async function assertCodeFree(db: Executor, code: string | null | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  const [clash] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.localGovCode, code));
  if (clash && clash.id !== exceptId) {
    throw new AppError("conflict", `Local government code ${code} is already registered.`, [{ path: "localGovCode", message: "already registered" }]);
  }
}

export async function createOrganisation(db: Executor, actor: Actor, input: TOrganisationCreate, seedKey?: string): Promise<TOrganisation> {
  requireSignedIn(actor);
  if (input.ownerOrgId) requireActFor(actor, input.ownerOrgId);
  else if (!actor.isSystemAdmin) {
    throw new AppError("forbidden", "Give ownerOrgId: the organisation that will maintain this record.", [
      { path: "ownerOrgId", message: "required unless you are a system administrator" },
    ]);
  }
  checkKindRules(input);
  await assertOrganisationsExist(db, [
    { path: "parentId", id: input.parentId },
    { path: "ownerOrgId", id: input.ownerOrgId },
    ...input.sharedWith.map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  await assertCodeFree(db, input.localGovCode);
  const id = randomUUID();
  const values = { ...input, id, ownerOrgId: input.ownerOrgId ?? id, seedKey: seedKey ?? null };
  const [row] = await db.insert(organisations).values({ ...values, search: searchFor(values as Row) as never }).returning();
  return presentOrganisation(row!);
}

export async function getOrganisationRow(db: Executor, actor: Actor, id: string): Promise<Row> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row || !canRead(actor, row)) throw notFound("organisation", id);
  return row;
}

export async function getOrganisation(db: Executor, actor: Actor, id: string): Promise<TOrganisation> {
  return presentOrganisation(await getOrganisationRow(db, actor, id));
}

export async function updateOrganisation(db: Executor, actor: Actor, id: string, patch: TOrganisationUpdate): Promise<TOrganisation> {
  const current = await getOrganisationRow(db, actor, id);
  requireEdit(actor, current, "organisation");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  checkKindRules(next);
  if (patch.parentId === id) throw new AppError("validation_failed", "An organisation cannot be its own parent.", [{ path: "parentId", message: "refers to itself" }]);
  await assertOrganisationsExist(db, [
    { path: "parentId", id: patch.parentId },
    { path: "ownerOrgId", id: patch.ownerOrgId },
    ...(patch.sharedWith ?? []).map((o, i) => ({ path: `sharedWith[${i}]`, id: o })),
  ]);
  if (patch.localGovCode !== undefined) await assertCodeFree(db, patch.localGovCode, id);
  const [row] = await db
    .update(organisations)
    .set({ ...patch, search: searchFor(next) as never, updatedAt: new Date() })
    .where(eq(organisations.id, id))
    .returning();
  return presentOrganisation(row!);
}

export async function deleteOrganisation(db: Executor, actor: Actor, id: string): Promise<void> {
  const current = await getOrganisationRow(db, actor, id);
  requireEdit(actor, current, "organisation");
  await db.delete(organisations).where(eq(organisations.id, id));
}

export async function listOrganisations(db: Executor, actor: Actor, query: z.infer<typeof ZOrganisationListQuery>) {
  const page = await listPage<Row>(db, {
    table: organisations,
    idColumn: organisations.id,
    sortable: { nameEn: organisations.nameEn, nameJa: organisations.nameJa, kind: organisations.kind, country: organisations.country, createdAt: organisations.createdAt, localGovCode: sql`coalesce(${organisations.localGovCode}, '')` },
    defaultSort: "nameEn",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, organisations),
      matchesSearch(organisations.search, query.q),
      query.kind ? eq(organisations.kind, query.kind) : undefined,
      query.country ? eq(organisations.country, query.country) : undefined,
      query.localGovCode ? eq(organisations.localGovCode, query.localGovCode) : undefined,
    ],
  });
  return { items: page.rows.map(presentOrganisation), total: page.total, nextCursor: page.nextCursor };
}

/** Resolves an organisation by id or local government code (for the CLI). */
export async function findOrganisationByIdOrCode(db: Executor, idOrCode: string): Promise<Row | undefined> {
  const byCode = /^\d{6}$/.test(idOrCode);
  const [row] = await db
    .select()
    .from(organisations)
    .where(byCode ? eq(organisations.localGovCode, idOrCode) : and(sql`${organisations.id}::text = ${idOrCode}`));
  return row;
}
