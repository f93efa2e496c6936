/**
 * @module matchmaking/shared
 * Helpers shared by profiles, opportunities, vetting and the workflow: organisation references checked by
 * kind, organisation names for presenters, the access columns derived from the vetting status, and the
 * "owner or sponsoring government" rule for managing a vetted record.
 */
import { inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canEdit, requireSignedIn } from "../auth/actor.ts";
import type { OrganisationKind } from "../core/domain.ts";
import { LOCAL_GOVERNMENT_KINDS } from "../core/domain.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";

export interface OrgRef {
  id: string;
  nameJa: string;
  nameEn: string;
}

export interface KindCheck {
  path: string;
  id: string | null | undefined;
  kinds: readonly OrganisationKind[];
}

/** Each referenced organisation must exist and be of one of the kinds given; errors name every field. */
export async function assertOrgKinds(db: Executor, checks: KindCheck[]): Promise<void> {
  const ids = [...new Set(checks.map((c) => c.id).filter((id): id is string => !!id))];
  if (!ids.length) return;
  const rows = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(inArray(organisations.id, ids));
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  const errors: FieldError[] = [];
  for (const c of checks) {
    if (!c.id) continue;
    const kind = kindOf.get(c.id);
    if (kind === undefined) errors.push({ path: c.path, message: `no organisation with id ${c.id}` });
    else if (!c.kinds.includes(kind as OrganisationKind)) errors.push({ path: c.path, message: `must be an organisation of kind ${c.kinds.join(" or ")} (is ${kind})` });
  }
  if (errors.length) throw new AppError("validation_failed", "A referenced organisation does not exist or is of the wrong kind.", errors);
}

export const GOVERNMENT_KINDS = LOCAL_GOVERNMENT_KINDS;

export async function orgRefs(db: Executor, ids: Iterable<string>): Promise<Map<string, OrgRef>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}

export function refOf(refs: Map<string, OrgRef>, id: string): OrgRef {
  return refs.get(id) ?? { id, nameJa: "", nameEn: "" };
}

/** Unpublished records are shared with the sponsoring government only; published ones are public. */
export function accessFor(status: string, vettedBy: string) {
  return { visibility: status === "published" ? "public" : "shared", sharedWith: [vettedBy] };
}

/** Admins and staff of the owner or of the sponsoring government (which enters profiles on companies' behalf). */
export function requireManage(actor: Actor, row: { ownerOrgId: string; vettedBy: string }, what: string): void {
  requireSignedIn(actor);
  if (!canEdit(actor, row) && !canEdit(actor, { ownerOrgId: row.vettedBy })) {
    throw new AppError("forbidden", `Only the owner or its sponsoring government may change this ${what}.`);
  }
}

export { addMonths, today } from "./calendar.ts";

/** Mass quantities in kg for the engine's capacity-vs-volume fit; other units are not compared. */
export function massKg(amount: number | null, unit: string | null): number | null {
  if (amount === null || unit === null) return null;
  if (unit === "kg") return amount;
  if (unit === "t") return amount * 1000;
  return null;
}
