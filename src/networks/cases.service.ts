/**
 * @module networks/cases.service
 * The good-practice case library: what a city did about a problem (problem, approach, results, the
 * arrangement used, documents, a contact role), in Japanese and English, searchable in both through the
 * shared segmentation (`searchDocument` / `matchesSearch`). A project made from a case becomes an
 * initiative of the evaluation capability, with the case's theme and its partners.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, visibleTo } from "../db/list-query.ts";
import { presentInitiatives, createInitiative } from "../evaluation/initiatives.service.ts";
import { initiatives } from "../evaluation/evaluation.table.ts";
import type { TInitiative } from "../evaluation/evaluation.schema.ts";
import { assertOrganisationsExist, notFound, presentRow } from "../registry/references.ts";
import { organisations } from "../registry/registry.table.ts";
import { CASE_ARRANGEMENT_LABELS, type CaseArrangement, type TCase, type TCaseCreate, type TCaseUpdate, type TProjectFromCase, type ZCaseListQuery } from "./library.schema.ts";
import { goodPracticeCases } from "./networks.table.ts";
import { themeLabel, type CaseTheme } from "./themes.ts";
import { orgNames } from "./tie-records.ts";

export type CaseRow = typeof goodPracticeCases.$inferSelect;

async function presentMany(db: Executor, rows: CaseRow[]): Promise<TCase[]> {
  const names = await orgNames(db, rows.flatMap((r) => [r.orgId, ...(r.networkOrgId ? [r.networkOrgId] : [])]));
  return rows.map((r) => {
    const { search: _s, ...rest } = r;
    return {
      ...presentRow(rest),
      orgName: names.get(r.orgId) ?? { ja: "", en: "" },
      networkName: r.networkOrgId ? (names.get(r.networkOrgId) ?? null) : null,
      theme: r.theme as CaseTheme,
      themeLabel: themeLabel(r.theme),
      arrangement: r.arrangement as CaseArrangement | null,
      arrangementLabel: r.arrangement ? CASE_ARRANGEMENT_LABELS[r.arrangement as CaseArrangement] : null,
      documents: r.documents.map((d) => ({ url: d.url, title: d.title ?? null, language: d.language ?? null })),
      visibility: r.visibility as TCase["visibility"],
    };
  });
}

/** Both languages and the organisations' names, so 防災 and "flood" both find a case. */
type CaseText = Pick<CaseRow, "orgId" | "theme"> &
  Partial<Pick<CaseRow, "networkOrgId" | "titleJa" | "titleEn" | "problemJa" | "problemEn" | "approachJa" | "approachEn" | "resultsJa" | "resultsEn" | "arrangementNoteJa" | "arrangementNoteEn" | "contactRoleJa" | "contactRoleEn">>;

async function searchFor(db: Executor, c: CaseText) {
  const names = await orgNames(db, [c.orgId, ...(c.networkOrgId ? [c.networkOrgId] : [])]);
  const org = names.get(c.orgId);
  const net = c.networkOrgId ? names.get(c.networkOrgId) : undefined;
  const theme = themeLabel(c.theme);
  const doc = searchDocument(
    c.titleJa, c.titleEn, c.problemJa, c.problemEn, c.approachJa, c.approachEn, c.resultsJa, c.resultsEn,
    c.arrangementNoteJa, c.arrangementNoteEn, c.contactRoleJa, c.contactRoleEn, theme.ja, theme.en,
    org?.ja, org?.en, net?.ja, net?.en,
  );
  return sql`to_tsvector('simple', ${doc})`;
}

async function checkReferences(db: Executor, input: Partial<TCaseCreate>): Promise<void> {
  await assertOrganisationsExist(db, [
    { path: "orgId", id: input.orgId },
    { path: "networkOrgId", id: input.networkOrgId },
    { path: "ownerOrgId", id: input.ownerOrgId },
    ...(input.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  if (input.networkOrgId) {
    const [net] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.networkOrgId));
    if (net?.kind !== "network") throw new AppError("validation_failed", "The network is not a network.", [{ path: "networkOrgId", message: `is a ${net?.kind}, not a network` }]);
  }
}

export async function createCase(db: Executor, actor: Actor, input: TCaseCreate): Promise<TCase> {
  const ownerOrgId = input.ownerOrgId ?? input.orgId;
  requireActFor(actor, ownerOrgId, input.ownerOrgId ? "ownerOrgId" : "orgId");
  await checkReferences(db, input);
  const values = { ...input, ownerOrgId, id: randomUUID() };
  const [row] = await db.insert(goodPracticeCases).values({ ...values, search: (await searchFor(db, values)) as never }).returning();
  return (await presentMany(db, [row!]))[0]!;
}

export async function getCaseRow(db: Executor, actor: Actor, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(goodPracticeCases).where(eq(goodPracticeCases.id, id));
  if (!row || !canRead(actor, row)) throw notFound("case", id);
  return row;
}

export async function getCase(db: Executor, actor: Actor, id: string): Promise<TCase> {
  return (await presentMany(db, [await getCaseRow(db, actor, id)]))[0]!;
}

export async function updateCase(db: Executor, actor: Actor, id: string, patch: TCaseUpdate): Promise<TCase> {
  const current = await getCaseRow(db, actor, id);
  requireEdit(actor, current, "case");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  if (!next.titleJa && !next.titleEn) throw new AppError("validation_failed", "A case needs a title.", [{ path: "titleJa", message: "give a title in Japanese or English" }]);
  await checkReferences(db, patch);
  const [row] = await db
    .update(goodPracticeCases)
    .set({ ...patch, search: (await searchFor(db, next)) as never, updatedAt: new Date() })
    .where(eq(goodPracticeCases.id, id))
    .returning();
  return (await presentMany(db, [row!]))[0]!;
}

export async function deleteCase(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getCaseRow(db, actor, id), "case");
  await db.delete(goodPracticeCases).where(eq(goodPracticeCases.id, id));
}

export async function listCases(db: Executor, actor: Actor, query: z.infer<typeof ZCaseListQuery>) {
  const page = await listPage<CaseRow>(db, {
    table: goodPracticeCases,
    idColumn: goodPracticeCases.id,
    sortable: {
      titleEn: sql`coalesce(${goodPracticeCases.titleEn}, ${goodPracticeCases.titleJa}, '')`,
      titleJa: sql`coalesce(${goodPracticeCases.titleJa}, ${goodPracticeCases.titleEn}, '')`,
      year: sql`coalesce(${goodPracticeCases.year}, 0)`,
      theme: goodPracticeCases.theme,
      createdAt: goodPracticeCases.createdAt,
    },
    defaultSort: "titleEn",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, goodPracticeCases),
      matchesSearch(goodPracticeCases.search, query.q),
      query.theme ? eq(goodPracticeCases.theme, query.theme) : undefined,
      query.orgId ? eq(goodPracticeCases.orgId, query.orgId) : undefined,
      query.networkOrgId ? eq(goodPracticeCases.networkOrgId, query.networkOrgId) : undefined,
      query.language ? eq(goodPracticeCases.language, query.language) : undefined,
    ],
  });
  return { items: await presentMany(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}

/** Creates an initiative from the case: its theme, its text as the description, its organisation as partner. */
export async function projectFromCase(db: Executor, actor: Actor, caseId: string, input: TProjectFromCase): Promise<TInitiative> {
  const c = await getCaseRow(db, actor, caseId);
  const defaults = [c.orgId, ...(input.includeNetwork && c.networkOrgId ? [c.networkOrgId] : [])];
  const partners = (input.partnerOrgIds ?? defaults.filter((id) => id !== input.ownerOrgId)).map((orgId) => ({ orgId, role: "partner" as const }));
  const title = { ja: c.titleJa ?? c.titleEn!, en: c.titleEn ?? c.titleJa! };
  return createInitiative(db, actor, {
    ownerOrgId: input.ownerOrgId,
    nameJa: input.nameJa ?? title.ja,
    nameEn: input.nameEn ?? title.en,
    descriptionJa: input.descriptionJa ?? c.approachJa ?? c.problemJa ?? null,
    descriptionEn: input.descriptionEn ?? c.approachEn ?? c.problemEn ?? null,
    theme: c.theme as CaseTheme,
    purposes: input.purposes ?? ["project_making"],
    partners,
    since: input.since ?? null,
    sourceCaseId: c.id,
    visibility: input.visibility,
    sharedWith: input.sharedWith,
    source: input.source ?? `networks case ${c.id}`,
    unverified: input.unverified,
  });
}

/** Initiatives made from the case that the actor may see. */
export async function projectsOfCase(db: Executor, actor: Actor, caseId: string): Promise<TInitiative[]> {
  await getCaseRow(db, actor, caseId);
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(visibleTo(actor, initiatives), eq(initiatives.sourceCaseId, caseId)))
    .orderBy(initiatives.createdAt);
  return presentInitiatives(db, rows);
}
