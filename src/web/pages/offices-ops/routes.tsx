/**
 * @module web/pages/offices-ops/routes
 * The offices-ops pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const officesOpsRoutes: RouteDef[] = [];
