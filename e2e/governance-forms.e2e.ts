/**
 * @module e2e/governance-forms
 * The evaluation's editing forms in headless Chromium: an Osaka City staff member adds a mayor's term of
 * office from the continuity report (first with the end before the start, which the API rejects beside
 * the field) and sees it in the report; then adds an initiative with a partner organisation, lands on its
 * page, and records a status change there. Then edits a term from its panel in the report (a date that
 * does not exist, then an overlap with the next term — the API's 409 — each shown beside its field,
 * then saved), deletes a term with an initiative linked to it (the question says what becomes of the
 * initiative), and opens one year of the assessment's timeline, whose evidence loads only then.
 * Waits are on roles, labels and text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "staff@city.osaka.example.jp", displayName: "大阪 太郎", password: "correct horse 1", locale: "ja" as const, roles: { "271004": "staff" as const } };

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
    const { context, page, errors: pageErrors } = await signIn(browser, platform.baseUrl, STAFF, "ja-JP");

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

  it("edits a term (field errors first), deletes one with a linked initiative, and opens one year of the timeline", async () => {
    const { context, page, errors: pageErrors } = await signIn(browser, platform.baseUrl, STAFF, "ja-JP");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));

    // Two earlier terms and an initiative begun under the second, through the API (the session's cookie).
    const cities = await (await context.request.get(`${platform.baseUrl}/api/organisations?kind=designated_city&limit=200`)).json();
    const osaka = cities.items.find((o: { localGovCode: string }) => o.localGovCode === "271004").id as string;
    const post = async (path: string, data: object) => {
      const res = await context.request.post(`${platform.baseUrl}${path}`, { data });
      expect(res.status(), path).toBe(201);
      return res.json();
    };
    await post("/api/administrations", { orgId: osaka, leaderJa: "試験 一郎", leaderEn: "Ichiro Shiken", from: "1990", until: "2000" });
    await post("/api/administrations", { orgId: osaka, leaderJa: "削除 次郎", leaderEn: "Jiro Sakujo", from: "2000", until: "2004" });
    const linked = await post("/api/initiatives", { ownerOrgId: osaka, nameJa: "試験交流事業", nameEn: "Test exchange", since: "2001" });
    expect(linked.administration.leaderEn).toBe("Jiro Sakujo");

    // Edit the first term from its panel: the form opens filled in.
    await page.goto(`${platform.baseUrl}/continuity/${osaka}`);
    await page.getByRole("region", { name: /試験 一郎 の就任/ }).getByRole("link", { name: "任期を編集" }).click();
    await page.getByRole("heading", { level: 1, name: "首長の任期を編集" }).waitFor();
    expect(await page.getByLabel("首長名（英語）", { exact: true }).inputValue()).toBe("Ichiro Shiken");
    const until = page.getByLabel("任期の終了 年", { exact: true });
    expect(await until.inputValue()).toBe("2000");

    // A day that does not exist (30 February) is refused beside the end of the term.
    await until.fill("1999");
    await page.getByLabel("任期の終了 月", { exact: true }).selectOption("02");
    await page.getByLabel("任期の終了 日", { exact: true }).selectOption("30");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByText("入力内容を確認してください（1 件）").waitFor();
    await page.locator(".field.invalid").filter({ hasText: "任期の終了" }).getByText("正しい日付を入力してください", { exact: false }).waitFor();
    await snapshot(page, "governance-forms-term-edit-error");

    // Ending in 2003 would overlap the next term: the API's 409, beside the start and in the alert.
    await page.getByLabel("任期の終了 月", { exact: true }).selectOption("");
    await page.getByLabel("任期の終了 日", { exact: true }).selectOption("");
    await until.fill("2003");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByText("Jiro Sakujo の任期（2000〜）と重なっています").waitFor();
    await page.locator(".field.invalid").filter({ hasText: "任期の開始" }).getByText("Jiro Sakujo の任期（2000〜）と重なっています").waitFor();

    // Put right and saved: back on the report with the new background.
    await until.fill("2000");
    await page.getByLabel("経歴（日本語）", { exact: true }).fill("元市職員");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("region", { name: /試験 一郎 の就任/ }).getByText("経歴: 元市職員").waitFor();

    // Delete the second term: the question names it and says the linked initiative stays, unlinked.
    let question = "";
    page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole("region", { name: /削除 次郎 の就任/ }).getByRole("button", { name: "任期を削除" }).click();
    await page.getByRole("status").getByText("削除 次郎 の任期を削除しました。").waitFor();
    expect(question).toMatch(/^削除 次郎（2000年.* – 2004年.*）の任期を削除しますか？/);
    expect(question).toContain("取組 1 件は削除されずに残ります");
    await page.getByRole("region", { name: /削除 次郎 の就任/ }).waitFor({ state: "detached" });
    const after = await (await context.request.get(`${platform.baseUrl}/api/initiatives/${linked.id}`)).json();
    expect(after.administration).toBeNull();

    // The assessment's timeline: the light form, and no year's evidence until a year is opened.
    await page.getByRole("navigation", { name: "この組織の評価・指標・継続性" }).getByRole("link", { name: "ガバナンス評価" }).click();
    await page.getByRole("heading", { level: 1, name: "大阪市" }).waitFor();
    const years = page.getByRole("group", { name: "年ごとの判定と根拠" });
    const y2012 = years.locator("details", { has: page.locator("summary", { hasText: "2012年" }) });
    await y2012.locator("summary").waitFor();
    expect(requests.filter((u) => u.includes("/assessment/timeline")).every((u) => u.includes("detail=summary"))).toBe(true);
    expect(requests.some((u) => u.includes("asOf=2012-12-31"))).toBe(false);
    await y2012.locator("summary").click();
    await y2012.getByRole("heading", { name: "2012年の根拠" }).waitFor();
    await y2012.getByRole("link", { name: /上海の事務所は他の組織と共同で運営されています/ }).first().waitFor();
    expect(requests.some((u) => u.includes("asOf=2012-12-31"))).toBe(true);
    await snapshot(page, "governance-forms-timeline-year");

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
