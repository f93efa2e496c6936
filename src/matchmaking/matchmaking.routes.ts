/**
 * @module matchmaking/matchmaking.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const matchmakingRoutes: RouteSpec<any, any, any, any>[] = [];
