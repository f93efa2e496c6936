/**
 * @module people/handovers.service
 * Handover packs: when a posting ends, the person leaving (or an admin) packs what the successor takes over —
 * contacts, ongoing matters, registry ties, open matchmaking cases — and the named successor, and only they,
 * acknowledges it once; the contacts then pass to the successor in the same transaction. The state rules are
 * the pure core's (`buildHandover`, `acknowledgeHandover`, `applyContactTransfers`).
 *
 * Who sees a pack: the organisation's admins, the predecessor and the successor (their linked accounts).
 * Other members get 403, other organisations 404.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canRead, requireSignedIn } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { ties as tiesTable } from "../registry/registry.table.ts";
import { HANDOVER_STATUS_LABELS, acknowledgeHandover, applyContactTransfers, buildHandover } from "./core/handover.ts";
import type { HandoverPack, HandoverStatus } from "./core/handover.ts";
import { isOrgAdmin, personAccess, requireOrgMember } from "./people-access.ts";
import type { THandoverCreate } from "./people.schema.ts";
import { corePeople, personRow } from "./people.store.ts";
import { handovers, people, personContacts } from "./people.table.ts";

type HandoverRow = typeof handovers.$inferSelect;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toPack(r: HandoverRow): HandoverPack {
  return {
    id: r.id,
    predecessorId: r.predecessorId,
    organisationId: r.ownerOrgId,
    successorId: r.successorId,
    postingId: r.postingId,
    postingEnd: r.postingEnd,
    createdAt: iso(r.createdAt),
    status: r.status as HandoverStatus,
    contacts: r.contacts,
    ongoingMatters: r.ongoingMatters,
    ties: r.ties,
    openMatchmakingCases: r.openMatchmakingCases,
  };
}

async function present(db: Executor, rows: HandoverRow[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.predecessorId, r.successorId]))];
  const names = new Map(ids.length ? (await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids))).map((p) => [p.id, p.name]) : []);
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.ownerOrgId,
    predecessor: { id: r.predecessorId, name: names.get(r.predecessorId) ?? "" },
    successor: { id: r.successorId, name: names.get(r.successorId) ?? "" },
    postingId: r.postingId,
    postingEnd: r.postingEnd,
    status: r.status as HandoverStatus,
    statusLabel: HANDOVER_STATUS_LABELS[r.status as HandoverStatus],
    contacts: r.contacts,
    ongoingMatters: r.ongoingMatters,
    ties: r.ties,
    openMatchmakingCases: r.openMatchmakingCases,
    acknowledgement: r.acknowledgedAt ? { at: iso(r.acknowledgedAt), note: r.acknowledgementNote } : null,
    createdAt: iso(r.createdAt),
  }));
}

/** The person the actor is in the organisation (their linked record), if any. */
async function actorPersonId(db: Executor, actor: Actor, orgId: string): Promise<string | null> {
  if (!actor.userId) return null;
  const [p] = await db.select({ id: people.id }).from(people).where(and(eq(people.ownerOrgId, orgId), eq(people.userId, actor.userId)));
  return p?.id ?? null;
}

async function handoverRow(db: Executor, actor: Actor, id: string, lock = false): Promise<{ row: HandoverRow; role: "admin" | "predecessor" | "successor" }> {
  requireSignedIn(actor);
  const query = db.select().from(handovers).where(eq(handovers.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !actor.roles.has(row.ownerOrgId)) throw new AppError("not_found", `No handover with id ${id}, or it is not visible to you.`);
  if (isOrgAdmin(actor, row.ownerOrgId)) return { row, role: "admin" };
  const me = await actorPersonId(db, actor, row.ownerOrgId);
  if (me === row.predecessorId) return { row, role: "predecessor" };
  if (me === row.successorId) return { row, role: "successor" };
  throw new AppError("forbidden", "A handover pack is visible only to the organisation's admins, the predecessor and the successor.");
}

/** Core paths (`handover.contacts[1].ownerId`) as the request names them (`contactIds[1]`). */
function requestPaths(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({
    ...e,
    path: e.path.replace(/^handover\./, "").replace(/^contacts\[(\d+)\].*$/, "contactIds[$1]").replace(/^handover$/, "(root)"),
  }));
}

export async function createHandover(db: Executor, actor: Actor, personId: string, input: THandoverCreate) {
  const row = await personRow(db, personId);
  personAccess(actor, row);
  const errors: FieldError[] = [];
  const [successor] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, input.successorId), eq(people.ownerOrgId, row.ownerOrgId)));
  if (!successor) errors.push({ path: "successorId", message: "no person with this id in the organisation", value: input.successorId });
  const contactRows = input.contactIds.length
    ? await db
        .select({ c: personContacts, org: people.ownerOrgId })
        .from(personContacts)
        .innerJoin(people, eq(people.id, personContacts.ownerPersonId))
        .where(inArray(personContacts.id, input.contactIds))
    : [];
  input.contactIds.forEach((id, i) => {
    if (!contactRows.some((r) => r.c.id === id && r.org === row.ownerOrgId)) errors.push({ path: `contactIds[${i}]`, message: "no such contact in the organisation", value: id });
  });
  const tieIds = input.ties.map((t) => t.tieId).filter((id) => UUID.test(id));
  const tieRows = tieIds.length ? await db.select().from(tiesTable).where(inArray(tiesTable.id, tieIds)) : [];
  input.ties.forEach((t, i) => {
    const tie = tieRows.find((r) => r.id === t.tieId);
    if (!tie || !canRead(actor, tie)) errors.push({ path: `ties[${i}].tieId`, message: "no such tie in the registry", value: t.tieId });
  });
  if (errors.length) throw new AppError("validation_failed", "The handover refers to something that does not exist.", errors);
  const [pending] = await db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.postingId, input.postingId), eq(handovers.status, "pending")));
  if (pending) throw new AppError("conflict", `A pending handover pack (${pending.id}) already exists for this posting.`, [{ path: "postingId", message: "already has a pending handover pack" }]);

  const person = (await corePeople(db, [row])).get(personId)!;
  const createdAt = new Date();
  let pack: HandoverPack;
  try {
    pack = buildHandover({
      id: randomUUID(),
      person,
      postingId: input.postingId,
      successorId: input.successorId,
      createdAt: createdAt.toISOString(),
      contacts: input.contactIds.map((id) => {
        const c = contactRows.find((r) => r.c.id === id)!.c;
        return { contactId: c.id, name: c.name, ownerId: c.ownerPersonId, ...(c.organisation ? { organisation: c.organisation } : {}), ...(c.role ? { role: c.role } : {}), ...(c.note ? { note: c.note } : {}) };
      }),
      ongoingMatters: input.ongoingMatters,
      ties: input.ties,
      openMatchmakingCases: input.openMatchmakingCases,
    });
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, requestPaths(error.errors));
    throw error;
  }
  const [inserted] = await db
    .insert(handovers)
    .values({
      id: pack.id,
      ownerOrgId: pack.organisationId,
      predecessorId: pack.predecessorId,
      successorId: pack.successorId,
      postingId: pack.postingId,
      postingEnd: pack.postingEnd,
      status: "pending",
      contacts: pack.contacts,
      ongoingMatters: pack.ongoingMatters,
      ties: pack.ties,
      openMatchmakingCases: pack.openMatchmakingCases,
      createdAt,
    })
    .returning();
  return (await present(db, [inserted!]))[0]!;
}

export async function getHandover(db: Executor, actor: Actor, id: string) {
  return (await present(db, [(await handoverRow(db, actor, id)).row]))[0]!;
}

export async function listHandovers(db: Executor, actor: Actor, orgId: string, status?: HandoverStatus) {
  requireOrgMember(actor, orgId, "member");
  let party;
  if (!isOrgAdmin(actor, orgId)) {
    const me = await actorPersonId(db, actor, orgId);
    if (!me) return { items: [] };
    party = or(eq(handovers.predecessorId, me), eq(handovers.successorId, me));
  }
  const rows = await db
    .select()
    .from(handovers)
    .where(and(eq(handovers.ownerOrgId, orgId), status ? eq(handovers.status, status) : undefined, party))
    .orderBy(desc(handovers.createdAt), desc(handovers.id));
  return { items: await present(db, rows) };
}

/**
 * The successor acknowledges: only the named successor's own account may (403 otherwise, admins included),
 * only once (409). The pack's contacts pass to the successor in the same transaction; a contact deleted or
 * reassigned since the pack was made is a 409 and nothing changes.
 */
export async function acknowledge(db: Executor, actor: Actor, id: string, note?: string) {
  const { row } = await handoverRow(db, actor, id, true);
  const me = await actorPersonId(db, actor, row.ownerOrgId);
  const at = new Date();
  const { pack, transfers } = acknowledgeHandover(toPack(row), { personId: me ?? "(no linked person)", at: at.toISOString(), ...(note !== undefined ? { note } : {}) });
  const ids = transfers.map((t) => t.contactId);
  if (ids.length) {
    const current = await db.select().from(personContacts).where(inArray(personContacts.id, ids)).for("update");
    applyContactTransfers(current.map((c) => ({ contactId: c.id, ownerId: c.ownerPersonId })), transfers);
    await db.update(personContacts).set({ ownerPersonId: pack.successorId, updatedAt: at }).where(inArray(personContacts.id, ids));
  }
  const [updated] = await db
    .update(handovers)
    .set({ status: "acknowledged", acknowledgedAt: at, acknowledgementNote: note ?? null })
    .where(eq(handovers.id, id))
    .returning();
  return { handover: (await present(db, [updated!]))[0]!, transferredContactIds: ids };
}

/** A pending pack may be withdrawn by an admin or the predecessor (e.g. to make a new one); an acknowledged one stays. */
export async function deleteHandover(db: Executor, actor: Actor, id: string): Promise<void> {
  const { row, role } = await handoverRow(db, actor, id);
  if (role === "successor") throw new AppError("forbidden", "The successor acknowledges a pack; the organisation's admins or the predecessor withdraw it.");
  if (row.status !== "pending") throw new AppError("conflict", "An acknowledged handover pack is kept.", [{ path: "status", message: "already acknowledged" }]);
  await db.delete(handovers).where(eq(handovers.id, id));
}
