/**
 * @module events/events.service
 * Events: trade fairs, business missions, seminars and online sessions, with their organisers (one or
 * more organisations with a role), dates, venue and time zone, tables, caps per participant type,
 * request expiry and reminders, and the follow-up survey's timing.
 */
import { randomUUID } from "node:crypto";
import { eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { requireActFor, type Actor } from "../auth/actor.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch } from "../db/list-query.ts";
import { assertOrganisationsExist, iso } from "../registry/references.ts";
import { officeOwners, offices, organisations } from "../registry/registry.table.ts";
import { eventsVisibleTo, loadEvent, managesEvent, participantsOfActor, type EventRow } from "./event-access.ts";
import type { TEvent, TEventCreate, TEventUpdate, ZEventListQuery } from "./events.schema.ts";
import { eventOrganisers, events } from "./events.table.ts";
import { feedMetric } from "./kpi-feed.ts";
import type { EventKind, EventStatus, OrganiserRole, ParticipantType } from "./vocabulary.ts";

async function present(db: Executor, actor: Actor, rows: EventRow[]): Promise<TEvent[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const orgs = await db.select().from(eventOrganisers).where(inArray(eventOrganisers.eventId, ids));
  const orgIds = [...new Set([...rows.map((r) => r.ownerOrgId), ...orgs.map((o) => o.orgId)])];
  const names = new Map((await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]));
  const mineParticipants = await participantsOfActor(db, actor, ids);
  return rows.map((row) => {
    const mine = orgs.filter((o) => o.eventId === row.id);
    const { search: _s, createdAt, updatedAt, tableCount, tableNames, scheduleSummary: _sum, scheduledAt, ...rest } = row;
    return {
      ...rest,
      kind: row.kind as EventKind,
      status: row.status as EventStatus,
      visibility: row.visibility as TEvent["visibility"],
      ownerNameJa: names.get(row.ownerOrgId)?.nameJa ?? "",
      ownerNameEn: names.get(row.ownerOrgId)?.nameEn ?? "",
      organisers: mine.map((o) => ({ orgId: o.orgId, role: o.role as OrganiserRole, nameJa: names.get(o.orgId)?.nameJa ?? "", nameEn: names.get(o.orgId)?.nameEn ?? "" })),
      tables: { count: tableCount, names: tableNames },
      participantCaps: row.participantCaps as Record<string, number>,
      followUpTypes: row.followUpTypes as ParticipantType[],
      scheduledAt: scheduledAt ? iso(scheduledAt) : null,
      you: { canManage: managesEvent(actor, row, mine), participantIds: mineParticipants.filter((p) => p.eventId === row.id).map((p) => p.id) },
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    };
  });
}

const searchFor = (e: Pick<EventRow, "nameJa" | "nameEn" | "venueJa" | "venueEn" | "cityEn" | "country" | "descriptionJa" | "descriptionEn">) =>
  sql`to_tsvector('simple', ${searchDocument(e.nameJa, e.nameEn, e.venueJa, e.venueEn, e.cityEn, e.country, e.descriptionJa, e.descriptionEn)})`;

function tableColumns(tables: number | string[] | undefined) {
  if (tables === undefined) return {};
  return Array.isArray(tables) ? { tableCount: tables.length, tableNames: tables } : { tableCount: tables, tableNames: [] };
}

/** Organisers with the owner as lead when absent; references and the office checked. */
async function checkOrganisers(db: Executor, ownerOrgId: string, organisers: { orgId: string; role: OrganiserRole }[], officeId: string | null | undefined, sharedWith: string[] | undefined) {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  organisers.forEach((o, i) => {
    if (seen.has(o.orgId)) errors.push({ path: `organisers[${i}].orgId`, message: "listed twice" });
    seen.add(o.orgId);
  });
  if (errors.length) throw new AppError("validation_failed", "An organiser is listed twice.", errors);
  await assertOrganisationsExist(db, [
    ...organisers.map((o, i) => ({ path: `organisers[${i}].orgId`, id: o.orgId })),
    ...(sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  const all = organisers.some((o) => o.orgId === ownerOrgId) ? organisers : [{ orgId: ownerOrgId, role: "lead" as const }, ...organisers];
  if (officeId) {
    const [office] = await db.select({ id: offices.id, ownerOrgId: offices.ownerOrgId }).from(offices).where(eq(offices.id, officeId));
    if (!office) throw new AppError("validation_failed", "The organising office does not exist.", [{ path: "officeId", message: `no office with id ${officeId}` }]);
    const owners = new Set([office.ownerOrgId, ...(await db.select({ orgId: officeOwners.orgId }).from(officeOwners).where(eq(officeOwners.officeId, officeId))).map((o) => o.orgId)]);
    if (!all.some((o) => owners.has(o.orgId))) {
      throw new AppError("validation_failed", "The organising office must belong to an organiser.", [{ path: "officeId", message: "not an office of the owner or an organiser" }]);
    }
  }
  return all;
}

async function writeOrganisers(db: Executor, eventId: string, organisers: { orgId: string; role: string }[]): Promise<void> {
  await db.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  await db.insert(eventOrganisers).values(organisers.map((o) => ({ eventId, orgId: o.orgId, role: o.role })));
}

export async function createEvent(db: Executor, actor: Actor, input: TEventCreate): Promise<TEvent> {
  requireActFor(actor, input.ownerOrgId);
  const organisers = await checkOrganisers(db, input.ownerOrgId, input.organisers, input.officeId, input.sharedWith);
  const { organisers: _o, tables, ...fields } = input;
  const id = randomUUID();
  const [row] = await db.insert(events).values({ ...fields, ...tableColumns(tables), id, search: searchFor(fields as EventRow) as never }).returning();
  await writeOrganisers(db, id, organisers);
  return (await present(db, actor, [row!]))[0]!;
}

export async function getEvent(db: Executor, actor: Actor, id: string): Promise<TEvent> {
  return (await present(db, actor, [(await loadEvent(db, actor, id)).event]))[0]!;
}

const OWNER_FIELDS = ["ownerOrgId", "organisers", "visibility", "sharedWith"] as const;

export async function updateEvent(db: Executor, actor: Actor, id: string, patch: TEventUpdate): Promise<TEvent> {
  const access = await loadEvent(db, actor, id);
  if (!access.canManage) throw new AppError("forbidden", "Only the organisers' admins and staff may change this event.");
  const ownerChange = OWNER_FIELDS.filter((f) => patch[f] !== undefined);
  if (ownerChange.length && !access.canOwn) {
    throw new AppError("forbidden", "Only the owner's admins and staff may change the owner, organisers or visibility.", ownerChange.map((f) => ({ path: f, message: "owner only" })));
  }
  if (patch.ownerOrgId && patch.ownerOrgId !== access.event.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const current = access.event;
  const next = { ...current, ...patch };
  const rules: FieldError[] = [];
  if (next.endsOn < next.startsOn) rules.push({ path: patch.endsOn ? "endsOn" : "startsOn", message: "endsOn must not be before startsOn" });
  if (next.reminderAfterMinutes >= next.requestExpiryMinutes) rules.push({ path: "reminderAfterMinutes", message: "must be less than requestExpiryMinutes" });
  if (rules.length) throw new AppError("validation_failed", rules.map((r) => r.message).join("; "), rules);
  const organisers = patch.organisers ?? access.organisers.map((o) => ({ orgId: o.orgId, role: o.role as OrganiserRole }));
  const checked = await checkOrganisers(db, next.ownerOrgId, organisers, next.officeId, patch.sharedWith);
  const { organisers: _o, tables, ...fields } = patch;
  const [row] = await db.update(events).set({ ...fields, ...tableColumns(tables), search: searchFor(next) as never, updatedAt: new Date() }).where(eq(events.id, id)).returning();
  if (patch.organisers !== undefined || patch.ownerOrgId !== undefined) await writeOrganisers(db, id, checked);
  if (patch.status !== undefined && (patch.status === "held") !== (current.status === "held")) {
    const after = await loadEvent(db, actor, id);
    await feedMetric(db, after, "events_held", patch.status === "held" ? 1 : -1, row!.endsOn, `events:event/${id}`);
  }
  return (await present(db, actor, [row!]))[0]!;
}

export async function deleteEvent(db: Executor, actor: Actor, id: string): Promise<void> {
  const access = await loadEvent(db, actor, id);
  if (!access.canOwn) throw new AppError("forbidden", "Only the owner's admins and staff may delete this event.");
  await db.delete(events).where(eq(events.id, id));
}

export async function listEvents(db: Executor, actor: Actor, query: z.infer<typeof ZEventListQuery>) {
  const organisedBy = query.ownerOrgId
    ? or(eq(events.ownerOrgId, query.ownerOrgId), sql`${events.id} IN (SELECT event_id FROM event_organisers WHERE org_id = ${query.ownerOrgId}::uuid)`)
    : undefined;
  const page = await listPage<EventRow>(db, {
    table: events,
    idColumn: events.id,
    sortable: { startsOn: sql`${events.startsOn}::text`, nameEn: events.nameEn, nameJa: events.nameJa, createdAt: events.createdAt },
    defaultSort: "startsOn",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      eventsVisibleTo(actor),
      matchesSearch(events.search, query.q),
      organisedBy,
      query.kind ? eq(events.kind, query.kind) : undefined,
      query.status ? eq(events.status, query.status) : undefined,
      query.country ? eq(events.country, query.country) : undefined,
      query.from ? gte(events.endsOn, query.from) : undefined,
      query.to ? lte(events.startsOn, query.to) : undefined,
    ],
  });
  return { items: await present(db, actor, page.rows), total: page.total, nextCursor: page.nextCursor };
}
