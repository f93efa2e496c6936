/**
 * @module evaluation/evaluation.table
 * Drizzle tables of this capability (mirroring its migration).
 */
export {};
