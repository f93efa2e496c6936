import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { loadEvent } from "./event-access.ts";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { buildInstance, storedPlacements } from "./instance-builder.ts";
import { scheduleErrors } from "./scheduler/check.ts";
import { parseIcs, parseUtc, textOf } from "./scheduler/ics-parse.ts";
import { compile } from "./scheduler/model.ts";
import { solveModel } from "./scheduler/solve.ts";
import { buildEvent, get, post, type EventFixture } from "./test-fixtures.ts";

describe(`scheduling and outputs API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let f: EventFixture;
  let sellers: EventFixture["participants"];
  let buyers: EventFixture["participants"];
  const meetingIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    f = await buildEvent(t, { sellers: 4, buyers: 4, tables: ["A", "B"] });
    sellers = f.participants.slice(0, 4);
    buyers = f.participants.slice(4);
    for (const [i, s] of sellers.entries()) {
      for (const [j, b] of buyers.entries()) {
        const res = await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [s.id, b.id], priority: ((i + j) % 3) + 1 });
        if (res.statusCode !== 201) throw new Error(res.body);
        meetingIds.set(`${i}-${j}`, json(res).id);
      }
    }
  });
  afterAll(async () => t.close());

  const stored = async () => {
    const { event } = await loadEvent(t.database.db, SYSTEM_ACTOR, f.eventId);
    const built = await buildInstance(t.database.db, event);
    return { built, placements: storedPlacements(built) };
  };

  it("schedules from the database, stores feasible meetings and answers objective, bound, gap and optimality", async () => {
    expect((await post(t, undefined, `/api/events/${f.eventId}/schedule`, {})).statusCode).toBe(401);
    expect((await post(t, sellers[0]!.cookie, `/api/events/${f.eventId}/schedule`, {})).statusCode).toBe(403);
    const bad = await post(t, f.staff, `/api/events/${f.eventId}/schedule`, { method: "magic", timeLimitMs: 5 });
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["method", "timeLimitMs"]);
    const res = await post(t, f.staff, `/api/events/${f.eventId}/schedule`, { method: "exact" });
    expect(res.statusCode).toBe(200);
    const out = json(res);
    expect(out).toMatchObject({ optimal: true, gap: 0, method: "exact", revision: 1, moves: 0 });
    expect(out.meetings).toHaveLength(12);
    expect(out.unscheduled).toHaveLength(4);
    expect(out.bound).toBe(out.objective.priority);
    expect(out.meetings[0].tableName).toMatch(/^[AB]$/);
    const { built, placements } = await stored();
    expect(placements).toHaveLength(12);
    expect(scheduleErrors(compile(built.instance), placements)).toEqual([]);
    const listed = json(await get(t, f.staff, `/api/events/${f.eventId}/meetings?status=planned`));
    expect(listed.filter((m: { slot: unknown }) => m.slot)).toHaveLength(12);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}`)).scheduleRevision).toBe(1);
    const notes = json(await get(t, sellers[0]!.cookie, `/api/events/${f.eventId}/participants/${sellers[0]!.id}/notifications`));
    expect(notes.some((n: { kind: string }) => n.kind === "meeting_scheduled")).toBe(true);
  });

  it("re-validates a drag-to-move and names the conflict, then pins the meeting where it is put", async () => {
    const { placements } = await stored();
    const [first, second] = placements;
    const meeting = json(await get(t, f.staff, `/api/events/${f.eventId}/meetings/${first!.request}`));
    const partyIds = meeting.participants.map((p: { id: string }) => p.id);
    const clash = (await Promise.all(placements.filter((p) => p.slot !== first!.slot).map(async (p) => ({ p, m: json(await get(t, f.staff, `/api/events/${f.eventId}/meetings/${p.request}`)) }))))
      .find(({ m }) => m.participants.some((x: { id: string }) => partyIds.includes(x.id)));
    expect(clash).toBeDefined();
    const url = `/api/events/${f.eventId}/meetings/${first!.request}`;
    const doubled = await post(t, f.staff, url, { slotId: clash!.p.slot }, "PATCH");
    expect(doubled.statusCode).toBe(400);
    const err = json(doubled).errors.find((e: { code: string }) => e.code === "double_booked");
    expect(err.path).toBe("slotId");
    expect(err.message).toMatch(/(seller|buyer) \d+-\d+ Co/);
    const taken = await post(t, f.staff, url, { slotId: second!.slot, table: second!.table }, "PATCH");
    expect(json(taken).errors.map((e: { code: string }) => e.code)).toContain("table_taken");
    const noTable = await post(t, f.staff, url, { slotId: first!.slot, table: 3 }, "PATCH");
    expect(json(noTable).errors[0]).toMatchObject({ path: "table", code: "unknown_table" });
    const noSlot = await post(t, f.staff, url, { slotId: "00000000-0000-4000-8000-000000000000" }, "PATCH");
    expect(json(noSlot).errors[0].path).toBe("slotId");
    expect((await post(t, sellers[0]!.cookie, url, { slotId: first!.slot }, "PATCH")).statusCode).toBe(403);
    // The grid is full (12 meetings in 6 slots × 2 tables): the other table of the slot is taken too.
    const full = await post(t, f.staff, url, { slotId: first!.slot, table: first!.table === 1 ? 2 : 1 }, "PATCH");
    expect(json(full).errors[0]).toMatchObject({ path: "table", code: "table_taken" });
    const out = await post(t, f.staff, url, { slotId: null }, "PATCH");
    expect(json(out)).toMatchObject({ slot: null, fixed: false });
    const back = await post(t, f.staff, url, { slotId: first!.slot, table: first!.table }, "PATCH");
    expect(json(back)).toMatchObject({ fixed: true, table: first!.table, tableName: first!.table === 1 ? "A" : "B" });
    const again = json(await post(t, f.staff, `/api/events/${f.eventId}/schedule`, {}));
    expect(again.meetings.find((m: { meetingId: string }) => m.meetingId === first!.request)).toMatchObject({ slotId: first!.slot, table: first!.table });
  });

  it("reschedules after a cancellation and a withdrawal as well as a fresh solve, moving few meetings", async () => {
    const before = await stored();
    const mine = json(await get(t, sellers[1]!.cookie, `/api/events/${f.eventId}/meetings?participantId=${sellers[1]!.id}&status=planned`));
    const cancelled = mine.find((m: { id: string; slot: unknown }) => m.slot && m.id !== before.placements[0]!.request);
    expect((await post(t, sellers[2]!.cookie, `/api/events/${f.eventId}/meetings/${cancelled.id}/cancel`, {})).statusCode).toBe(404);
    const cancel = await post(t, sellers[1]!.cookie, `/api/events/${f.eventId}/meetings/${cancelled.id}/cancel`, { reason: "flight delayed" });
    expect(json(cancel)).toMatchObject({ status: "cancelled", cancelReason: "flight delayed" });
    expect((await post(t, sellers[1]!.cookie, `/api/events/${f.eventId}/meetings/${cancelled.id}/cancel`, {})).statusCode).toBe(409);
    await post(t, buyers[3]!.cookie, `/api/events/${f.eventId}/participants/${buyers[3]!.id}/withdraw`, {});
    const now = await stored();
    const fresh = await solveModel(compile(now.built.instance), { method: "exact" });
    const oldAt = new Map(before.placements.map((p) => [p.request, p]));
    const freshMoves = fresh.meetings.filter((m) => oldAt.has(m.request) && (oldAt.get(m.request)!.slot !== m.slot || oldAt.get(m.request)!.table !== m.table)).length;
    const res = await post(t, f.staff, `/api/events/${f.eventId}/reschedule`, { method: "exact" });
    expect(res.statusCode).toBe(200);
    const out = json(res);
    expect(out.objective).toEqual(fresh.objective);
    expect(out.moves).toBeLessThanOrEqual(freshMoves);
    expect(out.moves).toBeLessThanOrEqual(2);
    const after = await stored();
    expect(scheduleErrors(compile(after.built.instance), after.placements)).toEqual([]);
    const unchanged = after.placements.filter((p) => oldAt.get(p.request)?.slot === p.slot && oldAt.get(p.request)?.table === p.table);
    expect(unchanged.length).toBeGreaterThanOrEqual(after.placements.length - out.changes.placed.length - out.moves);
    expect((await post(t, buyers[0]!.cookie, `/api/events/${f.eventId}/reschedule`, {})).statusCode).toBe(403);
    expect(json(await post(t, f.staff, `/api/events/${f.eventId}/reschedule`, { pinExisting: "yes" })).errors[0].path).toBe("pinExisting");
  });

  it("refuses an organiser-made meeting fixed where it conflicts, writing nothing", async () => {
    const { placements } = await stored();
    const [p0] = placements;
    const m = json(await get(t, f.staff, `/api/events/${f.eventId}/meetings/${p0!.request}`));
    const seller = m.participants.find((x: { participantType: string }) => x.participantType === "seller");
    const newcomer = json(await post(t, f.staff, `/api/events/${f.eventId}/participants`, { name: "Late Buyer", participantType: "buyer" }));
    const count = json(await get(t, f.staff, `/api/events/${f.eventId}/meetings`)).length;
    const res = await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [seller.id, newcomer.id], slotId: p0!.slot });
    expect(res.statusCode).toBe(400);
    expect(json(res).errors.map((e: { code: string }) => e.code)).toContain("double_booked");
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/meetings`))).toHaveLength(count);
    const dup = await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [m.participants[0].id, m.participants[1].id] });
    expect(dup.statusCode).toBe(409);
    const same = await post(t, f.staff, `/api/events/${f.eventId}/meetings`, { participantIds: [seller.id, seller.id], table: 1 });
    expect(json(same).errors.map((e: { path: string }) => e.path).sort()).toEqual(["participantIds[1]", "table"]);
    expect((await post(t, sellers[0]!.cookie, `/api/events/${f.eventId}/meetings`, { participantIds: [seller.id, newcomer.id] })).statusCode).toBe(403);
  });

  it("gives personal agendas as JSON and iCalendar that parse back, and the whole event to the organisers", async () => {
    const s = sellers[0]!;
    const agenda = json(await get(t, s.cookie, `/api/events/${f.eventId}/participants/${s.id}/agenda`));
    expect(agenda.participant.id).toBe(s.id);
    expect(agenda.meetings.length).toBeGreaterThan(0);
    expect(agenda.meetings[0].slot.startsAt).toMatch(/\+07:00$/);
    expect(agenda.meetings[0].with.orgNameEn).toMatch(/buyer/);
    const starts = agenda.meetings.map((m: { slot: { startsAt: string } }) => Date.parse(m.slot.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect((await get(t, sellers[1]!.cookie, `/api/events/${f.eventId}/participants/${s.id}/agenda`)).statusCode).toBe(404);
    expect((await get(t, undefined, `/api/events/${f.eventId}/participants/${s.id}/agenda`)).statusCode).toBe(401);

    const ics = await get(t, s.cookie, `/api/events/${f.eventId}/participants/${s.id}/agenda.ics?lang=ja`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    const [cal] = parseIcs(ics.body);
    const vevents = cal!.components.filter((c) => c.name === "VEVENT");
    expect(vevents).toHaveLength(agenda.meetings.length);
    const first = vevents.find((v) => textOf(v, "UID")!.startsWith(`${f.eventId}-${agenda.meetings[0].meetingId}`))!;
    expect(parseUtc(textOf(first, "DTSTART")!).getTime()).toBe(Date.parse(agenda.meetings[0].slot.startsAt));
    expect(textOf(first, "SUMMARY")).toContain("との商談");
    expect(textOf(first, "LOCATION")).toMatch(/クイーン・シリキット国際会議場, テーブル [AB]/);
    expect(textOf(first, "SEQUENCE")).toBe(String(json(await get(t, f.staff, `/api/events/${f.eventId}`)).scheduleRevision));

    expect((await get(t, sellers[1]!.cookie, `/api/events/${f.eventId}/participants/${s.id}/agenda.ics`)).statusCode).toBe(404);
    expect(json(await get(t, s.cookie, `/api/events/${f.eventId}/participants/${s.id}/agenda.ics?lang=fr`)).errors[0].path).toBe("query.lang");
    const all = await get(t, f.staff, `/api/events/${f.eventId}/agenda.ics`);
    const events = parseIcs(all.body)[0]!.components.filter((c) => c.name === "VEVENT");
    expect(events.length).toBe(json(await get(t, f.staff, `/api/events/${f.eventId}/grid`)).rows.flatMap((r: { cells: unknown[] }) => r.cells.filter(Boolean)).length);
    expect(textOf(events[0]!, "SUMMARY")).toMatch(/^Meeting: /);
    expect((await get(t, s.cookie, `/api/events/${f.eventId}/agenda.ics`)).statusCode).toBe(403);
  });

  it("schedules an event with nothing to place, and answers 400 naming the problem when the event cannot be scheduled", async () => {
    const empty = await buildEvent(t, { tables: ["A"] });
    const none = json(await post(t, empty.staff, `/api/events/${empty.eventId}/schedule`, {}));
    expect(none).toMatchObject({ meetings: [], unscheduled: [], objective: { priority: 0, unmetParticipants: 0 }, revision: 1 });
    await post(t, empty.staff, `/api/events/${empty.eventId}/slots`, { startsAt: "2026-03-11T10:00:00+07:00", endsAt: "2026-03-11T10:20:00+07:00", tables: 2 });
    const res = await post(t, empty.staff, `/api/events/${empty.eventId}/schedule`, {});
    expect(res.statusCode).toBe(400);
    expect(json(res).errors[0]).toMatchObject({ code: "too_many_tables" });
    expect(json(res).detail).toContain("cannot be scheduled");
  });

  it("gives the organisers the grid, the participant list and badges as XLSX, and the report", async () => {
    const grid = json(await get(t, f.staff, `/api/events/${f.eventId}/grid`));
    expect(grid.tables).toEqual([{ number: 1, name: "A" }, { number: 2, name: "B" }]);
    expect(grid.rows).toHaveLength(6);
    expect(grid.rows[0].cells).toHaveLength(2);
    expect((await get(t, sellers[0]!.cookie, `/api/events/${f.eventId}/grid`)).statusCode).toBe(403);

    const xlsx = await get(t, f.staff, `/api/events/${f.eventId}/participants.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["参加者 Participants", "名札 Badges"]);
    expect(book.worksheets[0]!.rowCount).toBe(1 + 9);
    const emails = book.worksheets[0]!.getColumn(7).values.map(String);
    expect(emails.filter((e) => e.endsWith("@example.jp"))).toHaveLength(8);
    expect((await get(t, sellers[0]!.cookie, `/api/events/${f.eventId}/participants.xlsx`)).statusCode).toBe(403);

    const report = json(await get(t, f.staff, `/api/events/${f.eventId}/report`));
    expect(report.participants.seller.approved).toBe(4);
    expect(report.participants.buyer.withdrawn).toBe(1);
    expect(report.meetings.cancelled).toBeGreaterThanOrEqual(4);
    expect(report.schedule).toMatchObject({ method: "exact" });
    expect((await get(t, buyers[0]!.cookie, `/api/events/${f.eventId}/report`)).statusCode).toBe(403);
    const stranger = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
    expect((await get(t, stranger, `/api/events/${f.eventId}/report`)).statusCode).toBe(403);
    expect((await get(t, stranger, `/api/events/${f.eventId}/meetings`)).statusCode).toBe(403);
    expect(json(await get(t, f.staff, `/api/events/${f.eventId}/meetings?status=lost`)).errors[0].path).toBe("query.status");
  });
});
