/**
 * @module people/people.test-support
 * Test support for the people and office-operations API tests: a signed-in user whose id the test knows (so
 * it can be linked to a person record), since `signInAs` returns only the cookie. Used by tests only.
 */
import { randomUUID } from "node:crypto";
import { createUser } from "../auth/auth.service.ts";
import type { MemberRole } from "../core/domain.ts";
import type { TestApp } from "../test/factories.ts";

export interface TestUser {
  userId: string;
  cookie: string;
}

export async function signInUser(t: TestApp, role: MemberRole, orgId: string): Promise<TestUser> {
  const email = `${randomUUID()}@test.example`;
  const password = "correct horse battery";
  const { id } = await createUser(t.database.db, {
    email,
    displayName: `Tester ${role}`,
    password,
    locale: "en",
    isSystemAdmin: false,
    memberships: [{ orgId, role }],
  });
  const res = await t.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "renkei_session");
  return { userId: id, cookie: `renkei_session=${cookie!.value}` };
}

/** The field paths of a problem+json answer. */
export function paths(body: { errors?: Array<{ path: string }> }): string[] {
  return (body.errors ?? []).map((e) => e.path);
}
