import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../db/test-database.ts";
import { get, post } from "../../events/test-fixtures.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../../test/factories.ts";
import { fieldErrorText } from "../../web/i18n/field-errors.ts";
import { readTable, writeCsv, writeXlsx } from "./table-file.ts";

const HEADER = ["owner", "name_ja", "name_en", "city_en", "country", "operational_model", "opened", "staff_count"];
const b64 = (content: string | Buffer) => Buffer.from(content).toString("base64");
const csvBody = (rows: string[][], header = HEADER, extra: object = {}) => ({ format: "csv", data: b64(writeCsv(header, rows)), ...extra });

interface RowError {
  path: string;
  message: string;
  code?: string;
  row?: number;
  column?: string;
  value?: unknown;
}

describe(`registry import and export API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let own: { id: string; localGovCode: string | null };
  let other: { id: string; localGovCode: string | null };
  let staff: string;
  const officesOf = async (orgId: string) =>
    Number((await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM offices WHERE owner_org_id = $1", [orgId]))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    own = await buildOrganisation(t.database.db);
    other = await buildOrganisation(t.database.db);
    staff = await t.signInAs("staff", own.id);
  });
  afterAll(async () => t.close());

  it("checks a CSV with a dry run that keeps nothing, then imports it, then re-imports it as updates", async () => {
    const rows = [
      [own.localGovCode!, "試験シンガポール事務所", "Test Singapore Office", "Singapore", "SG", "independent", "2015", "3"],
      [own.localGovCode!, "試験バンコク事務所", "Test Bangkok Office", "Bangkok", "TH", "independent", "2018-04", ""],
    ];
    const dry = await post(t, staff, "/api/import/offices", csvBody(rows, HEADER, { dryRun: true }));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(json(dry)).toEqual({ entity: "offices", rows: 2, created: 2, updated: 0, dryRun: true });
    expect(await officesOf(own.id)).toBe(0);

    const real = await post(t, staff, "/api/import/offices", csvBody(rows));
    expect(json(real)).toEqual({ entity: "offices", rows: 2, created: 2, updated: 0, dryRun: false });
    expect(await officesOf(own.id)).toBe(2);

    rows[0]![7] = "4";
    const again = await post(t, staff, "/api/import/offices", csvBody(rows, HEADER, { dryRun: true }));
    expect(json(again)).toMatchObject({ created: 0, updated: 2, dryRun: true });
    expect(json(await post(t, staff, "/api/import/offices", csvBody(rows)))).toMatchObject({ created: 0, updated: 2 });
    const staffCount = await t.database.query<{ n: number }>("SELECT staff_count AS n FROM offices WHERE owner_org_id = $1 AND city_en = 'Singapore'", [own.id]);
    expect(Number(staffCount[0]!.n)).toBe(4);
  });

  it("imports XLSX the same way", async () => {
    const xlsx = await writeXlsx("offices", HEADER, [[own.localGovCode!, "試験ハノイ事務所", "Test Hanoi Office", "Hanoi", "VN", "independent", "2020", "1"]]);
    const before = await officesOf(own.id);
    const dry = await post(t, staff, "/api/import/offices", { format: "xlsx", data: b64(xlsx), dryRun: true });
    expect(json(dry)).toMatchObject({ rows: 1, created: 1, updated: 0, dryRun: true });
    expect(await officesOf(own.id)).toBe(before);
    expect(json(await post(t, staff, "/api/import/offices", { format: "xlsx", data: b64(xlsx) }))).toMatchObject({ created: 1, dryRun: false });
    expect(await officesOf(own.id)).toBe(before + 1);
  });

  it("names each bad row and column, on a dry run as on a real import, and writes nothing", async () => {
    const before = await officesOf(own.id);
    const rows = [
      [own.localGovCode!, "A", "A Office", "Seoul", "KR", "independent", "2019", "2"],
      ["999999", "B", "B Office", "Busan", "KR", "independent", "2019", "2"],
      [own.localGovCode!, "C", "C Office", "Taipei", "TW", "franchise", "2019-13", "two"],
    ];
    for (const dryRun of [true, false]) {
      const res = await post(t, staff, "/api/import/offices", csvBody(rows, HEADER, { dryRun }));
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const errors = json<{ errors: RowError[] }>(res).errors;
      expect(errors.map((e) => [e.row, e.column])).toEqual(expect.arrayContaining([[3, "owner"], [4, "operational_model"], [4, "opened"], [4, "staff_count"]]));
      expect(errors.find((e) => e.column === "staff_count")).toMatchObject({ value: "two" });
      expect(errors.some((e) => e.row === 2)).toBe(false);
    }
    expect(await officesOf(own.id)).toBe(before);
  });

  it("turns a row the user may not write into a row error, on a dry run too, and writes none of the file", async () => {
    const before = await officesOf(own.id);
    const rows = [
      [own.localGovCode!, "D", "D Office", "Manila", "PH", "independent", "2021", ""],
      [other.localGovCode!, "E", "E Office", "Jakarta", "ID", "independent", "2021", ""],
    ];
    for (const dryRun of [true, false]) {
      const res = await post(t, staff, "/api/import/offices", csvBody(rows, HEADER, { dryRun }));
      expect(res.statusCode).toBe(403);
      expect(json(res).errors).toEqual([expect.objectContaining({ row: 3, column: "owner", value: other.localGovCode, message: "not an organisation you can act for" })]);
    }
    expect(await officesOf(own.id)).toBe(before);
    expect(await officesOf(other.id)).toBe(0);

    // An existing record of another organisation matched on its natural key: the row is refused, not updated.
    await buildOffice(t.database.db, { ownerOrgId: other.id, cityEn: "Sydney", country: "AU", opened: "2012" });
    const update = await post(t, staff, "/api/import/offices", csvBody([[other.localGovCode!, "F", "F Office", "Sydney", "AU", "independent", "2012", "9"]]));
    expect(update.statusCode).toBe(403);
    expect(json(update).errors[0]).toMatchObject({ row: 2, path: "(row)" });
  });

  it("gives every reason a file can be refused for in Japanese", async () => {
    await buildOrganisation(t.database.db, { kind: "company", nameEn: "Twin Trading", nameJa: "双子商事一", country: "JP", localGovCode: null });
    await buildOrganisation(t.database.db, { kind: "company", nameEn: "Twin Trading", nameJa: "双子商事二", country: "JP", localGovCode: null });
    await buildOffice(t.database.db, { ownerOrgId: other.id, cityEn: "Perth", country: "AU", opened: "2010", visibility: "confidential" });
    await buildOffice(t.database.db, { ownerOrgId: other.id, cityEn: "Darwin", country: "AU", opened: "2011" });
    const header = [...HEADER, "lat", "unverified", "visibility", "host", "management_share"];
    const ok = [own.localGovCode!, "G", "G Office", "Lima", "PE", "independent", "2022", "1", "", "", "", "", ""];
    const files = [
      csvBody([["x"]], ["owner", "colour"]),
      csvBody([], HEADER),
      { format: "csv", data: b64('owner,name_ja\n"unclosed,x\n') },
      { format: "csv", data: b64("") },
      { format: "xlsx", data: b64("not a workbook") },
      csvBody(
        [
          ok,
          ["00000000-0000-4000-8000-000000000000", "", "H Office", "Lima", "XX", "franchise", "2019-13", "-1", "north", "maybe", "secret", "Twin Trading", "2"],
          ok,
          [own.localGovCode!, "K", "K Office", "Quito", "EC", "independent", "2022", "1.5", "", "", "", "", ""],
        ],
        header,
      ),
      csvBody([[other.localGovCode!, "I", "I Office", "Lima", "PE", "independent", "2022", "", "", "", "", "", ""]], header),
      csvBody([[other.localGovCode!, "P", "P Office", "Perth", "AU", "independent", "2010", "", "", "", "", "", ""]], header),
      csvBody([[other.localGovCode!, "P", "P Office", "Darwin", "AU", "independent", "2011", "", "", "", "", "", ""]], header),
    ];
    const errors: RowError[] = [];
    for (const body of files) {
      const res = await post(t, staff, "/api/import/offices", { ...body, dryRun: true });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      errors.push(...json<{ errors: RowError[] }>(res).errors);
    }
    const messages = new Set(errors.map((e) => e.message.replace(/\d+/g, "N")));
    for (const kind of ["unknown column", "required column", "no rows", "readable CSV", "is empty", ".xlsx", "whole number", "must be a number", "true or false", "ambiguous", "no organisation with this id", "natural key", "act for", "may not change", "not visible"]) {
      expect([...messages].some((m) => m.includes(kind)), kind).toBe(true);
    }
    const untranslated = errors.filter((e) => !/[ぁ-んァ-ン一-龥]/.test(fieldErrorText(e, "ja")) || fieldErrorText(e, "ja").includes(e.message));
    expect(untranslated).toEqual([]);
  });

  it("names the field of a bad entity, format or file, and refuses anonymous imports", async () => {
    const body = csvBody([[own.localGovCode!, "J", "J Office", "Lima", "PE", "independent", "2022", ""]]);
    const entity = await post(t, staff, "/api/import/people", body);
    expect(entity.statusCode).toBe(400);
    expect(json(entity).errors[0].path).toBe("params.entity");
    const format = await post(t, staff, "/api/import/offices", { ...body, format: "pdf" });
    expect(json(format).errors.map((e: RowError) => e.path)).toEqual(["format"]);
    const data = await post(t, staff, "/api/import/offices", { ...body, data: "not base64 at all!" });
    expect(json(data).errors.map((e: RowError) => e.path)).toEqual(["data"]);
    const extra = await post(t, staff, "/api/import/offices", { ...body, mode: "replace" });
    expect(json(extra).errors.map((e: RowError) => e.path)).toEqual(["mode"]);
    expect((await post(t, undefined, "/api/import/offices", body)).statusCode).toBe(401);
    expect((await get(t, staff, "/api/export/offices?format=pdf")).statusCode).toBe(400);
    expect((await get(t, undefined, "/api/export/people")).statusCode).toBe(400);
  });

  it("lists each entity's columns with the required ones marked", async () => {
    const columns = json<Array<{ name: string; required: boolean }>>(await get(t, undefined, "/api/import/offices/columns"));
    expect(columns.find((c) => c.name === "owner")).toMatchObject({ required: true, kind: "org" });
    expect(columns.find((c) => c.name === "staff_count")).toMatchObject({ required: false, kind: "int" });
  });
});

describe(`registry export round trip (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let org: { id: string; localGovCode: string | null };
  let staff: string;
  beforeAll(async () => {
    t = await createTestApp();
    org = await buildOrganisation(t.database.db);
    staff = await t.signInAs("staff", org.id);
    await buildOffice(t.database.db, { ownerOrgId: org.id, nameEn: "Open Office", cityEn: "Singapore", opened: "2016" });
    await buildOffice(t.database.db, { ownerOrgId: org.id, nameEn: "Quiet Office", cityEn: "Seoul", country: "KR", opened: "2019", visibility: "confidential" });
  });
  afterAll(async () => t.close());

  it("downloads CSV and XLSX with a dated ASCII file name, as the caller may see the records", async () => {
    const anonymous = await get(t, undefined, "/api/export/offices?format=csv");
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(anonymous.headers["content-disposition"]).toMatch(/^attachment; filename="offices-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(anonymous.body).toContain("Open Office");
    expect(anonymous.body).not.toContain("Quiet Office");
    const mine = await get(t, staff, "/api/export/offices?format=csv");
    expect(mine.body).toContain("Quiet Office");

    const xlsx = await get(t, undefined, "/api/export/offices?format=xlsx");
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(xlsx.headers["content-disposition"]).toMatch(/filename="offices-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const table = await readTable(xlsx.rawPayload, "xlsx");
    expect(table.rows.map((r) => r.cells.name_en)).toEqual(["Open Office"]);

    const asJson = await get(t, undefined, "/api/export/organisations?format=json");
    expect(asJson.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(asJson.body).map((o: { id: string }) => o.id)).toContain(org.id);
  });

  it("imports its own export back as updates only, from CSV and from XLSX", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const file = await get(t, staff, `/api/export/offices?format=${format}`);
      const res = await post(t, staff, "/api/import/offices", { format, data: file.rawPayload.toString("base64") });
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toEqual({ entity: "offices", rows: 2, created: 0, updated: 2, dryRun: false });
    }
  });

  it("documents the export's three file types in the OpenAPI document", async () => {
    const doc = json(await t.app.inject({ method: "GET", url: "/api/openapi.json" }));
    expect(Object.keys(doc.paths["/api/export/{entity}"].get.responses["200"].content).sort()).toEqual([
      "application/json",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "text/csv",
    ]);
  });
});
