/**
 * @module e2e/events-followup
 * After the meeting, in headless Chromium against a real server and database. Through the API a Hokkaido
 * organiser sets up a trade fair in Bangkok with one session, adds Sapporo City (seller) and Osaka City
 * (buyer) as approved participants and fixes a meeting between them in the first slot. Sapporo (English)
 * sees the meeting on its agenda with a "Cancel" button. The organiser (Japanese) marks the meeting held
 * on the report; Sapporo then leaves feedback on its agenda (rating, outcome, comments); the report counts
 * one held meeting and one answer and shows the feedback. The organiser then imports participants (the
 * file's columns previewed and the mapping guessed from their names): a CSV with a bad type is reported by
 * row and column, the fixed file goes in as XLSX; and on an earlier fair's page
 * Sapporo answers the due follow-up survey (a wrong number is named at its field). Waits are on roles,
 * labels and responses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { writeXlsx } from "../src/registry/transfer/table-file.ts";
import { launchChromium, signIn, snapshot, startPlatform, type RunningPlatform } from "./fixtures.ts";

const ORGANISER = { email: "fair@hokkaido.example.jp", displayName: "北海道 主催", password: "correct horse 1", locale: "ja" as const, roles: { "010006": "staff" as const } };
const SAPPORO = { email: "sales@city.sapporo.example.jp", displayName: "Sapporo Sales", password: "correct horse 2", locale: "en" as const, roles: { "011002": "admin" as const } };
const OSAKA = { email: "sales@city.osaka.example.jp", displayName: "大阪 営業", password: "correct horse 3", locale: "ja" as const, roles: { "271004": "staff" as const } };

async function postJson<T>(page: Page, url: string, data: unknown): Promise<T> {
  const response = await page.request.post(url, { data });
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function orgOf(page: Page, baseUrl: string): Promise<string> {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { user: { memberships: { orgId: string }[] } };
  return me.user.memberships[0]!.orgId;
}

describe("events after the meeting in Chromium", () => {
  let platform: RunningPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform([ORGANISER, SAPPORO, OSAKA]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("the organiser marks the meeting held, the participant leaves feedback, the report shows both", async () => {
    const base = platform.baseUrl;
    const organiser = await signIn(browser, base, ORGANISER, "ja-JP");
    const org = organiser.page;
    const sapporo = await signIn(browser, base, SAPPORO, "en-GB");
    const sp = sapporo.page;
    const osaka = await signIn(browser, base, OSAKA, "ja-JP");

    // Setup through the API: the fair, one session, two approved participants and a fixed meeting.
    const event = await postJson<{ id: string }>(org, `${base}/api/events`, {
      ownerOrgId: await orgOf(org, base),
      kind: "trade_fair",
      nameJa: "北海道食品商談会バンコク",
      nameEn: "Hokkaido Food Fair Bangkok",
      startsOn: "2027-03-10",
      endsOn: "2027-03-11",
      timeZone: "Asia/Bangkok",
      cityEn: "Bangkok",
      country: "TH",
      status: "registration_open",
      meetingMinutes: 20,
      tables: 2,
      visibility: "public",
    });
    await postJson(org, `${base}/api/events/${event.id}/sessions`, { nameJa: "午前の部", nameEn: "Morning session", startsAt: "2027-03-10T10:00:00+07:00", endsAt: "2027-03-10T11:00:00+07:00" });
    const slots = (await (await org.request.get(`${base}/api/events/${event.id}/slots`)).json()) as { id: string }[];
    const seller = await postJson<{ id: string }>(org, `${base}/api/events/${event.id}/participants`, { orgId: await orgOf(sp, base), participantType: "seller" });
    const buyer = await postJson<{ id: string }>(org, `${base}/api/events/${event.id}/participants`, { orgId: await orgOf(osaka.page, base), participantType: "buyer" });
    await postJson(org, `${base}/api/events/${event.id}/meetings`, { participantIds: [seller.id, buyer.id], priority: 3, slotId: slots[0]!.id, table: 1 });

    // Sapporo sees the planned meeting on its agenda, with a Cancel button and no feedback form yet.
    await sp.goto(`${base}/events/${event.id}/participants/${seller.id}/agenda`);
    await sp.getByRole("heading", { level: 1, name: "Agenda of Sapporo City" }).waitFor();
    const row = sp.getByRole("row").filter({ has: sp.getByRole("rowheader", { name: "10:00–10:20" }) });
    await row.getByRole("button", { name: "Cancel the meeting with Osaka City" }).waitFor();
    expect(await row.getByRole("form", { name: "Feedback on the meeting with Osaka City" }).count()).toBe(0);

    // The organiser marks the meeting held on the report.
    await org.goto(`${base}/events/${event.id}/report`);
    await org.getByRole("heading", { level: 1, name: "開催報告" }).waitFor();
    const attendance = org.getByRole("table", { name: "商談の実施記録" });
    const pairRow = attendance.getByRole("row").filter({ has: org.getByRole("rowheader", { name: "Sapporo City × Osaka City" }) });
    const marked = org.waitForResponse((r) => r.url().endsWith("/attendance") && r.request().method() === "POST");
    await pairRow.getByRole("button", { name: "Sapporo City × Osaka City を実施済みにする" }).click();
    expect((await marked).status()).toBe(200);
    await pairRow.getByRole("cell", { name: "実施", exact: true }).waitFor();

    // Sapporo leaves feedback after the meeting.
    await sp.reload();
    const form = sp.getByRole("form", { name: "Feedback on the meeting with Osaka City" });
    await form.getByLabel("Rating", { exact: true }).selectOption("4");
    await form.getByLabel("Outcome", { exact: true }).selectOption("negotiation");
    await form.getByLabel("Comments", { exact: true }).fill("Samples requested for three stores.");
    const sent = sp.waitForResponse((r) => r.url().endsWith("/feedback") && r.request().method() === "PUT");
    await form.getByRole("button", { name: "Send feedback" }).click();
    expect((await sent).status()).toBe(200);
    await sp.getByRole("status").filter({ hasText: "Feedback saved." }).waitFor();
    expect(await row.getByRole("button", { name: "Cancel the meeting with Osaka City" }).count()).toBe(0);
    await snapshot(sp, "events-followup-agenda-en");

    // The report: one held meeting, one answer with rating 4, and the feedback in the attendance table.
    await org.reload();
    const meetings = org.getByRole("table", { name: "商談", exact: true });
    expect(await meetings.getByRole("row").filter({ has: org.getByRole("rowheader", { name: "実施", exact: true }) }).getByRole("cell").textContent()).toBe("1");
    const feedback = org.getByRole("table", { name: "商談後の評価", exact: true });
    expect(await feedback.getByRole("row").filter({ has: org.getByRole("rowheader", { name: "回答数" }) }).getByRole("cell").textContent()).toBe("1");
    await org.getByRole("table", { name: "商談の実施記録" }).getByText("Samples requested for three stores.").waitFor();
    await snapshot(org, "events-followup-report-ja");

    // The organiser imports participants: the API previews the file and guesses the mapping from its column
    // names; a bad type is reported by row and column, then a fixed XLSX file goes in.
    await org.getByRole("link", { name: "北海道食品商談会バンコク" }).click();
    await org.getByRole("link", { name: "参加者の一括登録" }).click();
    await org.getByRole("heading", { level: 1, name: "参加者の一括登録" }).waitFor();
    const upload = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      await org.getByLabel("ファイル（CSV・XLSX）").setInputFiles(file);
      await org.getByRole("table", { name: "ファイルの先頭 2 行（全 2 行）" }).getByRole("cell", { name: "Obihiro Dairy" }).waitFor();
      const mapping = org.getByRole("table", { name: "列の対応" });
      // 会社名 reads as a registry organisation; these companies are not in the registry, so it becomes the display name.
      expect(await mapping.getByLabel("組織（名称または法人番号）", { exact: true }).inputValue()).toBe("会社名");
      expect(await mapping.getByLabel("参加区分", { exact: true }).inputValue()).toBe("区分");
      await mapping.getByLabel("組織（名称または法人番号）", { exact: true }).selectOption("");
      await mapping.getByLabel("表示名", { exact: true }).selectOption("会社名");
    };
    await upload({ name: "participants.csv", mimeType: "text/csv", buffer: Buffer.from("会社名,区分\nKushiro Fisheries,seller\nObihiro Dairy,dealer\n") });
    const refused = org.waitForResponse((r) => r.url().endsWith("/participants/import"));
    await org.getByRole("button", { name: "取り込む" }).click();
    expect((await refused).status()).toBe(400);
    await org.getByRole("alert").getByText("3 行目「区分」", { exact: false }).waitFor();
    await snapshot(org, "events-followup-import-error-ja");
    const xlsx = await writeXlsx("参加者", ["会社名", "区分"], [["Kushiro Fisheries", "seller"], ["Obihiro Dairy", "buyer"]]);
    await upload({ name: "participants.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
    const imported = org.waitForResponse((r) => r.url().endsWith("/participants/import"));
    await org.getByRole("button", { name: "取り込む" }).click();
    expect((await imported).status()).toBe(200);
    await org.getByRole("status").filter({ hasText: "2 行を読み、2 件の参加者を登録しました。" }).waitFor();

    // Months after an earlier fair, Sapporo answers its follow-up survey; a wrong number is named at its field.
    const past = await postJson<{ id: string }>(org, `${base}/api/events`, {
      ownerOrgId: await orgOf(org, base),
      kind: "trade_fair",
      nameJa: "北海道食品商談会シンガポール",
      nameEn: "Hokkaido Food Fair Singapore",
      startsOn: "2025-02-10",
      endsOn: "2025-02-11",
      timeZone: "Asia/Singapore",
      country: "SG",
      status: "held",
      meetingMinutes: 20,
      tables: 2,
      visibility: "public",
    });
    const pastSeller = await postJson<{ id: string }>(org, `${base}/api/events/${past.id}/participants`, { orgId: await orgOf(sp, base), participantType: "seller" });
    await sp.goto(`${base}/events/${past.id}/participants/${pastSeller.id}`);
    await sp.getByRole("heading", { level: 2, name: "Follow-up survey" }).waitFor();
    await sp.getByLabel("Contracts concluded").fill("two");
    await sp.getByLabel("Sales (yen)").fill("12,000,000");
    await sp.getByRole("button", { name: "Send the answers" }).click();
    await sp.getByRole("alert").filter({ hasText: "Contracts concluded" }).waitFor();
    expect(await sp.getByLabel("Contracts concluded").getAttribute("aria-invalid")).toBe("true");
    await snapshot(sp, "events-followup-survey-error-en");
    await sp.getByLabel("Contracts concluded").fill("2");
    const answered = sp.waitForResponse((r) => r.url().endsWith("/follow-up") && r.request().method() === "PUT");
    await sp.getByRole("button", { name: "Send the answers" }).click();
    expect((await answered).status()).toBe(200);
    await sp.getByRole("status").filter({ hasText: "Survey answers saved." }).waitFor();

    expect([...organiser.errors, ...sapporo.errors, ...osaka.errors]).toEqual([]);
    await Promise.all([organiser.context.close(), sapporo.context.close(), osaka.context.close()]);
  });
});
