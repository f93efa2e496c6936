/**
 * @module governance/governance.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
