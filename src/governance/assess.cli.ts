/**
 * @module governance/assess.cli
 * `renkei assess` (a profile file, or an organisation through an injected loader) and `renkei report model`
 * (Table 3 and the verdicts for the paper's Table 1 offices). Bad input exits 2 naming the field.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { action, printJson } from "../cli/cli-io.ts";
import { AppError } from "../core/errors.ts";
import { assessPrepared, parseAsOf } from "./assessment.ts";
import { TABLE1_OFFICES } from "./fixtures/table1-profiles.ts";
import { formatAssessment, formatModelTable, formatTable1Verdicts, formatTimeline, type Table1Verdict } from "./format.ts";
import { compileModel, type TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";
import { prepareProfile } from "./prepare.ts";
import { parseAssessmentProfile, type TAssessmentProfile } from "./profile.schema.ts";
import { assessTimeline } from "./timeline.ts";

export interface AssessCliDeps {
  /** Builds the profile of an organisation from the database, by id or local government code (wired by the app). */
  loadProfile?: (orgIdOrCode: string) => Promise<TAssessmentProfile>;
  /** Today's date as YYYY-MM-DD, for the end of a timeline (injectable for tests). */
  today?: () => string;
}

interface AssessOpts {
  profile?: string;
  org?: string;
  asOf?: string;
  timeline?: boolean;
  model?: string;
  json?: boolean;
}

function optionError(option: string, message: string, value?: unknown): AppError {
  return new AppError("validation_failed", `${option}: ${message}`, [{ path: option, message, ...(value !== undefined ? { value } : {}) }]);
}

/** Reads and validates a profile file; every failure names the file and the field. */
export async function readProfileFile(file: string): Promise<TAssessmentProfile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw optionError("--profile", `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw optionError("--profile", `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseAssessmentProfile(raw);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${file}: ${error.message}`, error.errors);
    throw error;
  }
}

async function modelFrom(opts: { model?: string }): Promise<TGovernanceModel> {
  return opts.model ? loadGovernanceModel(opts.model) : loadGovernanceModel();
}

async function profileFrom(opts: AssessOpts, deps: AssessCliDeps): Promise<TAssessmentProfile> {
  if (opts.profile && opts.org) throw optionError("--org", "give either --profile or --org, not both");
  if (opts.profile) return readProfileFile(opts.profile);
  if (opts.org) {
    if (!deps.loadProfile) {
      throw optionError("--org", "assessing an organisation needs the database, which this command was not given; use --profile FILE.json");
    }
    return parseAssessmentProfile(await deps.loadProfile(opts.org));
  }
  throw optionError("--profile", "give --profile FILE.json or --org <id or local government code>");
}

/** The Table 1 offices assessed under `model`: the office's own verdict and the overall stage. */
export function table1Verdicts(model: TGovernanceModel): Table1Verdict[] {
  const compiled = compileModel(model);
  return TABLE1_OFFICES.map((t) => {
    const a = assessPrepared(prepareProfile(t.profile, compiled), null);
    return {
      id: t.id,
      owner: t.owner,
      city: t.city,
      paperModel: t.paperModel,
      officeModel: t.expected.officeModel,
      officeStage: a.dimensions.office_model.stage,
      stage: a.stage,
    };
  });
}

export function registerAssessCommands(program: Command, deps: AssessCliDeps = {}): void {
  program
    .command("assess")
    .description("place a government on the paper's governance model (Table 3) / ガバナンス段階の評価")
    .option("--profile <file>", "assessment profile JSON file (see docs/assessment.md)")
    .option("--org <id-or-code>", "an organisation in the database, by id or local government code")
    .option("--as-of <date>", "count only records active on this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--timeline", "the assessment at the end of every year, up to --as-of or today")
    .option("--model <file>", "governance model file (default: data/governance-model.v1.json)")
    .option("--json", "print JSON instead of a table")
    .action(
      action(async (opts: AssessOpts) => {
        const asOf = parseAsOf(opts.asOf, "--as-of");
        const model = await modelFrom(opts);
        const profile = await profileFrom(opts, deps);
        const name = profile.actor.name;
        if (opts.timeline) {
          const to = opts.asOf ?? (deps.today ? deps.today() : new Date().toISOString().slice(0, 10));
          const timeline = assessTimeline(profile, model, { to });
          if (opts.json) printJson(timeline);
          else process.stdout.write(formatTimeline(timeline, model, name));
          return;
        }
        const assessment = assessPrepared(prepareProfile(profile, compileModel(model)), asOf);
        if (opts.json) printJson(assessment);
        else process.stdout.write(formatAssessment(assessment, model, name));
      }),
    );

  const report = program.commands.find((c) => c.name() === "report") ?? program.command("report").description("reports / レポート");
  report
    .command("model")
    .description("print Table 3 (ja/en) and the verdict for each of the paper's Table 1 offices / 表3と表1の判定")
    .option("--model <file>", "governance model file (default: data/governance-model.v1.json)")
    .option("--json", "print JSON")
    .action(
      action(async (opts: { model?: string; json?: boolean }) => {
        const model = await modelFrom(opts);
        const verdicts = table1Verdicts(model);
        if (opts.json) {
          printJson({ version: model.version, source: model.source, stages: model.stages, dimensions: model.dimensions, table1: verdicts });
          return;
        }
        process.stdout.write(`${formatModelTable(model)}\n${formatTable1Verdicts(verdicts, model)}`);
      }),
    );
}
