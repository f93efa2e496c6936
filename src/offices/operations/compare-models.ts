/**
 * @module offices/operations/compare-models
 * The what-if comparison of the five operating models for one office: for each model the annual cost by
 * component, the management hours and share, which of the office's functions and duties it can serve, and the
 * risks the paper names — every figure traced to the assumption it came from. Formulas are in docs/offices.md.
 * Pure: the office, the assumptions and any overrides come in as values.
 */
import { OFFICE_MODELS } from "../../core/domain.ts";
import type { Bilingual, FocusArea, OfficeDuty, OfficeFunction, OfficeModel } from "../../core/domain.ts";
import { DEFAULT_ASSUMPTIONS, leafPaths, originOf, resolveAssumptions, sourceOf, valueAt } from "./assumptions.ts";
import type { Assumptions, Fact, ModelAssumptions, Origin, Risk, SourceBasis } from "./assumptions.ts";
import { computedRisks } from "./model-risks.ts";
import { COST_COMPONENTS, OFFICE_MODEL_LABELS, WORK_CATEGORIES } from "./labels.ts";
import type { CostComponent, HostKind, JointPartnerKind, WorkCategory } from "./labels.ts";
import { officeLayer, parseOfficeInput } from "./office-input.ts";
import type { OfficeComparisonInput } from "./office-input.ts";

export interface AssumptionUsed {
  path: string;
  value: unknown;
  basis: SourceBasis | "unsourced";
  origin: Origin;
  facts: string[];
  note?: Bilingual;
}

export interface ModelResult {
  model: OfficeModel;
  label: Bilingual;
  current: boolean;
  annualCostJpy: number;
  costBreakdown: Record<CostComponent, number>;
  /** annualCostJpy minus the current model's. */
  costDeltaVsCurrentJpy: number;
  /** Hours a year, one decimal. */
  managementHours: number;
  managementShare: number;
  workHoursServed: number;
  workHoursNotServed: number;
  functionsServed: WorkCategory[];
  functionsNotServed: WorkCategory[];
  staffing: { dispatched: number; local: number; requiredHours: number; capacityHours: number | null };
  host?: HostKind;
  partnerKind?: JointPartnerKind;
  risks: Risk[];
  assumptionsUsed: AssumptionUsed[];
}

export interface ModelComparison {
  office: {
    id: string;
    name?: { ja?: string; en?: string };
    country: string;
    city: string;
    currentModel: OfficeModel;
    functions: OfficeFunction[];
    duties: OfficeDuty[];
    focusAreas: FocusArea[];
    workHours: number;
    staff: { dispatched: number; local: number };
  };
  /** Title of the assumptions set used. */
  assumptionsTitle: Bilingual;
  benchmark: number;
  annualHoursPerPerson: number;
  models: ModelResult[];
  /** Dotted paths the caller's what-if changed. */
  overrides: string[];
  /** The facts the assumptions used rest on, with their sources. */
  facts: Fact[];
}

/** Heading for the comparison in both languages. */
export const COMPARISON_TITLE: Bilingual = { ja: "海外事務所の運営形態の比較", en: "Comparison of overseas-office operating models" };

export interface CompareOptions {
  /** Base assumptions; the shipped file by default. */
  assumptions?: Assumptions;
  /** What-if: any subset of the assumptions, merged over the base and the office's arrangement. */
  overrides?: unknown;
}

function resolveScope(a: Assumptions, m: ModelAssumptions): readonly WorkCategory[] {
  const scope = m.scope === "host" ? a.hosts[m.host ?? "jetro"].scope : m.scope;
  return scope === "all" ? WORK_CATEGORIES : scope;
}

function staffCount(setting: "office" | number, own: number): number {
  return setting === "office" ? own : setting;
}

function usedPaths(a: Assumptions, model: OfficeModel): string[] {
  const m = a.models[model];
  const paths = ["managementShareBenchmark", "annualHoursPerPerson"];
  const { risks: _r, partnerRisks: _p, ...rest } = m;
  paths.push(...leafPaths(rest, `models.${model}`));
  if (model === "hosted" && m.host) paths.push(...leafPaths(a.hosts[m.host], `hosts.${m.host}`));
  return paths;
}

function evaluate(
  office: OfficeComparisonInput,
  a: Assumptions,
  origins: Map<string, Origin>,
  model: OfficeModel,
): Omit<ModelResult, "costDeltaVsCurrentJpy"> {
  const m = a.models[model];
  const dispatched = staffCount(m.dispatchedStaff, office.staff.dispatched);
  const local = staffCount(m.localStaff, office.staff.local);
  const scope = resolveScope(a, m);

  const needed = WORK_CATEGORIES.filter(
    (c) =>
      (office.functions as readonly string[]).includes(c) ||
      (office.duties as readonly string[] | undefined)?.includes(c) ||
      (office.workloadHours[c] ?? 0) > 0,
  );
  const functionsServed = needed.filter((c) => scope.includes(c));
  const functionsNotServed = needed.filter((c) => !scope.includes(c));
  const hoursOf = (cs: readonly WorkCategory[]) => cs.reduce((s, c) => s + (office.workloadHours[c] ?? 0), 0);
  const workHoursServed = hoursOf(functionsServed);
  const workHoursNotServed = hoursOf(functionsNotServed);

  const shareOfShared = m.costShare ?? 1 / m.members;
  const exact: Record<CostComponent, number> = Object.fromEntries(COST_COMPONENTS.map((c) => [c, 0])) as Record<CostComponent, number>;
  for (const c of COST_COMPONENTS) {
    const rule = m.costs[c];
    if (!rule) continue;
    const units = { office: 1, dispatched_staff: dispatched, local_staff: local, workload_hour: workHoursServed }[rule.per];
    exact[c] += rule.jpy * units * (rule.shared ? shareOfShared : 1);
  }
  if (model === "hosted" && m.host) exact.host_or_membership_fees += a.hosts[m.host].annualFeeJpy;
  const costBreakdown = Object.fromEntries(COST_COMPONENTS.map((c) => [c, Math.round(exact[c])])) as Record<CostComponent, number>;
  const annualCostJpy = COST_COMPONENTS.reduce((s, c) => s + costBreakdown[c], 0);

  // Management is share s of all hours (work served + management): M = W·s/(1−s), plus coordination hours.
  const s = m.managementShare;
  const managementExact = (workHoursServed * s) / (1 - s) + m.coordinationHours;
  const requiredHours = workHoursServed + managementExact;
  const managementShare = m.coordinationHours === 0 ? (workHoursServed > 0 ? s : 0) : requiredHours > 0 ? managementExact / requiredHours : 0;
  const fixedStaff = typeof m.dispatchedStaff === "number" && typeof m.localStaff === "number";
  const capacityHours = fixedStaff && dispatched + local > 0 ? (dispatched + local) * a.annualHoursPerPerson : null;

  const risks: Risk[] = [...m.risks];
  if (model === "joint_industry_academia" && m.partnerKind) risks.push(...(m.partnerRisks?.[m.partnerKind] ?? []));
  risks.push(
    ...computedRisks({
      managementShare,
      benchmark: a.managementShareBenchmark,
      functionsNotServed,
      workHoursNotServed,
      requiredHours,
      capacityHours,
      people: dispatched + local,
      host: model === "hosted" ? m.host : undefined,
      hostCountries: model === "hosted" && m.host ? a.hosts[m.host].countries : null,
      country: office.country,
    }),
  );

  const assumptionsUsed = usedPaths(a, model).map((path) => {
    const src = sourceOf(a, path);
    return {
      path,
      value: valueAt(a, path),
      basis: src?.basis ?? ("unsourced" as const),
      origin: originOf(origins, path),
      facts: src?.facts ?? [],
      ...(src?.note ? { note: src.note } : {}),
    };
  });

  return {
    model,
    label: OFFICE_MODEL_LABELS[model],
    current: office.currentModel === model,
    annualCostJpy,
    costBreakdown,
    managementHours: Math.round(managementExact * 10) / 10,
    managementShare,
    workHoursServed,
    workHoursNotServed,
    functionsServed,
    functionsNotServed,
    staffing: { dispatched, local, requiredHours: Math.round(requiredHours * 10) / 10, capacityHours },
    ...(model === "hosted" && m.host ? { host: m.host } : {}),
    ...(model === "joint_industry_academia" && m.partnerKind ? { partnerKind: m.partnerKind } : {}),
    risks,
    assumptionsUsed,
  };
}

/**
 * Compares the five operating models for an office. The assumptions are the shipped file (or
 * `options.assumptions`), then the office's own arrangement (host, joint members, partner, contract scope),
 * then `options.overrides`; the result is validated, and every value used is reported with its origin and
 * source. Throws a validation error naming the field for a bad office or override.
 */
export function compareModels(officeInput: unknown, options: CompareOptions = {}): ModelComparison {
  const office = parseOfficeInput(officeInput);
  const { assumptions: a, origins } = resolveAssumptions(options.assumptions ?? DEFAULT_ASSUMPTIONS, {
    office: officeLayer(office),
    override: options.overrides,
  });
  const evaluated = OFFICE_MODELS.map((model) => evaluate(office, a, origins, model));
  const currentCost = evaluated.find((r) => r.current)?.annualCostJpy ?? 0;
  const models = evaluated.map((r) => ({ ...r, costDeltaVsCurrentJpy: r.annualCostJpy - currentCost }));

  const factIds = new Set<string>();
  for (const r of models) {
    for (const u of r.assumptionsUsed) for (const f of u.facts) factIds.add(f);
    for (const f of sourceOf(a, `models.${r.model}.risks`)?.facts ?? []) factIds.add(f);
    if (r.partnerKind) for (const f of sourceOf(a, `models.${r.model}.partnerRisks`)?.facts ?? []) factIds.add(f);
  }

  return {
    office: {
      id: office.id,
      ...(office.name ? { name: office.name } : {}),
      country: office.country,
      city: office.city,
      currentModel: office.currentModel,
      functions: office.functions,
      duties: office.duties ?? [],
      focusAreas: office.focusAreas ?? [],
      workHours: WORK_CATEGORIES.reduce((s, c) => s + (office.workloadHours[c] ?? 0), 0),
      staff: office.staff,
    },
    assumptionsTitle: a.title,
    benchmark: a.managementShareBenchmark,
    annualHoursPerPerson: a.annualHoursPerPerson,
    models,
    overrides: [...origins].filter(([, o]) => o === "override").map(([p]) => p),
    facts: a.facts.filter((f) => factIds.has(f.id)),
  };
}
