import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { paths } from "../people/people.test-support.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`office operations API: settings, time logs, import, time use, costs (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let ownerId: string;
  let coOwnerId: string;
  let officeId: string;
  let secretOfficeId: string;
  const c: Record<"admin" | "staff" | "viewer" | "coOwner" | "other", string> = { admin: "", staff: "", viewer: "", coOwner: "", other: "" };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    ownerId = (await buildOrganisation(db, { kind: "municipality", nameEn: "Owner Town", nameJa: "所有町" })).id;
    coOwnerId = (await buildOrganisation(db, { kind: "municipality", nameEn: "Partner Town", nameJa: "共同町" })).id;
    const otherId = (await buildOrganisation(db)).id;
    officeId = (
      await buildOffice(db, {
        ownerOrgId: ownerId,
        coOwnerIds: [coOwnerId],
        operationalModel: "joint_municipal",
        functions: ["economic_exchange_business_support", "regional_promotion"],
        staffCount: 3,
      })
    ).id;
    secretOfficeId = (await buildOffice(db, { ownerOrgId: ownerId, visibility: "confidential", cityEn: "Hanoi", country: "VN" })).id;
    c.admin = await t.signInAs("admin", ownerId);
    c.staff = await t.signInAs("staff", ownerId);
    c.viewer = await t.signInAs("viewer", ownerId);
    c.coOwner = await t.signInAs("admin", coOwnerId);
    c.other = await t.signInAs("admin", otherId);
  });
  afterAll(async () => t.close());

  const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ops = (suffix: string, id = officeId) => `/api/offices/${id}${suffix}`;

  it("operations settings default to confidential and equal shares; only the owner's admins and staff change them", async () => {
    const got = await call("GET", ops("/operations"), c.viewer);
    expect(got.statusCode).toBe(200);
    expect(json(got)).toMatchObject({ stored: false, visibility: "confidential", sharingKey: { kind: "equal" }, staff: null });
    expect(json(got).members.map((m: { orgId: string; role: string }) => [m.orgId, m.role])).toEqual([
      [ownerId, "owner"],
      [coOwnerId, "co_owner"],
    ]);
    expect((await call("GET", ops("/operations"))).statusCode).toBe(401);
    expect((await call("GET", ops("/operations"), c.coOwner)).statusCode).toBe(403);
    expect((await call("GET", ops("/operations"), c.other)).statusCode).toBe(403);
    expect((await call("GET", ops("/operations", secretOfficeId), c.other)).statusCode).toBe(404);

    const body = { visibility: "shared", sharingKey: { kind: "fixed_shares", shares: { [ownerId]: 0.6, [coOwnerId]: 0.4 } }, staff: { dispatched: 1, local: 2 } };
    expect((await call("PUT", ops("/operations"), c.viewer, body)).statusCode).toBe(403);
    expect((await call("PUT", ops("/operations"), c.coOwner, body)).statusCode).toBe(403);
    expect((await call("PUT", ops("/operations"), undefined, body)).statusCode).toBe(401);
    const put = await call("PUT", ops("/operations"), c.staff, body);
    expect(put.statusCode).toBe(200);
    expect(json(put)).toMatchObject({ stored: true, visibility: "shared", staff: { dispatched: 1, local: 2 } });
    expect((await call("GET", ops("/operations"), c.coOwner)).statusCode).toBe(200);
    expect((await call("GET", ops("/operations"), c.other)).statusCode).toBe(403);
  });

  it("names the failing field of bad settings and keeps the old ones", async () => {
    const missing = await call("PUT", ops("/operations"), c.admin, { visibility: "shared", sharingKey: { kind: "by_usage", usage: { [ownerId]: 10 } } });
    expect(missing.statusCode).toBe(400);
    expect(paths(json(missing))).toEqual([`sharingKey.usage.${coOwnerId}`]);
    const bad = await call("PUT", ops("/operations"), c.admin, { visibility: "public", staff: { dispatched: -1, local: 0 }, colour: "red" });
    expect(bad.statusCode).toBe(400);
    expect(paths(json(bad))).toEqual(expect.arrayContaining(["visibility", "staff.dispatched", "colour"]));
    expect(json(await call("GET", ops("/operations"), c.admin)).sharingKey.kind).toBe("fixed_shares");
  });

  it("logs hours by staff member, month and category, refusing duplicates, bad fields and more than 744 h a month", async () => {
    const created = await call("POST", ops("/time-logs"), c.staff, { staffName: "Tanaka", month: "2024-04", category: "office_management", hours: 60 });
    expect(created.statusCode).toBe(201);
    expect(json(created)).toMatchObject({ staffName: "Tanaka", staffRef: "name:tanaka", personId: null, hours: 60 });
    const dup = await call("POST", ops("/time-logs"), c.staff, { staffName: "TANAKA", month: "2024-04", category: "office_management", hours: 5 });
    expect(dup.statusCode).toBe(409);

    const bad = await call("POST", ops("/time-logs"), c.staff, { staffName: "Tanaka", month: "2024-13", category: "tourism", hours: -1 });
    expect(bad.statusCode).toBe(400);
    expect(paths(json(bad))).toEqual(["month", "category", "hours"]);
    const both = await call("POST", ops("/time-logs"), c.staff, { staffName: "Tanaka", personId: ownerId, month: "2024-04", category: "vip_visits", hours: 1 });
    expect(paths(json(both))).toEqual(["staffName"]);
    const nobody = await call("POST", ops("/time-logs"), c.staff, { month: "2024-04", category: "vip_visits", hours: 1 });
    expect(paths(json(nobody))).toEqual(["staffName"]);
    const stranger = await call("POST", ops("/time-logs"), c.staff, { personId: ownerId, month: "2024-04", category: "vip_visits", hours: 1 });
    expect(stranger.statusCode).toBe(400);
    expect(paths(json(stranger))).toEqual(["personId"]);

    await call("POST", ops("/time-logs"), c.staff, { staffName: "Sato", month: "2024-05", category: "regional_promotion", hours: 400 });
    const over = await call("POST", ops("/time-logs"), c.staff, { staffName: "Sato", month: "2024-05", category: "vip_visits", hours: 400 });
    expect(over.statusCode).toBe(400);
    expect(paths(json(over))).toEqual(["hours"]);
    const list = json(await call("GET", ops("/time-logs?from=2024-05&to=2024-05"), c.admin));
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ staffName: "Sato", category: "regional_promotion" });

    for (const who of [c.coOwner, c.other, c.viewer]) {
      expect((await call("POST", ops("/time-logs"), who, { staffName: "X", month: "2024-06", category: "vip_visits", hours: 1 })).statusCode).toBe(403);
    }
    expect((await call("POST", ops("/time-logs"), undefined, { staffName: "X", month: "2024-06", category: "vip_visits", hours: 1 })).statusCode).toBe(401);
  });

  it("changes and deletes a log, and logs hours for a person of the owner organisation", async () => {
    const log = json(await call("POST", ops("/time-logs"), c.staff, { staffName: "Ito", month: "2024-06", category: "human_networks", hours: 10 }));
    const patched = await call("PATCH", ops(`/time-logs/${log.id}`), c.staff, { hours: 12.5, note: "corrected" });
    expect(patched.statusCode).toBe(200);
    expect(json(patched)).toMatchObject({ hours: 12.5, note: "corrected" });
    expect((await call("PATCH", ops(`/time-logs/${log.id}`), c.staff, { month: "June" })).statusCode).toBe(400);
    expect((await call("PATCH", ops(`/time-logs/${log.id}`), c.coOwner, { hours: 1 })).statusCode).toBe(403);
    expect((await call("GET", ops(`/time-logs/${log.id}`), c.coOwner)).statusCode).toBe(200);
    expect((await call("DELETE", ops(`/time-logs/${log.id}`), c.staff)).statusCode).toBe(204);
    expect((await call("GET", ops(`/time-logs/${log.id}`), c.staff)).statusCode).toBe(404);

    const person = json(await call("POST", `/api/organisations/${ownerId}/people`, c.admin, { name: "山田太郎" }));
    const byPerson = await call("POST", ops("/time-logs"), c.staff, { personId: person.id, month: "2024-06", category: "economic_exchange_business_support", hours: 100 });
    expect(byPerson.statusCode).toBe(201);
    expect(json(byPerson)).toMatchObject({ personId: person.id, staffRef: person.id, staffName: null });
  });

  it("imports a CSV all or nothing, naming the row and column of every error, and re-imports idempotently", async () => {
    const csv = (rows: string[]) => `\uFEFFmonth,category,hours,staffName,note\r\n${rows.join("\r\n")}\r\n`;
    const post = (body: string | Buffer, type = "text/csv", query = "") =>
      t.app.inject({ method: "POST", url: ops(`/time-logs/import${query}`), headers: { cookie: c.staff, "content-type": type }, payload: body });
    const before = json(await call("GET", ops("/time-logs"), c.admin)).total;

    const bad = await post(csv(["2024-07,office_management,30,Kato,", "2024-07,economic_exchange_business_support,lots,Kato,", "2024-07,karaoke,3,Kato,", "2024-07,office_management,1,kato,"]));
    expect(bad.statusCode).toBe(400);
    const errors = json(bad).errors as Array<{ row: number; column: string }>;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, "hours"],
      [4, "category"],
      [5, "category"],
    ]);
    expect(json(await call("GET", ops("/time-logs"), c.admin)).total).toBe(before);

    const unknownColumn = await post("month,category,hours,staffName,colour\r\n2024-07,vip_visits,1,Kato,red\r\n");
    expect(json(unknownColumn).errors[0]).toMatchObject({ row: 1, column: "colour" });

    const good = csv(["2024-07,office_management,30,Kato,", "2024-07,economic_exchange_business_support,70,Kato,fair"]);
    const first = await post(good);
    expect(first.statusCode).toBe(200);
    expect(json(first)).toEqual({ rows: 2, created: 2, updated: 0 });
    const again = await post(good);
    expect(json(again)).toEqual({ rows: 2, created: 0, updated: 2 });
    expect(json(await call("GET", ops("/time-logs"), c.admin)).total).toBe(before + 2);

    const overCap = await post(csv(["2024-08,office_management,500,Kato,", "2024-08,vip_visits,300,Kato,"]));
    expect(overCap.statusCode).toBe(400);
    expect(json(overCap).errors[0]).toMatchObject({ row: 3, column: "hours" });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("hours");
    sheet.addRow(["month", "category", "hours", "staffName"]);
    sheet.addRow(["2024-09", "trade_fair_support", 24, "Kato"]);
    const xlsx = await post(Buffer.from(await book.xlsx.writeBuffer()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(json(xlsx)).toEqual({ rows: 1, created: 1, updated: 0 });

    expect((await call("POST", ops("/time-logs/import"), c.staff, { month: "2024-07" })).statusCode).toBe(415);
    expect(paths(json(await post(good, "application/octet-stream")))).toEqual(["query.format"]);
    const coOwner = await t.app.inject({ method: "POST", url: ops("/time-logs/import"), headers: { cookie: c.coOwner, "content-type": "text/csv" }, payload: good });
    expect(coOwner.statusCode).toBe(403);
  });

  it("summarises time use by month and fiscal year with the management share against 30 %", async () => {
    const office = (await buildOffice(t.database.db, { ownerOrgId: ownerId, cityEn: "Bangkok", country: "TH" })).id;
    const rows = [
      "2024-03,office_management,40,Head,",
      "2024-03,economic_exchange_business_support,60,Head,",
      "2024-04,office_management,30,Head,",
      "2024-04,regional_promotion,70,Head,",
      "2024-04,regional_promotion,100,Local,",
    ];
    const res = await t.app.inject({
      method: "POST",
      url: ops("/time-logs/import", office),
      headers: { cookie: c.staff, "content-type": "text/csv" },
      payload: `month,category,hours,staffName\r\n${rows.join("\r\n")}\r\n`,
    });
    expect(res.statusCode).toBe(200);
    const use = json(await call("GET", ops("/time-use", office), c.viewer));
    expect(use.benchmark).toBe(0.3);
    expect(use.months.map((m: { period: string; managementShare: number }) => [m.period, m.managementShare])).toEqual([
      ["2024-03", 0.4],
      ["2024-04", 0.15],
    ]);
    expect(use.years.map((y: { period: string }) => y.period)).toEqual(["FY2023", "FY2024"]);
    expect(use.years[0]).toMatchObject({ atOrAboveBenchmark: true, totalHours: 100 });
    const april = use.months[1];
    expect(april.staff).toEqual([
      expect.objectContaining({ staffId: "name:head", managementShare: 0.3, atOrAboveBenchmark: true }),
      expect.objectContaining({ staffId: "name:local", managementShare: 0, atOrAboveBenchmark: false }),
    ]);
    const calendar = json(await call("GET", ops("/time-use?yearBasis=calendar", office), c.viewer));
    expect(calendar.years.map((y: { period: string }) => y.period)).toEqual(["2024"]);
    expect(use.categories).toHaveLength(11);
    expect((await call("GET", ops("/time-use?yearBasis=lunar", office), c.viewer)).statusCode).toBe(400);
    expect((await call("GET", ops("/time-use", office), c.other)).statusCode).toBe(403);
  });

  it("records annual costs by component and shares them among the members by the key, to the yen", async () => {
    const put = await call("PUT", ops("/costs/2024"), c.staff, { components: { rent: 4_000_000, local_staff: 4_500_000, other: 1_500_000 }, source: "FY2024 budget" });
    expect(put.statusCode).toBe(200);
    expect(json(put)).toMatchObject({ fiscalYear: 2024, period: "FY2024", totalJpy: 10_000_000, source: "FY2024 budget", components: { rent: 4_000_000, travel: 0 } });
    expect(json(put).lines).toHaveLength(8);
    await call("PUT", ops("/costs/2023"), c.staff, { components: { rent: 10_000_001 } });
    expect(json(await call("GET", ops("/costs"), c.coOwner)).items.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2024, 2023]);

    const shared = json(await call("GET", ops("/cost-sharing"), c.coOwner));
    expect(shared.cost.fiscalYear).toBe(2024);
    expect(shared.keyLabel).toEqual({ ja: "固定割合", en: "Fixed shares" });
    expect(shared.shares.map((s: { orgId: string; amountJpy: number }) => [s.orgId, s.amountJpy])).toEqual([
      [ownerId, 6_000_000],
      [coOwnerId, 4_000_000],
    ]);

    await call("PUT", ops("/operations"), c.admin, { visibility: "shared", sharingKey: { kind: "equal" }, staff: { dispatched: 1, local: 2 } });
    const equal = json(await call("GET", ops("/cost-sharing?fiscalYear=2023"), c.admin));
    expect(equal.shares.map((s: { amountJpy: number }) => s.amountJpy)).toEqual([5_000_001, 5_000_000]);
    expect(equal.shares[0].exactJpy).toBe(5_000_000.5);
    expect((await call("GET", ops("/cost-sharing?fiscalYear=1999"), c.admin)).statusCode).toBe(404);

    const bad = await call("PUT", ops("/costs/2025"), c.staff, { components: { rent: -1, tea: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(paths(json(bad))).toEqual(expect.arrayContaining(["components.rent", "components.tea"]));
    expect(paths(json(await call("PUT", ops("/costs/2025"), c.staff, { components: {} })))).toEqual(["components"]);
    expect(paths(json(await call("PUT", ops("/costs/1800"), c.staff, { components: { rent: 1 } })))).toEqual(["params.fiscalYear"]);
    expect(json(await call("GET", ops("/costs"), c.admin)).items).toHaveLength(2);
    expect((await call("PUT", ops("/costs/2025"), c.coOwner, { components: { rent: 1 } })).statusCode).toBe(403);
    expect((await call("GET", ops("/costs"), c.other)).statusCode).toBe(403);
    expect((await call("DELETE", ops("/costs/2023"), c.staff)).statusCode).toBe(204);
    expect((await call("DELETE", ops("/costs/2023"), c.staff)).statusCode).toBe(404);
  });

  it("reports a sharing key that no longer fits the members as a conflict naming the field", async () => {
    const office = (await buildOffice(t.database.db, { ownerOrgId: ownerId, coOwnerIds: [coOwnerId], operationalModel: "joint_municipal", cityEn: "Seoul", country: "KR" })).id;
    await call("PUT", ops("/operations", office), c.admin, { sharingKey: { kind: "fixed_shares", shares: { [ownerId]: 0.5, [coOwnerId]: 0.5 } } });
    await call("PUT", ops("/costs/2024", office), c.admin, { components: { rent: 1_000_000 } });
    const sys = await t.signInAs("system_admin");
    expect((await call("PATCH", `/api/offices/${office}`, sys, { coOwnerIds: [] })).statusCode).toBe(200);
    const stale = await call("GET", ops("/cost-sharing", office), c.admin);
    expect(stale.statusCode).toBe(409);
    expect(paths(json(stale))).toEqual([`sharingKey.shares.${coOwnerId}`]);
  });
});
