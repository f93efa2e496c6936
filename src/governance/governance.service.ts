/**
 * @module governance/governance.service
 * Use cases behind the governance routes: assess one government from the database, follow it over the
 * years, compare all local governments. The model file is read once per process.
 */
import { and, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { LOCAL_GOVERNMENT_KINDS, type LocalGovernmentKind } from "../core/domain.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { organisations } from "../registry/registry.table.ts";
import { assessPrepared, parseAsOf } from "./assessment.ts";
import { compareAssessments, type ComparisonTable } from "./compare.ts";
import { compileModel, type TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import { prepareProfile } from "./prepare.ts";
import { databaseProfile, profilesFromDatabase, type DatabaseProfile } from "./profile-from-database.ts";
import type { TAssessment, TAssessmentTimeline, TAssessmentTimelineSummary } from "./profile.schema.ts";
import { assessTimeline, summariseTimeline } from "./timeline.ts";

let cached: Promise<TGovernanceModel> | null = null;

/** The shipped governance model (read and validated once). */
export function governanceModel(): Promise<TGovernanceModel> {
  cached ??= loadGovernanceModel().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export async function assessOrganisation(db: Executor, actor: Actor, orgId: string, asOf?: string): Promise<Omit<DatabaseProfile, "profile"> & { assessment: TAssessment }> {
  const day = parseAsOf(asOf, "query.asOf");
  const model = await governanceModel();
  const { organisation, profile, records } = await databaseProfile(db, actor, orgId, { asOf });
  return { organisation, assessment: assessPrepared(prepareProfile(profile, compileModel(model)), day), records };
}

export async function timelineOfOrganisation(
  db: Executor,
  actor: Actor,
  orgId: string,
  range: { from?: number; to?: string },
): Promise<Omit<DatabaseProfile, "profile"> & { timeline: TAssessmentTimeline }> {
  const model = await governanceModel();
  const { organisation, profile, records } = await databaseProfile(db, actor, orgId);
  const to = range.to ?? new Date().toISOString().slice(0, 10);
  // A bare year means its 31 December, as the engine reads a numeric `to`.
  const timeline = assessTimeline(profile, model, { ...(range.from !== undefined ? { from: range.from } : {}), to: /^\d{4}$/.test(to) ? Number(to) : to });
  return { organisation, timeline, records };
}

/**
 * The timeline without evidence (`detail=summary`): the same verdicts, a fraction of the bytes. `records`
 * is left out, since without evidence there is no ref to resolve.
 */
export async function timelineSummaryOfOrganisation(
  db: Executor,
  actor: Actor,
  orgId: string,
  range: { from?: number; to?: string },
): Promise<Pick<DatabaseProfile, "organisation"> & { detail: "summary"; timeline: TAssessmentTimelineSummary }> {
  const { organisation, timeline } = await timelineOfOrganisation(db, actor, orgId, range);
  return { organisation, detail: "summary", timeline: summariseTimeline(timeline, (await governanceModel()).version) };
}

/** Every local government (of `kind`) the actor may see, assessed and compared, in code order. */
export async function compareLocalGovernments(
  db: Executor,
  actor: Actor,
  options: { kind?: LocalGovernmentKind; asOf?: string },
): Promise<{ model: TGovernanceModel; table: ComparisonTable }> {
  const day = parseAsOf(options.asOf, "query.asOf");
  const model = await governanceModel();
  const compiled = compileModel(model);
  const kinds = options.kind ? [options.kind] : [...LOCAL_GOVERNMENT_KINDS];
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.kind, kinds), visibleTo(actor, organisations)))
    .orderBy(organisations.localGovCode, organisations.nameEn);
  const profiles = await profilesFromDatabase(db, actor, orgs.map((o) => o.id), { asOf: options.asOf });
  const ja = actor.locale === "ja";
  const rows = orgs.flatMap((o) => {
    const p = profiles.get(o.id);
    if (!p) return [];
    const org = { id: p.organisation.id, name: ja ? p.organisation.nameJa : p.organisation.nameEn, ...(p.organisation.localGovCode ? { code: p.organisation.localGovCode } : {}) };
    return [{ org, assessment: assessPrepared(prepareProfile(p.profile, compiled), day) }];
  });
  return { model, table: compareAssessments(rows) };
}
