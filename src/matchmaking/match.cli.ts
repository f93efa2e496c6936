/**
 * @module matchmaking/match.cli
 * `renkei match --companies companies.csv --requests requests.csv --top 10 [--json]`: the batch
 * contract of the matching engine (docs/matching.md). Reads both files, reports every malformed row
 * of either at once (exit 2), then prints each request's best companies in file order.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { action, printJson } from "../cli/cli-io.ts";
import type { FieldError } from "../core/errors.ts";
import { AppError } from "../core/errors.ts";
import { parseCompaniesCsv, parseRequestsCsv } from "./engine/batch-csv.ts";
import { createMatchEngine } from "./engine/engine.ts";
import type { Match, MatchReason } from "./engine/types.ts";

interface MatchCliOptions {
  companies: string;
  requests: string;
  top: string;
  json?: boolean;
  lang: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

async function readText(path: string, option: string, errors: FieldError[]): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (e as Error).message;
    errors.push({ path: option, message: `cannot read ${path}: ${reason}`, value: path });
    return undefined;
  }
}

function reasonJson(r: MatchReason) {
  return { kind: r.kind, contribution: round(r.contribution), detail: r.detail, label: r.label, ...(r.evidence ? { evidence: r.evidence } : {}) };
}

function printText(results: { request: string; buyer: string; matches: Match[] }[], lang: "ja" | "en"): void {
  for (const r of results) {
    process.stdout.write(`${r.request}${r.buyer ? ` (${r.buyer})` : ""}\n`);
    if (!r.matches.length) process.stdout.write(lang === "ja" ? "  該当なし\n" : "  no match\n");
    r.matches.forEach((m, i) => {
      process.stdout.write(`  ${i + 1}. ${m.id}  ${m.score.toFixed(4)}\n`);
      for (const reason of m.reasons) {
        process.stdout.write(`       ${reason.contribution.toFixed(4)}  ${reason.label[lang]}\n`);
      }
    });
  }
}

export function registerMatchCommands(program: Command): void {
  program
    .command("match")
    .description("match buyer requests with company profiles from two CSV files (Japanese or English text; see docs/matching.md) / 企業と引合いのマッチング")
    .requiredOption("--companies <file>", "companies.csv: id,name,description,hs_codes,certifications,markets,vetted")
    .requiredOption("--requests <file>", "requests.csv: id,buyer,country,description,hs_codes,required_certifications")
    .option("--top <n>", "matches per request", "10")
    .option("--json", "print the JSON result document")
    .option("--lang <ja|en>", "language of the text output", "en")
    .action(
      action(async (opts: MatchCliOptions) => {
        const errors: FieldError[] = [];
        const top = Number(opts.top);
        if (!Number.isInteger(top) || top < 1 || top > 1000) errors.push({ path: "--top", message: "must be an integer from 1 to 1000", value: opts.top });
        if (opts.lang !== "ja" && opts.lang !== "en") errors.push({ path: "--lang", message: "must be ja or en", value: opts.lang });
        const [companiesText, requestsText] = await Promise.all([
          readText(opts.companies, "--companies", errors),
          readText(opts.requests, "--requests", errors),
        ]);
        const engine = createMatchEngine();
        const companies = companiesText === undefined ? undefined : parseCompaniesCsv(companiesText, engine.hs);
        const requests = requestsText === undefined ? undefined : parseRequestsCsv(requestsText, engine.hs);
        errors.push(...(companies?.errors ?? []), ...(requests?.errors ?? []));
        if (errors.length || !companies || !requests) {
          throw new AppError("validation_failed", `cannot match: ${errors.length} problem(s) in the input`, errors);
        }
        for (const c of companies.companies) engine.upsertCompany(c);
        const results = requests.requests.map((r) => ({
          request: r.id,
          buyer: r.buyer,
          matches: engine.matchCompaniesForRequest(r, { k: top }),
        }));
        if (opts.json) {
          printJson({
            results: results.map((r) => ({
              request: r.request,
              matches: r.matches.map((m) => ({ company: m.id, score: round(m.score), reasons: m.reasons.map(reasonJson) })),
            })),
          });
        } else printText(results, opts.lang as "ja" | "en");
      }),
    );
}
