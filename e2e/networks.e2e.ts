/**
 * @module e2e/networks
 * The networks pages in headless Chromium against a real server and the shipped dataset: the world map of
 * ties (arcs drawn; the year slider and the kind filter change what is shown and the counts), the graph
 * view (the canvas is painted once the layout settles, the table of top nodes lists organisations and
 * marks gatekeepers), a tie's timeline (a change of state refused field by field, then recorded), and a
 * Hokkaido staff member's partner request answered with a suggestion and its reasons in both languages.
 * The shipped data has no good-practice cases, so the setup adds one through the API. Waits are on roles,
 * labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const PASSWORD = "correct horse 1";
const STAFF = { email: "staff@hokkaido.example.jp", displayName: "北海道 花子", password: PASSWORD, locale: "ja" as const, roles: { "010006": "staff" as const } };
const ADMIN = { email: "admin@renkei.example.jp", displayName: "管理者", password: PASSWORD, isSystemAdmin: true };
const CASE_TITLE = "阪神・淡路大震災の経験を生かした防災まちづくり";

/** JSON over the API with a session cookie (for the test's own setup). */
async function call<T>(baseUrl: string, method: string, path: string, body?: unknown, cookie?: string): Promise<{ json: T; cookie: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return { json: (await response.json()) as T, cookie: response.headers.get("set-cookie")?.split(";")[0] ?? null };
}

describe("networks pages in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let hokkaidoTieId: string;

  beforeAll(async () => {
    platform = await startPlatform([STAFF, ADMIN]);
    browser = await launchChromium();
    // A good-practice case from Kobe, which the partner request should find.
    const { cookie } = await call(platform.baseUrl, "POST", "/api/auth/sign-in", { email: ADMIN.email, password: ADMIN.password });
    const orgs = await call<{ items: Array<{ id: string; nameEn: string; kind: string }> }>(platform.baseUrl, "GET", "/api/organisations?q=Kobe&limit=20");
    const kobe = orgs.json.items.find((o) => o.nameEn === "Kobe City");
    if (!kobe || !cookie) throw new Error("Kobe City or the admin session is missing");
    await call(
      platform.baseUrl,
      "POST",
      "/api/networks/cases",
      {
        orgId: kobe.id,
        theme: "disaster_prevention",
        year: 2005,
        titleJa: CASE_TITLE,
        titleEn: "Disaster-resilient city planning from the Great Hanshin earthquake",
        problemJa: "大地震で市街地が大きな被害を受けた。",
        approachJa: "地域の防災福祉コミュニティを組織し、地震の防災計画を見直した。",
        resultsEn: "Neighbourhood disaster-prevention groups in every school district.",
        language: "ja",
      },
      cookie,
    );
    // Hokkaido's one tie, whose timeline the staff member may edit.
    const ties = await call<{ items: Array<{ id: string; aNameEn: string; bNameEn: string }> }>(platform.baseUrl, "GET", "/api/ties?q=Hokkaido&limit=50");
    const tie = ties.json.items.find((t) => t.aNameEn === "Hokkaido" || t.bNameEn === "Hokkaido");
    if (!tie) throw new Error("Hokkaido has no tie in the shipped dataset");
    hokkaidoTieId = tie.id;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  async function open(locale: "ja" | "en" = "ja"): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: locale === "ja" ? "ja-JP" : "en-GB", viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    return { context, page, errors };
  }

  it("draws ties on the world map; the year slider and the kind filter change the arcs and the counts", async () => {
    const { context, page, errors } = await open();
    await page.goto(`${platform.baseUrl}/networks`);
    await page.getByRole("heading", { level: 1, name: "連携と海外事務所の世界地図" }).waitFor();
    expect(await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "ネットワーク" }).getAttribute("aria-current")).toBe("page");

    const map = page.getByRole("img", { name: /連携の世界地図/ });
    await map.waitFor();
    const status = page.getByRole("status").filter({ hasText: "地図上の連携" });
    const table = page.getByRole("table", { name: "地図上の連携" });
    /** The number of ties the status line says are on the map, once the canvas has drawn as many. */
    const arcsShown = async (): Promise<number> => {
      const n = Number(/地図上の連携 (\d+) 件/.exec((await status.textContent()) ?? "")?.[1]);
      await map.locator(`canvas[data-arcs="${n}"]`).waitFor({ state: "attached" });
      return n;
    };
    await table.getByRole("link", { name: "長崎市 と セントポール市" }).waitFor();
    const latestArcs = await arcsShown();
    expect(latestArcs).toBeGreaterThan(5);
    expect(await table.getByRole("row").count()).toBe(latestArcs + 1);
    await snapshot(page, "map-latest");

    // Back to the first year: only the oldest sister city (and the undated ties, drawn dashed) remain.
    const slider = page.getByRole("slider", { name: "年" });
    expect(await slider.getAttribute("aria-valuetext")).toMatch(/^\d{4}年$/);
    await slider.focus();
    await page.keyboard.press("Home");
    await status.filter({ hasText: "1955年：" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "1955年の連携" }).waitFor();
    const firstArcs = await arcsShown();
    expect(firstArcs).toBeLessThan(latestArcs);
    expect(await table.getByRole("row").count()).toBe(firstArcs + 1);
    await table.getByRole("link", { name: "長崎市 と セントポール市" }).waitFor();
    expect(await table.getByRole("link", { name: "神戸市 と シアトル市" }).count()).toBe(0);
    expect(await page.getByRole("img", { name: /種類別の連携数の積み上げ棒グラフ/ }).count()).toBe(1);
    await snapshot(page, "map-1955");

    // Step forward two years with the arrow key: Kobe–Seattle (1957) appears.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await status.filter({ hasText: "1957年：" }).waitFor();
    await table.getByRole("link", { name: "神戸市 と シアトル市" }).waitFor();
    expect(await arcsShown()).toBe(firstArcs + 1);

    // Hide undated ties, then sister cities: fewer arcs again.
    await page.getByLabel("年の不明な連携・事務所も表示").uncheck();
    await status.filter({ hasText: "地図上の連携 2 件" }).waitFor();
    expect(await arcsShown()).toBe(2);
    await page.getByLabel(/^姉妹都市/).uncheck();
    await status.filter({ hasText: "地図上の連携 0 件" }).waitFor();
    expect(await arcsShown()).toBe(0);

    // The chart's data table has a row per year.
    await page.getByText("年別・種類別の件数（表）").click();
    await page.getByRole("table", { name: /種類別の連携数の推移/ }).getByRole("rowheader", { name: "1955" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lays out the graph on a canvas, lists the top nodes and marks a gatekeeper", async () => {
    const { context, page, errors } = await open();
    await page.goto(`${platform.baseUrl}/networks/graph`);
    await page.getByRole("heading", { level: 1, name: "ネットワーク分析" }).waitFor();
    const top = page.getByRole("table", { name: /媒介中心性の高い組織（上位 20）/ });
    await top.waitFor();
    expect(await top.getByRole("row").count()).toBe(21);
    await top.getByRole("button", { name: "ユネスコ創造都市ネットワーク" }).waitFor();

    // The layout settles (in a Web Worker) and the canvas is painted.
    await page.getByRole("status").filter({ hasText: "配置完了" }).waitFor();
    const canvas = page.getByRole("img", { name: /ネットワーク図/ });
    const painted = await canvas.evaluate((element) => {
      const c = element as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(2000);
    expect(await canvas.getAttribute("aria-label")).toMatch(/組織 \d+・つながり \d+/);

    // Gatekeepers are marked in the table; choosing one shows its brokerage roles.
    const gatekeeperRow = top.getByRole("row").filter({ hasText: "ゲートキーパー" }).first();
    await gatekeeperRow.waitFor();
    const name = (await gatekeeperRow.getByRole("button").textContent())!.trim();
    await gatekeeperRow.getByRole("button").click();
    const selected = page.getByRole("region", { name: "選択中の組織" });
    await selected.getByText(name, { exact: true }).waitFor();
    const role = selected.getByRole("term").filter({ hasText: "ゲートキーパー" });
    expect(Number((await role.locator("xpath=following-sibling::dd[1]").textContent())!.trim().split(/\s/)[0])).toBeGreaterThan(0);
    await selected.getByRole("link", { name: "組織のページを開く" }).waitFor();
    expect(new URL(page.url()).searchParams.get("node")).toMatch(/^[0-9a-f-]{36}$/);
    await snapshot(page, "graph");

    // Filtering by kind asks the API again; exports carry the same filters.
    const filtered = page.waitForResponse((r) => r.url().includes("/api/networks/graph?") && r.url().includes("kind=network_membership") && r.ok());
    await page.getByLabel("連携の種類").selectOption("network_membership");
    await filtered;
    await page.getByRole("status").filter({ hasText: "配置完了" }).waitFor();
    await top.getByRole("button", { name: "ユネスコ創造都市ネットワーク" }).waitFor();
    expect(await page.getByRole("link", { name: "GraphML" }).getAttribute("href")).toContain("kind=network_membership");
    const gexf = await page.request.get(`${platform.baseUrl}${await page.getByRole("link", { name: "GEXF (Gephi)" }).getAttribute("href")}`);
    expect(gexf.headers()["content-type"]).toContain("application/gexf+xml");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("records a change of state on a tie's timeline, showing the API's field error first", async () => {
    const { context, page, errors } = await open();
    await page.goto(`${platform.baseUrl}/sign-in?next=${encodeURIComponent(`/networks/ties/${hokkaidoTieId}`)}`);
    await page.getByLabel("メールアドレス", { exact: true }).fill(STAFF.email);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF.password);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByRole("heading", { level: 2, name: "経過" }).waitFor();
    const form = page.getByRole("form", { name: "状態の変化を記録" });

    await form.getByLabel("新しい状態").selectOption({ label: "活動中" });
    await form.getByLabel("日付").fill("2023-04-01");
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByRole("list").getByText("2023年4月1日 (令和5年)").waitFor();

    // Dormant needs a reason: the API says so, beside the field.
    await form.getByLabel("新しい状態").selectOption({ label: "休眠" });
    await form.getByLabel("日付").fill("2025-03-31");
    await form.getByRole("button", { name: "記録する" }).click();
    const alert = page.getByRole("alert");
    await alert.getByRole("link", { name: "理由" }).waitFor();
    // In the reader's language, in the summary and beside the field.
    await form.getByText("「休眠」にするには理由が必要です").first().waitFor();
    expect(await form.getByText("「休眠」にするには理由が必要です").count()).toBe(2);
    expect(await form.getByLabel("理由").getAttribute("aria-invalid")).toBe("true");
    await snapshot(page, "tie-error");

    await form.getByLabel("理由").selectOption({ label: "予算削減" });
    await form.getByRole("button", { name: "記録する" }).click();
    await page.getByRole("status").filter({ hasText: "記録しました。" }).waitFor();
    await page.getByText("現在の状態").getByText("休眠").waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await snapshot(page, "tie");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a staff member ask for partners and see a suggestion with its reasons, in Japanese and English", async () => {
    const { context, page, errors } = await open();
    await page.goto(`${platform.baseUrl}/networks/requests`);
    await page.getByRole("heading", { level: 1, name: "パートナー探し" }).waitFor();
    await page.getByRole("link", { name: "サインイン" }).click();
    await page.getByLabel("メールアドレス", { exact: true }).fill(STAFF.email);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF.password);
    await page.getByRole("button", { name: "サインイン" }).click();
    await page.getByRole("heading", { level: 1, name: "パートナー探し" }).waitFor();
    await page.getByRole("link", { name: "パートナー探しを依頼" }).click();
    await page.getByRole("heading", { level: 1, name: "パートナー探しを依頼" }).waitFor();
    const requester = page.getByLabel("依頼元", { exact: true });
    expect(await requester.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe("北海道");

    // Without the request text the API refuses, naming the field.
    await page.getByRole("group", { name: "テーマ" }).getByLabel("防災").check();
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByRole("link", { name: "探している相手" }).waitFor();
    expect(await page.getByLabel("探している相手", { exact: true }).getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("探している相手", { exact: true }).fill("地震の防災計画に成功した都市を探しています");
    await page.getByLabel("件名", { exact: true }).fill("地震防災のパートナー");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("heading", { level: 1, name: "地震防災のパートナー" }).waitFor();

    const suggestions = page.getByRole("list", { name: /候補 \d+ 件/ });
    const kobe = suggestions.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /神戸市/ }) });
    await kobe.waitFor();
    await kobe.getByText("依頼のテーマに取り組んでいます：防災").waitFor();
    await kobe.getByText(`事例「${CASE_TITLE}」`, { exact: false }).waitFor();
    await kobe.getByRole("link", { name: CASE_TITLE }).waitFor();
    expect(await kobe.getByText(/^\+\d+点$/).count()).toBeGreaterThanOrEqual(2);
    await snapshot(page, "request-ja");

    // The same suggestion in English.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Suggested partners" }).waitFor();
    const kobeEn = page
      .getByRole("list", { name: /suggestions, best first/ })
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: /Kobe City/ }) });
    await kobeEn.getByText("Works on the requested theme(s): Disaster prevention").waitFor();
    await kobeEn.getByText(/^\+\d+ pts$/).first().waitFor();
    await snapshot(page, "request-en");

    // Revisit: the request is in the list with its top suggestion; recomputing keeps Kobe first.
    await page.getByRole("link", { name: "Partner requests" }).first().click();
    const row = page.getByRole("table").getByRole("row").filter({ hasText: "地震防災のパートナー" });
    await row.getByText("Kobe City").waitFor();
    await row.getByRole("link", { name: "地震防災のパートナー" }).click();
    const recomputed = page.waitForResponse((r) => r.url().endsWith("/suggestions") && r.request().method() === "POST" && r.ok());
    await page.getByRole("button", { name: "Recompute with current data" }).click();
    await recomputed;
    await kobeEn.getByText("Works on the requested theme(s): Disaster prevention").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
