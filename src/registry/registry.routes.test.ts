import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { testDatabaseKind } from "../db/test-database.ts";

describe(`registry API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let prefId: string;
  let staffCookie: string;
  let viewerCookie: string;
  let otherCookie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const pref = await buildOrganisation(t.database.db, { kind: "prefecture", nameJa: "試験県", nameEn: "Shiken Prefecture", localGovCode: "470007" });
    prefId = pref.id;
    const other = await buildOrganisation(t.database.db);
    staffCookie = await t.signInAs("staff", prefId);
    viewerCookie = await t.signInAs("viewer", prefId);
    otherCookie = await t.signInAs("admin", other.id);
  });
  afterAll(async () => t.close());

  const officeBody = (over: Record<string, unknown> = {}) => ({
    ownerOrgId: prefId,
    nameJa: "試験県バンコク事務所",
    nameEn: "Shiken Bangkok Office",
    cityEn: "Bangkok",
    country: "TH",
    operationalModel: "independent",
    opened: "2010-10-12",
    functions: ["economic_exchange_business_support"],
    focusAreas: ["food_export", "tourism"],
    ...over,
  });

  it("creates an office for the user's organisation, then finds it by list, search and id", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: staffCookie }, payload: officeBody() });
    expect(res.statusCode).toBe(201);
    const office = json(res);
    expect(office).toMatchObject({ nameEn: "Shiken Bangkok Office", ownerNameJa: "試験県", operationalModel: "independent" });

    const list = json(await t.app.inject({ method: "GET", url: `/api/offices?ownerOrgId=${prefId}` }));
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(office.id);

    for (const q of ["bangkok", "バンコク", "試験", "BANG"]) {
      const found = json(await t.app.inject({ method: "GET", url: `/api/offices?q=${encodeURIComponent(q)}` }));
      expect(found.items.map((o: { id: string }) => o.id), q).toContain(office.id);
    }
    const got = await t.app.inject({ method: "GET", url: `/api/offices/${office.id}` });
    expect(got.statusCode).toBe(200);
  });

  it("rejects an anonymous write with 401 and another organisation's user with 403, writing nothing", async () => {
    const anon = await t.app.inject({ method: "POST", url: "/api/offices", payload: officeBody({ cityEn: "Hanoi", country: "VN" }) });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers["content-type"]).toContain("application/problem+json");
    const other = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: otherCookie }, payload: officeBody({ cityEn: "Hanoi", country: "VN" }) });
    expect(other.statusCode).toBe(403);
    const viewer = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: viewerCookie }, payload: officeBody({ cityEn: "Hanoi", country: "VN" }) });
    expect(viewer.statusCode).toBe(403);
    const list = json(await t.app.inject({ method: "GET", url: "/api/offices?q=hanoi" }));
    expect(list.total).toBe(0);
  });

  it("names every invalid field: unknown field, wrong enum, bad date, bad country", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/offices",
      headers: { cookie: staffCookie },
      payload: officeBody({ operationalModel: "franchise", opened: "2010-13", country: "XX", colour: "red" }),
    });
    expect(res.statusCode).toBe(400);
    const problem = json(res);
    expect(problem).toMatchObject({ status: 400, title: "Validation failed" });
    const paths = problem.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["operationalModel", "opened", "country", "colour"]));
    expect(problem.errors.find((e: { path: string }) => e.path === "colour").message).toBe("unknown field");
  });

  it("rejects malformed JSON, oversized bodies and references to missing records", async () => {
    const malformed = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: staffCookie, "content-type": "application/json" }, payload: "{not json" });
    expect(malformed.statusCode).toBe(400);
    expect(json(malformed).code).toBe("malformed_request");
    const big = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: staffCookie, "content-type": "application/json" }, payload: JSON.stringify(officeBody({ modelNote: "x".repeat(3 * 1024 * 1024) })) });
    expect(big.statusCode).toBe(413);
    const missing = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: staffCookie }, payload: officeBody({ cityEn: "Taipei", country: "TW", hostOrgId: "00000000-0000-4000-8000-000000000000" }) });
    expect(missing.statusCode).toBe(400);
    expect(json(missing).errors[0].path).toBe("hostOrgId");
  });

  it("rejects a duplicate natural key (owner + city + opened) with 409", async () => {
    const dup = await t.app.inject({ method: "POST", url: "/api/offices", headers: { cookie: staffCookie }, payload: officeBody({ nameEn: "Copy" }) });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).errors[0].path).toBe("cityEn");
  });

  it("updates and deletes only with rights, and keeps closed offices in the history", async () => {
    const office = await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Seoul", country: "KR", opened: "2005" });
    const badClose = await t.app.inject({ method: "PATCH", url: `/api/offices/${office.id}`, headers: { cookie: staffCookie }, payload: { closed: "2004" } });
    expect(badClose.statusCode).toBe(400);
    expect(json(badClose).errors[0].path).toBe("closed");
    const close = await t.app.inject({ method: "PATCH", url: `/api/offices/${office.id}`, headers: { cookie: staffCookie }, payload: { closed: "2010-03-31" } });
    expect(close.statusCode).toBe(200);
    const open = json(await t.app.inject({ method: "GET", url: `/api/offices?ownerOrgId=${prefId}&status=open` }));
    expect(open.items.map((o: { id: string }) => o.id)).not.toContain(office.id);
    const closed = json(await t.app.inject({ method: "GET", url: `/api/offices?ownerOrgId=${prefId}&status=closed` }));
    expect(closed.items.map((o: { id: string }) => o.id)).toContain(office.id);
    const forbidden = await t.app.inject({ method: "DELETE", url: `/api/offices/${office.id}`, headers: { cookie: otherCookie } });
    expect(forbidden.statusCode).toBe(403);
    const del = await t.app.inject({ method: "DELETE", url: `/api/offices/${office.id}`, headers: { cookie: staffCookie } });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/offices/${office.id}` })).statusCode).toBe(404);
  });

  it("hides confidential records from anonymous users and other organisations, shows shared ones to named partners", async () => {
    const partner = await buildOrganisation(t.database.db, { kind: "regional_bank", nameJa: "試験銀行", nameEn: "Shiken Bank" });
    const partnerCookie = await t.signInAs("partner", partner.id);
    const secret = await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Jakarta", country: "ID", visibility: "confidential" });
    const shared = await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Manila", country: "PH", visibility: "shared", sharedWith: [partner.id] });
    const seen = async (cookie?: string) =>
      json(await t.app.inject({ method: "GET", url: `/api/offices?ownerOrgId=${prefId}&limit=200`, headers: cookie ? { cookie } : {} })).items.map((o: { id: string }) => o.id);
    expect(await seen()).not.toContain(secret.id);
    expect(await seen()).not.toContain(shared.id);
    expect(await seen(otherCookie)).not.toContain(shared.id);
    expect(await seen(partnerCookie)).toContain(shared.id);
    expect(await seen(partnerCookie)).not.toContain(secret.id);
    expect(await seen(viewerCookie)).toEqual(expect.arrayContaining([secret.id, shared.id]));
    expect((await t.app.inject({ method: "GET", url: `/api/offices/${secret.id}` })).statusCode).toBe(404);
  });

  it("changes only the fields a PATCH sends: visibility, sharing and co-owners stay as they were", async () => {
    const partner = await buildOrganisation(t.database.db, { kind: "municipality", nameJa: "共同町", nameEn: "Kyodo Town" });
    const office = await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Ho Chi Minh City", country: "VN", operationalModel: "joint_municipal", coOwnerIds: [partner.id], visibility: "shared", sharedWith: [partner.id] });
    const res = await t.app.inject({ method: "PATCH", url: `/api/offices/${office.id}`, headers: { cookie: staffCookie }, payload: { closed: "2020" } });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ closed: "2020", visibility: "shared", sharedWith: [partner.id], coOwnerIds: [partner.id] });
  });

  it("paginates with a cursor across every record exactly once", async () => {
    for (let i = 0; i < 7; i++) await buildOrganisation(t.database.db, { kind: "company", nameEn: `Paging Co ${i}`, nameJa: `ページ社${i}`, country: "JP" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/organisations?kind=company&limit=3&sort=-nameEn${cursor ? `&cursor=${cursor}` : ""}`;
      const page = json(await t.app.inject({ method: "GET", url }));
      expect(page.total).toBe(7);
      seen.push(...page.items.map((o: { nameEn: string }) => o.nameEn));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen).size).toBe(7);
    const bad = await t.app.inject({ method: "GET", url: "/api/organisations?cursor=garbage" });
    expect(bad.statusCode).toBe(400);
    const badSort = await t.app.inject({ method: "GET", url: "/api/organisations?sort=password" });
    expect(json(badSort).errors[0].path).toBe("query.sort");
    const badLimit = await t.app.inject({ method: "GET", url: "/api/organisations?limit=5000" });
    expect(json(badLimit).errors[0].path).toBe("query.limit");
  });

  it("validates organisations: local government codes, kinds and duplicates", async () => {
    const admin = await t.signInAs("system_admin");
    const base = { kind: "municipality", nameJa: "検査町", nameEn: "Kensa Town", country: "JP" };
    const noCode = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: admin }, payload: { ...base, kind: "designated_city" } });
    expect(json(noCode).errors[0].path).toBe("localGovCode");
    const badDigit = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: admin }, payload: { ...base, localGovCode: "011003" } });
    expect(badDigit.statusCode).toBe(400);
    expect(json(badDigit).errors[0].path).toBe("localGovCode");
    const ok = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: admin }, payload: { ...base, localGovCode: "011002" } });
    expect(ok.statusCode).toBe(201);
    const dup = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: admin }, payload: { ...base, localGovCode: "011002" } });
    expect(dup.statusCode).toBe(409);
    const companyWithCode = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: admin }, payload: { ...base, kind: "company", localGovCode: "012025" } });
    expect(json(companyWithCode).errors[0].path).toBe("localGovCode");
    const staffNoOwner = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: staffCookie }, payload: { kind: "company", nameJa: "株式会社テスト", nameEn: "Test KK", country: "JP" } });
    expect(staffNoOwner.statusCode).toBe(403);
    const staffOwned = await t.app.inject({ method: "POST", url: "/api/organisations", headers: { cookie: staffCookie }, payload: { kind: "company", nameJa: "株式会社テスト", nameEn: "Test KK", country: "JP", ownerOrgId: prefId } });
    expect(staffOwned.statusCode).toBe(201);
  });

  it("creates ties and strategies, filters ties by activity date, and reports Table 2 from the data", async () => {
    const city = await buildOrganisation(t.database.db, { kind: "foreign_city", nameJa: "チェンマイ", nameEn: "Chiang Mai", country: "TH" });
    const tie = await t.app.inject({ method: "POST", url: "/api/ties", headers: { cookie: staffCookie }, payload: { aOrgId: prefId, bOrgId: city.id, kind: "sister_city", purposes: ["cultural", "youth"], since: "1989-08-08", until: "2020" } });
    expect(tie.statusCode).toBe(201);
    const self = await t.app.inject({ method: "POST", url: "/api/ties", headers: { cookie: staffCookie }, payload: { aOrgId: prefId, bOrgId: prefId, kind: "mou" } });
    expect(json(self).errors[0].path).toBe("bOrgId");
    const active = async (d: string) => json(await t.app.inject({ method: "GET", url: `/api/ties?orgId=${prefId}&activeOn=${d}` })).total;
    expect(await active("1989-08-08")).toBe(1);
    expect(await active("1989-08-07")).toBe(0);
    expect(await active("2019-12-31")).toBe(1);
    expect(await active("2020-01-01")).toBe(0);

    const strategy = await t.app.inject({ method: "POST", url: "/api/strategies", headers: { cookie: staffCookie }, payload: { ownerOrgId: prefId, titleJa: "試験県国際戦略", titleEn: "Shiken International Strategy", year: 2016, pillars: ["acquisition_of_external_demand"] } });
    expect(strategy.statusCode).toBe(201);
    const report = json(await t.app.inject({ method: "GET", url: "/api/reports/strategies" }));
    expect(report.prefectures).toEqual({ withStrategy: 1, total: 1, strategies: 1 });
    expect(report.byDecade["2010s"]).toBe(1);
  });
});
