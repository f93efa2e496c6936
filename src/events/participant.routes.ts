/**
 * @module events/participant.routes
 * HTTP routes of participants: registration and approval, import, availability, notifications, the
 * personal agenda (JSON and iCalendar), match suggestions and the follow-up survey answer.
 */
import { z } from "zod";
import { route } from "../server/route.ts";
import { agenda, participantIcs } from "./agenda.service.ts";
import { MANAGE_RULE, PARTICIPANT_RULE } from "./event.routes.ts";
import { ZEventParams, ZParticipantParams } from "./events.schema.ts";
import { answerFollowUp, getFollowUp } from "./follow-up.service.ts";
import { ZFollowUp, ZFollowUpPut } from "./meetings.schema.ts";
import { listNotifications, markRead, ZMarkRead, ZNotification, ZNotificationQuery } from "./notifications.service.ts";
import { ZAgenda, ZLangQuery, ZSuggestion, ZSuggestionQuery } from "./outputs.schema.ts";
import { importParticipants, previewImport, uploadedTable } from "./participants-import.ts";
import {
  ZAvailabilityPut,
  ZDecision,
  ZImportPreview,
  ZImportPreviewBody,
  ZImportResult,
  ZParticipant,
  ZParticipantCreate,
  ZParticipantImport,
  ZParticipantListQuery,
  ZParticipantUpdate,
  ZWithdraw,
} from "./participants.schema.ts";
import { addParticipant, decideParticipant, getParticipant, listParticipants, setAvailability, updateParticipant, withdrawParticipant } from "./participants.service.ts";
import { suggestions } from "./suggestions.service.ts";

const tags = ["events"];
const SEE_RULE = "the event's managers (with contact details); the participant's side; other approved participants see approved participants without contact details";

export const participantRoutes = [
  route({
    method: "GET",
    url: "/api/events/:id/participants",
    summary: "The event's participants",
    tags,
    policy: { access: "signed_in", rule: SEE_RULE },
    params: ZEventParams,
    query: ZParticipantListQuery,
    response: z.array(ZParticipant),
    handler: ({ ctx, actor, params, query }) => listParticipants(ctx.database.db, actor, params.id, query),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants",
    summary: "Add a participant (organisers; approved unless a status is given) or register your organisation (pending approval; registration must be open)",
    tags,
    policy: { access: "signed_in", rule: `${MANAGE_RULE}; or admins and staff of orgId while registration is open; caps per participant type apply on approval` },
    params: ZEventParams,
    body: ZParticipantCreate,
    response: ZParticipant,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => addParticipant(tx, actor, params.id, body)),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants/import",
    summary: "Import participants from CSV or XLSX with a column mapping, all or nothing, with a row-level error report",
    tags,
    policy: { access: "signed_in", rule: `${MANAGE_RULE}; any error rejects the whole file` },
    params: ZEventParams,
    body: ZParticipantImport,
    response: ZImportResult,
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => importParticipants(tx, actor, params.id, uploadedTable(body), body)),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants/import/preview",
    summary: "Read a CSV or XLSX file's columns, row count and first rows, with a guessed column mapping (nothing is written)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZImportPreviewBody,
    response: ZImportPreview,
    status: 200,
    handler: ({ ctx, actor, params, body }) => previewImport(ctx.database.db, actor, params.id, uploadedTable(body)),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid",
    summary: "One participant",
    tags,
    policy: { access: "signed_in", rule: SEE_RULE },
    params: ZParticipantParams,
    response: ZParticipant,
    handler: ({ ctx, actor, params }) => getParticipant(ctx.database.db, actor, params.id, params.pid),
  }),
  route({
    method: "PATCH",
    url: "/api/events/:id/participants/:pid",
    summary: "Change a participant (type and organisation: organisers only)",
    tags,
    policy: { access: "signed_in", rule: PARTICIPANT_RULE },
    params: ZParticipantParams,
    body: ZParticipantUpdate,
    response: ZParticipant,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => updateParticipant(tx, actor, params.id, params.pid, body)),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants/:pid/decision",
    summary: "Approve or reject a registration (approval respects the cap per participant type)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZParticipantParams,
    body: ZDecision,
    response: ZParticipant,
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => decideParticipant(tx, actor, params.id, params.pid, body.status, new Date())),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants/:pid/withdraw",
    summary: "Withdraw a participant: its planned meetings are cancelled and its pending requests withdrawn (then reschedule)",
    tags,
    policy: { access: "signed_in", rule: PARTICIPANT_RULE },
    params: ZParticipantParams,
    body: ZWithdraw,
    response: ZParticipant,
    status: 200,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => withdrawParticipant(tx, actor, params.id, params.pid, new Date())),
  }),
  route({
    method: "PUT",
    url: "/api/events/:id/participants/:pid/availability",
    summary: "Set the slots the participant can meet in",
    tags,
    policy: { access: "signed_in", rule: PARTICIPANT_RULE },
    params: ZParticipantParams,
    body: ZAvailabilityPut,
    response: ZParticipant,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => setAvailability(tx, actor, params.id, params.pid, body.availableSlotIds)),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid/notifications",
    summary: "The participant's in-app notifications, newest first",
    tags,
    policy: { access: "signed_in", rule: PARTICIPANT_RULE },
    params: ZParticipantParams,
    query: ZNotificationQuery,
    response: z.array(ZNotification),
    handler: ({ ctx, actor, params, query }) => listNotifications(ctx.database.db, actor, params.id, params.pid, query.unread === "true"),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/participants/:pid/notifications/read",
    summary: "Mark notifications read",
    tags,
    policy: { access: "signed_in", rule: PARTICIPANT_RULE },
    params: ZParticipantParams,
    body: ZMarkRead,
    response: z.object({ marked: z.number().int() }),
    status: 200,
    handler: ({ ctx, actor, params, body }) => markRead(ctx.database.db, actor, params.id, params.pid, body.ids, new Date()),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid/agenda",
    summary: "The participant's personal agenda: placed meetings in time order, and accepted ones not yet placed",
    tags,
    policy: { access: "signed_in", rule: "the event's managers and the participant's side" },
    params: ZParticipantParams,
    response: ZAgenda,
    handler: ({ ctx, actor, params }) => agenda(ctx.database.db, actor, params.id, params.pid),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid/agenda.ics",
    summary: "The participant's agenda as iCalendar (RFC 5545); SEQUENCE is the schedule revision",
    tags,
    policy: { access: "signed_in", rule: "the event's managers and the participant's side" },
    params: ZParticipantParams,
    query: ZLangQuery,
    produces: "text/calendar",
    handler: async ({ ctx, actor, params, query, reply }) => {
      const body = await participantIcs(ctx.database.db, actor, params.id, params.pid, query.lang);
      return reply.header("content-type", "text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="agenda-${params.pid}.ics"`).send(body);
    },
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid/suggestions",
    summary: "Participants to meet, from the matchmaking engine: those who offer what this one seeks and those who seek what it offers",
    tags,
    policy: { access: "signed_in", rule: "the event's managers and the participant's side" },
    params: ZParticipantParams,
    query: ZSuggestionQuery,
    response: z.array(ZSuggestion),
    handler: ({ ctx, actor, params, query }) => suggestions(ctx.database.db, actor, params.id, params.pid, query.limit),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants/:pid/follow-up",
    summary: "The participant's follow-up survey: due date, whether it is due, and the answers so far",
    tags,
    policy: { access: "signed_in", rule: `${PARTICIPANT_RULE}; asked participant types only` },
    params: ZParticipantParams,
    response: ZFollowUp,
    handler: ({ ctx, actor, params }) => getFollowUp(ctx.database.db, actor, params.id, params.pid, new Date()),
  }),
  route({
    method: "PUT",
    url: "/api/events/:id/participants/:pid/follow-up",
    summary: "Answer the follow-up survey (contracts and sales feed the organisers' KPIs)",
    tags,
    policy: { access: "signed_in", rule: `${PARTICIPANT_RULE}; once the event has ended` },
    params: ZParticipantParams,
    body: ZFollowUpPut,
    response: ZFollowUp,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => answerFollowUp(tx, actor, params.id, params.pid, body, new Date())),
  }),
];
