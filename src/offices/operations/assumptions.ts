/**
 * @module offices/operations/assumptions
 * The editable assumptions behind the operating-model comparison (`data/office-model-assumptions.v1.json`):
 * their schema, the shipped defaults, what-if overrides merged on top, and the provenance of every value —
 * which fact or estimate it rests on, and whether it came from the file, the office's own arrangement or an
 * override. Pure: the shipped file is bundled as a JSON module, not read at run time.
 */
import { z } from "zod";
import { OFFICE_MODELS } from "../../core/domain.ts";
import type { OfficeModel } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import shipped from "../../../data/office-model-assumptions.v1.json" with { type: "json" };
import { COST_COMPONENTS, HOST_KINDS, JOINT_PARTNER_KINDS, WORK_CATEGORIES } from "./labels.ts";

const ZBilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) }).strict();
const ZYen = z.int({ error: () => "must be a whole number of yen" }).min(0, "must not be negative");

/** What a cost rule's amount is multiplied by. */
export const COST_BASES = ["office", "dispatched_staff", "local_staff", "workload_hour"] as const;
export type CostBasis = (typeof COST_BASES)[number];

export const ZCostRule = z
  .object({
    jpy: ZYen.describe("Annual yen per unit of `per`"),
    per: z.enum(COST_BASES).describe("office: once; dispatched_staff/local_staff: per person; workload_hour: per hour served"),
    shared: z.boolean().optional().describe("Paid jointly: multiplied by the model's cost share (1/members unless costShare)"),
  })
  .strict();
export type CostRule = z.infer<typeof ZCostRule>;

const costRules = Object.fromEntries(COST_COMPONENTS.map((c) => [c, ZCostRule.optional()])) as Record<
  (typeof COST_COMPONENTS)[number],
  z.ZodOptional<typeof ZCostRule>
>;

export const ZRisk = z.object({ code: z.string().min(1), text: ZBilingual }).strict();
export type Risk = z.infer<typeof ZRisk>;

const ZWorkScope = z.union([z.literal("all"), z.array(z.enum(WORK_CATEGORIES)).min(1)]);
const ZStaffing = z.union([z.literal("office"), z.int().min(0)]);

export const ZModelAssumptions = z
  .object({
    managementShare: z
      .number()
      .min(0)
      .max(0.95, "must be below 1 (management cannot take all the time)")
      .describe("Share of staff time spent on office management under this model"),
    coordinationHours: z.number().min(0).describe("Hours a year of coordination with co-owners, counted as management"),
    dispatchedStaff: ZStaffing.describe('"office" = the office\'s own count, or a fixed number (hosted: 1)'),
    localStaff: ZStaffing.describe('"office" = the office\'s own count, or a fixed number'),
    members: z.int().min(1).describe("How many share the costs marked shared"),
    costShare: z.number().gt(0).max(1).optional().describe("This government's share of shared costs; default 1/members"),
    costs: z.object(costRules).strict(),
    scope: z
      .union([ZWorkScope, z.literal("host")])
      .describe('Work the model can serve: "all", a list, or "host" (the host organisation\'s scope)'),
    host: z.enum(HOST_KINDS).optional().describe("Host organisation (hosted model)"),
    partnerKind: z.enum(JOINT_PARTNER_KINDS).optional().describe("Partner (industry–public–academia joint office)"),
    risks: z.array(ZRisk).describe("Risks the paper names for the model"),
    partnerRisks: z
      .object({ regional_bank: z.array(ZRisk).optional(), university: z.array(ZRisk).optional() })
      .strict()
      .optional()
      .describe("Further risks by partner kind"),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.scope === "host" && !m.host) ctx.addIssue({ code: "custom", path: ["host"], message: 'required when scope is "host"' });
  });
export type ModelAssumptions = z.infer<typeof ZModelAssumptions>;

export const ZHostAssumptions = z
  .object({
    annualFeeJpy: ZYen.describe("Annual fee to the host, counted as host_or_membership_fees"),
    scope: ZWorkScope.describe("Work a one-person office in this host can serve"),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"))
      .nullable()
      .describe("Countries the host has an office in or covering; null = not checked"),
  })
  .strict();

/** paper: stated in the paper; public_fact: a public source; estimate: renkei's estimate; interpretation: a
 * reading of the paper; setting: a modelling choice rather than a figure. */
export const SOURCE_BASES = ["paper", "public_fact", "estimate", "interpretation", "setting"] as const;
export type SourceBasis = (typeof SOURCE_BASES)[number];

export const ZFact = z
  .object({ id: z.string().min(1), text: ZBilingual, source: z.string().min(1), date: z.string().optional() })
  .strict();
export type Fact = z.infer<typeof ZFact>;

export const ZSource = z
  .object({ basis: z.enum(SOURCE_BASES), facts: z.array(z.string()).optional(), note: ZBilingual.optional() })
  .strict();
export type Source = z.infer<typeof ZSource>;

export const ZAssumptions = z
  .object({
    version: z.literal(1),
    title: ZBilingual,
    note: ZBilingual.optional(),
    currency: z.literal("JPY"),
    managementShareBenchmark: z.number().gt(0).lt(1),
    annualHoursPerPerson: z.number().positive().max(8784),
    models: z.object(
      Object.fromEntries(OFFICE_MODELS.map((m) => [m, ZModelAssumptions])) as Record<OfficeModel, typeof ZModelAssumptions>,
    ).strict(),
    hosts: z.object({ jetro: ZHostAssumptions, clair: ZHostAssumptions, host_government_agency: ZHostAssumptions }).strict(),
    facts: z.array(ZFact),
    sources: z.record(z.string(), ZSource).describe("Provenance by dotted path; the longest matching prefix applies"),
  })
  .strict()
  .superRefine((a, ctx) => {
    const ids = new Set(a.facts.map((f) => f.id));
    for (const [path, s] of Object.entries(a.sources)) {
      for (const f of s.facts ?? []) {
        if (!ids.has(f)) ctx.addIssue({ code: "custom", path: ["sources", path, "facts"], message: `unknown fact ${f}` });
      }
    }
  });
export type Assumptions = z.infer<typeof ZAssumptions>;

/** Parses an assumptions object, naming every failing field under `prefix`. */
export function parseAssumptions(input: unknown, prefix = "assumptions"): Assumptions {
  const result = ZAssumptions.safeParse(input);
  if (!result.success) {
    const errors = fieldErrorsFromZod(result.error, prefix);
    throw new AppError("validation_failed", `assumptions are invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return result.data;
}

/** The shipped defaults, validated once when the module loads. */
export const DEFAULT_ASSUMPTIONS: Assumptions = parseAssumptions(shipped, "data/office-model-assumptions.v1.json");

type Plain = Record<string, unknown>;
function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars replace; `undefined` leaves the base value. */
export function deepMerge(base: unknown, layer: unknown): unknown {
  if (!isPlain(base) || !isPlain(layer)) return layer === undefined ? base : layer;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(layer)) out[k] = deepMerge(base[k], v);
  return out;
}

/** Dotted paths of the leaves (scalars and arrays) of an object. */
export function leafPaths(value: unknown, prefix = ""): string[] {
  if (!isPlain(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : leafPaths(v, prefix ? `${prefix}.${k}` : k)));
}

export function valueAt(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const k of path.split(".")) cur = isPlain(cur) ? cur[k] : undefined;
  return cur;
}

/** Where a value came from: the assumptions file, the office's own arrangement, or a what-if override. */
export type Origin = "default" | "office" | "override";

export interface ResolvedAssumptions {
  assumptions: Assumptions;
  origins: Map<string, Origin>;
}

/**
 * Merges layers over the base assumptions (later layers win) and validates the result. The `office` layer
 * describes the office's own arrangement; the `override` layer is the caller's what-if. Every leaf a layer
 * sets is recorded with its origin.
 */
export function resolveAssumptions(
  base: Assumptions,
  layers: { office?: unknown; override?: unknown } = {},
): ResolvedAssumptions {
  const origins = new Map<string, Origin>();
  let merged: unknown = base;
  for (const origin of ["office", "override"] as const) {
    const layer = layers[origin];
    if (layer === undefined) continue;
    if (!isPlain(layer)) {
      throw new AppError("validation_failed", "assumption overrides must be an object", [
        { path: "assumptions", message: "must be an object of the assumption fields to change" },
      ]);
    }
    merged = deepMerge(merged, layer);
    for (const p of leafPaths(layer)) origins.set(p, origin);
  }
  return { assumptions: parseAssumptions(merged), origins };
}

/**
 * The provenance entry for a path: the `sources` key that is a prefix of it (segment by segment, `*` matching
 * any one segment) with the most segments, and among those the fewest wildcards.
 */
export function sourceOf(assumptions: Assumptions, path: string): Source | undefined {
  const segments = path.split(".");
  let best: { key: string; length: number; literals: number } | undefined;
  for (const key of Object.keys(assumptions.sources)) {
    const ks = key.split(".");
    if (ks.length > segments.length || !ks.every((k, i) => k === "*" || k === segments[i])) continue;
    const literals = ks.filter((k) => k !== "*").length;
    if (!best || ks.length > best.length || (ks.length === best.length && literals > best.literals)) {
      best = { key, length: ks.length, literals };
    }
  }
  return best === undefined ? undefined : assumptions.sources[best.key];
}

export function originOf(origins: Map<string, Origin>, path: string): Origin {
  let found: Origin = "default";
  let bestLength = -1;
  for (const [p, o] of origins) {
    const covers = path === p || path.startsWith(`${p}.`) || p.startsWith(`${path}.`);
    if (covers && p.length > bestLength) {
      found = o;
      bestLength = p.length;
    }
  }
  return found;
}
