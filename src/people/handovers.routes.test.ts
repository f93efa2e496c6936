import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { paths, signInUser, type TestUser } from "./people.test-support.ts";

describe(`handover packs and contacts (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let orgId: string;
  let admin: string;
  let otherAdmin: string;
  let predecessor: TestUser;
  let successor: TestUser;
  let bystander: TestUser;
  const ids = { p: "", s: "", o: "", outsider: "", tie: "", ended: randomUUID(), current: randomUUID(), earlier: randomUUID() };
  const contacts: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await buildOrganisation(t.database.db, { nameEn: "Handover City" })).id;
    const otherOrgId = (await buildOrganisation(t.database.db)).id;
    const partner = (await buildOrganisation(t.database.db, { kind: "foreign_city", nameEn: "Partner City", nameJa: "姉妹市", country: "TH", localGovCode: null })).id;
    admin = await t.signInAs("admin", orgId);
    otherAdmin = await t.signInAs("admin", otherOrgId);
    predecessor = await signInUser(t, "staff", orgId);
    successor = await signInUser(t, "staff", orgId);
    bystander = await signInUser(t, "staff", orgId);
    const create = async (body: object, org = orgId, cookie = admin) => json(await t.app.inject({ method: "POST", url: `/api/organisations/${org}/people`, headers: { cookie }, payload: body })).id as string;
    ids.p = await create({
      name: "Predecessor",
      userId: predecessor.userId,
      postings: [
        { id: ids.earlier, kind: "dispatch", dispatchTarget: "jetro", country: "TH", from: "2015-04-01", to: "2017-03-31" },
        { id: ids.ended, kind: "overseas_office", country: "TH", city: "Bangkok", from: "2019-04-01", to: "2023-03-31" },
        { id: ids.current, kind: "department", from: "2023-04-01" },
      ],
    });
    ids.s = await create({ name: "Successor", userId: successor.userId });
    ids.o = await create({ name: "Bystander", userId: bystander.userId });
    ids.outsider = await create({ name: "Elsewhere" }, otherOrgId, otherAdmin);
    const tie = await t.app.inject({ method: "POST", url: "/api/ties", headers: { cookie: admin }, payload: { aOrgId: orgId, bOrgId: partner, kind: "sister_city", since: "1990" } });
    ids.tie = json(tie).id;
  });
  afterAll(async () => t.close());

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });

  it("keeps a person's contacts for the person and the admins only", async () => {
    const url = `/api/people/${ids.p}/contacts`;
    for (const name of ["Khun Somchai", "Ms Lee"]) {
      const res = await call("POST", url, predecessor.cookie, { name, organisation: "Thai Chamber of Commerce", email: "contact@example.th" });
      expect(res.statusCode).toBe(201);
      contacts.push(json(res).id);
    }
    expect(paths(json(await call("POST", url, predecessor.cookie, { name: "X", email: "not an address" })))).toEqual(["email"]);
    expect(json(await call("GET", url, admin)).items).toHaveLength(2);
    expect((await call("GET", url, successor.cookie)).statusCode).toBe(403);
    expect((await call("GET", url, otherAdmin)).statusCode).toBe(404);
    expect((await call("GET", url)).statusCode).toBe(401);
    const patched = await call("PATCH", `${url}/${contacts[1]}`, predecessor.cookie, { role: "Director" });
    expect(json(patched).role).toBe("Director");
    expect((await call("PATCH", `${url}/${contacts[1]}`, bystander.cookie, { role: "x" })).statusCode).toBe(403);
    const mine = json(await call("POST", `/api/people/${ids.o}/contacts`, bystander.cookie, { name: "Bystander's contact" }));
    contacts.push(mine.id);
  });

  it("refuses a bad handover pack, naming the field", async () => {
    const url = `/api/people/${ids.p}/handovers`;
    const base = { postingId: ids.ended, successorId: ids.s, contactIds: [contacts[0]], ties: [{ tieId: ids.tie }] };
    const cases: Array<[object, string]> = [
      [{ ...base, postingId: ids.current }, "postingId"],
      [{ ...base, postingId: randomUUID() }, "postingId"],
      [{ ...base, successorId: ids.p }, "successorId"],
      [{ ...base, successorId: ids.outsider }, "successorId"],
      [{ ...base, contactIds: [contacts[2]] }, "contactIds[0]"],
      [{ ...base, contactIds: [contacts[0], contacts[0]] }, "contactIds[1]"],
      [{ ...base, ties: [{ tieId: randomUUID() }] }, "ties[0].tieId"],
      [{ ...base, ongoingMatters: [{ id: "m1", title: "" }] }, "ongoingMatters[0].title"],
    ];
    for (const [body, path] of cases) {
      const res = await call("POST", url, admin, body);
      expect(res.statusCode, path).toBe(400);
      expect(paths(json(res)), path).toEqual([path]);
    }
    expect((await call("POST", url, successor.cookie, base)).statusCode).toBe(403);
    expect((await call("POST", url, otherAdmin, base)).statusCode).toBe(404);
    expect((await call("POST", url, undefined, base)).statusCode).toBe(401);
    expect(json(await call("GET", `/api/organisations/${orgId}/handovers`, admin)).items).toHaveLength(0);
  });

  let packId = "";
  it("lets the person leaving make a pack that the admins and both parties can read", async () => {
    const res = await call("POST", `/api/people/${ids.p}/handovers`, predecessor.cookie, {
      postingId: ids.ended,
      successorId: ids.s,
      contactIds: contacts.slice(0, 2),
      ongoingMatters: [{ id: "fair-2024", title: "THAIFEX 2024 booth", nextStep: "Confirm exhibitors", due: "2024-05" }],
      ties: [{ tieId: ids.tie, note: "Anniversary in 2025" }],
      openMatchmakingCases: [{ caseId: "MM-17", stage: "negotiation" }],
    });
    expect(res.statusCode).toBe(201);
    const pack = json(res);
    packId = pack.id;
    expect(pack).toMatchObject({ status: "pending", predecessor: { id: ids.p, name: "Predecessor" }, successor: { id: ids.s }, postingEnd: "2023-03-31", acknowledgement: null });
    expect(pack.contacts.map((c: { contactId: string; ownerId: string }) => [c.contactId, c.ownerId])).toEqual(contacts.slice(0, 2).map((c) => [c, ids.p]));
    const again = await call("POST", `/api/people/${ids.p}/handovers`, admin, { postingId: ids.ended, successorId: ids.s });
    expect(again.statusCode).toBe(409);
    expect(paths(json(again))).toEqual(["postingId"]);

    const url = `/api/handovers/${packId}`;
    for (const cookie of [admin, predecessor.cookie, successor.cookie]) expect((await call("GET", url, cookie)).statusCode).toBe(200);
    expect((await call("GET", url, bystander.cookie)).statusCode).toBe(403);
    expect((await call("GET", url, otherAdmin)).statusCode).toBe(404);
    expect((await call("GET", url)).statusCode).toBe(401);
    expect(json(await call("GET", `/api/organisations/${orgId}/handovers?status=pending`, successor.cookie)).items).toHaveLength(1);
    expect(json(await call("GET", `/api/organisations/${orgId}/handovers`, bystander.cookie)).items).toHaveLength(0);
    expect((await call("GET", `/api/organisations/${orgId}/handovers`, otherAdmin)).statusCode).toBe(403);
    const remove = await call("PATCH", `/api/people/${ids.p}`, admin, { postings: [] });
    expect(remove.statusCode).toBe(409);
  });

  it("lets only the named successor acknowledge, once, and transfers the contacts with it", async () => {
    const url = `/api/handovers/${packId}/acknowledge`;
    for (const cookie of [admin, predecessor.cookie, bystander.cookie]) expect((await call("POST", url, cookie, {})).statusCode).toBe(403);
    expect((await call("POST", url, otherAdmin, {})).statusCode).toBe(404);
    expect((await call("POST", url, undefined, {})).statusCode).toBe(401);
    expect(json(await call("GET", `/api/handovers/${packId}`, admin)).status).toBe("pending");

    const res = await call("POST", url, successor.cookie, { note: "Received, thank you" });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.handover).toMatchObject({ status: "acknowledged", statusLabel: { en: "Acknowledged" }, acknowledgement: { note: "Received, thank you" } });
    expect(body.transferredContactIds).toEqual(contacts.slice(0, 2));
    const theirs = json(await call("GET", `/api/people/${ids.s}/contacts`, successor.cookie)).items;
    expect(theirs.map((c: { id: string; ownerPersonId: string }) => [c.id, c.ownerPersonId])).toEqual(
      expect.arrayContaining(contacts.slice(0, 2).map((c) => [c, ids.s])),
    );
    expect(json(await call("GET", `/api/people/${ids.p}/contacts`, predecessor.cookie)).items).toHaveLength(0);

    const twice = await call("POST", url, successor.cookie, {});
    expect(twice.statusCode).toBe(409);
    expect((await call("DELETE", `/api/handovers/${packId}`, admin)).statusCode).toBe(409);
  });

  it("refuses the transfer when a contact changed since the pack was made, and changes nothing", async () => {
    const c = json(await call("POST", `/api/people/${ids.p}/contacts`, predecessor.cookie, { name: "Soon gone" })).id;
    const pack = json(await call("POST", `/api/people/${ids.p}/handovers`, admin, { postingId: ids.earlier, successorId: ids.s, contactIds: [c] }));
    expect((await call("DELETE", `/api/people/${ids.p}/contacts/${c}`, predecessor.cookie)).statusCode).toBe(204);
    const res = await call("POST", `/api/handovers/${pack.id}/acknowledge`, successor.cookie, {});
    expect(res.statusCode).toBe(409);
    expect(paths(json(res))).toEqual(["transfers[0].contactId"]);
    expect(json(await call("GET", `/api/handovers/${pack.id}`, successor.cookie)).status).toBe("pending");
    expect((await call("DELETE", `/api/handovers/${pack.id}`, successor.cookie)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/handovers/${pack.id}`, predecessor.cookie)).statusCode).toBe(204);
    expect((await call("GET", `/api/handovers/${pack.id}`, admin)).statusCode).toBe(404);
  });

  it("erases a person who handed over with their packs, leaving the successor's contacts", async () => {
    expect((await call("DELETE", `/api/people/${ids.p}`, admin)).statusCode).toBe(204);
    expect((await call("GET", `/api/handovers/${packId}`, admin)).statusCode).toBe(404);
    expect(json(await call("GET", `/api/people/${ids.s}/contacts`, successor.cookie)).items).toHaveLength(2);
  });
});
