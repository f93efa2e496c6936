/**
 * @module people/people.store
 * Reading and writing a person's whole record — postings, languages, competencies — as the pure core's
 * `Person`, validated by the core as a whole so a rule that spans fields (competency evidence naming one of
 * the person's postings) holds. Access is checked by the callers (people.service); this module only
 * stores and loads.
 */
import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { canRead } from "../auth/actor.ts";
import type { Actor } from "../auth/actor.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import type { FieldError } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { offices } from "../registry/registry.table.ts";
import type { LanguageSkill } from "./core/languages.ts";
import { ZPerson as ZCorePerson } from "./core/person.ts";
import type { CompetencyRecord, Person, Posting } from "./core/person.ts";
import { handovers, people, personCompetencies, personLanguages, personPostings } from "./people.table.ts";

export type PersonRow = typeof people.$inferSelect;
type PostingRow = typeof personPostings.$inferSelect;

function postingFromRow(r: PostingRow): Posting {
  return {
    id: r.id,
    kind: r.kind as Posting["kind"],
    ...(r.dispatchTarget ? { dispatchTarget: r.dispatchTarget as NonNullable<Posting["dispatchTarget"]> } : {}),
    ...(r.title ? { title: r.title } : {}),
    ...(r.department ? { department: r.department } : {}),
    ...(r.officeId ? { officeId: r.officeId } : {}),
    ...(r.country ? { country: r.country } : {}),
    ...(r.city ? { city: r.city } : {}),
    functions: r.functions as NonNullable<Posting["functions"]>,
    ...(r.international !== null ? { international: r.international } : {}),
    from: r.starts,
    ...(r.ends ? { to: r.ends } : {}),
  };
}

/** The people's records as the core takes them, by id, postings in order of their start. */
export async function corePeople(db: Executor, rows: PersonRow[]): Promise<Map<string, Person>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const [postings, languages, competencies] = await Promise.all([
    db.select().from(personPostings).where(inArray(personPostings.personId, ids)).orderBy(asc(personPostings.starts), asc(personPostings.createdAt)),
    db.select().from(personLanguages).where(inArray(personLanguages.personId, ids)).orderBy(asc(personLanguages.position)),
    db.select().from(personCompetencies).where(inArray(personCompetencies.personId, ids)).orderBy(asc(personCompetencies.position)),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        organisationId: r.ownerOrgId,
        name: r.name,
        postings: postings.filter((p) => p.personId === r.id).map(postingFromRow),
        languages: languages
          .filter((l) => l.personId === r.id)
          .map((l) => ({ language: l.language, scale: l.scale, level: l.level, ...(l.evidence ? { evidence: l.evidence } : {}) }) as LanguageSkill),
        competencies: competencies.filter((c) => c.personId === r.id).map((c) => ({ code: c.code, evidence: c.evidence }) as CompetencyRecord),
      },
    ]),
  );
}

export async function personRow(db: Executor, id: string): Promise<PersonRow> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  if (!row) throw new AppError("not_found", `No person with id ${id}, or it is not visible to you.`);
  return row;
}

/** Validates a whole record with the core, naming fields as the request does (`postings[1].to`). */
export function validatePerson(input: unknown): Person {
  const result = ZCorePerson.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error);
    throw new AppError("validation_failed", `The person is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  result.data.competencies.forEach((c, i) => {
    if (seen.has(c.code)) errors.push({ path: `competencies[${i}].code`, message: `${c.code} is listed twice`, value: c.code });
    seen.add(c.code);
  });
  if (errors.length) throw new AppError("validation_failed", "A competency is listed twice.", errors);
  return result.data;
}

/** Checks the offices postings link to exist and are visible to the actor. */
async function checkOffices(db: Executor, actor: Actor, postings: Posting[]): Promise<void> {
  const ids = [...new Set(postings.flatMap((p) => (p.officeId ? [p.officeId] : [])))];
  if (ids.length === 0) return;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const found = await db.select().from(offices).where(inArray(offices.id, ids.filter((id) => uuid.test(id))));
  const errors = postings.flatMap((p, i) => {
    const office = p.officeId ? found.find((o) => o.id === p.officeId) : undefined;
    return p.officeId && (!office || !canRead(actor, office)) ? [{ path: `postings[${i}].officeId`, message: "no such office in the registry", value: p.officeId }] : [];
  });
  if (errors.length) throw new AppError("validation_failed", "A posting links to an office that does not exist.", errors);
}

/**
 * Writes the person's postings, languages and competencies to match `person` (postings keep their ids;
 * those left out are deleted unless a handover refers to them).
 */
export async function writeRecord(db: Executor, actor: Actor, person: Person): Promise<void> {
  await checkOffices(db, actor, person.postings);
  const ids = person.postings.map((p) => p.id);
  if (ids.length) {
    const taken = await db
      .select({ id: personPostings.id })
      .from(personPostings)
      .where(and(inArray(personPostings.id, ids), ne(personPostings.personId, person.id)));
    if (taken.length) {
      throw new AppError("conflict", "A posting id is already used by someone else.", taken.map((t) => ({ path: `postings[${ids.indexOf(t.id)}].id`, message: "already used", value: t.id })));
    }
  }
  const dropped = await db
    .select({ id: personPostings.id })
    .from(personPostings)
    .where(and(eq(personPostings.personId, person.id), ids.length ? notInArray(personPostings.id, ids) : undefined));
  if (dropped.length) {
    const referenced = await db.select({ postingId: handovers.postingId }).from(handovers).where(inArray(handovers.postingId, dropped.map((d) => d.id)));
    if (referenced.length) {
      throw new AppError("conflict", "A posting a handover pack refers to cannot be removed.", referenced.map((r) => ({ path: "postings", message: `posting ${r.postingId} has a handover pack`, value: r.postingId })));
    }
    await db.delete(personPostings).where(inArray(personPostings.id, dropped.map((d) => d.id)));
  }
  for (const p of person.postings) {
    const values = {
      kind: p.kind,
      dispatchTarget: p.dispatchTarget ?? null,
      title: p.title ?? null,
      department: p.department ?? null,
      officeId: p.officeId ?? null,
      country: p.country ?? null,
      city: p.city ?? null,
      functions: p.functions ?? [],
      international: p.international ?? null,
      starts: p.from,
      ends: p.to ?? null,
    };
    await db.insert(personPostings).values({ id: p.id, personId: person.id, ...values }).onConflictDoUpdate({ target: personPostings.id, set: values });
  }
  await db.delete(personLanguages).where(eq(personLanguages.personId, person.id));
  if (person.languages.length) {
    await db.insert(personLanguages).values(
      person.languages.map((l, position) => ({ personId: person.id, position, language: l.language, scale: l.scale, level: l.level, evidence: l.evidence ?? null })),
    );
  }
  await db.delete(personCompetencies).where(eq(personCompetencies.personId, person.id));
  if (person.competencies.length) {
    await db.insert(personCompetencies).values(person.competencies.map((c, position) => ({ personId: person.id, position, code: c.code, evidence: c.evidence })));
  }
}

export function searchFor(name: string, nameEn: string | null | undefined) {
  return sql`to_tsvector('simple', ${searchDocument(name, nameEn)})`;
}
