/**
 * @module networks/schema-parts
 * Field builders the networks schemas share: trimmed texts, unique lists, the access fields of owned
 * records, ISO days, and removal of defaults for update schemas (zod 4 fills defaults even inside
 * `.partial()`, which would reset fields the caller did not send).
 */
import { z } from "zod";
import { VISIBILITIES } from "../core/domain.ts";
import { isIsoDate } from "./iso-date.ts";

export const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
export const optionalText = (max: number, what: string) => z.string().trim().max(max).nullable().optional().describe(what);
export const uniqueList = <T extends z.ZodType>(item: T, what: string, max = 50) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: "must not repeat a value" })
    .describe(what);

export const ZIsoDate = z.string().refine(isIsoDate, { message: "must be a calendar date as YYYY-MM-DD" }).describe("A calendar date (YYYY-MM-DD)");

/** Fields every owned record has; `visibility` defaults differ per record, so it is passed in. */
export function accessFields(defaultVisibility: (typeof VISIBILITIES)[number] = "public") {
  return {
    visibility: z.enum(VISIBILITIES).default(defaultVisibility).describe("public, shared (with sharedWith) or confidential (owner only)"),
    sharedWith: uniqueList(z.uuid(), "Organisations a shared record is visible to").default([]),
    source: optionalText(500, "Where the fact comes from: a public source with date, or the paper"),
    unverified: z.boolean().default(false).describe("True where the source is uncertain"),
  };
}

export const accessOutput = {
  ownerOrgId: z.uuid(),
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ZBilingual = z.object({ ja: z.string(), en: z.string() });

/** The shape with every `.default()` removed (for update schemas). */
export function withoutDefaults<T extends z.ZodRawShape>(shape: T): { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] } {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => {
      if (!(v instanceof z.ZodDefault)) return [k, v];
      const inner = v.unwrap() as z.ZodType;
      return [k, v.description ? inner.describe(v.description) : inner];
    }),
  ) as never;
}

export const ZIdParams = z.strictObject({ id: z.uuid().describe("Record id") });
