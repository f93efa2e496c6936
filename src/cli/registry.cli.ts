/**
 * @module cli/registry.cli
 * Registry commands: migrate, seed, import, export, report strategies and user add.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { ZUserCreate } from "../auth/auth.schema.ts";
import { createUser } from "../auth/auth.service.ts";
import { MEMBER_ROLES } from "../core/domain.ts";
import { AppError, parseOrThrow } from "../core/errors.ts";
import { migrate } from "../db/migrate.ts";
import { findOrganisationByIdOrCode } from "../registry/organisations.service.ts";
import { describeSeedCounts, seedDatabase } from "../registry/seed.service.ts";
import { strategyReport, type StrategyReport } from "../registry/strategies.service.ts";
import { TRANSFER_ENTITIES } from "../registry/transfer/columns.ts";
import { exportEntity, type ExportFormat } from "../registry/transfer/export.service.ts";
import { importTable } from "../registry/transfer/import.service.ts";
import { importMeasurements } from "../evaluation/measurements-import.ts";
import { formatFromName, readTable } from "../registry/transfer/table-file.ts";
import { describeDatabase, openConfiguredDatabase, readConfig } from "../server/config.ts";
import { action, printJson } from "./cli-io.ts";
import { withDatabase } from "./with-database.ts";

const IMPORTABLE = [...TRANSFER_ENTITIES, "kpi-measurements"] as const;
type Importable = (typeof IMPORTABLE)[number];

function entityOf<E extends string>(allowed: readonly E[], value: string | undefined, file: string): E {
  const guess = value ?? allowed.find((e) => basename(file).toLowerCase().startsWith(e));
  if (!guess || !(allowed as readonly string[]).includes(guess)) {
    throw new AppError("validation_failed", `Say what the file holds with --entity (${allowed.join(", ")}).`, [{ path: "--entity", message: "missing or unknown" }]);
  }
  return guess as E;
}

export function formatStrategyReport(r: StrategyReport): string {
  const pct = (a: number, b: number) => (b ? `${Math.round((a / b) * 100)}%` : "-");
  const lines = [
    "国際戦略の策定状況 / International strategies (Table 2)",
    `  都道府県 Prefectures:          ${r.prefectures.withStrategy} / ${r.prefectures.total} (${pct(r.prefectures.withStrategy, r.prefectures.total)}), ${r.prefectures.strategies} strategies`,
    `  政令指定都市 Designated cities: ${r.designatedCities.withStrategy} / ${r.designatedCities.total} (${pct(r.designatedCities.withStrategy, r.designatedCities.total)}), ${r.designatedCities.strategies} strategies`,
    "  年代別 By decade:",
    ...Object.entries(r.byDecade).map(([d, n]) => `    ${d}: ${"█".repeat(n)} ${n}`),
  ];
  return `${lines.join("\n")}\n`;
}

export function registerRegistryCommands(program: Command): void {
  program
    .command("migrate")
    .description("Apply database migrations / データベースの移行を適用")
    .action(
      action(async () => {
        const config = readConfig();
        const database = await openConfiguredDatabase(config);
        try {
          const result = await migrate(database);
          console.log(`${describeDatabase(config)}: ${result.applied.length} migration(s) applied, ${result.total} in all.`);
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command("seed")
    .description("Load the shipped dataset (idempotent) / 同梱データを読み込む")
    .option("--all-municipalities", "also register all 1,736 municipalities of data/jp-municipalities.json")
    .action(
      action((opts: { allMunicipalities?: boolean }) =>
        withDatabase(async (database) => {
          const counts = await seedDatabase(database, { allMunicipalities: !!opts.allMunicipalities });
          console.log(`Seeded: ${describeSeedCounts(counts)}.`);
        }),
      ),
    );

  program
    .command("import <file>")
    .description("Import organisations, offices, ties or strategies from CSV/XLSX, all or nothing / CSV・XLSXから一括取込")
    .option("--entity <entity>", `what the file holds: ${IMPORTABLE.join(", ")} (guessed from the file name)`)
    .option("--json", "print the result as JSON")
    .action(
      action(async (file: string, opts: { entity?: string; json?: boolean }) => {
        const entity: Importable = entityOf(IMPORTABLE, opts.entity, file);
        const data = await readFile(file).catch(() => {
          throw new AppError("validation_failed", `Cannot read ${file}.`, [{ path: "file", message: "not found or not readable" }]);
        });
        const table = await readTable(data, formatFromName(file));
        await withDatabase(async (database) => {
          const result =
            entity === "kpi-measurements"
              ? { entity, ...(await importMeasurements(database, SYSTEM_ACTOR, table)) }
              : await importTable(database, SYSTEM_ACTOR, entity, table, (p) => {
                  if (p.phase === "writing" && !opts.json) process.stderr.write(`validated ${p.total} row(s); writing…\n`);
                });
          if (opts.json) printJson(result);
          else console.log(`Imported ${result.rows} ${entity}: ${result.created} created, ${result.updated} updated.`);
        });
      }),
    );

  program
    .command("export <entity>")
    .description("Export a registry entity / 台帳を出力")
    .option("--format <format>", "csv, xlsx or json", "csv")
    .option("--out <file>", "write to a file instead of standard output")
    .action(
      action(async (entity: string, opts: { format: string; out?: string }) => {
        const e = entityOf(TRANSFER_ENTITIES, entity, "");
        if (!["csv", "xlsx", "json"].includes(opts.format)) {
          throw new AppError("validation_failed", "Unknown format.", [{ path: "--format", message: "must be csv, xlsx or json" }]);
        }
        if (opts.format === "xlsx" && !opts.out) {
          throw new AppError("validation_failed", "XLSX is binary: give --out FILE.xlsx.", [{ path: "--out", message: "required for xlsx" }]);
        }
        await withDatabase(async (database) => {
          const content = await exportEntity(database.db, SYSTEM_ACTOR, e, opts.format as ExportFormat);
          if (opts.out) await writeFile(opts.out, content);
          else process.stdout.write(content);
        });
      }),
    );

  program
    .command("report")
    .description("Reports / レポート")
    .command("strategies")
    .description("Table 2: strategies of prefectures and designated cities / 国際戦略の策定状況")
    .option("--json", "print JSON")
    .action(
      action((opts: { json?: boolean }) =>
        withDatabase(async (database) => {
          const report = await strategyReport(database.db);
          if (opts.json) printJson(report);
          else process.stdout.write(formatStrategyReport(report));
        }),
      ),
    );

  const user = program.command("user").description("User accounts / ユーザー");
  user
    .command("add")
    .description("Create a user (the first one should be a system admin) / ユーザーを作成")
    .requiredOption("--email <email>", "e-mail address")
    .requiredOption("--name <name>", "display name")
    .option("--password <password>", "password (or RENKEI_PASSWORD)")
    .option("--org <idOrCode>", "organisation (id or local government code)")
    .option("--role <role>", `role in --org: ${MEMBER_ROLES.join(", ")}`, "admin")
    .option("--system-admin", "may administer the whole platform")
    .option("--locale <locale>", "ja or en", "ja")
    .action(
      action((opts: { email: string; name: string; password?: string; org?: string; role: string; systemAdmin?: boolean; locale: string }) =>
        withDatabase(async (database) => {
          const memberships = [];
          if (opts.org) {
            const org = await findOrganisationByIdOrCode(database.db, opts.org);
            if (!org) throw new AppError("validation_failed", `No organisation ${opts.org}.`, [{ path: "--org", message: "no such organisation" }]);
            memberships.push({ orgId: org.id, role: opts.role });
          }
          const input = parseOrThrow(
            ZUserCreate,
            {
              email: opts.email,
              displayName: opts.name,
              password: opts.password ?? process.env.RENKEI_PASSWORD ?? "",
              locale: opts.locale,
              isSystemAdmin: !!opts.systemAdmin,
              memberships,
            },
            "The user",
          );
          const { id } = await database.db.transaction((tx) => createUser(tx, input));
          console.log(`Created user ${input.email} (${id}).`);
        }),
      ),
    );
}
