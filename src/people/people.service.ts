/**
 * @module people/people.service
 * People (officials) of an organisation with their postings, languages and competencies: create, read,
 * change, delete, and postings one at a time (a posting ends → set its last day → make a handover pack).
 * Personal data, so every call goes through people-access: the organisation's admins, or the person
 * themself for reading their record and keeping their own languages and competencies.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { memberships, users } from "../auth/auth.table.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch } from "../db/list-query.ts";
import { iso } from "../registry/references.ts";
import { COMPETENCY_LABELS, isCurrentOn, isInternationalPosting, todayUtc } from "./core/person.ts";
import type { Person, Posting } from "./core/person.ts";
import { isOrgAdmin, personAccess, requireOrgMember } from "./people-access.ts";
import type { TPerson, TPersonCreate, TPersonUpdate, TPostingInput, TPostingPatch, ZPeopleListQuery } from "./people.schema.ts";
import { corePeople, personRow, searchFor, validatePerson, writeRecord } from "./people.store.ts";
import type { PersonRow } from "./people.store.ts";
import { people } from "./people.table.ts";

function presentPosting(p: Posting, today: string) {
  return {
    id: p.id,
    kind: p.kind,
    dispatchTarget: p.dispatchTarget ?? null,
    title: p.title ?? null,
    department: p.department ?? null,
    officeId: p.officeId ?? null,
    country: p.country ?? null,
    city: p.city ?? null,
    functions: p.functions ?? [],
    international: p.international ?? null,
    from: p.from,
    to: p.to ?? null,
    isInternational: isInternationalPosting(p),
    current: isCurrentOn(p, today),
  };
}

export async function presentPeople(db: Executor, rows: PersonRow[]): Promise<TPerson[]> {
  const records = await corePeople(db, rows);
  const today = todayUtc();
  return rows.map((row) => {
    const core = records.get(row.id)!;
    return {
      id: row.id,
      organisationId: row.ownerOrgId,
      userId: row.userId,
      name: row.name,
      nameEn: row.nameEn,
      postings: core.postings.map((p) => presentPosting(p, today)),
      languages: core.languages,
      competencies: core.competencies.map((c) => ({ ...c, label: COMPETENCY_LABELS[c.code] })),
      visibility: "confidential" as const,
      source: row.source,
      unverified: row.unverified,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
  });
}

/** The linked account must be a member of the organisation and not linked to another of its people. */
async function checkUser(db: Executor, orgId: string, userId: string, selfId?: string): Promise<void> {
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  if (!member) {
    throw new AppError("validation_failed", "The user account is not a member of the organisation.", [
      { path: "userId", message: "must be the user account of a member of the organisation", value: userId },
    ]);
  }
  const [linked] = await db.select({ id: people.id }).from(people).where(and(eq(people.ownerOrgId, orgId), eq(people.userId, userId)));
  if (linked && linked.id !== selfId) {
    throw new AppError("conflict", "This user account is already linked to another person of the organisation.", [
      { path: "userId", message: `already linked to person ${linked.id}`, value: userId },
    ]);
  }
}

function withIds(postings: TPostingInput[]): Posting[] {
  return postings.map((p) => ({ ...p, id: p.id ?? randomUUID() }) as Posting);
}

export async function createPerson(db: Executor, actor: Actor, orgId: string, input: TPersonCreate): Promise<TPerson> {
  requireOrgMember(actor, orgId, "admin");
  if (input.userId) await checkUser(db, orgId, input.userId);
  const id = randomUUID();
  const record = validatePerson({
    id,
    organisationId: orgId,
    name: input.name,
    postings: withIds(input.postings),
    languages: input.languages,
    competencies: input.competencies,
  });
  const [row] = await db
    .insert(people)
    .values({
      id,
      ownerOrgId: orgId,
      userId: input.userId ?? null,
      name: input.name,
      nameEn: input.nameEn ?? null,
      source: input.source ?? null,
      unverified: input.unverified,
      search: searchFor(input.name, input.nameEn) as never,
    })
    .returning();
  await writeRecord(db, actor, record);
  return (await presentPeople(db, [row!]))[0]!;
}

export async function getPerson(db: Executor, actor: Actor, id: string): Promise<TPerson> {
  const row = await personRow(db, id);
  personAccess(actor, row);
  return (await presentPeople(db, [row]))[0]!;
}

const SELF_FIELDS = new Set(["languages", "competencies"]);

export async function updatePerson(db: Executor, actor: Actor, id: string, patch: TPersonUpdate): Promise<TPerson> {
  const row = await personRow(db, id);
  const access = personAccess(actor, row);
  if (access === "self") {
    const others = Object.keys(patch).filter((k) => !SELF_FIELDS.has(k));
    if (others.length) {
      throw new AppError("forbidden", "You may change your own languages and competencies; the rest is kept by your organisation's admins.", others.map((path) => ({ path, message: "only the organisation's admins may change this" })));
    }
  }
  if (patch.userId) await checkUser(db, row.ownerOrgId, patch.userId, id);
  const current = (await corePeople(db, [row])).get(id)!;
  const name = patch.name ?? row.name;
  const record = validatePerson({
    ...current,
    name,
    ...(patch.postings ? { postings: withIds(patch.postings) } : {}),
    ...(patch.languages ? { languages: patch.languages } : {}),
    ...(patch.competencies ? { competencies: patch.competencies } : {}),
  });
  const nameEn = patch.nameEn !== undefined ? patch.nameEn : row.nameEn;
  const [updated] = await db
    .update(people)
    .set({
      name,
      nameEn,
      ...(patch.userId !== undefined ? { userId: patch.userId } : {}),
      ...(patch.source !== undefined ? { source: patch.source } : {}),
      ...(patch.unverified !== undefined ? { unverified: patch.unverified } : {}),
      search: searchFor(name, nameEn) as never,
      updatedAt: new Date(),
    })
    .where(eq(people.id, id))
    .returning();
  await writeRecord(db, actor, record);
  return (await presentPeople(db, [updated!]))[0]!;
}

/** Deletes the person and their postings, languages, competencies, contacts and handover packs; the hours they logged stay with the office under an opaque reference. */
export async function deletePerson(db: Executor, actor: Actor, id: string): Promise<void> {
  const row = await personRow(db, id);
  if (personAccess(actor, row) !== "admin") throw new AppError("forbidden", "Only the organisation's admins may delete a person.");
  await db.delete(people).where(eq(people.id, id));
}

export async function listPeople(db: Executor, actor: Actor, orgId: string, query: z.infer<typeof ZPeopleListQuery>) {
  requireOrgMember(actor, orgId, "member");
  const page = await listPage<PersonRow>(db, {
    table: people,
    idColumn: people.id,
    sortable: { name: people.name, nameEn: sql`coalesce(${people.nameEn}, '')`, createdAt: people.createdAt },
    defaultSort: "name",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      eq(people.ownerOrgId, orgId),
      // Members who are not admins see only their own record.
      isOrgAdmin(actor, orgId) ? undefined : eq(people.userId, actor.userId ?? "00000000-0000-0000-0000-000000000000"),
      matchesSearch(people.search, query.q),
    ],
  });
  return { items: await presentPeople(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}

async function changePostings(db: Executor, actor: Actor, personId: string, change: (postings: Posting[]) => { postings: Posting[]; index: number }): Promise<TPerson> {
  const row = await personRow(db, personId);
  if (personAccess(actor, row) !== "admin") throw new AppError("forbidden", "Only the organisation's admins may change postings.");
  const current: Person = (await corePeople(db, [row])).get(personId)!;
  const { postings, index } = change(current.postings);
  let record: Person;
  try {
    record = validatePerson({ ...current, postings });
  } catch (error) {
    // The body is the one posting: name its fields as the request does (`to`, not `postings[2].to`).
    if (error instanceof AppError) {
      const prefix = `postings[${index}].`;
      throw new AppError(error.code, error.message, error.errors.map((e) => ({ ...e, path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path })));
    }
    throw error;
  }
  await writeRecord(db, actor, record);
  await db.update(people).set({ updatedAt: new Date() }).where(eq(people.id, personId));
  return (await presentPeople(db, [await personRow(db, personId)]))[0]!;
}

export function addPosting(db: Executor, actor: Actor, personId: string, posting: TPostingInput): Promise<TPerson> {
  return changePostings(db, actor, personId, (postings) => ({ postings: [...postings, ...withIds([posting])], index: postings.length }));
}

export function updatePosting(db: Executor, actor: Actor, personId: string, postingId: string, patch: TPostingPatch): Promise<TPerson> {
  return changePostings(db, actor, personId, (postings) => {
    const index = postings.findIndex((p) => p.id === postingId);
    if (index < 0) throw new AppError("not_found", `No posting ${postingId} for this person.`);
    const next = postings.map((p, i) => (i === index ? ({ ...p, ...patch } as Posting) : p));
    return { postings: next, index };
  });
}

export function deletePosting(db: Executor, actor: Actor, personId: string, postingId: string): Promise<TPerson> {
  return changePostings(db, actor, personId, (postings) => {
    if (!postings.some((p) => p.id === postingId)) throw new AppError("not_found", `No posting ${postingId} for this person.`);
    return { postings: postings.filter((p) => p.id !== postingId), index: -1 };
  });
}
