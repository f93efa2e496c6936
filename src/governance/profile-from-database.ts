/**
 * @module governance/profile-from-database
 * Builds the assessment profile of local governments from the database — the offices each runs or
 * co-runs, its ties, its initiatives with their partners, its KPIs and its administrations — reading only
 * what the actor may see, in a fixed number of queries however many governments are asked for (the
 * comparison assesses all of them). Also returns which record each evidence ref (`offices[0]`) stands
 * for, so the web app can link evidence to records.
 *
 * Left out on purpose: offices whose operational model the seed could not source (their `source` says
 * "operational model not stated by the source"): the seed records them as independent only because early
 * offices mostly were, and counting that guess as evidence would make it a verdict.
 *
 * `people` (the input of the `expertise_reassigned` recommendation) is personal data, confidential to the
 * organisation: it is filled — anonymised by the people capability — only for the organisation's admins
 * and for the platform itself (the CLI), and left empty for everyone else, anonymous visitors included.
 */
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor.ts";
import { isValidPartialDate, periodStart } from "../core/dates.ts";
import { LOCAL_GOVERNMENT_KINDS, type KpiHorizon, type LocalGovernmentKind, type LogicModelLevel, type OfficeFunction, type OfficeModel, type StrategyPillar, type TieKind, type TiePurpose, type FocusArea } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { administrations, initiativePartners, initiatives, kpis } from "../evaluation/evaluation.table.ts";
import { expertiseReassignedPeople } from "../people/people-insights.service.ts";
import { getOrganisationRow } from "../registry/organisations.service.ts";
import { officeOwners, offices, organisations, ties } from "../registry/registry.table.ts";
import type { TAssessmentProfile } from "./profile.schema.ts";
import type { OfficeHost, PartnerRole } from "./vocabulary.ts";

/** Marker the seed puts in the source of offices whose operational model it inferred. */
export const INFERRED_MODEL_MARKER = "operational model not stated by the source";

export type RecordKind = "office" | "tie" | "initiative" | "kpi" | "administration";
export interface DatabaseProfile {
  organisation: { id: string; nameJa: string; nameEn: string; kind: LocalGovernmentKind; localGovCode: string | null };
  profile: TAssessmentProfile;
  /** Evidence ref (`offices[0]`, `ties[3]`, …) → the record it stands for. */
  records: Record<string, { kind: RecordKind; id: string }>;
}

export interface ProfileOptions {
  /** Leave out records that began after this date (they could not count on it anyway). */
  asOf?: string | null;
}

type OrgRow = typeof organisations.$inferSelect;
const isLocalGovernment = (kind: string): kind is LocalGovernmentKind => (LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(kind);

function hostOf(host: Pick<OrgRow, "seedKey" | "kind" | "nameEn"> | undefined): OfficeHost {
  if (!host) return "other";
  for (const h of ["clair", "jetro", "jnto"] as const) {
    if (host.seedKey === h || new RegExp(`\\b${h}\\b`, "i").test(host.nameEn)) return h;
  }
  return host.kind === "host_government_agency" ? "host_government" : "other";
}

/** The date an owner left a joint office, from the seed's note "<seed key> left the office on <date>". */
function leftOn(source: string | null, seedKey: string | null): string | null {
  if (!source || !seedKey) return null;
  const m = new RegExp(`(?:^|[\\s(;])${seedKey.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} left the office on (\\d{4}(?:-\\d{2}(?:-\\d{2})?)?)`).exec(source);
  return m?.[1] ?? null;
}

/** Whether the actor may have the organisation's people in its assessment: its admins, or the platform itself. */
export function seesPeopleOf(actor: Actor, orgId: string): boolean {
  return actor.roles.get(orgId) === "admin" || (actor.isSystemAdmin && actor.userId === SYSTEM_ACTOR.userId);
}

const begunBy = (start: string | null | undefined, asOf: string | null) => !asOf || !start || periodStart(start) <= asOf;

/** Profiles of the given governments the actor may see (others and non-governments are skipped). */
export async function profilesFromDatabase(db: Executor, actor: Actor, orgIds: readonly string[], options: ProfileOptions = {}): Promise<Map<string, DatabaseProfile>> {
  const result = new Map<string, DatabaseProfile>();
  const ids = [...new Set(orgIds)];
  if (!ids.length) return result;
  if (options.asOf && !isValidPartialDate(options.asOf)) {
    throw new AppError("validation_failed", "asOf: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD", [{ path: "asOf", message: "expected a real date as YYYY, YYYY-MM or YYYY-MM-DD", value: options.asOf }]);
  }
  const asOf = options.asOf ? periodStart(options.asOf) : null;
  const orgs = (await db.select().from(organisations).where(and(inArray(organisations.id, ids), visibleTo(actor, organisations)))).filter((o) => isLocalGovernment(o.kind));
  const orgIdsSeen = orgs.map((o) => o.id);
  if (!orgIdsSeen.length) return result;
  const visible = (table: Parameters<typeof visibleTo>[1], where: SQL | undefined) => and(where, visibleTo(actor, table));

  const officeRows = await db
    .select({ office: offices, orgId: officeOwners.orgId })
    .from(offices)
    .innerJoin(officeOwners, eq(officeOwners.officeId, offices.id))
    .where(visible(offices, inArray(officeOwners.orgId, orgIdsSeen)))
    .orderBy(offices.opened, offices.cityEn);
  const officeIds = [...new Set(officeRows.map((r) => r.office.id))];
  const coOwners = officeIds.length ? await db.select().from(officeOwners).where(inArray(officeOwners.officeId, officeIds)) : [];
  const tieRows = await db.select().from(ties).where(visible(ties, or(inArray(ties.aOrgId, orgIdsSeen), inArray(ties.bOrgId, orgIdsSeen)))).orderBy(ties.since, ties.kind);
  const initiativeRows = await db.select().from(initiatives).where(visible(initiatives, inArray(initiatives.ownerOrgId, orgIdsSeen))).orderBy(initiatives.since, initiatives.nameEn);
  const partnerRows = initiativeRows.length ? await db.select().from(initiativePartners).where(inArray(initiativePartners.initiativeId, initiativeRows.map((i) => i.id))) : [];
  const kpiRows = await db.select().from(kpis).where(visible(kpis, inArray(kpis.ownerOrgId, orgIdsSeen))).orderBy(kpis.nameEn);
  const termRows = await db.select().from(administrations).where(visible(administrations, inArray(administrations.orgId, orgIdsSeen))).orderBy(administrations.termFrom);

  const otherIds = new Set<string>([
    ...coOwners.map((o) => o.orgId),
    ...officeRows.map((r) => r.office.hostOrgId).filter((h): h is string => !!h),
    ...tieRows.flatMap((t) => [t.aOrgId, t.bOrgId]),
    ...partnerRows.map((p) => p.orgId),
  ]);
  const named = new Map<string, OrgRow>(orgs.map((o) => [o.id, o]));
  const missing = [...otherIds].filter((id) => !named.has(id));
  if (missing.length) for (const o of await db.select().from(organisations).where(inArray(organisations.id, missing))) named.set(o.id, o);
  const ja = actor.locale === "ja";
  const nameOf = (id: string) => {
    const o = named.get(id);
    return o ? (ja ? o.nameJa : o.nameEn) : id;
  };

  for (const org of orgs) {
    const records: DatabaseProfile["records"] = {};
    const profile: Required<Omit<TAssessmentProfile, "actor">> & Pick<TAssessmentProfile, "actor"> = {
      actor: { name: ja ? org.nameJa : org.nameEn, kind: org.kind as LocalGovernmentKind, ...(org.localGovCode ? { code: org.localGovCode } : {}) },
      offices: [],
      ties: [],
      initiatives: [],
      kpis: [],
      administrations: [],
      people: [],
    };
    for (const { office: o } of officeRows.filter((r) => r.orgId === org.id)) {
      if (o.source?.includes(INFERRED_MODEL_MARKER) || !begunBy(o.opened, asOf)) continue;
      const left = leftOn(o.source, org.seedKey);
      const closed = left && (!o.closed || periodStart(left) < periodStart(o.closed)) ? left : o.closed;
      // A joint office's partners: its other owners, and the organisation recorded as its partner (the
      // seed's regional bank of a joint industry-academia office sits in hostOrgId).
      const partnerIds = coOwners.filter((c) => c.officeId === o.id && c.orgId !== org.id).map((c) => c.orgId);
      if (o.operationalModel.startsWith("joint_") && o.hostOrgId && o.hostOrgId !== org.id && !partnerIds.includes(o.hostOrgId)) partnerIds.push(o.hostOrgId);
      const partners = partnerIds.map(nameOf);
      records[`offices[${profile.offices.length}]`] = { kind: "office", id: o.id };
      profile.offices.push({
        name: ja ? o.nameJa : o.nameEn,
        city: (ja ? o.cityJa : null) ?? o.cityEn,
        country: o.country,
        operationalModel: o.operationalModel as OfficeModel,
        ...(o.operationalModel === "hosted" ? { hostedBy: hostOf(o.hostOrgId ? named.get(o.hostOrgId) : undefined) } : {}),
        ...(partners.length ? { partners } : {}),
        functions: o.functions as OfficeFunction[],
        focusAreas: o.focusAreas as FocusArea[],
        opened: o.opened,
        closed,
        managementShare: o.managementShare,
      });
    }
    for (const t of tieRows.filter((x) => x.aOrgId === org.id || x.bOrgId === org.id)) {
      if (!begunBy(t.since, asOf)) continue;
      records[`ties[${profile.ties.length}]`] = { kind: "tie", id: t.id };
      profile.ties.push({ kind: t.kind as TieKind, partner: nameOf(t.aOrgId === org.id ? t.bOrgId : t.aOrgId), purposes: t.purposes as TiePurpose[], since: t.since, until: t.until });
    }
    for (const i of initiativeRows.filter((x) => x.ownerOrgId === org.id)) {
      if (!begunBy(i.since, asOf)) continue;
      records[`initiatives[${profile.initiatives.length}]`] = { kind: "initiative", id: i.id };
      profile.initiatives.push({
        name: ja ? i.nameJa : i.nameEn,
        purposes: i.purposes as TiePurpose[],
        partners: partnerRows.filter((p) => p.initiativeId === i.id).map((p) => ({ name: nameOf(p.orgId), role: p.role as PartnerRole })),
        ...(i.pillar ? { pillar: i.pillar as StrategyPillar } : {}),
        ...(i.theme ? { theme: i.theme } : {}),
        since: i.since,
        until: i.until,
      });
    }
    for (const k of kpiRows.filter((x) => x.ownerOrgId === org.id)) {
      if (!begunBy(k.since, asOf)) continue;
      records[`kpis[${profile.kpis.length}]`] = { kind: "kpi", id: k.id };
      profile.kpis.push({
        name: ja ? k.nameJa : k.nameEn,
        level: k.level as LogicModelLevel,
        horizon: k.horizon as KpiHorizon,
        ...(k.pillar ? { pillar: k.pillar as StrategyPillar } : {}),
        since: k.since,
        until: k.until,
      });
    }
    for (const a of termRows.filter((x) => x.orgId === org.id)) {
      if (!begunBy(a.termFrom, asOf)) continue;
      records[`administrations[${profile.administrations.length}]`] = { kind: "administration", id: a.id };
      const background = ja ? (a.backgroundJa ?? a.backgroundEn) : (a.backgroundEn ?? a.backgroundJa);
      profile.administrations.push({ leader: ja ? a.leaderJa : a.leaderEn, from: a.termFrom, until: a.termUntil, ...(background ? { background } : {}) });
    }
    if (seesPeopleOf(actor, org.id)) profile.people = await expertiseReassignedPeople(db, org.id, options.asOf ?? undefined);
    result.set(org.id, {
      organisation: { id: org.id, nameJa: org.nameJa, nameEn: org.nameEn, kind: org.kind as LocalGovernmentKind, localGovCode: org.localGovCode },
      profile,
      records,
    });
  }
  return result;
}

/** One government's profile and evidence records; 404 when invisible, 400 when not a local government. */
export async function databaseProfile(db: Executor, actor: Actor, orgId: string, options: ProfileOptions = {}): Promise<DatabaseProfile> {
  const org = await getOrganisationRow(db, actor, orgId);
  if (!isLocalGovernment(org.kind)) {
    throw new AppError("validation_failed", `Only Japanese local governments are assessed; ${org.nameEn} is a ${org.kind}.`, [
      { path: "id", message: `must be a prefecture, designated city or municipality, not ${org.kind}` },
    ]);
  }
  return (await profilesFromDatabase(db, actor, [orgId], options)).get(orgId)!;
}

/** The assessment profile of a local government as the actor sees it (see the module note). */
export async function profileFromDatabase(db: Executor, actor: Actor, orgId: string, options: ProfileOptions = {}): Promise<TAssessmentProfile> {
  return (await databaseProfile(db, actor, orgId, options)).profile;
}
