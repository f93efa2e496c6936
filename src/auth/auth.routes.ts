/**
 * @module auth/auth.routes
 * Sign-in and sign-out (a session cookie: httpOnly, SameSite=Lax), the current user and their language,
 * and user and membership administration.
 */
import { z } from "zod";
import { MEMBER_ROLES } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { route } from "../server/route.ts";
import { canActFor } from "./actor.ts";
import { ZMe, ZMeUpdate, ZMembershipSet, ZSignIn, ZUserCreate } from "./auth.schema.ts";
import { actorForToken, createUser, describeActor, listMembers, removeMembership, setLocale, setMembership, signIn, signOut, SESSION_DAYS } from "./auth.service.ts";

export const SESSION_COOKIE = "renkei_session";

export const authRoutes = [
  route({
    method: "POST",
    url: "/api/auth/sign-in",
    summary: "Sign in with e-mail and password; sets the session cookie",
    tags: ["auth"],
    policy: { access: "public", rule: "anyone may try to sign in" },
    body: ZSignIn,
    response: ZMe,
    status: 200,
    handler: async ({ body, ctx, reply }) => {
      const { token } = await signIn(ctx.database.db, body.email, body.password);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: ctx.secureCookies,
        maxAge: SESSION_DAYS * 86_400,
      });
      return describeActor(ctx.database.db, await actorForToken(ctx.database.db, token));
    },
  }),
  route({
    method: "POST",
    url: "/api/auth/sign-out",
    summary: "End the current session",
    tags: ["auth"],
    policy: { access: "public", rule: "signing out without a session does nothing" },
    status: 204,
    handler: async ({ ctx, request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx.database.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
    },
  }),
  route({
    method: "GET",
    url: "/api/auth/me",
    summary: "The current visitor, their language and their organisations",
    tags: ["auth"],
    policy: { access: "public", rule: "anonymous visitors get signedIn=false" },
    response: ZMe,
    handler: ({ ctx, actor }) => describeActor(ctx.database.db, actor),
  }),
  route({
    method: "PATCH",
    url: "/api/auth/me",
    summary: "Remember the signed-in user's language",
    tags: ["auth"],
    policy: { access: "signed_in", rule: "a user changes only their own preferences" },
    body: ZMeUpdate,
    response: ZMe,
    handler: async ({ ctx, actor, body }) => {
      await setLocale(ctx.database.db, actor.userId!, body.locale);
      return describeActor(ctx.database.db, { ...actor, locale: body.locale });
    },
  }),
  route({
    method: "POST",
    url: "/api/users",
    summary: "Create a user (system administrators)",
    tags: ["auth"],
    policy: { access: "system_admin", rule: "only system administrators create users" },
    body: ZUserCreate,
    response: z.object({ id: z.uuid() }),
    handler: ({ ctx, body }) => ctx.database.db.transaction((tx) => createUser(tx, body)),
  }),
  route({
    method: "GET",
    url: "/api/organisations/:id/members",
    summary: "The organisation's users and their roles",
    tags: ["auth"],
    policy: { access: "signed_in", rule: "admins of the organisation and system administrators" },
    params: z.strictObject({ id: z.uuid() }),
    response: z.object({ items: z.array(z.object({ userId: z.uuid(), email: z.string(), displayName: z.string(), role: z.enum(MEMBER_ROLES) })) }),
    handler: async ({ ctx, actor, params }) => {
      if (!actor.isSystemAdmin && actor.roles.get(params.id) !== "admin") {
        throw new AppError("forbidden", "Only the organisation's admins may list its members.");
      }
      return { items: await listMembers(ctx.database.db, params.id) };
    },
  }),
  route({
    method: "PUT",
    url: "/api/organisations/:id/members",
    summary: "Give a user a role in an organisation",
    tags: ["auth"],
    policy: { access: "signed_in", rule: "admins of the organisation and system administrators" },
    params: z.strictObject({ id: z.uuid() }),
    body: ZMembershipSet,
    status: 204,
    handler: async ({ ctx, actor, params, body }) => {
      if (!actor.isSystemAdmin && actor.roles.get(params.id) !== "admin") {
        throw new AppError("forbidden", "Only the organisation's admins may manage its members.");
      }
      await setMembership(ctx.database.db, body.userId, params.id, body.role);
    },
  }),
  route({
    method: "DELETE",
    url: "/api/organisations/:id/members/:userId",
    summary: "Remove a user from an organisation",
    tags: ["auth"],
    policy: { access: "signed_in", rule: "admins of the organisation and system administrators" },
    params: z.strictObject({ id: z.uuid(), userId: z.uuid() }),
    handler: async ({ ctx, actor, params }) => {
      if (!actor.isSystemAdmin && (actor.roles.get(params.id) !== "admin" || !canActFor(actor, params.id))) {
        throw new AppError("forbidden", "Only the organisation's admins may manage its members.");
      }
      await removeMembership(ctx.database.db, params.userId, params.id);
    },
  }),
];
