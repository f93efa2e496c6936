/**
 * @module auth/auth.service
 * Users, memberships and sessions. A session token is random; only its SHA-256 is stored, so a copy of
 * the database does not let anyone sign in.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { MemberRole } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import { ANONYMOUS, type Actor } from "./actor.ts";
import { memberships, sessions, users } from "./auth.table.ts";
import type { TUserCreate } from "./auth.schema.ts";
import { hashPassword, verifyPassword } from "./password.ts";

export const SESSION_DAYS = 14;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createUser(db: Executor, input: TUserCreate): Promise<{ id: string }> {
  const existing = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
  if (existing.length) {
    throw new AppError("conflict", `A user with e-mail ${input.email} already exists.`, [
      { path: "email", message: "already registered" },
    ]);
  }
  for (const [i, m] of input.memberships.entries()) {
    const org = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, m.orgId));
    if (!org.length) throw new AppError("validation_failed", "Unknown organisation.", [{ path: `memberships[${i}].orgId`, message: "no such organisation" }]);
  }
  const id = randomUUID();
  await db.insert(users).values({
    id,
    email: input.email.toLowerCase(),
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    locale: input.locale,
    isSystemAdmin: input.isSystemAdmin,
  });
  if (input.memberships.length) {
    await db.insert(memberships).values(input.memberships.map((m) => ({ userId: id, orgId: m.orgId, role: m.role })));
  }
  return { id };
}

export async function setMembership(db: Executor, userId: string, orgId: string, role: MemberRole): Promise<void> {
  const user = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user.length) throw new AppError("validation_failed", "Unknown user.", [{ path: "userId", message: "no such user" }]);
  await db
    .insert(memberships)
    .values({ userId, orgId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.orgId], set: { role } });
}

export async function removeMembership(db: Executor, userId: string, orgId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** Checks credentials and opens a session; the same error for unknown e-mail and wrong password. */
export async function signIn(db: Executor, email: string, password: string): Promise<{ token: string; expiresAt: Date }> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new AppError("unauthenticated", "The e-mail address or password is wrong.", [
      { path: "password", message: "wrong e-mail or password" },
    ]);
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { token, expiresAt };
}

export async function signOut(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The actor behind a session token, or anonymous when the token is missing, unknown or expired. */
export async function actorForToken(db: Executor, token: string | undefined): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  if (!row) return ANONYMOUS;
  const roles = await db.select().from(memberships).where(eq(memberships.userId, row.user.id));
  return {
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    locale: row.user.locale === "en" ? "en" : "ja",
    isSystemAdmin: row.user.isSystemAdmin,
    roles: new Map(roles.map((m) => [m.orgId, m.role as MemberRole])),
  };
}

export async function describeActor(db: Executor, actor: Actor) {
  if (!actor.userId) return { signedIn: false, user: null };
  const rows = await db
    .select({ orgId: memberships.orgId, role: memberships.role, orgNameJa: organisations.nameJa, orgNameEn: organisations.nameEn })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, actor.userId));
  return {
    signedIn: true,
    user: {
      id: actor.userId,
      email: actor.email ?? "",
      displayName: actor.displayName ?? "",
      locale: actor.locale,
      isSystemAdmin: actor.isSystemAdmin,
      memberships: rows.map((r) => ({ ...r, role: r.role as MemberRole })),
    },
  };
}

export async function setLocale(db: Executor, userId: string, locale: "ja" | "en"): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** The members of an organisation, for its admins (e.g. to link a person record to a user account). */
export async function listMembers(db: Executor, orgId: string) {
  const rows = await db
    .select({ userId: users.id, email: users.email, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(users.displayName);
  return rows.map((r) => ({ ...r, role: r.role as MemberRole }));
}
