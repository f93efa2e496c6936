/**
 * @module people/people.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const peopleRoutes: RouteSpec<any, any, any, any>[] = [];
