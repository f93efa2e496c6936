import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { paths } from "../people/people.test-support.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { workloadFromLogs } from "./comparison.service.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe(`office history and operating-model comparison API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let ownerId: string;
  let admin: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    ownerId = (await buildOrganisation(t.database.db, { kind: "designated_city", nameEn: "Kaigai City", nameJa: "海外市" })).id;
    admin = await t.signInAs("admin", ownerId);
    other = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
  });
  afterAll(async () => t.close());

  const call = (method: "GET" | "POST" | "PUT", url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const importCsv = (officeId: string, rows: string[]) =>
    t.app.inject({
      method: "POST",
      url: `/api/offices/${officeId}/time-logs/import`,
      headers: { cookie: admin, "content-type": "text/csv" },
      payload: `month,category,hours,staffName\r\n${rows.join("\r\n")}\r\n`,
    });

  it("derives a history from the registry until one is recorded, then validates and stores it with its transitions", async () => {
    const target = await buildOffice(t.database.db, { ownerOrgId: ownerId, nameEn: "Prefecture Shanghai Office", cityEn: "Shanghai", country: "CN", opened: "1985" });
    const office = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Shanghai", country: "CN", opened: "2005-04", operationalModel: "independent" });
    const derived = json(await call("GET", `/api/offices/${office.id}/history`, admin));
    expect(derived).toMatchObject({ stored: false, periods: [{ model: "independent", from: "2005-04" }] });
    expect(derived.transitions[0]).toMatchObject({ kind: "opened", label: { en: "Opened" } });

    const history = {
      periods: [
        { model: "hosted", host: "jetro", from: "2005-04", to: "2009-03-31", reason: "Start small in JETRO Shanghai" },
        { model: "independent", from: "2009-04-01", to: "2012-03-31", reason: "Growing trade", end: { kind: "merged", mergedIntoOfficeId: target.id, reason: "Consolidated with the prefecture's office" }, source: "paper" },
      ],
    };
    const bad = await call("PUT", `/api/offices/${office.id}/history`, admin, {
      periods: [history.periods[0], { ...history.periods[1], from: "2009-06-01" }],
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(json(bad))).toEqual(["periods[1].from"]);
    const self = await call("PUT", `/api/offices/${office.id}/history`, admin, {
      periods: [history.periods[0], { ...history.periods[1], end: { kind: "merged", mergedIntoOfficeId: office.id } }],
    });
    expect(paths(json(self))).toEqual(["periods[1].end.mergedIntoOfficeId"]);
    const missing = await call("PUT", `/api/offices/${office.id}/history`, admin, {
      periods: [history.periods[0], { ...history.periods[1], end: { kind: "merged", mergedIntoOfficeId: "no-such-office" } }],
    });
    expect(paths(json(missing))).toEqual(["periods[1].end.mergedIntoOfficeId"]);
    expect(json(await call("GET", `/api/offices/${office.id}/history`, admin)).stored).toBe(false);

    expect((await call("PUT", `/api/offices/${office.id}/history`, other, history)).statusCode).toBe(403);
    expect((await call("PUT", `/api/offices/${office.id}/history`, undefined, history)).statusCode).toBe(401);
    const saved = await call("PUT", `/api/offices/${office.id}/history`, admin, history);
    expect(saved.statusCode).toBe(200);
    const body = json(saved);
    expect(body.stored).toBe(true);
    expect(body.periods[1]).toMatchObject({ source: "paper", end: { kind: "merged", mergedIntoOfficeId: target.id } });
    expect(body.transitions.map((x: { kind: string }) => x.kind)).toEqual(["opened", "model_changed", "merged"]);
    expect(body.transitions[1]).toMatchObject({ fromModel: "hosted", fromHost: "jetro", toModel: "independent", reason: "Growing trade" });
    const registry = json(await call("GET", `/api/offices/${office.id}`, admin));
    expect(registry).toMatchObject({ closed: "2012-03-31", mergedIntoId: target.id, operationalModel: "independent" });
    expect((await call("GET", `/api/offices/${office.id}/history`, other)).statusCode).toBe(403);
  });

  it("compares the five models for an office without time logs, estimating the workload from its staff", async () => {
    const office = await buildOffice(t.database.db, {
      ownerOrgId: ownerId,
      cityEn: "Singapore",
      country: "SG",
      operationalModel: "independent",
      functions: ["economic_exchange_business_support", "regional_promotion"],
      staffCount: 5,
    });
    const res = await call("GET", `/api/offices/${office.id}/comparison`, admin);
    expect(res.statusCode).toBe(200);
    const c = json(res);
    expect(c.models.map((m: { model: string }) => m.model)).toEqual(["independent", "joint_municipal", "joint_industry_academia", "hosted", "outsourced"]);
    expect(c.input.staff).toEqual({ dispatched: 1, local: 4 });
    // 5 people × 1,860 h × (1 − 0.30) = 6,510 h, split over the two functions
    expect(c.input.workloadHours).toEqual({ economic_exchange_business_support: 3255, regional_promotion: 3255 });
    expect(c.inputBasis).toMatchObject({
      workload: { kind: "staff_estimate", people: 5, hoursPerPerson: 1860, managementShare: 0.3, managementShareFrom: "assumptions" },
      staff: "staff_count",
      functions: "registry",
    });
    const independent = c.models[0];
    expect(independent).toMatchObject({ current: true, costDeltaVsCurrentJpy: 0, managementShare: 0.3 });
    expect(independent.risks.map((r: { code: string }) => r.code)).toContain("management_burden");
    expect((await call("GET", `/api/offices/${office.id}/comparison`, other)).statusCode).toBe(403);
    expect((await call("GET", `/api/offices/${office.id}/comparison`)).statusCode).toBe(401);
  });

  it("takes the workload from the latest complete fiscal year of time logs, and annualises when none is complete", async () => {
    const office = await buildOffice(t.database.db, {
      ownerOrgId: ownerId,
      cityEn: "Bangkok",
      country: "TH",
      operationalModel: "independent",
      functions: ["economic_exchange_business_support"],
      duties: ["vip_visits"],
      staffCount: 2,
    });
    const months = ["2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"];
    const rows = months.flatMap((m) => [`${m},office_management,60,Head`, `${m},economic_exchange_business_support,100,Head`, `${m},regional_promotion,50,Local`]);
    rows.push("2024-04,economic_exchange_business_support,300,Head", "2024-04,vip_visits,10,Head");
    expect((await importCsv(office.id, rows)).statusCode).toBe(200);
    const c = json(await call("GET", `/api/offices/${office.id}/comparison`, admin));
    expect(c.inputBasis.workload).toEqual({ kind: "fiscal_year", period: "FY2023", months: 12 });
    expect(c.input.workloadHours).toEqual({ economic_exchange_business_support: 1200, regional_promotion: 600 });
    expect(c.office.workHours).toBe(1800);
    const hosted = c.models.find((m: { model: string }) => m.model === "hosted");
    expect(hosted.functionsNotServed).toEqual(expect.arrayContaining(["regional_promotion"]));

    const partial = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Hanoi", country: "VN", functions: ["information_gathering"] });
    await importCsv(partial.id, ["2024-01,information_gathering,100,A", "2024-02,information_gathering,50,A", "2024-03,office_management,80,A"]);
    const p = json(await call("GET", `/api/offices/${partial.id}/comparison`, admin));
    expect(p.inputBasis.workload).toEqual({ kind: "annualised_months", from: "2024-01", to: "2024-03", months: 3, factor: 4 });
    expect(p.input.workloadHours).toEqual({ information_gathering: 600 });
  });

  it("answers a what-if: assumption overrides and office inputs, naming the field of a bad one", async () => {
    const office = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Paris", country: "FR", functions: ["regional_promotion"], staffCount: 3 });
    const url = `/api/offices/${office.id}/comparison`;
    const res = await call("POST", url, admin, { assumptions: { models: { independent: { managementShare: 0.2 } } }, office: { staff: { local: 0 } } });
    expect(res.statusCode).toBe(200);
    const c = json(res);
    expect(c.overrides).toEqual(["models.independent.managementShare"]);
    expect(c.models[0].managementShare).toBeCloseTo(0.2);
    expect(c.input.staff).toEqual({ dispatched: 1, local: 0 });
    // The estimate of the workload uses the what-if's share too: 3 × 1,860 × 0.8
    expect(c.input.workloadHours).toEqual({ regional_promotion: 4464 });

    const typo = await call("POST", url, admin, { assumptions: { models: { independent: { managmentShare: 0.2 } } } });
    expect(typo.statusCode).toBe(400);
    expect(paths(json(typo))[0]).toMatch(/^assumptions\.models\.independent/);
    const negative = await call("POST", url, admin, { office: { staff: { dispatched: -1 } } });
    expect(paths(json(negative))).toEqual(["office.staff.dispatched"]);
    const unknown = await call("POST", url, admin, { whatif: true });
    expect(paths(json(unknown))).toEqual(["whatif"]);
    expect((await call("POST", url, other, {})).statusCode).toBe(403);

    const noFunctions = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Sydney", country: "AU" });
    const refused = await call("GET", `/api/offices/${noFunctions.id}/comparison`, admin);
    expect(refused.statusCode).toBe(400);
    expect(paths(json(refused))).toEqual(["office.functions"]);
  });

  it("reads the office's arrangement: joint members, a JETRO host, and its settings", async () => {
    const jetro = await buildOrganisation(t.database.db, { kind: "national_agency", nameEn: "JETRO", nameJa: "日本貿易振興機構", country: "JP", localGovCode: null });
    const hosted = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Jakarta", country: "ID", operationalModel: "hosted", hostOrgId: jetro.id, functions: ["economic_exchange_business_support"], staffCount: 1 });
    const h = json(await call("GET", `/api/offices/${hosted.id}/comparison`, admin));
    expect(h.input).toMatchObject({ host: "jetro", staff: { dispatched: 1, local: 0 } });
    expect(h.inputBasis.host).toBe("host_organisation");

    const bank = await buildOrganisation(t.database.db, { kind: "regional_bank", nameEn: "Regional Bank", nameJa: "地方銀行", country: "JP", localGovCode: null });
    const joint = await buildOffice(t.database.db, { ownerOrgId: ownerId, coOwnerIds: [bank.id], cityEn: "Ho Chi Minh City", country: "VN", operationalModel: "joint_industry_academia", functions: ["economic_exchange_business_support"] });
    await call("PUT", `/api/offices/${joint.id}/operations`, admin, { staff: { dispatched: 2, local: 3 }, contractScope: ["economic_exchange_business_support"] });
    const j = json(await call("GET", `/api/offices/${joint.id}/comparison`, admin));
    expect(j.input).toMatchObject({ jointMembers: 2, jointPartnerKind: "regional_bank", staff: { dispatched: 2, local: 3 }, contractScope: ["economic_exchange_business_support"] });
    expect(j.inputBasis).toMatchObject({ staff: "operations_settings", jointPartnerKind: "co_owner" });
    expect(j.models.find((m: { model: string }) => m.model === "joint_industry_academia").partnerKind).toBe("regional_bank");
  });

  it("downloads the comparison as XLSX, and the what-if too", async () => {
    const office = await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "London", country: "GB", functions: ["information_gathering"], staffCount: 2 });
    const res = await call("GET", `/api/offices/${office.id}/comparison?format=xlsx&locale=en`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="office-comparison-${office.id}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toHaveLength(3);
    const whatIf = await call("POST", `/api/offices/${office.id}/comparison?format=xlsx`, admin, { assumptions: { annualHoursPerPerson: 1800 } });
    expect(whatIf.statusCode).toBe(200);
    expect(whatIf.headers["content-type"]).toBe(XLSX);
    expect((await call("GET", `/api/offices/${office.id}/comparison?format=pdf`, admin)).statusCode).toBe(400);
  });
});

describe("workloadFromLogs", () => {
  it("prefers the latest complete fiscal year over a later partial one, and is null without logs", () => {
    expect(workloadFromLogs([])).toBeNull();
    const year = (fy: number, hours: number) =>
      Array.from({ length: 12 }, (_, i) => {
        const m = ((i + 3) % 12) + 1;
        return { month: `${m >= 4 ? fy : fy + 1}-${String(m).padStart(2, "0")}`, category: "information_gathering", hours };
      });
    const r = workloadFromLogs([...year(2021, 1), ...year(2022, 2), { month: "2023-04", category: "information_gathering", hours: 500 }]);
    expect(r?.basis).toEqual({ kind: "fiscal_year", period: "FY2022", months: 12 });
    expect(r?.workload).toEqual({ information_gathering: 24 });
  });
});
