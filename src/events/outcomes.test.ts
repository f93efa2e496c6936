import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { answerFollowUp, listFollowUps, notifyFollowUps } from "./follow-up.service.ts";
import { putFeedback } from "./meetings.service.ts";
import { buildEvent, get, metricKpi, post, type EventFixture } from "./test-fixtures.ts";

const sideOf = (orgId: string): Actor => ({ userId: randomUUID(), email: null, displayName: null, locale: "en", isSystemAdmin: false, roles: new Map([[orgId, "admin"]]) });

describe(`meeting outcomes, feedback and the follow-up survey (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  let jetroStaff: string;
  let jetroId: string;
  let meetingId: string;
  let unplacedId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const jetro = await buildOrganisation(t.database.db, { kind: "national_agency", nameJa: "日本貿易振興機構", nameEn: "JETRO" });
    jetroId = jetro.id;
    jetroStaff = await t.signInAs("staff", jetro.id);
    f = await buildEvent(t, { sellers: 2, buyers: 1, event: { organisers: [{ orgId: jetro.id, role: "co_organiser" }] } });
    const [s0, s1, b0] = f.participants;
    meetingId = json(await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [s0!.id, b0!.id], slotId: f.slotIds[0] })).id;
    unplacedId = json(await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [s1!.id, b0!.id] })).id;
  });
  afterAll(async () => t.close());

  it("records held meetings and no-shows, feeding business negotiations to every organiser's KPIs", async () => {
    const owner = await metricKpi(t, f.staff, f.ownerId, "business_negotiations");
    const jetro = await metricKpi(t, jetroStaff, jetroId, "business_negotiations");
    const url = `/api/events/${f.eventId}/meetings/${meetingId}/attendance`;
    expect((await post(t, f.participants[0]!.cookie, url, { status: "held" })).statusCode).toBe(403);
    const wrong = await post(t, f.staff, url, { status: "no_show", noShowParticipantIds: [f.participants[1]!.id] });
    expect(json(wrong).errors[0].path).toBe("noShowParticipantIds[0]");
    expect(json(await post(t, f.staff, url, { status: "held" })).status).toBe("held");
    expect(await owner("2026")).toBe(1);
    expect(await jetro("2026")).toBe(1);
    expect(json(await post(t, f.staff, url, { status: "no_show", noShowParticipantIds: [f.participants[2]!.id] }))).toMatchObject({ status: "no_show", noShowParticipantIds: [f.participants[2]!.id] });
    expect(await owner("2026")).toBe(0);
    await post(t, f.staff, url, { status: "held" });
    expect(await owner("2026")).toBe(1);
  });

  it("takes feedback from each side after the meeting, showing each side only its own", async () => {
    const [s0, s1, b0] = f.participants;
    const url = `/api/events/${f.eventId}/meetings/${meetingId}/feedback`;
    const bad = await post(t, s0!.cookie, url, { participantId: s0!.id, rating: 6, outcome: "maybe" }, "PUT");
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["outcome", "rating"]);
    const forOther = await post(t, s0!.cookie, url, { participantId: b0!.id, rating: 1, outcome: "none" }, "PUT");
    expect(forOther.statusCode).toBe(403);
    expect((await post(t, s1!.cookie, url, { participantId: s1!.id, rating: 1, outcome: "none" }, "PUT")).statusCode).toBe(404);
    expect((await post(t, undefined, url, { participantId: s0!.id, rating: 5, outcome: "negotiation" }, "PUT")).statusCode).toBe(401);
    expect((await post(t, s0!.cookie, url, { participantId: s0!.id, rating: 5, outcome: "negotiation", comments: "良い商談でした" }, "PUT")).statusCode).toBe(200);
    expect((await post(t, b0!.cookie, url, { participantId: b0!.id, rating: 3, outcome: "agreement" }, "PUT")).statusCode).toBe(200);
    expect(json(await get(t, s0!.cookie, `/api/events/${f.eventId}/meetings/${meetingId}`)).feedback).toEqual([{ participantId: s0!.id, rating: 5, outcome: "negotiation", comments: "良い商談でした" }]);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/meetings/${meetingId}`)).feedback).toHaveLength(2);
    const early = await post(t, s1!.cookie, `/api/events/${f.eventId}/meetings/${unplacedId}/feedback`, { participantId: s1!.id, rating: 4, outcome: "none" }, "PUT");
    expect(early.statusCode).toBe(409);
    await post(t, f.staff, `/api/events/${f.eventId}/meetings/${unplacedId}`, { slotId: f.slotIds[1] }, "PATCH");
    const give = (now: string) => putFeedback(t.database.db, sideOf(s1!.orgId), f.eventId, unplacedId, { participantId: s1!.id, rating: 4, outcome: "follow_up" }, new Date(now)).then(() => "ok", (e: { code: string }) => e.code);
    expect(await give("2026-03-10T10:30:00+07:00")).toBe("conflict");
    expect(await give("2026-03-10T10:40:00+07:00")).toBe("ok");
    const report = json(await get(t, f.staff, `/api/events/${f.eventId}/report`));
    expect(report.feedback).toMatchObject({ answers: 3, averageRating: 4, averageRatingByType: { seller: 4.5, buyer: 3 }, outcomes: { negotiation: 1, agreement: 1, follow_up: 1, none: 0 } });
    expect(report.meetings).toMatchObject({ held: 1, planned: 1 });
  });

  it("opens the follow-up survey after the event, notifies when due, and feeds contracts and sales by difference", async () => {
    const [s0, , b0] = f.participants;
    const contracts = await metricKpi(t, f.staff, f.ownerId, "contracts");
    const jetroContracts = await metricKpi(t, jetroStaff, jetroId, "contracts");
    const sales = await metricKpi(t, f.staff, f.ownerId, "sales_jpy", "jpy");
    const organiser: Actor = { ...sideOf(f.ownerId), roles: new Map([[f.ownerId, "staff"]]) };
    const seller = sideOf(s0!.orgId);
    const code = (p: Promise<unknown>) => p.then(() => "ok", (e: { code: string }) => e.code);
    expect(await code(answerFollowUp(t.database.db, seller, f.eventId, s0!.id, { contracts: 1 }, new Date("2026-03-10T12:00:00+07:00")))).toBe("conflict");
    expect(await code(notifyFollowUps(t.database.db, organiser, f.eventId, new Date("2026-09-10T12:00:00+07:00")))).toBe("conflict");
    expect(await notifyFollowUps(t.database.db, organiser, f.eventId, new Date("2026-09-11T09:00:00+07:00"))).toEqual({ notified: 2, dueOn: "2026-09-11" });
    expect((await notifyFollowUps(t.database.db, organiser, f.eventId, new Date("2026-09-12T09:00:00+07:00"))).notified).toBe(0);
    const notes = json(await get(t, s0!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications`));
    expect(notes.map((n: { kind: string }) => n.kind)).toContain("follow_up_due");

    await answerFollowUp(t.database.db, seller, f.eventId, s0!.id, { negotiations: 2, contracts: 2, salesJpy: 5_000_000 }, new Date("2026-09-20T10:00:00+07:00"));
    expect(await contracts("2026")).toBe(2);
    expect(await jetroContracts("2026")).toBe(2);
    expect(await sales("2026")).toBe(5_000_000);
    const corrected = await answerFollowUp(t.database.db, seller, f.eventId, s0!.id, { contracts: 3 }, new Date("2026-10-01T10:00:00+07:00"));
    expect(corrected).toMatchObject({ contracts: 3, salesJpy: 5_000_000, negotiations: 2, due: true });
    expect(await contracts("2026")).toBe(3);
    expect(await sales("2026")).toBe(5_000_000);
    expect(await code(answerFollowUp(t.database.db, sideOf(b0!.orgId), f.eventId, b0!.id, { contracts: 1 }, new Date("2026-10-01T10:00:00+07:00")))).toBe("conflict");
    const list = await listFollowUps(t.database.db, organiser, f.eventId, new Date("2026-10-02T00:00:00Z"));
    expect(list.find((x) => x.participantId === s0!.id)).toMatchObject({ contracts: 3, dueOn: "2026-09-11", due: true });
    const report = json(await get(t, f.staff, `/api/events/${f.eventId}/report`));
    expect(report.followUp).toMatchObject({ asked: 2, answered: 1, contracts: 3, salesJpy: 5_000_000, negotiations: 2 });
  });

  it("serves the follow-up survey through the API with the usual checks", async () => {
    const [, s1, b0] = f.participants;
    const url = `/api/events/${f.eventId}/participants/${s1!.id}/follow-up`;
    const bad = await post(t, s1!.cookie, url, { salesJpy: -1, contracts: 1.5 }, "PUT");
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["contracts", "salesJpy"]);
    expect((await post(t, undefined, url, { contracts: 1 }, "PUT")).statusCode).toBe(401);
    expect((await post(t, b0!.cookie, url, { contracts: 1 }, "PUT")).statusCode).toBe(403);
    const ok = await post(t, s1!.cookie, url, { contracts: 0, comments: "継続検討中" }, "PUT");
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ contracts: 0, comments: "継続検討中" });
    const mine = await get(t, s1!.cookie, url);
    expect(json(mine)).toMatchObject({ participantId: s1!.id, dueOn: "2026-09-11", due: true, contracts: 0, comments: "継続検討中", answeredAt: json(ok).answeredAt });
    expect((await get(t, b0!.cookie, url)).statusCode).toBe(403);
    expect((await get(t, undefined, url)).statusCode).toBe(401);
    const buyerOwn = json(await get(t, b0!.cookie, `/api/events/${f.eventId}/participants/${b0!.id}/follow-up`));
    expect(buyerOwn.errors).toEqual([expect.objectContaining({ path: "participantId", code: "not_asked" })]);
    expect((await get(t, s1!.cookie, `/api/events/${f.eventId}/follow-ups`)).statusCode).toBe(403);
    expect((await post(t, s1!.cookie, `/api/events/${f.eventId}/follow-ups/notify`, {})).statusCode).toBe(403);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/follow-ups`))).toHaveLength(2);
    expect(json(await post(t, f.staff, `/api/events/${f.eventId}/follow-ups/notify`, { asOf: "2026-09-30" })).errors[0].path).toBe("asOf");
    expect(json(await post(t, f.staff, `/api/events/${f.eventId}/follow-ups/notify`, { asOf: "2026-09-30T09:00:00+07:00" }))).toEqual({ notified: 0, dueOn: "2026-09-11" });
  });
});

describe(`match suggestions (${testDatabaseKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("suggests who offers what a participant seeks and who seeks what it offers, with reasons", async () => {
    const f = await buildEvent(t);
    const add = async (body: Record<string, unknown>) => json(await post(t, f.staff, `/api/events/${f.eventId}/participants`, body)).id as string;
    const apples = await add({ name: "Aomori Apple Co", participantType: "seller", offer: "青森県産りんご、りんごジュース", hsCodes: ["0808", "2009"] });
    const kutani = await add({ name: "Kutani Ware", participantType: "seller", offer: "九谷焼の食器 porcelain tableware", hsCodes: ["6911"] });
    const mart = await add({ name: "Bangkok Fresh Mart", participantType: "buyer", country: "TH", seek: "Fresh apples and fruit juice from Japan for supermarkets" });
    const co = await buildOrganisation(t.database.db, { kind: "company", country: "TH" });
    const martSide = await t.signInAs("admin", co.id);
    await post(t, f.staff, `/api/events/${f.eventId}/participants/${mart}`, { orgId: co.id }, "PATCH");
    const res = await get(t, martSide, `/api/events/${f.eventId}/participants/${mart}/suggestions`);
    expect(res.statusCode).toBe(200);
    const list = json(res);
    expect(list[0]).toMatchObject({ participantId: apples, direction: "offers_what_you_seek", alreadyInContact: false });
    expect(list[0].reasons.length).toBeGreaterThan(0);
    expect(list.map((s: { participantId: string }) => s.participantId)).not.toContain(mart);
    const kutaniAt = list.findIndex((s: { participantId: string }) => s.participantId === kutani);
    expect(kutaniAt === -1 || kutaniAt > 0).toBe(true);
    const forSeller = json(await get(t, f.staff, `/api/events/${f.eventId}/participants/${apples}/suggestions?limit=3`));
    expect(forSeller[0]).toMatchObject({ participantId: mart, direction: "seeks_what_you_offer" });
    expect((await get(t, martSide, `/api/events/${f.eventId}/participants/${apples}/suggestions`)).statusCode).toBe(404);
    expect((await get(t, undefined, `/api/events/${f.eventId}/participants/${mart}/suggestions`)).statusCode).toBe(401);
    expect(json(await get(t, martSide, `/api/events/${f.eventId}/participants/${mart}/suggestions?limit=0`)).errors[0].path).toBe("query.limit");
  });
});
