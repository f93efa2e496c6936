/**
 * @module db/schema
 * Every capability's Drizzle tables in one object, for the Drizzle client.
 */
export * from "../registry/registry.table.ts";
export * from "../auth/auth.table.ts";
export * from "../evaluation/evaluation.table.ts";
export * from "../governance/governance.table.ts";
export * from "../networks/networks.table.ts";
export * from "../matchmaking/matchmaking.table.ts";
export * from "../events/events.table.ts";
export * from "../offices/offices.table.ts";
export * from "../people/people.table.ts";
