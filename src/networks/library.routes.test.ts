import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import type { TTieCreate } from "../registry/registry.schema.ts";
import { createTie } from "../registry/ties.service.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`good-practice library and partner requests API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const cookie: Record<string, string> = {};
  let floodCase: string;

  const post = (url: string, payload: unknown, who = "shiken") => t.app.inject({ method: "POST", url, headers: { cookie: cookie[who]! }, payload: payload as object });
  const get = (url: string, who?: string) => t.app.inject({ method: "GET", url, headers: who ? { cookie: cookie[who]! } : {} });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const org = async (key: string, o: Parameters<typeof buildOrganisation>[1]) => (id[key] = (await buildOrganisation(db, o)).id);
    await org("shiken", { kind: "municipality", nameJa: "試験市", nameEn: "Shiken City" });
    await org("kumamoto", { kind: "municipality", nameJa: "熊本市", nameEn: "Kumamoto City" });
    await org("kitakyushu", { kind: "municipality", nameJa: "北九州市", nameEn: "Kitakyushu City" });
    await org("surabaya", { kind: "foreign_city", nameJa: "スラバヤ", nameEn: "Surabaya", country: "ID" });
    await org("bangkok", { kind: "foreign_city", nameJa: "バンコク", nameEn: "Bangkok", country: "TH" });
    await org("resilient", { kind: "network", nameJa: "レジリエント都市ネット", nameEn: "Resilient Cities Net", country: "US" });
    const tie = (a: string, b: string, over: Partial<TTieCreate> = {}) =>
      createTie(db, SYSTEM_ACTOR, { aOrgId: id[a]!, bOrgId: id[b]!, kind: "partnership", purposes: [], visibility: "public", sharedWith: [], unverified: false, ...over });
    await tie("shiken", "kitakyushu");
    await tie("kitakyushu", "kumamoto");
    await tie("shiken", "resilient", { kind: "network_membership", since: "2015" });
    await tie("surabaya", "resilient", { kind: "network_membership", since: "2016" });
    for (const key of ["shiken", "kumamoto", "bangkok", "resilient"]) cookie[key] = await t.signInAs("staff", id[key]);
    cookie.other = await t.signInAs("admin", (await buildOrganisation(db)).id);
    const themes = await t.app.inject({ method: "PUT", url: `/api/networks/${id.resilient}/themes`, headers: { cookie: cookie.resilient! }, payload: { themes: ["disaster_prevention", "climate"] } });
    expect(themes.statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  const caseBody = (over: Record<string, unknown> = {}) => ({
    orgId: id.kumamoto,
    theme: "disaster_prevention",
    year: 2017,
    titleJa: "洪水の早期警報システム",
    titleEn: "Flood early warning system",
    problemJa: "豪雨による浸水被害が繰り返し発生していた。",
    problemEn: "Heavy rain repeatedly flooded the lowlands.",
    approachEn: "River sensors and an SMS warning service run with a regional bank and a university.",
    resultsEn: "Evacuation began earlier in the 2020 floods.",
    arrangement: "joint_project",
    documents: [{ url: "https://example.org/kumamoto-flood.pdf", title: "Report", language: "ja" }],
    contactRoleEn: "Disaster Prevention Division",
    language: "ja",
    ...over,
  });

  it("stores cases with ja/en fields and finds them by Japanese and English words", async () => {
    const res = await post("/api/networks/cases", caseBody(), "kumamoto");
    expect(res.statusCode).toBe(201);
    const c = json(res);
    floodCase = c.id;
    expect(c).toMatchObject({ orgName: { ja: "熊本市" }, themeLabel: { ja: "防災", en: "Disaster prevention" }, arrangementLabel: { en: "Joint project" }, ownerOrgId: id.kumamoto, visibility: "public" });
    await post("/api/networks/cases", caseBody({ orgId: id.surabaya, ownerOrgId: id.kumamoto, theme: "environment", titleJa: null, titleEn: "Waste bank programme", problemJa: null, problemEn: "Household waste in canals.", approachEn: "Residents deposit sorted waste for savings.", resultsEn: "Less waste in the canals.", documents: [], language: "id", year: 2012 }), "kumamoto");
    await post("/api/networks/cases", caseBody({ orgId: id.bangkok, titleJa: "洪水対策の秘密計画", titleEn: "Confidential flood plan", visibility: "confidential" }), "bangkok");

    const found = async (q: string, who?: string) => json(await get(`/api/networks/cases?q=${encodeURIComponent(q)}`, who)).items.map((i: { titleEn: string }) => i.titleEn);
    expect(await found("浸水")).toEqual(["Flood early warning system"]);
    expect(await found("警報")).toEqual(["Flood early warning system"]);
    expect(await found("flood")).toEqual(["Flood early warning system"]);
    expect(await found("熊本")).toEqual(["Flood early warning system"]);
    expect(await found("防災")).toEqual(["Flood early warning system"]);
    expect(await found("waste")).toEqual(["Waste bank programme"]);
    expect(await found("flood", "bangkok")).toEqual(["Confidential flood plan", "Flood early warning system"]);
    expect(await found("flood", "other")).toEqual(["Flood early warning system"]);
    const byTheme = json(await get("/api/networks/cases?theme=environment&language=id"));
    expect(byTheme.total).toBe(1);

    const patched = await t.app.inject({ method: "PATCH", url: `/api/networks/cases/${floodCase}`, headers: { cookie: cookie.kumamoto! }, payload: { resultsJa: "避難開始が早まった" } });
    expect(patched.statusCode).toBe(200);
    expect(await found("避難")).toEqual(["Flood early warning system"]);
  });

  it("names bad case input, refuses other organisations and hides confidential cases", async () => {
    const bad = await post("/api/networks/cases", caseBody({ theme: "magic", language: "jpn", documents: [{ url: "not a url" }], titleJa: null, titleEn: null, colour: "red" }), "kumamoto");
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["colour", "documents[0].url", "language", "theme"]);
    const noTitle = await post("/api/networks/cases", caseBody({ titleJa: null, titleEn: null }), "kumamoto");
    expect(json(noTitle).errors[0].path).toBe("titleJa");
    const notNetwork = await post("/api/networks/cases", caseBody({ networkOrgId: id.surabaya }), "kumamoto");
    expect(json(notNetwork).errors[0].path).toBe("networkOrgId");
    expect((await post("/api/networks/cases", caseBody(), "other")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: "/api/networks/cases", payload: caseBody() })).statusCode).toBe(401);
    const secret = json(await get("/api/networks/cases?q=confidential", "bangkok")).items[0].id;
    expect((await get(`/api/networks/cases/${secret}`)).statusCode).toBe(404);
    expect((await get(`/api/networks/cases/${secret}`, "kumamoto")).statusCode).toBe(404);
    expect(json(await get("/api/networks/cases?limit=200")).total).toBe(2);
  });

  it("ranks partners by theme fit, case evidence, warm introduction and network co-membership, with reasons, and stores them", async () => {
    const res = await post("/api/networks/partner-requests", {
      requesterOrgId: id.shiken,
      title: "洪水対策",
      themes: ["disaster_prevention"],
      text: "洪水の早期警報に成功した都市を探しています。We seek a city with a flood early warning system.",
    });
    expect(res.statusCode).toBe(201);
    const request = json(res);
    expect(request).toMatchObject({ visibility: "confidential", requesterName: { en: "Shiken City" } });
    const ranked = request.suggestions.map((s: { name: { en: string } }) => s.name.en);
    expect(ranked).toEqual(["Kumamoto City", "Surabaya"]);
    const [kumamoto, surabaya] = request.suggestions;
    expect(kumamoto).toMatchObject({ rank: 1, matchedThemes: ["disaster_prevention"], caseIds: [floodCase], introducerIds: [id.kitakyushu] });
    expect(kumamoto.reasons.map((r: { code: string }) => r.code)).toEqual(["theme_fit", "case_evidence", "warm_introduction"]);
    expect(kumamoto.reasons.find((r: { code: string }) => r.code === "warm_introduction").en).toContain("Kitakyushu City");
    expect(kumamoto.reasons.find((r: { code: string }) => r.code === "case_evidence").ja).toContain("洪水の早期警報システム");
    const sum = kumamoto.reasons.reduce((s: number, r: { contribution: number }) => s + r.contribution, 0);
    expect(sum).toBeCloseTo(kumamoto.score, 12);
    expect(surabaya.reasons.map((r: { code: string }) => r.code)).toContain("network_co_membership");
    expect(surabaya.sharedNetworkIds).toEqual([id.resilient]);
    expect(surabaya.score).toBeLessThan(kumamoto.score);

    const again = json(await get(`/api/networks/partner-requests/${request.id}`, "shiken"));
    expect(again.suggestions).toEqual(request.suggestions);
    expect((await get(`/api/networks/partner-requests/${request.id}`)).statusCode).toBe(404);
    expect((await get(`/api/networks/partner-requests/${request.id}`, "other")).statusCode).toBe(404);
    expect(json(await get(`/api/networks/partner-requests?requesterOrgId=${id.shiken}`, "shiken")).total).toBe(1);

    // A system administrator sees Bangkok's confidential case, but the suggestions are for the requester's eyes.
    cookie.sys = await t.signInAs("system_admin");
    const bySys = json(await post("/api/networks/partner-requests", { requesterOrgId: id.shiken, themes: ["disaster_prevention"], text: "flood" }, "sys"));
    expect(bySys.suggestions.map((s: { name: { en: string } }) => s.name.en)).not.toContain("Bangkok");
    await t.app.inject({ method: "DELETE", url: `/api/networks/partner-requests/${bySys.id}`, headers: { cookie: cookie.sys! } });

    await post("/api/networks/cases", caseBody({ orgId: id.bangkok, titleJa: "洪水警報の公開事例", titleEn: "Public flood warning", visibility: "public" }), "bangkok");
    const refreshed = json(await post(`/api/networks/partner-requests/${request.id}/suggestions`, {}));
    expect(refreshed.suggestions.map((s: { name: { en: string } }) => s.name.en)).toContain("Bangkok");
    const publicRequest = json(await post("/api/networks/partner-requests", { requesterOrgId: id.shiken, themes: ["disaster_prevention"], text: "flood", visibility: "public" }));
    const bangkok = publicRequest.suggestions.find((s: { name: { en: string } }) => s.name.en === "Bangkok");
    expect(bangkok.caseIds).toHaveLength(1);
  });

  it("names bad request input and lets only the requester's staff ask", async () => {
    const bad = await post("/api/networks/partner-requests", { requesterOrgId: id.shiken, themes: ["flying"], text: "", limit: 500 });
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["limit", "text", "themes[0]"]);
    const forOther = await post("/api/networks/partner-requests", { requesterOrgId: id.kumamoto, themes: [], text: "flood" });
    expect(forOther.statusCode).toBe(403);
    expect(json(forOther).errors[0].path).toBe("requesterOrgId");
    const seenByOther = json(await get(`/api/networks/partner-requests?requesterOrgId=${id.shiken}`, "other")).items;
    expect(seenByOther.map((r: { visibility: string }) => r.visibility)).toEqual(["public"]);
  });

  it("makes a project from a case with its partners, as an initiative for the evaluation", async () => {
    const res = await post(`/api/networks/cases/${floodCase}/projects`, { ownerOrgId: id.shiken, since: "2024-04" });
    expect(res.statusCode).toBe(201);
    const initiative = json(res);
    expect(initiative).toMatchObject({
      ownerOrgId: id.shiken,
      nameJa: "洪水の早期警報システム",
      nameEn: "Flood early warning system",
      theme: "disaster_prevention",
      purposes: ["project_making"],
      sourceCaseId: floodCase,
      partners: [expect.objectContaining({ orgId: id.kumamoto, role: "partner" })],
      status: "active",
    });
    const listed = json(await get(`/api/networks/cases/${floodCase}/projects`));
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([initiative.id]);
    const evaluation = json(await get(`/api/initiatives/${initiative.id}`));
    expect(evaluation.sourceCaseId).toBe(floodCase);

    expect((await post(`/api/networks/cases/${floodCase}/projects`, { ownerOrgId: id.kumamoto })).statusCode).toBe(403);
    const dup = await post(`/api/networks/cases/${floodCase}/projects`, { ownerOrgId: id.shiken, since: "2024-04" });
    expect(dup.statusCode).toBe(409);
    const badPartner = await post(`/api/networks/cases/${floodCase}/projects`, { ownerOrgId: id.shiken, nameEn: "Other", partnerOrgIds: ["00000000-0000-4000-8000-000000000000"] });
    expect(json(badPartner).errors[0].path).toBe("partners[0].orgId");
  });
});
