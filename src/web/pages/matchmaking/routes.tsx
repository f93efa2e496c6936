/**
 * @module web/pages/matchmaking/routes
 * The matchmaking pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const matchmakingRoutes: RouteDef[] = [];
