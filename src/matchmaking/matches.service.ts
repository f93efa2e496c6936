/**
 * @module matchmaking/matches.service
 * Matches through the API, in both directions: companies for a request, requests for a company (and for
 * an offer). The query record must be visible to the caller; an unpublished one (its owner or government
 * looking ahead of the review) is matched ad hoc without entering the index. Results are only published
 * records, re-read and checked for visibility, each with its score and its ja/en reasons.
 */
import { inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canRead } from "../auth/actor.ts";
import type { Database } from "../db/connection.ts";
import type { Match } from "./engine/types.ts";
import { companyInput, isMatchableRequest, matchIndexFor, offerAsCompany, requestInput } from "./match-index.ts";
import { REQUEST_KINDS } from "./matchmaking.schema.ts";
import { companyProfiles, opportunities } from "./matchmaking.table.ts";
import { getOpportunityRow, presentOpportunities } from "./opportunities.service.ts";
import { getProfileRow, presentProfiles } from "./profiles.service.ts";
import { orgRefs } from "./shared.ts";

const present = (m: Match) => ({ score: m.score, reasons: m.reasons.map((r) => ({ ...r, label: { ja: r.label.ja, en: r.label.en } })) });

async function withCompanies(database: Database, actor: Actor, matches: Match[]) {
  const db = database.db;
  const rows = matches.length ? await db.select().from(companyProfiles).where(inArray(companyProfiles.orgId, matches.map((m) => m.id))) : [];
  const visible = rows.filter((r) => canRead(actor, r));
  const byId = new Map((await presentProfiles(db, visible)).map((p) => [p.orgId, p]));
  return matches.flatMap((m) => {
    const company = byId.get(m.id);
    return company ? [{ ...present(m), company }] : [];
  });
}

/** `exceptOwner`: a company's own requests are not matches for it. */
async function withOpportunities(database: Database, actor: Actor, matches: Match[], exceptOwner?: string) {
  const db = database.db;
  const rows = matches.length ? await db.select().from(opportunities).where(inArray(opportunities.id, matches.map((m) => m.id))) : [];
  const visible = rows.filter((r) => canRead(actor, r) && isMatchableRequest(r) && r.ownerOrgId !== exceptOwner);
  const byId = new Map((await presentOpportunities(db, visible)).map((o) => [o.id, o]));
  return matches.flatMap((m) => {
    const opportunity = byId.get(m.id);
    return opportunity ? [{ ...present(m), opportunity }] : [];
  });
}

/** Companies for a request-type opportunity; requests for an offer. */
export async function matchesForOpportunity(database: Database, actor: Actor, id: string, top: number) {
  const row = await getOpportunityRow(database.db, actor, id);
  const engine = await matchIndexFor(database).ready();
  if (REQUEST_KINDS.includes(row.kind as never)) {
    const buyer = (await orgRefs(database.db, [row.ownerOrgId])).get(row.ownerOrgId)?.nameEn ?? "";
    const query = isMatchableRequest(row) ? row.id : requestInput(row, buyer);
    const matches = engine.matchCompaniesForRequest(query, { k: top });
    return { direction: "companies_for_request" as const, matches: await withCompanies(database, actor, matches) };
  }
  const matches = engine.matchRequestsForCompany(offerAsCompany(row), { k: top });
  return { direction: "requests_for_offer" as const, matches: await withOpportunities(database, actor, matches, row.ownerOrgId) };
}

/** Requests for a company profile. */
export async function matchesForCompany(database: Database, actor: Actor, orgId: string, top: number) {
  const row = await getProfileRow(database.db, actor, orgId);
  const engine = await matchIndexFor(database).ready();
  const name = (await orgRefs(database.db, [orgId])).get(orgId);
  const query = row.status === "published" ? orgId : companyInput(row, name);
  const matches = engine.matchRequestsForCompany(query, { k: top });
  return { direction: "requests_for_company" as const, matches: await withOpportunities(database, actor, matches, orgId) };
}
