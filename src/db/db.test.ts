import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "./test-database.ts";
import { migrate } from "./migrate.ts";

describe(`database layer (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.dispose());

  it("applies every migration once and records it", async () => {
    const again = await migrate(database);
    expect(again.applied).toEqual([]);
    const rows = await database.query<{ id: string }>("SELECT id FROM renkei_migrations");
    expect(rows.length).toBe(again.total);
  });

  it("rolls a raw transaction back on error, leaving nothing written", async () => {
    await expect(
      database.rawTransaction(async (q) => {
        await q.query("INSERT INTO organisations (id, kind, name_ja, name_en, country) VALUES (gen_random_uuid(), 'npo', 'x', 'x', 'JP')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM organisations");
    expect(rows[0]?.n).toBe(0);
  });

  it("enforces the checks the schema declares", async () => {
    await expect(
      database.query("INSERT INTO organisations (id, kind, name_ja, name_en, country, lat) VALUES (gen_random_uuid(), 'npo', 'x', 'x', 'JP', 95)"),
    ).rejects.toThrow();
  });
});
