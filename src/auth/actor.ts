/**
 * @module auth/actor
 * Who is calling: an anonymous visitor or a signed-in user with a role in each organisation they belong
 * to. Record-level policies read this; routes never test roles inline.
 */
import type { MemberRole, Visibility } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";

export interface Actor {
  userId: string | null;
  email: string | null;
  displayName: string | null;
  locale: "ja" | "en";
  isSystemAdmin: boolean;
  /** organisation id → the user's role there */
  roles: ReadonlyMap<string, MemberRole>;
}

export const ANONYMOUS: Actor = {
  userId: null,
  email: null,
  displayName: null,
  locale: "ja",
  isSystemAdmin: false,
  roles: new Map(),
};

/** Anything with an owner organisation and a visibility. */
export interface OwnedRecord {
  ownerOrgId: string | null;
  visibility: string;
  sharedWith: readonly string[];
}

const EDIT_ROLES: ReadonlySet<MemberRole> = new Set(["admin", "staff"]);

export function canRead(actor: Actor, record: OwnedRecord): boolean {
  if (record.visibility === "public" || actor.isSystemAdmin) return true;
  const own = record.ownerOrgId !== null && actor.roles.has(record.ownerOrgId);
  if (record.visibility === "confidential") return own;
  return own || record.sharedWith.some((org) => actor.roles.has(org));
}

/** Admins and staff of the owner organisation (and system admins) edit a record. */
export function canEdit(actor: Actor, record: Pick<OwnedRecord, "ownerOrgId">): boolean {
  if (actor.isSystemAdmin) return true;
  if (!record.ownerOrgId) return false;
  const role = actor.roles.get(record.ownerOrgId);
  return role !== undefined && EDIT_ROLES.has(role);
}

/** May the actor create records owned by this organisation? */
export function canActFor(actor: Actor, orgId: string): boolean {
  return canEdit(actor, { ownerOrgId: orgId });
}

export function requireSignedIn(actor: Actor): asserts actor is Actor & { userId: string } {
  if (!actor.userId) throw new AppError("unauthenticated", "Sign in to do this.");
}

export function requireEdit(actor: Actor, record: Pick<OwnedRecord, "ownerOrgId">, what: string): void {
  requireSignedIn(actor);
  if (!canEdit(actor, record)) throw new AppError("forbidden", `Your organisation may not change this ${what}.`);
}

export function requireActFor(actor: Actor, orgId: string, field = "ownerOrgId"): void {
  requireSignedIn(actor);
  if (!canActFor(actor, orgId)) {
    throw new AppError("forbidden", "You may only create records for an organisation where you are admin or staff.", [
      { path: field, message: "not an organisation you can act for" },
    ]);
  }
}

/** The organisations whose shared or confidential records the actor sees (for SQL filters). */
export function memberOrgIds(actor: Actor): string[] {
  return [...actor.roles.keys()];
}

export type { Visibility };

/** The platform itself, acting for the seed, migrations and administrator CLI commands. */
export const SYSTEM_ACTOR: Actor = {
  userId: "00000000-0000-0000-0000-000000000000",
  email: null,
  displayName: "renkei",
  locale: "en",
  isSystemAdmin: true,
  roles: new Map(),
};
