/**
 * @module e2e/governance-forms
 * The evaluation's editing forms in headless Chromium: an Osaka City staff member adds a mayor's term of
 * office from the continuity report (first with the end before the start, which the API rejects beside
 * the field) and sees it in the report; then adds an initiative with a partner organisation, lands on its
 * page, and records a status change there. Waits are on roles, labels and text.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "staff@city.osaka.example.jp", displayName: "大阪 太郎", password: "correct horse 1", locale: "ja" as const, roles: { "271004": "staff" as const } };

async function snapshot(page: Page, name: string): Promise<void> {
  const dir = process.env.RENKEI_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

describe("governance forms in Chromium", () => {
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

  it("adds a term of office (after a field error) and an initiative with a partner, and records a status change", async () => {
    const context = await browser.newContext({ locale: "ja-JP", viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${platform.baseUrl}/sign-in`);
    await page.getByLabel("メールアドレス", { exact: true }).fill(STAFF.email);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF.password);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByText("大阪 太郎 としてサインイン中").waitFor();

    // Osaka City's continuity report, through the comparison of all governments.
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "評価" }).click();
    await page.getByRole("table", { name: "自治体別の判定" }).getByRole("link", { name: "大阪市", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "大阪市" }).waitFor();
    await page.getByRole("link", { name: "首長交代と継続性" }).click();
    await page.getByRole("region", { name: /橋下徹 の就任/ }).waitFor();

    // A term of office, first with its end before its start.
    await page.getByRole("link", { name: "首長の任期を追加" }).click();
    await page.getByRole("heading", { level: 1, name: "首長の任期を追加" }).waitFor();
    await page.getByLabel("首長名（日本語）", { exact: true }).fill("連携 花子");
    await page.getByLabel("首長名（英語）", { exact: true }).fill("Hanako Renkei");
    await page.getByLabel("任期の開始 年", { exact: true }).fill("2031");
    await page.getByLabel("任期の終了 年", { exact: true }).fill("2030");
    await page.getByLabel("経歴（日本語）", { exact: true }).fill("元国際交流員");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").waitFor();
    await page.locator(".field.invalid").filter({ hasText: "任期の終了" }).getByText("開始より後の日付にしてください").waitFor();
    await snapshot(page, "governance-forms-term-error");
    await page.getByLabel("任期の終了 年", { exact: true }).fill("");
    await page.getByRole("button", { name: "保存" }).click();
    const term = page.getByRole("region", { name: /連携 花子 の就任/ });
    await term.waitFor();
    await term.getByText("経歴: 元国際交流員").waitFor();

    // A new initiative with a partner.
    await page.getByRole("link", { name: "取組を追加" }).click();
    await page.getByRole("heading", { level: 1, name: "取組を追加" }).waitFor();
    await page.getByLabel("名称（日本語）", { exact: true }).fill("大阪・北海道観光連携プロジェクト");
    await page.getByLabel("名称（英語）", { exact: true }).fill("Osaka–Hokkaido tourism project");
    await page.getByLabel("説明（日本語）", { exact: true }).fill("訪日客の周遊を共同で促進する。");
    await page.getByRole("combobox", { name: /^連携先（協働する組織）/ }).fill("北海道");
    await page.getByRole("option", { name: /^北海道 · / }).first().click();
    await page.getByLabel("開始 年", { exact: true }).fill("2032");
    await snapshot(page, "governance-forms-initiative");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("heading", { level: 1, name: "大阪・北海道観光連携プロジェクト" }).waitFor();
    await page.getByRole("link", { name: /^北海道/ }).first().waitFor();
    await page.getByText("(連携先)").waitFor();
    await page.getByRole("link", { name: /連携 花子/ }).waitFor();

    // A status change, recorded on the initiative's page.
    const status = page.getByRole("region", { name: "状況の変更を記録" });
    await status.getByLabel("状況", { exact: true }).selectOption("suspended");
    await status.getByLabel("変更日 年", { exact: true }).fill("2033");
    await status.getByLabel("理由", { exact: true }).fill("予算の見直し");
    await status.getByRole("button", { name: "保存" }).click();
    await page.getByRole("table", { name: "状況の履歴" }).getByRole("cell", { name: "予算の見直し" }).waitFor();
    await snapshot(page, "governance-forms-initiative-page");

    // It shows in the continuity report, under the new term.
    await page.getByRole("link", { name: "首長交代と継続性" }).first().click();
    await page.getByRole("region", { name: /連携 花子 の就任/ }).getByRole("link", { name: "大阪・北海道観光連携プロジェクト" }).first().waitFor();
    if (pageErrors.length) throw new Error(pageErrors.join("\n"));
    await context.close();
  });
});
