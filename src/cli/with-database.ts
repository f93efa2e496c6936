/**
 * @module cli/with-database
 * Opens the configured database (embedded or server), brings it up to the latest migration, runs the
 * command and closes it again.
 */
import type { Database } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { openConfiguredDatabase, readConfig } from "../server/config.ts";

export async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(readConfig());
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}
