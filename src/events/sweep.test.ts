import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { createTestApp, type TestApp } from "../test/factories.ts";
import { listNotifications } from "./notifications.service.ts";
import { answerFollowUp } from "./follow-up.service.ts";
import { answerRequest, createRequest } from "./requests.service.ts";
import { sweepEvents } from "./sweep.service.ts";
import { startSweeper, sweepInterval } from "./sweeper.ts";
import { buildEvent, post, type EventFixture } from "./test-fixtures.ts";

const side = (orgId: string): Actor => ({ userId: randomUUID(), email: null, displayName: null, locale: "en", isSystemAdmin: false, roles: new Map([[orgId, "admin"]]) });
const T0 = new Date("2026-03-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe(`the events sweep: reminders, expiry and follow-up notices by the clock (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  let actors: Actor[];
  const kinds = async (i: number) => (await listNotifications(t.database.db, actors[i]!, f.eventId, f.participants[i]!.id, false)).map((n) => n.kind);
  const sweep = (asOf: Date) => sweepEvents(t.database, asOf, [f.eventId]);

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildEvent(t, { sellers: 2, buyers: 2, event: { requestExpiryMinutes: 60, reminderAfterMinutes: 30, followUpMonths: 3 } });
    actors = f.participants.map((p) => side(p.orgId));
  });
  afterAll(async () => t.close());

  it("reminds the recipient once after reminderAfterMinutes, then tells the sender once when the request expired", async () => {
    await createRequest(t.database.db, actors[0]!, f.eventId, { fromParticipantId: f.participants[0]!.id, toParticipantId: f.participants[2]!.id, priority: 2 }, at(0));
    expect(await sweep(at(29))).toMatchObject({ events: 1, reminders: 0, expired: 0, byEvent: [] });
    // Two sweeps at once (two servers, or the timer and cron) still remind once.
    const [a, b] = await Promise.all([sweep(at(31)), sweep(at(31))]);
    expect(a.reminders + b.reminders).toBe(1);
    expect(await sweep(at(45))).toMatchObject({ reminders: 0, expired: 0 });
    expect(await kinds(2)).toEqual(["request_reminder", "request_received"]);
    const expired = await sweep(at(60));
    expect(expired).toMatchObject({ reminders: 0, expired: 1, byEvent: [{ eventId: f.eventId, expired: 1 }] });
    expect((await sweep(at(90))).expired).toBe(0);
    expect(await kinds(0)).toEqual(["request_expired"]);
    const [note] = await listNotifications(t.database.db, actors[0]!, f.eventId, f.participants[0]!.id, false);
    expect(note!.label).toEqual({ ja: "商談リクエストが回答のないまま期限切れになりました", en: "Your meeting request expired unanswered" });
  });

  it("neither reminds nor tells the sender of an answered request", async () => {
    const r = await createRequest(t.database.db, actors[1]!, f.eventId, { fromParticipantId: f.participants[1]!.id, toParticipantId: f.participants[3]!.id, priority: 1 }, at(1000));
    await answerRequest(t.database.db, actors[3]!, f.eventId, r.id, "decline", at(1010));
    expect(await sweep(at(1100))).toMatchObject({ reminders: 0, expired: 0 });
  });

  it("sends the follow-up survey notices on the due day (event end + followUpMonths, event time zone), once, and not to those who answered", async () => {
    // Ends 2026-03-11 in Bangkok; due 2026-06-11 local, i.e. from 2026-06-10T17:00Z.
    await answerFollowUp(t.database.db, actors[1]!, f.eventId, f.participants[1]!.id, { contracts: 1 }, new Date("2026-04-01T00:00:00Z"));
    expect((await sweep(new Date("2026-06-10T16:59:00Z"))).followUps).toBe(0);
    expect(await sweep(new Date("2026-06-10T17:00:00Z"))).toMatchObject({ followUps: 1, byEvent: [{ followUps: 1 }] });
    // Nothing outstanding any more (requests answered or reported expired, survey sent): the event is not even looked at.
    expect(await sweep(new Date("2026-06-12T00:00:00Z"))).toMatchObject({ events: 0, followUps: 0 });
    expect(await kinds(0)).toContain("follow_up_due");
    expect(await kinds(1)).not.toContain("follow_up_due");
    expect(await kinds(2)).not.toContain("follow_up_due"); // buyers are not asked by default
  });

  it("skips cancelled events", async () => {
    const g = await buildEvent(t, { sellers: 1, buyers: 1, event: { requestExpiryMinutes: 60, reminderAfterMinutes: 30 } });
    const a = side(g.participants[0]!.orgId);
    await createRequest(t.database.db, a, g.eventId, { fromParticipantId: g.participants[0]!.id, toParticipantId: g.participants[1]!.id, priority: 2 }, at(0));
    await post(t, g.staff, `/api/events/${g.eventId}`, { status: "cancelled" }, "PATCH");
    expect(await sweepEvents(t.database, at(40), [g.eventId])).toMatchObject({ reminders: 0, expired: 0 });
    const all = await sweepEvents(t.database, at(40));
    expect(all.byEvent.map((e) => e.eventId)).not.toContain(g.eventId);
  });

  it("runs on a timer that never overlaps itself, logs what it sent, and stops cleanly", async () => {
    const lines: string[] = [];
    let clock = at(5000);
    await createRequest(t.database.db, actors[2]!, f.eventId, { fromParticipantId: f.participants[2]!.id, toParticipantId: f.participants[1]!.id, priority: 2 }, clock);
    clock = at(5031);
    const sweeper = startSweeper(t.database, 0, (line) => lines.push(line), () => clock);
    const [first, second] = [sweeper.runOnce(), sweeper.runOnce()];
    expect(first).toBe(second);
    expect((await first)!.reminders).toBeGreaterThanOrEqual(1);
    expect(lines.join("\n")).toMatch(/reminders/);
    await sweeper.stop();
  });

  it("reads RENKEI_SWEEP_SECONDS: 60 by default, 0 turns it off, anything else is named", () => {
    expect(sweepInterval({})).toBe(60);
    expect(sweepInterval({ RENKEI_SWEEP_SECONDS: "0" })).toBe(0);
    expect(sweepInterval({ RENKEI_SWEEP_SECONDS: " 15 " })).toBe(15);
    expect(() => sweepInterval({ RENKEI_SWEEP_SECONDS: "-1" })).toThrow(/RENKEI_SWEEP_SECONDS/);
    expect(() => sweepInterval({ RENKEI_SWEEP_SECONDS: "1m" })).toThrow(expect.objectContaining({ code: "validation_failed", errors: [expect.objectContaining({ path: "RENKEI_SWEEP_SECONDS", value: "1m" })] }));
  });
});
