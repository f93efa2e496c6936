import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { createTestApp, json, type TestApp } from "../test/factories.ts";
import { addMonths, today } from "./calendar.ts";
import { call, company, type Org, orgWithStaff, prefectureCode, scores } from "./test-fixtures.ts";

const paths = (res: { json(): unknown }) => (res.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort();

describe(`vetting policy editor and opportunity renewal: error paths (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let gov: Org;
  let govViewer: string;
  let buyer: Org;
  let outsider: Org;

  beforeAll(async () => {
    t = await createTestApp();
    gov = await orgWithStaff(t, { kind: "prefecture", nameJa: "宮崎県", nameEn: "Miyazaki Prefecture", localGovCode: prefectureCode("45") });
    govViewer = await t.signInAs("viewer", gov.id);
    buyer = await orgWithStaff(t, { kind: "company", nameJa: "香港食品", nameEn: "Hong Kong Foods", country: "HK", localGovCode: null });
    outsider = await company(t, "Outsider KK");
  }, 60_000);
  afterAll(async () => t.close());

  const policy = async () => json(await call(t, "GET", `/api/vetting-policies/${gov.id}`));

  it("refuses a bad policy naming each field and the reason, and writes nothing", async () => {
    expect(await policy()).toMatchObject({ publishAt: 10, holdAt: 5, zeroHolds: true, endorsementMonths: 12, isDefault: true });
    const many = await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 25, holdAt: -1, zeroHolds: "yes", endorsementMonths: 0 });
    expect(many.statusCode).toBe(400);
    expect(paths(many)).toEqual(["endorsementMonths", "holdAt", "publishAt", "zeroHolds"]);
    expect(json(many).errors.find((e: { path: string }) => e.path === "publishAt").message).toContain("<=20");
    const order = await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 8, holdAt: 9 });
    expect(paths(order)).toEqual(["holdAt"]);
    expect(json(order).errors[0].message).toBe("must be below publishAt");
    expect(paths(await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 12.5, holdAt: 5 }))).toEqual(["publishAt"]);
    expect(paths(await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { holdAt: 5 }))).toEqual(["publishAt"]);
    expect(paths(await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 12, holdAt: 5, rejectAt: 2 }))).toEqual(["rejectAt"]);
    expect(paths(await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 12, holdAt: 5, endorsementMonths: 61 }))).toEqual(["endorsementMonths"]);
    expect(await policy()).toMatchObject({ isDefault: true, publishAt: 10 });
  });

  it("sets a policy only for the government's admins and staff, and only for a government", async () => {
    const body = { publishAt: 12, holdAt: 6 };
    expect((await call(t, "PUT", `/api/vetting-policies/${gov.id}`, undefined, body)).statusCode).toBe(401);
    expect((await call(t, "PUT", `/api/vetting-policies/${gov.id}`, govViewer, body)).statusCode).toBe(403);
    expect((await call(t, "PUT", `/api/vetting-policies/${gov.id}`, outsider.staff, body)).statusCode).toBe(403);
    const notGov = await call(t, "PUT", `/api/vetting-policies/${buyer.id}`, buyer.staff, body);
    expect(notGov.statusCode).toBe(400);
    expect(paths(notGov)).toEqual(["orgId"]);
    expect(paths(await call(t, "PUT", `/api/vetting-policies/00000000-0000-4000-8000-000000000000`, gov.staff, body))).toEqual(["orgId"]);
    expect(paths(await call(t, "PUT", "/api/vetting-policies/not-a-uuid", gov.staff, body))).toEqual(["params.orgId"]);
    expect(await policy()).toMatchObject({ isDefault: true });

    const saved = await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { ...body, zeroHolds: false, endorsementMonths: 24 });
    expect(saved.statusCode).toBe(200);
    expect(json(saved)).toMatchObject({ govOrgId: gov.id, publishAt: 12, holdAt: 6, zeroHolds: false, endorsementMonths: 24, isDefault: false });
    // A refused change leaves the saved policy as it was.
    expect((await call(t, "PUT", `/api/vetting-policies/${gov.id}`, gov.staff, { publishAt: 6, holdAt: 6 })).statusCode).toBe(400);
    expect(await policy()).toMatchObject({ publishAt: 12, holdAt: 6, zeroHolds: false, endorsementMonths: 24, isDefault: false });
    // Thresholds are public.
    expect((await call(t, "GET", `/api/vetting-policies/${gov.id}`)).statusCode).toBe(200);
  });

  let requestId: string;
  it("refuses a bad renewal naming the field, and writes nothing", async () => {
    const created = await call(t, "POST", "/api/opportunities", buyer.staff, { kind: "business_request", ownerOrgId: buyer.id, vettedBy: gov.id, country: "HK", titleEn: "Mangoes wanted", expiresOn: "2020-03-31" });
    requestId = json(created).id;
    expect(json(created)).toMatchObject({ expired: true, expiresOn: "2020-03-31" });
    expect(json(created).expiresInDays).toBeLessThan(0);
    for (const months of [0, 25, 1.5, "6"]) {
      const res = await call(t, "POST", `/api/opportunities/${requestId}/renew`, buyer.staff, { months });
      expect(res.statusCode, String(months)).toBe(400);
      expect(paths(res)).toEqual(["months"]);
    }
    expect(paths(await call(t, "POST", `/api/opportunities/${requestId}/renew`, buyer.staff, { months: 6, from: "2026-01-01" }))).toEqual(["from"]);
    expect((await call(t, "POST", `/api/opportunities/${requestId}/renew`, undefined, { months: 6 })).statusCode).toBe(401);
    // Unpublished: others do not see it at all; the government's viewers see it but may not renew.
    expect((await call(t, "POST", `/api/opportunities/${requestId}/renew`, outsider.staff, { months: 6 })).statusCode).toBe(404);
    expect((await call(t, "POST", `/api/opportunities/${requestId}/renew`, govViewer, { months: 6 })).statusCode).toBe(403);
    expect((await call(t, "POST", "/api/opportunities/00000000-0000-4000-8000-000000000000/renew", buyer.staff, { months: 6 })).statusCode).toBe(404);
    expect(json(await call(t, "GET", `/api/opportunities/${requestId}`, buyer.staff)).expiresOn).toBe("2020-03-31");
  });

  it("lists an expired opportunity only when asked, and renews it from today by the owner's government", async () => {
    await call(t, "POST", `/api/opportunities/${requestId}/reviews`, gov.staff, scores(4, 4, 4, 4));
    const listed = async (query: string) => json(await call(t, "GET", `/api/opportunities?ownerOrgId=${buyer.id}${query}`, buyer.staff)).items.map((o: { id: string }) => o.id);
    expect(await listed("")).not.toContain(requestId);
    expect(await listed("&includeExpired=true")).toContain(requestId);
    expect((await call(t, "POST", `/api/opportunities/${requestId}/renew`, outsider.staff, { months: 6 })).statusCode).toBe(403);

    const renewed = json(await call(t, "POST", `/api/opportunities/${requestId}/renew`, gov.staff, { months: 6 }));
    expect(renewed).toMatchObject({ expiresOn: addMonths(today(), 6), expired: false, status: "published" });
    expect(renewed.expiresInDays).toBeGreaterThan(150);
    expect(await listed("")).toContain(requestId);
    // Still ahead: the next renewal counts from the current expiry (default 12 months).
    expect(json(await call(t, "POST", `/api/opportunities/${requestId}/renew`, buyer.staff, {})).expiresOn).toBe(addMonths(addMonths(today(), 6), 12));
  });
});
