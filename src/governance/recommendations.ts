/**
 * @module governance/recommendations
 * Turns gaps in a prepared profile into the paper's recommendations on leadership, policy evaluation,
 * human-resource development and office operations. One recommendation per code, carrying the refs of every
 * record behind it; texts and thresholds come from the model file.
 */
import { addMonths, isActive, type DayNumber } from "./dates.ts";
import { fillTemplate } from "./model.ts";
import type { PreparedProfile } from "./prepare.ts";
import type { TRecommendation } from "./profile.schema.ts";
import { RECOMMENDATION_CODES, type RecommendationCode } from "./vocabulary.ts";

interface Finding {
  evidence: string[];
  vars?: Record<string, string>;
}

type Check = (p: PreparedProfile, asOf: DayNumber | null) => Finding | null;

/** Counted as the dimensions count: every record without asOf, the records active on asOf with it. */
const counted = (r: { start: DayNumber | null; end: DayNumber | null }, asOf: DayNumber | null): boolean => isActive(r.start, r.end, asOf);

/** "Active" in the everyday sense: not closed (without asOf), or open on asOf. */
const open = (r: { start: DayNumber | null; end: DayNumber | null }, asOf: DayNumber | null): boolean =>
  asOf === null ? r.end === null : isActive(r.start, r.end, asOf);

const CHECKS: Record<RecommendationCode, Check> = {
  outcome_kpis_missing(p, asOf) {
    const kpis = p.kpis.filter((k) => counted(k, asOf));
    if (kpis.some((k) => k.level === "outcome" || k.level === "impact")) return null;
    return { evidence: kpis.map((k) => `kpis[${k.index}]`) };
  },

  long_term_kpis_missing(p, asOf) {
    const kpis = p.kpis.filter((k) => counted(k, asOf));
    if (kpis.length === 0 || kpis.some((k) => k.horizon === "long")) return null;
    return { evidence: kpis.map((k) => `kpis[${k.index}]`), vars: { count: String(kpis.length) } };
  },

  discontinued_after_leader_change(p, asOf) {
    const months = p.compiled.model.thresholds.leaderChangeWindowMonths;
    const admins: string[] = [];
    const ended = new Set<number>();
    // The first recorded administration has no predecessor whose work it could have cut short.
    for (const admin of p.administrations.slice(1)) {
      if (asOf !== null && admin.start > asOf) continue;
      const windowEnd = addMonths(admin.start, months);
      const hits = p.initiatives.filter(
        (n) =>
          n.end !== null &&
          n.end >= admin.start &&
          n.end <= windowEnd &&
          (asOf === null || n.end <= asOf) &&
          (n.start === null || n.start < admin.start),
      );
      if (hits.length === 0) continue;
      admins.push(`administrations[${admin.index}]`);
      for (const n of hits) ended.add(n.index);
    }
    if (ended.size === 0) return null;
    const refs = [...ended].sort((a, b) => a - b).map((i) => `initiatives[${i}]`);
    return { evidence: [...admins, ...refs], vars: { count: String(ended.size), months: String(months) } };
  },

  consider_shared_office_model(p, asOf) {
    const threshold = p.compiled.model.thresholds.managementShare;
    const offices = p.offices.filter(
      (o) => o.model === "independent" && o.managementShare !== null && o.managementShare >= threshold && open(o, asOf),
    );
    if (offices.length === 0) return null;
    return {
      evidence: offices.map((o) => `offices[${o.index}]`),
      vars: { count: String(offices.length), threshold: `${Math.round(threshold * 100)}%` },
    };
  },

  hosted_office_scope_exceeds_host(p, asOf) {
    const scopes = p.compiled.model.hostScopes;
    const refs: string[] = [];
    for (const o of p.offices) {
      if (o.model !== "hosted" || o.hostedBy === null || !open(o, asOf)) continue;
      const scope = scopes[o.hostedBy];
      if (!scope) continue;
      o.functions.forEach((f, j) => {
        if (!scope.includes(f)) refs.push(`offices[${o.index}].functions[${j}]`);
      });
    }
    if (refs.length === 0) return null;
    const count = new Set(refs.map((r) => r.slice(0, r.indexOf("]") + 1))).size;
    return { evidence: refs, vars: { count: String(count) } };
  },

  expertise_reassigned(p, asOf) {
    const people = p.people.filter(
      (x) => x.overseasPostings > 0 && !x.currentPostInternational && (asOf === null || x.since === null || x.since <= asOf),
    );
    if (people.length === 0) return null;
    return { evidence: people.map((x) => `people[${x.index}]`), vars: { count: String(people.length) } };
  },
};

/** The recommendations for a prepared profile at `asOf` (null: the profile as a whole), in code order. */
export function recommend(p: PreparedProfile, asOf: DayNumber | null): TRecommendation[] {
  const out: TRecommendation[] = [];
  for (const code of RECOMMENDATION_CODES) {
    const finding = CHECKS[code](p, asOf);
    if (!finding) continue;
    const { area, text } = p.compiled.model.recommendations[code];
    const vars = finding.vars ?? {};
    out.push({ area, code, evidence: finding.evidence, text: { ja: fillTemplate(text.ja, vars), en: fillTemplate(text.en, vars) } });
  }
  return out;
}
