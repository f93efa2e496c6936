/**
 * @module networks/networks.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const networksRoutes: RouteSpec<any, any, any, any>[] = [];
