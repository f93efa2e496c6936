/**
 * @module networks/obligations.service
 * Reporting obligations a network requires of its members (owned records with their own visibility), and
 * the reporting calendar: an organisation's due dates from the networks it belongs to on each date, or
 * all of one network's due dates.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, visibleTo } from "../db/list-query.ts";
import { assertOrganisationsExist, notFound, presentRow } from "../registry/references.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import { addMonths } from "./iso-date.ts";
import { networkObligations } from "./networks.table.ts";
import { dueDates, OBLIGATION_FREQUENCY_LABELS, type ObligationFrequency } from "./reporting-calendar.ts";
import { eventRows, orgNames } from "./tie-records.ts";
import type { TObligation, TObligationCreate, TObligationUpdate, ZCalendarQuery, ZObligationListQuery } from "./membership.schema.ts";

type ObligationRow = typeof networkObligations.$inferSelect;

async function presentMany(db: Executor, rows: ObligationRow[]): Promise<TObligation[]> {
  const names = await orgNames(db, rows.map((r) => r.networkOrgId));
  return rows.map((r) => ({
    ...presentRow(r),
    networkName: names.get(r.networkOrgId) ?? { ja: "", en: "" },
    frequency: r.frequency as ObligationFrequency,
    frequencyLabel: OBLIGATION_FREQUENCY_LABELS[r.frequency as ObligationFrequency],
    visibility: r.visibility as TObligation["visibility"],
  }));
}

async function checkReferences(db: Executor, input: Partial<TObligationCreate>): Promise<void> {
  await assertOrganisationsExist(db, [
    { path: "networkOrgId", id: input.networkOrgId },
    { path: "ownerOrgId", id: input.ownerOrgId },
    ...(input.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  if (input.networkOrgId) {
    const [org] = await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.networkOrgId));
    if (org?.kind !== "network") throw new AppError("validation_failed", "Obligations belong to networks.", [{ path: "networkOrgId", message: `is a ${org?.kind}, not a network` }]);
  }
}

async function getRow(db: Executor, actor: Actor, id: string): Promise<ObligationRow> {
  const [row] = await db.select().from(networkObligations).where(eq(networkObligations.id, id));
  if (!row || !canRead(actor, row)) throw notFound("reporting obligation", id);
  return row;
}

export async function createObligation(db: Executor, actor: Actor, input: TObligationCreate): Promise<TObligation> {
  requireActFor(actor, input.ownerOrgId);
  await checkReferences(db, input);
  const [row] = await db.insert(networkObligations).values({ ...input, id: randomUUID() }).returning();
  return (await presentMany(db, [row!]))[0]!;
}

export async function getObligation(db: Executor, actor: Actor, id: string): Promise<TObligation> {
  return (await presentMany(db, [await getRow(db, actor, id)]))[0]!;
}

export async function updateObligation(db: Executor, actor: Actor, id: string, patch: TObligationUpdate): Promise<TObligation> {
  const current = await getRow(db, actor, id);
  requireEdit(actor, current, "reporting obligation");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  if (next.endYear != null && next.endYear < next.startYear) throw new AppError("validation_failed", "The obligation cannot end before it starts.", [{ path: "endYear", message: "must not be before startYear" }]);
  await checkReferences(db, patch);
  const [row] = await db.update(networkObligations).set({ ...patch, updatedAt: new Date() }).where(eq(networkObligations.id, id)).returning();
  return (await presentMany(db, [row!]))[0]!;
}

export async function deleteObligation(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getRow(db, actor, id), "reporting obligation");
  await db.delete(networkObligations).where(eq(networkObligations.id, id));
}

export async function listObligations(db: Executor, actor: Actor, query: z.infer<typeof ZObligationListQuery>) {
  const page = await listPage<ObligationRow>(db, {
    table: networkObligations,
    idColumn: networkObligations.id,
    sortable: { titleEn: networkObligations.titleEn, dueMonth: networkObligations.dueMonth, startYear: networkObligations.startYear, createdAt: networkObligations.createdAt },
    defaultSort: "dueMonth",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, networkObligations),
      // Few records per network: a substring match on the titles is enough here.
      query.q ? sql`(${networkObligations.titleJa} || ' ' || ${networkObligations.titleEn}) ILIKE ${`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
      query.networkOrgId ? eq(networkObligations.networkOrgId, query.networkOrgId) : undefined,
      query.frequency ? eq(networkObligations.frequency, query.frequency) : undefined,
    ],
  });
  return { items: await presentMany(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}

/** A network's obligations visible to the actor, by due month. */
export async function listObligationsOf(db: Executor, actor: Actor, networkId: string): Promise<TObligation[]> {
  const rows = await db
    .select()
    .from(networkObligations)
    .where(and(visibleTo(actor, networkObligations), eq(networkObligations.networkOrgId, networkId)))
    .orderBy(networkObligations.dueMonth, networkObligations.titleEn);
  return presentMany(db, rows);
}

const MAX_WINDOW_MONTHS = 120;

export async function reportingCalendar(db: Executor, actor: Actor, query: z.infer<typeof ZCalendarQuery>) {
  if (!query.orgId && !query.networkOrgId) {
    throw new AppError("validation_failed", "Say whose calendar: a member (orgId) or a network (networkOrgId).", [{ path: "query.orgId", message: "give orgId or networkOrgId" }]);
  }
  const from = query.from ?? new Date().toISOString().slice(0, 10);
  const to = query.to ?? addMonths(from, 12);
  if (to < from) throw new AppError("validation_failed", "The window ends before it starts.", [{ path: "query.to", message: "must not be before from" }]);
  if (to > addMonths(from, MAX_WINDOW_MONTHS)) throw new AppError("validation_failed", "The window is too long.", [{ path: "query.to", message: "at most ten years after from" }]);

  // Which networks, and for a member: through which membership ties (each with its dated span).
  type Membership = { tieId: string; networkId: string; since: string | null; until: string | null; endedOn: string | null };
  let memberships: Membership[] = [];
  let networkIds: string[];
  if (query.orgId) {
    const [org] = await db.select().from(organisations).where(eq(organisations.id, query.orgId));
    if (!org || !canRead(actor, org)) throw notFound("organisation", query.orgId);
    const rows = await db
      .select()
      .from(ties)
      .where(and(visibleTo(actor, ties), eq(ties.kind, "network_membership"), or(eq(ties.aOrgId, query.orgId), eq(ties.bOrgId, query.orgId))));
    const events = await eventRows(db, rows.map((r) => r.id));
    memberships = rows
      .filter((r) => !query.networkOrgId || r.aOrgId === query.networkOrgId || r.bOrgId === query.networkOrgId)
      .map((r) => ({
        tieId: r.id,
        networkId: r.aOrgId === query.orgId ? r.bOrgId : r.aOrgId,
        since: r.since ? periodStart(r.since) : null,
        until: r.until ? periodStart(r.until) : null,
        endedOn: (events.get(r.id) ?? []).find((e) => e.state === "ended")?.onDate ?? null,
      }));
    networkIds = [...new Set(memberships.map((m) => m.networkId))];
  } else {
    networkIds = [query.networkOrgId!];
  }
  const obligations = networkIds.length
    ? await db.select().from(networkObligations).where(and(visibleTo(actor, networkObligations), inArray(networkObligations.networkOrgId, networkIds)))
    : [];
  const names = await orgNames(db, networkIds);
  const items = [];
  for (const o of obligations) {
    const schedule = { frequency: o.frequency as ObligationFrequency, dueMonth: o.dueMonth, dueDay: o.dueDay, startYear: o.startYear, endYear: o.endYear };
    for (const due of dueDates(schedule, from, to)) {
      const base = {
        due,
        obligationId: o.id,
        networkOrgId: o.networkOrgId,
        networkName: names.get(o.networkOrgId) ?? { ja: "", en: "" },
        title: { ja: o.titleJa, en: o.titleEn },
        frequency: schedule.frequency,
        url: o.url,
      };
      if (!query.orgId) {
        items.push({ ...base, memberOrgId: null, tieId: null });
        continue;
      }
      const member = memberships.find(
        (m) => m.networkId === o.networkOrgId && (!m.since || m.since <= due) && (!m.until || m.until > due) && (!m.endedOn || m.endedOn > due),
      );
      if (member) items.push({ ...base, memberOrgId: query.orgId, tieId: member.tieId });
    }
  }
  items.sort((a, b) => a.due.localeCompare(b.due) || a.title.en.localeCompare(b.title.en));
  return { from, to, items };
}
