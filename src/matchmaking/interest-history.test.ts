import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { migrate } from "../db/migrate.ts";
import { createTestApp, json, type TestApp } from "../test/factories.ts";
import { matchInterestHistory, notifications } from "./matchmaking.table.ts";
import { call, company, type Org, orgWithStaff, prefectureCode, scores } from "./test-fixtures.ts";

const MIGRATION = "20261128_0700_interest_history.sql";

interface Entry {
  step: string;
  fromState: string | null;
  toState: string;
  label: { ja: string; en: string };
  stepLabel: { ja: string; en: string };
  at: string | null;
  by: { id: string; displayName: string } | null;
  note: string | null;
  backfilled: boolean;
}

describe(`dated history of expressions of interest (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let gov: Org;
  let maker: Org;
  let buyer: Org;
  let requestId: string;
  const userOf: Record<string, string> = {};

  const history = async (id: string, cookie: string): Promise<Entry[]> => json(await call(t, "GET", `/api/interests/${id}`, cookie)).history;
  const rowsOf = (id: string) => t.database.db.select().from(matchInterestHistory).where(eq(matchInterestHistory.interestId, id));

  beforeAll(async () => {
    t = await createTestApp();
    gov = await orgWithStaff(t, { kind: "prefecture", nameJa: "高知県", nameEn: "Kochi Prefecture", localGovCode: prefectureCode("39") });
    maker = await company(t, "Tosa Yuzu KK");
    buyer = await orgWithStaff(t, { kind: "company", nameJa: "台北食品", nameEn: "Taipei Foods", country: "TW", localGovCode: null });
    for (const o of [gov, maker, buyer]) userOf[o.id] = json(await call(t, "GET", "/api/auth/me", o.staff)).user.id;
    await call(t, "POST", "/api/companies", maker.staff, { orgId: maker.id, vettedBy: gov.id, descriptionJa: "高知の柚子果汁", hsCodes: ["2009"], targetMarkets: ["TW"] });
    await call(t, "POST", `/api/companies/${maker.id}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const opp = await call(t, "POST", "/api/opportunities", buyer.staff, { kind: "business_request", ownerOrgId: buyer.id, vettedBy: gov.id, country: "TW", titleJa: "柚子果汁の調達", titleEn: "Yuzu juice wanted", descriptionEn: "Beverage maker seeks yuzu juice" });
    requestId = json(opp).id;
    await call(t, "POST", `/api/opportunities/${requestId}/reviews`, gov.staff, scores(3, 3, 3, 3));
  }, 60_000);
  afterAll(async () => t.close());

  let interestId: string;
  let declinedId: string;
  it("records each step once, in order, with its actor, time and note; refused steps write nothing", async () => {
    const created = await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "company", message: "見本をお送りします" });
    expect(created.statusCode).toBe(201);
    interestId = json(created).id;
    expect(json(created).opportunity).toEqual({ id: requestId, kind: "business_request", titleJa: "柚子果汁の調達", titleEn: "Yuzu juice wanted" });
    expect(json(created).history).toEqual([
      expect.objectContaining({ step: "created", fromState: null, toState: "submitted", by: { id: userOf[maker.id], displayName: "Tester staff" }, note: "見本をお送りします", backfilled: false }),
    ]);

    // Refused: out of order (409), by the wrong party (403), a bad body (400), a second interest in the pair (409).
    expect((await call(t, "POST", `/api/interests/${interestId}/accept`, buyer.staff, {})).statusCode).toBe(409);
    expect((await call(t, "POST", `/api/interests/${interestId}/forward`, maker.staff, {})).statusCode).toBe(403);
    expect((await call(t, "POST", `/api/interests/${interestId}/forward`, gov.staff, { note: "x", extra: 1 })).statusCode).toBe(400);
    expect((await call(t, "POST", `/api/interests/${interestId}/meetings`, gov.staff, { mode: "online", meetsOn: "2026-05-01" })).statusCode).toBe(409);
    expect((await call(t, "POST", "/api/interests", maker.staff, { opportunityId: requestId, companyOrgId: maker.id, fromSide: "company" })).statusCode).toBe(409);
    expect(await rowsOf(interestId)).toHaveLength(1);

    await call(t, "POST", `/api/interests/${interestId}/forward`, gov.staff, { note: "県の推薦企業です" });
    expect((await call(t, "POST", `/api/interests/${interestId}/forward`, gov.staff, {})).statusCode).toBe(409);
    await call(t, "POST", `/api/interests/${interestId}/accept`, buyer.staff, {});
    await call(t, "POST", `/api/interests/${interestId}/meetings`, gov.staff, { mode: "online", meetsOn: "2026-05-01", note: "試飲" });
    await call(t, "POST", `/api/interests/${interestId}/meetings`, buyer.staff, { mode: "in_person", meetsOn: "2026-05-20" });
    await call(t, "POST", `/api/interests/${interestId}/outcomes`, buyer.staff, { kind: "negotiation", occurredOn: "2026-05-21" });
    expect((await call(t, "POST", `/api/interests/${interestId}/outcomes`, buyer.staff, { kind: "contract", occurredOn: "2026-06-01", salesAmount: 10 })).statusCode).toBe(400);
    await call(t, "POST", `/api/interests/${interestId}/outcomes`, maker.staff, { kind: "contract", occurredOn: "2026-06-01", salesAmount: 500_000, currency: "JPY", note: "初回契約" });
    await call(t, "POST", `/api/interests/${interestId}/follow-ups`, maker.staff, { milestone: "6m", occurredOn: "2026-12-01" });
    expect((await call(t, "POST", `/api/interests/${interestId}/follow-ups`, maker.staff, { milestone: "6m", occurredOn: "2026-12-02" })).statusCode).toBe(409);
    expect((await call(t, "POST", `/api/interests/${interestId}/outcomes`, maker.staff, { kind: "no_deal", occurredOn: "2026-12-03" })).statusCode).toBe(409);

    const h = await history(interestId, buyer.staff);
    expect(h.map((e) => [e.step, e.fromState, e.toState, e.by?.id])).toEqual([
      ["created", null, "submitted", userOf[maker.id]],
      ["forwarded", "submitted", "forwarded", userOf[gov.id]],
      ["accepted", "forwarded", "accepted", userOf[buyer.id]],
      ["meeting", "accepted", "meeting", userOf[gov.id]],
      ["meeting", "meeting", "meeting", userOf[buyer.id]],
      ["negotiation", "meeting", "negotiating", userOf[buyer.id]],
      ["contract", "negotiating", "agreed", userOf[maker.id]],
      ["follow_up_6m", "agreed", "agreed", userOf[maker.id]],
    ]);
    expect(h.map((e) => e.note)).toEqual(["見本をお送りします", "県の推薦企業です", null, "試飲", null, null, "初回契約", null]);
    expect(h[1]!.label).toEqual({ ja: "取次済み（相手の回答待ち）", en: "Forwarded" });
    expect(h[1]!.stepLabel).toEqual({ ja: "自治体が取次", en: "Forwarded by the government" });
    const times = h.map((e) => Date.parse(e.at!));
    expect(times.every((x) => Number.isFinite(x))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Stored once each: positions 1…8 without gaps or repeats.
    expect((await rowsOf(interestId)).map((r) => r.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("records a decline with its reason and the state it left", async () => {
    const other = await company(t, "Shimanto Tea KK");
    await call(t, "POST", "/api/companies", other.staff, { orgId: other.id, vettedBy: gov.id, descriptionEn: "Green tea", hsCodes: ["0902"] });
    await call(t, "POST", `/api/companies/${other.id}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const i = json(await call(t, "POST", "/api/interests", buyer.staff, { opportunityId: requestId, companyOrgId: other.id, fromSide: "opportunity" }));
    await call(t, "POST", `/api/interests/${i.id}/forward`, gov.staff, {});
    await call(t, "POST", `/api/interests/${i.id}/decline`, other.staff, { reason: "今期は供給できません" });
    declinedId = i.id;
    expect((await call(t, "POST", `/api/interests/${i.id}/accept`, other.staff, {})).statusCode).toBe(409);
    const h = await history(i.id, gov.staff);
    expect(h.map((e) => [e.step, e.fromState, e.toState, e.note])).toEqual([
      ["created", null, "submitted", null],
      ["forwarded", "submitted", "forwarded", null],
      ["declined", "forwarded", "declined", "今期は供給できません"],
    ]);
    expect(h[2]!.label.ja).toBe("辞退");
  });

  it("lists interests with the opportunity's title and the history, for the parties only", async () => {
    const inbox = json(await call(t, "GET", "/api/interests?role=broker", gov.staff)).items;
    expect(inbox).toHaveLength(2);
    for (const i of inbox) {
      expect(i.opportunity.titleEn).toBe("Yuzu juice wanted");
      expect(i.history[0].step).toBe("created");
    }
    const outsider = await company(t, "Outsider KK");
    expect((await call(t, "GET", `/api/interests/${interestId}`, outsider.staff)).statusCode).toBe(404);
  });

  it("backfills interests that existed before the history from what their rows record", async () => {
    const live = await history(interestId, gov.staff);
    // One interest whose step notifications were deleted: its forward and accept times were never recorded.
    const third = await company(t, "Kochi Ginger KK");
    await call(t, "POST", "/api/companies", third.staff, { orgId: third.id, vettedBy: gov.id, descriptionEn: "Ginger", hsCodes: ["0910"] });
    await call(t, "POST", `/api/companies/${third.id}/reviews`, gov.staff, scores(3, 3, 3, 3));
    const quiet = json(await call(t, "POST", "/api/interests", third.staff, { opportunityId: requestId, companyOrgId: third.id, fromSide: "company" }));
    await call(t, "POST", `/api/interests/${quiet.id}/forward`, gov.staff, { note: "取次" });
    await call(t, "POST", `/api/interests/${quiet.id}/accept`, buyer.staff, {});
    await call(t, "POST", `/api/interests/${quiet.id}/meetings`, third.staff, { mode: "online", meetsOn: "2026-07-01" });
    await t.database.db.delete(notifications).where(eq(notifications.interestId, quiet.id));

    // Back to the database as it was before the migration, then migrate.
    await t.database.exec(`DROP TABLE match_interest_history; DELETE FROM renkei_migrations WHERE id = '${MIGRATION}'`);
    expect((await migrate(t.database)).applied).toEqual([MIGRATION]);

    const rebuilt = await history(interestId, gov.staff);
    expect(rebuilt.map((e) => [e.step, e.fromState, e.toState, e.note])).toEqual(live.map((e) => [e.step, e.fromState, e.toState, e.note]));
    expect(rebuilt.every((e) => e.backfilled)).toBe(true);
    // Creation, meetings and outcomes keep their actor and time; forward and accept take their notification's time.
    for (const [i, e] of rebuilt.entries()) {
      expect(e.at, e.step).toBe(live[i]!.at);
      expect(e.by?.id ?? null, e.step).toBe(["forwarded", "accepted"].includes(e.step) ? null : live[i]!.by!.id);
    }
    const declined = await history(declinedId, gov.staff);
    expect(declined.map((e) => [e.step, e.fromState, e.toState, e.note, e.at === null])).toEqual([
      ["created", null, "submitted", null, false],
      ["forwarded", "submitted", "forwarded", null, false],
      ["declined", "forwarded", "declined", "今期は供給できません", false],
    ]);
    const q = await history(quiet.id, gov.staff);
    expect(q.map((e) => [e.step, e.toState, e.at === null])).toEqual([
      ["created", "submitted", false],
      ["forwarded", "forwarded", true],
      ["accepted", "accepted", true],
      ["meeting", "meeting", false],
    ]);
    expect(q[1]!.note).toBe("取次");

    // New steps continue after the backfilled ones.
    const next = json(await call(t, "POST", `/api/interests/${quiet.id}/outcomes`, third.staff, { kind: "no_deal", occurredOn: "2026-07-02" }));
    expect(next.history.map((e: Entry) => [e.step, e.fromState, e.toState, e.backfilled])).toEqual([
      ["created", null, "submitted", true],
      ["forwarded", "submitted", "forwarded", true],
      ["accepted", "forwarded", "accepted", true],
      ["meeting", "accepted", "meeting", true],
      ["no_deal", "meeting", "closed", false],
    ]);
  });
});
