import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../auth/actor.ts";
import { AppError } from "../../core/errors.ts";
import { localGovCheckDigit } from "../../core/local-gov-code.ts";
import { openDatabase } from "../../db/connection.ts";
import { migrate } from "../../db/migrate.ts";
import { createTestDatabase, testDatabaseKind, TEST_SERVER_URL, type TestDatabase } from "../../db/test-database.ts";
import { buildOrganisation } from "../../test/factories.ts";
import { exportEntity } from "./export.service.ts";
import { importTable } from "./import.service.ts";
import { readTable, writeCsv } from "./table-file.ts";

const csv = (text: string) => readTable(Buffer.from(text), "csv");
const count = async (db: TestDatabase, table: string) => Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

async function importErrors(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error.errors;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe(`import and export (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await buildOrganisation(database.db, { kind: "prefecture", nameJa: "試験県", nameEn: "Shiken", localGovCode: "470007" });
    await buildOrganisation(database.db, { kind: "host_government_agency", nameJa: "ジェトロ試験", nameEn: "JETRO Test", country: "JP" });
  });
  afterAll(async () => database.dispose());

  it("imports offices all at once, then upserts idempotently on owner + city + opened", async () => {
    const file = [
      "owner,name_ja,name_en,city_en,country,operational_model,host,functions,focus_areas,opened,annual_cost_jpy",
      "470007,試験県シンガポール事務所,Shiken Singapore Office,Singapore,SG,hosted,JETRO Test,information_gathering;economic_exchange_business_support,food_export,2013-07,\"12,000,000\"",
      "470007,試験県バンコク事務所,Shiken Bangkok Office,Bangkok,TH,independent,,,tourism,2010-10-12,",
    ].join("\n");
    const first = await importTable(database, SYSTEM_ACTOR, "offices", await csv(file));
    expect(first).toEqual({ entity: "offices", rows: 2, created: 2, updated: 0, dryRun: false });
    const again = await importTable(database, SYSTEM_ACTOR, "offices", await csv(file.replace("12,000,000", "15,000,000")));
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect(await count(database, "offices")).toBe(2);
    const cost = await database.query<{ c: number }>("SELECT annual_cost_jpy AS c FROM offices WHERE city_en = 'Singapore'");
    expect(Number(cost[0]!.c)).toBe(15_000_000);
  });

  it("reports every bad row with row, column, value and reason, and writes nothing", async () => {
    const before = await count(database, "offices");
    const file = [
      "owner,name_ja,name_en,city_en,country,operational_model,opened,staff_count",
      "470007,A,A Office,Hanoi,VN,independent,2019,2",
      "999999,B,B Office,Seoul,KR,independent,2019,2",
      "470007,C,C Office,Taipei,TW,franchise,2019-13,two",
      "470007,D,D Office,Hanoi,VN,independent,2019,1",
    ].join("\n");
    const report = await importErrors(async () => importTable(database, SYSTEM_ACTOR, "offices", await csv(file)));
    const at = (row: number, column: string) => report.find((e) => e.row === row && e.column === column);
    expect(at(3, "owner")).toMatchObject({ value: "999999" });
    expect(at(4, "operational_model")?.message).toBeTruthy();
    expect(at(4, "opened")?.value).toBe("2019-13");
    expect(at(4, "staff_count")?.message).toContain("whole number");
    expect(report.find((e) => e.row === 5)?.message).toContain("row 2");
    expect(await count(database, "offices")).toBe(before);
  });

  it("rejects unknown and missing columns before reading rows", async () => {
    const errors = await importErrors(async () => importTable(database, SYSTEM_ACTOR, "ties", await csv("a,b,colour\nx,y,red")));
    expect(errors.map((e) => e.column)).toEqual(expect.arrayContaining(["colour", "kind"]));
  });

  it("imports organisations that refer to rows above them, and exports them back in the same layout", async () => {
    const codeA = `47${"901"}${localGovCheckDigit("47901")}`;
    const file = [
      "kind,name_ja,name_en,country,local_gov_code,parent,lat,lon",
      `municipality,試験町,Shiken Town,JP,${codeA},470007,26.2,127.7`,
      "foreign_city,試験外国市,Foreign Test City,TH,,,13.7,100.5",
    ].join("\n");
    expect(await importTable(database, SYSTEM_ACTOR, "organisations", await csv(file))).toMatchObject({ created: 2 });
    const exported = (await exportEntity(database.db, SYSTEM_ACTOR, "organisations", "csv")) as string;
    const table = await readTable(Buffer.from(exported), "csv");
    const town = table.rows.find((r) => r.cells.local_gov_code === codeA);
    expect(town?.cells.parent).toBe("470007");
    const reimport = await importTable(database, SYSTEM_ACTOR, "organisations", table);
    expect(reimport.created).toBe(0);
  });

  it("reads XLSX exported by the same code", async () => {
    const xlsx = (await exportEntity(database.db, SYSTEM_ACTOR, "offices", "xlsx")) as Buffer;
    const table = await readTable(xlsx, "xlsx");
    expect(table.rows.length).toBe(await count(database, "offices"));
    expect(table.header).toContain("operational_model");
  });
});

/**
 * A process killed in the middle of a large import leaves the database exactly as before: the import
 * writes in one transaction, so the server (or PGlite on restart) rolls it back.
 */
describe(`import killed mid-way (${testDatabaseKind()})`, () => {
  it("leaves nothing half-written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "renkei-kill-"));
    const schema = `kill_${process.pid}_${Date.now()}`;
    const env: NodeJS.ProcessEnv =
      testDatabaseKind() === "postgres"
        ? { ...process.env, DATABASE_URL: `${TEST_SERVER_URL}?options=-c%20search_path%3D${schema}`, RENKEI_DATA_DIR: dir }
        : { ...process.env, RENKEI_DATA_DIR: dir, DATABASE_URL: "" };
    const open = () =>
      testDatabaseKind() === "postgres" ? openDatabase({ url: TEST_SERVER_URL, schema }) : openDatabase({ dataDir: join(dir, "pglite") });
    const setup = await open();
    await migrate(setup);
    await setup.exec(
      "INSERT INTO organisations (id, kind, name_ja, name_en, country, local_gov_code, owner_org_id) VALUES ('11111111-1111-4111-8111-111111111111', 'prefecture', '試験県', 'Shiken', 'JP', '470007', '11111111-1111-4111-8111-111111111111')",
    );
    await setup.close();

    const rows = Array.from({ length: 3000 }, (_, i) => ["470007", `事務所${i}`, `Office ${i}`, `City ${i}`, "SG", "independent", "2020"]);
    const file = join(dir, "offices.csv");
    writeFileSync(file, writeCsv(["owner", "name_ja", "name_en", "city_en", "country", "operational_model", "opened"], rows));

    const child = spawn(process.execPath, ["bin/renkei.mjs", "import", file], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        // Writing has begun: give it a moment to be well inside the transaction, then kill it hard.
        if (stderr.includes("writing")) setTimeout(() => child.kill("SIGKILL"), 400);
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    expect(child.signalCode, `the import finished before it could be killed: ${stderr}`).toBe("SIGKILL");

    const after = await open();
    try {
      await migrate(after);
      const n = await after.query<{ n: number }>("SELECT count(*)::int AS n FROM offices");
      expect(Number(n[0]!.n)).toBe(0);
    } finally {
      await after.close();
      if (testDatabaseKind() === "postgres") {
        const cleanup = await openDatabase({ url: TEST_SERVER_URL });
        await cleanup.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await cleanup.close();
      }
    }
  }, 120_000);
});
