/**
 * @module core/schema-fields
 * Building blocks of every capability's zod schemas: described text fields, lists without repeats, the
 * access fields every owned record has, and `withoutDefaults` for update schemas.
 */
import { z } from "zod";
import { VISIBILITIES } from "./domain.ts";

export const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
export const optionalText = (max: number, what: string) => z.string().trim().max(max).nullable().optional().describe(what);
export const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .max(50)
    .refine((a) => new Set(a).size === a.length, { message: "must not repeat a value" })
    .describe(what);

/** Fields every owned record has: who may see it and where the fact comes from. */
export const accessFields = {
  visibility: z.enum(VISIBILITIES).default("public").describe("public, shared (with sharedWith) or confidential (owner only)"),
  sharedWith: uniqueList(z.uuid(), "Organisations a shared record is visible to").default([]),
  source: optionalText(500, "Where the fact comes from: the paper's table or page, or a public source with date"),
  unverified: z.boolean().default(false).describe("True where the source is uncertain"),
};

/** The same fields as presented in responses, with the record's timestamps. */
export const accessOutput = {
  visibility: z.enum(VISIBILITIES),
  sharedWith: z.array(z.uuid()),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/**
 * The shape with every `.default()` removed, for update schemas: zod 4 fills defaults even inside
 * `.partial()`, which would reset a field the caller did not send (visibility back to public).
 */
export function withoutDefaults<T extends z.ZodRawShape>(shape: T): { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] } {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => {
      if (!(v instanceof z.ZodDefault)) return [k, v];
      const inner = v.unwrap() as z.ZodType;
      return [k, v.description ? inner.describe(v.description) : inner];
    }),
  ) as never;
}
