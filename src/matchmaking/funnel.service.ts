/**
 * @module matchmaking/funnel.service
 * The office dashboard's funnel for one government: the company profiles it sponsors, how many it has
 * vetted (published), the expressions of interest it brokers, and how many reached a meeting and an
 * agreement. Members of the government (any role) see it.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { requireSignedIn } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { companyProfiles, matchInterests, matchMeetings, opportunities } from "./matchmaking.table.ts";
import { assertOrgKinds, GOVERNMENT_KINDS } from "./shared.ts";

const count = sql<number>`count(*)::int`;

export async function funnel(db: Executor, actor: Actor, govOrgId: string) {
  requireSignedIn(actor);
  await assertOrgKinds(db, [{ path: "orgId", id: govOrgId, kinds: GOVERNMENT_KINDS }]);
  if (!actor.isSystemAdmin && !actor.roles.has(govOrgId)) throw new AppError("forbidden", "Only the government's members see its matchmaking funnel.");
  const [profiles] = await db.select({ n: count }).from(companyProfiles).where(eq(companyProfiles.vettedBy, govOrgId));
  const [vetted] = await db.select({ n: count }).from(companyProfiles).where(and(eq(companyProfiles.vettedBy, govOrgId), eq(companyProfiles.status, "published")));
  const [opps] = await db.select({ n: count }).from(opportunities).where(eq(opportunities.vettedBy, govOrgId));
  const [interests] = await db.select({ n: count }).from(matchInterests).where(eq(matchInterests.brokerOrgId, govOrgId));
  const [met] = await db
    .select({ n: sql<number>`count(DISTINCT ${matchMeetings.interestId})::int` })
    .from(matchMeetings)
    .innerJoin(matchInterests, eq(matchInterests.id, matchMeetings.interestId))
    .where(eq(matchInterests.brokerOrgId, govOrgId));
  const [agreed] = await db.select({ n: count }).from(matchInterests).where(and(eq(matchInterests.brokerOrgId, govOrgId), eq(matchInterests.contractCounted, true)));
  return {
    govOrgId,
    profiles: profiles?.n ?? 0,
    vetted: vetted?.n ?? 0,
    opportunities: opps?.n ?? 0,
    interests: interests?.n ?? 0,
    meetings: met?.n ?? 0,
    agreements: agreed?.n ?? 0,
  };
}
