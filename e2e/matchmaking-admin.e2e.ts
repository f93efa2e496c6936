/**
 * @module e2e/matchmaking-admin
 * A government's matchmaking administration in headless Chromium against a real server and database.
 * Set-up through the API: Hokkaido's staff registers a regional company and a Singapore buyer, vets the
 * company's profile and the buyer's request; a system administrator gives the company a staff member, who
 * expresses interest in the request; then the request's expiry is moved into the past. In the browser,
 * Hokkaido's staff member opens the vetting policy from the vetting queue, enters a publishing threshold
 * above 20 (the error stands beside that field), saves a valid policy; finds the expired request through
 * "show expired", renews it for six months (the new expiry shown before and after); and forwards the
 * interest from the inbox, which lists it by the request's title, then reads its dated history in Japanese
 * and English. Waits are on roles, labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { addMonths, today } from "../src/matchmaking/calendar.ts";
import { formatPartialDate } from "../src/web/i18n/format.ts";
import { launchChromium, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const PASSWORD = "correct horse 1";
const GOV = { email: "adm-gov@hokkaido.example.jp", displayName: "北海道 国際課", password: PASSWORD, locale: "ja" as const, roles: { "010006": "staff" as const } };
const ADMIN = { email: "adm-admin@renkei.example.jp", displayName: "運用管理者", password: PASSWORD, locale: "ja" as const, isSystemAdmin: true };
const FARM = "adm-farm@taisetsu.example.jp";
const TITLE = "シンガポール向けりんごの調達";

async function json<T>(page: Page, method: "GET" | "POST" | "PATCH", url: string, data?: unknown): Promise<T> {
  const response = method === "GET" ? await page.request.get(url) : method === "PATCH" ? await page.request.patch(url, { data }) : await page.request.post(url, { data });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe("matchmaking administration in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: platform.baseUrl, locale: "ja-JP", viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (error) => errors.push(error.message));
    return page;
  }

  async function signedIn(email: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${platform.baseUrl}/sign-in`);
    await page.getByLabel("メールアドレス", { exact: true }).fill(email);
    await page.getByLabel("パスワード", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "サインイン", exact: true }).last().click();
    await page.getByRole("button", { name: "サインアウト" }).waitFor();
    return page;
  }

  /** A session for API calls only (set-up), without the browser's sign-in form. */
  async function apiSession(email: string): Promise<Page> {
    const page = await newPage();
    await json(page, "POST", "/api/auth/sign-in", { email, password: PASSWORD });
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

  it("edits the vetting policy, renews an expired request and reads an interest's dated history", async () => {
    // Set-up through the API.
    const setup = await apiSession(GOV.email);
    const hokkaido = (await json<{ items: Array<{ id: string }> }>(setup, "GET", "/api/organisations?localGovCode=010006")).items[0]!;
    const org = (body: Record<string, unknown>) => json<{ id: string }>(setup, "POST", "/api/organisations", { country: "JP", visibility: "public", ownerOrgId: hokkaido.id, ...body });
    const farm = await org({ kind: "company", nameJa: "大雪りんご農園", nameEn: "Taisetsu Apple Farm" });
    const buyer = await org({ kind: "company", nameJa: "ライオン青果", nameEn: "Lion Fresh Pte", country: "SG" });
    const scores = { scores: { advantages: 3, clarity: 3, cooperation: 3, accuracy: 3 } };
    await json(setup, "POST", "/api/companies", { orgId: farm.id, vettedBy: hokkaido.id, descriptionJa: "大雪山麓のりんご農園です。", hsCodes: ["0808"], targetMarkets: ["SG"] });
    await json(setup, "POST", `/api/companies/${farm.id}/reviews`, scores);
    const request = await json<{ id: string }>(setup, "POST", "/api/opportunities", { kind: "business_request", ownerOrgId: buyer.id, vettedBy: hokkaido.id, country: "SG", titleJa: TITLE, titleEn: "Apples for Singapore", descriptionEn: "Fresh apples from Japan", hsCodes: ["0808"] });
    await json(setup, "POST", `/api/opportunities/${request.id}/reviews`, scores);
    const admin = await apiSession(ADMIN.email);
    await json(admin, "POST", "/api/users", { email: FARM, displayName: "大雪 営業", password: PASSWORD, locale: "ja", memberships: [{ orgId: farm.id, role: "staff" }] });
    const farmApi = await apiSession(FARM);
    await json(farmApi, "POST", "/api/interests", { opportunityId: request.id, companyOrgId: farm.id, fromSide: "company", message: "秋の出荷分をご提案します。" });
    await json(setup, "PATCH", `/api/opportunities/${request.id}`, { expiresOn: "2020-01-31" });

    // The vetting policy, from the vetting queue: an invalid threshold first, then a valid policy.
    const gov = await signedIn(GOV.email);
    await gov.goto(`${platform.baseUrl}/matching/vetting`);
    await gov.getByRole("heading", { level: 1, name: "審査待ち" }).waitFor();
    await gov.getByRole("link", { name: "審査基準", exact: true }).click();
    await gov.getByRole("heading", { level: 1, name: /審査基準/ }).waitFor();
    await gov.getByText("既定（EEN の基準）").waitFor();
    const publishAt = gov.getByLabel("公開の基準点", { exact: true });
    await publishAt.fill("25");
    await gov.getByRole("button", { name: "保存", exact: true }).click();
    await gov.getByRole("alert").first().waitFor();
    expect(await publishAt.getAttribute("aria-invalid")).toBe("true");
    await gov.locator("#f-publishAt-error").getByText("20 以下で入力してください").waitFor();
    expect(await gov.getByLabel("保留の基準点", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    await snapshot(gov, "mm-admin-policy-error");
    await publishAt.fill("12");
    await gov.getByLabel("保留の基準点", { exact: true }).fill("6");
    await gov.getByText("6〜11 点: 保留").waitFor(); // the preview follows the values entered
    await gov.getByRole("button", { name: "保存", exact: true }).click();
    await gov.getByRole("status").filter({ hasText: "審査基準を保存しました。" }).waitFor();
    await gov.getByText("この自治体の独自基準").waitFor();
    await gov.getByRole("table", { name: "現在の基準" }).getByRole("row", { name: /公開の基準点/ }).getByText("12 点").waitFor();
    await snapshot(gov, "mm-admin-policy-saved");

    // The expired request is off the list until "show expired"; its government renews it for six months.
    await gov.getByRole("link", { name: "案件", exact: true }).click();
    await gov.getByRole("heading", { level: 2, name: "案件（引合い・提案）" }).waitFor();
    await gov.locator(".list-count").filter({ hasText: "件" }).waitFor();
    expect(await gov.getByRole("link", { name: TITLE }).count()).toBe(0);
    await gov.getByLabel("期限切れの案件も表示").check();
    await gov.getByRole("link", { name: TITLE }).click();
    await gov.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const expiry = gov.getByRole("region", { name: "掲載期限と延長" });
    await expiry.getByText("期限切れ", { exact: true }).waitFor();
    await expiry.getByLabel("延長する期間").selectOption("6");
    const renewed = formatPartialDate(addMonths(today(), 6), "ja");
    await expiry.getByText(`延長後の掲載期限: ${renewed}`).waitFor();
    await expiry.getByRole("button", { name: "期限を延長" }).click();
    await expiry.getByRole("status").filter({ hasText: `延長しました。新しい掲載期限: ${renewed}` }).waitFor();
    await expiry.getByText(/^期限まであと [\d,]+ 日$/).waitFor();
    expect(await gov.getByRole("heading", { level: 1 }).locator("..").getByText("期限切れ", { exact: true }).count()).toBe(0);
    await snapshot(gov, "mm-admin-renewed");

    // The inbox lists the interest by the request's title; forwarding it adds a dated step to its history.
    await gov.getByRole("link", { name: "関心表明", exact: true }).click();
    await gov.getByRole("heading", { level: 1, name: "関心表明の受信箱" }).waitFor();
    const row = gov.getByRole("row").filter({ hasText: "大雪りんご農園" });
    await row.getByRole("link", { name: TITLE }).waitFor();
    await row.getByRole("link", { name: "受付（自治体の確認待ち）" }).click();
    await gov.getByRole("heading", { level: 1, name: "大雪りんご農園 × ライオン青果" }).waitFor();
    await gov.getByLabel("相手への連絡（任意）").fill("北海道の推薦企業です。");
    await gov.getByRole("button", { name: "取り次ぐ" }).click();
    await gov.getByText("相手の回答を待っています。").waitFor();
    const history = gov.getByRole("list", { name: "経過" });
    const steps = history.getByRole("listitem");
    await steps.nth(1).filter({ hasText: "自治体が取次" }).waitFor();
    expect(await steps.count()).toBe(2);
    const created = steps.nth(0);
    expect(await created.textContent()).toContain("関心表明");
    expect(await created.textContent()).toContain("記録: 大雪 営業");
    expect(await created.textContent()).toContain("秋の出荷分をご提案します。");
    const forwarded = steps.nth(1);
    expect(await forwarded.textContent()).toContain("取次済み（相手の回答待ち）");
    expect(await forwarded.textContent()).toContain("記録: 北海道 国際課");
    expect(await forwarded.textContent()).toContain("北海道の推薦企業です。");
    expect(await forwarded.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await forwarded.locator("time").textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await snapshot(gov, "mm-admin-history");
    await gov.getByRole("button", { name: "English" }).click();
    await gov.getByRole("list", { name: "History" }).getByRole("listitem").filter({ hasText: "Forwarded by the government" }).waitFor();
    expect(await gov.getByRole("list", { name: "History" }).getByRole("listitem").nth(1).locator("time").textContent()).toMatch(/\d{1,2} \w+ \d{4}/);
    await snapshot(gov, "mm-admin-history-en");

    expect(errors).toEqual([]);
  });
});
