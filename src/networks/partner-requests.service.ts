/**
 * @module networks/partner-requests.service
 * Requests for partners ("we seek a city that has solved X"), answered by the pure `suggestPartners` over
 * the database — candidate organisations (with the themes of the networks they belong to), the case
 * library, the tie graph with each tie's current state, and current network memberships — and stored
 * with their suggestions and reasons so the request can be revisited; recomputed on demand or on change.
 *
 * Suggestions use only records that everyone the request is visible to may see (public records for a
 * public request; for a shared one, what the owner and every organisation named can all see), so a
 * stored reason never names a case, tie or organisation its reader could not open.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { ANONYMOUS, canRead, requireActFor, requireEdit, type Actor, type OwnedRecord } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "../registry/references.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import type { TPartnerRequest, TPartnerRequestCreate, TPartnerRequestUpdate, ZPartnerRequestListQuery } from "./library.schema.ts";
import { isCurrent } from "./memberships.service.ts";
import { goodPracticeCases, networkThemes, partnerRequests, partnerSuggestions } from "./networks.table.ts";
import { suggestPartners, type CaseRecord, type Membership, type TieLink } from "./partner-suggestions.ts";
import type { TieState } from "./tie-lifecycle.ts";
import { eventRows } from "./tie-records.ts";

type RequestRow = typeof partnerRequests.$inferSelect;

/** One stand-in actor per organisation the request is visible to (the anonymous visitor for a public one). */
function audience(request: RequestRow): Actor[] {
  if (request.visibility === "public") return [ANONYMOUS];
  const orgs = request.visibility === "shared" ? [request.ownerOrgId, ...request.sharedWith] : [request.ownerOrgId];
  return [...new Set(orgs)].map((org) => ({ ...ANONYMOUS, roles: new Map([[org, "viewer" as const]]) }));
}

async function computeSuggestions(db: Executor, request: RequestRow): Promise<void> {
  const readers = audience(request);
  const all = <T extends OwnedRecord>(rows: T[]) => rows.filter((r) => readers.every((a) => canRead(a, r)));
  const first = readers[0]!;
  const orgs = all(await db.select().from(organisations).where(visibleTo(first, organisations)));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const tieRows = all(await db.select().from(ties).where(visibleTo(first, ties))).filter((t) => orgById.has(t.aOrgId) && orgById.has(t.bOrgId));
  const events = await eventRows(db, tieRows.map((t) => t.id));
  const today = new Date().toISOString().slice(0, 10);
  const stateOf = (t: (typeof tieRows)[number]): TieState | undefined => {
    const last = (events.get(t.id) ?? []).at(-1)?.state as TieState | undefined;
    return last ?? (isCurrent(t, null, today) ? undefined : "ended");
  };

  const memberships: Membership[] = [];
  const links: TieLink[] = [];
  for (const t of tieRows) {
    const state = stateOf(t);
    if (t.kind !== "network_membership") {
      links.push({ source: t.aOrgId, target: t.bOrgId, ...(state ? { state } : {}) });
      continue;
    }
    if (state === "ended" || state === "dormant" || state === "proposed") continue;
    const networkId = orgById.get(t.aOrgId)?.kind === "network" ? t.aOrgId : t.bOrgId;
    memberships.push({ orgId: networkId === t.aOrgId ? t.bOrgId : t.aOrgId, networkId });
  }
  const themeRows = await db.select().from(networkThemes);
  const networkThemeMap = new Map<string, string[]>();
  for (const r of themeRows) networkThemeMap.set(r.networkOrgId, [...(networkThemeMap.get(r.networkOrgId) ?? []), r.theme]);
  const themesOf = new Map<string, Set<string>>();
  for (const m of memberships) for (const theme of networkThemeMap.get(m.networkId) ?? []) themesOf.set(m.orgId, (themesOf.get(m.orgId) ?? new Set()).add(theme));

  const caseRows = all(await db.select().from(goodPracticeCases).where(visibleTo(first, goodPracticeCases))).filter((c) => orgById.has(c.orgId));
  const cases: CaseRecord[] = caseRows.map((c) => ({
    id: c.id,
    orgId: c.orgId,
    theme: c.theme,
    title: { ja: c.titleJa ?? c.titleEn ?? "", en: c.titleEn ?? c.titleJa ?? "" },
    text: [c.problemJa, c.problemEn, c.approachJa, c.approachEn, c.resultsJa, c.resultsEn].filter(Boolean).join("\n"),
  }));
  const candidates = orgs.filter((o) => o.kind !== "network").map((o) => ({ id: o.id, name: { ja: o.nameJa, en: o.nameEn }, themes: [...(themesOf.get(o.id) ?? [])] }));
  const names = Object.fromEntries(orgs.map((o) => [o.id, { ja: o.nameJa, en: o.nameEn }]));

  const suggestions = suggestPartners(
    { requesterId: request.requesterOrgId, themes: request.themes, text: request.requestText },
    { candidates, cases, ties: links, memberships, names },
    { limit: request.suggestionLimit },
  );
  await db.delete(partnerSuggestions).where(eq(partnerSuggestions.requestId, request.id));
  if (suggestions.length) {
    await db.insert(partnerSuggestions).values(
      suggestions.map((s, i) => ({
        requestId: request.id,
        rank: i + 1,
        orgId: s.orgId,
        score: s.score,
        components: s.components,
        reasons: s.reasons,
        matchedThemes: s.matchedThemes,
        caseIds: s.caseIds,
        introducerIds: s.introducers,
        sharedNetworkIds: s.sharedNetworks,
      })),
    );
  }
  await db.update(partnerRequests).set({ suggestedAt: new Date() }).where(eq(partnerRequests.id, request.id));
}

async function present(db: Executor, rows: RequestRow[]): Promise<TPartnerRequest[]> {
  if (!rows.length) return [];
  const stored = await db
    .select()
    .from(partnerSuggestions)
    .where(inArray(partnerSuggestions.requestId, rows.map((r) => r.id)))
    .orderBy(partnerSuggestions.requestId, partnerSuggestions.rank);
  const orgIds = [...new Set([...rows.map((r) => r.requesterOrgId), ...stored.map((s) => s.orgId)])];
  const orgs = new Map((await db.select().from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]));
  return rows.map((r) => ({
    ...presentRow(r),
    requesterName: { ja: orgs.get(r.requesterOrgId)?.nameJa ?? "", en: orgs.get(r.requesterOrgId)?.nameEn ?? "" },
    text: r.requestText,
    limit: r.suggestionLimit,
    suggestedAt: r.suggestedAt ? r.suggestedAt.toISOString() : null,
    visibility: r.visibility as TPartnerRequest["visibility"],
    suggestions: stored
      .filter((s) => s.requestId === r.id)
      .map((s) => {
        const o = orgs.get(s.orgId);
        return {
          rank: s.rank,
          orgId: s.orgId,
          name: { ja: o?.nameJa ?? "", en: o?.nameEn ?? "" },
          kind: o?.kind ?? "",
          country: o?.country ?? "",
          score: s.score,
          components: s.components as TPartnerRequest["suggestions"][number]["components"],
          reasons: s.reasons,
          matchedThemes: s.matchedThemes,
          caseIds: s.caseIds,
          introducerIds: s.introducerIds,
          sharedNetworkIds: s.sharedNetworkIds,
        };
      }),
  })).map(({ requestText: _t, suggestionLimit: _l, ...rest }) => rest);
}

async function getRow(db: Executor, actor: Actor, id: string): Promise<RequestRow> {
  const [row] = await db.select().from(partnerRequests).where(eq(partnerRequests.id, id));
  if (!row || !canRead(actor, row)) throw notFound("partner request", id);
  return row;
}

export async function createPartnerRequest(db: Executor, actor: Actor, input: TPartnerRequestCreate): Promise<TPartnerRequest> {
  requireActFor(actor, input.requesterOrgId, "requesterOrgId");
  await assertOrganisationsExist(db, [
    { path: "requesterOrgId", id: input.requesterOrgId },
    ...input.sharedWith.map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  const { text, limit, ...fields } = input;
  const [row] = await db
    .insert(partnerRequests)
    .values({ ...fields, id: randomUUID(), requestText: text, suggestionLimit: limit, ownerOrgId: input.requesterOrgId })
    .returning();
  await computeSuggestions(db, row!);
  return getPartnerRequest(db, actor, row!.id);
}

export async function getPartnerRequest(db: Executor, actor: Actor, id: string): Promise<TPartnerRequest> {
  return (await present(db, [await getRow(db, actor, id)]))[0]!;
}

export async function updatePartnerRequest(db: Executor, actor: Actor, id: string, patch: TPartnerRequestUpdate): Promise<TPartnerRequest> {
  const current = await getRow(db, actor, id);
  requireEdit(actor, current, "partner request");
  await assertOrganisationsExist(db, (patch.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })));
  const { text, limit, ...fields } = patch;
  const [row] = await db
    .update(partnerRequests)
    .set({ ...fields, ...(text !== undefined ? { requestText: text } : {}), ...(limit !== undefined ? { suggestionLimit: limit } : {}), updatedAt: new Date() })
    .where(eq(partnerRequests.id, id))
    .returning();
  await computeSuggestions(db, row!);
  return getPartnerRequest(db, actor, id);
}

/** Computes the suggestions again over the current data. */
export async function refreshPartnerRequest(db: Executor, actor: Actor, id: string): Promise<TPartnerRequest> {
  const current = await getRow(db, actor, id);
  requireEdit(actor, current, "partner request");
  await computeSuggestions(db, current);
  return getPartnerRequest(db, actor, id);
}

export async function deletePartnerRequest(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getRow(db, actor, id), "partner request");
  await db.delete(partnerRequests).where(eq(partnerRequests.id, id));
}

export async function listPartnerRequests(db: Executor, actor: Actor, query: z.infer<typeof ZPartnerRequestListQuery>) {
  const q = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const page = await listPage<RequestRow>(db, {
    table: partnerRequests,
    idColumn: partnerRequests.id,
    sortable: { createdAt: partnerRequests.createdAt, title: sql`coalesce(${partnerRequests.title}, '')` },
    defaultSort: "-createdAt",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, partnerRequests),
      query.requesterOrgId ? eq(partnerRequests.requesterOrgId, query.requesterOrgId) : undefined,
      q ? sql`(coalesce(${partnerRequests.title}, '') || ' ' || ${partnerRequests.requestText}) ILIKE ${`%${q}%`}` : undefined,
    ],
  });
  return { items: await present(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
