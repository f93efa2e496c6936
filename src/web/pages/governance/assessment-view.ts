/**
 * @module web/pages/governance/assessment-view
 * Pure helpers behind the governance pages: the stage colours, a dimension's mean stage (the radar's
 * radius), evidence refs to record addresses, runs of one verdict over the years (the timeline's text
 * alternative), the years of the light timeline and the address of one year's full assessment, axis
 * ticks, and KPI values in their unit. No React, no I/O; tested on their own.
 */
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceDimension, type GovernanceStage, type Locale } from "../../../core/domain.ts";

/** One colour per stage (Okabe–Ito, readable with colour-vision deficiencies); `ink` is for text on white. */
export const STAGE_COLORS: Record<GovernanceStage, { fill: string; ink: string }> = {
  traditional_administration: { fill: "#E69F00", ink: "#8a5a00" },
  new_public_management: { fill: "#56B4E9", ink: "#1d5f86" },
  network_governance: { fill: "#009E73", ink: "#00664a" },
};

/** `#rrggbb` with an alpha, as `rgba(…)`. */
export function tint(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  const a = Math.max(0, Math.min(1, alpha));
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${Number(a.toFixed(3))})`;
}

export type Shares = Record<GovernanceStage, number>;

/**
 * Where a dimension stands between the stages, weighting each stage's position (TA 1, NPM 2, NG 3) by its
 * share of the evidence: 1 = all TA, 3 = all NG. Null without evidence.
 */
export function stageScore(shares: Shares): number | null {
  const total = GOVERNANCE_STAGES.reduce((s, stage) => s + (shares[stage] ?? 0), 0);
  if (total <= 0) return null;
  return GOVERNANCE_STAGES.reduce((s, stage, i) => s + (i + 1) * (shares[stage] ?? 0), 0) / total;
}

/** Position of a stage: 1, 2 or 3. */
export const stagePosition = (stage: GovernanceStage): number => GOVERNANCE_STAGES.indexOf(stage) + 1;

/** The point at `radius` on spoke `index` of `count`, spoke 0 pointing up, going clockwise. */
export function spokePoint(index: number, count: number, radius: number, cx: number, cy: number): { x: number; y: number } {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return { x: round(cx + radius * Math.cos(angle)), y: round(cy + radius * Math.sin(angle)) };
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The record an evidence ref stands for: `ties[3].purposes[1]` → `ties[3]`, `initiatives[1].partners` → `initiatives[1]`. */
export function baseRef(ref: string): string {
  const m = /^([a-z]+\[\d+\])/i.exec(ref);
  return m ? m[1]! : ref;
}

export type RecordKind = "office" | "tie" | "initiative" | "kpi" | "administration";
export interface RecordLink {
  kind: RecordKind;
  id: string;
}

/** The page of a record the assessment cites; KPIs and terms open on their organisation's dashboard and report. */
export function recordPath(record: RecordLink, orgId: string): string {
  switch (record.kind) {
    case "office":
      return `/offices/${record.id}`;
    case "tie":
      return `/ties/${record.id}`;
    case "initiative":
      return `/initiatives/${record.id}`;
    case "kpi":
      return `/kpis/${orgId}?kpi=${record.id}#kpi-${record.id}`;
    case "administration":
      return `/continuity/${orgId}#term-${record.id}`;
  }
}

/** The record behind a ref, if the API named one. */
export function recordOf(ref: string, records: Record<string, RecordLink>): RecordLink | undefined {
  return records[ref] ?? records[baseRef(ref)];
}

export interface StageRun {
  from: number;
  to: number;
  stage: GovernanceStage | null;
}

/** Consecutive years with the same verdict, in order: the story of one dimension over time. */
export function stageRuns(points: ReadonlyArray<{ year: number; stage: GovernanceStage | null }>): StageRun[] {
  const runs: StageRun[] = [];
  for (const p of points) {
    const last = runs[runs.length - 1];
    if (last && last.stage === p.stage && last.to === p.year - 1) last.to = p.year;
    else runs.push({ from: p.year, to: p.year, stage: p.stage });
  }
  return runs;
}

/** The full assessment of one year of the timeline, at the date the timeline took it (31 December, or `to`). */
export function yearAssessmentPath(orgId: string, asOf: string, locale: Locale): string {
  return `/api/organisations/${orgId}/assessment?asOf=${encodeURIComponent(asOf)}&locale=${locale}`;
}

/** Timeline points, most recent year first (the order a reader looks for). */
export function newestFirst<T extends { year: number }>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => b.year - a.year);
}

/** All evidence items of a year of the light timeline, over the six dimensions. */
export function yearEvidenceCount(point: { dimensions: Record<GovernanceDimension, { evidenceCount: number }> }): number {
  return GOVERNANCE_DIMENSIONS.reduce((n, dim) => n + point.dimensions[dim].evidenceCount, 0);
}

/** Years to label on an axis from `from` to `to`: round steps, at most about `max` labels. */
export function yearTicks(from: number, to: number, max = 8): number[] {
  if (to < from) return [];
  const span = to - from;
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s <= max) ?? 100;
  const first = Math.ceil(from / step) * step;
  const out: number[] = [];
  for (let y = first; y <= to; y += step) out.push(y);
  return out;
}

/** A partial date as a fractional year (its first day), for placing it on an axis; null when it is none. */
export function yearOf(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  return Number(m[1]) + (Number(m[2] ?? 1) - 1) / 12 + (Number(m[3] ?? 1) - 1) / 365;
}

const BCP47: Record<Locale, string> = { ja: "ja-JP", en: "en-GB" };

/** A KPI value in its unit: ¥ and US$ as currency, percentages with %, counts as plain numbers. */
export function formatMeasure(value: number | null | undefined, unit: string, locale: Locale): string {
  if (value === null || value === undefined) return "";
  const tag = BCP47[locale];
  if (unit === "jpy") return new Intl.NumberFormat(tag, { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" }).format(value);
  if (unit === "usd") return new Intl.NumberFormat(tag, { style: "currency", currency: "USD", currencyDisplay: "narrowSymbol", maximumFractionDigits: 2 }).format(value);
  const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
  return unit === "percent" ? `${plain}%` : plain;
}

/** A change with its sign (+12, −3); zero as 0. */
export function formatSigned(value: number, unit: string, locale: Locale): string {
  const text = formatMeasure(Math.abs(value), unit, locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
