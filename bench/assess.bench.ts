/**
 * @module bench/assess
 * Times the governance assessment of 67 generated profiles (47 prefectures + 20 designated cities) — the
 * current assessment plus a yearly timeline for each — against two baselines measured in the same process:
 *  A. the timeline as a caller would naively write it: `assess(profile, model, {asOf})` once per year, which
 *     re-parses every date and re-renders every evidence text each year;
 *  B. a naive engine: for every year and every dimension, re-filter the records by date (parsing the date
 *     strings again), find each record's rule by scanning the rule list, render the texts, on a JSON copy of
 *     the profile per assessment. B's recommendations come from the library on a profile prepared once, so
 *     B's extra cost is its dimension verdicts. All three outputs are checked equal before timing.
 * Run: node --import tsx bench/assess.bench.ts
 */
import { isDeepStrictEqual } from "node:util";
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceStage, type TiePurpose } from "../src/core/domain.ts";
import { assess } from "../src/governance/assessment.ts";
import { recommend } from "../src/governance/recommendations.ts";
import { formatDay, parsePartialDate } from "../src/governance/dates.ts";
import { compileModel, fillTemplate, RULE_SOURCES, type TGovernanceModel } from "../src/governance/model.ts";
import { loadGovernanceModel } from "../src/governance/model-file.ts";
import { partnerMixOf, prepareProfile } from "../src/governance/prepare.ts";
import type { TAssessment, TAssessmentProfile, TEvidence } from "../src/governance/profile.schema.ts";
import { parseAssessmentProfile } from "../src/governance/profile.schema.ts";
import { assessTimeline } from "../src/governance/timeline.ts";

const TO_YEAR = 2025;
const AS_OF = "2025-03-31";

// ---- deterministic, realistic profiles -------------------------------------------------------------
let seed = 20250307;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const month = (y: number): string => `${y}-${String(int(1, 12)).padStart(2, "0")}`;

const PREFECTURES = "Hokkaido Aomori Iwate Miyagi Akita Yamagata Fukushima Ibaraki Tochigi Gunma Saitama Chiba Tokyo Kanagawa Niigata Toyama Ishikawa Fukui Yamanashi Nagano Gifu Shizuoka Aichi Mie Shiga Kyoto Osaka Hyogo Nara Wakayama Tottori Shimane Okayama Hiroshima Yamaguchi Tokushima Kagawa Ehime Kochi Fukuoka Saga Nagasaki Kumamoto Oita Miyazaki Kagoshima Okinawa".split(" ");
const CITIES = "Sapporo Sendai Saitama Chiba Kawasaki Yokohama Sagamihara Niigata Shizuoka Hamamatsu Nagoya Kyoto Osaka Sakai Kobe Okayama Hiroshima Kitakyushu Fukuoka Kumamoto".split(" ");
const OFFICE_CITIES = ["Shanghai", "Seoul", "Singapore", "Bangkok", "Hong Kong", "Taipei", "Ho Chi Minh City", "New York", "Paris", "Dalian", "Jakarta", "Kuala Lumpur"];
const FOREIGN = ["Portland", "Munich", "Lyon", "Busan", "Dalian", "Tianjin", "Brisbane", "Vancouver", "Chiang Mai", "Penang", "Da Nang", "Cebu"];
const NETWORKS = ["C40", "UNESCO Creative Cities Network", "Global Covenant of Mayors", "ICLEI", "Asian Network of Major Cities 21"];
const PURPOSES_BY_KIND: Record<string, TiePurpose[]> = {
  sister_city: ["cultural", "youth", "administrative", "economic"],
  friendship: ["cultural", "youth", "economic"],
  business_partner: ["economic", "innovation"],
  purpose_specific: ["economic", "social", "urban_problem_solving"],
  network_membership: ["urban_problem_solving", "innovation", "project_making"],
  mou: ["economic", "project_making", "innovation"],
  partnership: ["economic", "social", "project_making"],
  outsourcing_contract: ["economic"],
  hosting: ["economic"],
};

function generate(name: string, kind: "prefecture" | "designated_city"): TAssessmentProfile {
  const offices: NonNullable<TAssessmentProfile["offices"]> = [];
  for (let i = 0, n = int(1, 5); i < n; i++) {
    const opened = int(1965, 2020);
    const model = opened < 2000 ? pick(["independent", "independent", "joint_municipal"] as const) : pick(["independent", "outsourced", "joint_industry_academia", "hosted", "joint_municipal"] as const);
    const closed = rand() < 0.3 ? month(int(opened + 2, 2024)) : null;
    offices.push({
      city: pick(OFFICE_CITIES),
      operationalModel: model,
      ...(model === "hosted" ? { hostedBy: pick(["clair", "jetro", "host_government"] as const), functions: [pick(["economic_exchange_business_support", "educational_cultural_exchange"] as const)] } : {}),
      opened: month(opened),
      closed,
      managementShare: model === "independent" ? Math.round(rand() * 50) / 100 : null,
    });
  }
  const ties: NonNullable<TAssessmentProfile["ties"]> = [];
  for (let i = 0, n = int(15, 45); i < n; i++) {
    const since = int(1955, 2023);
    const kind = since < 1995 ? pick(["sister_city", "friendship", "sister_city"] as const) : pick(["business_partner", "purpose_specific", "network_membership", "mou", "partnership", "outsourcing_contract", "hosting", "friendship"] as const);
    const purposes = PURPOSES_BY_KIND[kind]!.filter(() => rand() < 0.5);
    ties.push({ kind, partner: kind === "network_membership" ? pick(NETWORKS) : pick(FOREIGN), purposes, since: String(since), until: rand() < 0.15 ? String(int(since + 1, 2025)) : null });
  }
  const initiatives: NonNullable<TAssessmentProfile["initiatives"]> = [];
  for (let i = 0, n = int(6, 20); i < n; i++) {
    const since = int(1990, 2023);
    const partners = Array.from({ length: int(0, 3) }, () => ({ name: pick(["regional bank", "JETRO", "university", "travel agency", "consultancy"]), role: pick(["partner", "contractor"] as const) }));
    initiatives.push({ name: `Initiative ${i + 1}`, purposes: [pick(["economic", "cultural", "innovation", "project_making", "social"] as const)], partners, since: month(since), until: rand() < 0.4 ? month(int(since + 1, 2025)) : null });
  }
  const kpis: NonNullable<TAssessmentProfile["kpis"]> = [];
  for (let i = 0, n = int(5, 15); i < n; i++) {
    kpis.push({ name: `KPI ${i + 1}`, level: pick(["input", "activity", "output", "output", "outcome", "impact"] as const), horizon: pick(["short", "short", "long"] as const), since: String(int(2005, 2024)) });
  }
  const administrations: NonNullable<TAssessmentProfile["administrations"]> = [];
  for (let y = int(1975, 1995), k = 1; y < 2024; k++) {
    const term = 4 * int(1, 3);
    administrations.push({ leader: `Leader ${k}`, from: month(y), until: y + term < 2025 ? month(y + term) : null });
    y += term;
  }
  const people = Array.from({ length: int(3, 10) }, (_, i) => ({ ref: `staff-${i}`, overseasPostings: int(0, 3), currentPostInternational: rand() < 0.6, since: String(int(2015, 2024)) }));
  return parseAssessmentProfile({ actor: { name, kind }, offices, ties, initiatives, kpis, administrations, people });
}

// ---- baseline B: the naive engine --------------------------------------------------------------------
type Rec = { start?: string | null; end?: string | null; value: string; ref: string; vars: Record<string, string | undefined>; partners?: string[] };

function naiveRecords(p: TAssessmentProfile, source: keyof typeof RULE_SOURCES): Rec[] {
  switch (source) {
    case "office":
      return (p.offices ?? []).map((o, i) => ({ start: o.opened, end: o.closed, value: o.operationalModel, ref: `offices[${i}]`, vars: { city: o.city, name: o.name ?? o.city, operationalModel: o.operationalModel, hostedBy: o.hostedBy } }));
    case "tie":
      return (p.ties ?? []).map((t, i) => ({ start: t.since, end: t.until, value: t.kind, ref: `ties[${i}]`, vars: { partner: t.partner, kind: t.kind } }));
    case "tie_purpose":
      return (p.ties ?? []).flatMap((t, i) => (t.purposes ?? []).map((purpose, j) => ({ start: t.since, end: t.until, value: purpose, ref: `ties[${i}].purposes[${j}]`, vars: { partner: t.partner, kind: t.kind, purpose } })));
    case "initiative_purpose":
      return (p.initiatives ?? []).flatMap((n, i) => (n.purposes ?? []).map((purpose, j) => ({ start: n.since, end: n.until, value: purpose, ref: `initiatives[${i}].purposes[${j}]`, vars: { name: n.name, purpose } })));
    case "initiative_partners":
      return (p.initiatives ?? []).map((n, i) => {
        const mix = partnerMixOf(n.partners);
        return { start: n.since, end: n.until, value: mix, ref: `initiatives[${i}].partners`, vars: { name: n.name, partnerMix: mix }, partners: (n.partners ?? []).map((x) => x.name) };
      });
    case "kpi":
      return (p.kpis ?? []).map((k, i) => ({ start: k.since, end: k.until, value: k.level, ref: `kpis[${i}]`, vars: { name: k.name, level: k.level, horizon: k.horizon } }));
  }
}

/** B's recommendations use the library on a profile prepared once, so B's extra cost is its dimension verdicts. */
const preparedForRecommendations = new WeakMap<TAssessmentProfile, ReturnType<typeof prepareProfile>>();

function naiveAssess(original: TAssessmentProfile, model: TGovernanceModel, asOf: string): TAssessment {
  const profile = JSON.parse(JSON.stringify(original)) as TAssessmentProfile;
  const day = parsePartialDate(asOf)!;
  const active = (r: Rec) => (!r.start || parsePartialDate(r.start)! <= day) && (!r.end || parsePartialDate(r.end)! > day);
  const label = (name: string, value: string | undefined, lang: "ja" | "en") =>
    value === undefined ? undefined : ((model.labels as Record<string, Record<string, { ja: string; en: string }>>)[name]?.[value]?.[lang] ?? value);
  const dimensions = {} as TAssessment["dimensions"];
  const votes = [0, 0, 0];
  for (const dim of GOVERNANCE_DIMENSIONS) {
    const evidence: TEvidence[] = [];
    for (const source of Object.keys(RULE_SOURCES) as (keyof typeof RULE_SOURCES)[]) {
      for (const r of naiveRecords(profile, source).filter(active)) {
        const rule = model.rules.find((x) => x.dimension === dim && x.source === source && ((x.when as Record<string, string[]>)[RULE_SOURCES[source].field] ?? []).includes(r.value));
        if (!rule) continue;
        const text = (lang: "ja" | "en") => {
          const vars: Record<string, string | undefined> = { stage: model.stages[rule.stage].name[lang] };
          for (const [k, v] of Object.entries(r.vars)) vars[k] = label(k, v, lang) ?? v;
          if (r.partners) vars.partners = r.partners.join(lang === "ja" ? "、" : ", ");
          return fillTemplate(rule.why[lang], vars);
        };
        evidence.push({ ref: r.ref, stage: rule.stage, rule: rule.id, why: { ja: text("ja"), en: text("en") } });
      }
    }
    const counts = GOVERNANCE_STAGES.map((s) => evidence.filter((e) => e.stage === s).length);
    const total = evidence.length;
    let best = 0;
    counts.forEach((c, i) => (c > counts[best]! ? (best = i) : 0));
    const stage: GovernanceStage | null = total === 0 ? null : GOVERNANCE_STAGES[best]!;
    if (total > 0) votes[best]!++;
    dimensions[dim] = { stage, shares: Object.fromEntries(GOVERNANCE_STAGES.map((s, i) => [s, total === 0 ? 0 : counts[i]! / total])) as Record<GovernanceStage, number>, evidence };
  }
  let best = 0;
  votes.forEach((c, i) => (c > votes[best]! ? (best = i) : 0));
  let prepared = preparedForRecommendations.get(original);
  if (!prepared) preparedForRecommendations.set(original, (prepared = prepareProfile(original, compileModel(model))));
  return { modelVersion: model.version, asOf: formatDay(day), stage: votes.some((v) => v > 0) ? GOVERNANCE_STAGES[best]! : null, dimensions, recommendations: recommend(prepared, day) };
}

// ---- measurement -------------------------------------------------------------------------------------
function time(fn: () => void, repeats: number): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

const model = await loadGovernanceModel();
const profiles = [...PREFECTURES.map((n) => generate(n, "prefecture")), ...CITIES.map((n) => generate(n, "designated_city"))];
const years = (p: TAssessmentProfile) => assessTimeline(p, model, { to: TO_YEAR }).points.map((x) => x.asOf);
const records = profiles.reduce((s, p) => s + (p.offices?.length ?? 0) + (p.ties?.length ?? 0) + (p.initiatives?.length ?? 0) + (p.kpis?.length ?? 0) + (p.administrations?.length ?? 0) + (p.people?.length ?? 0), 0);
const points = profiles.reduce((s, p) => s + years(p).length, 0);

// The engine and both baselines must agree before their times mean anything.
for (const p of profiles) {
  const t = assessTimeline(p, model, { to: TO_YEAR });
  for (const point of t.points.filter((_, i) => i % 7 === 0)) {
    const a = assess(p, model, { asOf: point.asOf });
    const b = naiveAssess(p, model, point.asOf);
    if (!isDeepStrictEqual(point.assessment, a) || !isDeepStrictEqual(point.assessment, b)) {
      throw new Error(`${p.actor.name} ${point.asOf}: engine and baseline disagree\n${JSON.stringify(point.assessment).slice(0, 3000)}\n${JSON.stringify(b).slice(0, 3000)}`);
    }
  }
}

const engine = time(() => {
  for (const p of profiles) {
    assess(p, model, { asOf: AS_OF });
    assessTimeline(p, model, { to: TO_YEAR });
  }
}, 15);
const current = time(() => {
  for (const p of profiles) assess(p, model, { asOf: AS_OF });
}, 15);
const baselineA = time(() => {
  for (const p of profiles) {
    assess(p, model, { asOf: AS_OF });
    for (const d of years(p)) assess(p, model, { asOf: d });
  }
}, 3);
const baselineB = time(() => {
  for (const p of profiles) {
    naiveAssess(p, model, AS_OF);
    for (const d of years(p)) naiveAssess(p, model, d);
  }
}, 3);

const f = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`profiles: ${profiles.length} (47 prefectures + 20 designated cities), records: ${records}, timeline points: ${points} (to ${TO_YEAR}; 31 Dec of each year)`);
console.log(`current assessment of all 67 (asOf ${AS_OF}):      ${f(current)}`);
console.log(`engine: current + timelines, all 67:            ${f(engine)}`);
console.log(`baseline A: assess() once per year:             ${f(baselineA)}   ratio ${(baselineA / engine).toFixed(1)}×`);
console.log(`baseline B: naive per-dimension re-filtering:   ${f(baselineB)}   ratio ${(baselineB / engine).toFixed(1)}×`);
console.log("(medians of repeated runs after a warm-up; outputs of engine, A and B checked equal on every 7th timeline point)");
