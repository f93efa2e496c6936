/**
 * @module matchmaking/matchmaking.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
