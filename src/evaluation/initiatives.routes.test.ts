import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { createInitiative } from "./initiatives.service.ts";

describe(`administrations, initiatives and continuity API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let cityId: string;
  let bankId: string;
  let staff: string;
  let viewer: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    cityId = (await buildOrganisation(t.database.db, { kind: "designated_city", nameJa: "試験市", nameEn: "Shiken City" })).id;
    bankId = (await buildOrganisation(t.database.db, { kind: "regional_bank", nameJa: "試験銀行", nameEn: "Shiken Bank", country: "JP" })).id;
    staff = await t.signInAs("staff", cityId);
    viewer = await t.signInAs("viewer", cityId);
    other = await t.signInAs("admin", (await buildOrganisation(t.database.db)).id);
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown, cookie?: string) => t.app.inject({ method: "POST", url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const term = (over: Record<string, unknown> = {}) => ({ orgId: cityId, leaderJa: "甲野太郎", leaderEn: "Taro Kono", from: "2011-12-19", until: "2015-12-19", ...over });

  it("records terms, refuses overlaps (409), bad order and non-governments (400), and writes only with rights", async () => {
    const first = await post("/api/administrations", term(), staff);
    expect(first.statusCode).toBe(201);
    expect(json(first)).toMatchObject({ from: "2011-12-19", until: "2015-12-19", orgNameEn: "Shiken City", ownerOrgId: cityId });
    const overlap = await post("/api/administrations", term({ leaderEn: "X", leaderJa: "X", from: "2015-06", until: null }), staff);
    expect(overlap.statusCode).toBe(409);
    expect(json(overlap).errors[0].path).toBe("from");
    const order = await post("/api/administrations", term({ from: "2020", until: "2019" }), staff);
    expect(json(order).errors[0].path).toBe("until");
    const bank = await post("/api/administrations", term({ orgId: bankId, ownerOrgId: cityId }), staff);
    expect(bank.statusCode).toBe(400);
    expect(json(bank).errors[0].path).toBe("orgId");
    const early = term({ from: "1980", until: "1984" });
    expect((await post("/api/administrations", early)).statusCode).toBe(401);
    expect((await post("/api/administrations", early, other)).statusCode).toBe(403);
    expect((await post("/api/administrations", early, viewer)).statusCode).toBe(403);
    const second = await post("/api/administrations", { ...term({ leaderJa: "乙山花子", leaderEn: "Hanako Otsuyama", from: "2015-12-19", until: null }), backgroundEn: "former METI official", backgroundJa: "元経済産業省職員" }, staff);
    expect(second.statusCode).toBe(201);
    const list = json(await t.app.inject({ method: "GET", url: `/api/administrations?orgId=${cityId}` }));
    expect(list.items.map((a: { leaderEn: string }) => a.leaderEn)).toEqual(["Taro Kono", "Hanako Otsuyama"]);
    const now = json(await t.app.inject({ method: "GET", url: `/api/administrations?orgId=${cityId}&activeOn=2016` }));
    expect(now.items.map((a: { leaderEn: string }) => a.leaderEn)).toEqual(["Hanako Otsuyama"]);
  });

  it("creates an initiative with partners, derives its administration from since, and validates every field", async () => {
    const office = await buildOffice(t.database.db, { ownerOrgId: cityId, cityEn: "Bangkok", country: "TH" });
    const body = {
      ownerOrgId: cityId,
      nameJa: "食品輸出支援",
      nameEn: "Food export support",
      pillar: "acquisition_of_external_demand",
      theme: "food_export",
      purposes: ["economic"],
      partners: [{ orgId: bankId, role: "partner" }],
      since: "2013-04",
      officeId: office.id,
    };
    const res = await post("/api/initiatives", body, staff);
    expect(res.statusCode).toBe(201);
    const created = json(res);
    expect(created).toMatchObject({ status: "active", until: null, administrationAuto: true, administration: { leaderEn: "Taro Kono" }, officeId: office.id });
    expect(created.partners).toEqual([{ orgId: bankId, role: "partner", nameJa: "試験銀行", nameEn: "Shiken Bank" }]);
    expect(created.statusHistory).toEqual([expect.objectContaining({ status: "active", on: "2013-04" })]);

    const dup = await post("/api/initiatives", body, staff);
    expect(dup.statusCode).toBe(409);
    const bad = await post("/api/initiatives", { ...body, nameEn: "Other", theme: "space", partners: [{ orgId: bankId, role: "sponsor" }], since: "2013-02-30", colour: 1 }, staff);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["theme", "partners[0].role", "since", "colour"]));
    const missing = await post("/api/initiatives", { ...body, nameEn: "Other", partners: [{ orgId: "00000000-0000-4000-8000-000000000000", role: "partner" }] }, staff);
    expect(json(missing).errors[0].path).toBe("partners[0].orgId");
    const self = await post("/api/initiatives", { ...body, nameEn: "Other", partners: [{ orgId: cityId, role: "partner" }] }, staff);
    expect(json(self).errors[0].path).toBe("partners[0].orgId");
    const noOffice = await post("/api/initiatives", { ...body, nameEn: "Other", officeId: "00000000-0000-4000-8000-000000000000" }, staff);
    expect(json(noOffice).errors[0].path).toBe("officeId");
    const history = await post("/api/initiatives", { ...body, nameEn: "Other", statusHistory: [{ status: "active", on: "2013-04" }, { status: "discontinued", on: null }] }, staff);
    expect(json(history).errors[0].path).toBe("statusHistory[1].on");
    const total = json(await t.app.inject({ method: "GET", url: `/api/initiatives?ownerOrgId=${cityId}` })).total;
    expect(total).toBe(1);
    expect((await post("/api/initiatives", { ...body, nameEn: "Anon" })).statusCode).toBe(401);
    expect((await post("/api/initiatives", { ...body, nameEn: "Other org" }, other)).statusCode).toBe(403);
  });

  it("records status changes, derives until, filters lists, follows administration changes, and reports continuity", async () => {
    const started = json(await post("/api/initiatives", { ownerOrgId: cityId, nameJa: "姉妹都市青少年交流", nameEn: "Sister-city youth exchange", purposes: ["youth"], since: "1990" }, staff));
    expect(started.administration).toBeNull();
    const badDate = await post(`/api/initiatives/${started.id}/status`, { status: "discontinued", on: "1989" }, staff);
    expect(badDate.statusCode).toBe(400);
    expect(json(badDate).errors[0].path).toBe("on");
    expect((await post(`/api/initiatives/${started.id}/status`, { status: "discontinued", on: "2016-06" }, other)).statusCode).toBe(403);
    const ended = json(await post(`/api/initiatives/${started.id}/status`, { status: "discontinued", on: "2016-06", reason: "budget review by the new mayor" }, staff));
    expect(ended).toMatchObject({ status: "discontinued", until: "2016-06" });
    expect(ended.statusHistory.map((e: { status: string }) => e.status)).toEqual(["active", "discontinued"]);

    const q = async (query: string) => json(await t.app.inject({ method: "GET", url: `/api/initiatives?ownerOrgId=${cityId}&${query}` })).items.map((i: { nameEn: string }) => i.nameEn);
    expect(await q("status=discontinued")).toEqual(["Sister-city youth exchange"]);
    expect(await q("activeOn=2016-06")).toEqual(["Food export support"]);
    expect(await q("activeOn=2016-05")).toEqual(["Sister-city youth exchange", "Food export support"]);
    expect(await q(`partnerOrgId=${bankId}`)).toEqual(["Food export support"]);
    expect(await q("purpose=youth")).toEqual(["Sister-city youth exchange"]);
    expect(await q("q=" + encodeURIComponent("食品"))).toEqual(["Food export support"]);
    const badQuery = await t.app.inject({ method: "GET", url: "/api/initiatives?status=paused" });
    expect(json(badQuery).errors[0].path).toBe("query.status");

    const report = json(await t.app.inject({ method: "GET", url: `/api/organisations/${cityId}/continuity` }));
    const change = report.changes.find((c: { administration: { leaderEn: string } }) => c.administration.leaderEn === "Hanako Otsuyama");
    expect(change.previous.leaderEn).toBe("Taro Kono");
    expect(change.counts).toMatchObject({ endedAfter: 1, discontinuedAfter: 1, endedFromPrevious: 1 });
    expect(change.ended.after[0].nameEn).toBe("Sister-city youth exchange");
    const narrow = json(await t.app.inject({ method: "GET", url: `/api/organisations/${cityId}/continuity?windowMonths=3` }));
    expect(narrow.totals.endedAfter).toBe(0);
    expect((await t.app.inject({ method: "GET", url: `/api/organisations/${cityId}/continuity?windowMonths=0` })).statusCode).toBe(400);

    // An earlier term now contains 1990: the derived link follows; deleting it unlinks again.
    const early = json(await post("/api/administrations", term({ leaderJa: "丙川", leaderEn: "Heikawa", from: "1987", until: "1995" }), staff));
    expect(json(await t.app.inject({ method: "GET", url: `/api/initiatives/${started.id}` })).administration.leaderEn).toBe("Heikawa");
    expect((await t.app.inject({ method: "DELETE", url: `/api/administrations/${early.id}`, headers: { cookie: staff } })).statusCode).toBe(204);
    expect(json(await t.app.inject({ method: "GET", url: `/api/initiatives/${started.id}` })).administration).toBeNull();
  });

  it("patches partners, history and a hand-set administration, hides confidential initiatives, and deletes with rights", async () => {
    const terms = json(await t.app.inject({ method: "GET", url: `/api/administrations?orgId=${cityId}` })).items;
    const secret = json(await post("/api/initiatives", { ownerOrgId: cityId, nameJa: "非公開案件", nameEn: "Confidential project", visibility: "confidential", since: "2017" }, staff));
    expect((await t.app.inject({ method: "GET", url: `/api/initiatives/${secret.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/initiatives/${secret.id}`, headers: { cookie: other } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/initiatives/${secret.id}`, headers: { cookie: viewer } })).statusCode).toBe(200);
    const anonReport = json(await t.app.inject({ method: "GET", url: `/api/organisations/${cityId}/continuity` }));
    expect(JSON.stringify(anonReport)).not.toContain("Confidential project");

    const patch = (payload: object, cookie = staff) => t.app.inject({ method: "PATCH", url: `/api/initiatives/${secret.id}`, headers: { cookie }, payload });
    const manual = json(await patch({ administrationId: terms[0].id, partners: [{ orgId: bankId, role: "contractor" }] }));
    expect(manual).toMatchObject({ administrationAuto: false, administration: { leaderEn: "Taro Kono" }, partners: [{ role: "contractor" }] });
    const foreign = await buildOrganisation(t.database.db, { kind: "prefecture", localGovCode: "460001", nameEn: "Kagoshima", nameJa: "鹿児島県" });
    const foreignTerm = json(await post("/api/administrations", { orgId: foreign.id, leaderJa: "某", leaderEn: "Someone", from: "2016" }, await t.signInAs("staff", foreign.id)));
    expect(json(await patch({ administrationId: foreignTerm.id })).errors[0].path).toBe("administrationId");
    const auto = json(await patch({ administrationId: null }));
    expect(auto).toMatchObject({ administrationAuto: true, administration: { leaderEn: "Hanako Otsuyama" } });
    const hist = json(await patch({ statusHistory: [{ status: "planned", on: "2016" }, { status: "active", on: "2017" }, { status: "completed", on: "2019-03", reason: "done" }] }));
    expect(hist).toMatchObject({ status: "completed", until: "2019-03" });
    const moved = await patch({ since: "2020" });
    expect(moved.statusCode).toBe(400);
    expect(json(moved).errors[0].path).toBe("statusHistory[1].on");
    expect((await patch({ nameEn: "x" }, other)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/initiatives/${secret.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "DELETE", url: `/api/initiatives/${secret.id}`, headers: { cookie: viewer } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "DELETE", url: `/api/initiatives/${secret.id}`, headers: { cookie: staff } })).statusCode).toBe(204);
  });

  it("lets other capabilities create initiatives from a case through the service, with the same validation", async () => {
    const made = await t.database.db.transaction((tx) =>
      createInitiative(tx, SYSTEM_ACTOR, { ownerOrgId: cityId, nameJa: "防災協力", nameEn: "Disaster prevention cooperation", theme: "disaster_prevention", sourceCaseId: "case-42", purposes: ["urban_problem_solving"] }),
    );
    expect(made).toMatchObject({ sourceCaseId: "case-42", status: "active", statusHistory: [{ status: "active", on: null }] });
    await expect(createInitiative(t.database.db, SYSTEM_ACTOR, { ownerOrgId: cityId, nameJa: "x", nameEn: "y", theme: "nope" as never })).rejects.toMatchObject({
      code: "validation_failed",
      errors: [expect.objectContaining({ path: "theme" })],
    });
  });

  it("edits a term (refusing overlaps, bad order and bad dates without writing) and deletes it, unlinking its initiatives", async () => {
    const town = (await buildOrganisation(t.database.db, { kind: "municipality", nameJa: "試験町", nameEn: "Shiken Town" })).id;
    const townStaff = await t.signInAs("staff", town);
    const townViewer = await t.signInAs("viewer", town);
    const a = json(await post("/api/administrations", { orgId: town, leaderJa: "甲", leaderEn: "Kou", from: "2000-04", until: "2004-04" }, townStaff));
    const b = json(await post("/api/administrations", { orgId: town, leaderJa: "乙", leaderEn: "Otsu", from: "2004-04", until: "2008-04" }, townStaff));
    const patch = (id: string, payload: object, cookie?: string) => t.app.inject({ method: "PATCH", url: `/api/administrations/${id}`, payload, headers: cookie ? { cookie } : {} });
    const remove = (id: string, cookie?: string) => t.app.inject({ method: "DELETE", url: `/api/administrations/${id}`, headers: cookie ? { cookie } : {} });

    const overlap = await patch(b.id, { from: "2003" }, townStaff);
    expect(overlap.statusCode).toBe(409);
    expect(json(overlap).errors[0]).toMatchObject({ path: "from", message: expect.stringContaining("Kou") });
    // Only `until` sent: checked against the stored `from` by the service.
    const order = await patch(b.id, { until: "2004-01" }, townStaff);
    expect(order.statusCode).toBe(400);
    expect(json(order).errors[0]).toMatchObject({ path: "until", message: "must be after from" });
    const both = await patch(b.id, { from: "2010", until: "2009" }, townStaff);
    expect(json(both).errors[0].path).toBe("until");
    const badDate = await patch(b.id, { from: "2004-02-30", leaderEn: "" }, townStaff);
    expect(badDate.statusCode).toBe(400);
    expect(json(badDate).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["from", "leaderEn"]));
    expect(json(await patch(b.id, { orgId: bankId }, townStaff)).errors[0].path).toBe("orgId");
    expect(json(await patch(b.id, { colour: "red" }, townStaff)).errors[0].path).toBe("colour");
    expect((await patch(b.id, { leaderEn: "X" })).statusCode).toBe(401);
    expect((await patch(b.id, { leaderEn: "X" }, townViewer)).statusCode).toBe(403);
    expect((await patch(b.id, { leaderEn: "X" }, other)).statusCode).toBe(403);
    expect((await patch("00000000-0000-4000-8000-000000000000", { leaderEn: "X" }, townStaff)).statusCode).toBe(404);
    // None of the refusals wrote anything.
    expect(json(await t.app.inject({ method: "GET", url: `/api/administrations/${b.id}` }))).toMatchObject({ leaderEn: "Otsu", from: "2004-04", until: "2008-04" });

    const derived = json(await post("/api/initiatives", { ownerOrgId: town, nameJa: "友好交流", nameEn: "Friendship exchange", since: "2005" }, townStaff));
    expect(derived.administration.leaderEn).toBe("Otsu");
    const byHand = json(await post("/api/initiatives", { ownerOrgId: town, nameJa: "青少年交流", nameEn: "Youth exchange", since: "2001", administrationId: b.id }, townStaff));
    expect(byHand).toMatchObject({ administrationAuto: false, administration: { leaderEn: "Otsu" } });
    const edited = await patch(b.id, { leaderEn: "Otsu Hanako", from: "2004-05", backgroundEn: null }, townStaff);
    expect(edited.statusCode).toBe(200);
    expect(json(edited)).toMatchObject({ leaderEn: "Otsu Hanako", from: "2004-05", backgroundEn: null });

    expect((await remove(b.id)).statusCode).toBe(401);
    expect((await remove(b.id, townViewer)).statusCode).toBe(403);
    expect((await remove(b.id, other)).statusCode).toBe(403);
    expect((await remove("00000000-0000-4000-8000-000000000000", townStaff)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/initiatives?administrationId=${b.id}` })).json().total).toBe(2);
    // Deleting is not refused for linked initiatives: they stay, no longer linked to any term.
    expect((await remove(b.id, townStaff)).statusCode).toBe(204);
    expect((await t.app.inject({ method: "GET", url: `/api/administrations/${b.id}` })).statusCode).toBe(404);
    expect(json(await t.app.inject({ method: "GET", url: `/api/initiatives/${derived.id}` })).administration).toBeNull();
    expect(json(await t.app.inject({ method: "GET", url: `/api/initiatives/${byHand.id}` })).administration).toBeNull();
    expect(json(await t.app.inject({ method: "GET", url: `/api/administrations/${a.id}` })).leaderEn).toBe("Kou");
  });
});
