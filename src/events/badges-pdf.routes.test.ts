import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mm } from "../core/pdf/document.ts";
import { readPdf, type ReadDocument } from "../core/pdf/read-back.test-helper.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { LIST_ROWS_PER_PAGE } from "./badges-pdf.service.ts";
import { buildEvent, expectStatus, get, post, type EventFixture } from "./test-fixtures.ts";

const badgeLabels = (text: string) => text.match(/\/ (Seller|Buyer|Government|Support organisation)/g) ?? [];

describe(`badges and participant list as PDF (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  /** Participants added by name, in creation order. */
  const people: { id: string; name: string; status: string }[] = [];

  async function pdf(url: string, cookie = f.staff): Promise<ReadDocument> {
    const res = expectStatus(await get(t, cookie, url), 200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const doc = await readPdf(res.rawPayload);
    expect(doc.warnings).toEqual([]);
    return doc;
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildEvent(t, { sellers: 1, buyers: 1 });
    const add = async (body: Record<string, unknown>) => {
      const res = expectStatus(await post(t, f.staff, `/api/events/${f.eventId}/participants`, body), 201);
      people.push({ id: json(res).id, name: (body.contactName ?? body.name) as string, status: (body.status ?? "approved") as string });
    };
    await add({ name: "北海道庁", participantType: "government", contactName: "佐藤 花子", country: "JP" });
    await add({ name: "Sapporo 札幌 Trading (Kita-ku) \\ Co", participantType: "buyer", country: "TH" });
    await add({ name: "保留中の商社", participantType: "buyer", status: "pending" });
    await add({ name: "辞退した商社", participantType: "seller", status: "withdrawn" });
    for (let i = 0; i < 36; i++) await add({ name: `参加企業${String(i).padStart(2, "0")} Participant ${i}`, participantType: i % 2 ? "seller" : "buyer", country: i % 3 ? "TH" : "JP" });
  });
  afterAll(async () => t.close());

  it("prints a badge for every approved participant, eight to an A4 portrait page, with the event title, name, organisation, type and country", async () => {
    const res = await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf`);
    expect(res.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="badges-${f.eventId}\\.pdf"; filename\\*=UTF-8''%E5%90%8D%E6%9C%AD-`));
    const doc = await pdf(`/api/events/${f.eventId}/badges.pdf`);
    const approved = 2 + people.filter((p) => p.status === "approved").length;
    expect(approved).toBe(40);
    expect(doc.pages).toHaveLength(5);
    for (const [n, page] of doc.pages.entries()) {
      expect(page.width).toBeCloseTo(mm(210), 1);
      expect(page.height).toBeCloseTo(mm(297), 1);
      expect(badgeLabels(page.text)).toHaveLength(8);
      expect(page.text).toContain(`${n + 1} / 5`);
    }
    const all = doc.pages.map((p) => p.lines.join("\n")).join("\n");
    expect(all).toContain("佐藤 花子");
    expect(all).toContain("北海道庁");
    // Too long for one line at 14 pt: broken into two at a space, escapes intact.
    expect(all).toContain("Sapporo 札幌\nTrading (Kita-ku) \\ Co");
    expect(all).toContain("バイヤー / Buyer");
    expect(all).toContain("行政機関 / Government");
    expect(all).toContain("タイ / Thailand");
    // The fixture's companies: the Japanese and English organisation names under the participant's name.
    expect(all).toMatch(/seller\d+-0株式会社/);
    expect(all).toMatch(/seller \d+-0 Co/);
    const event = json(await get(t, f.staff, `/api/events/${f.eventId}`));
    expect(all).toContain(event.nameJa);
    expect(all).toContain(event.nameEn);
    expect(all).not.toContain("保留中の商社");
    expect(all).not.toContain("辞退した商社");
  });

  it("reprints chosen badges, the ids repeated or comma-separated, in list order", async () => {
    const [a, b] = [people[1]!, people[0]!];
    for (const query of [`participantId=${a.id}&participantId=${b.id}`, `participantId=${a.id},${b.id}`, `participantId=${a.id}, ${b.id}&participantId=${a.id}`]) {
      const doc = await pdf(`/api/events/${f.eventId}/badges.pdf?${query}`);
      expect(doc.pages).toHaveLength(1);
      expect(badgeLabels(doc.pages[0]!.text)).toEqual(["/ Buyer", "/ Government"]);
      expect(doc.pages[0]!.text).toContain("佐藤 花子");
      expect(doc.pages[0]!.text).not.toContain("参加企業");
    }
  });

  it("answers 400 naming participantId and the id for an unknown, unapproved or malformed id, with no PDF", async () => {
    const unknown = "00000000-0000-4000-8000-000000000001";
    const res = expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participantId=${people[0]!.id},${unknown}`), 400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(json(res).errors).toEqual([{ path: "query.participantId", message: `no participant ${unknown} in this event`, value: unknown }]);
    expect(json(res).detail).toContain(unknown);

    const pending = people.find((p) => p.status === "pending")!;
    const notApproved = json(expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participantId=${pending.id}`), 400));
    expect(notApproved.errors[0]).toMatchObject({ path: "query.participantId", value: pending.id });
    expect(notApproved.errors[0].message).toContain("pending approval; only approved participants get a badge");

    // A participant of another event is unknown here too.
    const other = await buildEvent(t, { sellers: 1 });
    const foreign = other.participants[0]!.id;
    expect(json(expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participantId=${foreign}`), 400)).errors[0].value).toBe(foreign);

    const malformed = json(expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participantId=${people[0]!.id},abc`), 400));
    expect(malformed.errors[0].path).toBe("query.participantId[1]");
    expect(malformed.errors[0].message).toContain("abc");
    const empty = json(expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participantId=`), 400)).errors[0];
    expect(empty).toMatchObject({ path: "query.participantId", message: "give at least one participant id" });
    const misspelt = json(expectStatus(await get(t, f.staff, `/api/events/${f.eventId}/badges.pdf?participant=${people[0]!.id}`), 400)).errors[0];
    expect(misspelt.path).toMatch(/^query/);
    expect(`${misspelt.path} ${misspelt.message}`).toContain("participant");
  });

  it("lists every participant on A4 landscape pages with the header row on each, page numbers, and the XLSX's order", async () => {
    const res = await get(t, f.staff, `/api/events/${f.eventId}/participants.pdf`);
    expect(res.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="participants-${f.eventId}\\.pdf"; filename\\*=UTF-8''%E5%8F%82%E5%8A%A0%E8%80%85%E4%B8%80%E8%A6%A7-`));
    const doc = await pdf(`/api/events/${f.eventId}/participants.pdf`);
    const total = 2 + people.length;
    expect(total).toBe(42);
    const pages = Math.ceil(total / LIST_ROWS_PER_PAGE);
    expect(pages).toBeGreaterThan(1);
    expect(doc.pages).toHaveLength(pages);
    const event = json(await get(t, f.staff, `/api/events/${f.eventId}`));
    for (const [n, page] of doc.pages.entries()) {
      expect(page.width).toBeCloseTo(mm(297), 1);
      expect(page.height).toBeCloseTo(mm(210), 1);
      const strs = new Set(page.items.map((i) => i.str));
      for (const header of ["番号", "No.", "名前", "Name", "組織", "Organisation", "区分", "Type", "状態", "Status", "国", "Country", "商談数", "Meetings"]) expect(strs).toContain(header);
      expect(page.lines).toContain(`${n + 1} / ${pages}`);
      expect(page.text).toContain(event.nameJa);
      expect(page.text).toContain(event.nameEn);
      expect(page.text).toContain("2026-03-10 – 2026-03-11");
    }
    const all = doc.pages.map((p) => p.text).join("\n");
    for (const label of ["承認待ち", "Pending approval", "辞退", "Withdrawn", "行政機関", "佐藤 花子", "タイ", "Thailand (TH)"]) expect(all).toContain(label);

    // The name column, page after page, reads as the XLSX's name column (headers and contact names aside).
    const [from, to] = [mm(24), mm(24 + 58)];
    const names = doc.pages.flatMap((page) => {
      const rows = new Map<number, string>();
      const body = page.items.filter((i) => i.x >= from && i.x < to && page.height - i.y > mm(31) + 24);
      for (const i of body) rows.set(Math.round(i.y * 10), (rows.get(Math.round(i.y * 10)) ?? "") + i.str);
      return [...rows].sort((a, b) => b[0] - a[0]).map(([, line]) => line.trim());
    });
    const xlsx = await get(t, f.staff, `/api/events/${f.eventId}/participants.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const expected = book.worksheets[0]!.getColumn(2).values.slice(2).map(String);
    expect(expected).toHaveLength(total);
    expect(names.filter((s) => !["名前", "Name", "佐藤 花子"].includes(s))).toEqual(expected);
  });

  it("gives one page for an event without participants", async () => {
    const empty = await buildEvent(t, {});
    const badges = await pdf(`/api/events/${empty.eventId}/badges.pdf`, empty.staff);
    expect(badges.pages).toHaveLength(1);
    expect(badges.pages[0]!.text).toContain("No approved participants");
    const list = await pdf(`/api/events/${empty.eventId}/participants.pdf`, empty.staff);
    expect(list.pages).toHaveLength(1);
    expect(list.pages[0]!.text).toContain("No participants");
  });

  it("is for the organisers only, as the XLSX is", async () => {
    for (const file of ["badges.pdf", "participants.pdf"]) {
      const url = `/api/events/${f.eventId}/${file}`;
      expect((await get(t, undefined, url)).statusCode).toBe(401);
      expect((await get(t, f.participants[0]!.cookie, url)).statusCode).toBe(403);
      const stranger = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
      expect((await get(t, stranger, url)).statusCode).toBe((await get(t, stranger, `/api/events/${f.eventId}/participants.xlsx`)).statusCode);
      expect((await get(t, f.staff, `/api/events/00000000-0000-4000-8000-000000000000/${file}`)).statusCode).toBe(404);
    }
  });
});
