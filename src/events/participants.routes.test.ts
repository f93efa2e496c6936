import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { writeCsv, writeXlsx } from "../registry/transfer/table-file.ts";
import { fieldErrorText } from "../web/i18n/field-errors.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { buildEvent, get, post } from "./test-fixtures.ts";

describe(`event participants API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const company = async (nameEn: string, nameJa: string) => buildOrganisation(t.database.db, { kind: "company", nameEn, nameJa, country: "JP" });

  it("takes registrations only while open, as pending, from the organisation's admins and staff", async () => {
    const f = await buildEvent(t);
    const co = await company("Aomori Apple Co", "青森りんご株式会社");
    const admin = await t.signInAs("admin", co.id);
    const url = `/api/events/${f.eventId}/participants`;
    const closed = await post(t, admin, url, { orgId: co.id, participantType: "seller" });
    expect(closed.statusCode).toBe(409);
    expect(json(closed).errors[0].path).toBe("event.status");
    await post(t, f.staff, `/api/events/${f.eventId}`, { status: "registration_open" }, "PATCH");
    expect((await post(t, undefined, url, { orgId: co.id, participantType: "seller" })).statusCode).toBe(401);
    expect((await post(t, await t.signInAs("viewer", co.id), url, { orgId: co.id, participantType: "seller" })).statusCode).toBe(403);
    const stranger = await post(t, await t.signInAs("admin", (await company("Other Co", "他社")).id), url, { orgId: co.id, participantType: "seller" });
    expect(stranger.statusCode).toBe(403);
    expect(json(stranger).errors[0].path).toBe("orgId");
    const selfApprove = await post(t, admin, url, { orgId: co.id, participantType: "seller", status: "approved" });
    expect(json(selfApprove).errors[0].path).toBe("status");
    const res = await post(t, admin, url, { orgId: co.id, participantType: "seller", offer: "青森県産りんご", hsCodes: ["0808"] });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ status: "pending", name: "Aomori Apple Co", orgNameJa: "青森りんご株式会社", linkedUser: true, contactName: "Tester admin", decidedAt: null });
    expect(json(res).contactEmail).toMatch(/@test\.example$/);
    const dup = await post(t, admin, url, { orgId: co.id, participantType: "seller" });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).errors[0].path).toBe("orgId");
    const bad = await post(t, f.staff, url, { participantType: "trader", contactEmail: "not-mail", hsCodes: ["08081"] });
    expect(json(bad).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["participantType", "contactEmail", "hsCodes[0]"]));
    const noName = await post(t, f.staff, url, { participantType: "buyer" });
    expect(json(noName).errors[0].path).toBe("name");
  });

  it("approves within the cap per participant type, rejects, and lets only managers decide", async () => {
    const f = await buildEvent(t, { event: { status: "registration_open", participantCaps: { buyer: 1 } } });
    const ids: string[] = [];
    for (const n of ["Siam Foods", "Thai Retail"]) {
      const co = await buildOrganisation(t.database.db, { kind: "company", nameEn: n, nameJa: n, country: "TH" });
      ids.push(json(await post(t, await t.signInAs("staff", co.id), `/api/events/${f.eventId}/participants`, { orgId: co.id, participantType: "buyer" })).id);
    }
    const decide = (cookie: string, pid: string, status: string) => post(t, cookie, `/api/events/${f.eventId}/participants/${pid}/decision`, { status });
    expect((await decide(f.staff, ids[0]!, "approved")).statusCode).toBe(200);
    const full = await decide(f.staff, ids[1]!, "approved");
    expect(full.statusCode).toBe(409);
    expect(json(full).errors[0]).toMatchObject({ path: "status", code: "cap_reached" });
    expect(json(await decide(f.staff, ids[1]!, "rejected"))).toMatchObject({ status: "rejected" });
    expect(json(await decide(f.staff, ids[1]!, "maybe")).errors[0].path).toBe("status");
    const outsider = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    expect((await decide(outsider, ids[0]!, "rejected")).statusCode).toBe(403);
    const capped = await post(t, f.staff, `/api/events/${f.eventId}/participants`, { name: "Walk-in buyer", participantType: "buyer" });
    expect(capped.statusCode).toBe(409);
    expect((await post(t, f.staff, `/api/events/${f.eventId}/participants`, { name: "Walk-in buyer", participantType: "buyer", status: "pending" })).statusCode).toBe(201);
  });

  it("shows contact details only to the organisers and the participant's own side", async () => {
    const f = await buildEvent(t, { sellers: 1, buyers: 1 });
    const [seller, buyer] = f.participants;
    const asOrganiser = json(await get(t, f.staff, `/api/events/${f.eventId}/participants`));
    expect(asOrganiser.every((p: { contactEmail: string | null }) => p.contactEmail)).toBe(true);
    const asSeller = json(await get(t, seller!.cookie, `/api/events/${f.eventId}/participants`));
    expect(asSeller).toHaveLength(2);
    expect(asSeller.find((p: { id: string }) => p.id === seller!.id).contactEmail).toBeTruthy();
    expect(asSeller.find((p: { id: string }) => p.id === buyer!.id)).toMatchObject({ contactEmail: null, contactName: null, availableSlotIds: null });
    expect(json(await get(t, seller!.cookie, `/api/events/${f.eventId}/participants/${buyer!.id}`)).contactEmail).toBeNull();
    expect((await get(t, undefined, `/api/events/${f.eventId}/participants`)).statusCode).toBe(401);
    const stranger = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    expect((await get(t, stranger, `/api/events/${f.eventId}/participants`)).statusCode).toBe(403);
    expect((await get(t, stranger, `/api/events/${f.eventId}/participants/${buyer!.id}`)).statusCode).toBe(404);
    const anonEvent = json(await get(t, undefined, `/api/events/${f.eventId}`));
    expect(JSON.stringify(anonEvent)).not.toContain("@example.jp");
  });

  it("lets the participant's side change its profile and availability, but not its type", async () => {
    const f = await buildEvent(t, { sellers: 1, buyers: 1 });
    const [seller, buyer] = f.participants;
    const url = `/api/events/${f.eventId}/participants/${seller!.id}`;
    expect(json(await post(t, seller!.cookie, url, { seek: "distributors", maxMeetings: 4 }, "PATCH"))).toMatchObject({ seek: "distributors", maxMeetings: 4 });
    const type = await post(t, seller!.cookie, url, { participantType: "buyer" }, "PATCH");
    expect(type.statusCode).toBe(403);
    expect(json(type).errors[0].path).toBe("participantType");
    expect(json(await post(t, f.staff, url, { participantType: "government" }, "PATCH")).participantType).toBe("government");
    expect((await post(t, buyer!.cookie, url, { seek: "x" }, "PATCH")).statusCode).toBe(403);
    const avail = await post(t, seller!.cookie, `${url}/availability`, { availableSlotIds: f.slotIds.slice(0, 2) }, "PUT");
    expect(json(avail).availableSlotIds).toEqual(f.slotIds.slice(0, 2));
    const bad = await post(t, seller!.cookie, `${url}/availability`, { availableSlotIds: [f.slotIds[0], "00000000-0000-4000-8000-000000000000"] }, "PUT");
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("availableSlotIds[1]");
    expect((await post(t, buyer!.cookie, `${url}/availability`, { availableSlotIds: [] }, "PUT")).statusCode).toBe(403);
    const withdrawn = await post(t, seller!.cookie, `${url}/withdraw`, {});
    expect(json(withdrawn).status).toBe("withdrawn");
    expect((await post(t, seller!.cookie, `${url}/withdraw`, {})).statusCode).toBe(409);
  });

  it("imports a CSV with a Japanese column mapping, or rejects it whole with a row-level report", async () => {
    const f = await buildEvent(t, { event: { participantCaps: { buyer: 2 } } });
    await company("Hirosaki Cider Co", "弘前シードル株式会社");
    const mapping = { 会社名: "organisation", 区分: "type", 担当者: "contactName", メール: "contactEmail", 商品: "offer", HS: "hsCodes", 上限: "maxMeetings", 名称: "name" };
    const header = ["会社名", "名称", "区分", "担当者", "メール", "商品", "HS", "上限", "備考"];
    const upload = (rows: string[][], extra: Record<string, unknown> = {}) =>
      post(t, f.staff, `/api/events/${f.eventId}/participants/import`, { format: "csv", data: Buffer.from(writeCsv(header, rows)).toString("base64"), mapping, ...extra });
    const bad = await upload([
      ["弘前シードル株式会社", "", "売り手", "佐藤", "sato@example.jp", "シードル", "2206", "5", ""],
      ["Nowhere Inc", "", "seller", "", "", "", "", "", ""],
      ["", "Bangkok Mart", "wholesaler", "", "not-mail", "", "22", "-1", ""],
      ["", "", "buyer", "", "sato@example.jp", "", "ABC", "", ""],
    ]);
    expect(bad.statusCode).toBe(400);
    const errors = json(bad).errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([[3, "会社名"], [4, "区分"], [4, "メール"], [4, "上限"], [5, "名称"], [5, "メール"], [5, "HS"]]),
    );
    expect(errors.some((e) => e.row === 2)).toBe(false);
    // The web shows each reason in Japanese: every message of this report has a translation.
    const untranslated = json(bad).errors.filter((e: { message: string; code?: string }) => !/[ぁ-んァ-ン一-龥]/.test(fieldErrorText(e, "ja")) || fieldErrorText(e, "ja").includes(e.message));
    expect(untranslated).toEqual([]);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/participants`))).toHaveLength(0);

    const mapErr = await upload([["x", "", "seller", "", "", "", "", "", ""]], { mapping: { ...mapping, 電話: "contactName" } });
    expect(json(mapErr).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["mapping.電話"]));
    const capped = await upload([["", "A Mart", "バイヤー", "", "", "", "", "", ""], ["", "B Mart", "buyer", "", "", "", "", "", ""], ["", "C Mart", "Buyer", "", "", "", "", "", ""]]);
    expect(json(capped).errors).toEqual([expect.objectContaining({ row: 4, column: "区分" })]);

    const ok = await upload([
      ["弘前シードル株式会社", "", "売り手", "佐藤", "sato@example.jp", "シードル", "2206 220600", "5", "memo"],
      ["", "Bangkok Mart", "buyer", "Somchai", "somchai@example.th", "", "", "", ""],
    ]);
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ rows: 2, created: 2 });
    const list = json(await get(t, f.staff, `/api/events/${f.eventId}/participants`));
    expect(list.find((p: { name: string }) => p.name === "Hirosaki Cider Co")).toMatchObject({ participantType: "seller", status: "approved", hsCodes: ["2206", "220600"], maxMeetings: 5, contactName: "佐藤" });
    const again = await upload([["弘前シードル株式会社", "", "seller", "", "", "", "", "", ""]]);
    expect(json(again).errors[0]).toMatchObject({ row: 2, column: "会社名" });
    const outsider = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    const data = Buffer.from(writeCsv(header, [["", "X", "buyer", "", "", "", "", "", ""]])).toString("base64");
    expect((await post(t, outsider, `/api/events/${f.eventId}/participants/import`, { format: "csv", data, mapping })).statusCode).toBe(403);
  });

  it("imports an XLSX file the same way", async () => {
    const f = await buildEvent(t);
    const xlsx = await writeXlsx("参加者", ["Company", "Kind"], [["Chiang Mai Traders", "buyer"], ["Osaka Crafts", "seller"]]);
    const res = await post(t, f.staff, `/api/events/${f.eventId}/participants/import`, { format: "xlsx", data: xlsx.toString("base64"), mapping: { Company: "name", Kind: "type" }, defaults: { status: "pending" } });
    expect(res.statusCode).toBe(200);
    const list = json(await get(t, f.staff, `/api/events/${f.eventId}/participants?status=pending`));
    expect(list.map((p: { name: string }) => p.name).sort()).toEqual(["Chiang Mai Traders", "Osaka Crafts"]);
    const broken = await post(t, f.staff, `/api/events/${f.eventId}/participants/import`, { format: "xlsx", data: Buffer.from("not a workbook").toString("base64"), mapping: { Company: "name" } });
    expect(broken.statusCode).toBe(400);
    expect(json(broken).errors[0].path).toBe("file");
  });

  it("previews a file's columns, first rows and a guessed mapping before the import, writing nothing", async () => {
    const f = await buildEvent(t);
    const url = `/api/events/${f.eventId}/participants/import/preview`;
    const xlsx = await writeXlsx("参加者", ["会社名", "区分", "担当者", "メールアドレス", "備考"], [["弘前シードル株式会社", "売り手", "津軽 花子", "hanako@example.jp", ""], ["Bangkok Mart", "buyer", "", "", "VIP"]]);
    const res = await post(t, f.staff, url, { format: "xlsx", data: xlsx.toString("base64") });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({
      columns: ["会社名", "区分", "担当者", "メールアドレス", "備考"],
      rows: 2,
      sample: [
        { 会社名: "弘前シードル株式会社", 区分: "売り手", 担当者: "津軽 花子", メールアドレス: "hanako@example.jp", 備考: "" },
        { 会社名: "Bangkok Mart", 区分: "buyer", 担当者: "", メールアドレス: "", 備考: "VIP" },
      ],
      suggested: { 会社名: "organisation", 区分: "type", 担当者: "contactName", メールアドレス: "contactEmail" },
    });
    const csv = Buffer.from(writeCsv(["Company", "Contact E-mail", "HS Codes", "Country"], [["A", "a@example.jp", "0808", "JP"]])).toString("base64");
    expect(json(await post(t, f.staff, url, { format: "csv", data: csv })).suggested).toEqual({ Company: "organisation", "Contact E-mail": "contactEmail", "HS Codes": "hsCodes", Country: "country" });
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/participants`))).toHaveLength(0);
    const broken = await post(t, f.staff, url, { format: "xlsx", data: Buffer.from("not a workbook").toString("base64") });
    expect(broken.statusCode).toBe(400);
    expect(json(broken).errors[0].path).toBe("file");
    const unknown = await post(t, f.staff, url, { format: "ods", data: csv, mapping: {} });
    expect(json(unknown).errors.map((e: { path: string }) => e.path).sort()).toEqual(["format", "mapping"]);
    const outsider = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    expect((await post(t, outsider, url, { format: "csv", data: csv })).statusCode).toBe(403);
  });
});
