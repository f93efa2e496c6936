/**
 * @module test/factories
 * Builders for tests: each creates the parent records it needs, so tests stay independent, and a test
 * app with helpers to sign in as a user with a given role in a given organisation.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { createUser } from "../auth/auth.service.ts";
import type { MemberRole } from "../core/domain.ts";
import { localGovCheckDigit } from "../core/codes.ts";
import type { Executor } from "../db/connection.ts";
import { createTestDatabase, type TestDatabase } from "../db/test-database.ts";
import { createOffice } from "../registry/offices.service.ts";
import { createOrganisation } from "../registry/organisations.service.ts";
import type { TOfficeCreate, TOrganisationCreate } from "../registry/registry.schema.ts";
import { buildApp } from "../server/app.ts";

let codeCounter = 10;

/** A unique, valid municipality code (prefecture 47, numbers above the real ones). */
export function nextMunicipalityCode(): string {
  codeCounter += 1;
  const five = `47${String(800 + codeCounter).padStart(3, "0")}`;
  return `${five}${localGovCheckDigit(five)}`;
}

export async function buildOrganisation(db: Executor, overrides: Partial<TOrganisationCreate> = {}) {
  const kind = overrides.kind ?? "municipality";
  const isLocalGov = kind === "prefecture" || kind === "designated_city" || kind === "municipality";
  return createOrganisation(db, SYSTEM_ACTOR, {
    kind,
    nameJa: `テスト市${codeCounter}`,
    nameEn: `Test City ${codeCounter}`,
    country: isLocalGov ? "JP" : "SG",
    localGovCode: isLocalGov ? nextMunicipalityCode() : null,
    visibility: "public",
    sharedWith: [],
    unverified: false,
    ...overrides,
  });
}

export async function buildOffice(db: Executor, overrides: Partial<TOfficeCreate> = {}) {
  const ownerOrgId = overrides.ownerOrgId ?? (await buildOrganisation(db)).id;
  return createOffice(db, SYSTEM_ACTOR, {
    ownerOrgId,
    coOwnerIds: [],
    nameJa: "シンガポール事務所",
    nameEn: `Singapore Office ${randomUUID().slice(0, 6)}`,
    cityEn: "Singapore",
    country: "SG",
    operationalModel: "independent",
    functions: [],
    duties: [],
    focusAreas: [],
    visibility: "public",
    sharedWith: [],
    unverified: false,
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Creates a user with the role in the organisation and returns its session cookie header. */
  signInAs(role: MemberRole | "system_admin", orgId?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database });
  return {
    app,
    database,
    async signInAs(role, orgId) {
      const email = `${randomUUID()}@test.example`;
      const password = "correct horse battery";
      await createUser(database.db, {
        email,
        displayName: `Tester ${role}`,
        password,
        locale: "en",
        isSystemAdmin: role === "system_admin",
        memberships: role !== "system_admin" && orgId ? [{ orgId, role }] : [],
      });
      const res = await app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "renkei_session");
      return `renkei_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
