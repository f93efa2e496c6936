import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { kpiMeasurements } from "../evaluation/evaluation.table.ts";
import { createKpi } from "../evaluation/kpis.service.ts";
import { ZKpiCreate } from "../evaluation/kpis.schema.ts";
import { buildOffice, createTestApp, json, type TestApp } from "../test/factories.ts";
import { call, company, corporateNumber, type Org, orgWithStaff, prefectureCode, scores } from "./test-fixtures.ts";

describe(`matchmaking workflow, KPI feed and notifications (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let gov: Org;
  let maker: Org;
  let buyer: Org;
  let outsider: Org;
  let officeId: string;
  let requestId: string;
  const kpi: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    gov = await orgWithStaff(t, { kind: "prefecture", nameJa: "愛媛県", nameEn: "Ehime Prefecture", localGovCode: prefectureCode("38") });
    maker = await company(t, "Uwajima Pearl KK");
    buyer = await orgWithStaff(t, { kind: "company", nameJa: "バンコク宝飾", nameEn: "Bangkok Jewels Co", country: "TH", localGovCode: null });
    outsider = await company(t, "Outsider KK");
    officeId = (await buildOffice(t.database.db, { ownerOrgId: gov.id, cityEn: "Bangkok", country: "TH" })).id;
    for (const [metric, unit] of [["business_negotiations", "count"], ["contracts", "count"], ["sales_jpy", "jpy"]] as const) {
      const k = await createKpi(t.database.db, SYSTEM_ACTOR, ZKpiCreate.parse({ ownerOrgId: gov.id, nameJa: metric, nameEn: metric, level: "outcome", horizon: "short", unit, metric }));
      kpi[metric] = k.id;
    }
    await call(t, "POST", "/api/companies", maker.staff, {
      orgId: maker.id,
      vettedBy: gov.id,
      corporateNumber: corporateNumber(),
      descriptionJa: "宇和海で育てたアコヤ真珠のネックレス",
      hsCodes: ["7101"],
      targetMarkets: ["TH"],
    });
    await call(t, "POST", `/api/companies/${maker.id}/reviews`, gov.staff, scores(4, 3, 3, 3));
    const opp = await call(t, "POST", "/api/opportunities", buyer.staff, { kind: "business_request", ownerOrgId: buyer.id, vettedBy: gov.id, country: "TH", descriptionEn: "Jewellery retailer seeks cultured pearls" });
    requestId = json(opp).id;
  }, 60_000);
  afterAll(async () => t.close());

  const measured = async (metric: string) => (await t.database.db.select().from(kpiMeasurements).where(eq(kpiMeasurements.kpiId, kpi[metric]!))).reduce((s, m) => s + m.value, 0);

  it("accepts interest only in published records", async () => {
    const res = await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "company" });
    expect(res.statusCode).toBe(404); // the request is still unvetted: the company cannot see it
    await call(t, "POST", `/api/opportunities/${requestId}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const wrongSide = await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "opportunity" });
    expect(wrongSide.statusCode).toBe(403);
    expect(json(wrongSide).errors[0].path).toBe("fromSide");
  });

  let interestId: string;
  it("runs submitted → forwarded → accepted → meeting → negotiating → agreed, refusing illegal steps with 409 naming the state", async () => {
    const created = await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "company", message: "サンプルをお送りできます" });
    expect(created.statusCode).toBe(201);
    interestId = json(created).id;
    expect(json(created)).toMatchObject({ state: "submitted", broker: { id: gov.id }, fromSide: "company" });
    expect((await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "company" })).statusCode).toBe(409);

    const early = await call(t, "POST", `/api/interests/${interestId}/accept`, buyer.staff, {});
    expect(early.statusCode).toBe(409);
    expect(json(early).detail).toContain('"submitted"');
    expect(json(early).errors[0]).toMatchObject({ path: "state", message: "is submitted" });
    expect((await call(t, "POST", `/api/interests/${interestId}/forward`, maker.staff, {})).statusCode).toBe(403);
    expect((await call(t, "GET", `/api/interests/${interestId}`, outsider.staff)).statusCode).toBe(404);
    const foreignOffice = await buildOffice(t.database.db);
    expect(json(await call(t, "POST", `/api/interests/${interestId}/forward`, gov.staff, { officeId: foreignOffice.id })).errors[0].path).toBe("officeId");

    const fwd = await call(t, "POST", `/api/interests/${interestId}/forward`, gov.staff, { note: "県が推薦する企業です", officeId });
    expect(json(fwd)).toMatchObject({ state: "forwarded", brokerNote: "県が推薦する企業です", officeId });
    expect((await call(t, "POST", `/api/interests/${interestId}/accept`, maker.staff, {})).statusCode).toBe(403);
    expect(json(await call(t, "POST", `/api/interests/${interestId}/accept`, buyer.staff, {})).state).toBe("accepted");

    const noMeeting = await call(t, "POST", `/api/interests/${interestId}/outcomes`, buyer.staff, { kind: "negotiation", occurredOn: "2026-03-10" });
    expect(noMeeting.statusCode).toBe(409);
    expect(json(noMeeting).detail).toContain('"accepted"');
    const noEvent = await call(t, "POST", `/api/interests/${interestId}/meetings`, gov.staff, { mode: "event", meetsOn: "2026-03-01" });
    expect(json(noEvent).errors[0].path).toBe("eventId");
    const missingEvent = await call(t, "POST", `/api/interests/${interestId}/meetings`, gov.staff, { mode: "event", eventId: "00000000-0000-4000-8000-000000000001", meetsOn: "2026-03-01" });
    expect(json(missingEvent).errors[0].path).toBe("eventId");
    const met = await call(t, "POST", `/api/interests/${interestId}/meetings`, gov.staff, { mode: "online", meetsOn: "2026-03-01", place: "Zoom" });
    expect(met.statusCode).toBe(201);
    expect(json(met)).toMatchObject({ state: "meeting", meetings: [{ mode: "online", meetsOn: "2026-03-01" }] });

    expect(json(await call(t, "POST", `/api/interests/${interestId}/outcomes`, buyer.staff, { kind: "negotiation", occurredOn: "2026-03-10" })).state).toBe("negotiating");
    const badSales = await call(t, "POST", `/api/interests/${interestId}/outcomes`, buyer.staff, { kind: "contract", occurredOn: "2026-04-01", salesAmount: 100 });
    expect(json(badSales).errors[0].path).toBe("currency");
    const contract = await call(t, "POST", `/api/interests/${interestId}/outcomes`, maker.staff, { kind: "contract", occurredOn: "2026-04-01", salesAmount: 1_200_000, currency: "jpy" });
    expect(json(contract)).toMatchObject({ state: "agreed", followUps: [{ milestone: "6m", due: "2026-10-01", done: false }, { milestone: "12m", due: "2027-04-01", done: false }] });
    expect((await call(t, "POST", `/api/interests/${interestId}/outcomes`, maker.staff, { kind: "no_deal", occurredOn: "2026-04-02" })).statusCode).toBe(409);
  });

  it("feeds negotiations, contracts and yen sales to the government's KPIs, once each, and follow-ups add sales", async () => {
    expect(await measured("business_negotiations")).toBe(1);
    expect(await measured("contracts")).toBe(1);
    expect(await measured("sales_jpy")).toBe(1_200_000);
    const six = await call(t, "POST", `/api/interests/${interestId}/follow-ups`, maker.staff, { milestone: "6m", occurredOn: "2026-10-05", salesAmount: 300_000, currency: "JPY", note: "再注文あり" });
    expect(six.statusCode).toBe(201);
    expect(json(six).followUps[0]).toMatchObject({ milestone: "6m", done: true });
    expect((await call(t, "POST", `/api/interests/${interestId}/follow-ups`, maker.staff, { milestone: "6m", occurredOn: "2026-10-06" })).statusCode).toBe(409);
    const usd = await call(t, "POST", `/api/interests/${interestId}/follow-ups`, maker.staff, { milestone: "12m", occurredOn: "2027-04-02", salesAmount: 5000, currency: "USD" });
    expect(json(usd).outcomes.at(-1)).toMatchObject({ kind: "follow_up_12m", salesAmount: 5000, currency: "USD", kpiSalesJpy: null });
    expect(await measured("sales_jpy")).toBe(1_500_000);
    expect(await measured("contracts")).toBe(1);
  });

  it("declines through the government and then refuses to accept", async () => {
    const other = await company(t, "Second Pearl KK");
    await call(t, "POST", "/api/companies", other.staff, { orgId: other.id, vettedBy: gov.id, descriptionEn: "Pearl earrings", hsCodes: ["7116"] });
    await call(t, "POST", `/api/companies/${other.id}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const fromBuyer = json(await call(t, "POST", "/api/interests", buyer.staff, { opportunityId: requestId, companyOrgId: other.id, fromSide: "opportunity" }));
    expect(fromBuyer.state).toBe("submitted");
    const declined = json(await call(t, "POST", `/api/interests/${fromBuyer.id}/decline`, gov.staff, { reason: "生産能力が不足" }));
    expect(declined).toMatchObject({ state: "declined", declinedBy: "broker", declineReason: "生産能力が不足" });
    const late = await call(t, "POST", `/api/interests/${fromBuyer.id}/accept`, other.staff, {});
    expect(late.statusCode).toBe(409);
    expect(json(late).detail).toContain('"declined"');
    expect(json(await call(t, "GET", "/api/interests?role=broker", gov.staff)).items).toHaveLength(2);
    expect(json(await call(t, "GET", "/api/interests", outsider.staff)).items).toHaveLength(0);
  });

  it("notifies each step to the other parties' users, who mark them read", async () => {
    expect((await call(t, "GET", "/api/notifications")).statusCode).toBe(401);
    const inbox = json(await call(t, "GET", "/api/notifications?unread=true", buyer.staff)).items;
    const kinds = inbox.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(["interest_forwarded", "meeting_scheduled", "outcome_contract", "follow_up"]));
    expect(inbox[0].title.ja && inbox[0].title.en).toBeTruthy();
    const govInbox = json(await call(t, "GET", "/api/notifications", gov.staff)).items.map((n: { kind: string }) => n.kind);
    expect(govInbox).toContain("interest_submitted");
    const one = await call(t, "POST", "/api/notifications/read", buyer.staff, { ids: [inbox[0].id] });
    expect(json(one).updated).toBe(1);
    expect(json(await call(t, "POST", "/api/notifications/read", buyer.staff, {})).updated).toBe(inbox.length - 1);
    expect(json(await call(t, "GET", "/api/notifications?unread=true", buyer.staff)).items).toHaveLength(0);
    expect(json(await call(t, "GET", "/api/notifications", outsider.staff)).items).toHaveLength(0);
  });

  it("gives the government its funnel and nobody else", async () => {
    const f = await call(t, "GET", `/api/governments/${gov.id}/matchmaking-funnel`, gov.staff);
    expect(json(f)).toMatchObject({ profiles: 2, vetted: 2, opportunities: 1, interests: 2, meetings: 1, agreements: 1 });
    expect((await call(t, "GET", `/api/governments/${gov.id}/matchmaking-funnel`, outsider.staff)).statusCode).toBe(403);
    expect((await call(t, "GET", `/api/governments/${gov.id}/matchmaking-funnel`)).statusCode).toBe(401);
  });
});
