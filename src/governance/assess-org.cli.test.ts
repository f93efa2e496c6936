import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { seedEvaluation } from "../evaluation/evaluation-seed.ts";
import { organisations } from "../registry/registry.table.ts";
import { seedDatabase } from "../registry/seed.service.ts";
import { ZAssessment } from "./profile.schema.ts";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../bin/renkei.mjs", import.meta.url));

// The command runs against the configured database; here an embedded one in a temporary RENKEI_DATA_DIR
// (on either test database kind: the command itself is what is tested).
describe("renkei assess --org (a real process on a seeded data folder)", () => {
  let dir: string;
  let jetroId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "renkei-assess-org-"));
    const database = await openDatabase({ dataDir: join(dir, "pglite") });
    try {
      await migrate(database);
      await seedDatabase(database);
      await database.db.transaction((tx) => seedEvaluation(tx));
      jetroId = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.seedKey, "jetro")))[0]!.id;
    } finally {
      await database.close();
    }
  }, 180_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const renkei = async (...args: string[]) => {
    const { DATABASE_URL: _url, ...env } = process.env;
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...env, RENKEI_DATA_DIR: dir }, timeout: 120_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("assesses Hokkaido by its local government code from the database", async () => {
    const r = await renkei("assess", "--org", "010006", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const a = ZAssessment.parse(JSON.parse(r.stdout));
    expect(a.dimensions.office_model.stage).toBe("network_governance");
    expect(a.asOf).toBeNull();
  }, 120_000);

  it("exits 2 naming --org for an unknown organisation or one that is not a local government", async () => {
    const unknown = await renkei("assess", "--org", "999999", "--json");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--org: no organisation/);
    const agency = await renkei("assess", "--org", jetroId);
    expect(agency.code).toBe(2);
    expect(agency.stderr).toMatch(/--org: must be a prefecture, designated city or municipality/);
  }, 120_000);
});
