/**
 * @module governance/governance.cli-deps
 * What `renkei assess --org` needs from the database: the profile of an organisation, found by id or local
 * government code in the configured database (embedded PGlite in RENKEI_DATA_DIR, or DATABASE_URL), read
 * as the platform itself (every record counts, confidential ones included).
 */
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { withDatabase } from "../cli/with-database.ts";
import { AppError } from "../core/errors.ts";
import { findOrganisationByIdOrCode } from "../registry/organisations.service.ts";
import type { AssessCliDeps } from "./assess.cli.ts";
import { profileFromDatabase } from "./profile-from-database.ts";

export const assessCliDeps: AssessCliDeps = {
  loadProfile: (orgIdOrCode) =>
    withDatabase(async (database) => {
      const org = await findOrganisationByIdOrCode(database.db, orgIdOrCode);
      if (!org) {
        throw new AppError("validation_failed", `No organisation ${orgIdOrCode} in the database.`, [
          { path: "--org", message: "no organisation with this id or local government code", value: orgIdOrCode },
        ]);
      }
      try {
        return await profileFromDatabase(database.db, SYSTEM_ACTOR, org.id);
      } catch (error) {
        // The profile builder names the route's field; on the command line the option is what was given.
        if (error instanceof AppError && error.code === "validation_failed") throw new AppError(error.code, error.message, [{ path: "--org", message: error.errors[0]?.message ?? error.message }]);
        throw error;
      }
    }),
};
