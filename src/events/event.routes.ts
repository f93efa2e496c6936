/**
 * @module events/event.routes
 * HTTP routes of events, their sessions and their time slots.
 */
import { z } from "zod";
import { ZListResponse } from "../db/list-query.ts";
import { route } from "../server/route.ts";
import {
  ZEvent,
  ZEventCreate,
  ZEventListQuery,
  ZEventParams,
  ZEventUpdate,
  ZSession,
  ZSessionCreate,
  ZSessionParams,
  ZSlot,
  ZSlotCreate,
  ZSlotParams,
} from "./events.schema.ts";
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from "./events.service.ts";
import { createSession, createSlot, deleteSession, deleteSlot, listSessions, listSlots } from "./sessions.service.ts";

export const READ_RULE = "public events for everyone; shared and confidential ones for the owner, the organisations named, the organisers' members and the event's participants";
export const MANAGE_RULE = "admins and staff of the owner or of an organiser, and system administrators";
export const OWNER_RULE = "admins and staff of the owner organisation, and system administrators";
export const PARTICIPANT_RULE = "the participant's linked user or its organisation's admins and staff, or the event's managers";
const tags = ["events"];

export const eventRoutes = [
  route({
    method: "GET",
    url: "/api/events",
    summary: "List events: trade fairs, business missions, seminars, online sessions (filter, search in Japanese or English, cursor pagination)",
    tags,
    policy: { access: "public", rule: READ_RULE },
    query: ZEventListQuery,
    response: ZListResponse(ZEvent),
    handler: ({ ctx, actor, query }) => listEvents(ctx.database.db, actor, query),
  }),
  route({
    method: "GET",
    url: "/api/events/:id",
    summary: "Get one event (never its participants' contact details)",
    tags,
    policy: { access: "public", rule: READ_RULE },
    params: ZEventParams,
    response: ZEvent,
    handler: ({ ctx, actor, params }) => getEvent(ctx.database.db, actor, params.id),
  }),
  route({
    method: "POST",
    url: "/api/events",
    summary: "Create an event with its organisers",
    tags,
    policy: { access: "signed_in", rule: `${OWNER_RULE} (for ownerOrgId)` },
    body: ZEventCreate,
    response: ZEvent,
    handler: ({ ctx, actor, body }) => ctx.database.db.transaction((tx) => createEvent(tx, actor, body)),
  }),
  route({
    method: "PATCH",
    url: "/api/events/:id",
    summary: "Change an event (status held feeds the events_held KPIs)",
    tags,
    policy: { access: "signed_in", rule: `${MANAGE_RULE}; owner, organisers and visibility: ${OWNER_RULE}` },
    params: ZEventParams,
    body: ZEventUpdate,
    response: ZEvent,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => updateEvent(tx, actor, params.id, body)),
  }),
  route({
    method: "DELETE",
    url: "/api/events/:id",
    summary: "Delete an event and everything in it",
    tags,
    policy: { access: "signed_in", rule: OWNER_RULE },
    params: ZEventParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteEvent(tx, actor, params.id)),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/sessions",
    summary: "The event's sessions",
    tags,
    policy: { access: "public", rule: `as the event: ${READ_RULE}` },
    params: ZEventParams,
    response: z.array(ZSession),
    handler: ({ ctx, actor, params }) => listSessions(ctx.database.db, actor, params.id),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/sessions",
    summary: "Add a session and generate its time slots from the meeting length and breaks",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZSessionCreate,
    response: ZSession,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createSession(tx, actor, params.id, body)),
  }),
  route({
    method: "DELETE",
    url: "/api/events/:id/sessions/:sessionId",
    summary: "Delete a session with its slots (meetings placed there lose their place)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZSessionParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteSession(tx, actor, params.id, params.sessionId)),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/slots",
    summary: "The event's time slots, in its time zone",
    tags,
    policy: { access: "public", rule: `as the event: ${READ_RULE}` },
    params: ZEventParams,
    response: z.array(ZSlot),
    handler: ({ ctx, actor, params }) => listSlots(ctx.database.db, actor, params.id),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/slots",
    summary: "Add a time slot by hand (slots of one room may not overlap)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZSlotCreate,
    response: ZSlot,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createSlot(tx, actor, params.id, body)),
  }),
  route({
    method: "DELETE",
    url: "/api/events/:id/slots/:slotId",
    summary: "Delete a time slot (meetings placed there lose their place)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZSlotParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteSlot(tx, actor, params.id, params.slotId)),
  }),
];
