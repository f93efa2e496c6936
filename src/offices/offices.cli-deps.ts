/**
 * @module offices/offices.cli-deps
 * What `renkei offices compare --office` needs from the database: the office with its workload.
 */
import type { OfficesCliDeps } from "./offices.cli.ts";

export const officesCliDeps: OfficesCliDeps = {};
