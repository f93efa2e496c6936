/**
 * Every registry entity through its five routes: create, get, list, update, delete — each with the
 * happy path, bad input naming the field, and access denied.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`registry CRUD for every entity (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let cityId: string;
  let partnerId: string;
  let staff: string;
  let outsider: string;

  beforeAll(async () => {
    t = await createTestApp();
    const city = await buildOrganisation(t.database.db, { kind: "designated_city", nameJa: "試験市", nameEn: "Shiken City", localGovCode: "471003" });
    cityId = city.id;
    partnerId = (await buildOrganisation(t.database.db, { kind: "foreign_city", nameJa: "試験外国市", nameEn: "Foreign City", country: "TH" })).id;
    staff = await t.signInAs("staff", cityId);
    outsider = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
  });
  afterAll(async () => t.close());

  const entities = () => [
    {
      path: "organisations",
      create: { kind: "university", nameJa: "試験大学", nameEn: "Shiken University", country: "JP", ownerOrgId: cityId },
      patch: { nameEn: "Shiken University (renamed)" },
      badPatch: { country: "Japan" },
      badField: "country",
    },
    {
      path: "strategies",
      create: { ownerOrgId: cityId, titleJa: "試験市国際戦略", titleEn: "Shiken City International Strategy", year: 2015, pillars: ["human_resource_development"] },
      patch: { year: 2019 },
      badPatch: { pillars: ["world_peace"] },
      badField: "pillars[0]",
    },
    {
      path: "offices",
      create: { ownerOrgId: cityId, nameJa: "試験市上海事務所", nameEn: "Shiken Shanghai Office", cityEn: "Shanghai", country: "CN", operationalModel: "joint_municipal" },
      patch: { managementShare: 0.35 },
      badPatch: { managementShare: 1.5 },
      badField: "managementShare",
    },
    {
      path: "ties",
      create: { aOrgId: cityId, bOrgId: partnerId, kind: "friendship", purposes: ["cultural"], since: "1999-05-08" },
      patch: { purposes: ["cultural", "economic"] },
      badPatch: { since: "May 1999" },
      badField: "since",
    },
  ];

  it.each(["organisations", "strategies", "offices", "ties"])("%s: create, get, list, update, delete with access checks", async (path) => {
    // Built here, not at collection time: the ids exist only after beforeAll.
    const e = entities().find((x) => x.path === path)!;
    const base = `/api/${path}`;
    expect((await t.app.inject({ method: "POST", url: base, payload: e.create })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: base, headers: { cookie: outsider }, payload: e.create })).statusCode).toBe(403);
    const created = await t.app.inject({ method: "POST", url: base, headers: { cookie: staff }, payload: e.create });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id;

    const got = await t.app.inject({ method: "GET", url: `${base}/${id}` });
    expect(got.statusCode).toBe(200);
    expect(json(got).id).toBe(id);
    expect((await t.app.inject({ method: "GET", url: `${base}/not-a-uuid` })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: `${base}/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    const listed = json(await t.app.inject({ method: "GET", url: `${base}?limit=200` }));
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(id);

    const bad = await t.app.inject({ method: "PATCH", url: `${base}/${id}`, headers: { cookie: staff }, payload: e.badPatch });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((x: { path: string }) => x.path)).toContain(e.badField);
    const unknown = await t.app.inject({ method: "PATCH", url: `${base}/${id}`, headers: { cookie: staff }, payload: { secret: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ method: "PATCH", url: `${base}/${id}`, headers: { cookie: outsider }, payload: e.patch })).statusCode).toBe(403);
    const patched = await t.app.inject({ method: "PATCH", url: `${base}/${id}`, headers: { cookie: staff }, payload: e.patch });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(json(patched)).toMatchObject(e.patch);
    expect(json(await t.app.inject({ method: "GET", url: `${base}/${id}` }))).toMatchObject(e.patch);

    expect((await t.app.inject({ method: "DELETE", url: `${base}/${id}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "DELETE", url: `${base}/${id}`, headers: { cookie: outsider } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `${base}/${id}`, headers: { cookie: staff } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `${base}/${id}` })).statusCode).toBe(404);
  });

  it("searches every entity in Japanese and English", async () => {
    await t.app.inject({ method: "POST", url: "/api/strategies", headers: { cookie: staff }, payload: { ownerOrgId: cityId, titleJa: "グローバル試験ビジョン", titleEn: "Global Shiken Vision", year: 2020 } });
    await t.app.inject({ method: "POST", url: "/api/ties", headers: { cookie: staff }, payload: { aOrgId: cityId, bOrgId: partnerId, kind: "sister_city", since: "2001" } });
    for (const [path, q] of [["strategies", "ビジョン"], ["strategies", "vision"], ["ties", "foreign"], ["ties", "試験市"], ["organisations", "試験"], ["organisations", "shiken"]] as const) {
      const res = json(await t.app.inject({ method: "GET", url: `/api/${path}?q=${encodeURIComponent(q)}` }));
      expect(res.total, `${path} ?q=${q}`).toBeGreaterThan(0);
    }
  });
});
