/**
 * @module server/capabilities
 * Routes of the capabilities beyond the registry (governance, networks, matchmaking, events, offices,
 * people), collected in one list so app.ts stays the same as capabilities are added.
 */
import type { RouteSpec } from "./route.ts";

export const capabilityRoutes: RouteSpec<any, any, any, any>[] = [];
