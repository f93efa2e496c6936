/**
 * @module evaluation/evaluation-seed
 * Loads data/seed/evaluation.json — the administrations, initiatives and demonstration KPIs the paper and
 * facts.md support — into a database whose registry is already seeded (records refer to organisations
 * and offices by their seed keys). Idempotent: records are matched on their seed key and updated.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { KPI_HORIZONS, LOGIC_MODEL_LEVELS, STRATEGY_PILLARS, TIE_PURPOSES } from "../core/domain.ts";
import { ZPartialDate } from "../core/dates.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { PARTNER_ROLES } from "../governance/vocabulary.ts";
import { offices, organisations } from "../registry/registry.table.ts";
import { createAdministration, updateAdministration } from "./administrations.service.ts";
import { ZStatusEventInput } from "./evaluation.schema.ts";
import { administrations, initiatives, kpis } from "./evaluation.table.ts";
import { createInitiative, updateInitiative } from "./initiatives.service.ts";
import { ZPeriod } from "./kpis.schema.ts";
import { assertPeriodKind, createKpi, updateKpi, writeMeasurement } from "./kpis.service.ts";
import { INITIATIVE_THEMES, KPI_DIRECTIONS, KPI_UNITS, METRICS, PERIOD_KINDS } from "./vocabulary.ts";

export const DEFAULT_EVALUATION_SEED = fileURLToPath(new URL("../../data/seed/evaluation.json", import.meta.url));

const sourced = { source: z.string().min(1), unverified: z.boolean() };
const ZSeedFile = z.strictObject({
  administrations: z.array(
    z.strictObject({
      key: z.string().min(1),
      orgKey: z.string().min(1),
      leaderJa: z.string().min(1),
      leaderEn: z.string().min(1),
      from: ZPartialDate,
      until: ZPartialDate.nullable().optional(),
      backgroundJa: z.string().min(1).optional(),
      backgroundEn: z.string().min(1).optional(),
      ...sourced,
    }),
  ),
  initiatives: z.array(
    z.strictObject({
      key: z.string().min(1),
      ownerKey: z.string().min(1),
      nameJa: z.string().min(1),
      nameEn: z.string().min(1),
      descriptionJa: z.string().min(1).optional(),
      descriptionEn: z.string().min(1).optional(),
      pillar: z.enum(STRATEGY_PILLARS).optional(),
      theme: z.enum(INITIATIVE_THEMES).optional(),
      purposes: z.array(z.enum(TIE_PURPOSES)).optional(),
      partners: z.array(z.strictObject({ orgKey: z.string().min(1), role: z.enum(PARTNER_ROLES) })).optional(),
      officeKey: z.string().min(1).optional(),
      since: ZPartialDate.optional(),
      statusHistory: z.array(ZStatusEventInput).min(1).optional(),
      ...sourced,
    }),
  ),
  kpis: z.array(
    z.strictObject({
      key: z.string().min(1),
      ownerKey: z.string().min(1),
      officeKey: z.string().min(1).optional(),
      nameJa: z.string().min(1),
      nameEn: z.string().min(1),
      level: z.enum(LOGIC_MODEL_LEVELS),
      horizon: z.enum(KPI_HORIZONS),
      unit: z.enum(KPI_UNITS),
      direction: z.enum(KPI_DIRECTIONS),
      periodKind: z.enum(PERIOD_KINDS),
      pillar: z.enum(STRATEGY_PILLARS).optional(),
      metric: z.enum(METRICS).optional(),
      measurements: z.array(z.strictObject({ period: ZPeriod, value: z.number().finite(), source: z.string().min(1), unverified: z.boolean().optional() })),
      ...sourced,
    }),
  ),
});
export type EvaluationSeed = z.infer<typeof ZSeedFile>;

/** Reads and validates the file; errors name `evaluation.json.<path>`. */
export function loadEvaluationSeed(path: string = DEFAULT_EVALUATION_SEED): EvaluationSeed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new AppError("validation_failed", `Cannot read ${path}: ${(error as Error).message}`, [{ path: "evaluation.json", message: (error as Error).message }]);
  }
  const parsed = ZSeedFile.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error, "evaluation.json.");
    throw new AppError("validation_failed", `The evaluation seed is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return parsed.data;
}

async function keyMap(db: Executor, table: typeof organisations | typeof offices | typeof administrations | typeof initiatives | typeof kpis): Promise<Map<string, string>> {
  const rows = (await db.select({ id: table.id, key: table.seedKey }).from(table as typeof organisations).where(sql`${table.seedKey} IS NOT NULL`)) as { id: string; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

function need(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new AppError("validation_failed", `The evaluation seed refers to ${what} ${key}, which is not in the database: seed the registry first.`, [{ path: key, message: `unknown ${what}` }]);
  return id;
}

export interface EvaluationSeedCounts {
  administrations: number;
  initiatives: number;
  kpis: number;
  measurements: number;
}

/**
 * Loads (or refreshes) the evaluation seed. Runs many writes: pass a transaction (`seedDatabase`'s) or
 * call it inside `database.db.transaction`.
 */
export async function seedEvaluation(db: Executor, seed: EvaluationSeed = loadEvaluationSeed()): Promise<EvaluationSeedCounts> {
  const orgs = await keyMap(db, organisations);
  const officeIds = await keyMap(db, offices);
  const access = { visibility: "public" as const, sharedWith: [] };

  const terms = await keyMap(db, administrations);
  for (const { key, orgKey, ...a } of seed.administrations) {
    const input = { ...a, orgId: need(orgs, orgKey, "organisation"), until: a.until ?? null, ...access };
    const existing = terms.get(key);
    if (existing) await updateAdministration(db, SYSTEM_ACTOR, existing, input);
    else await createAdministration(db, SYSTEM_ACTOR, input, key);
  }

  const known = await keyMap(db, initiatives);
  for (const { key, ownerKey, officeKey, partners, ...i } of seed.initiatives) {
    const input = {
      ...i,
      ownerOrgId: need(orgs, ownerKey, "organisation"),
      officeId: officeKey ? need(officeIds, officeKey, "office") : null,
      partners: (partners ?? []).map((p) => ({ orgId: need(orgs, p.orgKey, "organisation"), role: p.role })),
      purposes: i.purposes ?? [],
      since: i.since ?? null,
      ...access,
    };
    const existing = known.get(key);
    if (existing) await updateInitiative(db, SYSTEM_ACTOR, existing, { ...input, statusHistory: input.statusHistory ?? [{ status: "active", on: input.since }] });
    else await createInitiative(db, SYSTEM_ACTOR, input, key);
  }

  const kpiIds = await keyMap(db, kpis);
  let measurements = 0;
  for (const { key, ownerKey, officeKey, measurements: values, ...k } of seed.kpis) {
    const input = { ...k, ownerOrgId: need(orgs, ownerKey, "organisation"), officeId: officeKey ? need(officeIds, officeKey, "office") : null, ...access };
    const existing = kpiIds.get(key);
    const id = existing ? (await updateKpi(db, SYSTEM_ACTOR, existing, input)).id : (await createKpi(db, SYSTEM_ACTOR, input, key)).id;
    const [row] = await db.select().from(kpis).where(eq(kpis.id, id));
    for (const m of values) {
      assertPeriodKind(row!, m.period, `evaluation.json.kpis.${key}.measurements.period`);
      await writeMeasurement(db, id, m.period, { value: m.value, source: m.source, unverified: m.unverified ?? false });
      measurements++;
    }
  }
  return { administrations: seed.administrations.length, initiatives: seed.initiatives.length, kpis: seed.kpis.length, measurements };
}
