/**
 * @module events/participants.service
 * Participants: an organiser adds one (approved unless said otherwise), or an organisation's admin or
 * staff registers it while registration is open (pending, with themselves as its linked user and
 * contact). Organisers approve or reject; approval respects the event's cap per participant type. A
 * participant withdraws (or is rejected after approval): its planned meetings are cancelled and its
 * pending requests withdrawn, ready for rescheduling. Availability is per slot.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { requireActFor } from "../auth/actor.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { organisations } from "../registry/registry.table.ts";
import { loadEvent, loadManagedEvent, loadParticipant, participantsOfActor, requireActsFor, seesAs, type EventAccess, type EventRow, type ParticipantRow } from "./event-access.ts";
import { eventMeetingRequests, eventMeetings, eventParticipants, eventSlots, eventUnavailability } from "./events.table.ts";
import { notify } from "./notifications.service.ts";
import type { TParticipant, TParticipantCreate, TParticipantUpdate } from "./participants.schema.ts";
import { PARTICIPANT_TYPE_LABELS, type ParticipantStatus, type ParticipantType } from "./vocabulary.ts";

export async function presentParticipants(db: Executor, actor: Actor, access: EventAccess, rows: ParticipantRow[]): Promise<TParticipant[]> {
  if (!rows.length) return [];
  const orgIds = [...new Set(rows.map((r) => r.orgId).filter((id): id is string => id !== null))];
  const names = new Map(orgIds.length ? (await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]) : []);
  const slots = (await db.select({ id: eventSlots.id }).from(eventSlots).where(eq(eventSlots.eventId, access.event.id))).map((s) => s.id);
  const off = await db.select().from(eventUnavailability).where(inArray(eventUnavailability.participantId, rows.map((r) => r.id)));
  return rows.map((r) => {
    const own = access.canManage || seesAs(actor, r);
    const unavailable = new Set(off.filter((o) => o.participantId === r.id).map((o) => o.slotId));
    return {
      id: r.id,
      eventId: r.eventId,
      orgId: r.orgId,
      orgNameJa: r.orgId ? (names.get(r.orgId)?.nameJa ?? null) : null,
      orgNameEn: r.orgId ? (names.get(r.orgId)?.nameEn ?? null) : null,
      name: r.name,
      participantType: r.participantType as ParticipantType,
      status: r.status as ParticipantStatus,
      contactName: own ? r.contactName : null,
      contactEmail: own ? r.contactEmail : null,
      linkedUser: r.userId !== null,
      maxMeetings: r.maxMeetings,
      maxPerSession: r.maxPerSession,
      offer: r.offer,
      seek: r.seek,
      hsCodes: r.hsCodes,
      country: r.country,
      availableSlotIds: own ? slots.filter((s) => !unavailable.has(s)) : null,
      decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
      createdAt: iso(r.createdAt),
    };
  });
}

/** 409 when approving one more participant of this type would pass the event's cap. */
export async function assertTypeCap(db: Executor, event: EventRow, type: ParticipantType, adding: number, exceptId?: string, path = "participantType"): Promise<void> {
  const cap = event.participantCaps[type];
  if (cap === undefined) return;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.participantType, type), eq(eventParticipants.status, "approved"), exceptId ? ne(eventParticipants.id, exceptId) : undefined));
  const approved = row?.n ?? 0;
  if (approved + adding > cap) {
    throw new AppError("conflict", `The event takes at most ${cap} approved participants of type ${type} (${PARTICIPANT_TYPE_LABELS[type].en}); ${approved} are approved.`, [
      { path, message: `cap of ${cap} ${type} participants reached`, code: "cap_reached" },
    ]);
  }
}

/** 409 naming the field when the organisation or the contact e-mail is already registered. */
export async function assertUnique(db: Executor, eventId: string, p: { orgId?: string | null; contactEmail?: string | null }, exceptId?: string): Promise<void> {
  const clashes = await db
    .select({ id: eventParticipants.id, orgId: eventParticipants.orgId, email: eventParticipants.contactEmail })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), or(p.orgId ? eq(eventParticipants.orgId, p.orgId) : sql`false`, p.contactEmail ? sql`lower(${eventParticipants.contactEmail}) = lower(${p.contactEmail})` : sql`false`)));
  const errors: FieldError[] = [];
  for (const c of clashes.filter((c) => c.id !== exceptId)) {
    if (p.orgId && c.orgId === p.orgId) errors.push({ path: "orgId", message: `the organisation is already participant ${c.id}`, code: "duplicate" });
    else errors.push({ path: "contactEmail", message: `the e-mail is already used by participant ${c.id}`, code: "duplicate" });
  }
  if (errors.length) throw new AppError("conflict", "This participant is already registered for the event.", errors);
}

async function orgName(db: Executor, orgId: string, path: string): Promise<string> {
  const [org] = await db.select({ nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new AppError("validation_failed", "The organisation does not exist.", [{ path, message: `no organisation with id ${orgId}` }]);
  return org.nameEn;
}

export async function addParticipant(db: Executor, actor: Actor, eventId: string, input: TParticipantCreate): Promise<TParticipant> {
  const access = await loadEvent(db, actor, eventId);
  const { event } = access;
  let status: ParticipantStatus = input.status ?? "approved";
  let userId: string | null = null;
  let contact = { contactName: input.contactName ?? null, contactEmail: input.contactEmail ?? null };
  if (!access.canManage) {
    if (input.status !== undefined) throw new AppError("forbidden", "Only organisers set a participant's status.", [{ path: "status", message: "organisers only" }]);
    if (!input.orgId) throw new AppError("validation_failed", "Register an organisation you belong to.", [{ path: "orgId", message: "required when registering" }]);
    requireActFor(actor, input.orgId, "orgId");
    if (event.status !== "registration_open") throw new AppError("conflict", "Registration for this event is not open.", [{ path: "event.status", message: `the event is ${event.status}` }]);
    status = "pending";
    userId = actor.userId;
    contact = { contactName: input.contactName ?? actor.displayName, contactEmail: input.contactEmail ?? actor.email };
  }
  const name = input.name ?? (await orgName(db, input.orgId!, "orgId"));
  if (input.orgId && input.name) await orgName(db, input.orgId, "orgId");
  await assertUnique(db, eventId, { orgId: input.orgId, contactEmail: contact.contactEmail });
  if (status === "approved") await assertTypeCap(db, event, input.participantType, 1);
  const now = new Date();
  const [row] = await db
    .insert(eventParticipants)
    .values({
      id: randomUUID(),
      eventId,
      orgId: input.orgId ?? null,
      name,
      participantType: input.participantType,
      status,
      ...contact,
      userId,
      maxMeetings: input.maxMeetings ?? null,
      maxPerSession: input.maxPerSession ?? null,
      offer: input.offer ?? null,
      seek: input.seek ?? null,
      hsCodes: input.hsCodes,
      country: input.country ?? null,
      decidedAt: status === "pending" ? null : now,
      decidedBy: status === "pending" ? null : actor.userId,
    })
    .returning();
  return (await presentParticipants(db, actor, access, [row!]))[0]!;
}

export async function listParticipants(db: Executor, actor: Actor, eventId: string, query: { status?: ParticipantStatus; participantType?: ParticipantType }) {
  const access = await loadEvent(db, actor, eventId);
  let rows = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, eventId)).orderBy(eventParticipants.name);
  if (!access.canManage) {
    const mine = await participantsOfActor(db, actor, [eventId]);
    if (!mine.length) throw new AppError("forbidden", "Only the organisers and the event's participants see its participants.");
    const peer = mine.some((p) => p.status === "approved");
    rows = rows.filter((r) => mine.some((m) => m.id === r.id) || (peer && r.status === "approved"));
  }
  rows = rows.filter((r) => (!query.status || r.status === query.status) && (!query.participantType || r.participantType === query.participantType));
  return presentParticipants(db, actor, access, rows);
}

export async function getParticipant(db: Executor, actor: Actor, eventId: string, pid: string): Promise<TParticipant> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  return (await presentParticipants(db, actor, access, [p]))[0]!;
}

export async function updateParticipant(db: Executor, actor: Actor, eventId: string, pid: string, patch: TParticipantUpdate): Promise<TParticipant> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "change it");
  const organiserOnly = (["participantType", "orgId"] as const).filter((f) => patch[f] !== undefined && patch[f] !== p[f]);
  if (organiserOnly.length && !access.canManage) {
    throw new AppError("forbidden", "Only organisers change a participant's type or organisation.", organiserOnly.map((f) => ({ path: f, message: "organisers only" })));
  }
  if (patch.orgId) await orgName(db, patch.orgId, "orgId");
  await assertUnique(db, eventId, { orgId: patch.orgId, contactEmail: patch.contactEmail }, pid);
  if (patch.participantType && patch.participantType !== p.participantType && p.status === "approved") await assertTypeCap(db, access.event, patch.participantType, 1, pid);
  const next = { ...p, ...patch };
  if (!next.orgId && !next.name) throw new AppError("validation_failed", "A participant needs an organisation or a name.", [{ path: "name", message: "give orgId or a name" }]);
  const [row] = await db.update(eventParticipants).set({ ...patch, name: next.name ?? p.name, updatedAt: new Date() }).where(eq(eventParticipants.id, pid)).returning();
  return (await presentParticipants(db, actor, access, [row!]))[0]!;
}

/** Cancels the participant's planned meetings (telling the other side) and withdraws its pending requests. */
async function release(db: Executor, p: ParticipantRow, reason: string, now: Date): Promise<void> {
  const meetings = await db
    .update(eventMeetings)
    .set({ status: "cancelled", cancelReason: reason, cancelledAt: now, fixed: false, updatedAt: now })
    .where(and(eq(eventMeetings.status, "planned"), or(eq(eventMeetings.aParticipantId, p.id), eq(eventMeetings.bParticipantId, p.id))))
    .returning();
  await notify(db, meetings.map((m) => ({ eventId: p.eventId, participantId: m.aParticipantId === p.id ? m.bParticipantId : m.aParticipantId, kind: "meeting_cancelled" as const, meetingId: m.id })), now);
  await db
    .update(eventMeetingRequests)
    .set({ status: "withdrawn", respondedAt: now })
    .where(and(eq(eventMeetingRequests.status, "pending"), or(eq(eventMeetingRequests.fromParticipantId, p.id), eq(eventMeetingRequests.toParticipantId, p.id))));
}

export async function decideParticipant(db: Executor, actor: Actor, eventId: string, pid: string, status: "approved" | "rejected", now: Date): Promise<TParticipant> {
  const access = await loadManagedEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid);
  if (p.status === "withdrawn") throw new AppError("conflict", "The participant has withdrawn.", [{ path: "status", message: "participant withdrew" }]);
  if (status === "approved" && p.status !== "approved") await assertTypeCap(db, access.event, p.participantType as ParticipantType, 1, pid, "status");
  if (status === "rejected" && p.status === "approved") await release(db, p, "participant rejected", now);
  const [row] = await db.update(eventParticipants).set({ status, decidedAt: now, decidedBy: actor.userId, updatedAt: now }).where(eq(eventParticipants.id, pid)).returning();
  return (await presentParticipants(db, actor, access, [row!]))[0]!;
}

export async function withdrawParticipant(db: Executor, actor: Actor, eventId: string, pid: string, now: Date): Promise<TParticipant> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "withdraw it");
  if (p.status === "withdrawn") throw new AppError("conflict", "The participant has already withdrawn.", [{ path: "status", message: "already withdrawn" }]);
  await release(db, p, "participant withdrew", now);
  const [row] = await db.update(eventParticipants).set({ status: "withdrawn", updatedAt: now }).where(eq(eventParticipants.id, pid)).returning();
  return (await presentParticipants(db, actor, access, [row!]))[0]!;
}

export async function setAvailability(db: Executor, actor: Actor, eventId: string, pid: string, availableSlotIds: string[]): Promise<TParticipant> {
  const access = await loadEvent(db, actor, eventId);
  const p = await loadParticipant(db, actor, access, pid, { seeApproved: true });
  requireActsFor(actor, access, p, "set its availability");
  const slots = new Set((await db.select({ id: eventSlots.id }).from(eventSlots).where(eq(eventSlots.eventId, eventId))).map((s) => s.id));
  const errors: FieldError[] = availableSlotIds.flatMap((id, i) => (slots.has(id) ? [] : [{ path: `availableSlotIds[${i}]`, message: `no slot with id ${id} in this event`, value: id }]));
  if (errors.length) throw new AppError("validation_failed", "Some slots are not slots of this event.", errors);
  const available = new Set(availableSlotIds);
  await db.delete(eventUnavailability).where(eq(eventUnavailability.participantId, pid));
  const off = [...slots].filter((s) => !available.has(s));
  if (off.length) await db.insert(eventUnavailability).values(off.map((slotId) => ({ participantId: pid, slotId })));
  return (await presentParticipants(db, actor, access, [p]))[0]!;
}
