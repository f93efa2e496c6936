/**
 * @module people/contacts.service
 * A person's contacts — the address book an official builds abroad and that reassignment loses. Each
 * contact is owned by one person; a handover passes ownership to the successor. Personal data: the
 * organisation's admins and the owning person keep them.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { personAccess } from "./people-access.ts";
import type { TContact, TContactCreate, TContactUpdate } from "./people.schema.ts";
import { personRow } from "./people.store.ts";
import { personContacts } from "./people.table.ts";

type ContactRow = typeof personContacts.$inferSelect;

export function presentContact(r: ContactRow): TContact {
  return {
    id: r.id,
    ownerPersonId: r.ownerPersonId,
    name: r.name,
    organisation: r.organisation,
    role: r.role,
    email: r.email,
    phone: r.phone,
    note: r.note,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

async function owner(db: Executor, actor: Actor, personId: string): Promise<void> {
  personAccess(actor, await personRow(db, personId));
}

async function contactRow(db: Executor, personId: string, contactId: string): Promise<ContactRow> {
  const [row] = await db.select().from(personContacts).where(and(eq(personContacts.id, contactId), eq(personContacts.ownerPersonId, personId)));
  if (!row) throw new AppError("not_found", `No contact ${contactId} owned by this person.`);
  return row;
}

export async function listContacts(db: Executor, actor: Actor, personId: string): Promise<{ items: TContact[] }> {
  await owner(db, actor, personId);
  const rows = await db.select().from(personContacts).where(eq(personContacts.ownerPersonId, personId)).orderBy(asc(personContacts.name), asc(personContacts.id));
  return { items: rows.map(presentContact) };
}

export async function createContact(db: Executor, actor: Actor, personId: string, input: TContactCreate): Promise<TContact> {
  await owner(db, actor, personId);
  const [row] = await db
    .insert(personContacts)
    .values({
      id: randomUUID(),
      ownerPersonId: personId,
      name: input.name,
      organisation: input.organisation ?? null,
      role: input.role ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      note: input.note ?? null,
    })
    .returning();
  return presentContact(row!);
}

export async function updateContact(db: Executor, actor: Actor, personId: string, contactId: string, patch: TContactUpdate): Promise<TContact> {
  await owner(db, actor, personId);
  await contactRow(db, personId, contactId);
  const [row] = await db.update(personContacts).set({ ...patch, updatedAt: new Date() }).where(eq(personContacts.id, contactId)).returning();
  return presentContact(row!);
}

export async function deleteContact(db: Executor, actor: Actor, personId: string, contactId: string): Promise<void> {
  await owner(db, actor, personId);
  await contactRow(db, personId, contactId);
  await db.delete(personContacts).where(eq(personContacts.id, contactId));
}
