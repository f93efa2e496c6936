import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { recordMetricValue } from "./metric-link.ts";

describe(`KPIs, measurements, metric link and dashboard API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let prefId: string;
  let otherOrgId: string;
  let officeId: string;
  let otherOfficeId: string;
  let staff: string;
  let viewer: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    prefId = (await buildOrganisation(t.database.db, { kind: "prefecture", localGovCode: "470007", nameJa: "試験県", nameEn: "Shiken Prefecture" })).id;
    otherOrgId = (await buildOrganisation(t.database.db)).id;
    officeId = (await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Singapore" })).id;
    otherOfficeId = (await buildOffice(t.database.db, { ownerOrgId: prefId, cityEn: "Bangkok", country: "TH" })).id;
    staff = await t.signInAs("staff", prefId);
    viewer = await t.signInAs("viewer", prefId);
    other = await t.signInAs("admin", otherOrgId);
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown, cookie?: string) => t.app.inject({ method: "POST", url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const kpiBody = (over: Record<string, unknown> = {}) => ({
    ownerOrgId: prefId,
    nameJa: "商談件数",
    nameEn: "Business negotiations",
    level: "output",
    horizon: "short",
    unit: "count",
    metric: "business_negotiations",
    ...over,
  });
  const get = async (url: string, cookie?: string) => json(await t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} }));

  it("creates KPIs with defaults, refuses bad fields, duplicates and foreign offices, and writes only with rights", async () => {
    const res = await post("/api/kpis", kpiBody(), staff);
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ direction: "increase", periodKind: "year", target: null, officeId: null, ownerNameEn: "Shiken Prefecture" });
    expect((await post("/api/kpis", kpiBody({ nameJa: "別" }), staff)).statusCode).toBe(409);
    const bad = await post("/api/kpis", kpiBody({ nameEn: "X", level: "result", unit: "yen", periodKind: "fiscal_year", target: { value: 5, period: "2030" }, metric: "likes" }), staff);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["level", "unit", "metric"]));
    const kind = await post("/api/kpis", kpiBody({ nameEn: "X", periodKind: "fiscal_year", target: { value: 5, period: "2030" } }), staff);
    expect(json(kind).errors[0].path).toBe("target.period");
    const foreignOffice = await buildOffice(t.database.db, { ownerOrgId: otherOrgId });
    const notOurs = await post("/api/kpis", kpiBody({ nameEn: "X", officeId: foreignOffice.id }), staff);
    expect(json(notOurs).errors[0].path).toBe("officeId");
    expect((await post("/api/kpis", kpiBody({ nameEn: "X" }))).statusCode).toBe(401);
    expect((await post("/api/kpis", kpiBody({ nameEn: "X" }), other)).statusCode).toBe(403);
    expect((await post("/api/kpis", kpiBody({ nameEn: "X" }), viewer)).statusCode).toBe(403);
    expect((await get(`/api/kpis?ownerOrgId=${prefId}`)).total).toBe(1);
  });

  it("records measurements per period of the KPI's kind and keeps fields a PATCH does not send", async () => {
    const kpi = json(await post("/api/kpis", kpiBody({ nameJa: "県産品輸出額", nameEn: "Exports of local products", level: "outcome", horizon: "long", unit: "jpy", metric: "sales_jpy", periodKind: "fiscal_year", target: { value: 1000, period: "FY2025" }, visibility: "shared", sharedWith: [otherOrgId] }), staff));
    const put = (period: string, payload: object, cookie = staff) => t.app.inject({ method: "PUT", url: `/api/kpis/${kpi.id}/measurements/${period}`, headers: { cookie }, payload });
    expect((await put("FY2023", { value: 600, source: "prefectural report" })).statusCode).toBe(200);
    expect(json(await put("FY2024", { value: 750 }))).toMatchObject({ period: "FY2024", value: 750, fromMetrics: 0 });
    const wrongKind = await put("2024", { value: 1 });
    expect(wrongKind.statusCode).toBe(400);
    expect(json(wrongKind).errors[0].path).toBe("period");
    expect(json(await put("FY20", { value: 1 })).errors[0].path).toBe("params.period");
    expect(json(await put("FY2022", { value: "many" })).errors[0].path).toBe("value");
    expect((await put("FY2022", { value: 1 }, other)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "PUT", url: `/api/kpis/${kpi.id}/measurements/FY2022`, payload: { value: 1 } })).statusCode).toBe(401);
    expect((await get(`/api/kpis/${kpi.id}/measurements`, staff)).map((m: { period: string }) => m.period)).toEqual(["FY2023", "FY2024"]);
    expect((await t.app.inject({ method: "GET", url: `/api/kpis/${kpi.id}/measurements` })).statusCode).toBe(404);
    expect((await get(`/api/kpis/${kpi.id}/measurements`, other)).length).toBe(2);

    const patched = json(await t.app.inject({ method: "PATCH", url: `/api/kpis/${kpi.id}`, headers: { cookie: staff }, payload: { nameJa: "県産品の輸出額" } }));
    expect(patched).toMatchObject({ visibility: "shared", sharedWith: [otherOrgId], periodKind: "fiscal_year", direction: "increase", target: { value: 1000, period: "FY2025" } });
    const rekind = await t.app.inject({ method: "PATCH", url: `/api/kpis/${kpi.id}`, headers: { cookie: staff }, payload: { periodKind: "month", target: null } });
    expect(json(rekind).errors[0].path).toBe("periodKind");
    expect((await t.app.inject({ method: "DELETE", url: `/api/kpis/${kpi.id}/measurements/FY2023`, headers: { cookie: staff } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: "DELETE", url: `/api/kpis/${kpi.id}/measurements/FY2023`, headers: { cookie: staff } })).statusCode).toBe(404);
  });

  it("feeds metric values into every KPI of the metric whose scope and dates cover the outcome", async () => {
    const make = async (over: Record<string, unknown>) => json(await post("/api/kpis", kpiBody(over), staff)).id as string;
    const orgWide = (await get(`/api/kpis?ownerOrgId=${prefId}&metric=business_negotiations`)).items[0].id as string;
    const sgOffice = await make({ nameEn: "Negotiations via Singapore", officeId, periodKind: "month" });
    const bkkOffice = await make({ nameEn: "Negotiations via Bangkok", officeId: otherOfficeId });
    const fiscal = await make({ nameEn: "Negotiations per fiscal year", periodKind: "fiscal_year" });
    const dropped = await make({ nameEn: "Old negotiations KPI", since: "2010", until: "2020" });
    const elsewhere = json(await post("/api/kpis", kpiBody({ ownerOrgId: otherOrgId }), other)).id as string;

    const updates = await t.database.db.transaction((tx) =>
      recordMetricValue(tx, { orgId: prefId, officeId, metric: "business_negotiations", period: "2025-03-10", delta: 3, source: "matchmaking:meeting/1" }),
    );
    const byKpi = new Map(updates.map((u) => [u.kpiId, u]));
    expect(byKpi.get(orgWide)).toMatchObject({ period: "2025", value: 3 });
    expect(byKpi.get(sgOffice)).toMatchObject({ period: "2025-03", value: 3 });
    expect(byKpi.get(fiscal)).toMatchObject({ period: "FY2024", value: 3 });
    for (const id of [bkkOffice, dropped, elsewhere]) expect(byKpi.has(id)).toBe(false);

    await recordMetricValue(t.database.db, { orgId: prefId, metric: "business_negotiations", period: "2025-04", delta: 2 });
    const yearly = await get(`/api/kpis/${orgWide}/measurements`);
    expect(yearly).toEqual([expect.objectContaining({ period: "2025", value: 5, fromMetrics: 5, source: "matchmaking:meeting/1" })]);
    expect((await get(`/api/kpis/${sgOffice}/measurements`)).map((m: { value: number }) => m.value)).toEqual([3]);
    expect((await get(`/api/kpis/${fiscal}/measurements`)).map((m: { period: string }) => m.period)).toEqual(["FY2024", "FY2025"]);
    await expect(recordMetricValue(t.database.db, { orgId: prefId, metric: "business_negotiations", period: "2025", delta: 1 })).rejects.toMatchObject({
      errors: [expect.objectContaining({ path: "period" })],
    });
    await expect(recordMetricValue(t.database.db, { orgId: prefId, metric: "votes" as never, period: "2025-01", delta: 1 })).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("imports measurements from CSV and XLSX all or nothing, naming row, column and value", async () => {
    const upload = (body: string | Buffer, type: string, cookie = staff) => t.app.inject({ method: "POST", url: "/api/kpi-measurements/import", headers: { cookie, "content-type": type }, payload: body });
    const negotiations = (await get(`/api/kpis?ownerOrgId=${prefId}&sort=createdAt&limit=1`)).items[0].id as string;
    const values = async (id: string) => (await get(`/api/kpis/${id}/measurements`, staff)).map((m: { period: string; value: number }) => [m.period, m.value]);
    const csv = "kpi,owner,period,value,source\nBusiness negotiations,470007,2023,\"1,200\",annual report\n県産品の輸出額,,FY2022,500,\n";
    const ok = await upload(csv, "text/csv");
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toEqual({ rows: 2, created: 2, updated: 0 });
    expect(await values(negotiations)).toEqual([["2023", 1200], ["2025", 5]]);

    const bad = "kpi,owner,period,value,colour\nBusiness negotiations,470007,FY2023,x,red\nNo such KPI,,2023,1,\nBusiness negotiations,,2023,1,\nBusiness negotiations,470007,2024,1,\nBusiness negotiations,470007,2024,2,\n";
    const rejected = await upload(bad, "text/csv");
    expect(rejected.statusCode).toBe(400);
    expect(json(rejected).errors).toEqual([expect.objectContaining({ row: 1, column: "colour" })]);
    const rows = await upload(bad.replace(",colour", "").replace(",red", "").replace(/,\n/g, "\n"), "text/csv");
    expect(rows.statusCode).toBe(400);
    expect(json(rows).errors).toEqual([
      expect.objectContaining({ row: 2, column: "period", value: "FY2023" }),
      expect.objectContaining({ row: 2, column: "value", value: "x" }),
      expect.objectContaining({ row: 3, column: "kpi", value: "No such KPI" }),
      expect.objectContaining({ row: 4, column: "kpi", message: expect.stringContaining("ambiguous") }),
      expect.objectContaining({ row: 6, path: "(row)", message: "same KPI and period as row 5" }),
    ]);
    expect(json(rows).detail).toContain("Nothing was written");
    expect(await values(negotiations)).toEqual([["2023", 1200], ["2025", 5]]);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("m");
    sheet.addRow(["kpi", "period", "value"]);
    sheet.addRow([negotiations, 2023, 1250]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const fromXlsx = await upload(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(json(fromXlsx)).toEqual({ rows: 1, created: 0, updated: 1 });
    expect(await values(negotiations)).toEqual([["2023", 1250], ["2025", 5]]);

    const forbidden = await upload("kpi,owner,period,value\nBusiness negotiations,470007,2023,1\n", "text/csv", other);
    expect(forbidden.statusCode).toBe(403);
    expect(json(forbidden).errors[0]).toMatchObject({ row: 2, column: "kpi" });
    const asJson = await t.app.inject({ method: "POST", url: "/api/kpi-measurements/import", headers: { cookie: staff }, payload: { kpi: "x" } });
    expect(asJson.statusCode).toBe(415);
    expect((await t.app.inject({ method: "POST", url: "/api/kpi-measurements/import", headers: { "content-type": "text/csv" }, payload: csv })).statusCode).toBe(401);
  });

  it("shows targets against actuals with year-on-year change, and warns an organisation that measures only outputs", async () => {
    const orgId = (await buildOrganisation(t.database.db)).id;
    const cookie = await t.signInAs("staff", orgId);
    const kpi = json(await post("/api/kpis", kpiBody({ ownerOrgId: orgId, target: { value: 120, period: "2024" } }), cookie));
    for (const [period, value] of [["2023", 80], ["2024", 100]] as const) {
      await t.app.inject({ method: "PUT", url: `/api/kpis/${kpi.id}/measurements/${period}`, headers: { cookie }, payload: { value } });
    }
    const board = await get(`/api/organisations/${orgId}/kpi-dashboard`);
    expect(board.kpis[0]).toMatchObject({ latest: { period: "2024", value: 100, yoyChange: 20, yoyRatio: 0.25 }, actualAtTarget: 100, targetMet: false });
    expect(board.warnings.map((w: { code: string }) => w.code)).toEqual(["outputs_only", "short_term_only"]);
    expect(board.warnings[0].text.ja).toContain("アウトカム");
    const outcome = json(await post("/api/kpis", kpiBody({ ownerOrgId: orgId, nameEn: "Repeat buyers", nameJa: "継続取引先", level: "outcome", horizon: "long", metric: null, since: "2024" }), cookie));
    expect((await get(`/api/organisations/${orgId}/kpi-dashboard`)).warnings).toEqual([]);
    expect((await get(`/api/organisations/${orgId}/kpi-dashboard?asOf=2023`)).warnings.map((w: { code: string }) => w.code)).toEqual(["outputs_only", "short_term_only"]);
    await t.app.inject({ method: "PATCH", url: `/api/kpis/${outcome.id}`, headers: { cookie }, payload: { visibility: "confidential" } });
    expect((await get(`/api/organisations/${orgId}/kpi-dashboard`)).warnings.map((w: { code: string }) => w.code)).toEqual(["outputs_only", "short_term_only"]);
    expect((await get(`/api/organisations/${orgId}/kpi-dashboard`, cookie)).warnings).toEqual([]);
    expect((await t.app.inject({ method: "GET", url: `/api/organisations/${orgId}/kpi-dashboard?asOf=2023-13` })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/organisations/00000000-0000-4000-8000-000000000000/kpi-dashboard" })).statusCode).toBe(404);
    const vocab = await get("/api/evaluation/vocabulary");
    expect(vocab.metrics.business_negotiations).toEqual({ ja: "商談件数", en: "Business negotiations", unit: "count" });
  });
});
