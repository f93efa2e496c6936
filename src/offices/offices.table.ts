/**
 * @module offices/offices.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
