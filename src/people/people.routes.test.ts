import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { expertiseReassignedPeople } from "./people-insights.service.ts";
import { paths, signInUser, type TestUser } from "./people.test-support.ts";

describe(`people API: records, access to personal data, risks, roster (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let officeId: string;
  let admin: string;
  let staff: string;
  let otherAdmin: string;
  let sysAdmin: string;
  let self: TestUser;
  let personId: string;
  const overseasId = randomUUID();
  const departmentId = randomUUID();

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await buildOrganisation(t.database.db, { nameEn: "Jinji City", nameJa: "人事市" })).id;
    otherOrgId = (await buildOrganisation(t.database.db)).id;
    officeId = (await buildOffice(t.database.db, { ownerOrgId: orgId, cityEn: "Singapore", country: "SG" })).id;
    admin = await t.signInAs("admin", orgId);
    staff = await t.signInAs("staff", orgId);
    otherAdmin = await t.signInAs("admin", otherOrgId);
    sysAdmin = await t.signInAs("system_admin");
    self = await signInUser(t, "staff", orgId);
  });
  afterAll(async () => t.close());

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, cookie?: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const peopleUrl = () => `/api/organisations/${orgId}/people`;

  const official = () => ({
    name: "鈴木花子",
    nameEn: "Suzuki Hanako",
    userId: self.userId,
    postings: [
      { id: overseasId, kind: "overseas_office", officeId, country: "SG", city: "Singapore", functions: ["economic_exchange_business_support"], from: "2018-04-01", to: "2021-03-31" },
      { id: departmentId, kind: "department", department: "Road maintenance", from: "2021-04-01" },
    ],
    languages: [{ language: "en", scale: "cefr", level: "C1", evidence: "TOEIC 905 (2017)" }],
    competencies: [{ code: "coordination_with_agencies_and_companies_abroad", evidence: [{ kind: "posting", postingId: overseasId, note: "Ran the office's business matching" }] }],
  });

  it("creates a person with postings, languages and competencies (admins only)", async () => {
    expect((await call("POST", peopleUrl(), staff, official())).statusCode).toBe(403);
    expect((await call("POST", peopleUrl(), otherAdmin, official())).statusCode).toBe(403);
    expect((await call("POST", peopleUrl(), sysAdmin, official())).statusCode).toBe(403);
    expect((await call("POST", peopleUrl(), undefined, official())).statusCode).toBe(401);
    const res = await call("POST", peopleUrl(), admin, official());
    expect(res.statusCode).toBe(201);
    const p = json(res);
    personId = p.id;
    expect(p).toMatchObject({ organisationId: orgId, userId: self.userId, name: "鈴木花子", visibility: "confidential" });
    expect(p.postings.map((x: { id: string; isInternational: boolean; current: boolean }) => [x.id, x.isInternational, x.current])).toEqual([
      [overseasId, true, false],
      [departmentId, false, true],
    ]);
    expect(p.competencies[0].label.en).toContain("Coordination");
  });

  it("names every invalid field and writes nothing", async () => {
    const before = json(await call("GET", peopleUrl(), admin)).total;
    const res = await call("POST", peopleUrl(), admin, {
      name: "Bad",
      postings: [{ kind: "dispatch", from: "2019-04" }, { kind: "overseas_office", country: "SG", from: "2020-04-01", to: "2019-01-01" }],
      languages: [{ language: "th", scale: "cefr", level: "N1" }],
      competencies: [{ code: "growth_sector_analysis", evidence: [{ kind: "posting", postingId: randomUUID(), note: "x" }] }],
    });
    expect(res.statusCode).toBe(400);
    expect(paths(json(res))).toEqual(
      expect.arrayContaining(["postings[0].dispatchTarget", "postings[1].to", "languages[0].level", "competencies[0].evidence[0].postingId"]),
    );
    const office = await call("POST", peopleUrl(), admin, { name: "X", postings: [{ kind: "overseas_office", country: "TH", officeId: randomUUID(), from: "2020" }] });
    expect(paths(json(office))).toEqual(["postings[0].officeId"]);
    const outsider = await signInUser(t, "staff", otherOrgId);
    const notMember = await call("POST", peopleUrl(), admin, { name: "X", userId: outsider.userId });
    expect(paths(json(notMember))).toEqual(["userId"]);
    const linkedTwice = await call("POST", peopleUrl(), admin, { name: "X", userId: self.userId });
    expect(linkedTwice.statusCode).toBe(409);
    expect(paths(json(linkedTwice))).toEqual(["userId"]);
    expect(paths(json(await call("POST", peopleUrl(), admin, { name: "X", age: 40 })))).toEqual(["age"]);
    expect(json(await call("GET", peopleUrl(), admin)).total).toBe(before);
  });

  it("shows personal data to the organisation's admins and the person only", async () => {
    const url = `/api/people/${personId}`;
    expect((await call("GET", url, admin)).statusCode).toBe(200);
    expect((await call("GET", url, self.cookie)).statusCode).toBe(200);
    expect((await call("GET", url, staff)).statusCode).toBe(403);
    expect((await call("GET", url, otherAdmin)).statusCode).toBe(404);
    expect((await call("GET", url, sysAdmin)).statusCode).toBe(404);
    expect((await call("GET", url)).statusCode).toBe(401);
    expect((await call("GET", `/api/people/${randomUUID()}`, admin)).statusCode).toBe(404);

    expect(json(await call("GET", peopleUrl(), admin)).items.map((p: { id: string }) => p.id)).toContain(personId);
    expect(json(await call("GET", peopleUrl(), self.cookie)).items.map((p: { id: string }) => p.id)).toEqual([personId]);
    expect(json(await call("GET", peopleUrl(), staff)).total).toBe(0);
    expect((await call("GET", peopleUrl(), otherAdmin)).statusCode).toBe(403);
    expect((await call("GET", peopleUrl())).statusCode).toBe(401);
    expect(json(await call("GET", `${peopleUrl()}?q=suzuki`, admin)).total).toBe(1);
    expect(json(await call("GET", `${peopleUrl()}?q=${encodeURIComponent("花子")}`, admin)).total).toBe(1);
  });

  it("lets the person keep their own languages and competencies, and only admins the rest", async () => {
    const url = `/api/people/${personId}`;
    const languages = [...official().languages, { language: "ms", scale: "cefr", level: "A2" }];
    const mine = await call("PATCH", url, self.cookie, { languages });
    expect(mine.statusCode).toBe(200);
    expect(json(mine).languages).toHaveLength(2);
    const rename = await call("PATCH", url, self.cookie, { name: "Someone else" });
    expect(rename.statusCode).toBe(403);
    expect(paths(json(rename))).toEqual(["name"]);
    expect((await call("PATCH", url, staff, { languages })).statusCode).toBe(403);
    expect((await call("PATCH", url, otherAdmin, { name: "X" })).statusCode).toBe(404);
    const renamed = await call("PATCH", url, admin, { nameEn: "Suzuki H." });
    expect(json(renamed)).toMatchObject({ nameEn: "Suzuki H.", name: "鈴木花子" });
    expect(json(renamed).postings).toHaveLength(2);
    const dup = await call("PATCH", url, admin, { competencies: [official().competencies[0], official().competencies[0]] });
    expect(paths(json(dup))).toEqual(["competencies[1].code"]);
  });

  it("adds, changes and removes postings one at a time, naming the posting's own fields", async () => {
    const url = `/api/people/${personId}/postings`;
    const added = await call("POST", url, admin, { kind: "training", country: "US", from: "2023-09-01", to: "2023-09-30" });
    expect(added.statusCode).toBe(201);
    const training = json(added).postings.find((p: { kind: string }) => p.kind === "training");
    expect(training.isInternational).toBe(true);
    const bad = await call("PATCH", `${url}/${training.id}`, admin, { to: "2023-08-01" });
    expect(bad.statusCode).toBe(400);
    expect(paths(json(bad))).toEqual(["to"]);
    expect(paths(json(await call("POST", url, admin, { kind: "dispatch", from: "2024" })))).toEqual(["dispatchTarget"]);
    expect((await call("PATCH", `${url}/${training.id}`, self.cookie, { title: "x" })).statusCode).toBe(403);
    expect((await call("PATCH", `${url}/${randomUUID()}`, admin, { title: "x" })).statusCode).toBe(404);
    expect((await call("DELETE", `${url}/${training.id}`, admin)).statusCode).toBe(200);
    expect(json(await call("GET", `/api/people/${personId}`, admin)).postings).toHaveLength(2);
  });

  it("flags people whose current post does not use their international experience, for admins", async () => {
    const abroad = json(await call("POST", peopleUrl(), admin, { name: "Abroad Now", postings: [{ kind: "dispatch", dispatchTarget: "clair", country: "GB", from: "2022-04-01" }] }));
    const never = json(await call("POST", peopleUrl(), admin, { name: "Never Abroad", postings: [{ kind: "department", from: "2010-04-01" }] }));
    const url = `${peopleUrl()}/risks?asOf=2024-04-01`;
    const res = await call("GET", url, admin);
    expect(res.statusCode).toBe(200);
    const flagged = json(res).items;
    expect(flagged.map((r: { personId: string }) => r.personId)).toEqual([personId]);
    expect(flagged[0]).toMatchObject({ reasons: ["international_postings", "competencies"], monthsSinceInternationalPosting: 36 });
    expect(flagged[0].text.ja).toContain("36か月");
    expect([abroad.id, never.id].some((id) => flagged.some((r: { personId: string }) => r.personId === id))).toBe(false);
    expect((await call("GET", url, staff)).statusCode).toBe(403);
    expect((await call("GET", url, self.cookie)).statusCode).toBe(403);
    expect((await call("GET", url, otherAdmin)).statusCode).toBe(403);
    expect((await call("GET", url)).statusCode).toBe(401);
    expect(paths(json(await call("GET", `${peopleUrl()}/risks?asOf=April`, admin)))).toEqual(["query.asOf"]);
  });

  it("finds who has experience of a country or a function", async () => {
    const sg = json(await call("GET", `${peopleUrl()}/roster?country=SG&asOf=2024-04-01`, admin));
    expect(sg.items.map((e: { personId: string; totalMonths: number; currentlyInPost: boolean }) => [e.personId, e.totalMonths, e.currentlyInPost])).toEqual([
      [personId, 36, false],
    ]);
    const econ = json(await call("GET", `${peopleUrl()}/roster?function=economic_exchange_business_support`, admin));
    expect(econ.items).toHaveLength(1);
    const all = json(await call("GET", `${peopleUrl()}/roster?asOf=2024-04-01`, admin));
    expect(all.items.map((e: { name: string }) => e.name)).toEqual(["鈴木花子", "Abroad Now"]);
    expect(paths(json(await call("GET", `${peopleUrl()}/roster?country=XX`, admin)))).toEqual(["query.country"]);
    expect((await call("GET", `${peopleUrl()}/roster?country=SG`, staff)).statusCode).toBe(403);
    expect((await call("GET", `${peopleUrl()}/roster?country=SG`, otherAdmin)).statusCode).toBe(403);
  });

  it("gives the governance assessment anonymised profile entries", async () => {
    const entries = await expertiseReassignedPeople(t.database.db, orgId, "2024-04-01");
    expect(entries).toHaveLength(3);
    for (const e of entries) expect(e.ref).toMatch(/^staff-[0-9a-f]{10}$/);
    expect(JSON.stringify(entries)).not.toContain(personId);
    expect(entries).toEqual(
      expect.arrayContaining([
        { ref: expect.any(String), overseasPostings: 1, currentPostInternational: false, since: "2021-04-01" },
        { ref: expect.any(String), overseasPostings: 1, currentPostInternational: true, since: "2022-04-01" },
        { ref: expect.any(String), overseasPostings: 0, currentPostInternational: false, since: "2010-04-01" },
      ]),
    );
    expect(await expertiseReassignedPeople(t.database.db, otherOrgId)).toEqual([]);
  });

  it("deletes a person (admins only), keeping the hours they logged under an opaque reference", async () => {
    const p = json(await call("POST", peopleUrl(), admin, { name: "Leaving Soon" }));
    const log = await call("POST", `/api/offices/${officeId}/time-logs`, admin, { personId: p.id, month: "2024-04", category: "vip_visits", hours: 5 });
    expect(log.statusCode).toBe(201);
    expect((await call("DELETE", `/api/people/${p.id}`, staff)).statusCode).toBe(403);
    expect((await call("DELETE", `/api/people/${p.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await call("DELETE", `/api/people/${p.id}`, admin)).statusCode).toBe(204);
    expect((await call("GET", `/api/people/${p.id}`, admin)).statusCode).toBe(404);
    const kept = json(await call("GET", `/api/offices/${officeId}/time-logs/${json(log).id}`, admin));
    expect(kept).toMatchObject({ personId: null, staffRef: p.id, hours: 5 });
  });
});
