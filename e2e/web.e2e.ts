/**
 * @module e2e/web
 * The web app in headless Chromium against a real server and database: a Hokkaido staff member signs in,
 * registers an overseas office (first with a closing date before its opening, which the API rejects
 * field by field), finds it in the list and on the world map, and switches to English, which is kept
 * for the account across a reload and a new browser session. Waits are on roles, labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "staff@hokkaido.example.jp", displayName: "北海道 花子", password: "correct horse 1", locale: "ja" as const, roles: { "010006": "staff" as const } };

describe("web app in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform([STAFF]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("signs in, registers an office with a field error first, finds it in the list and on the map, and switches language", async () => {
    const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    // A visitor browsing the public registry in Japanese.
    await page.goto(`${platform.baseUrl}/offices`);
    await page.getByRole("heading", { level: 1, name: "海外事務所" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");

    // A visitor's choice of language is remembered by the browser.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Overseas offices" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Overseas offices" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "日本語" }).click();
    await page.getByRole("heading", { level: 1, name: "海外事務所" }).waitFor();

    // Sign in from the header and come back to the offices.
    await page.getByRole("link", { name: "サインイン" }).click();
    await page.getByLabel("メールアドレス", { exact: true }).fill(STAFF.email);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF.password);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByText("北海道 花子 としてサインイン中").waitFor();
    await page.getByRole("heading", { level: 1, name: "海外事務所" }).waitFor();

    // Register an office; the owner is the user's organisation.
    await page.getByRole("link", { name: "事務所を登録" }).click();
    await page.getByRole("heading", { level: 1, name: "事務所を登録" }).waitFor();
    const owner = page.getByLabel("所有組織", { exact: true });
    expect(await owner.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe("北海道");
    await page.getByLabel("名称（日本語）", { exact: true }).fill("北海道ハノイ事務所");
    await page.getByLabel("名称（英語）", { exact: true }).fill("Hokkaido Hanoi Office");
    await page.getByLabel("運営形態", { exact: true }).selectOption("independent");
    await page.getByLabel("国", { exact: true }).selectOption("VN");
    await page.getByLabel("都市（日本語）", { exact: true }).fill("ハノイ");
    await page.getByLabel("都市（英語）", { exact: true }).fill("Hanoi");
    await page.getByLabel("緯度", { exact: true }).fill("21.03");
    await page.getByLabel("経度", { exact: true }).fill("105.85");
    const functions = page.getByRole("group", { name: "主な機能" });
    await functions.getByLabel("情報収集・提供").check();
    await functions.getByLabel("経済交流・ビジネス支援").check();
    await page.getByRole("group", { name: "重点分野" }).getByLabel("食品輸出").check();
    await page.getByLabel("開設 年", { exact: true }).fill("2024");
    await page.getByLabel("開設 月", { exact: true }).selectOption("04");
    // A closing year before the opening: the API refuses it and names the field.
    await page.getByLabel("閉鎖 年", { exact: true }).fill("2020");
    await page.getByRole("button", { name: "保存" }).click();

    const alert = page.getByRole("alert");
    await alert.getByText("入力内容を確認してください（1 件）").waitFor();
    await alert.getByRole("link", { name: "閉鎖" }).waitFor();
    const closed = page.getByRole("group", { name: "閉鎖" });
    await closed.getByText("開設日より前の日付にはできません").waitFor();
    expect(await page.getByLabel("閉鎖 年", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("名称（日本語）", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    await snapshot(page, "office-form-error");

    // Fix it: the office has not closed.
    await page.getByLabel("閉鎖 年", { exact: true }).fill("");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("heading", { level: 1, name: "北海道ハノイ事務所" }).waitFor();
    await page.getByText("2024年4月 (令和6年)").waitFor();
    await snapshot(page, "office-detail");

    // Find it in the list by searching, and on the map.
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "海外事務所" }).click();
    await page.getByRole("heading", { level: 1, name: "海外事務所" }).waitFor();
    await page.getByLabel("検索", { exact: true }).fill("ハノイ");
    await page.getByRole("table").getByRole("link", { name: "北海道ハノイ事務所" }).waitFor();
    await page.getByText("1 件", { exact: true }).waitFor();
    const map = page.getByRole("group", { name: "海外事務所の地図" });
    const marker = map.getByRole("link", { name: /北海道ハノイ事務所/ });
    await marker.waitFor();
    expect(await map.getByRole("link").count()).toBe(1);
    await snapshot(page, "offices-search");
    await marker.click();
    await page.getByRole("heading", { level: 1, name: "北海道ハノイ事務所" }).waitFor();

    // Switch to English: labels change, <html lang> follows, and the choice is saved for the account.
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/auth/me") && r.request().method() === "PATCH" && r.ok());
    await page.getByRole("button", { name: "English" }).click();
    await saved;
    await page.getByRole("heading", { level: 1, name: "Hokkaido Hanoi Office" }).waitFor();
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Offices" }).click();
    await page.getByRole("heading", { level: 1, name: "Overseas offices" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Overseas offices" }).waitFor();
    await page.getByText("Signed in as 北海道 花子").waitFor();
    await snapshot(page, "offices-en");

    // A new browser session with only the session cookie (no localStorage) still opens in English.
    const cookies = await context.cookies();
    const fresh = await browser.newContext({ locale: "ja-JP" });
    await fresh.addCookies(cookies);
    const again = await fresh.newPage();
    again.setDefaultTimeout(20_000);
    await again.goto(`${platform.baseUrl}/strategies`);
    await again.getByRole("heading", { level: 1, name: "International strategies" }).waitFor();
    expect(await again.locator("html").getAttribute("lang")).toBe("en");

    expect(pageErrors).toEqual([]);
    await fresh.close();
    await context.close();
  });
});
