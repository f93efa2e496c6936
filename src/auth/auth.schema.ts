/**
 * @module auth/auth.schema
 * Request and response schemas for sign-in, the current user, users and memberships.
 */
import { z } from "zod";
import { LOCALES, MEMBER_ROLES } from "../core/domain.ts";
import { PASSWORD_MIN_LENGTH } from "./password.ts";

export const ZEmail = z.string().trim().toLowerCase().email().max(254).describe("E-mail address used to sign in");

export const ZSignIn = z
  .strictObject({
    email: ZEmail,
    password: z.string().min(1).max(200).describe("Password"),
  })
  .describe("Sign-in credentials");
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZUserCreate = z
  .strictObject({
    email: ZEmail,
    displayName: z.string().trim().min(1).max(100).describe("Name shown to colleagues"),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(200).describe(`At least ${PASSWORD_MIN_LENGTH} characters`),
    locale: z.enum(LOCALES).default("ja").describe("Preferred language"),
    isSystemAdmin: z.boolean().default(false).describe("May administer the whole platform"),
    memberships: z
      .array(z.strictObject({ orgId: z.uuid(), role: z.enum(MEMBER_ROLES) }))
      .default([])
      .describe("Roles in organisations"),
  })
  .describe("A new user");
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZMeUpdate = z.strictObject({ locale: z.enum(LOCALES).describe("Preferred language") });

export const ZMembership = z.object({
  orgId: z.uuid(),
  role: z.enum(MEMBER_ROLES),
  orgNameJa: z.string(),
  orgNameEn: z.string(),
});

export const ZMe = z
  .object({
    signedIn: z.boolean(),
    user: z
      .object({
        id: z.uuid(),
        email: z.string(),
        displayName: z.string(),
        locale: z.enum(LOCALES),
        isSystemAdmin: z.boolean(),
        memberships: z.array(ZMembership),
      })
      .nullable(),
  })
  .describe("The current visitor");

export const ZMembershipSet = z.strictObject({
  userId: z.uuid().describe("The user"),
  role: z.enum(MEMBER_ROLES).describe("Role in the organisation"),
});
