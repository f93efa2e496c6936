/**
 * @module offices/offices.cli
 * `renkei offices compare`: the operating-model comparison for one office from the command line — the office
 * from the database (`--office <id>`, through an injected loader) or from a JSON file (`--input`, no database
 * needed), with optional what-if assumptions, printed as text or JSON and optionally written as XLSX for a
 * budget request. Bad input names the field and exits 2.
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { action, printJson } from "../cli/cli-io.ts";
import { LOCALES } from "../core/domain.ts";
import type { Locale } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { COMPARISON_TITLE, compareModels } from "./operations/compare-models.ts";
import type { ModelComparison } from "./operations/compare-models.ts";
import { toXlsx } from "./operations/comparison-xlsx.ts";
import { HOST_LABELS, JOINT_PARTNER_LABELS, OFFICE_MODEL_LABELS, TIME_CATEGORY_LABELS, joinLabels } from "./operations/labels.ts";

export interface OfficesCliDeps {
  /** Loads an office in the shape of `ZOfficeComparisonInput`; null/undefined when there is no such office. */
  loadOffice?: (id: string) => Promise<unknown> | unknown;
}

interface CompareOptions {
  office?: string;
  input?: string;
  assumptions?: string;
  json?: boolean;
  xlsx?: string;
  locale: string;
}

async function readJsonFile(file: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new AppError("validation_failed", `${option} ${file}: ${reason}`, [{ path: option, message: reason, value: file }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = `not valid JSON (${(error as Error).message})`;
    throw new AppError("validation_failed", `${option} ${file}: ${reason}`, [{ path: option, message: reason, value: file }]);
  }
}

function yen(n: number): string {
  return `¥${n.toLocaleString("en-US")}`;
}

function signedYen(n: number): string {
  return n === 0 ? "±0" : `${n > 0 ? "+" : "−"}${yen(Math.abs(n))}`;
}

const T = {
  current: { ja: "現行", en: "current" },
  cost: { ja: "年間経費", en: "annual cost" },
  vsCurrent: { ja: "現行比", en: "vs current" },
  management: { ja: "管理業務", en: "management" },
  perYear: { ja: "時間／年", en: "h a year" },
  serves: { ja: "対応できる業務", en: "serves" },
  notServes: { ja: "対応できない業務", en: "does not serve" },
  risks: { ja: "リスク", en: "risks" },
  staff: { ja: "人員（派遣／現地）", en: "staff (dispatched/local)" },
  with: { ja: "受入・共同", en: "with" },
  overrides: { ja: "上書きした前提条件", en: "assumptions overridden" },
  basis: { ja: "前提条件の根拠（--json で全件）", en: "assumptions used: see --json for every value and its source" },
  none: { ja: "なし", en: "none" },
} as const;

/** The comparison as plain text in one language. */
export function formatComparison(c: ModelComparison, locale: Locale): string {
  const lines: string[] = [];
  const name = c.office.name?.[locale] ?? c.office.id;
  lines.push(`${COMPARISON_TITLE[locale]}: ${name} (${c.office.city}, ${c.office.country})`);
  for (const r of c.models) {
    lines.push("");
    lines.push(`${OFFICE_MODEL_LABELS[r.model][locale]}${r.current ? ` [${T.current[locale]}]` : ""}`);
    lines.push(`  ${T.cost[locale]}: ${yen(r.annualCostJpy)} (${T.vsCurrent[locale]} ${signedYen(r.costDeltaVsCurrentJpy)})`);
    const share = `${(r.managementShare * 100).toFixed(1)}%`;
    lines.push(`  ${T.management[locale]}: ${r.managementHours.toLocaleString("en-US")} ${T.perYear[locale]} (${share})`);
    lines.push(`  ${T.staff[locale]}: ${r.staffing.dispatched}/${r.staffing.local}`);
    if (r.host) lines.push(`  ${T.with[locale]}: ${HOST_LABELS[r.host][locale]}`);
    if (r.partnerKind) lines.push(`  ${T.with[locale]}: ${JOINT_PARTNER_LABELS[r.partnerKind][locale]}`);
    const labels = (xs: typeof r.functionsServed) =>
      xs.length ? joinLabels(xs.map((x) => TIME_CATEGORY_LABELS[x]), locale) : T.none[locale];
    lines.push(`  ${T.serves[locale]}: ${labels(r.functionsServed)}`);
    lines.push(`  ${T.notServes[locale]}: ${labels(r.functionsNotServed)}`);
    lines.push(`  ${T.risks[locale]}:`);
    for (const k of r.risks) lines.push(`    - ${k.text[locale]}`);
  }
  lines.push("");
  lines.push(`${T.overrides[locale]}: ${c.overrides.length ? c.overrides.join(", ") : T.none[locale]}`);
  lines.push(T.basis[locale]);
  return `${lines.join("\n")}\n`;
}

export function registerOfficesCommands(program: Command, deps: OfficesCliDeps = {}): void {
  const offices = program.command("offices").description("Overseas offices: operating models, costs and time use / 海外事務所の運営形態・費用・時間配分");
  offices
    .command("compare")
    .description("Compare the five operating models for an office: cost, management hours, functions served, risks / 5つの運営形態を比較")
    .option("--office <id>", "office id, loaded from the database")
    .option("--input <file>", "the office as a JSON file (no database needed)")
    .option("--assumptions <file>", "JSON file overriding any of the assumptions (what-if)")
    .option("--json", "print the comparison as JSON")
    .option("--xlsx <file>", "also write the comparison as an XLSX workbook")
    .option("--locale <locale>", "language of the text and the workbook: ja or en", "ja")
    .action(
      action(async (opts: CompareOptions) => {
        if (!(LOCALES as readonly string[]).includes(opts.locale)) {
          throw new AppError("validation_failed", `--locale must be ja or en`, [{ path: "--locale", message: "must be ja or en", value: opts.locale }]);
        }
        const locale = opts.locale as Locale;
        if ((opts.office === undefined) === (opts.input === undefined)) {
          throw new AppError("validation_failed", "give exactly one of --office <id> and --input <file>", [
            { path: opts.office === undefined ? "--office" : "--input", message: "give exactly one of --office <id> and --input <file>" },
          ]);
        }
        let office: unknown;
        if (opts.input !== undefined) office = await readJsonFile(opts.input, "--input");
        else {
          const id = opts.office ?? "";
          if (!deps.loadOffice) {
            throw new AppError("validation_failed", "--office needs the database; use --input <file> instead", [
              { path: "--office", message: "no office store is available here; use --input <file>", value: id },
            ]);
          }
          office = await deps.loadOffice(id);
          if (office === null || office === undefined) {
            throw new AppError("not_found", `no office ${id}`, [{ path: "--office", message: "no such office", value: id }]);
          }
        }
        const overrides = opts.assumptions !== undefined ? await readJsonFile(opts.assumptions, "--assumptions") : undefined;
        const comparison = compareModels(office, { overrides });
        if (opts.xlsx !== undefined) {
          await writeFile(opts.xlsx, await toXlsx(comparison, locale));
        }
        if (opts.json) printJson(comparison);
        else process.stdout.write(formatComparison(comparison, locale));
        if (opts.xlsx !== undefined) process.stderr.write(`wrote ${opts.xlsx}\n`);
      }),
    );
}
