/**
 * @module matchmaking/opportunities.service
 * Opportunities: business offers and requests, technology offers and requests, partnership requests,
 * posted by a company or a buyer organisation and vetted like profiles. Each has an expiry date after
 * which it is no longer matched (nor listed, unless asked for); renewal extends it without a new review.
 */
import { randomUUID } from "node:crypto";
import { eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { canRead } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { iso, notFound } from "../registry/references.ts";
import { daysBetween, renewedExpiry } from "./calendar.ts";
import { presentEndorsement, reviewerNames } from "./endorsement.ts";
import type { TOpportunity, TOpportunityCreate, TOpportunityUpdate, ZOpportunityListQuery } from "./matchmaking.schema.ts";
import { companyProfiles, opportunities } from "./matchmaking.table.ts";
import { accessFor, addMonths, assertOrgKinds, GOVERNMENT_KINDS, orgRefs, refOf, requireManage, today } from "./shared.ts";

export type OpportunityRow = typeof opportunities.$inferSelect;

export async function presentOpportunities(db: Executor, rows: OpportunityRow[]): Promise<TOpportunity[]> {
  if (!rows.length) return [];
  const refs = await orgRefs(db, rows.flatMap((r) => [r.ownerOrgId, r.vettedBy]));
  const names = await reviewerNames(db, rows);
  const now = today();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TOpportunity["kind"],
    owner: refOf(refs, r.ownerOrgId),
    vettedBy: refOf(refs, r.vettedBy),
    titleJa: r.titleJa,
    titleEn: r.titleEn,
    country: r.country,
    descriptionJa: r.descriptionJa,
    descriptionEn: r.descriptionEn,
    hsCodes: r.hsCodes,
    requiredCertifications: r.requiredCertifications,
    volume: r.volumeAmount !== null && r.volumeUnit !== null ? { amount: r.volumeAmount, unit: r.volumeUnit as never } : null,
    deadline: r.deadline,
    expiresOn: r.expiresOn,
    expired: r.expiresOn < now,
    expiresInDays: daysBetween(now, r.expiresOn),
    status: r.status as TOpportunity["status"],
    endorsement: presentEndorsement(r, refOf(refs, r.vettedBy), names),
    visibility: r.visibility as TOpportunity["visibility"],
    source: r.source,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }));
}

const searchFor = (o: Partial<OpportunityRow>) =>
  sql`to_tsvector('simple', ${searchDocument(o.titleJa, o.titleEn, o.descriptionJa, o.descriptionEn, o.country, (o.hsCodes ?? []).join(" "))})`;

function columnsOf(input: TOpportunityUpdate) {
  const { volume, ...rest } = input;
  return {
    ...rest,
    ...(volume !== undefined ? { volumeAmount: volume?.amount ?? null, volumeUnit: volume?.unit ?? null } : {}),
  };
}

/** The engine needs something to match on. */
function requireMatchable(o: Partial<OpportunityRow>): void {
  const text = [o.titleJa, o.titleEn, o.descriptionJa, o.descriptionEn].some((t) => t && t.trim());
  if (!text && !(o.hsCodes ?? []).length) {
    throw new AppError("validation_failed", "An opportunity needs a title, a description or HS codes.", [
      { path: "descriptionEn", message: "give a title or description (ja or en) or HS codes" },
    ]);
  }
}

/** Without an explicit government, a company's opportunity is vetted by its profile's sponsor. */
async function defaultGovernment(db: Executor, ownerOrgId: string): Promise<string> {
  const [profile] = await db.select({ vettedBy: companyProfiles.vettedBy }).from(companyProfiles).where(eq(companyProfiles.orgId, ownerOrgId));
  if (!profile) {
    throw new AppError("validation_failed", "Name the local government that reviews this opportunity.", [
      { path: "vettedBy", message: "required when the owner has no company profile" },
    ]);
  }
  return profile.vettedBy;
}

export async function createOpportunity(db: Executor, actor: Actor, input: TOpportunityCreate): Promise<TOpportunity> {
  await assertOrgKinds(db, [{ path: "vettedBy", id: input.vettedBy, kinds: GOVERNMENT_KINDS }]);
  await assertOrgKinds(db, [{ path: "ownerOrgId", id: input.ownerOrgId, kinds: ["company", "host_government_agency", "foreign_city", "regional_bank", "university", "service_provider", "npo", "national_agency"] }]);
  const vettedBy = input.vettedBy ?? (await defaultGovernment(db, input.ownerOrgId));
  requireManage(actor, { ownerOrgId: input.ownerOrgId, vettedBy }, "opportunity");
  requireMatchable(input as Partial<OpportunityRow>);
  const values = {
    ...columnsOf({ ...input, vettedBy }),
    kind: input.kind,
    ownerOrgId: input.ownerOrgId,
    vettedBy,
    id: randomUUID(),
    expiresOn: input.expiresOn ?? addMonths(today(), 12),
    status: "pending",
    ...accessFor("pending", vettedBy),
  };
  const [row] = await db.insert(opportunities).values({ ...values, search: searchFor(values) as never } as typeof opportunities.$inferInsert).returning();
  return (await presentOpportunities(db, [row!]))[0]!;
}

export async function getOpportunityRow(db: Executor, actor: Actor, id: string): Promise<OpportunityRow> {
  const [row] = await db.select().from(opportunities).where(eq(opportunities.id, id));
  if (!row || !canRead(actor, row)) throw notFound("opportunity", id);
  return row;
}

export async function getOpportunity(db: Executor, actor: Actor, id: string): Promise<TOpportunity> {
  return (await presentOpportunities(db, [await getOpportunityRow(db, actor, id)]))[0]!;
}

export async function updateOpportunity(db: Executor, actor: Actor, id: string, patch: TOpportunityUpdate): Promise<TOpportunity> {
  const current = await getOpportunityRow(db, actor, id);
  requireManage(actor, current, "opportunity");
  await assertOrgKinds(db, [{ path: "vettedBy", id: patch.vettedBy, kinds: GOVERNMENT_KINDS }]);
  if (patch.vettedBy && patch.vettedBy !== current.vettedBy) requireManage(actor, { ownerOrgId: current.ownerOrgId, vettedBy: patch.vettedBy }, "opportunity");
  const next = { ...current, ...columnsOf(patch), vettedBy: patch.vettedBy ?? current.vettedBy };
  requireMatchable(next);
  // Expiry and source are not what the government endorsed; everything else is.
  const changesContent = Object.keys(patch).some((k) => k !== "source" && k !== "expiresOn");
  const status = changesContent ? "pending" : current.status;
  const [row] = await db
    .update(opportunities)
    .set({
      ...columnsOf(patch),
      vettedBy: next.vettedBy,
      status,
      ...accessFor(status, next.vettedBy),
      ...(changesContent ? { endorsedAt: null, endorsedByUser: null, endorsementExpires: null } : {}),
      search: searchFor(next) as never,
      updatedAt: new Date(),
    })
    .where(eq(opportunities.id, id))
    .returning();
  return (await presentOpportunities(db, [row!]))[0]!;
}

export async function renewOpportunity(db: Executor, actor: Actor, id: string, months: number): Promise<TOpportunity> {
  const current = await getOpportunityRow(db, actor, id);
  requireManage(actor, current, "opportunity");
  const [row] = await db.update(opportunities).set({ expiresOn: renewedExpiry(current.expiresOn, months), updatedAt: new Date() }).where(eq(opportunities.id, id)).returning();
  return (await presentOpportunities(db, [row!]))[0]!;
}

export async function deleteOpportunity(db: Executor, actor: Actor, id: string): Promise<void> {
  requireManage(actor, await getOpportunityRow(db, actor, id), "opportunity");
  await db.delete(opportunities).where(eq(opportunities.id, id));
}

export async function listOpportunities(db: Executor, actor: Actor, query: z.infer<typeof ZOpportunityListQuery>) {
  const page = await listPage<OpportunityRow>(db, {
    table: opportunities,
    idColumn: opportunities.id,
    sortable: { createdAt: opportunities.createdAt, updatedAt: opportunities.updatedAt, expiresOn: opportunities.expiresOn, country: opportunities.country },
    defaultSort: "-updatedAt",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, opportunities),
      matchesSearch(opportunities.search, query.q),
      query.kind ? eq(opportunities.kind, query.kind) : undefined,
      query.status ? eq(opportunities.status, query.status) : undefined,
      query.ownerOrgId ? eq(opportunities.ownerOrgId, query.ownerOrgId) : undefined,
      query.vettedBy ? eq(opportunities.vettedBy, query.vettedBy) : undefined,
      query.country ? eq(opportunities.country, query.country) : undefined,
      query.includeExpired === "true" ? undefined : gte(opportunities.expiresOn, today()),
    ],
  });
  return { items: await presentOpportunities(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
