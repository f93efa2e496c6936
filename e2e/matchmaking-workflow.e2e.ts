/**
 * @module e2e/matchmaking-workflow
 * The brokered workflow in headless Chromium against a real server and database. Set-up through the API:
 * Hokkaido's staff registers a regional company and a Singapore buyer, the company's profile and the
 * buyer's request, both vetted and published; a system administrator gives each side a staff member. Then
 * in the browser: the buyer's staff expresses interest in the company from the request's matches, Hokkaido
 * finds it in its notifications and forwards it, the company accepts, records a meeting and an agreement
 * (first without a currency: the field error stands beside the currency; then in JPY), and Hokkaido's
 * funnel shows the agreement. Waits are on roles, labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const PASSWORD = "correct horse 1";
const GOV = { email: "wf-gov@hokkaido.example.jp", displayName: "北海道 国際課", password: PASSWORD, locale: "ja" as const, roles: { "010006": "staff" as const } };
const ADMIN = { email: "wf-admin@renkei.example.jp", displayName: "運用管理者", password: PASSWORD, locale: "ja" as const, isSystemAdmin: true };
const BUYER = "wf-buyer@lion.example.sg";
const FARM = "wf-farm@taisetsu.example.jp";

async function json<T>(page: Page, method: "GET" | "POST", url: string, data?: unknown): Promise<T> {
  const response = method === "GET" ? await page.request.get(url) : await page.request.post(url, { data });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe("brokered matchmaking workflow in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: platform.baseUrl, locale: "ja-JP", viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${platform.baseUrl}/sign-in`);
    await page.getByLabel("メールアドレス", { exact: true }).fill(email);
    await page.getByLabel("パスワード", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "サインイン", exact: true }).last().click();
    await page.getByRole("button", { name: "サインアウト" }).waitFor();
    return page;
  }

  beforeAll(async () => {
    platform = await startPlatform([GOV, ADMIN]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await platform?.stop();
  });

  it("expresses interest, forwards, accepts, records a meeting and a JPY agreement, and the funnel counts it", async () => {
    // Set-up through the API: Hokkaido's staff registers and vets both sides.
    const gov = await signedIn(GOV.email);
    const hokkaido = (await json<{ items: Array<{ id: string }> }>(gov, "GET", "/api/organisations?localGovCode=010006")).items[0]!;
    const org = (body: Record<string, unknown>) => json<{ id: string }>(gov, "POST", "/api/organisations", { country: "JP", visibility: "public", ownerOrgId: hokkaido.id, ...body });
    const farm = await org({ kind: "company", nameJa: "大雪りんご農園", nameEn: "Taisetsu Apple Farm" });
    const buyer = await org({ kind: "company", nameJa: "ライオン青果", nameEn: "Lion Fresh Pte", country: "SG" });
    const scores = { scores: { advantages: 3, clarity: 3, cooperation: 3, accuracy: 3 } };
    await json(gov, "POST", "/api/companies", { orgId: farm.id, vettedBy: hokkaido.id, descriptionJa: "北海道の大雪山麓でりんごを栽培し、生果を出荷しています。", hsCodes: ["0808"], targetMarkets: ["SG"] });
    await json(gov, "POST", `/api/companies/${farm.id}/reviews`, scores);
    const request = await json<{ id: string }>(gov, "POST", "/api/opportunities", {
      kind: "business_request",
      ownerOrgId: buyer.id,
      vettedBy: hokkaido.id,
      country: "SG",
      titleEn: "Fresh apples for our supermarkets",
      descriptionEn: "Singapore supermarket chain seeks crisp fresh apples from Japan for the autumn season.",
      hsCodes: ["0808"],
    });
    await json(gov, "POST", `/api/opportunities/${request.id}/reviews`, scores);
    // A system administrator gives each side a staff member.
    const admin = await signedIn(ADMIN.email);
    await json(admin, "POST", "/api/users", { email: BUYER, displayName: "Lion buyer", password: PASSWORD, locale: "ja", memberships: [{ orgId: buyer.id, role: "staff" }] });
    await json(admin, "POST", "/api/users", { email: FARM, displayName: "大雪 営業", password: PASSWORD, locale: "ja", memberships: [{ orgId: farm.id, role: "staff" }] });

    // The buyer's staff expresses interest in the company from its request's matches.
    const buyerPage = await signedIn(BUYER);
    await buyerPage.goto(`${platform.baseUrl}/matching/opportunities/${request.id}`);
    await buyerPage.getByRole("heading", { level: 1, name: "Fresh apples for our supermarkets" }).waitFor();
    const match = buyerPage.getByRole("listitem", { name: "大雪りんご農園" });
    await match.getByRole("button", { name: "関心を表明" }).click();
    await match.getByLabel("表明する側").selectOption("opportunity");
    await match.getByLabel("相手へのメッセージ").fill("秋の出荷分について、数量と価格をご相談したいです。");
    await match.getByRole("button", { name: "送信" }).click();
    await buyerPage.getByRole("heading", { level: 1, name: "大雪りんご農園 × ライオン青果" }).waitFor();
    await buyerPage.getByText("仲介自治体の確認を待っています。").waitFor();
    const interestUrl = buyerPage.url();

    // Hokkaido finds it in its notifications and forwards it with a note.
    await gov.goto(`${platform.baseUrl}/matching/interests`);
    await gov.getByRole("link", { name: "通知", exact: true }).click();
    await gov.getByRole("heading", { level: 1, name: "通知" }).waitFor();
    await snapshot(gov, "mm-wf-notifications");
    await gov.getByRole("link", { name: "関心表明が届きました（確認して取り次いでください）" }).click();
    await gov.getByRole("heading", { level: 1, name: "大雪りんご農園 × ライオン青果" }).waitFor();
    await gov.getByLabel("相手への連絡（任意）").fill("北海道の推薦企業です。シンガポール事務所が支援します。");
    await gov.getByRole("button", { name: "取り次ぐ" }).click();
    await gov.getByText("相手の回答を待っています。").waitFor();
    await snapshot(gov, "mm-wf-forwarded");

    // The company accepts, records a meeting and an agreement.
    const farmPage = await signedIn(FARM);
    await farmPage.goto(interestUrl);
    await farmPage.getByText("北海道の推薦企業です。", { exact: false }).waitFor();
    await farmPage.getByRole("button", { name: "受諾" }).click();
    await farmPage.getByLabel("形式").selectOption("online");
    await farmPage.getByLabel("商談日").fill("2026-10-15");
    await farmPage.getByLabel("場所").fill("Zoom");
    await farmPage.getByRole("button", { name: "商談を記録" }).click();
    await farmPage.getByRole("table", { name: "商談" }).getByRole("cell", { name: "オンライン" }).waitFor();

    await farmPage.getByLabel("結果", { exact: true }).selectOption("agreement");
    await farmPage.getByLabel("日付", { exact: true }).fill("2026-11-02");
    await farmPage.getByLabel("売上額").fill("12000000");
    await farmPage.getByRole("button", { name: "結果を記録" }).click();
    await farmPage.getByRole("alert").first().waitFor();
    expect(await farmPage.getByLabel("通貨").getAttribute("aria-invalid")).toBe("true");
    await farmPage.getByText("売上額と通貨は両方とも入力してください").first().waitFor();
    await snapshot(farmPage, "mm-wf-outcome-error");
    await farmPage.getByLabel("通貨").fill("JPY");
    await farmPage.getByRole("button", { name: "結果を記録" }).click();
    const outcomes = farmPage.getByRole("table", { name: "結果とフォローアップ" });
    await outcomes.getByRole("row").filter({ hasText: "合意" }).filter({ hasText: "12,000,000" }).first().waitFor();
    await farmPage.getByRole("table", { name: "フォローアップ（合意後6か月・12か月）" }).waitFor();
    await snapshot(farmPage, "mm-wf-agreed");
    await farmPage.getByRole("button", { name: "English" }).click();
    await farmPage.getByRole("heading", { name: "Outcomes and follow-ups" }).waitFor();
    await snapshot(farmPage, "mm-wf-agreed-en");

    // Hokkaido's funnel shows the agreement.
    await gov.goto(`${platform.baseUrl}/matching/interests`);
    await gov.getByRole("img", { name: /関心表明: 1, 商談: 1, 成約: 1/ }).waitFor();
    await snapshot(gov, "mm-wf-funnel");

    expect(errors).toEqual([]);
  });
});
