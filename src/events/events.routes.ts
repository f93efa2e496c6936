/**
 * @module events/events.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const eventsRoutes: RouteSpec<any, any, any, any>[] = [];
