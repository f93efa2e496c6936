/**
 * @module registry/seed.service
 * Loads the shipped dataset (data/seed/) into the database: the 47 prefectures and 20 designated cities,
 * the paper's Table 1 offices and Table 2 strategies, and the offices, ties and networks of its text and
 * of public sources, each with its source and unverified flag. Idempotent: records are matched on their
 * seed key or natural key and updated, so `renkei seed` can run again after the data changes.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import type { Database, Executor } from "../db/connection.ts";
import { createOffice, updateOffice } from "./offices.service.ts";
import { createOrganisation, updateOrganisation } from "./organisations.service.ts";
import { interviews, offices, organisations, strategies } from "./registry.table.ts";
import { loadJpMunicipalities, loadSeedFiles, type SeedData } from "./seed-files.ts";
import { createStrategy, updateStrategy } from "./strategies.service.ts";
import { createTie, updateTie } from "./ties.service.ts";
import { ties } from "./registry.table.ts";
import { seedEvaluation, type EvaluationSeedCounts } from "../evaluation/evaluation-seed.ts";

export interface SeedCounts {
  organisations: number;
  strategies: number;
  offices: number;
  ties: number;
  interviews: number;
  evaluation: EvaluationSeedCounts;
  municipalities?: number;
}

/** The database has been seeded when the prefectures are there. */
export async function isSeeded(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(eq(organisations.kind, "prefecture"));
  return (row?.n ?? 0) > 0;
}

const noteOf = (source: string, notes: string[]) => (notes.length ? `${source} (${notes.join("; ")})` : source);

async function idsBySeedKey(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ id: organisations.id, key: organisations.seedKey }).from(organisations).where(sql`${organisations.seedKey} IS NOT NULL`);
  return new Map(rows.map((r) => [r.key!, r.id]));
}

async function seedOrganisations(db: Executor, seed: SeedData): Promise<Map<string, string>> {
  const ids = await idsBySeedKey(db);
  // Parents first: a city refers to its prefecture.
  const ordered = [...seed.organisations].sort((a, b) => Number(!!a.parentKey) - Number(!!b.parentKey));
  for (const o of ordered) {
    const { key, parentKey, ...fields } = o;
    const input = {
      ...fields,
      parentId: parentKey ? ids.get(parentKey) : undefined,
      visibility: "public" as const,
      sharedWith: [],
    };
    const existing = ids.get(key);
    if (existing) await updateOrganisation(db, SYSTEM_ACTOR, existing, input);
    else {
      // A government registered by hand before the seed keeps its record and gains the seed key.
      const [byCode] = o.localGovCode ? await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.localGovCode, o.localGovCode)) : [];
      if (byCode) {
        await updateOrganisation(db, SYSTEM_ACTOR, byCode.id, input);
        await db.update(organisations).set({ seedKey: key }).where(eq(organisations.id, byCode.id));
        ids.set(key, byCode.id);
      } else ids.set(key, (await createOrganisation(db, SYSTEM_ACTOR, input, key)).id);
    }
  }
  return ids;
}

function need(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`seed refers to unknown organisation ${key}`);
  return id;
}

async function seedOffices(db: Executor, seed: SeedData, orgs: Map<string, string>): Promise<void> {
  const officeIds = new Map((await db.select({ id: offices.id, key: offices.seedKey }).from(offices).where(sql`${offices.seedKey} IS NOT NULL`)).map((r) => [r.key!, r.id]));
  // Offices that others merged into come first.
  const ordered = [...seed.offices].sort((a, b) => Number(!!a.mergedIntoKey) - Number(!!b.mergedIntoKey));
  for (const o of ordered) {
    const { key, ownerKeys, ownerUntil, hostKey, mergedIntoKey, modelInferred, ...fields } = o;
    const notes = [
      ...(modelInferred ? ["operational model not stated by the source; recorded as independent"] : []),
      ...Object.entries(ownerUntil ?? {}).map(([k, d]) => `${k} left the office on ${d}`),
    ];
    const input = {
      ...fields,
      source: noteOf(o.source, notes),
      ownerOrgId: need(orgs, ownerKeys[0]!),
      coOwnerIds: ownerKeys.slice(1).map((k) => need(orgs, k)),
      hostOrgId: hostKey ? need(orgs, hostKey) : null,
      mergedIntoId: mergedIntoKey ? officeIds.get(mergedIntoKey) : null,
      visibility: "public" as const,
      sharedWith: [],
    };
    const existing = officeIds.get(key);
    if (existing) await updateOffice(db, SYSTEM_ACTOR, existing, input);
    else officeIds.set(key, (await createOffice(db, SYSTEM_ACTOR, input, key)).id);
  }
}

async function seedStrategies(db: Executor, seed: SeedData, orgs: Map<string, string>): Promise<void> {
  for (const s of seed.strategies) {
    const ownerOrgId = need(orgs, s.ownerKey);
    const notes = [...(s.titleJaUnverified ? ["Japanese title is this dataset's rendering of the paper's English"] : []), ...(s.pillarsInferred ? ["pillars inferred"] : [])];
    const input = { ownerOrgId, titleJa: s.titleJa, titleEn: s.titleEn, year: s.year, pillars: s.pillars, source: noteOf(s.source, notes), unverified: s.unverified, visibility: "public" as const, sharedWith: [] };
    const [existing] = await db.select({ id: strategies.id }).from(strategies).where(and(eq(strategies.ownerOrgId, ownerOrgId), eq(strategies.titleEn, s.titleEn), eq(strategies.year, s.year)));
    if (existing) await updateStrategy(db, SYSTEM_ACTOR, existing.id, input);
    else await createStrategy(db, SYSTEM_ACTOR, input);
  }
}

async function seedTies(db: Executor, seed: SeedData, orgs: Map<string, string>): Promise<void> {
  for (const t of seed.ties) {
    const { aKey, bKey, officeKey: _office, ...fields } = t;
    const aOrgId = need(orgs, aKey);
    const bOrgId = need(orgs, bKey);
    const input = { ...fields, aOrgId, bOrgId, visibility: "public" as const, sharedWith: [] };
    const [existing] = await db
      .select({ id: ties.id })
      .from(ties)
      .where(
        and(
          sql`least(${ties.aOrgId}, ${ties.bOrgId}) = least(${aOrgId}::uuid, ${bOrgId}::uuid)`,
          sql`greatest(${ties.aOrgId}, ${ties.bOrgId}) = greatest(${aOrgId}::uuid, ${bOrgId}::uuid)`,
          eq(ties.kind, t.kind),
          sql`coalesce(${ties.since}, '') = ${t.since ?? ""}`,
        ),
      );
    if (existing) await updateTie(db, SYSTEM_ACTOR, existing.id, input);
    else await createTie(db, SYSTEM_ACTOR, input);
  }
}

async function seedInterviews(db: Executor, seed: SeedData, orgs: Map<string, string>): Promise<void> {
  for (const i of seed.interviews) {
    const values = {
      code: i.id,
      attributes: i.attributes,
      location: i.location,
      organisationId: i.organisationKey ? need(orgs, i.organisationKey) : null,
      operationalModel: i.operationalModel ?? null,
      focusAreas: i.focusAreas,
      dates: i.dates,
      // Interview records are research evidence: confidential, visible to system administrators only.
      ownerOrgId: null,
      visibility: "confidential",
      source: i.source,
      unverified: i.unverified,
    };
    await db.insert(interviews).values({ id: randomUUID(), ...values }).onConflictDoUpdate({ target: interviews.code, set: values });
  }
}

/** Loads (or refreshes) the shipped dataset in one transaction. */
export async function seedDatabase(database: Database, options: { allMunicipalities?: boolean } = {}): Promise<SeedCounts> {
  const seed = loadSeedFiles();
  let municipalities: number | undefined;
  let evaluation: EvaluationSeedCounts | undefined;
  await database.db.transaction(async (tx) => {
    const orgs = await seedOrganisations(tx, seed);
    await seedOffices(tx, seed, orgs);
    await seedStrategies(tx, seed, orgs);
    await seedTies(tx, seed, orgs);
    await seedInterviews(tx, seed, orgs);
    evaluation = await seedEvaluation(tx);
    if (options.allMunicipalities) municipalities = await seedMunicipalities(tx);
  });
  return {
    organisations: seed.organisations.length,
    strategies: seed.strategies.length,
    offices: seed.offices.length,
    ties: seed.ties.length,
    interviews: seed.interviews.length,
    evaluation: evaluation!,
    ...(municipalities !== undefined ? { municipalities } : {}),
  };
}

/** Adds every other municipality of data/jp-municipalities.json that is not registered yet. */
async function seedMunicipalities(db: Executor): Promise<number> {
  const known = new Set((await db.select({ code: organisations.localGovCode }).from(organisations)).map((r) => r.code));
  const prefectures = new Map(
    (await db.select({ id: organisations.id, code: organisations.localGovCode }).from(organisations).where(eq(organisations.kind, "prefecture"))).map((p) => [p.code!.slice(0, 2), p.id]),
  );
  let added = 0;
  for (const m of loadJpMunicipalities()) {
    if (known.has(m.code)) continue;
    await createOrganisation(db, SYSTEM_ACTOR, {
      kind: "municipality",
      nameJa: m.nameJa,
      nameEn: m.nameRomaji.replace(/ (Shi|Machi|Cho|Mura|Son|Ku)$/i, (_s, t: string) => ` ${t.toLowerCase() === "shi" ? "City" : t.toLowerCase() === "ku" ? "Ward" : /mura|son/i.test(t) ? "Village" : "Town"}`),
      country: "JP",
      cityJa: m.nameJa,
      cityEn: m.nameRomaji,
      lat: m.lat,
      lon: m.lon,
      localGovCode: m.code,
      parentId: prefectures.get(m.code.slice(0, 2)) ?? null,
      source: "jp-municipalities.json (piuccio/open-data-jp-municipalities, MIT; Gazetteer of Japan 2007, updated 2018)",
      unverified: false,
      visibility: "public",
      sharedWith: [],
    });
    added++;
  }
  return added;
}

/** "organisations 124, offices 58, …" for the console. */
export function describeSeedCounts(counts: SeedCounts): string {
  const { evaluation, ...registry } = counts;
  return Object.entries({ ...registry, ...evaluation })
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}
