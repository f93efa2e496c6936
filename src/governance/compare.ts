/**
 * @module governance/compare
 * A comparison of assessments across governments — stage and shares per dimension, and how many
 * governments sit at each stage — with a CSV writer (a pure string). The XLSX writer is in `compare-xlsx.ts`.
 */
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceDimension, type GovernanceStage, type Locale } from "../core/domain.ts";
import type { TGovernanceModel } from "./model.ts";
import type { TAssessment } from "./profile.schema.ts";

export interface ComparisonInput {
  org: { id?: string; name: string; code?: string | null };
  assessment: TAssessment;
}

export interface ComparisonCell {
  stage: GovernanceStage | null;
  shares: Record<GovernanceStage, number>;
  evidenceCount: number;
}

export interface ComparisonRow {
  id: string | null;
  code: string | null;
  name: string;
  asOf: string | null;
  stage: GovernanceStage | null;
  dimensions: Record<GovernanceDimension, ComparisonCell>;
}

/** Per dimension (and overall), how many governments are at each stage; `none` = no evidence. */
export type StageDistribution = Record<GovernanceStage | "none", number>;

export interface ComparisonTable {
  rows: ComparisonRow[];
  distribution: Record<GovernanceDimension | "overall", StageDistribution>;
}

const emptyDistribution = (): StageDistribution => ({ traditional_administration: 0, new_public_management: 0, network_governance: 0, none: 0 });

/** Builds the comparison table, rows in input order. */
export function compareAssessments(inputs: readonly ComparisonInput[]): ComparisonTable {
  const distribution = Object.fromEntries(
    [...GOVERNANCE_DIMENSIONS, "overall"].map((k) => [k, emptyDistribution()]),
  ) as ComparisonTable["distribution"];
  const rows = inputs.map(({ org, assessment }) => {
    const dimensions = {} as Record<GovernanceDimension, ComparisonCell>;
    for (const dim of GOVERNANCE_DIMENSIONS) {
      const v = assessment.dimensions[dim];
      dimensions[dim] = { stage: v.stage, shares: { ...v.shares }, evidenceCount: v.evidence.length };
      distribution[dim][v.stage ?? "none"]++;
    }
    distribution.overall[assessment.stage ?? "none"]++;
    return { id: org.id ?? null, code: org.code ?? null, name: org.name, asOf: assessment.asOf, stage: assessment.stage, dimensions };
  });
  return { rows, distribution };
}

export interface CsvOptions {
  /** Header and stage labels from the model in this language; without it, machine ids. */
  labels?: { model: TGovernanceModel; locale: Locale };
  /** Prefix a UTF-8 byte-order mark so spreadsheet programs read Japanese correctly. */
  bom?: boolean;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Column headers of the flat comparison: org columns, overall stage, then per dimension stage + 3 shares. */
export function comparisonColumns(labels?: CsvOptions["labels"]): string[] {
  if (!labels) {
    return [
      "id", "code", "name", "as_of", "stage",
      ...GOVERNANCE_DIMENSIONS.flatMap((d) => [`${d}.stage`, ...GOVERNANCE_STAGES.map((s) => `${d}.${s}`)]),
    ];
  }
  const { model, locale } = labels;
  const ja = locale === "ja";
  return [
    "ID", ja ? "団体コード" : "Code", ja ? "団体名" : "Name", ja ? "基準日" : "As of", ja ? "総合段階" : "Overall stage",
    ...GOVERNANCE_DIMENSIONS.flatMap((d) => {
      const name = model.dimensions[d].name[locale];
      return [`${name}: ${ja ? "段階" : "stage"}`, ...GOVERNANCE_STAGES.map((s) => `${name}: ${model.stages[s].short[locale]}`)];
    }),
  ];
}

/** The rows as flat cells (shares as fractions rounded to 4 decimals), in `comparisonColumns` order. */
export function comparisonCells(table: ComparisonTable, labels?: CsvOptions["labels"]): (string | number | null)[][] {
  const stage = (s: GovernanceStage | null): string | null => (s === null ? null : labels ? labels.model.stages[s].name[labels.locale] : s);
  return table.rows.map((r) => [
    r.id, r.code, r.name, r.asOf, stage(r.stage),
    ...GOVERNANCE_DIMENSIONS.flatMap((d) => {
      const c = r.dimensions[d];
      return [stage(c.stage), ...GOVERNANCE_STAGES.map((s) => Math.round(c.shares[s] * 10000) / 10000)];
    }),
  ]);
}

/** RFC 4180 CSV (CRLF line ends) of the comparison. */
export function comparisonToCsv(table: ComparisonTable, options: CsvOptions = {}): string {
  const lines = [comparisonColumns(options.labels), ...comparisonCells(table, options.labels)].map((cells) => cells.map(csvField).join(","));
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
