import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { openDatabase } from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";
import { buildOrganisation } from "../test/factories.ts";
import { ZEventCreate } from "./events.schema.ts";
import { createEvent } from "./events.service.ts";

// The CLI runs as its own process against a data folder, so this test seeds an embedded PGlite database in a
// temporary RENKEI_DATA_DIR whichever database the rest of the suite uses.
const BIN = fileURLToPath(new URL("../../bin/renkei.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "renkei-events-import-"));
let eventId = "";
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

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
    const owner = await buildOrganisation(database.db, { kind: "municipality", nameEn: "CLI City", nameJa: "CLI市" });
    await buildOrganisation(database.db, { kind: "company", nameEn: "Hirosaki Cider Co", nameJa: "弘前シードル株式会社", country: "JP" });
    const input = ZEventCreate.parse({ ownerOrgId: owner.id, kind: "trade_fair", nameJa: "商談会", nameEn: "Fair", startsOn: "2026-03-10", endsOn: "2026-03-10", timeZone: "Asia/Bangkok" });
    eventId = (await createEvent(database.db, SYSTEM_ACTOR, input)).id;
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renkei events import-participants against the configured database", () => {
  it("imports with a Japanese column mapping, and rejects a bad file whole with exit 2", async () => {
    const mapping = file("mapping.json", JSON.stringify({ 会社名: "organisation", 名称: "name", 区分: "type" }));
    const bad = await renkei(["events", "import-participants", "--event", eventId, "--mapping", mapping, file("bad.csv", "会社名,名称,区分\nNowhere Inc,,seller\n,Mart,wholesaler\n")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("会社名");
    expect(bad.err).toContain("区分");
    const ok = await renkei(["events", "import-participants", "--event", eventId, "--mapping", mapping, file("ok.csv", "会社名,名称,区分\n弘前シードル株式会社,,売り手\n,Bangkok Mart,buyer\n")]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ rows: 2, created: 2 });
    const badMapping = await renkei(["events", "import-participants", "--event", "nope", "--mapping", file("m.json", '{"会社名":"company"}'), file("x.csv", "a\n1\n")]);
    expect(badMapping.code).toBe(2);
    expect(badMapping.err).toContain("--event");
    expect(badMapping.err).toContain("--mapping");
  }, 120_000);
});

describe("renkei events sweep against the configured database", () => {
  it("reports what it sent as JSON, and names a bad option with exit 2", async () => {
    const bad = await renkei(["events", "sweep", "--as-of", "tomorrow", "--event", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--as-of");
    expect(bad.err).toContain("--event");
    const ok = await renkei(["events", "sweep", "--as-of", "2026-12-01T00:00:00+09:00", "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      asOf: "2026-11-30T15:00:00.000Z",
      // The fair ended 2026-03-10; its survey was due 2026-09-10, so the imported seller is sent it now.
      events: 1,
      reminders: 0,
      expired: 0,
      followUps: 1,
      byEvent: [{ eventId, followUps: 1 }],
    });
    const again = await renkei(["events", "sweep", "--as-of", "2026-12-01T00:01:00+09:00", "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ events: 0, followUps: 0 });
  }, 120_000);
});
