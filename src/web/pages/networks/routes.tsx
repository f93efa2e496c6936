/**
 * @module web/pages/networks/routes
 * The networks pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const networksRoutes: RouteDef[] = [];
