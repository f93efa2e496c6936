/**
 * @module evaluation/continuity.service
 * Reads a government's terms and initiatives (what the actor may see) for the continuity report.
 */
import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { getOrganisationRow } from "../registry/organisations.service.ts";
import { continuityReport, type TContinuityReport } from "./continuity.ts";
import { administrations, initiatives } from "./evaluation.table.ts";
import type { InitiativeStatus } from "./vocabulary.ts";

export async function continuityForOrganisation(db: Executor, actor: Actor, orgId: string, windowMonths = 12): Promise<TContinuityReport> {
  const org = await getOrganisationRow(db, actor, orgId);
  const terms = await db.select().from(administrations).where(and(eq(administrations.orgId, orgId), visibleTo(actor, administrations)));
  const items = await db.select().from(initiatives).where(and(eq(initiatives.ownerOrgId, orgId), visibleTo(actor, initiatives)));
  return {
    organisation: { id: org.id, nameJa: org.nameJa, nameEn: org.nameEn },
    ...continuityReport(
      terms.map((t) => ({ id: t.id, leaderJa: t.leaderJa, leaderEn: t.leaderEn, from: t.termFrom, until: t.termUntil, backgroundJa: t.backgroundJa, backgroundEn: t.backgroundEn })),
      items.map((i) => ({ id: i.id, nameJa: i.nameJa, nameEn: i.nameEn, since: i.since, until: i.until, status: i.status as InitiativeStatus, administrationId: i.administrationId })),
      windowMonths,
    ),
  };
}
