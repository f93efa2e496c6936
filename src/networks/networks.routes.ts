/**
 * @module networks/networks.routes
 * HTTP routes of the networks capability: ties over their lifetime, network details, the good-practice
 * library with partner requests, and the graph and map endpoints.
 */
import type { RouteSpec } from "../server/route.ts";
import { graphRoutes } from "./graph.routes.ts";
import { libraryRoutes } from "./library.routes.ts";
import { membershipRoutes } from "./membership.routes.ts";
import { tieLifeRoutes } from "./tie-life.routes.ts";

export const networksRoutes: RouteSpec<any, any, any, any>[] = [...graphRoutes, ...tieLifeRoutes, ...membershipRoutes, ...libraryRoutes];
