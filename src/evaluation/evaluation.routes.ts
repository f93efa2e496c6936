/**
 * @module evaluation/evaluation.routes
 * HTTP routes of this capability.
 */
import type { RouteSpec } from "../server/route.ts";

export const evaluationRoutes: RouteSpec<any, any, any, any>[] = [];
