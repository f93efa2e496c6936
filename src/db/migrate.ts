/**
 * @module db/migrate
 * Forward-only, versioned SQL migrations from `migrations/*.sql`, applied in name order, each in its own
 * transaction, recorded in `renkei_migrations`. Applied on start and by `renkei migrate`.
 */
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./connection.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export interface MigrationResult {
  applied: string[];
  total: number;
}

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  await database.exec(
    "CREATE TABLE IF NOT EXISTS renkei_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  for (const file of files) {
    const sql = await readFile(`${dir}${file}`, "utf8");
    const ran = await database.rawTransaction(async (q) => {
      // Two servers starting together on one PostgreSQL wait for each other here instead of racing.
      if (database.kind === "postgres") await q.query("SELECT pg_advisory_xact_lock(727126)");
      const done = await q.query("SELECT 1 FROM renkei_migrations WHERE id = $1", [file]);
      if (done.length > 0) return false;
      await q.exec(sql);
      await q.query("INSERT INTO renkei_migrations (id) VALUES ($1)", [file]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return { applied, total: files.length };
}
