/**
 * @module web/pages/people/routes
 * The people pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const peopleRoutes: RouteDef[] = [];
