/**
 * @module events/test-fixtures
 * Builders for the events tests: an event owned by a prefecture, created through the API by its staff,
 * with a session of generated slots and participants linked to registry companies. Each call creates its
 * own organisations, so tests stay independent.
 */
import type { LightMyRequestResponse } from "fastify";
import { buildOrganisation, json, type TestApp } from "../test/factories.ts";

export interface EventFixture {
  eventId: string;
  ownerId: string;
  /** Staff of the owner: manages the event. */
  staff: string;
  slotIds: string[];
  participants: { id: string; orgId: string; cookie: string }[];
}

let counter = 0;

export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

export async function post(t: TestApp, cookie: string | undefined, url: string, payload: unknown, method: "POST" | "PATCH" | "PUT" = "POST") {
  return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, payload: payload as object });
}

export async function get(t: TestApp, cookie: string | undefined, url: string) {
  return t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
}

/**
 * An event in Bangkok (Asia/Bangkok, +07:00) on 2026-03-10/11 with `tables` tables, a morning session
 * 10:00–12:00 of 20-minute slots (6 slots), and `sellers` + `buyers` approved participants, each a
 * company whose admin answers for it.
 */
export async function buildEvent(
  t: TestApp,
  opts: { sellers?: number; buyers?: number; tables?: number | string[]; event?: Record<string, unknown> } = {},
): Promise<EventFixture> {
  counter++;
  const owner = await buildOrganisation(t.database.db, { kind: "municipality", nameJa: `試験市${counter}`, nameEn: `Test City ${counter}` });
  const staff = await t.signInAs("staff", owner.id);
  const event = json(
    expectStatus(
      await post(t, staff, "/api/events", {
        ownerOrgId: owner.id,
        kind: "trade_fair",
        nameJa: `バンコク商談会${counter}`,
        nameEn: `Bangkok Business Meetings ${counter}`,
        startsOn: "2026-03-10",
        endsOn: "2026-03-11",
        timeZone: "Asia/Bangkok",
        venueEn: "Queen Sirikit Convention Centre",
        venueJa: "クイーン・シリキット国際会議場",
        country: "TH",
        tables: opts.tables ?? 3,
        ...opts.event,
      }),
      201,
    ),
  );
  expectStatus(
    await post(t, staff, `/api/events/${event.id}/sessions`, {
      nameJa: "午前の部",
      nameEn: "Morning",
      startsAt: "2026-03-10T10:00:00+07:00",
      endsAt: "2026-03-10T12:00:00+07:00",
    }),
    201,
  );
  const slotIds = json(await get(t, staff, `/api/events/${event.id}/slots`)).map((s: { id: string }) => s.id);
  const participants: EventFixture["participants"] = [];
  const add = async (type: "seller" | "buyer", i: number) => {
    const company = await buildOrganisation(t.database.db, { kind: "company", nameJa: `${type}${counter}-${i}株式会社`, nameEn: `${type} ${counter}-${i} Co`, country: type === "seller" ? "JP" : "TH" });
    const res = expectStatus(await post(t, staff, `/api/events/${event.id}/participants`, { orgId: company.id, participantType: type, contactEmail: `${type}${counter}-${i}@example.jp` }), 201);
    participants.push({ id: json(res).id, orgId: company.id, cookie: await t.signInAs("admin", company.id) });
  };
  for (let i = 0; i < (opts.sellers ?? 0); i++) await add("seller", i);
  for (let i = 0; i < (opts.buyers ?? 0); i++) await add("buyer", i);
  return { eventId: event.id, ownerId: owner.id, staff, slotIds, participants };
}

/** A KPI of the organisation counting `metric` (organisation-wide, by calendar year); returns a reader of its values. */
export async function metricKpi(t: TestApp, cookie: string, ownerOrgId: string, metric: string, unit = "count") {
  const res = expectStatus(
    await post(t, cookie, "/api/kpis", { ownerOrgId, nameJa: `指標 ${metric}`, nameEn: `KPI ${metric} ${++counter}`, level: "output", horizon: "short", unit, metric }),
    201,
  );
  const id = json(res).id as string;
  return async (period: string): Promise<number | undefined> =>
    json(await get(t, cookie, `/api/kpis/${id}/measurements`)).find((m: { period: string }) => m.period === period)?.value;
}
