import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import type { MemberRole } from "../core/domain.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { rawInstance } from "./instance-builder.ts";
import { loadEvent } from "./event-access.ts";
import { listNotifications } from "./notifications.service.ts";
import { withdrawParticipant } from "./participants.service.ts";
import { answerRequest, createRequest, listRequests, remindersDue, sendReminders, withdrawRequest } from "./requests.service.ts";
import { buildEvent, get, post, type EventFixture } from "./test-fixtures.ts";

const actor = (orgId: string, role: MemberRole = "admin"): Actor => ({
  userId: randomUUID(),
  email: null,
  displayName: null,
  locale: "en",
  isSystemAdmin: false,
  roles: new Map([[orgId, role]]),
});
const T0 = new Date("2026-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe(`meeting requests with an injected clock (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  let organiser: Actor;
  let side: Actor[];
  let p: string[];

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildEvent(t, { sellers: 3, buyers: 3, event: { requestExpiryMinutes: 60, reminderAfterMinutes: 30 } });
    organiser = actor(f.ownerId, "staff");
    side = f.participants.map((x) => actor(x.orgId));
    p = f.participants.map((x) => x.id);
  });
  afterAll(async () => t.close());

  const ask = (from: number, to: number, now: Date, priority = 2) => createRequest(t.database.db, side[from]!, f.eventId, { fromParticipantId: p[from]!, toParticipantId: p[to]!, priority }, now);
  const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (e: { code: string; errors: { path: string; code?: string }[] }) => e);

  it("counts unexpired pending requests against caps and the pair, and stops when they expire", async () => {
    await post(t, f.staff, `/api/events/${f.eventId}/participants/${p[3]}`, { maxMeetings: 1 }, "PATCH");
    expect((await ask(0, 3, at(0))).status).toBe("pending");
    const capped = await errorOf(ask(1, 3, at(10)));
    expect(capped).toMatchObject({ code: "conflict", errors: [{ path: "toParticipantId", code: "cap_reached" }] });
    const twice = await errorOf(ask(0, 3, at(10)));
    expect(twice).toMatchObject({ code: "conflict", errors: [{ path: "toParticipantId", code: "duplicate" }] });
    const [mine] = await listRequests(t.database.db, side[0]!, f.eventId, { participantId: p[0] }, at(61));
    expect(mine!.status).toBe("expired");
    const late = await errorOf(answerRequest(t.database.db, side[3]!, f.eventId, mine!.id, "accept", at(61)));
    expect(late).toMatchObject({ code: "conflict", errors: [{ code: "expired" }] });
    expect((await ask(1, 3, at(61))).status).toBe("pending");
    expect((await ask(0, 4, at(61))).status).toBe("pending");
    expect((await ask(0, 4, at(200))).status).toBe("pending");
  });

  it("lists requests due a reminder as of a time, marks them sent once, and tells the recipient", async () => {
    const r = await ask(2, 5, at(1000));
    expect((await remindersDue(t.database.db, organiser, f.eventId, at(1029))).map((x) => x.id)).not.toContain(r.id);
    expect((await remindersDue(t.database.db, organiser, f.eventId, at(1030))).map((x) => x.id)).toContain(r.id);
    expect((await remindersDue(t.database.db, organiser, f.eventId, at(1060))).map((x) => x.id)).not.toContain(r.id);
    const sent = await sendReminders(t.database.db, organiser, f.eventId, at(1031));
    expect(sent.requests.map((x) => x.id)).toContain(r.id);
    expect(sent.requests.find((x) => x.id === r.id)!.reminderSentAt).toBe(at(1031).toISOString());
    expect((await sendReminders(t.database.db, organiser, f.eventId, at(1032))).requests.map((x) => x.id)).not.toContain(r.id);
    const notes = await listNotifications(t.database.db, side[5]!, f.eventId, p[5]!, false);
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(["request_received", "request_reminder"]));
    expect(notes.find((n) => n.kind === "request_reminder")!.label.ja).toContain("未回答");
    expect((await errorOf(remindersDue(t.database.db, side[5]!, f.eventId, at(1031))))?.code).toBe("forbidden");
  });

  it("merges mutual requests into one accepted meeting, so the scheduler sees the pair once", async () => {
    const first = await ask(1, 4, at(2000), 1);
    const second = await ask(4, 1, at(2001), 3);
    expect(second).toMatchObject({ merged: true, status: "accepted" });
    const [again] = await listRequests(t.database.db, organiser, f.eventId, { participantId: p[1] }, at(2002)).then((rs) => rs.filter((r) => r.id === first.id));
    expect(again).toMatchObject({ status: "accepted", meetingId: second.meetingId });
    const { event } = await loadEvent(t.database.db, organiser, f.eventId);
    const built = await rawInstance(t.database.db, event);
    const pair = built.instance.requests.filter((r) => [r.from, r.to].sort().join() === [p[1], p[4]].sort().join());
    expect(pair).toEqual([expect.objectContaining({ id: second.meetingId, priority: 3 })]);
  });

  it("lets only the recipient answer, the requester withdraw, and creates a meeting on acceptance", async () => {
    const r = await ask(2, 3, at(3000));
    expect((await errorOf(answerRequest(t.database.db, side[2]!, f.eventId, r.id, "accept", at(3001))))?.code).toBe("forbidden");
    const stranger = actor((await buildOrganisation(t.database.db)).id);
    expect((await errorOf(answerRequest(t.database.db, stranger, f.eventId, r.id, "accept", at(3001))))?.code).toBe("not_found");
    expect((await errorOf(withdrawRequest(t.database.db, side[3]!, f.eventId, r.id, at(3001))))?.code).toBe("forbidden");
    const declined = await answerRequest(t.database.db, side[3]!, f.eventId, r.id, "decline", at(3002));
    expect(declined).toMatchObject({ status: "declined", meetingId: null });
    const r2 = await ask(2, 3, at(3003));
    const withdrawn = await withdrawRequest(t.database.db, side[2]!, f.eventId, r2.id, at(3004));
    expect(withdrawn.status).toBe("withdrawn");
    const r3 = await ask(2, 0, at(3005));
    const accepted = await answerRequest(t.database.db, side[0]!, f.eventId, r3.id, "accept", at(3006));
    expect(accepted.status).toBe("accepted");
    expect(accepted.meetingId).toBeTruthy();
    expect((await errorOf(answerRequest(t.database.db, side[0]!, f.eventId, r3.id, "decline", at(3007))))?.code).toBe("conflict");
  });

  it("cancels a withdrawing participant's meetings and withdraws its pending requests", async () => {
    const pending = await ask(5, 0, at(4000));
    await withdrawParticipant(t.database.db, side[2]!, f.eventId, p[2]!, at(4001));
    const meetings = json(await get(t, f.staff, `/api/events/${f.eventId}/meetings?participantId=${p[2]}`));
    expect(meetings.every((m: { status: string }) => m.status === "cancelled")).toBe(true);
    await withdrawParticipant(t.database.db, side[5]!, f.eventId, p[5]!, at(4002));
    const [r] = (await listRequests(t.database.db, organiser, f.eventId, {}, at(4003))).filter((x) => x.id === pending.id);
    expect(r!.status).toBe("withdrawn");
    const notes = await listNotifications(t.database.db, side[0]!, f.eventId, p[0]!, false);
    expect(notes.map((n) => n.kind)).toContain("meeting_cancelled");
  });
});

describe(`meeting requests API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildEvent(t, { sellers: 2, buyers: 1 });
  });
  afterAll(async () => t.close());

  it("requests, answers and lists through the API, naming bad fields and refusing other sides", async () => {
    const [s0, s1, b0] = f.participants;
    const url = `/api/events/${f.eventId}/requests`;
    const bad = await post(t, s0!.cookie, url, { fromParticipantId: s0!.id, toParticipantId: s0!.id, priority: 4 });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["priority", "toParticipantId"]);
    expect((await post(t, undefined, url, { fromParticipantId: s0!.id, toParticipantId: b0!.id })).statusCode).toBe(401);
    expect((await post(t, s1!.cookie, url, { fromParticipantId: s0!.id, toParticipantId: b0!.id })).statusCode).toBe(403);
    const res = await post(t, s0!.cookie, url, { fromParticipantId: s0!.id, toParticipantId: b0!.id, priority: 3, message: "青森のりんごをご紹介します" });
    expect(res.statusCode).toBe(201);
    const r = json(res);
    expect(r).toMatchObject({ status: "pending", merged: false, fromName: expect.stringContaining("seller"), priority: 3 });
    expect(json(await get(t, s1!.cookie, url))).toEqual([]);
    expect(json(await get(t, b0!.cookie, url)).map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect((await get(t, s1!.cookie, `${url}?participantId=${s0!.id}`)).statusCode).toBe(404);
    const stranger = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    expect((await get(t, stranger, url)).statusCode).toBe(403);
    const badAnswer = await post(t, b0!.cookie, `${url}/${r.id}/answer`, { answer: "maybe" });
    expect(json(badAnswer).errors[0].path).toBe("answer");
    const ok = await post(t, b0!.cookie, `${url}/${r.id}/answer`, { answer: "accept" });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).status).toBe("accepted");
    const notes = json(await get(t, s0!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications?unread=true`));
    expect(notes[0]).toMatchObject({ kind: "request_accepted", label: { en: "Your meeting request was accepted" } });
    const noIds = await post(t, s0!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications/read`, { ids: [] });
    expect(json(noIds).errors[0].path).toBe("ids");
    const read = await post(t, s0!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications/read`, { ids: [notes[0].id] });
    expect(json(read).marked).toBe(1);
    expect(json(await get(t, s0!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications?unread=true`))).toEqual([]);
    expect((await get(t, s1!.cookie, `/api/events/${f.eventId}/participants/${s0!.id}/notifications`)).statusCode).toBe(403);
    expect((await post(t, s1!.cookie, `${url}/${r.id}/withdraw`, {})).statusCode).toBe(404);
    expect((await post(t, s0!.cookie, `${url}/${r.id}/withdraw`, {})).statusCode).toBe(409);
    const other = json(await post(t, s0!.cookie, url, { fromParticipantId: s0!.id, toParticipantId: s1!.id }));
    expect(json(await post(t, s0!.cookie, `${url}/${other.id}/withdraw`, { reason: 1 })).errors[0].path).toBe("reason");
    expect(json(await post(t, s0!.cookie, `${url}/${other.id}/withdraw`, {}))).toMatchObject({ status: "withdrawn" });
  });

  it("serves reminders to the organisers only, as of a given time", async () => {
    const [, s1, b0] = f.participants;
    const r = json(await post(t, s1!.cookie, `/api/events/${f.eventId}/requests`, { fromParticipantId: s1!.id, toParticipantId: b0!.id }));
    const later = new Date(Date.parse(r.createdAt) + 25 * 3600_000).toISOString();
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/reminders?asOf=${encodeURIComponent(later)}`)).map((x: { id: string }) => x.id)).toEqual([r.id]);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/reminders`))).toEqual([]);
    expect((await get(t, f.staff, `/api/events/${f.eventId}/reminders?asOf=tomorrow`)).statusCode).toBe(400);
    expect((await get(t, s1!.cookie, `/api/events/${f.eventId}/reminders`)).statusCode).toBe(403);
    const sent = await post(t, f.staff, `/api/events/${f.eventId}/reminders`, { asOf: later });
    expect(json(sent).sent).toBe(1);
    expect((await post(t, b0!.cookie, `/api/events/${f.eventId}/reminders`, {})).statusCode).toBe(403);
  });
});
