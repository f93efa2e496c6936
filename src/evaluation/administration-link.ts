/**
 * @module evaluation/administration-link
 * Which administration an initiative began under: the owner's administration whose term contains the
 * initiative's `since` (from ≤ since < until). Initiatives whose link was derived (not set by hand) are
 * re-linked whenever their start or the owner's administrations change, so the link never goes stale.
 */
import { and, eq } from "drizzle-orm";
import { periodStart } from "../core/dates.ts";
import type { Executor } from "../db/connection.ts";
import { administrations, initiatives } from "./evaluation.table.ts";

export interface Term {
  id: string;
  termFrom: string;
  termUntil: string | null;
}

/** The term containing `since`, or null (no start, or no term recorded for that date). */
export function termContaining(terms: readonly Term[], since: string | null | undefined): string | null {
  if (!since) return null;
  const day = periodStart(since);
  const hit = terms.find((t) => periodStart(t.termFrom) <= day && (t.termUntil === null || day < periodStart(t.termUntil)));
  return hit?.id ?? null;
}

export async function termsOf(db: Executor, orgId: string): Promise<Term[]> {
  return db
    .select({ id: administrations.id, termFrom: administrations.termFrom, termUntil: administrations.termUntil })
    .from(administrations)
    .where(eq(administrations.orgId, orgId));
}

/** Re-derives the administration of every initiative of `orgId` whose link is automatic. */
export async function relinkInitiatives(db: Executor, orgId: string): Promise<void> {
  const terms = await termsOf(db, orgId);
  const rows = await db
    .select({ id: initiatives.id, since: initiatives.since, administrationId: initiatives.administrationId })
    .from(initiatives)
    .where(and(eq(initiatives.ownerOrgId, orgId), eq(initiatives.administrationAuto, true)));
  for (const row of rows) {
    const next = termContaining(terms, row.since);
    if (next !== row.administrationId) await db.update(initiatives).set({ administrationId: next }).where(eq(initiatives.id, row.id));
  }
}
