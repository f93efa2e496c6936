/**
 * @module web/pages/offices-ops/what-if
 * The what-if panel as data: which assumptions it offers, how each is read (a share typed as a percentage,
 * yen, hours, a head count), the request body built from what the reader changed, and where the API's error
 * paths (`assumptions.models.hosted.managementShare`, `office.staff.dispatched`) point back to. Pure.
 */
import type { Bilingual } from "../../../core/domain.ts";
import type { AssumptionUsed, ModelComparison } from "../../../offices/operations/compare-models.ts";
import { COST_COMPONENT_LABELS, HOST_LABELS, MODEL_LONG_LABELS, type CostComponent, type HostKind } from "./labels.ts";
import type { OfficeModel } from "../../../core/domain.ts";

export type ValueKind = "percent" | "yen" | "hours" | "count" | "number";

/** Keys of the office's inputs the panel edits; everything else is a path in the assumptions file. */
export const OFFICE_KEYS = ["office.staff.dispatched", "office.staff.local"] as const;

/** How a value at this path is shown and typed. */
export function valueKind(path: string): ValueKind {
  const last = path.split(".").at(-1) ?? "";
  if (last === "managementShare" || last === "managementShareBenchmark" || last === "costShare") return "percent";
  if (last === "jpy" || last === "annualFeeJpy" || last.endsWith("Jpy")) return "yen";
  if (last === "coordinationHours" || last === "annualHoursPerPerson") return "hours";
  if (last === "members" || last === "dispatchedStaff" || last === "localStaff" || last === "dispatched" || last === "local") return "count";
  return "number";
}

/** The number typed (full-width digits, commas, ¥, 円 and % allowed); the text itself when it is not one, so the API says why. */
export function readTyped(text: string, kind: ValueKind): number | string {
  const cleaned = text
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,\s¥￥円%％]/g, "");
  if (cleaned === "" || !/^-?\d*(\.\d+)?$/.test(cleaned)) return text;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return text;
  return kind === "percent" ? Number((n / 100).toPrecision(12)) : n;
}

/** A value as the input shows it: shares as percentages. */
export function toInputText(value: number, kind: ValueKind): string {
  return kind === "percent" ? String(Number((value * 100).toPrecision(12))) : String(value);
}

/** Sets `a.b.c` in a nested object, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  parts.slice(0, -1).forEach((part) => {
    const next = node[part];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
  node[parts.at(-1)!] = value;
}

export interface WhatIfBody {
  assumptions?: Record<string, unknown>;
  office?: Record<string, unknown>;
}

/**
 * The what-if request from the inputs: only values that differ from the baseline (the comparison without a
 * what-if) are sent, so the answer's `overrides` names exactly what the reader changed. Empty inputs are
 * left out.
 */
export function buildWhatIf(edits: Record<string, string>, baseline: Record<string, number>): WhatIfBody {
  const body: WhatIfBody = {};
  for (const [key, text] of Object.entries(edits)) {
    if (text.trim() === "") continue;
    const value = readTyped(text, valueKind(key));
    if (typeof value === "number" && baseline[key] !== undefined && Math.abs(value - baseline[key]) < 1e-12) continue;
    if (key.startsWith("office.")) setPath((body.office ??= {}), key.slice("office.".length), value);
    else setPath((body.assumptions ??= {}), key, value);
  }
  return body;
}

/** The input an API error path belongs to, if the panel has one. */
export function inputForErrorPath(path: string, keys: readonly string[]): string | undefined {
  const bare = path.replace(/^body\./, "");
  const key = bare.startsWith("assumptions.") ? bare.slice("assumptions.".length) : bare;
  if (keys.includes(key)) return key;
  // An error on an object names the nearest input below it (e.g. `office.staff` → `office.staff.dispatched`).
  return keys.find((k) => k.startsWith(`${key}.`));
}

const PLAIN: Record<string, Bilingual> = {
  managementShareBenchmark: { ja: "事務所管理の割合の基準（論文）", en: "Management-share benchmark (paper)" },
  annualHoursPerPerson: { ja: "1人あたり年間勤務時間", en: "Working hours a year per person" },
  managementShare: { ja: "事務所管理の割合", en: "Share of time on office management" },
  coordinationHours: { ja: "共同設置者との調整時間（年）", en: "Coordination with co-owners (hours a year)" },
  dispatchedStaff: { ja: "派遣職員数", en: "Dispatched staff" },
  localStaff: { ja: "現地職員数", en: "Local staff" },
  members: { ja: "費用を分担する団体数", en: "Members sharing the cost" },
  costShare: { ja: "自団体の負担割合", en: "Own share of shared costs" },
  scope: { ja: "対応できる業務", en: "Work it can serve" },
  host: { ja: "受入機関", en: "Host" },
  partnerKind: { ja: "共同設置の相手", en: "Partner" },
  annualFeeJpy: { ja: "入居費・会費（年額）", en: "Host fee (a year)" },
  countries: { ja: "拠点のある国", en: "Countries with a host office" },
  "office.staff.dispatched": { ja: "事務所の派遣職員数", en: "The office's dispatched staff" },
  "office.staff.local": { ja: "事務所の現地職員数", en: "The office's local staff" },
};

const PER: Record<string, Bilingual> = {
  office: { ja: "事務所あたり", en: "per office" },
  dispatched_staff: { ja: "派遣職員1人あたり", en: "per dispatched staff member" },
  local_staff: { ja: "現地職員1人あたり", en: "per local staff member" },
  workload_hour: { ja: "業務1時間あたり", en: "per hour of work" },
};

const COST_FIELD: Record<string, Bilingual> = {
  jpy: { ja: "単価（円）", en: "yen" },
  per: { ja: "単位", en: "unit" },
  shared: { ja: "共同負担", en: "shared" },
};

function join(parts: Bilingual[], sepJa = "：", sepEn = ": "): Bilingual {
  return { ja: parts.map((p) => p.ja).join(sepJa), en: parts.map((p) => p.en).join(sepEn) };
}

/**
 * A reader's name for an assumption path: `models.hosted.managementShare` → "One-person office…: Share of
 * time on office management"; `models.independent.costs.local_staff.jpy` with `per` "local_staff" → "Local
 * staff (per local staff member)". Unknown segments are shown as they are.
 */
export function assumptionLabel(path: string, per?: string, withModel = true): Bilingual {
  if (PLAIN[path]) return PLAIN[path];
  const parts = path.split(".");
  if (parts[0] === "models" && parts[1]) {
    const model = MODEL_LONG_LABELS[parts[1] as OfficeModel] ?? { ja: parts[1], en: parts[1] };
    let rest: Bilingual;
    if (parts[2] === "costs" && parts[3]) {
      const component = COST_COMPONENT_LABELS[parts[3] as CostComponent] ?? { ja: parts[3], en: parts[3] };
      const field = parts[4] ?? "jpy";
      if (field === "jpy" && per && PER[per]) rest = { ja: `${component.ja}（${PER[per].ja}）`, en: `${component.en} (${PER[per].en})` };
      else rest = { ja: `${component.ja}（${COST_FIELD[field]?.ja ?? field}）`, en: `${component.en} (${COST_FIELD[field]?.en ?? field})` };
    } else if (parts[2] === "partnerRisks" || parts[2] === "risks") {
      rest = { ja: parts.slice(2).join("."), en: parts.slice(2).join(".") };
    } else {
      const key = parts.slice(2).join(".");
      rest = PLAIN[key] ?? { ja: key, en: key };
    }
    return withModel ? join([model, rest]) : rest;
  }
  if (parts[0] === "hosts" && parts[1]) {
    const host = HOST_LABELS[parts[1] as HostKind] ?? { ja: parts[1], en: parts[1] };
    const key = parts.slice(2).join(".");
    return join([host, PLAIN[key] ?? { ja: key, en: key }]);
  }
  return { ja: path, en: path };
}

/** Each numeric assumption a model used, in the comparison's order. */
export function numericAssumptions(used: readonly AssumptionUsed[]): AssumptionUsed[] {
  return used.filter((u) => typeof u.value === "number");
}

/** The `per` of the cost rule a `…costs.<c>.jpy` path belongs to, from the values used. */
export function perOf(used: readonly AssumptionUsed[], path: string): string | undefined {
  if (!path.endsWith(".jpy")) return undefined;
  const rule = used.find((u) => u.path === `${path.slice(0, -".jpy".length)}.per`);
  return typeof rule?.value === "string" ? rule.value : undefined;
}

/**
 * The panel's headline inputs: the office's head count, the fee of the host the hosted model assumes, each
 * model's staff cost per person where it is charged per person, and every model's management share.
 */
export function keyAssumptionPaths(comparison: Pick<ModelComparison, "models">): string[] {
  const paths: string[] = [...OFFICE_KEYS];
  const hosted = comparison.models.find((m) => m.model === "hosted");
  if (hosted?.host) paths.push(`hosts.${hosted.host}.annualFeeJpy`);
  const independent = comparison.models.find((m) => m.model === "independent");
  for (const c of ["local_staff", "dispatched_staff"]) {
    const path = `models.independent.costs.${c}.jpy`;
    if (independent?.assumptionsUsed.some((u) => u.path === path && typeof u.value === "number")) paths.push(path);
  }
  for (const m of comparison.models) paths.push(`models.${m.model}.managementShare`);
  return paths;
}

/** Baseline values by input key: the office's head count and every numeric assumption used. */
export function baselineValues(comparison: Pick<ModelComparison, "models"> & { input: { staff: { dispatched: number; local: number } } }): Record<string, number> {
  const out: Record<string, number> = {
    "office.staff.dispatched": comparison.input.staff.dispatched,
    "office.staff.local": comparison.input.staff.local,
  };
  for (const m of comparison.models) for (const u of m.assumptionsUsed) if (typeof u.value === "number") out[u.path] = u.value;
  return out;
}
