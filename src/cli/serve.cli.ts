/**
 * @module cli/serve.cli
 * `renkei serve` (what `npm start` runs): opens the database, migrates, loads the shipped dataset into an
 * empty database, serves the API and the web app, and sweeps the events' reminders on a timer.
 */
import type { Command } from "commander";
import { countUsers } from "../auth/auth.service.ts";
import { migrate } from "../db/migrate.ts";
import { describeSeedCounts, isSeeded, seedDatabase } from "../registry/seed.service.ts";
import { buildApp } from "../server/app.ts";
import { describeDatabase, openConfiguredDatabase, readConfig } from "../server/config.ts";
import { startSweeper, sweepInterval } from "../events/sweeper.ts";
import { action } from "./cli-io.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("Start the platform (API and web app) / プラットフォームを起動")
    .option("--port <port>", "port (default PORT or 3000)")
    .action(
      action(async (opts: { port?: string }) => {
        const started = performance.now();
        const config = readConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
        const sweepSeconds = sweepInterval();
        const database = await openConfiguredDatabase(config);
        const migrated = await migrate(database);
        if (!(await isSeeded(database))) {
          const counts = await seedDatabase(database);
          console.log(`Loaded the shipped dataset: ${describeSeedCounts(counts)}.`);
        }
        const app = await buildApp({ database, serveWeb: true, logger: false, secureCookies: process.env.RENKEI_SECURE_COOKIES === "true" });
        const address = await app.listen({ port: config.port, host: config.host });
        console.log(`renkei is running on http://localhost:${config.port} (listening on ${address}) (${describeDatabase(config)}, ${migrated.total} migrations) — ready in ${Math.round(performance.now() - started)} ms.`);
        const sweeper = startSweeper(database, sweepSeconds);
        if (sweepSeconds > 0) {
          void sweeper.runOnce();
          console.log(`Meeting-request reminders, expiry and follow-up notices go out every ${sweepSeconds} s / リマインダー等は ${sweepSeconds} 秒ごとに送信されます.`);
        }
        if ((await countUsers(database.db)) === 0) {
          console.log(
            "No users yet. Create the first administrator / 最初の管理者を作成してください:\n" +
              '  npx renkei user add --email you@example.jp --name "Your Name" --password "at least 10 chars" --system-admin',
          );
        }
        const stop = async () => {
          await sweeper.stop();
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      }),
    );
}
