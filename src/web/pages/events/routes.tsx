/**
 * @module web/pages/events/routes
 * The events pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";

export const eventsRoutes: RouteDef[] = [];
