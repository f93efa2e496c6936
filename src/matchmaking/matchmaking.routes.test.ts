import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { createTestApp, json, type TestApp } from "../test/factories.ts";
import { call, company, corporateNumber, type Org, orgWithStaff, prefectureCode, scores } from "./test-fixtures.ts";

describe(`matchmaking profiles, vetting and matches (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let gov: Org;
  let govViewer: string;
  let otherGov: Org;
  let apples: Org;
  let buyer: Org;
  let outsider: Org;
  let requestId: string;

  beforeAll(async () => {
    t = await createTestApp();
    gov = await orgWithStaff(t, { kind: "prefecture", nameJa: "青森県", nameEn: "Aomori Prefecture", localGovCode: prefectureCode("02") });
    govViewer = await t.signInAs("viewer", gov.id);
    otherGov = await orgWithStaff(t, { kind: "municipality" });
    apples = await company(t, "Tsugaru Orchards");
    buyer = await orgWithStaff(t, { kind: "company", nameJa: "シンガポール青果", nameEn: "Lion Fresh Pte", country: "SG", localGovCode: null });
    outsider = await company(t, "Outsider KK");
  }, 60_000);
  afterAll(async () => t.close());

  const profileBody = (orgId: string, over: Record<string, unknown> = {}) => ({
    orgId,
    vettedBy: gov.id,
    descriptionJa: "青森県産のふじりんごを栽培・出荷しています。",
    descriptionEn: "We grow and ship Fuji apples from Aomori.",
    corporateNumber: corporateNumber(),
    prefectureId: gov.id,
    hsCodes: ["0808.10"],
    certifications: ["GLOBALG.A.P."],
    exportExperience: ["TW"],
    targetMarkets: ["SG", "TH"],
    capacity: { amount: 200, unit: "t" },
    ...over,
  });

  it("names a bad corporate number, HS code, certification and country, and writes nothing", async () => {
    const res = await call(t, "POST", "/api/companies", apples.staff, profileBody(apples.id, { corporateNumber: "2123456789012", hsCodes: ["0808", "9999", "08081"], certifications: ["iso9999"], targetMarkets: ["XX"] }));
    expect(res.statusCode).toBe(400);
    const paths = json(res).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["corporateNumber", "hsCodes[1]", "hsCodes[2]", "certifications[0]", "targetMarkets[0]"]));
    expect(json(res).errors.find((e: { path: string }) => e.path === "hsCodes[1]").message).toContain("HS 2022");
    expect((await call(t, "GET", `/api/companies/${apples.id}`, apples.staff)).statusCode).toBe(404);
  });

  it("refuses anonymous (401), other organisations (403) and a non-company or non-government reference (400)", async () => {
    expect((await call(t, "POST", "/api/companies", undefined, profileBody(apples.id))).statusCode).toBe(401);
    expect((await call(t, "POST", "/api/companies", outsider.staff, profileBody(apples.id))).statusCode).toBe(403);
    const wrong = await call(t, "POST", "/api/companies", apples.staff, profileBody(apples.id, { vettedBy: buyer.id }));
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).errors[0].path).toBe("vettedBy");
    const notCompany = await call(t, "POST", "/api/companies", gov.staff, profileBody(gov.id));
    expect(json(notCompany).errors[0].path).toBe("orgId");
  });

  it("keeps an unvetted profile visible only to its company and its government", async () => {
    const res = await call(t, "POST", "/api/companies", apples.staff, profileBody(apples.id));
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ status: "pending", visibility: "shared", endorsement: null, hsCodes: ["080810"], certifications: ["globalgap"] });
    expect((await call(t, "GET", `/api/companies/${apples.id}`)).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/companies/${apples.id}`, outsider.staff)).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/companies/${apples.id}`, otherGov.staff)).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/companies/${apples.id}`, govViewer)).statusCode).toBe(200);
    expect((await call(t, "GET", `/api/companies/${apples.id}`, apples.staff)).statusCode).toBe(200);
    expect(json(await call(t, "GET", "/api/companies")).items.map((c: { orgId: string }) => c.orgId)).not.toContain(apples.id);
    expect(json(await call(t, "GET", `/api/companies?vettedBy=${gov.id}`, gov.staff)).total).toBe(1);
    const dup = await call(t, "POST", "/api/companies", apples.staff, profileBody(apples.id));
    expect(dup.statusCode).toBe(409);
  });

  it("decides by the EEN thresholds: < 5 reject, 5–9 hold, ≥ 10 publish with an endorsement; only the government reviews", async () => {
    expect((await call(t, "POST", `/api/companies/${apples.id}/reviews`, apples.staff, scores(5, 5, 5, 5))).statusCode).toBe(403);
    expect((await call(t, "POST", `/api/companies/${apples.id}/reviews`, govViewer, scores(5, 5, 5, 5))).statusCode).toBe(403);
    const bad = await call(t, "POST", `/api/companies/${apples.id}/reviews`, gov.staff, scores(6, 1, 1, 1));
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("scores.advantages");

    const reject = json(await call(t, "POST", `/api/companies/${apples.id}/reviews`, gov.staff, scores(1, 1, 1, 1)));
    expect(reject).toMatchObject({ decision: "reject", total: 4 });
    expect(json(await call(t, "GET", `/api/companies/${apples.id}`, apples.staff)).status).toBe("rejected");
    const hold = json(await call(t, "POST", `/api/companies/${apples.id}/reviews`, gov.staff, { ...scores(3, 2, 2, 2), comments: { clarity: "英語の説明を具体的に" } }));
    expect(hold).toMatchObject({ decision: "hold", total: 9, comments: { clarity: "英語の説明を具体的に" } });
    expect((await call(t, "GET", `/api/companies/${apples.id}`)).statusCode).toBe(404);

    const publish = json(await call(t, "POST", `/api/companies/${apples.id}/reviews`, gov.staff, scores(3, 3, 2, 2)));
    expect(publish).toMatchObject({ decision: "publish", total: 10 });
    expect(publish.reasons[0].label.ja).toContain("10");
    const pub = await call(t, "GET", `/api/companies/${apples.id}`);
    expect(pub.statusCode).toBe(200);
    expect(json(pub)).toMatchObject({ status: "published", visibility: "public", endorsement: { by: { id: gov.id, nameEn: "Aomori Prefecture" }, reviewerName: "Tester staff", current: true } });
    expect(json(pub).endorsement.expires).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json(await call(t, "GET", `/api/companies/${apples.id}/reviews`, apples.staff)).items).toHaveLength(3);
    expect((await call(t, "GET", `/api/companies/${apples.id}/reviews`, outsider.staff)).statusCode).toBe(403);
  });

  it("applies a government's own policy", async () => {
    expect((await call(t, "PUT", `/api/vetting-policies/${gov.id}`, apples.staff, { publishAt: 15, holdAt: 8 })).statusCode).toBe(403);
    const badPolicy = await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 8, holdAt: 8 });
    expect(json(badPolicy).errors[0].path).toBe("holdAt");
    const set = await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 15, holdAt: 8 });
    expect(json(set)).toMatchObject({ publishAt: 15, holdAt: 8, zeroHolds: true, isDefault: false });
    const strict = await company(t, "Strict Test KK");
    await call(t, "POST", "/api/companies", strict.staff, profileBody(strict.id, { hsCodes: ["0303"] }));
    expect(json(await call(t, "POST", `/api/companies/${strict.id}/reviews`, gov.staff, scores(3, 3, 3, 3))).decision).toBe("hold");
    expect(json(await call(t, "POST", `/api/companies/${strict.id}/reviews`, gov.staff, scores(1, 2, 2, 2))).decision).toBe("reject");
    await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 10, holdAt: 5 });
    expect(json(await call(t, "GET", `/api/vetting-policies/${otherGov.id}`))).toMatchObject({ publishAt: 10, holdAt: 5, isDefault: true });
  });

  it("posts a buyer's request, hidden until vetted, then matches companies across languages with reasons", async () => {
    const body = { kind: "business_request", ownerOrgId: buyer.id, country: "SG", titleEn: "Premium apples for supermarkets", descriptionEn: "Supermarket chain seeks fresh apples from Japan, GLOBALG.A.P. preferred.", volume: { amount: 20, unit: "t" } };
    const noGov = await call(t, "POST", "/api/opportunities", buyer.staff, body);
    expect(json(noGov).errors[0].path).toBe("vettedBy");
    const res = await call(t, "POST", "/api/opportunities", buyer.staff, { ...body, vettedBy: gov.id });
    expect(res.statusCode).toBe(201);
    requestId = json(res).id;
    expect(json(res)).toMatchObject({ status: "pending", expired: false, owner: { id: buyer.id } });
    expect((await call(t, "GET", `/api/opportunities/${requestId}`)).statusCode).toBe(404);
    expect((await call(t, "GET", `/api/opportunities/${requestId}/matches`, outsider.staff)).statusCode).toBe(404);

    // The owner may look ahead of the review: matched ad hoc, only against published profiles.
    const ahead = json(await call(t, "GET", `/api/opportunities/${requestId}/matches?top=5`, buyer.staff));
    expect(ahead.matches.map((m: { company: { orgId: string } }) => m.company.orgId)).toEqual([apples.id]);

    await call(t, "POST", `/api/opportunities/${requestId}/reviews`, gov.staff, scores(4, 3, 3, 3));
    const matches = json(await call(t, "GET", `/api/opportunities/${requestId}/matches?top=5`));
    expect(matches.direction).toBe("companies_for_request");
    const first = matches.matches[0];
    expect(first.company.orgId).toBe(apples.id);
    expect(first.score).toBeGreaterThan(0);
    expect(first.reasons.length).toBeGreaterThan(0);
    for (const r of first.reasons) expect(r.label.ja && r.label.en).toBeTruthy();
    expect(first.reasons.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(["market", "vetting"]));

    const back = json(await call(t, "GET", `/api/companies/${apples.id}/matches`));
    expect(back.direction).toBe("requests_for_company");
    expect(back.matches[0].opportunity.id).toBe(requestId);
  });

  it("makes a profile published after the index was built matchable at once, and drops one sent back to review", async () => {
    const pearls = await company(t, "Uwajima Pearl KK");
    const created = await call(t, "POST", "/api/companies", pearls.staff, profileBody(pearls.id, { descriptionJa: "青森のりんごジュースとりんごの加工品", descriptionEn: null, hsCodes: [], corporateNumber: corporateNumber() }));
    expect(created.statusCode).toBe(201);
    const before = json(await call(t, "GET", `/api/opportunities/${requestId}/matches`)).matches.map((m: { company: { orgId: string } }) => m.company.orgId);
    expect(before).not.toContain(pearls.id);
    await call(t, "POST", `/api/companies/${pearls.id}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const after = json(await call(t, "GET", `/api/opportunities/${requestId}/matches`)).matches.map((m: { company: { orgId: string } }) => m.company.orgId);
    expect(after).toContain(pearls.id);

    const patched = await call(t, "PATCH", `/api/companies/${pearls.id}`, pearls.staff, { descriptionEn: "Apple juice and processed apple products" });
    expect(json(patched)).toMatchObject({ status: "pending", endorsement: null });
    const again = json(await call(t, "GET", `/api/opportunities/${requestId}/matches`)).matches.map((m: { company: { orgId: string } }) => m.company.orgId);
    expect(again).not.toContain(pearls.id);
  });

  it("stops matching an expired request and matches it again once renewed", async () => {
    const past = await call(t, "PATCH", `/api/opportunities/${requestId}`, buyer.staff, { expiresOn: "2020-01-31" });
    expect(json(past)).toMatchObject({ status: "published", expired: true });
    expect(json(await call(t, "GET", `/api/companies/${apples.id}/matches`)).matches).toHaveLength(0);
    expect(json(await call(t, "GET", "/api/opportunities")).items.map((o: { id: string }) => o.id)).not.toContain(requestId);
    expect((await call(t, "POST", `/api/opportunities/${requestId}/renew`, outsider.staff, {})).statusCode).toBe(403);
    const renewed = await call(t, "POST", `/api/opportunities/${requestId}/renew`, buyer.staff, { months: 6 });
    expect(renewed.statusCode).toBe(200);
    expect(json(renewed).expired).toBe(false);
    expect(json(await call(t, "GET", `/api/companies/${apples.id}/matches`)).matches[0].opportunity.id).toBe(requestId);
  });

  it("validates opportunities: HS codes, certifications, kinds and something to match on", async () => {
    const res = await call(t, "POST", "/api/opportunities", buyer.staff, { kind: "barter", ownerOrgId: buyer.id, vettedBy: gov.id, country: "SG", hsCodes: ["77"], requiredCertifications: ["bio"] });
    expect(json(res).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["kind", "hsCodes[0]", "requiredCertifications[0]"]));
    const empty = await call(t, "POST", "/api/opportunities", buyer.staff, { kind: "business_offer", ownerOrgId: buyer.id, vettedBy: gov.id, country: "SG" });
    expect(json(empty).errors[0].path).toBe("descriptionEn");
    expect((await call(t, "POST", "/api/opportunities", outsider.staff, { kind: "business_offer", ownerOrgId: buyer.id, vettedBy: gov.id, country: "SG", titleEn: "x" })).statusCode).toBe(403);
  });
});

describe("HS code picker", () => {
  it("finds codes from Japanese and English words and from a code prefix, and names a bad query", async () => {
    const t = await createTestApp();
    try {
      const ja = json(await t.app.inject({ method: "GET", url: `/api/hs?q=${encodeURIComponent("りんご")}` }));
      expect(ja.items.map((i: { code: string }) => i.code)).toContain("0808");
      const en = json(await t.app.inject({ method: "GET", url: "/api/hs?q=yellowtail&limit=5" }));
      expect(en.items.length).toBeGreaterThan(0);
      expect(en.items.length).toBeLessThanOrEqual(5);
      const code = json(await t.app.inject({ method: "GET", url: "/api/hs?q=8482" }));
      expect(code.items[0].code).toBe("8482");
      const bad = await t.app.inject({ method: "GET", url: "/api/hs?q=" });
      expect(bad.statusCode).toBe(400);
      expect(json(bad).errors[0].path).toBe("query.q");
    } finally {
      await t.close();
    }
  });
});
