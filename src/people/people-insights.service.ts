/**
 * @module people/people-insights.service
 * What an organisation learns from its people's records: who is at risk of having their international
 * expertise reassigned away (the paper's warning), who has experience of a country or a function (the
 * roster), and — for the governance assessment — each person's overseas postings and whether their current
 * post is international, under an anonymised reference. The computations are the pure core's.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { periodStart } from "../core/dates.ts";
import { isCurrentOn, isInternationalPosting, todayUtc } from "./core/person.ts";
import type { Person } from "./core/person.ts";
import { reassignmentRisks } from "./core/reassignment-risk.ts";
import { roster } from "./core/roster.ts";
import type { RosterQuery } from "./core/roster.ts";
import { requireOrgMember } from "./people-access.ts";
import { corePeople } from "./people.store.ts";
import { people } from "./people.table.ts";

async function orgPeople(db: Executor, orgId: string): Promise<Person[]> {
  const rows = await db.select().from(people).where(eq(people.ownerOrgId, orgId));
  return [...(await corePeople(db, rows)).values()];
}

/** People flagged for reassignment risk on `asOf` (today in UTC by default), for the organisation's admins. */
export async function peopleRisks(db: Executor, actor: Actor, orgId: string, asOf?: string) {
  requireOrgMember(actor, orgId, "admin");
  const day = asOf ?? todayUtc();
  return { organisationId: orgId, asOf: day, items: reassignmentRisks(await orgPeople(db, orgId), day) };
}

/** Who in the organisation has experience of a country and/or a function, for the organisation's admins. */
export async function peopleRoster(db: Executor, actor: Actor, orgId: string, query: RosterQuery) {
  requireOrgMember(actor, orgId, "admin");
  return { organisationId: orgId, items: roster(await orgPeople(db, orgId), query) };
}

export interface ProfilePerson {
  ref: string;
  overseasPostings: number;
  currentPostInternational: boolean;
  since: string | null;
}

/** An opaque, stable reference: the assessment needs to tell people apart, not to know who they are. */
function anonymousRef(orgId: string, personId: string): string {
  return `staff-${createHash("sha256").update(`${orgId}:${personId}`).digest("hex").slice(0, 10)}`;
}

/**
 * The organisation's people as the governance assessment's profile takes them (`people[]`): the number of
 * overseas-office postings and dispatches each has held (begun by `asOf`), whether any current post is international work, and
 * since when they hold their current post (the latest-starting current posting; null without one). No names
 * or ids leave: `ref` is a hash of the organisation and person ids. Called by the platform itself (no actor),
 * so the caller answers for where the result goes.
 */
export async function expertiseReassignedPeople(db: Executor, orgId: string, asOf: string = todayUtc()): Promise<ProfilePerson[]> {
  const day = periodStart(asOf);
  return (await orgPeople(db, orgId))
    .map((p) => {
      const current = p.postings.filter((x) => isCurrentOn(x, day)).sort((a, b) => (periodStart(a.from) < periodStart(b.from) ? -1 : 1));
      return {
        ref: anonymousRef(orgId, p.id),
        overseasPostings: p.postings.filter((x) => (x.kind === "overseas_office" || x.kind === "dispatch") && periodStart(x.from) <= day).length,
        currentPostInternational: current.some(isInternationalPosting),
        since: current.at(-1)?.from ?? null,
      };
    })
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
}
