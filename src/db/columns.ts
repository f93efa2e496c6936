/**
 * @module db/columns
 * Column helpers shared by every capability's tables: the search vector and the access columns that
 * every owned record carries (owner organisation, visibility, shared-with list, source, unverified).
 */
import { boolean, customType, text, uuid } from "drizzle-orm/pg-core";

/** A PostgreSQL tsvector, written from pre-segmented ja/en tokens (see core/text-search). */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => "tsvector",
});

/** Who owns a record, who may see it, and where the fact comes from. */
export function accessColumns() {
  return {
    visibility: text("visibility").notNull().default("public"),
    sharedWith: uuid("shared_with").array().notNull().default([]),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
  };
}
