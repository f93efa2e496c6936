/**
 * @module web/pages/governance/routes
 * The governance pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const governanceRoutes: RouteDef[] = [];
