/**
 * @module governance/governance.cli-deps
 * What `renkei assess --org` needs from the database: the profile of an organisation.
 */
import type { AssessCliDeps } from "./assess.cli.ts";

export const assessCliDeps: AssessCliDeps = {};
