import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { createTie } from "../registry/ties.service.ts";
import type { TTieCreate } from "../registry/registry.schema.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`ties over their lifetime API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let cityId: string;
  let staff: string;
  let other: string;
  let viewer: string;

  const tie = (over: Partial<TTieCreate> & { aOrgId: string; bOrgId: string }) =>
    createTie(t.database.db, SYSTEM_ACTOR, { kind: "sister_city", purposes: ["cultural"], visibility: "public", sharedWith: [], unverified: false, ...over });
  const foreign = (nameEn: string, country = "KR") => buildOrganisation(t.database.db, { kind: "foreign_city", nameJa: nameEn, nameEn, country });
  const post = (url: string, payload: unknown, cookie = staff) => t.app.inject({ method: "POST", url, headers: { cookie }, payload: payload as object });

  beforeAll(async () => {
    t = await createTestApp();
    const city = await buildOrganisation(t.database.db, { kind: "municipality", nameJa: "試験市", nameEn: "Shiken City" });
    cityId = city.id;
    staff = await t.signInAs("staff", cityId);
    viewer = await t.signInAs("viewer", cityId);
    other = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
  });
  afterAll(async () => t.close());

  it("walks a tie through proposed → signed (with signatories) → active → dormant → active → ended, keeping since and until in step", async () => {
    const partner = await foreign("Busan");
    const { id } = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId });
    expect(json(await t.app.inject({ method: "GET", url: `/api/ties/${id}/history` })).nextStates.map((n: { state: string }) => n.state)).toEqual(["proposed", "signed", "active"]);

    expect((await post(`/api/ties/${id}/events`, { state: "proposed", date: "1988-04-01" })).statusCode).toBe(201);
    const signed = await post(`/api/ties/${id}/events`, { state: "signed", date: "1989-08-08", reason: "agreement_signed", signatories: ["Mayor of Shiken City", "Mayor of Busan"] });
    expect(signed.statusCode).toBe(201);
    expect(json(signed).events[1]).toMatchObject({ state: "signed", signatories: ["Mayor of Shiken City", "Mayor of Busan"], reasonLabel: { ja: "協定締結" } });
    await post(`/api/ties/${id}/events`, { state: "active", date: "1990-01-10" });
    await post(`/api/ties/${id}/events`, { state: "dormant", date: "2009-04-01", reason: "leadership_change", note: "new mayor" });
    await post(`/api/ties/${id}/events`, { state: "active", date: "2015-05-01", reason: "exchange_resumed" });
    const ended = json(await post(`/api/ties/${id}/events`, { state: "ended", date: "2021-03-31", reason: "budget_cut" }));
    expect(ended.tie).toMatchObject({ state: "ended", since: "1989-08-08", until: "2021-03-31" });
    expect(ended.stateLabel).toEqual({ ja: "終了", en: "Ended" });
    expect(ended.nextStates).toEqual([]);
    const registry = json(await t.app.inject({ method: "GET", url: `/api/ties/${id}` }));
    expect(registry).toMatchObject({ since: "1989-08-08", until: "2021-03-31" });
  });

  it("names what is wrong with a change of state and writes nothing", async () => {
    const partner = await foreign("Incheon");
    const { id } = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId });
    await post(`/api/ties/${id}/events`, { state: "active", date: "2010-01-01" });
    const noReason = await post(`/api/ties/${id}/events`, { state: "dormant", date: "2012-01-01" });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).errors).toEqual([expect.objectContaining({ path: "reason", code: "required" })]);
    const jump = await post(`/api/ties/${id}/events`, { state: "signed", date: "2009-01-01", reason: "purpose_achieved", signatories: [] });
    expect(json(jump).errors.map((e: { path: string }) => e.path).sort()).toEqual(["date", "reason", "state"]);
    const badBody = await post(`/api/ties/${id}/events`, { state: "asleep", date: "2012-02-30", colour: "red" });
    expect(json(badBody).errors.map((e: { path: string }) => e.path).sort()).toEqual(["colour", "date", "state"]);
    const signatories = await post(`/api/ties/${id}/events`, { state: "ended", date: "2013-01-01", reason: "budget_cut", signatories: ["Mayor"] });
    expect(json(signatories).errors[0].path).toBe("signatories");
    expect(json(await t.app.inject({ method: "GET", url: `/api/ties/${id}/history` })).events).toHaveLength(1);
  });

  it("removes only the latest event, and refuses writes from anonymous visitors, viewers and other organisations", async () => {
    const partner = await foreign("Daegu");
    const { id } = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId });
    const first = json(await post(`/api/ties/${id}/events`, { state: "signed", date: "2001-01-01" })).events[0].id;
    const second = json(await post(`/api/ties/${id}/events`, { state: "ended", date: "2005-01-01", reason: "mutual_decision" })).events[1].id;
    const notLast = await t.app.inject({ method: "DELETE", url: `/api/ties/${id}/events/${first}`, headers: { cookie: staff } });
    expect(notLast.statusCode).toBe(409);
    const undo = await t.app.inject({ method: "DELETE", url: `/api/ties/${id}/events/${second}`, headers: { cookie: staff } });
    expect(undo.statusCode).toBe(200);
    expect(json(undo).tie).toMatchObject({ state: "signed", until: null });

    expect((await t.app.inject({ method: "POST", url: `/api/ties/${id}/events`, payload: { state: "active", date: "2006-01-01" } })).statusCode).toBe(401);
    expect((await post(`/api/ties/${id}/events`, { state: "active", date: "2006-01-01" }, viewer)).statusCode).toBe(403);
    expect((await post(`/api/ties/${id}/events`, { state: "active", date: "2006-01-01" }, other)).statusCode).toBe(403);

    const secret = await tie({ aOrgId: cityId, bOrgId: (await foreign("Ulsan")).id, ownerOrgId: cityId, visibility: "confidential" });
    expect((await t.app.inject({ method: "GET", url: `/api/ties/${secret.id}/history` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/ties/${secret.id}/history`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/ties/${secret.id}/history`, headers: { cookie: viewer } })).statusCode).toBe(200);
  });

  it("upgrades a sister city into a business partner city and keeps the lineage", async () => {
    const partner = await foreign("Gwangju");
    const network = await buildOrganisation(t.database.db, { kind: "network", nameJa: "都市ネット", nameEn: "City Net", country: "GB" });
    const { id } = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId });
    const sameKind = await post(`/api/ties/${id}/upgrade`, { kind: "sister_city", date: "2010-04-01" });
    expect(json(sameKind).errors.map((e: { path: string }) => e.path)).toEqual(["(tie)", "kind"]);
    await post(`/api/ties/${id}/events`, { state: "active", date: "1995-01-01" });

    const activeWithSignatories = await post(`/api/ties/${id}/upgrade`, { kind: "business_partner", date: "2010-04-01", state: "active", signatories: ["Mayor"] });
    expect(json(activeWithSignatories).errors.map((e: { path: string }) => e.path)).toEqual(["signatories"]);
    const self = await post(`/api/ties/${id}/upgrade`, { kind: "business_partner", date: "2010-04-01", bOrgId: cityId });
    expect(json(self).errors[0].path).toBe("bOrgId");
    const up = await post(`/api/ties/${id}/upgrade`, { kind: "business_partner", date: "2010-04-01", purposes: ["economic"], signatories: ["Mayor of Shiken City"] });
    expect(up.statusCode).toBe(201);
    const { superseded, successor } = json(up);
    expect(superseded.events.at(-1)).toMatchObject({ state: "ended", reason: "superseded", date: "2010-04-01" });
    expect(successor.tie).toMatchObject({ kind: "business_partner", since: "2010-04-01", state: "signed", supersedesTieId: id });
    expect(successor.events[0]).toMatchObject({ reason: "upgraded_from", signatories: ["Mayor of Shiken City"] });
    expect(superseded.supersededBy.map((s: { id: string }) => s.id)).toEqual([successor.tie.id]);
    expect(superseded.events.at(-1)).toMatchObject({ state: "ended", note: `superseded by ${successor.tie.id}` });

    const again = await post(`/api/ties/${id}/upgrade`, { kind: "partnership", date: "2011-01-01" });
    expect(again.statusCode).toBe(400);
    expect(json(again).errors[0].path).toBe("(tie)");

    const memberRes = await post(`/api/ties/${successor.tie.id}/upgrade`, { kind: "network_membership", date: "2018-06-01", bOrgId: network.id, role: "member" });
    expect(memberRes.statusCode, memberRes.body).toBe(201);
    const member = json(memberRes);
    const lineage = json(await t.app.inject({ method: "GET", url: `/api/ties/${member.successor.tie.id}/lineage` }));
    expect(lineage.chain.map((s: { kind: string }) => s.kind)).toEqual(["sister_city", "business_partner", "network_membership"]);
    const fromRoot = json(await t.app.inject({ method: "GET", url: `/api/ties/${id}/lineage` }));
    expect(fromRoot.descendants.map((s: { kind: string }) => s.kind)).toEqual(["business_partner", "network_membership"]);
    expect(member.successor.tie).toMatchObject({ bOrgId: network.id, bName: { en: "City Net" } });
  });

  it("links existing ties only when lineageIssues find the lineage consistent", async () => {
    const partner = await foreign("Suwon");
    const old = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId, since: "1990" });
    const next = await tie({ aOrgId: cityId, bOrgId: partner.id, ownerOrgId: cityId, kind: "friendship", since: "2000-01-01" });
    await post(`/api/ties/${old.id}/events`, { state: "active", date: "1990-01-01" });
    await post(`/api/ties/${next.id}/events`, { state: "signed", date: "2000-01-01", reason: "upgraded_from" });
    const notEnded = await t.app.inject({ method: "PUT", url: `/api/ties/${next.id}/supersedes`, headers: { cookie: staff }, payload: { supersedesTieId: old.id } });
    expect(notEnded.statusCode).toBe(400);
    expect(json(notEnded).errors[0]).toMatchObject({ path: "supersedesTieId", message: expect.stringContaining("did not end as superseded") });
    await post(`/api/ties/${old.id}/events`, { state: "ended", date: "1999-12-31", reason: "superseded" });
    const wrongDay = await t.app.inject({ method: "PUT", url: `/api/ties/${next.id}/supersedes`, headers: { cookie: staff }, payload: { supersedesTieId: old.id } });
    expect(json(wrongDay).errors[0].message).toContain("ended on 1999-12-31");
    const self = await t.app.inject({ method: "PUT", url: `/api/ties/${next.id}/supersedes`, headers: { cookie: staff }, payload: { supersedesTieId: next.id } });
    expect(json(self).errors[0].path).toBe("supersedesTieId");
    expect(json(await t.app.inject({ method: "GET", url: `/api/ties/${next.id}/history` })).tie.supersedesTieId).toBeNull();

    const wrong = json(await t.app.inject({ method: "GET", url: `/api/ties/${old.id}/history` })).events.at(-1).id;
    await t.app.inject({ method: "DELETE", url: `/api/ties/${old.id}/events/${wrong}`, headers: { cookie: staff } });
    await post(`/api/ties/${old.id}/events`, { state: "ended", date: "2000-01-01", reason: "superseded" });
    const linked = await t.app.inject({ method: "PUT", url: `/api/ties/${next.id}/supersedes`, headers: { cookie: staff }, payload: { supersedesTieId: old.id } });
    expect(linked.statusCode).toBe(200);
    expect(json(linked).supersedes).toMatchObject({ id: old.id, kind: "sister_city", state: "ended" });
    const cycle = await t.app.inject({ method: "PUT", url: `/api/ties/${old.id}/supersedes`, headers: { cookie: staff }, payload: { supersedesTieId: next.id } });
    expect(json(cycle).errors.map((e: { message: string }) => e.message).join(" ")).toContain("cycle");
    const lastOfOld = json(await t.app.inject({ method: "GET", url: `/api/ties/${old.id}/history` })).events.at(-1).id;
    const guarded = await t.app.inject({ method: "DELETE", url: `/api/ties/${old.id}/events/${lastOfOld}`, headers: { cookie: staff } });
    expect(guarded.statusCode).toBe(409);
  });

  it("records activities and outcomes per year and raises lapse alerts after the configured months", async () => {
    const quiet = await tie({ aOrgId: cityId, bOrgId: (await foreign("Chiang Mai", "TH")).id, ownerOrgId: cityId });
    const busy = await tie({ aOrgId: cityId, bOrgId: (await foreign("Hue", "VN")).id, ownerOrgId: cityId });
    const imported = await tie({ aOrgId: (await foreign("Dalian", "CN")).id, bOrgId: cityId, ownerOrgId: cityId, since: "2015" });
    await post(`/api/ties/${quiet.id}/events`, { state: "active", date: "2018-01-15" });
    await post(`/api/ties/${busy.id}/events`, { state: "active", date: "2018-01-15" });
    const a1 = await post(`/api/ties/${busy.id}/activities`, { on: "2022-11", kind: "delegation_visit", titleEn: "Mayor's visit", outcomesJa: "観光協定の締結", participants: 12 });
    expect(a1.statusCode).toBe(201);
    await post(`/api/ties/${busy.id}/activities`, { on: "2022-03-01", kind: "exchange_programme", titleJa: "高校生交流" });
    await post(`/api/ties/${quiet.id}/activities`, { on: "2019-06-01", kind: "event", titleEn: "Festival booth" });
    const badActivity = await post(`/api/ties/${busy.id}/activities`, { on: "2022-13", kind: "party" });
    expect(json(badActivity).errors.map((e: { path: string }) => e.path).sort()).toEqual(["kind", "on"]);
    const noTitle = await post(`/api/ties/${busy.id}/activities`, { on: "2022", kind: "other" });
    expect(json(noTitle).errors[0].path).toBe("titleJa");

    const list = json(await t.app.inject({ method: "GET", url: `/api/ties/${busy.id}/activities` }));
    expect(list.items.map((a: { on: string }) => a.on)).toEqual(["2022-03-01", "2022-11"]);
    expect(list.byYear).toEqual([{ year: 2022, activities: 2, withOutcomes: 1, byKind: { delegation_visit: 1, exchange_programme: 1 } }]);
    const patched = await t.app.inject({ method: "PATCH", url: `/api/ties/${busy.id}/activities/${json(a1).id}`, headers: { cookie: staff }, payload: { on: "2023-01-20" } });
    expect(json(patched)).toMatchObject({ year: 2023, on: "2023-01-20" });

    const alerts = async (q: string) => json(await t.app.inject({ method: "GET", url: `/api/networks/lapse-alerts?orgId=${cityId}&${q}` }));
    const at2024 = await alerts("asOf=2024-07-01&months=24");
    const ids = at2024.alerts.map((a: { tie: { id: string } }) => a.tie.id);
    expect(ids).toContain(quiet.id);
    expect(ids).toContain(imported.id);
    expect(ids).not.toContain(busy.id);
    const q = at2024.alerts.find((a: { tie: { id: string } }) => a.tie.id === quiet.id);
    expect(q).toMatchObject({ lastActivity: "2019-06-01", since: "2019-06-01", lapsedOn: "2021-06-01", monthsInactive: 61, inferredHistory: false, partner: { name: { en: "Chiang Mai" } } });
    expect(at2024.alerts.find((a: { tie: { id: string } }) => a.tie.id === imported.id)).toMatchObject({ inferredHistory: true, since: "2015-01-01" });
    expect((await alerts("asOf=2024-07-01&months=12")).alerts.map((a: { tie: { id: string } }) => a.tie.id)).toContain(busy.id);
    const bad = await t.app.inject({ method: "GET", url: `/api/networks/lapse-alerts?orgId=${cityId}&asOf=2024-02-30&months=0` });
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["query.asOf", "query.months"]);
  });

  it("keeps the role history of a network membership and rejects overlaps and other kinds of tie", async () => {
    const network = await buildOrganisation(t.database.db, { kind: "network", nameJa: "気候ネット", nameEn: "Climate Net", country: "GB" });
    const membership = await tie({ aOrgId: cityId, bOrgId: network.id, ownerOrgId: cityId, kind: "network_membership", since: "2006", role: "member" });
    const put = (id: string, periods: unknown[]) => t.app.inject({ method: "PUT", url: `/api/ties/${id}/roles`, headers: { cookie: staff }, payload: { periods } });
    const ok = await put(membership.id, [
      { role: "member", from: "2006", until: "2007" },
      { role: "vice_chair", from: "2007", until: "2010-06" },
      { role: "board", from: "2010-06" },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(json(ok)).toMatchObject({ currentRole: "board", periods: [{ role: "member" }, { role: "vice_chair", label: { ja: "副議長" } }, { role: "board", until: null }] });
    const overlap = await put(membership.id, [
      { role: "member", from: "2006" },
      { role: "chair", from: "2005" },
    ]);
    expect(json(overlap).errors.map((e: { path: string }) => e.path)).toEqual(["periods[1].from"]);
    const open = await put(membership.id, [
      { role: "member", from: "2006" },
      { role: "chair", from: "2008", until: "2007" },
    ]);
    expect(json(open).errors.map((e: { path: string }) => e.path).sort()).toEqual(["periods[0].until", "periods[1].until"]);
    const sister = await tie({ aOrgId: cityId, bOrgId: (await foreign("Jeonju")).id, ownerOrgId: cityId });
    const wrongKind = await put(sister.id, [{ role: "member", from: "2006" }]);
    expect(json(wrongKind).errors[0].path).toBe("(tie).kind");
    expect(json(await t.app.inject({ method: "GET", url: `/api/ties/${membership.id}/roles` })).periods).toHaveLength(3);
  });
});
