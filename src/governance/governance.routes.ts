/**
 * @module governance/governance.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const governanceRoutes: RouteSpec<any, any, any, any>[] = [];
