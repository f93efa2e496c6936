/**
 * @module e2e/registry-transfer
 * A Hokkaido (010006) staff member, reading Japanese, opens "データの取込・書出", checks an offices CSV
 * with one bad row (the reason shows in Japanese with its row and column), fixes the file, checks again
 * (counts shown, nothing written — verified through the API), imports it, sees the result, then downloads
 * the offices export as XLSX. Waits are on roles, labels and events.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const STAFF = { email: "transfer@hokkaido.example.jp", displayName: "北海道 職員", password: "correct horse 1", roles: { "010006": "staff" as const } };
const HEADER = "owner,name_ja,name_en,city_en,country,operational_model,opened,staff_count";
const LIMA = "010006,北海道リマ試験事務所,Hokkaido Lima Test Office,Lima,PE,independent,2024,2";

const csv = (rows: string[]) => ({ name: "offices.csv", mimeType: "text/csv", buffer: Buffer.from(`${[HEADER, ...rows].join("\r\n")}\r\n`) });

async function exportedNames(page: Page, baseUrl: string): Promise<string[]> {
  const res = await page.request.get(`${baseUrl}/api/export/offices?format=json`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as Array<{ nameEn: string }>).map((o) => o.nameEn);
}

describe("registry import and export page in Chromium", () => {
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

  it("checks a file, shows its errors in Japanese, imports the fixed file and downloads XLSX", async () => {
    const { context, page, errors } = await signIn(browser, platform.baseUrl, STAFF, "ja-JP");
    await page.getByRole("navigation", { name: "メインメニュー" }).getByRole("link", { name: "データの取込・書出" }).click();
    await page.getByRole("heading", { level: 1, name: "データの取込・書出" }).waitFor();
    await page.getByLabel("取り込むデータ").selectOption("offices");
    // The column reference lists the chosen entity's columns with the required ones marked.
    await page.getByRole("row", { name: /owner.*必須/ }).waitFor();

    const file = page.getByLabel("ファイル（CSV・XLSX）");
    await file.setInputFiles(csv([LIMA, "010006,北海道ナイロビ試験事務所,Hokkaido Nairobi Test Office,Nairobi,KE,independent,2024,two"]));
    await page.getByRole("button", { name: "確認する" }).click();
    await page.getByRole("alert").getByText("このファイルは取り込めません（1 件の問題）").waitFor();
    const problems = page.getByRole("table", { name: "ファイルの問題" });
    const bad = problems.getByRole("row").nth(1);
    expect(await bad.getByRole("cell").allTextContents()).toEqual(["3", "staff_count", "two", "整数で入力してください"]);
    await snapshot(page, "transfer-errors");

    await file.setInputFiles(csv([LIMA, "010006,北海道ナイロビ試験事務所,Hokkaido Nairobi Test Office,Nairobi,KE,independent,2024,2"]));
    await page.getByRole("button", { name: "確認する" }).click();
    await page.getByRole("status").getByText("2 行を確認しました: 新規 2 件、更新 0 件。まだ何も書き込まれていません。").waitFor();
    expect(await exportedNames(page, platform.baseUrl)).not.toContain("Hokkaido Lima Test Office");

    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    await page.getByRole("status").getByText("取り込みました: 2 行、新規 2 件、更新 0 件。").waitFor();
    expect(await exportedNames(page, platform.baseUrl)).toEqual(expect.arrayContaining(["Hokkaido Lima Test Office", "Hokkaido Nairobi Test Office"]));
    await snapshot(page, "transfer-done");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "海外事務所（XLSX）をダウンロード" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^offices-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
