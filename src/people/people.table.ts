/**
 * @module people/people.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
