import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { openDatabase } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { buildOffice, buildOrganisation } from "../test/factories.ts";
import { importTimeLogs } from "./time-logs.import.ts";

// The CLI runs as its own process against a data folder, so this test seeds an embedded PGlite database in a
// temporary RENKEI_DATA_DIR whichever database the rest of the suite uses (the CLI cannot be pointed at a test
// schema on the server).
const BIN = fileURLToPath(new URL("../../bin/renkei.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "renkei-offices-cli-db-"));
let officeId = "";

function renkei(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RENKEI_DATA_DIR: dir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

beforeAll(async () => {
  const database = await openDatabase({ dataDir: `${dir}/pglite` });
  try {
    await migrate(database);
    const owner = await buildOrganisation(database.db, { kind: "municipality", nameEn: "CLI Town", nameJa: "CLI町" });
    const office = await buildOffice(database.db, {
      ownerOrgId: owner.id,
      cityEn: "Singapore",
      country: "SG",
      operationalModel: "independent",
      functions: ["economic_exchange_business_support", "regional_promotion"],
      staffCount: 3,
    });
    officeId = office.id;
    const csv = ["month,category,hours,staffName", "2024-05,economic_exchange_business_support,120,Head", "2024-05,regional_promotion,60,Head", "2024-05,office_management,80,Head"];
    await database.db.transaction((tx) => importTimeLogs(tx, SYSTEM_ACTOR, office.id, Buffer.from(csv.join("\n")), "csv"));
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renkei offices compare --office against the configured database", () => {
  it("prints the comparison of a registered office as JSON, with the workload from its time logs", async () => {
    const { code, out } = await renkei(["offices", "compare", "--office", officeId, "--json"]);
    expect(code).toBe(0);
    const c = JSON.parse(out) as { office: { id: string; workHours: number; staff: unknown }; models: Array<{ model: string; annualCostJpy: number; risks: unknown[] }> };
    expect(c.office).toMatchObject({ id: officeId, staff: { dispatched: 1, local: 2 } });
    // one month logged: 180 h of work, × 12
    expect(c.office.workHours).toBe(2160);
    expect(c.models.map((m) => m.model)).toEqual(["independent", "joint_municipal", "joint_industry_academia", "hosted", "outsourced"]);
    expect(c.models.every((m) => m.annualCostJpy > 0 && m.risks.length > 0)).toBe(true);
  }, 120_000);

  it("writes the workbook and refuses an unknown or malformed office id with exit code 2", async () => {
    const xlsx = join(dir, "out.xlsx");
    const ok = await renkei(["offices", "compare", "--office", officeId, "--xlsx", xlsx, "--locale", "en"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("Independent (directly operated)");
    expect(existsSync(xlsx)).toBe(true);
    const [unknown, malformed] = await Promise.all([
      renkei(["offices", "compare", "--office", "00000000-0000-4000-8000-000000000000", "--json"]),
      renkei(["offices", "compare", "--office", "singapore"]),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--office: no such office");
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain("--office: no such office");
  }, 120_000);
});
