/**
 * @module matchmaking/profiles.service
 * Company profiles: one per registry organisation of kind company, sponsored (vetted) by a local
 * government. A profile is visible to its company and its government until a review publishes it; a
 * content change to a published profile sends it back to review, because the endorsement covers what
 * was reviewed.
 */
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { canRead } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { iso, notFound } from "../registry/references.ts";
import { organisations } from "../registry/registry.table.ts";
import { presentEndorsement, reviewerNames } from "./endorsement.ts";
import type { TCompanyProfile, TCompanyProfileCreate, TCompanyProfileUpdate, ZCompanyListQuery } from "./matchmaking.schema.ts";
import { companyProfiles } from "./matchmaking.table.ts";
import { accessFor, assertOrgKinds, GOVERNMENT_KINDS, orgRefs, refOf, requireManage } from "./shared.ts";

export type ProfileRow = typeof companyProfiles.$inferSelect;

export async function presentProfiles(db: Executor, rows: ProfileRow[]): Promise<TCompanyProfile[]> {
  if (!rows.length) return [];
  const refs = await orgRefs(db, rows.flatMap((r) => [r.orgId, r.vettedBy]));
  const names = await reviewerNames(db, rows);
  return rows.map((r) => ({
    orgId: r.orgId,
    nameJa: refOf(refs, r.orgId).nameJa,
    nameEn: refOf(refs, r.orgId).nameEn,
    vettedBy: refOf(refs, r.vettedBy),
    descriptionJa: r.descriptionJa,
    descriptionEn: r.descriptionEn,
    corporateNumber: r.corporateNumber,
    prefectureId: r.prefectureId,
    municipalityId: r.municipalityId,
    hsCodes: r.hsCodes,
    certifications: r.certifications,
    exportExperience: r.exportExperience,
    targetMarkets: r.targetMarkets,
    capacity: r.capacityAmount !== null && r.capacityUnit !== null ? { amount: r.capacityAmount, unit: r.capacityUnit as never } : null,
    status: r.status as TCompanyProfile["status"],
    endorsement: presentEndorsement(r, refOf(refs, r.vettedBy), names),
    visibility: r.visibility as TCompanyProfile["visibility"],
    source: r.source,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }));
}

async function searchFor(db: Executor, orgId: string, p: Partial<ProfileRow>) {
  const [org] = await db.select({ nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, orgId));
  return sql`to_tsvector('simple', ${searchDocument(org?.nameJa, org?.nameEn, p.descriptionJa, p.descriptionEn, (p.hsCodes ?? []).join(" "), p.corporateNumber)})`;
}

async function checkReferences(db: Executor, input: Partial<TCompanyProfileCreate>): Promise<void> {
  await assertOrgKinds(db, [
    { path: "orgId", id: input.orgId, kinds: ["company"] },
    { path: "vettedBy", id: input.vettedBy, kinds: GOVERNMENT_KINDS },
    { path: "prefectureId", id: input.prefectureId, kinds: ["prefecture"] },
    { path: "municipalityId", id: input.municipalityId, kinds: ["municipality", "designated_city"] },
  ]);
}

async function assertCorporateNumberFree(db: Executor, corporateNumber: string | null | undefined, orgId: string): Promise<void> {
  if (!corporateNumber) return;
  const [clash] = await db.select({ orgId: companyProfiles.orgId }).from(companyProfiles).where(eq(companyProfiles.corporateNumber, corporateNumber));
  if (clash && clash.orgId !== orgId) {
    throw new AppError("conflict", "Another company profile has this corporate number.", [{ path: "corporateNumber", message: "already registered" }]);
  }
}

function columnsOf(input: TCompanyProfileUpdate) {
  const { capacity, ...rest } = input;
  return {
    ...rest,
    ...(capacity !== undefined ? { capacityAmount: capacity?.amount ?? null, capacityUnit: capacity?.unit ?? null } : {}),
  };
}

export async function createProfile(db: Executor, actor: Actor, input: TCompanyProfileCreate): Promise<TCompanyProfile> {
  await checkReferences(db, input);
  requireManage(actor, { ownerOrgId: input.orgId, vettedBy: input.vettedBy }, "company profile");
  const [existing] = await db.select({ orgId: companyProfiles.orgId }).from(companyProfiles).where(eq(companyProfiles.orgId, input.orgId));
  if (existing) throw new AppError("conflict", "This company already has a profile.", [{ path: "orgId", message: "already has a profile" }]);
  await assertCorporateNumberFree(db, input.corporateNumber, input.orgId);
  const { orgId, ...fields } = input;
  const values = { ...columnsOf(fields), orgId, ownerOrgId: orgId, status: "pending", ...accessFor("pending", input.vettedBy) };
  const [row] = await db
    .insert(companyProfiles)
    .values({ ...values, search: (await searchFor(db, orgId, values)) as never } as typeof companyProfiles.$inferInsert)
    .returning();
  return (await presentProfiles(db, [row!]))[0]!;
}

export async function getProfileRow(db: Executor, actor: Actor, orgId: string): Promise<ProfileRow> {
  const [row] = await db.select().from(companyProfiles).where(eq(companyProfiles.orgId, orgId));
  if (!row || !canRead(actor, row)) throw notFound("company profile", orgId);
  return row;
}

export async function getProfile(db: Executor, actor: Actor, orgId: string): Promise<TCompanyProfile> {
  return (await presentProfiles(db, [await getProfileRow(db, actor, orgId)]))[0]!;
}

export async function updateProfile(db: Executor, actor: Actor, orgId: string, patch: TCompanyProfileUpdate): Promise<TCompanyProfile> {
  const current = await getProfileRow(db, actor, orgId);
  requireManage(actor, current, "company profile");
  await checkReferences(db, patch);
  if (patch.vettedBy && patch.vettedBy !== current.vettedBy) requireManage(actor, { ownerOrgId: orgId, vettedBy: patch.vettedBy }, "company profile");
  await assertCorporateNumberFree(db, patch.corporateNumber, orgId);
  const changesContent = Object.keys(patch).some((k) => k !== "source");
  const status = changesContent ? "pending" : current.status;
  const next = { ...current, ...columnsOf(patch) };
  const [row] = await db
    .update(companyProfiles)
    .set({
      ...columnsOf(patch),
      status,
      ...accessFor(status, next.vettedBy),
      ...(changesContent ? { endorsedAt: null, endorsedByUser: null, endorsementExpires: null } : {}),
      search: (await searchFor(db, orgId, next)) as never,
      updatedAt: new Date(),
    })
    .where(eq(companyProfiles.orgId, orgId))
    .returning();
  return (await presentProfiles(db, [row!]))[0]!;
}

export async function deleteProfile(db: Executor, actor: Actor, orgId: string): Promise<void> {
  requireManage(actor, await getProfileRow(db, actor, orgId), "company profile");
  await db.delete(companyProfiles).where(eq(companyProfiles.orgId, orgId));
}

export async function listProfiles(db: Executor, actor: Actor, query: z.infer<typeof ZCompanyListQuery>) {
  const page = await listPage<ProfileRow>(db, {
    table: companyProfiles,
    idColumn: companyProfiles.id,
    sortable: { createdAt: companyProfiles.createdAt, updatedAt: companyProfiles.updatedAt, status: companyProfiles.status },
    defaultSort: "-updatedAt",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, companyProfiles),
      matchesSearch(companyProfiles.search, query.q),
      query.status ? eq(companyProfiles.status, query.status) : undefined,
      query.vettedBy ? eq(companyProfiles.vettedBy, query.vettedBy) : undefined,
      query.hsCode ? sql`EXISTS (SELECT 1 FROM unnest(${companyProfiles.hsCodes}) AS c WHERE c LIKE ${`${query.hsCode}%`} OR ${query.hsCode} LIKE c || '%')` : undefined,
    ],
  });
  return { items: await presentProfiles(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}

