import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import type { TTieCreate } from "../registry/registry.schema.ts";
import { createTie } from "../registry/ties.service.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`network membership details API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const cookie: Record<string, string> = {};
  let membership: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const org = async (key: string, o: Parameters<typeof buildOrganisation>[1]) => (id[key] = (await buildOrganisation(db, o)).id);
    await org("tokyo", { kind: "municipality", nameJa: "試験都", nameEn: "Shiken Metropolis" });
    await org("yokohama", { kind: "municipality", nameJa: "試験浜市", nameEn: "Shikenhama City" });
    await org("c40", { kind: "network", nameJa: "試験気候ネット", nameEn: "Test Climate Network", country: "GB", networkField: "climate" });
    await org("city", { kind: "foreign_city", nameJa: "ソウル", nameEn: "Seoul", country: "KR" });
    const tie = (a: string, b: string, over: Partial<TTieCreate>) =>
      createTie(db, SYSTEM_ACTOR, { aOrgId: id[a]!, bOrgId: id[b]!, kind: "network_membership", purposes: [], visibility: "public", sharedWith: [], unverified: false, ...over });
    membership = (await tie("tokyo", "c40", { since: "2006", role: "vice_chair", ownerOrgId: id.tokyo })).id;
    await tie("yokohama", "c40", { since: "2010", until: "2020-06-30", ownerOrgId: id.yokohama });
    await tie("tokyo", "city", { kind: "sister_city", since: "1988" });
    cookie.tokyo = await t.signInAs("staff", id.tokyo);
    cookie.net = await t.signInAs("admin", id.c40);
  });
  afterAll(async () => t.close());

  const send = (method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload: unknown, who: string) =>
    t.app.inject({ method, url, headers: { cookie: cookie[who]! }, payload: payload as object });
  const get = async (url: string, who?: string) => json(await t.app.inject({ method: "GET", url, headers: who ? { cookie: cookie[who]! } : {} }));

  it("keeps the themes a network covers, editable by the network's maintainers only", async () => {
    const put = await send("PUT", `/api/networks/${id.c40}/themes`, { themes: ["climate", "environment"] }, "net");
    expect(put.statusCode).toBe(200);
    expect(json(put).themes).toEqual([
      { theme: "climate", label: { ja: "気候変動対策", en: "Climate action" } },
      { theme: "environment", label: { ja: "環境", en: "Environment" } },
    ]);
    expect((await send("PUT", `/api/networks/${id.c40}/themes`, { themes: ["climate"] }, "tokyo")).statusCode).toBe(403);
    const bad = await send("PUT", `/api/networks/${id.c40}/themes`, { themes: ["climate", "weather"] }, "net");
    expect(json(bad).errors.map((e: { path: string }) => e.path)).toEqual(["themes[1]"]);
    const twice = await send("PUT", `/api/networks/${id.c40}/themes`, { themes: ["climate", "climate"] }, "net");
    expect(json(twice).errors.map((e: { path: string }) => e.path)).toEqual(["themes"]);
    expect((await t.app.inject({ method: "GET", url: `/api/networks/${id.city}/themes` })).statusCode).toBe(404);
    expect((await get(`/api/networks/${id.c40}/themes`)).themes).toHaveLength(2);
  });

  it("records reporting obligations and gives a member's calendar only while it belongs to the network", async () => {
    const annual = await send(
      "POST",
      "/api/networks/obligations",
      { networkOrgId: id.c40, ownerOrgId: id.c40, titleJa: "年次報告書", titleEn: "Annual report", frequency: "annual", dueMonth: 3, startYear: 2008, url: "https://example.org/reporting" },
      "net",
    );
    expect(annual.statusCode).toBe(201);
    expect(json(annual)).toMatchObject({ networkName: { en: "Test Climate Network" }, frequencyLabel: { ja: "毎年" }, dueDay: null });
    await send("POST", "/api/networks/obligations", { networkOrgId: id.c40, ownerOrgId: id.c40, titleJa: "排出量データ", titleEn: "Emissions data", frequency: "semiannual", dueMonth: 6, dueDay: 30, startYear: 2019, endYear: 2021 }, "net");
    await send("POST", "/api/networks/obligations", { networkOrgId: id.c40, ownerOrgId: id.c40, titleJa: "内部メモ", titleEn: "Internal memo", frequency: "once", dueMonth: 1, startYear: 2020, visibility: "confidential" }, "net");

    const bad = await send("POST", "/api/networks/obligations", { networkOrgId: id.city, ownerOrgId: id.tokyo, titleJa: "x", titleEn: "x", frequency: "monthly", dueMonth: 13, startYear: 2020, endYear: 2019 }, "tokyo");
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["dueMonth", "frequency"]);
    const notNetwork = await send("POST", "/api/networks/obligations", { networkOrgId: id.city, ownerOrgId: id.tokyo, titleJa: "x", titleEn: "x", frequency: "annual", dueMonth: 3, startYear: 2020 }, "tokyo");
    expect(json(notNetwork).errors[0].path).toBe("networkOrgId");
    const backwards = await send("POST", "/api/networks/obligations", { networkOrgId: id.c40, ownerOrgId: id.c40, titleJa: "x", titleEn: "x", frequency: "annual", dueMonth: 3, startYear: 2020, endYear: 2019 }, "net");
    expect(json(backwards).errors[0].path).toBe("endYear");
    expect((await send("POST", "/api/networks/obligations", { networkOrgId: id.c40, ownerOrgId: id.c40, titleJa: "x", titleEn: "x", frequency: "annual", dueMonth: 3, startYear: 2020 }, "tokyo")).statusCode).toBe(403);

    const yokohama = await get(`/api/networks/obligations/calendar?orgId=${id.yokohama}&from=2019-01-01&to=2021-12-31`);
    expect(yokohama.items.map((i: { due: string; title: { en: string } }) => `${i.due} ${i.title.en}`)).toEqual([
      "2019-03-31 Annual report",
      "2019-06-30 Emissions data",
      "2019-12-30 Emissions data",
      "2020-03-31 Annual report",
      // The membership's until (2020-06-30) is exclusive, as in the registry's activeOn filter.
    ]);
    expect(yokohama.items[0]).toMatchObject({ memberOrgId: id.yokohama, networkName: { ja: "試験気候ネット" }, url: "https://example.org/reporting" });
    const network = await get(`/api/networks/obligations/calendar?networkOrgId=${id.c40}&from=2020-01-01&to=2020-12-31`, "net");
    expect(network.items.map((i: { title: { en: string } }) => i.title.en)).toEqual(["Internal memo", "Annual report", "Emissions data", "Emissions data"]);
    const anonymous = await get(`/api/networks/obligations/calendar?networkOrgId=${id.c40}&from=2020-01-01&to=2020-12-31`);
    expect(anonymous.items.map((i: { title: { en: string } }) => i.title.en)).not.toContain("Internal memo");
    const noWho = await t.app.inject({ method: "GET", url: "/api/networks/obligations/calendar?from=2020-01-01" });
    expect(json(noWho).errors[0].path).toBe("query.orgId");
    const tooLong = await t.app.inject({ method: "GET", url: `/api/networks/obligations/calendar?orgId=${id.tokyo}&from=2000-01-01&to=2020-01-02` });
    expect(json(tooLong).errors[0].path).toBe("query.to");

    const list = await get(`/api/networks/obligations?networkOrgId=${id.c40}&q=report`);
    expect(list.items.map((o: { titleEn: string }) => o.titleEn)).toEqual(["Annual report"]);
    const patched = await send("PATCH", `/api/networks/obligations/${json(annual).id}`, { dueDay: 15 }, "net");
    expect(json(patched)).toMatchObject({ dueDay: 15, visibility: "public" });
  });

  it("shows the network's profile: members with roles over time, membership state, themes and obligations", async () => {
    await send("PUT", `/api/ties/${membership}/roles`, { periods: [{ role: "member", from: "2006", until: "2007" }, { role: "vice_chair", from: "2007" }] }, "tokyo");
    const profile = await get(`/api/networks/${id.c40}`);
    expect(profile.network).toMatchObject({ name: { en: "Test Climate Network" }, networkField: "climate" });
    expect(profile.themes.map((x: { theme: string }) => x.theme)).toEqual(["climate", "environment"]);
    expect(profile.members.map((m: { member: { name: { en: string } }; current: boolean }) => [m.member.name.en, m.current])).toEqual([
      ["Shiken Metropolis", true],
      ["Shikenhama City", false],
    ]);
    expect(profile.members[0]).toMatchObject({ role: "vice_chair", roleHistory: [{ role: "member" }, { role: "vice_chair", until: null }] });
    expect(profile.obligations.map((o: { titleEn: string }) => o.titleEn)).toEqual(["Annual report", "Emissions data"]);
    expect((await t.app.inject({ method: "GET", url: `/api/networks/${id.city}` })).statusCode).toBe(404);
  });
});
