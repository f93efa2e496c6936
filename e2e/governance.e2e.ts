/**
 * @module e2e/governance
 * The governance pages in headless Chromium against a real server and the shipped dataset: an Osaka City
 * staff member opens the comparison of all governments, then Osaka City's assessment — the heat table
 * with its verdicts, the radar, a recommendation — expands the evidence and follows it to the office it
 * cites; on the KPI dashboard adds an output KPI (first with a target period of the wrong kind, which the
 * API rejects beside the field), sees the "outputs only" warning, records a value (first "abc", rejected
 * beside the value field) and finds it on the dashboard; and reads the continuity report around Mayor
 * Hashimoto's arrival. Waits are on roles, labels and text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "staff@city.osaka.example.jp", displayName: "大阪 太郎", password: "correct horse 1", locale: "ja" as const, roles: { "271004": "staff" as const } };

describe("governance pages in Chromium", () => {
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

  it("shows an assessment with its evidence, adds a KPI and a measurement with field errors first, and reports continuity", async () => {
    const { context, page, errors: pageErrors } = await signIn(browser, platform.baseUrl, STAFF, "ja-JP");

    // The comparison of all governments, from the menu.
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "評価" }).click();
    await page.getByRole("heading", { level: 1, name: "ガバナンス評価 — 自治体の比較" }).waitFor();
    await page.getByRole("img", { name: /^総合:/ }).waitFor();
    const verdicts = page.getByRole("table", { name: "自治体別の判定" });
    await verdicts.getByRole("link", { name: "北海道", exact: true }).waitFor();
    await page.getByLabel("自治体の種類").selectOption("designated_city");
    await verdicts.getByRole("link", { name: "北海道", exact: true }).waitFor({ state: "detached" });
    expect(await page.getByRole("link", { name: "CSVをダウンロード" }).getAttribute("href")).toContain("format=csv");
    const xlsx = await page.getByRole("link", { name: "Excel（XLSX）をダウンロード" }).getAttribute("href");
    expect(xlsx).toContain("kind=designated_city");
    const download = await page.request.get(`${platform.baseUrl}${xlsx}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("spreadsheetml");
    await snapshot(page, "governance-comparison");

    // Osaka City's assessment: heat table with verdicts, radar, overall stage, recommendation.
    await verdicts.getByRole("link", { name: "大阪市", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "大阪市" }).waitFor();
    const heat = page.getByRole("table", { name: /表3の各セルを/ });
    const officeRow = heat.getByRole("row", { name: /海外事務所の運営形態/ });
    await officeRow.getByText("✓ 判定").waitFor();
    expect(await officeRow.getByRole("cell").last().textContent()).toBe("ネットワーク・ガバナンス");
    expect(await heat.getByRole("row", { name: /国際都市間交流の形態/ }).getByRole("cell").last().textContent()).toBe("伝統的行政");
    await page.getByRole("img", { name: "次元ごとの位置（レーダー）" }).waitFor();
    const recommendations = page.getByRole("region", { name: "提言" });
    await recommendations.getByText(/アウトカムやインパクトを測るKPIがありません/).waitFor();
    await page.getByRole("img", { name: /^海外事務所の運営形態 — / }).waitFor();
    await snapshot(page, "governance-assessment");

    // The same assessment over the whole history counts the offices closed in 2012 too.
    await page.getByRole("button", { name: "全期間の記録" }).click();
    await page.getByText("閉鎖・終了したものを含め、すべての記録を数えています。").waitFor();
    await heat.getByRole("row", { name: /組織原理.*根拠 6 件/ }).waitFor();
    await page.getByRole("button", { name: "今日" }).click();
    await heat.getByRole("row", { name: /組織原理.*根拠 2 件/ }).waitFor();

    // Expand the evidence of the office model and follow it to the office.
    const evidence = page.getByRole("region", { name: "根拠" });
    await evidence.getByText("海外事務所の運営形態", { exact: true }).click();
    const officeLink = evidence.getByRole("link", { name: /上海の事務所は他の組織と共同で運営されています/ });
    await officeLink.click();
    await page.getByRole("heading", { level: 1, name: "大阪府・大阪市上海事務所" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/offices\/[0-9a-f-]{36}$/);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "大阪市" }).waitFor();

    // The KPI dashboard: nothing measured yet.
    await page.getByRole("navigation", { name: "この組織の評価・指標・継続性" }).getByRole("link", { name: "KPIダッシュボード" }).click();
    await page.getByText("KPIはまだ登録されていません。").waitFor();

    // Add an output KPI; a fiscal-year target on a calendar-year KPI is refused beside its field.
    await page.getByRole("link", { name: "KPIを追加" }).click();
    await page.getByRole("heading", { level: 1, name: "KPIを追加" }).waitFor();
    await page.getByLabel("名称（日本語）", { exact: true }).fill("海外での商談件数");
    await page.getByLabel("名称（英語）", { exact: true }).fill("Business negotiations abroad");
    await page.getByLabel("ロジックモデルの段階", { exact: true }).selectOption("output");
    await page.getByLabel("期間（短期・長期）", { exact: true }).selectOption("short");
    await page.getByLabel("単位", { exact: true }).selectOption("count");
    await page.getByLabel("目標値", { exact: true }).fill("120");
    const targetPeriod = page.getByLabel("目標の期間", { exact: true });
    await targetPeriod.fill("FY2030");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByText("入力内容を確認してください（1 件）").waitFor();
    expect(await targetPeriod.getAttribute("aria-invalid")).toBe("true");
    const targetError = page.locator(`#${(await targetPeriod.getAttribute("aria-describedby"))!.split(" ").pop()}`);
    expect(await targetError.textContent()).toBe("このKPIの期間の種類で入力してください（例: 2024）");
    await snapshot(page, "governance-kpi-form-error");
    await targetPeriod.fill("2030");
    await page.getByRole("button", { name: "保存" }).click();

    // Back on the dashboard: the KPI under outputs, and the short-term-trap warning.
    const outputs = page.getByRole("region", { name: "アウトプット" });
    await outputs.getByRole("row", { name: /海外での商談件数/ }).waitFor();
    await page.getByRole("note").getByText("アウトプットだけを測っています（短期指標の罠）").waitFor();
    await outputs.getByText("2030 までに 120").waitFor();

    // Record a value: "abc" is refused beside the value field, then 2024 and 2025 are recorded.
    await page.getByRole("link", { name: "「海外での商談件数」の実績を記録" }).click();
    await page.getByRole("heading", { level: 1, name: "KPIの実績を記録" }).waitFor();
    const value = page.getByLabel("実績値", { exact: true });
    await page.getByLabel("期間", { exact: true }).fill("2024");
    await value.fill("abc");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByRole("alert").getByText("入力内容を確認してください（1 件）").waitFor();
    expect(await value.getAttribute("aria-invalid")).toBe("true");
    const valueError = page.locator(`#${(await value.getAttribute("aria-describedby"))!.split(" ").pop()}`);
    expect(await valueError.textContent()).toBe("数値で入力してください");
    await snapshot(page, "governance-measurement-error");
    await value.fill("42");
    await page.getByRole("button", { name: "保存" }).click();
    const row = outputs.getByRole("row", { name: /海外での商談件数/ });
    await row.getByText("42", { exact: true }).waitFor();

    await page.getByRole("link", { name: "「海外での商談件数」の実績を記録" }).click();
    await page.getByLabel("期間", { exact: true }).fill("2025");
    await page.getByLabel("実績値", { exact: true }).fill("50");
    await page.getByRole("button", { name: "保存" }).click();
    await row.getByText("50", { exact: true }).waitFor();
    await row.getByText("+8").waitFor();
    await row.getByRole("img", { name: /推移: 2024 42, 2025 50/ }).waitFor();
    await snapshot(page, "governance-kpi-dashboard");

    // The continuity report: Mayor Hashimoto and the three offices discontinued after he took office.
    await page.getByRole("link", { name: "首長交代と継続性" }).click();
    const change = page.getByRole("region", { name: /橋下徹 の就任/ });
    await change.getByRole("heading", { name: "交代後に終わった取組（3 件）" }).waitFor();
    await change.getByRole("link", { name: "大阪市シカゴ事務所の運営" }).waitFor();
    await page.getByRole("img", { name: "首長の任期と取組の期間" }).waitFor();
    await snapshot(page, "governance-continuity");
    await change.getByRole("link", { name: "大阪市パリ事務所の運営" }).click();
    await page.getByRole("heading", { level: 1, name: "大阪市パリ事務所の運営" }).waitFor();

    // In English, the evidence is reloaded with the records' English names once the choice is saved.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Operation of the Osaka City Paris Office" }).waitFor();
    await page.getByRole("link", { name: "Leadership continuity" }).click();
    await page.getByRole("navigation", { name: "This organisation's assessment, KPIs and continuity" }).getByRole("link", { name: "Assessment" }).click();
    const englishEvidence = page.getByRole("region", { name: "Evidence" });
    await englishEvidence.getByText("Operational model of overseas offices", { exact: true }).click();
    await englishEvidence.getByRole("link", { name: /^The office in Shanghai is run together with other organisations/ }).waitFor();
    await snapshot(page, "governance-assessment-en");

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
