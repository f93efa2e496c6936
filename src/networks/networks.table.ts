/**
 * @module networks/networks.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
