/**
 * @module people/people-access
 * The rule for personal data: it is confidential to the person's organisation, always. The organisation's
 * admins read and change every record; the person — the user account linked to the record — reads their own
 * (and keeps their own languages, competencies and contacts). Other members of the organisation (staff,
 * partners, viewers) get 403 for anyone else's record; other organisations, and system administrators who
 * are not the organisation's admins, get 404 for a record and 403 for the organisation's lists. Nothing here
 * is ever public or shared.
 */
import type { Actor } from "../auth/actor.ts";
import { requireSignedIn } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";

export const PEOPLE_READ_RULE =
  "personal data: the organisation's admins, and the person themself (the linked user account); never public or shared";
export const PEOPLE_ADMIN_RULE = "admins of the person's organisation";
export const PEOPLE_SELF_RULE =
  "admins of the person's organisation; the person themself for their own languages, competencies and contacts";

export type PersonAccess = "admin" | "self";

export function isOrgAdmin(actor: Actor, orgId: string): boolean {
  return actor.roles.get(orgId) === "admin";
}

/** Who the actor is to this person's record, or the error they get. */
export function personAccess(actor: Actor, person: { id: string; ownerOrgId: string; userId: string | null }): PersonAccess {
  requireSignedIn(actor);
  if (!actor.roles.has(person.ownerOrgId)) {
    throw new AppError("not_found", `No person with id ${person.id}, or it is not visible to you.`);
  }
  if (isOrgAdmin(actor, person.ownerOrgId)) return "admin";
  if (person.userId !== null && person.userId === actor.userId) return "self";
  throw new AppError("forbidden", "Personal data is visible only to the organisation's admins and to the person themself.");
}

/** For the organisation's lists: members only (admins see everyone, others themselves); `admin` for admin-only views. */
export function requireOrgMember(actor: Actor, orgId: string, need: "member" | "admin"): void {
  requireSignedIn(actor);
  if (!actor.roles.has(orgId)) throw new AppError("forbidden", "Personal data is confidential to the organisation.");
  if (need === "admin" && !isOrgAdmin(actor, orgId)) {
    throw new AppError("forbidden", "Only the organisation's admins may see this personal data.");
  }
}
