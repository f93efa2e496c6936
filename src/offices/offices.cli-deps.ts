/**
 * @module offices/offices.cli-deps
 * What `renkei offices compare --office` needs from the database: the office with its workload, built from
 * the configured database (embedded PGlite in RENKEI_DATA_DIR, or DATABASE_URL) as the platform itself acts.
 */
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { withDatabase } from "../cli/with-database.ts";
import { AppError } from "../core/errors.ts";
import { comparisonInput } from "./comparison.service.ts";
import type { OfficesCliDeps } from "./offices.cli.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The office as the comparison takes it, or null when there is no such office. */
async function loadOffice(id: string): Promise<unknown> {
  // Office ids are UUIDs: anything else is no office, and needs no database.
  if (!UUID.test(id)) return null;
  return withDatabase(async (database) => {
    try {
      return (await comparisonInput(database.db, SYSTEM_ACTOR, id)).input;
    } catch (error) {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    }
  });
}

export const officesCliDeps: OfficesCliDeps = { loadOffice };
