import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { SYSTEM_ACTOR, ANONYMOUS } from "../auth/actor.ts";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../db/test-database.ts";
import { listOffices } from "./offices.service.ts";
import { seedDatabase, isSeeded } from "./seed.service.ts";
import { strategyReport } from "./strategies.service.ts";
import { listTies } from "./ties.service.ts";

describe(`shipped dataset (${testDatabaseKind()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database);
  }, 120_000);
  afterAll(async () => database.dispose());

  it("computes Table 2 from the data: 34 prefectures (35 strategies, Akita twice) and 14 of 20 designated cities", async () => {
    const report = await strategyReport(database.db);
    expect(report.prefectures).toEqual({ withStrategy: 34, total: 47, strategies: 35 });
    expect(report.designatedCities).toEqual({ withStrategy: 14, total: 20, strategies: 14 });
    expect(Object.values(report.byDecade).reduce((a, b) => a + b, 0)).toBe(49);
    expect(report.byDecade["2010s"]).toBeGreaterThan(report.byDecade["2000s"] ?? 0);
  });

  it("has the paper's Table 1 offices with their operational models", async () => {
    const { items } = await listOffices(database.db, ANONYMOUS, { limit: 200, status: "all", q: undefined });
    const byInterview = new Map(items.filter((o) => o.interviewId).map((o) => [o.interviewId, o]));
    expect(byInterview.size).toBe(13);
    expect(byInterview.get("LG-1")).toMatchObject({ ownerNameEn: "Hokkaido", operationalModel: "joint_industry_academia", cityEn: "Singapore" });
    expect(byInterview.get("LG-5")?.operationalModel).toBe("independent");
    expect(byInterview.get("LG-6")?.operationalModel).toBe("hosted");
    expect(byInterview.get("LG-11")?.operationalModel).toBe("joint_industry_academia");
    const joint = items.find((o) => o.operationalModel === "joint_municipal" && o.cityEn === "Singapore" && o.coOwnerIds.length >= 5);
    expect(joint, "the joint office of small municipalities in Singapore").toBeDefined();
  });

  it("keeps closures and mergers in the history", async () => {
    const { items } = await listOffices(database.db, SYSTEM_ACTOR, { limit: 200, status: "closed", q: "osaka" });
    expect(items.some((o) => o.mergedIntoId !== null)).toBe(true);
  });

  it("has network memberships and the first sister-city tie", async () => {
    const memberships = await listTies(database.db, ANONYMOUS, { limit: 200, kind: "network_membership" });
    expect(memberships.total).toBeGreaterThan(10);
    const sister = await listTies(database.db, ANONYMOUS, { limit: 5, kind: "sister_city", sort: "since" });
    expect(sister.items[0]).toMatchObject({ aNameEn: expect.stringContaining("Nagasaki"), since: "1955-12" });
  });

  it("is idempotent: seeding again changes no counts", async () => {
    const count = async () => (await database.query<{ n: number }>("SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM offices) + (SELECT count(*) FROM ties) + (SELECT count(*) FROM strategies) + (SELECT count(*) FROM interviews) AS n"))[0]!.n;
    const before = Number(await count());
    await seedDatabase(database);
    expect(Number(await count())).toBe(before);
    expect(await isSeeded(database)).toBe(true);
  }, 120_000);

  it("keeps interview records confidential", async () => {
    const rows = await database.db.execute(sql`SELECT count(*)::int AS n FROM interviews WHERE visibility <> 'confidential'`);
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
  });
});
