/**
 * @module e2e/events-grid-actions
 * The organiser grid's meeting actions and the participant's notifications, in headless Chromium against
 * a real server and database. Through the API a Hokkaido organiser sets up a fair 30 days ahead (one table,
 * two 20-minute slots) with four accepted requests whose availability leaves one optimal schedule; the
 * organiser (English) schedules on the grid, cancels Sapporo's meeting from the keyboard (the confirmation
 * names both sides), accepts the reschedule prompt and sees the one meeting moved, the one newly placed and
 * the one still unplaced. On a second fair ten days ago the organiser marks a meeting held, then no-show;
 * a meeting cancelled behind the grid's back answers 409 through the problem alert. Sapporo (Japanese) sees
 * "お知らせ 3" on its page, the cancellation among its notifications linking to its request, marks it read
 * (2 left), then all. Dates are computed from today, so the test does not age.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const ORGANISER = { email: "grid@hokkaido.example.jp", displayName: "Hokkaido Grid", password: "correct horse 1", locale: "en" as const, roles: { "010006": "staff" as const } };
const SAPPORO = { email: "fair@city.sapporo.example.jp", displayName: "札幌 営業", password: "correct horse 2", locale: "ja" as const, roles: { "011002": "admin" as const } };

const DAY_MS = 86_400_000;
/** A local date `days` from today (UTC date; the slots are at 10:00 Tokyo time, 01:00 UTC the same day). */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

async function send<T>(page: Page, method: "POST" | "PUT", url: string, data: unknown): Promise<T> {
  const response = await page.request.fetch(url, { method, data });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function orgOf(page: Page, baseUrl: string): Promise<string> {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { user: { memberships: { orgId: string }[] } };
  return me.user.memberships[0]!.orgId;
}

/** An event on `day` in Tokyo with one session 10:00–10:40 (two 20-minute slots); returns its id and slot ids in time order. */
async function fairWithTwoSlots(page: Page, base: string, day: string, names: { ja: string; en: string }, tables: number): Promise<{ id: string; slots: string[] }> {
  const event = await send<{ id: string }>(page, "POST", `${base}/api/events`, {
    ownerOrgId: await orgOf(page, base),
    kind: "trade_fair",
    nameJa: names.ja,
    nameEn: names.en,
    startsOn: day,
    endsOn: day,
    timeZone: "Asia/Tokyo",
    cityEn: "Sapporo",
    country: "JP",
    status: "registration_closed",
    meetingMinutes: 20,
    tables,
    visibility: "public",
  });
  await send(page, "POST", `${base}/api/events/${event.id}/sessions`, { nameJa: "午前の部", nameEn: "Morning session", startsAt: `${day}T10:00:00+09:00`, endsAt: `${day}T10:40:00+09:00` });
  const slots = (await (await page.request.get(`${base}/api/events/${event.id}/slots`)).json()) as { id: string; startsAt: string }[];
  return { id: event.id, slots: [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => s.id) };
}

describe("grid actions and notifications in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform([ORGANISER, SAPPORO]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("cancels a meeting, reschedules with the fewest moves, records attendance; the participant reads the notice", async () => {
    const base = platform.baseUrl;
    const organiser = await signIn(browser, base, ORGANISER, "en-GB");
    const org = organiser.page;
    const sapporo = await signIn(browser, base, SAPPORO, "ja-JP");
    const sp = sapporo.page;

    // A fair 30 days ahead, one table, slots X (10:00) and Y (10:20). Bangkok Foods can meet only in X,
    // Phuket Resorts only in Y. Accepted requests: Sapporo–Bangkok (3), Chiang Mai–Siam (3),
    // Chiang Mai–Phuket (1), Bangkok–Phuket (2, never placeable). The one optimal schedule: Sapporo–Bangkok
    // in X, Chiang Mai–Siam in Y. Once Sapporo's meeting is cancelled, the best is Chiang Mai–Siam in X and
    // Chiang Mai–Phuket in Y: one move, one newly placed, one still without a place.
    const fair = await fairWithTwoSlots(org, base, dayFromToday(30), { ja: "北海道物産商談会", en: "Hokkaido Products Fair" }, 1);
    const [x, y] = fair.slots as [string, string];
    const participant = (body: object) => send<{ id: string }>(org, "POST", `${base}/api/events/${fair.id}/participants`, body);
    const s = await participant({ orgId: await orgOf(sp, base), participantType: "seller" });
    const bangkok = await participant({ name: "Bangkok Foods", participantType: "buyer" });
    const chiangMai = await participant({ name: "Chiang Mai Trading", participantType: "seller" });
    const siam = await participant({ name: "Siam Retail", participantType: "buyer" });
    const phuket = await participant({ name: "Phuket Resorts", participantType: "buyer" });
    await send(org, "PUT", `${base}/api/events/${fair.id}/participants/${bangkok.id}/availability`, { availableSlotIds: [x] });
    await send(org, "PUT", `${base}/api/events/${fair.id}/participants/${phuket.id}/availability`, { availableSlotIds: [y] });
    const agree = async (from: { id: string }, to: { id: string }, priority: number) => {
      const request = await send<{ id: string }>(org, "POST", `${base}/api/events/${fair.id}/requests`, { fromParticipantId: from.id, toParticipantId: to.id, priority });
      await send(org, "POST", `${base}/api/events/${fair.id}/requests/${request.id}/answer`, { answer: "accept" });
      return request.id;
    };
    const sapporoRequest = await agree(s, bangkok, 3);
    await agree(chiangMai, siam, 3);
    await agree(chiangMai, phuket, 1);
    await agree(bangkok, phuket, 2);

    // The organiser schedules on the grid.
    await org.goto(`${base}/events/${fair.id}/grid`);
    await org.getByRole("heading", { level: 1, name: "Meeting grid (tables × slots)" }).waitFor();
    const scheduled = org.waitForResponse((r) => r.url().endsWith("/schedule") && r.request().method() === "POST");
    await org.getByRole("button", { name: "Schedule", exact: true }).click();
    expect((await scheduled).status()).toBe(200);
    const grid = org.getByRole("table", { name: /Meetings by table and time slot/ });
    const rowAt = (time: string) => grid.getByRole("row").filter({ has: org.getByRole("rowheader", { name: time }) });
    await rowAt("10:00–10:20").getByRole("group", { name: "Sapporo City × Bangkok Foods" }).waitFor();
    await rowAt("10:20–10:40").getByRole("group", { name: "Chiang Mai Trading × Siam Retail" }).waitFor();
    // Slots still ahead: cancelling applies, attendance does not yet.
    expect(await grid.getByRole("button", { name: /as held$/ }).count()).toBe(0);

    // Cancel from the keyboard; the confirmation names both sides.
    let question = "";
    org.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    const cancelled = org.waitForResponse((r) => r.url().endsWith("/cancel") && r.request().method() === "POST");
    await grid.getByRole("button", { name: "Cancel meeting between Sapporo City and Bangkok Foods" }).focus();
    await org.keyboard.press("Enter");
    expect((await cancelled).status()).toBe(200);
    expect(question).toBe("Cancel the meeting between Sapporo City and Bangkok Foods? Both will be notified.");
    const prompt = org.getByRole("group", { name: /A slot is free\. Reschedule the unplaced meetings with as few moves as possible\?/ });
    await prompt.waitFor();
    expect(await prompt.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await grid.getByRole("group", { name: "Sapporo City × Bangkok Foods" }).count()).toBe(0);
    await snapshot(org, "events-grid-reschedule-prompt-en");

    // Accept the prompt: the fewest-moves reschedule, and what it changed.
    const rescheduled = org.waitForResponse((r) => r.url().endsWith("/reschedule") && r.request().method() === "POST");
    await prompt.getByRole("button", { name: "Reschedule now" }).click();
    const outcome = (await (await rescheduled).json()) as { changes: { moved: unknown[]; placed: unknown[] }; unscheduled: string[] };
    expect([outcome.changes.moved.length, outcome.changes.placed.length, outcome.unscheduled.length]).toEqual([1, 1, 1]);
    const changes = org.getByRole("region", { name: "Changes" });
    await changes.getByText("1 moved · 0 taken out · 1 newly placed").waitFor();
    expect(await changes.evaluate((el) => el === document.activeElement)).toBe(true);
    const movedItem = changes.getByRole("listitem").filter({ hasText: "Chiang Mai Trading × Siam Retail" });
    expect(await movedItem.textContent()).toMatch(/10:20–10:40 · Table 1 → .*10:00–10:20 · Table 1$/);
    expect(await changes.getByRole("listitem").filter({ hasText: "Chiang Mai Trading × Phuket Resorts" }).textContent()).toMatch(/10:20–10:40 · Table 1$/);
    await changes.getByRole("heading", { name: "Still without a place" }).waitFor();
    await changes.getByRole("listitem").filter({ hasText: "Bangkok Foods × Phuket Resorts" }).waitFor();
    await rowAt("10:00–10:20").getByRole("group", { name: "Chiang Mai Trading × Siam Retail" }).waitFor();
    await rowAt("10:20–10:40").getByRole("group", { name: "Chiang Mai Trading × Phuket Resorts" }).waitFor();
    expect(await prompt.count()).toBe(0);
    await snapshot(org, "events-grid-rescheduled-en");

    // A fair ten days ago: its slots have started, so the grid records attendance.
    const past = await fairWithTwoSlots(org, base, dayFromToday(-10), { ja: "北海道物産商談会（前回）", en: "Hokkaido Products Fair (last time)" }, 2);
    const pastParticipant = (body: object) => send<{ id: string }>(org, "POST", `${base}/api/events/${past.id}/participants`, body);
    const ps = await pastParticipant({ orgId: await orgOf(sp, base), participantType: "seller" });
    const pb = await pastParticipant({ name: "Bangkok Foods", participantType: "buyer" });
    const pr = await pastParticipant({ name: "Siam Retail", participantType: "buyer" });
    await send(org, "POST", `${base}/api/events/${past.id}/meetings`, { participantIds: [ps.id, pb.id], priority: 3, slotId: past.slots[0], table: 1 });
    const other = await send<{ id: string }>(org, "POST", `${base}/api/events/${past.id}/meetings`, { participantIds: [pr.id, pb.id], priority: 2, slotId: past.slots[1], table: 1 });
    await org.goto(`${base}/events/${past.id}/grid`);
    const pastGrid = org.getByRole("table", { name: /Meetings by table and time slot/ });
    const card = pastGrid.getByRole("group", { name: "Sapporo City × Bangkok Foods" });
    const held = org.waitForResponse((r) => r.url().endsWith("/attendance") && r.request().method() === "POST");
    await card.getByRole("button", { name: "Mark Sapporo City × Bangkok Foods as held" }).click();
    expect((await held).status()).toBe(200);
    await org.getByRole("status").filter({ hasText: "Sapporo City × Bangkok Foods: recorded as “Held”." }).waitFor();
    await card.getByRole("button", { name: "Undo the record of Sapporo City × Bangkok Foods" }).waitFor();
    expect(await card.getByRole("button", { name: "Mark Sapporo City × Bangkok Foods as held" }).count()).toBe(0);
    const noShow = org.waitForResponse((r) => r.url().endsWith("/attendance") && r.request().method() === "POST");
    await card.getByRole("button", { name: "Mark Sapporo City × Bangkok Foods as a no-show" }).click();
    expect((await noShow).status()).toBe(200);
    await card.getByText("No-show", { exact: false }).waitFor();
    // Cancelled elsewhere while the grid was open: the API's conflict shows in the alert, the grid catches up.
    await send(org, "POST", `${base}/api/events/${past.id}/meetings/${other.id}/cancel`, {});
    const refused = org.waitForResponse((r) => r.url().endsWith("/attendance") && r.request().method() === "POST");
    await pastGrid.getByRole("button", { name: "Mark Siam Retail × Bangkok Foods as held" }).click();
    expect((await refused).status()).toBe(409);
    await org.getByRole("alert").filter({ hasText: "The meeting was cancelled." }).waitFor();
    await pastGrid.getByRole("group", { name: "Siam Retail × Bangkok Foods" }).waitFor({ state: "detached" });
    await snapshot(org, "events-grid-attendance-en");

    // Sapporo reads its notifications in Japanese: accepted, scheduled, cancelled — three unread.
    await sp.goto(`${base}/events/${fair.id}/participants/${s.id}`);
    await sp.getByRole("heading", { level: 1, name: "Sapporo City" }).waitFor();
    const badge = sp.getByRole("link", { name: /^お知らせ/ });
    await sp.getByRole("link", { name: "お知らせ 3 件未読" }).waitFor();
    const panel = sp.getByRole("region", { name: "お知らせ" });
    await panel.getByText("未読 3 件").waitFor();
    const cancelNote = panel.getByRole("listitem").filter({ hasText: "商談がキャンセルされました" });
    await cancelNote.getByText("未読", { exact: true }).waitFor();
    await cancelNote.getByText("相手：Bangkok Foods").waitFor();
    expect(await cancelNote.getByRole("link", { name: "商談がキャンセルされました" }).getAttribute("href")).toBe(`#request-${sapporoRequest}`);
    await snapshot(sp, "events-notifications-ja");

    const read = sp.waitForResponse((r) => r.url().endsWith("/notifications/read") && r.request().method() === "POST");
    await cancelNote.getByRole("button", { name: /^既読にする：商談がキャンセルされました/ }).click();
    expect((await read).status()).toBe(200);
    await sp.getByRole("link", { name: "お知らせ 2 件未読" }).waitFor();
    expect(await cancelNote.getByText("未読", { exact: true }).count()).toBe(0);

    const readAll = sp.waitForResponse((r) => r.url().endsWith("/notifications/read") && r.request().method() === "POST");
    await panel.getByRole("button", { name: "すべて既読にする" }).click();
    expect((await readAll).status()).toBe(200);
    await panel.getByText("未読 0 件").waitFor();
    expect(await badge.textContent()).toBe("お知らせ");

    // The notification leads to the request it is about, on the same page.
    await cancelNote.getByRole("link", { name: "商談がキャンセルされました" }).click();
    expect(new URL(sp.url()).hash).toBe(`#request-${sapporoRequest}`);
    await sp.locator(`[id="request-${sapporoRequest}"]`).getByRole("rowheader", { name: "Bangkok Foods" }).waitFor();

    expect([...organiser.errors, ...sapporo.errors]).toEqual([]);
    await Promise.all([organiser.context.close(), sapporo.context.close()]);
  });
});
