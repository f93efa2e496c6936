/**
 * @module server/capabilities
 * Routes of the capabilities beyond the registry, collected in one list so app.ts stays the same as
 * capabilities grow. Each capability owns its `x.routes.ts`.
 */
import { evaluationRoutes } from "../evaluation/evaluation.routes.ts";
import { eventsRoutes } from "../events/events.routes.ts";
import { governanceRoutes } from "../governance/governance.routes.ts";
import { matchmakingRoutes } from "../matchmaking/matchmaking.routes.ts";
import { networksRoutes } from "../networks/networks.routes.ts";
import { officesRoutes } from "../offices/offices.routes.ts";
import { peopleRoutes } from "../people/people.routes.ts";
import type { RouteSpec } from "./route.ts";

export const capabilityRoutes: RouteSpec<any, any, any, any>[] = [
  ...evaluationRoutes,
  ...governanceRoutes,
  ...networksRoutes,
  ...matchmakingRoutes,
  ...eventsRoutes,
  ...officesRoutes,
  ...peopleRoutes,
];
