/**
 * @module governance/prepare
 * Turns a profile into what the assessment needs once per profile, whatever the date: every evidence item
 * the model's rules produce (text rendered, dates parsed to day numbers), and the dated facts the
 * recommendations look at. Assessing at many dates (a timeline) then only filters by date.
 */
import { GOVERNANCE_STAGES, type KpiHorizon, type LogicModelLevel, type OfficeFunction, type OfficeModel } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { parsePartialDate, yearOf, type DayNumber } from "./dates.ts";
import { renderParts, type CompiledModel, type RuleSource } from "./model.ts";
import type { TAssessmentProfile, TEvidence } from "./profile.schema.ts";
import type { OfficeHost, PartnerMix } from "./vocabulary.ts";

export interface DatedEvidence {
  start: DayNumber | null;
  end: DayNumber | null;
  dimensionIndex: number;
  stageIndex: number;
  item: TEvidence;
}

interface Dated {
  index: number;
  start: DayNumber | null;
  end: DayNumber | null;
}

export interface PreparedOffice extends Dated {
  model: OfficeModel;
  managementShare: number | null;
  hostedBy: OfficeHost | null;
  functions: readonly OfficeFunction[];
}
export interface PreparedKpi extends Dated {
  level: LogicModelLevel;
  horizon: KpiHorizon | null;
}
export interface PreparedPerson {
  index: number;
  since: DayNumber | null;
  overseasPostings: number;
  currentPostInternational: boolean;
}

export interface PreparedProfile {
  compiled: CompiledModel;
  evidence: DatedEvidence[];
  offices: PreparedOffice[];
  kpis: PreparedKpi[];
  initiatives: Dated[];
  /** Administrations in order of their start (the first is the earliest recorded). */
  administrations: { index: number; start: DayNumber }[];
  people: PreparedPerson[];
  /** Year of the earliest date anywhere in the profile; null when nothing is dated. */
  earliestYear: number | null;
}

type Vars = Record<string, string | undefined>;

export function partnerMixOf(partners: readonly { role: string }[] | undefined): PartnerMix {
  if (!partners || partners.length === 0) return "none";
  return partners.every((p) => p.role === "contractor") ? "contractors_only" : "includes_partner";
}

/** Builds the evidence and dated facts of a (validated) profile under a compiled model. */
export function prepareProfile(profile: TAssessmentProfile, compiled: CompiledModel): PreparedProfile {
  const { model } = compiled;
  const evidence: DatedEvidence[] = [];
  let earliest: DayNumber | null = null;

  const day = (text: string | null | undefined, path: string): DayNumber | null => {
    if (text === null || text === undefined) return null;
    const d = parsePartialDate(text);
    if (d === null) {
      throw new AppError("validation_failed", `${path}: expected a real date as YYYY, YYYY-MM or YYYY-MM-DD`, [
        { path, message: "expected a real date as YYYY, YYYY-MM or YYYY-MM-DD", value: text },
      ]);
    }
    if (earliest === null || d < earliest) earliest = d;
    return d;
  };

  const labelSets = model.labels as Record<string, Record<string, { ja: string; en: string }> | undefined>;

  const place = (source: RuleSource, value: string, ref: string, start: DayNumber | null, end: DayNumber | null, vars: Vars, partnerNames?: string[]): void => {
    const rules = compiled.bySource[source].get(value);
    if (!rules) return;
    // Placeholders naming a labelled vocabulary (kind, purpose, …) render as that value's label.
    const resolver = (lang: "ja" | "en", stageName: string) => (name: string): string => {
      if (name === "stage") return stageName;
      if (name === "partners") return (partnerNames ?? []).join(lang === "ja" ? "、" : ", ");
      const raw = vars[name];
      if (raw === undefined) return "";
      return labelSets[name]?.[raw]?.[lang] ?? raw;
    };
    for (const rule of rules) {
      const stageName = model.stages[rule.stage].name;
      evidence.push({
        start,
        end,
        dimensionIndex: rule.dimensionIndex,
        stageIndex: GOVERNANCE_STAGES.indexOf(rule.stage),
        item: {
          ref,
          stage: rule.stage,
          rule: rule.id,
          why: {
            ja: renderParts(rule.whyParts.ja, resolver("ja", stageName.ja)),
            en: renderParts(rule.whyParts.en, resolver("en", stageName.en)),
          },
        },
      });
    }
  };

  const offices: PreparedOffice[] = [];
  (profile.offices ?? []).forEach((o, i) => {
    const ref = `offices[${i}]`;
    const start = day(o.opened, `${ref}.opened`);
    const end = day(o.closed, `${ref}.closed`);
    place("office", o.operationalModel, ref, start, end, {
      city: o.city,
      name: o.name ?? o.city,
      operationalModel: o.operationalModel,
      hostedBy: o.hostedBy,
    });
    offices.push({
      index: i,
      start,
      end,
      model: o.operationalModel,
      managementShare: o.managementShare ?? null,
      hostedBy: o.hostedBy ?? null,
      functions: o.functions ?? [],
    });
  });

  (profile.ties ?? []).forEach((t, i) => {
    const ref = `ties[${i}]`;
    const start = day(t.since, `${ref}.since`);
    const end = day(t.until, `${ref}.until`);
    const vars = { partner: t.partner, kind: t.kind };
    place("tie", t.kind, ref, start, end, vars);
    (t.purposes ?? []).forEach((purpose, j) => place("tie_purpose", purpose, `${ref}.purposes[${j}]`, start, end, { ...vars, purpose }));
  });

  const initiatives: Dated[] = [];
  (profile.initiatives ?? []).forEach((n, i) => {
    const ref = `initiatives[${i}]`;
    const start = day(n.since, `${ref}.since`);
    const end = day(n.until, `${ref}.until`);
    (n.purposes ?? []).forEach((purpose, j) => place("initiative_purpose", purpose, `${ref}.purposes[${j}]`, start, end, { name: n.name, purpose }));
    const mix = partnerMixOf(n.partners);
    place("initiative_partners", mix, `${ref}.partners`, start, end, { name: n.name, partnerMix: mix }, (n.partners ?? []).map((p) => p.name));
    initiatives.push({ index: i, start, end });
  });

  const kpis: PreparedKpi[] = [];
  (profile.kpis ?? []).forEach((k, i) => {
    const ref = `kpis[${i}]`;
    const start = day(k.since, `${ref}.since`);
    const end = day(k.until, `${ref}.until`);
    place("kpi", k.level, ref, start, end, { name: k.name, level: k.level, horizon: k.horizon });
    kpis.push({ index: i, start, end, level: k.level, horizon: k.horizon ?? null });
  });

  const administrations = (profile.administrations ?? [])
    .map((a, i) => {
      const start = day(a.from, `administrations[${i}].from`) as DayNumber;
      day(a.until, `administrations[${i}].until`);
      return { index: i, start };
    })
    .sort((a, b) => a.start - b.start || a.index - b.index);

  const people = (profile.people ?? []).map((p, i) => ({
    index: i,
    since: day(p.since, `people[${i}].since`),
    overseasPostings: p.overseasPostings,
    currentPostInternational: p.currentPostInternational,
  }));

  const first = earliest as DayNumber | null;
  return {
    compiled,
    evidence,
    offices,
    kpis,
    initiatives,
    administrations,
    people,
    earliestYear: first === null ? null : yearOf(first),
  };
}
