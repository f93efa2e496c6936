/**
 * @module db/schema
 * Every capability's Drizzle tables in one object, for the Drizzle client.
 */
export * from "../registry/registry.table.ts";
export * from "../auth/auth.table.ts";
