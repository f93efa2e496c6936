/**
 * @module db/test-database
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — with
 * RENKEI_TEST_DB=postgres — a schema of its own on the PostgreSQL server (DATABASE_URL or the machine's
 * 127.0.0.1:5432 `test` database), dropped afterwards, so parallel runs never collide.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./connection.ts";
import { migrate } from "./migrate.ts";

export const TEST_SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.RENKEI_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export interface TestDatabase extends Database {
  /** Closes the connection and drops the run's schema (server only). */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === "pglite") {
    const database = await openDatabase();
    await migrate(database);
    return { ...database, dispose: () => database.close() };
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const database = await openDatabase({ url: TEST_SERVER_URL, schema });
  await migrate(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
