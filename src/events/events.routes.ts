/**
 * @module events/events.routes
 * HTTP routes of events: the events with their sessions and slots, participants, meeting requests and
 * meetings, scheduling, agendas and the organisers' outputs.
 */
import type { RouteSpec } from "../server/route.ts";
import { eventRoutes } from "./event.routes.ts";
import { meetingRoutes } from "./meeting.routes.ts";
import { participantRoutes } from "./participant.routes.ts";

export const eventsRoutes: RouteSpec<any, any, any, any>[] = [...eventRoutes, ...participantRoutes, ...meetingRoutes];
