/**
 * @module e2e/matchmaking
 * Matchmaking in headless Chromium against a real server and database. Set-up through the API as the
 * staff of Hokkaido: a regional company and a Singapore buyer (registry organisations), and the buyer's
 * English request without HS codes, vetted and published. Then in the browser the same staff member opens
 * Matching from the menu, enters the company's profile with the HS code picker (searching りんご), vets it on
 * the four criteria (the form shows "publish" before it is sent), opens the buyer's request and sees the
 * Japanese company among its matches with a reason naming the HS code inferred from the English text.
 * Waits are on roles, labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "matching@hokkaido.example.jp", displayName: "北海道 国際課", password: "correct horse 1", locale: "ja" as const, roles: { "010006": "staff" as const } };

async function json<T>(page: Page, method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const response = method === "GET" ? await page.request.get(url) : await page.request.post(url, { data });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe("matchmaking in Chromium", () => {
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

  it("enters and vets a company profile, and finds it for a buyer's English request by an inferred HS code", async () => {
    const context = await browser.newContext({ baseURL: platform.baseUrl, locale: "ja-JP", viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${platform.baseUrl}/sign-in`);
    await page.getByLabel("メールアドレス", { exact: true }).fill(STAFF.email);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF.password);
    await page.getByRole("button", { name: "サインイン", exact: true }).last().click();
    await page.getByRole("button", { name: "サインアウト" }).waitFor();

    // Set-up through the API, as the same staff member.
    const hokkaido = (await json<{ items: Array<{ id: string }> }>(page, "GET", "/api/organisations?localGovCode=010006")).items[0]!;
    const org = (body: Record<string, unknown>) => json<{ id: string }>(page, "POST", "/api/organisations", { country: "JP", visibility: "public", ownerOrgId: hokkaido.id, ...body });
    const farm = await org({ kind: "company", nameJa: "大雪りんご農園", nameEn: "Taisetsu Apple Farm" });
    const buyer = await org({ kind: "company", nameJa: "ライオン青果", nameEn: "Lion Fresh Pte", country: "SG" });
    const request = await json<{ id: string }>(page, "POST", "/api/opportunities", {
      kind: "business_request",
      ownerOrgId: buyer.id,
      vettedBy: hokkaido.id,
      country: "SG",
      titleEn: "Fresh apples for our supermarkets",
      descriptionEn: "Singapore supermarket chain seeks crisp fresh apples from Japan for the autumn season.",
    });
    await json(page, "POST", `/api/opportunities/${request.id}/reviews`, { scores: { advantages: 3, clarity: 3, cooperation: 3, accuracy: 3 } });
    expect(farm.id).toBeTruthy();

    // Matching from the menu; a new company profile with the HS code picker.
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "マッチング" }).click();
    await page.getByRole("heading", { level: 1, name: "ビジネスマッチング" }).waitFor();
    await page.getByRole("link", { name: "企業プロフィールを登録" }).click();
    await page.getByRole("heading", { level: 1, name: "企業プロフィールを登録" }).waitFor();

    await page.getByRole("combobox", { name: /^企業（登録済みの組織）/ }).fill("大雪りんご");
    await page.getByRole("option", { name: /^大雪りんご農園/ }).click();
    await page.getByRole("combobox", { name: /^審査する自治体/ }).fill("北海道");
    await page.getByRole("option", { name: /^北海道 · / }).first().click();
    await page.getByLabel("説明（日本語）", { exact: true }).fill("北海道の大雪山麓でりんごを栽培し、生果を出荷しています。");
    const hs = page.getByRole("combobox", { name: /^HSコード（品目）/ });
    await hs.fill("りんご");
    await page.getByRole("option", { name: /^0808\b/ }).first().click();
    await page.getByRole("list", { name: "HSコード（品目）" }).getByText("0808").waitFor();
    await page.getByLabel("目標市場", { exact: true }).fill("SG, TH");
    // A corporate number with a wrong check digit: the API's error stands beside the field.
    const corporateNumber = page.getByLabel("法人番号", { exact: true });
    await corporateNumber.fill("1234567890123");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "入力内容を確認してください" }).waitFor();
    expect(await corporateNumber.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("チェックデジットは 9 になるはずです", { exact: false }).first().waitFor();
    await snapshot(page, "mm-company-form");
    await corporateNumber.fill("");
    await page.getByRole("button", { name: "保存", exact: true }).click();

    // The profile is pending; its government's staff review it on the four criteria.
    await page.getByRole("heading", { level: 1, name: "大雪りんご農園" }).waitFor();
    await page.getByText("まだ推薦されていません", { exact: false }).waitFor();
    await page.getByRole("link", { name: "審査する" }).click();
    await page.getByRole("heading", { name: "審査（4項目・各0〜5点）" }).waitFor();
    await page.getByLabel("優位性・革新性", { exact: true }).selectOption("4");
    await page.getByLabel("明確さ・一貫性・わかりやすさ", { exact: true }).selectOption("3");
    await page.getByLabel("求める協力内容", { exact: true }).selectOption("2");
    await page.getByLabel("記載要領の遵守・言語の正確さ", { exact: true }).selectOption("2");
    await page.getByText("合計 11 / 20 — この点数での判定: 公開").waitFor();
    await page.getByRole("button", { name: "審査を登録" }).click();
    await page.getByRole("status").filter({ hasText: "審査を登録しました: 公開（合計 11）" }).waitFor();
    await page.getByRole("region", { name: "自治体の推薦" }).getByText("北海道 国際課").waitFor();
    await snapshot(page, "mm-review");

    // The buyer's English request, without HS codes: the company is matched with an inferred HS code.
    await page.getByRole("link", { name: "案件", exact: true }).click();
    await page.getByRole("link", { name: "Fresh apples for our supermarkets" }).click();
    await page.getByRole("heading", { level: 1, name: "Fresh apples for our supermarkets" }).waitFor();
    const match = page.getByRole("listitem", { name: "大雪りんご農園" });
    await match.waitFor();
    const hsReason = match.getByRole("list", { name: "理由" }).getByRole("listitem").filter({ hasText: /HS 0808.*推定/ });
    await hsReason.first().waitFor();
    await snapshot(page, "mm-matches-ja");

    // The same page in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Companies for this request" }).waitFor();
    await page.getByRole("listitem", { name: "Taisetsu Apple Farm" }).getByText(/HS 0808.*inferred from/).first().waitFor();
    await snapshot(page, "mm-matches-en");

    // The interest inbox with Hokkaido's funnel: one profile sponsored and vetted, one opportunity.
    await page.getByRole("link", { name: "Interests", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Interest inbox" }).waitFor();
    await page.getByRole("img", { name: /Matchmaking funnel \(Hokkaido\)\. Profiles: 1, Vetted: 1, Opportunities: 1/ }).waitFor();
    await page.getByText("No expressions of interest.").waitFor();
    await snapshot(page, "mm-interests-en");

    expect(errors).toEqual([]);
    await context.close();
  });
});
