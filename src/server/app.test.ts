import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../db/test-database.ts";
import { buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";

describe(`HTTP app (${testDatabaseKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("declares a policy on every route, and refuses anonymous calls to non-public ones", async () => {
    const routes = t.app.renkei.routes;
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      expect(["public", "signed_in", "system_admin"], `${r.method} ${r.url}`).toContain(r.policy.access);
      expect(r.policy.rule.length, `${r.method} ${r.url} explains its rule`).toBeGreaterThan(3);
      if (r.policy.access === "public") continue;
      const url = r.url.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
      const res = await t.app.inject({ method: r.method, url, payload: r.method === "GET" || r.method === "DELETE" ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url} without a session`).toBe(401);
    }
  });

  it("serves an OpenAPI 3.1 document with every route, its schemas and its policy", async () => {
    const doc = json(await t.app.inject({ method: "GET", url: "/api/openapi.json" }));
    expect(doc.openapi).toBe("3.1.0");
    for (const r of t.app.renkei.routes) {
      const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, "{$1}")]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url}`).toBeDefined();
      expect(op["x-policy"].access).toBe(r.policy.access);
      if (r.body) expect(op.requestBody.content["application/json"].schema.type).toBe("object");
    }
    const create = doc.paths["/api/offices"].post.requestBody.content["application/json"].schema;
    expect(create.properties.operationalModel.enum).toContain("joint_industry_academia");
    expect(create.additionalProperties).toBe(false);
  });

  it("answers health, unknown routes and system-admin routes as documented", async () => {
    const health = json(await t.app.inject({ method: "GET", url: "/api/health" }));
    expect(health).toMatchObject({ status: "ok", database: testDatabaseKind() });
    const missing = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    const org = await buildOrganisation(t.database.db);
    const staff = await t.signInAs("admin", org.id);
    const createUser = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: staff }, payload: { email: "x@y.jp", displayName: "X", password: "long enough pw" } });
    expect(createUser.statusCode).toBe(403);
  });

  it("signs in and out, remembers the language, and rejects wrong passwords the same way for unknown users", async () => {
    const admin = await t.signInAs("system_admin");
    const created = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: admin }, payload: { email: "Sato@Example.jp", displayName: "佐藤", password: "correct horse battery" } });
    expect(created.statusCode).toBe(201);
    const short = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: admin }, payload: { email: "b@example.jp", displayName: "B", password: "short" } });
    expect(json(short).errors[0].path).toBe("password");
    const dup = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: admin }, payload: { email: "sato@example.jp", displayName: "佐藤", password: "correct horse battery" } });
    expect(dup.statusCode).toBe(409);

    const wrong = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "sato@example.jp", password: "nope nope nope" } });
    const unknown = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "nobody@example.jp", password: "nope nope nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(json(unknown).detail).toBe(json(wrong).detail);

    const ok = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "SATO@example.jp", password: "correct horse battery" } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === "renkei_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const session = `renkei_session=${cookie.value}`;
    expect(json(await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session } })).user.locale).toBe("ja");
    await t.app.inject({ method: "PATCH", url: "/api/auth/me", headers: { cookie: session }, payload: { locale: "en" } });
    expect(json(await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session } })).user.locale).toBe("en");
    await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie: session } });
    expect(json(await t.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: session } })).signedIn).toBe(false);
  });

  it("lets an organisation's admin manage its members, and nobody else", async () => {
    const org = await buildOrganisation(t.database.db);
    const admin = await t.signInAs("admin", org.id);
    const staff = await t.signInAs("staff", org.id);
    const sys = await t.signInAs("system_admin");
    const user = json(await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: sys }, payload: { email: "member@example.jp", displayName: "M", password: "correct horse battery" } }));
    const byStaff = await t.app.inject({ method: "PUT", url: `/api/organisations/${org.id}/members`, headers: { cookie: staff }, payload: { userId: user.id, role: "viewer" } });
    expect(byStaff.statusCode).toBe(403);
    const byAdmin = await t.app.inject({ method: "PUT", url: `/api/organisations/${org.id}/members`, headers: { cookie: admin }, payload: { userId: user.id, role: "viewer" } });
    expect(byAdmin.statusCode).toBe(204);
    const members = await t.app.inject({ method: "GET", url: `/api/organisations/${org.id}/members`, headers: { cookie: admin } });
    expect(json(members).items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: user.id, role: "viewer", email: "member@example.jp" })]));
    expect((await t.app.inject({ method: "GET", url: `/api/organisations/${org.id}/members`, headers: { cookie: staff } })).statusCode).toBe(403);
    const removed = await t.app.inject({ method: "DELETE", url: `/api/organisations/${org.id}/members/${user.id}`, headers: { cookie: admin } });
    expect(removed.statusCode).toBe(204);
  });
});
