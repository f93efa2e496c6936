/**
 * @module e2e/events
 * Trade-fair meetings in headless Chromium against a real server and database. A Hokkaido staff member
 * (the organiser) creates a public trade fair in Bangkok with one session of three 20-minute slots and two
 * tables through the API. Sapporo City (English reader) and Osaka City (Japanese reader) find it under
 * "Events", register as seller and buyer; the organiser approves both on the event page. Sapporo finds Osaka
 * among its suggested meetings (with reasons) and asks it from there, priority 3; Osaka sees the request
 * with its expiry, marks the last slot unavailable and accepts. The organiser schedules from the grid (objective, bound, gap, optimal), sees the meeting in the
 * grid, drags it onto the slot Osaka cannot make (the API's conflict is shown) and moves it with the
 * keyboard-accessible select instead. Sapporo sees the meeting on its agenda in Bangkok time, and the
 * agenda's .ics link answers text/calendar. Waits are on roles, labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const ORGANISER = { email: "events@hokkaido.example.jp", displayName: "北海道 主催", password: "correct horse 1", locale: "ja" as const, roles: { "010006": "staff" as const } };
const SAPPORO = { email: "trade@city.sapporo.example.jp", displayName: "Sapporo Trade", password: "correct horse 2", locale: "en" as const, roles: { "011002": "admin" as const } };
const OSAKA = { email: "trade@city.osaka.example.jp", displayName: "大阪 商談", password: "correct horse 3", locale: "ja" as const, roles: { "271004": "staff" as const } };

async function postJson<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe("events in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform([ORGANISER, SAPPORO, OSAKA]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("register, approve, request, accept, schedule, move in the grid, see the agenda and its .ics", async () => {
    const organiser = await signIn(browser, platform.baseUrl, ORGANISER, "ja-JP");
    const org = organiser.page;

    // Setup through the API: a public trade fair in Bangkok, one session of three 20-minute slots, two tables.
    const me = (await (await org.request.get(`${platform.baseUrl}/api/auth/me`)).json()) as { user: { memberships: { orgId: string }[] } };
    const hokkaido = me.user.memberships[0]!.orgId;
    const event = await postJson<{ id: string }>(org, `${platform.baseUrl}/api/events`, {
      ownerOrgId: hokkaido,
      kind: "trade_fair",
      nameJa: "北海道食品商談会バンコク",
      nameEn: "Hokkaido Food Fair Bangkok",
      startsOn: "2027-03-10",
      endsOn: "2027-03-11",
      timeZone: "Asia/Bangkok",
      venueJa: "クイーン・シリキット国際会議場",
      venueEn: "Queen Sirikit National Convention Center",
      cityEn: "Bangkok",
      country: "TH",
      status: "registration_open",
      meetingMinutes: 20,
      tables: 2,
      visibility: "public",
    });
    await postJson(org, `${platform.baseUrl}/api/events/${event.id}/sessions`, {
      nameJa: "午前の部",
      nameEn: "Morning session",
      startsAt: "2027-03-10T10:00:00+07:00",
      endsAt: "2027-03-10T11:00:00+07:00",
    });
    const slots = (await (await org.request.get(`${platform.baseUrl}/api/events/${event.id}/slots`)).json()) as { id: string; startsAt: string }[];
    expect(slots).toHaveLength(3);

    // Sapporo (English) finds the fair from the menu and registers as a seller.
    const sapporo = await signIn(browser, platform.baseUrl, SAPPORO, "en-GB");
    const sp = sapporo.page;
    await sp.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Events" }).click();
    await sp.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    await sp.getByRole("table", { name: "List of events" }).getByRole("link", { name: "Hokkaido Food Fair Bangkok" }).click();
    await sp.getByRole("heading", { level: 1, name: "Hokkaido Food Fair Bangkok" }).waitFor();
    await sp.getByRole("table", { name: "Sessions" }).getByRole("cell", { name: /10:00–11:00/ }).waitFor();
    await sp.getByText("All times are local: Asia/Bangkok (GMT+7).").waitFor();
    await snapshot(sp, "events-event-en");
    await sp.getByLabel("Participant type", { exact: true }).selectOption("seller");
    await sp.getByLabel("What you offer (products, services)").fill("Hokkaido scallops and dairy");
    await sp.getByRole("button", { name: "Register", exact: true }).click();
    await sp.getByRole("heading", { level: 1, name: "Sapporo City" }).waitFor();
    await sp.getByText("Waiting for the organisers' approval", { exact: false }).waitFor();
    const sapporoPage = sp.url();

    // Osaka (Japanese) registers as a buyer.
    const osaka = await signIn(browser, platform.baseUrl, OSAKA, "ja-JP");
    const os = osaka.page;
    await os.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "イベント" }).click();
    await os.getByRole("link", { name: "北海道食品商談会バンコク" }).click();
    await os.getByRole("heading", { level: 1, name: "北海道食品商談会バンコク" }).waitFor();
    await os.getByLabel("参加区分", { exact: true }).selectOption("buyer");
    await os.getByLabel("求めているもの", { exact: true }).fill("Scallops and dairy products from Hokkaido");
    await os.getByRole("button", { name: "申し込む", exact: true }).click();
    await os.getByRole("heading", { level: 1, name: "Osaka City" }).waitFor();
    const osakaPage = os.url();

    // The organiser approves both on the event page.
    await org.goto(`${platform.baseUrl}/events/${event.id}`);
    await org.getByRole("heading", { level: 2, name: "主催者の管理" }).waitFor();
    for (const name of ["Sapporo City", "Osaka City"]) {
      const decided = org.waitForResponse((r) => r.url().endsWith("/decision") && r.request().method() === "POST");
      await org.getByRole("button", { name: `${name} を承認` }).click();
      expect((await decided).status()).toBe(200);
      await org.getByRole("row").filter({ hasText: name }).getByText("承認済み").waitFor();
    }
    await snapshot(org, "events-event-organiser-ja");

    // Sapporo is suggested Osaka (it seeks what Sapporo offers, with the engine's reasons) and asks it for a
    // meeting from the suggestion, priority 3.
    await sp.goto(sapporoPage);
    const suggestion = sp.getByRole("listitem", { name: "Osaka City" });
    await suggestion.getByText("Seeks what you offer", { exact: false }).waitFor();
    expect(await suggestion.getByRole("list", { name: "Reasons" }).getByRole("listitem").count()).toBeGreaterThan(0);
    await snapshot(sp, "events-suggestions-en");
    await suggestion.getByRole("button", { name: "Ask Osaka City for a meeting" }).click();
    await sp.getByRole("heading", { level: 2, name: "Ask for a meeting" }).waitFor();
    expect(await sp.getByLabel("Meet with", { exact: true }).inputValue()).not.toBe("");
    expect(await sp.getByLabel("Meet with", { exact: true }).locator("option:checked").textContent()).toBe("Osaka City — Buyer");
    await sp.getByLabel("Priority", { exact: true }).selectOption("3");
    await sp.getByLabel("Message", { exact: true }).fill("Scallops for your stores?");
    await sp.getByRole("button", { name: "Send the request" }).click();
    await sp.getByRole("status").filter({ hasText: "Request sent to Osaka City." }).waitFor();
    await sp.getByRole("table", { name: "Requests sent" }).getByRole("rowheader", { name: "Osaka City" }).waitFor();

    // Osaka sees it with its expiry, cannot make the last slot, and accepts.
    await os.goto(osakaPage);
    const incoming = os.getByRole("table", { name: "受け取った申込み" });
    await incoming.getByRole("rowheader", { name: "Sapporo City" }).waitFor();
    await incoming.getByText("回答待ち").waitFor();
    await incoming.getByText("優先度 3").waitFor();
    const last = os.getByRole("group", { name: /2027年3月10日/ }).getByLabel("10:40–11:00");
    await last.uncheck();
    const savedAvailability = os.waitForResponse((r) => r.url().endsWith("/availability") && r.request().method() === "PUT");
    await os.getByRole("button", { name: "時間帯を保存" }).click();
    expect((await savedAvailability).status()).toBe(200);
    await snapshot(os, "events-participant-ja");
    await incoming.getByRole("button", { name: "Sapporo City からの申込みを承諾" }).click();
    await incoming.getByText("承諾", { exact: true }).waitFor();

    // The organiser schedules from the grid.
    await org.getByRole("link", { name: "商談表（テーブル×時間）" }).click();
    await org.getByRole("heading", { level: 1, name: "商談表（テーブル×時間）" }).waitFor();
    const PAIR = /^(Sapporo City × Osaka City|Osaka City × Sapporo City)$/;
    await org.getByRole("region", { name: "未配置の商談" }).getByRole("group", { name: PAIR }).waitFor();
    const scheduled = org.waitForResponse((r) => r.url().endsWith(`/api/events/${event.id}/schedule`));
    await org.getByRole("button", { name: "日程を最適化" }).click();
    expect((await scheduled).status()).toBe(200);
    const result = org.getByRole("status").filter({ hasText: "最適な日程が得られました（証明済み）。" });
    await result.waitFor();
    await result.getByText("上界との差").waitFor();
    const grid = org.getByRole("table", { name: /商談表：テーブル × 時間帯/ });
    const card = grid.getByRole("group", { name: PAIR });
    await card.waitFor();
    const pair = (await card.getAttribute("aria-label"))!;
    await snapshot(org, "events-grid-ja");

    // Dragging it onto the last slot, which Osaka cannot make, is refused with the API's reason.
    const refused = org.waitForResponse((r) => r.url().includes("/meetings/") && r.request().method() === "PATCH");
    // Both ends of the drag on screen first (the target row can sit below the fold), and the card grabbed by
    // its title, as a person would: its centre may fall on its own controls.
    const target = grid.locator(`td[data-cell="${slots[2]!.id}|2"]`);
    await target.scrollIntoViewIfNeeded();
    await card.dragTo(target, { sourcePosition: { x: 24, y: 12 } });
    expect((await refused).status()).toBe(400);
    const alert = org.getByRole("alert").filter({ hasText: "この商談は移動できません" });
    await alert.getByText("参加者がこの時間帯に参加できません", { exact: false }).waitFor();
    await snapshot(org, "events-grid-conflict-ja");

    // With the keyboard-accessible select it moves to the second slot, table 2.
    const moveTo = org.getByLabel(`${pair} の移動先`, { exact: true });
    await moveTo.selectOption(`${slots[1]!.id}|2`);
    const moved = org.waitForResponse((r) => r.url().includes("/meetings/") && r.request().method() === "PATCH");
    await org.getByRole("button", { name: `${pair} を移動` }).click();
    expect((await moved).status()).toBe(200);
    await org.getByRole("status").filter({ hasText: "商談を移動しました。" }).waitFor();
    await grid.locator(`td[data-cell="${slots[1]!.id}|2"]`).getByRole("group", { name: pair }).waitFor();

    // Sapporo's agenda shows the meeting in Bangkok time; the .ics link is a calendar.
    await sp.goto(sapporoPage);
    await sp.getByRole("link", { name: "Personal agenda" }).click();
    await sp.getByRole("heading", { level: 1, name: "Agenda of Sapporo City" }).waitFor();
    const day = sp.getByRole("table", { name: "Wed, 10 March 2027" });
    const row = day.getByRole("row").filter({ has: sp.getByRole("rowheader", { name: "10:20–10:40" }) });
    await row.getByText("Osaka City").waitFor();
    await row.getByText("Table 2").waitFor();
    await snapshot(sp, "events-agenda-en");
    const ics = await sp.getByRole("link", { name: "Add to calendar (.ics)" }).getAttribute("href");
    const calendar = await sp.request.get(`${platform.baseUrl}${ics}`);
    expect(calendar.status()).toBe(200);
    expect(calendar.headers()["content-type"]).toMatch(/^text\/calendar/);
    const text = await calendar.text();
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("Osaka City");

    // The organiser's outputs: the event calendar, the XLSX and the report.
    const eventIcs = await org.getByRole("link", { name: "全商談のカレンダー（.ics）" }).getAttribute("href");
    const eventCalendar = await org.request.get(`${platform.baseUrl}${eventIcs}`);
    expect(eventCalendar.headers()["content-type"]).toMatch(/^text\/calendar/);
    const xlsx = await org.request.get(`${platform.baseUrl}${await org.getByRole("link", { name: "参加者名簿・名札（XLSX）" }).getAttribute("href")}`);
    expect(xlsx.status()).toBe(200);
    await org.getByRole("link", { name: "開催報告" }).click();
    await org.getByRole("heading", { level: 1, name: "開催報告" }).waitFor();
    const meetings = org.getByRole("table", { name: "商談" });
    expect(await meetings.getByRole("row").filter({ has: org.getByRole("rowheader", { name: "配置済み（予定）" }) }).getByRole("cell").textContent()).toBe("1");
    await org.getByRole("table", { name: "保存された日程" }).waitFor();
    await snapshot(org, "events-report-ja");

    expect([...organiser.errors, ...sapporo.errors, ...osaka.errors]).toEqual([]);
    await Promise.all([organiser.context.close(), sapporo.context.close(), osaka.context.close()]);
  });
});
