/**
 * @module governance/model
 * The governance model file (Table 3 as data, the rules that place records on it, recommendation texts)
 * as a zod schema, plus the checks zod cannot express — unique rule ids, no two rules of one dimension
 * claiming the same value, placeholders that exist — and a compiled lookup form the assessment uses.
 * Pure: reading the file lives in `model-file.ts`.
 */
import { z } from "zod";
import {
  GOVERNANCE_DIMENSIONS,
  GOVERNANCE_STAGES,
  KPI_HORIZONS,
  LOGIC_MODEL_LEVELS,
  OFFICE_FUNCTIONS,
  OFFICE_MODELS,
  TIE_KINDS,
  TIE_PURPOSES,
  type GovernanceDimension,
  type GovernanceStage,
} from "../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../core/errors.ts";
import { ZBilingual } from "./profile.schema.ts";
import { OFFICE_HOSTS, PARTNER_MIXES, RECOMMENDATION_AREAS, RECOMMENDATION_CODES } from "./vocabulary.ts";

/**
 * What a rule can look at: each source is one kind of record, with the one field its `when` tests and the
 * placeholders its `why` template may use.
 */
export const RULE_SOURCES = {
  office: { field: "operationalModel", values: OFFICE_MODELS, vars: ["city", "name", "operationalModel", "hostedBy"] },
  tie: { field: "kind", values: TIE_KINDS, vars: ["partner", "kind"] },
  tie_purpose: { field: "purpose", values: TIE_PURPOSES, vars: ["partner", "kind", "purpose"] },
  initiative_purpose: { field: "purpose", values: TIE_PURPOSES, vars: ["name", "purpose"] },
  initiative_partners: { field: "partnerMix", values: PARTNER_MIXES, vars: ["name", "partners", "partnerMix"] },
  kpi: { field: "level", values: LOGIC_MODEL_LEVELS, vars: ["name", "level", "horizon"] },
} as const;
export type RuleSource = keyof typeof RULE_SOURCES;
export const RULE_SOURCE_NAMES = Object.keys(RULE_SOURCES) as RuleSource[];

/** Placeholders every template may use, besides its source's own. */
const COMMON_VARS = ["stage"];
const RECOMMENDATION_VARS = ["count", "threshold", "months"];

const ZStage = z.enum(GOVERNANCE_STAGES);
const ruleBase = {
  id: z.string().regex(/^[a-z0-9_.-]+$/, "use lower-case letters, digits, '_', '.' or '-'"),
  dimension: z.enum(GOVERNANCE_DIMENSIONS),
  stage: ZStage,
  why: ZBilingual.describe("Evidence text; {placeholders} are filled from the record"),
};
const values = <T extends readonly [string, ...string[]]>(v: T) => z.array(z.enum(v)).min(1);

export const ZModelRule = z.discriminatedUnion("source", [
  z.strictObject({ ...ruleBase, source: z.literal("office"), when: z.strictObject({ operationalModel: values(OFFICE_MODELS) }) }),
  z.strictObject({ ...ruleBase, source: z.literal("tie"), when: z.strictObject({ kind: values(TIE_KINDS) }) }),
  z.strictObject({ ...ruleBase, source: z.literal("tie_purpose"), when: z.strictObject({ purpose: values(TIE_PURPOSES) }) }),
  z.strictObject({
    ...ruleBase,
    source: z.literal("initiative_purpose"),
    when: z.strictObject({ purpose: values(TIE_PURPOSES) }),
  }),
  z.strictObject({
    ...ruleBase,
    source: z.literal("initiative_partners"),
    when: z.strictObject({ partnerMix: values(PARTNER_MIXES) }),
  }),
  z.strictObject({ ...ruleBase, source: z.literal("kpi"), when: z.strictObject({ level: values(LOGIC_MODEL_LEVELS) }) }),
]);
export type TModelRule = z.infer<typeof ZModelRule>;

const labels = <T extends readonly [string, ...string[]]>(v: T) => z.record(z.enum(v), ZBilingual);

const modelShape = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "expected a semantic version such as 1.0.0"),
  title: ZBilingual,
  source: z.strictObject({
    citation: z.string().min(1),
    doi: z.string().min(1),
    table: z.string().min(1),
    note: z.string().optional(),
  }),
  stages: z.record(ZStage, z.strictObject({ name: ZBilingual, short: ZBilingual })),
  dimensions: z.record(
    z.enum(GOVERNANCE_DIMENSIONS),
    z.strictObject({ name: ZBilingual, cells: z.record(ZStage, ZBilingual).describe("Table 3's cell per stage") }),
  ),
  labels: z.strictObject({
    operationalModel: labels(OFFICE_MODELS),
    kind: labels(TIE_KINDS),
    purpose: labels(TIE_PURPOSES),
    partnerMix: labels(PARTNER_MIXES),
    level: labels(LOGIC_MODEL_LEVELS),
    horizon: labels(KPI_HORIZONS),
    hostedBy: labels(OFFICE_HOSTS),
    function: labels(OFFICE_FUNCTIONS),
    area: labels(RECOMMENDATION_AREAS),
  }),
  rules: z.array(ZModelRule).min(1),
  thresholds: z.strictObject({
    managementShare: z.number().min(0).max(1).describe("consider_shared_office_model: share of time on office management"),
    leaderChangeWindowMonths: z.number().int().min(1).describe("discontinued_after_leader_change: months after a new leader"),
  }),
  hostScopes: z
    .partialRecord(z.enum(OFFICE_HOSTS), z.array(z.enum(OFFICE_FUNCTIONS)).min(1))
    .describe("Office functions a host organisation's purpose covers; hosts not listed are not checked"),
  recommendations: z.record(
    z.enum(RECOMMENDATION_CODES),
    z.strictObject({ area: z.enum(RECOMMENDATION_AREAS), text: ZBilingual }),
  ),
});

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
}

function checkTemplate(ctx: z.RefinementCtx, text: { ja: string; en: string }, allowed: readonly string[], path: (string | number)[]): void {
  for (const lang of ["ja", "en"] as const) {
    for (const name of placeholders(text[lang])) {
      if (!allowed.includes(name)) {
        ctx.addIssue({ code: "custom", path: [...path, lang], message: `unknown placeholder {${name}}; allowed: ${allowed.map((a) => `{${a}}`).join(", ")}` });
      }
    }
  }
}

export const ZGovernanceModel = modelShape.superRefine((m, ctx) => {
  const ids = new Map<string, number>();
  const claimed = new Map<string, number>();
  m.rules.forEach((rule, i) => {
    const first = ids.get(rule.id);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id (also rules[${first}])` });
    else ids.set(rule.id, i);
    const source = RULE_SOURCES[rule.source];
    const when = rule.when as Record<string, readonly string[]>;
    for (const value of when[source.field] ?? []) {
      const key = `${rule.dimension}|${rule.source}|${value}`;
      const other = claimed.get(key);
      if (other !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "when", source.field],
          message: `${rule.source} ${source.field}=${value} is already placed on ${rule.dimension} by rules[${other}]`,
        });
      } else claimed.set(key, i);
    }
    checkTemplate(ctx, rule.why, [...source.vars, ...COMMON_VARS], ["rules", i, "why"]);
  });
  for (const code of RECOMMENDATION_CODES) {
    const rec = m.recommendations[code];
    if (rec) checkTemplate(ctx, rec.text, RECOMMENDATION_VARS, ["recommendations", code, "text"]);
  }
});
export type TGovernanceModel = z.infer<typeof ZGovernanceModel>;

/** Validates a parsed model file, or throws `AppError("validation_failed")` naming every bad field. */
export function parseGovernanceModel(input: unknown, what = "governance model"): TGovernanceModel {
  const result = ZGovernanceModel.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error);
    throw new AppError("validation_failed", `${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}

export interface CompiledRule {
  id: string;
  dimension: GovernanceDimension;
  dimensionIndex: number;
  stage: GovernanceStage;
  /** The `why` templates split at placeholders: even indices are text, odd ones placeholder names. */
  whyParts: { ja: string[]; en: string[] };
}

/** The model with its rules indexed by source and value, so placing a record is one map lookup. */
export interface CompiledModel {
  model: TGovernanceModel;
  bySource: Record<RuleSource, Map<string, CompiledRule[]>>;
}

const compiled = new WeakMap<TGovernanceModel, CompiledModel>();

export function compileModel(model: TGovernanceModel): CompiledModel {
  const cached = compiled.get(model);
  if (cached) return cached;
  const bySource = Object.fromEntries(RULE_SOURCE_NAMES.map((s) => [s, new Map<string, CompiledRule[]>()])) as CompiledModel["bySource"];
  for (const rule of model.rules) {
    const field = RULE_SOURCES[rule.source].field;
    const entry: CompiledRule = {
      id: rule.id,
      dimension: rule.dimension,
      dimensionIndex: GOVERNANCE_DIMENSIONS.indexOf(rule.dimension),
      stage: rule.stage,
      whyParts: { ja: splitTemplate(rule.why.ja), en: splitTemplate(rule.why.en) },
    };
    for (const value of (rule.when as Record<string, readonly string[]>)[field] ?? []) {
      const list = bySource[rule.source].get(value) ?? [];
      list.push(entry);
      list.sort((a, b) => a.dimensionIndex - b.dimensionIndex);
      bySource[rule.source].set(value, list);
    }
  }
  const result = { model, bySource };
  compiled.set(model, result);
  return result;
}

/** Splits a template at its `{name}` placeholders: text, name, text, …, text. */
export function splitTemplate(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

/** Renders a split template, asking `value` for each placeholder. */
export function renderParts(parts: readonly string[], value: (name: string) => string): string {
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) out += value(parts[i] ?? "") + (parts[i + 1] ?? "");
  return out;
}

/** Fills `{name}` placeholders; a missing value renders as an empty string. */
export function fillTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? "");
}
