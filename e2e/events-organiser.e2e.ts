/**
 * @module e2e/events-organiser
 * An organiser builds an event in the browser. A Hokkaido (010006) staff member, reading English, opens
 * "Events", follows "New event", fills the form (kind, names, dates, Bangkok time zone, owner, meeting
 * length, tables), first with a meeting length the API refuses — its error shows beside the field — then
 * with a good one, and lands on the event page. There they add a session from 10:00 to 11:00 Bangkok time
 * and see the three generated 20-minute slots listed; the edit page saves the event again, and the grid's
 * "Reschedule" answers with its (empty) changes. Waits are on roles, labels and responses.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, signIn, startPlatform, type RunningPlatform } from "./fixtures.ts";

const ORGANISER = { email: "organiser@hokkaido.example.jp", displayName: "Hokkaido Organiser", password: "correct horse 1", locale: "en" as const, roles: { "010006": "staff" as const } };

describe("event organiser pages in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform([ORGANISER]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("creates an event through the form (after a field error), adds a session and sees its slots", async () => {
    const { context, page, errors } = await signIn(browser, platform.baseUrl, ORGANISER, "en-GB");
    const shots = process.env.RENKEI_E2E_SCREENSHOTS;

    await page.goto(`${platform.baseUrl}/events`);
    await page.getByRole("link", { name: "New event" }).click();
    await page.getByRole("heading", { name: "Create an event" }).waitFor();

    await page.getByLabel("Kind", { exact: true }).selectOption("trade_fair");
    await page.getByLabel("Name in Japanese", { exact: true }).fill("北海道食品商談会バンコク");
    await page.getByLabel("Name in English", { exact: true }).fill("Hokkaido Food Fair Bangkok");
    await page.getByLabel("First day", { exact: true }).fill("2027-03-10");
    await page.getByLabel("Last day", { exact: true }).fill("2027-03-11");
    await page.getByLabel("Local time zone", { exact: true }).selectOption("Asia/Bangkok");
    await page.getByLabel("Venue in English", { exact: true }).fill("Queen Sirikit National Convention Center");
    await page.getByLabel("City in English", { exact: true }).fill("Bangkok");
    const owner = page.getByLabel("Owner organisation", { exact: true });
    expect(await owner.inputValue()).not.toBe("");
    const minutes = page.getByLabel("Meeting length (minutes)", { exact: true });
    await minutes.fill("3");
    await page.getByLabel("Tables per time slot", { exact: true }).fill("2");
    if (shots) await page.screenshot({ path: `${shots}/organiser-new-event.png`, fullPage: true });

    // A meeting length under five minutes: the API's error is shown beside the field.
    const refused = page.waitForResponse((r) => r.url().endsWith("/api/events") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Save" }).click();
    expect((await refused).status()).toBe(400);
    await page.getByRole("alert").first().waitFor();
    expect(await minutes.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await minutes.getAttribute("aria-describedby")) ?? "";
    const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/5/);
    if (shots) await page.screenshot({ path: `${shots}/organiser-field-error.png`, fullPage: true });

    await minutes.fill("20");
    const created = page.waitForResponse((r) => r.url().endsWith("/api/events") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Save" }).click();
    expect((await created).status()).toBe(201);
    await page.getByRole("heading", { name: "Hokkaido Food Fair Bangkok", level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/events\/[0-9a-f-]{36}$/);
    await page.getByText("No time slots yet.").waitFor();

    // Add a session from 10:00 to 11:00 Bangkok time: the API generates three 20-minute slots.
    await page.getByText("Add session", { exact: true }).first().click();
    await page.getByLabel("Session name in Japanese", { exact: true }).fill("午前の部");
    await page.getByLabel("Session name in English", { exact: true }).fill("Morning session");
    expect(await page.getByLabel("Date", { exact: true }).inputValue()).toBe("2027-03-10");
    await page.getByLabel("Start time", { exact: true }).fill("10:00");
    await page.getByLabel("End time", { exact: true }).fill("11:00");
    const session = page.waitForResponse((r) => r.url().endsWith("/sessions") && r.request().method() === "POST");
    await page.getByRole("button", { name: "Save" }).click();
    const answer = await session;
    expect(answer.status()).toBe(201);
    const body = (await answer.json()) as { startsAt: string; slotCount: number };
    expect(body.startsAt).toBe("2027-03-10T10:00:00+07:00");
    expect(body.slotCount).toBe(3);
    await page.getByRole("status").filter({ hasText: "Session added with 3 time slots." }).waitFor();

    const slots = page.getByRole("table", { name: /Time slots on/ });
    await slots.waitFor();
    expect(await slots.getByRole("cell", { name: "10:00–10:20" }).count()).toBe(1);
    expect(await slots.getByRole("cell", { name: "10:40–11:00" }).count()).toBe(1);
    expect(await slots.getByRole("row").count()).toBe(4);
    await page.getByRole("rowheader", { name: "Morning session" }).waitFor();
    if (shots) await page.screenshot({ path: `${shots}/organiser-event-slots.png`, fullPage: true });

    // The edit page saves the event unchanged (organisers keep their roles), and the grid's Reschedule answers.
    await page.getByRole("link", { name: "Edit event" }).click();
    await page.getByRole("heading", { name: "Edit event" }).waitFor();
    expect(await page.getByLabel("Local time zone", { exact: true }).inputValue()).toBe("Asia/Bangkok");
    const patched = page.waitForResponse((r) => /\/api\/events\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === "PATCH");
    await page.getByRole("button", { name: "Save" }).click();
    expect((await patched).status()).toBe(200);
    await page.getByRole("heading", { name: "Hokkaido Food Fair Bangkok", level: 1 }).waitFor();

    // The participant list as PDF downloads from the event page (badges and list are read back in the API tests).
    const [listDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Participant list (PDF)" }).click()]);
    expect(listDownload.suggestedFilename()).toBe("参加者一覧-北海道食品商談会バンコク.pdf");
    expect((await readFile((await listDownload.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.getByRole("link", { name: /Meeting grid/ }).click();
    const rescheduled = page.waitForResponse((r) => r.url().endsWith("/reschedule"));
    await page.getByRole("button", { name: "Reschedule" }).click();
    expect((await rescheduled).status()).toBe(200);
    await page.getByRole("heading", { name: "Changes" }).waitFor();
    await page.getByText("Nothing changed.").waitFor();
    if (shots) await page.screenshot({ path: `${shots}/organiser-reschedule.png`, fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  });
});
