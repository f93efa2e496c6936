/**
 * @module events/events.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
