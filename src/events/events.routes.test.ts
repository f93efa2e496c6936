import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { buildEvent, get, metricKpi, post } from "./test-fixtures.ts";

describe(`events API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let prefId: string;
  let staff: string;
  let viewer: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    prefId = (await buildOrganisation(t.database.db, { kind: "municipality", nameJa: "試験市", nameEn: "Shiken City" })).id;
    staff = await t.signInAs("staff", prefId);
    viewer = await t.signInAs("viewer", prefId);
    other = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
  });
  afterAll(async () => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    ownerOrgId: prefId,
    kind: "business_mission",
    nameJa: "試験県タイ経済ミッション",
    nameEn: "Shiken Thailand Business Mission",
    startsOn: "2026-05-12",
    endsOn: "2026-05-14",
    timeZone: "Asia/Bangkok",
    venueEn: "Bangkok",
    country: "TH",
    ...over,
  });
  const count = async (q: string) => json(await get(t, staff, `/api/events?q=${encodeURIComponent(q)}`)).total as number;

  it("creates an event, lists it publicly, finds it in Japanese and English, and lists the owner as lead organiser", async () => {
    const res = await post(t, staff, "/api/events", body({ tables: ["A1", "A2", "B1"], participantCaps: { seller: 10 } }));
    expect(res.statusCode).toBe(201);
    const event = json(res);
    expect(event).toMatchObject({ kind: "business_mission", timeZone: "Asia/Bangkok", tables: { count: 3, names: ["A1", "A2", "B1"] }, participantCaps: { seller: 10 }, status: "planned" });
    expect(event.organisers).toEqual([expect.objectContaining({ orgId: prefId, role: "lead", nameEn: "Shiken City" })]);
    expect(event.you).toEqual({ canManage: true, participantIds: [] });
    const anon = json(await get(t, undefined, "/api/events?kind=business_mission"));
    expect(anon.items.map((e: { id: string }) => e.id)).toContain(event.id);
    expect(anon.items[0].you.canManage).toBe(false);
    for (const q of ["タイ", "thailand", "ミッション"]) expect(await count(q), q).toBeGreaterThan(0);
    expect(json(await get(t, undefined, "/api/events?from=2026-05-15")).items.map((e: { id: string }) => e.id)).not.toContain(event.id);
    expect((await get(t, undefined, `/api/events/${event.id}`)).statusCode).toBe(200);
  });

  it("names every invalid field and writes nothing", async () => {
    const before = await count("Invalid");
    const res = await post(t, staff, "/api/events", body({ nameEn: "Invalid", timeZone: "+07:00", endsOn: "2026-05-01", requestExpiryMinutes: 60, reminderAfterMinutes: 60, colour: "red" }));
    expect(res.statusCode).toBe(400);
    const paths = json(res).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["timeZone", "endsOn", "reminderAfterMinutes", "colour"]));
    const missing = await post(t, staff, "/api/events", body({ nameEn: "Invalid", organisers: [{ orgId: "00000000-0000-4000-8000-000000000000", role: "partner" }] }));
    expect(missing.statusCode).toBe(400);
    expect(json(missing).errors[0].path).toBe("organisers[0].orgId");
    const foreignOffice = await buildOffice(t.database.db);
    const office = await post(t, staff, "/api/events", body({ nameEn: "Invalid", officeId: foreignOffice.id }));
    expect(json(office).errors[0].path).toBe("officeId");
    expect(await count("Invalid")).toBe(before);
  });

  it("refuses anonymous writes (401) and other organisations (403), hides confidential events, shows shared ones to partners", async () => {
    expect((await post(t, undefined, "/api/events", body())).statusCode).toBe(401);
    expect((await post(t, other, "/api/events", body())).statusCode).toBe(403);
    expect((await post(t, viewer, "/api/events", body())).statusCode).toBe(403);
    const partner = await buildOrganisation(t.database.db, { kind: "regional_bank" });
    const partnerCookie = await t.signInAs("viewer", partner.id);
    const secret = json(await post(t, staff, "/api/events", body({ nameEn: "Secret planning", visibility: "confidential" })));
    const shared = json(await post(t, staff, "/api/events", body({ nameEn: "Shared planning", visibility: "shared", sharedWith: [partner.id] })));
    const ids = async (cookie?: string) => json(await get(t, cookie, "/api/events?limit=200")).items.map((e: { id: string }) => e.id);
    expect(await ids()).not.toContain(secret.id);
    expect(await ids(other)).not.toContain(shared.id);
    expect(await ids(partnerCookie)).toContain(shared.id);
    expect(await ids(partnerCookie)).not.toContain(secret.id);
    expect(await ids(viewer)).toEqual(expect.arrayContaining([secret.id, shared.id]));
    expect((await get(t, undefined, `/api/events/${secret.id}`)).statusCode).toBe(404);
    expect((await get(t, other, `/api/events/${secret.id}/sessions`)).statusCode).toBe(404);
    expect((await post(t, other, `/api/events/${secret.id}`, { nameEn: "x" }, "PATCH")).statusCode).toBe(404);
  });

  it("lets co-organisers' staff manage, but only the owner change organisers, visibility or delete", async () => {
    const jetro = await buildOrganisation(t.database.db, { kind: "national_agency", nameJa: "日本貿易振興機構", nameEn: "JETRO" });
    const jetroStaff = await t.signInAs("staff", jetro.id);
    const event = json(await post(t, staff, "/api/events", body({ nameEn: "Joint fair", organisers: [{ orgId: jetro.id, role: "co_organiser" }] })));
    expect(event.organisers.map((o: { role: string }) => o.role).sort()).toEqual(["co_organiser", "lead"]);
    const patch = await post(t, jetroStaff, `/api/events/${event.id}`, { status: "registration_open", requestExpiryMinutes: 720, reminderAfterMinutes: 240 }, "PATCH");
    expect(patch.statusCode).toBe(200);
    expect(json(patch)).toMatchObject({ status: "registration_open", requestExpiryMinutes: 720, you: { canManage: true } });
    const vis = await post(t, jetroStaff, `/api/events/${event.id}`, { visibility: "confidential" }, "PATCH");
    expect(vis.statusCode).toBe(403);
    expect(json(vis).errors[0].path).toBe("visibility");
    const badReminder = await post(t, staff, `/api/events/${event.id}`, { reminderAfterMinutes: 720 }, "PATCH");
    expect(json(badReminder).errors[0].path).toBe("reminderAfterMinutes");
    expect((await t.app.inject({ method: "DELETE", url: `/api/events/${event.id}`, headers: { cookie: jetroStaff } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/events/${event.id}`, headers: { cookie: staff } })).statusCode).toBe(204);
    expect((await get(t, staff, `/api/events/${event.id}`)).statusCode).toBe(404);
  });

  it("generates a session's slots in the event's time zone, refuses overlaps in one room and times outside the event", async () => {
    const f = await buildEvent(t);
    const slots = json(await get(t, undefined, `/api/events/${f.eventId}/slots`));
    expect(slots).toHaveLength(6);
    expect(slots[0]).toMatchObject({ startsAt: "2026-03-10T10:00:00+07:00", endsAt: "2026-03-10T10:20:00+07:00", room: null });
    const sessions = json(await get(t, undefined, `/api/events/${f.eventId}/sessions`));
    expect(sessions[0]).toMatchObject({ nameEn: "Morning", slotCount: 6, startsAt: "2026-03-10T10:00:00+07:00" });
    const overlap = await post(t, f.staff, `/api/events/${f.eventId}/slots`, { startsAt: "2026-03-10T03:10:00Z", endsAt: "2026-03-10T03:30:00Z" });
    expect(overlap.statusCode).toBe(409);
    expect(json(overlap).errors[0]).toMatchObject({ path: "startsAt", code: "overlap" });
    const otherRoom = await post(t, f.staff, `/api/events/${f.eventId}/slots`, { startsAt: "2026-03-10T03:10:00Z", endsAt: "2026-03-10T03:30:00Z", room: "Hall B", tables: 2 });
    expect(otherRoom.statusCode).toBe(201);
    expect(json(otherRoom)).toMatchObject({ startsAt: "2026-03-10T10:10:00+07:00", room: "Hall B", tables: 2 });
    const outside = await post(t, f.staff, `/api/events/${f.eventId}/sessions`, { nameJa: "前日", nameEn: "Eve", startsAt: "2026-03-09T10:00:00+07:00", endsAt: "2026-03-09T11:00:00+07:00" });
    expect(outside.statusCode).toBe(400);
    expect(json(outside).errors.map((e: { path: string }) => e.path)).toEqual(["startsAt", "endsAt"]);
    const short = await post(t, f.staff, `/api/events/${f.eventId}/sessions`, { nameJa: "短い", nameEn: "Short", startsAt: "2026-03-11T10:00:00+07:00", endsAt: "2026-03-11T10:10:00+07:00" });
    expect(json(short).errors[0].path).toBe("endsAt");
    const noOffset = await post(t, f.staff, `/api/events/${f.eventId}/slots`, { startsAt: "2026-03-11T10:00:00", endsAt: "2026-03-11T10:20:00" });
    expect(json(noOffset).errors.map((e: { path: string }) => e.path)).toEqual(["startsAt", "endsAt"]);
    const unknownSession = await post(t, f.staff, `/api/events/${f.eventId}/slots`, { startsAt: "2026-03-11T10:00:00+07:00", endsAt: "2026-03-11T10:20:00+07:00", sessionId: "00000000-0000-4000-8000-000000000000" });
    expect(json(unknownSession).errors[0].path).toBe("sessionId");
    expect((await post(t, other, `/api/events/${f.eventId}/slots`, { startsAt: "2026-03-11T10:00:00+07:00", endsAt: "2026-03-11T10:20:00+07:00" })).statusCode).toBe(403);
    expect((await post(t, undefined, `/api/events/${f.eventId}/sessions`, {})).statusCode).toBe(401);
    expect((await t.app.inject({ method: "DELETE", url: `/api/events/${f.eventId}/sessions/${sessions[0].id}`, headers: { cookie: other } })).statusCode).toBe(403);
    const del = await t.app.inject({ method: "DELETE", url: `/api/events/${f.eventId}/sessions/${sessions[0].id}`, headers: { cookie: f.staff } });
    expect(del.statusCode).toBe(204);
    expect(json(await get(t, undefined, `/api/events/${f.eventId}/slots`))).toHaveLength(1);
    expect((await t.app.inject({ method: "DELETE", url: `/api/events/${f.eventId}/slots/${json(otherRoom).id}`, headers: { cookie: other } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/events/${f.eventId}/slots/${json(otherRoom).id}`, headers: { cookie: f.staff } })).statusCode).toBe(204);
  });

  it("feeds events_held to the organisers' KPIs when the event is held, and takes it back when undone", async () => {
    const f = await buildEvent(t);
    const read = await metricKpi(t, f.staff, f.ownerId, "events_held");
    await post(t, f.staff, `/api/events/${f.eventId}`, { status: "held" }, "PATCH");
    expect(await read("2026")).toBe(1);
    await post(t, f.staff, `/api/events/${f.eventId}`, { status: "registration_closed" }, "PATCH");
    expect(await read("2026")).toBe(0);
  });
});
