/**
 * @module events/event-access
 * Who may do what with an event. An event is read by whoever may read its record (public, shared,
 * confidential — the usual rule), by the members of its organisers and by its participants. It is
 * managed by admins and staff of its owner or of any organiser (and system administrators). A participant
 * is answered for — requests, availability, agenda, feedback — by its linked user or by admins and staff
 * of its organisation, and seen by those and the organisation's other members. Contact details are shown
 * only to the event's managers and to the participant's own side.
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { canEdit, canRead, memberOrgIds, type Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { eventOrganisers, eventParticipants, events } from "./events.table.ts";

export type EventRow = typeof events.$inferSelect;
export type ParticipantRow = typeof eventParticipants.$inferSelect;

export interface EventAccess {
  event: EventRow;
  organisers: { orgId: string; role: string }[];
  canManage: boolean;
  /** May change the owner, organisers, visibility, or delete: admins and staff of the owner. */
  canOwn: boolean;
}

const WRITE_ROLES = new Set(["admin", "staff"]);

export function actsFor(actor: Actor, p: Pick<ParticipantRow, "userId" | "orgId">): boolean {
  if (actor.userId && p.userId === actor.userId) return true;
  const role = p.orgId ? actor.roles.get(p.orgId) : undefined;
  return role !== undefined && WRITE_ROLES.has(role);
}

export function seesAs(actor: Actor, p: Pick<ParticipantRow, "userId" | "orgId">): boolean {
  return (actor.userId !== null && p.userId === actor.userId) || (p.orgId !== null && actor.roles.has(p.orgId));
}

export function eventNotFound(id: string): AppError {
  return new AppError("not_found", `No event with id ${id}, or it is not visible to you.`);
}

/** The event as the actor may see it; 404 when invisible. */
export async function loadEvent(db: Executor, actor: Actor, id: string): Promise<EventAccess> {
  const [event] = await db.select().from(events).where(eq(events.id, id));
  if (!event) throw eventNotFound(id);
  const organisers = await db.select({ orgId: eventOrganisers.orgId, role: eventOrganisers.role }).from(eventOrganisers).where(eq(eventOrganisers.eventId, id));
  const canOwn = canEdit(actor, event);
  const canManage = managesEvent(actor, event, organisers);
  const visible = canManage || canRead(actor, event) || organisers.some((o) => actor.roles.has(o.orgId)) || (await participantsOfActor(db, actor, [id])).length > 0;
  if (!visible) throw eventNotFound(id);
  return { event, organisers, canManage, canOwn };
}

export function managesEvent(actor: Actor, event: Pick<EventRow, "ownerOrgId">, organisers: readonly { orgId: string }[]): boolean {
  return canEdit(actor, event) || organisers.some((o) => WRITE_ROLES.has(actor.roles.get(o.orgId) ?? "viewer"));
}

/** Participants of these events the actor sees as their own side. */
export async function participantsOfActor(db: Executor, actor: Actor, eventIds: readonly string[]): Promise<ParticipantRow[]> {
  if (!actor.userId || eventIds.length === 0) return [];
  const orgs = memberOrgIds(actor);
  const mine = orgs.length ? or(eq(eventParticipants.userId, actor.userId), inArray(eventParticipants.orgId, orgs)) : eq(eventParticipants.userId, actor.userId);
  return db.select().from(eventParticipants).where(and(inArray(eventParticipants.eventId, [...eventIds]), mine));
}

/** The event, or 404; 403 unless the actor manages it. */
export async function loadManagedEvent(db: Executor, actor: Actor, id: string): Promise<EventAccess> {
  const access = await loadEvent(db, actor, id);
  if (!access.canManage) throw new AppError("forbidden", "Only the organisers' admins and staff may manage this event.");
  return access;
}

/** A participant of the event; 404 when it does not exist or the actor may not see it. */
export async function loadParticipant(db: Executor, actor: Actor, access: EventAccess, pid: string, opts: { seeApproved?: boolean } = {}): Promise<ParticipantRow> {
  const [p] = await db.select().from(eventParticipants).where(eq(eventParticipants.id, pid));
  const peer = opts.seeApproved && p?.status === "approved" && (await participantsOfActor(db, actor, [access.event.id])).some((q) => q.status === "approved");
  if (!p || p.eventId !== access.event.id || !(access.canManage || seesAs(actor, p) || peer)) {
    throw new AppError("not_found", `No participant with id ${pid} in this event, or it is not visible to you.`);
  }
  return p;
}

/** 403 unless the actor manages the event or answers for the participant. */
export function requireActsFor(actor: Actor, access: EventAccess, p: ParticipantRow, what: string): void {
  if (access.canManage || actsFor(actor, p)) return;
  throw new AppError("forbidden", `Only the participant's contact, its organisation's admins and staff, or the organisers may ${what}.`);
}

/** SQL: events the actor may list — readable records, and events they organise or take part in. */
export function eventsVisibleTo(actor: Actor): SQL | undefined {
  const base = visibleTo(actor, events);
  if (!base) return undefined;
  const orgs = memberOrgIds(actor);
  const parts: SQL[] = [base];
  if (orgs.length) {
    const orgArray = sql`ARRAY[${sql.join(orgs.map((o) => sql`${o}::uuid`), sql`, `)}]`;
    parts.push(sql`${events.id} IN (SELECT event_id FROM event_organisers WHERE org_id = ANY(${orgArray}))`);
    parts.push(sql`${events.id} IN (SELECT event_id FROM event_participants WHERE org_id = ANY(${orgArray}))`);
  }
  if (actor.userId) parts.push(sql`${events.id} IN (SELECT event_id FROM event_participants WHERE user_id = ${actor.userId}::uuid)`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}
