/**
 * @module offices/offices.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const officesRoutes: RouteSpec<any, any, any, any>[] = [];
