/**
 * @module events/meeting.routes
 * HTTP routes of meeting requests (with reminders), meetings (organiser-made, moved, cancelled, held or
 * no-show, feedback), scheduling, and the organisers' outputs: grid, whole-event iCalendar, participant
 * list and badges (XLSX and PDF), report and follow-up survey.
 */
import { z } from "zod";
import { route } from "../server/route.ts";
import { eventIcs } from "./agenda.service.ts";
import { attachmentDisposition, badgesPdf, participantListPdf, ZBadgesQuery } from "./badges-pdf.service.ts";
import { MANAGE_RULE, PARTICIPANT_RULE } from "./event.routes.ts";
import { ZEventParams, ZMeetingParams, ZRequestParams } from "./events.schema.ts";
import { listFollowUps, notifyFollowUps } from "./follow-up.service.ts";
import {
  ZAsOfBody,
  ZAsOfQuery,
  ZAttendance,
  ZFeedbackPut,
  ZFollowUp,
  ZMeeting,
  ZMeetingCancel,
  ZMeetingCreate,
  ZMeetingListQuery,
  ZMeetingMove,
  ZRequest,
  ZRequestAnswer,
  ZRequestCreate,
  ZRequestCreated,
  ZRequestListQuery,
} from "./meetings.schema.ts";
import { cancelMeeting, createOrganiserMeeting, getMeeting, listMeetings, putFeedback, recordAttendance } from "./meetings.service.ts";
import { grid, participantsWorkbook, report } from "./organiser-outputs.service.ts";
import { ZGrid, ZLangQuery, ZReport } from "./outputs.schema.ts";
import { answerRequest, createRequest, listRequests, remindersDue, sendReminders, withdrawRequest } from "./requests.service.ts";
import { moveMeeting, rescheduleEvent, scheduleEvent, ZRescheduleOptions, ZScheduleOptions, ZScheduleOutcome } from "./schedule.service.ts";

const tags = ["events"];
const OWN_RULE = "the event's managers; participants see their own";
const asOf = (q: { asOf?: string } | undefined) => (q?.asOf ? new Date(q.asOf) : new Date());

export const meetingRoutes = [
  route({
    method: "GET",
    url: "/api/events/:id/requests",
    summary: "Meeting requests (expired ones are shown as expired)",
    tags,
    policy: { access: "signed_in", rule: OWN_RULE },
    params: ZEventParams,
    query: ZRequestListQuery,
    response: z.array(ZRequest),
    handler: ({ ctx, actor, params, query }) => listRequests(ctx.database.db, actor, params.id, query, new Date()),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/requests",
    summary: "Ask for a meeting; if the other side has asked too, both become one accepted meeting",
    tags,
    policy: { access: "signed_in", rule: `for fromParticipantId: ${PARTICIPANT_RULE}; both approved; caps count meetings and unexpired pending requests` },
    params: ZEventParams,
    body: ZRequestCreate,
    response: ZRequestCreated,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createRequest(tx, actor, params.id, body, new Date())),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/requests/:requestId/answer",
    summary: "Accept or decline a request before it expires",
    tags,
    policy: { access: "signed_in", rule: `for the recipient: ${PARTICIPANT_RULE}` },
    params: ZRequestParams,
    body: ZRequestAnswer,
    response: ZRequest,
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => answerRequest(tx, actor, params.id, params.requestId, body.answer, new Date())),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/requests/:requestId/withdraw",
    summary: "Withdraw a pending request",
    tags,
    policy: { access: "signed_in", rule: `for the requester: ${PARTICIPANT_RULE}` },
    params: ZRequestParams,
    body: z.strictObject({}),
    response: ZRequest,
    status: 200,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => withdrawRequest(tx, actor, params.id, params.requestId, new Date())),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/reminders",
    summary: "Requests due a reminder as of a time: pending, not expired, unanswered for reminderAfterMinutes, not yet reminded",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    query: ZAsOfQuery,
    response: z.array(ZRequest),
    handler: ({ ctx, actor, params, query }) => remindersDue(ctx.database.db, actor, params.id, asOf(query)),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/reminders",
    summary: "Send the due reminders (in-app notifications to the recipients) and mark them sent",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZAsOfBody,
    response: z.object({ sent: z.number().int(), requests: z.array(ZRequest) }),
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => sendReminders(tx, actor, params.id, asOf(body))),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/meetings",
    summary: "Meetings, in time order",
    tags,
    policy: { access: "signed_in", rule: OWN_RULE },
    params: ZEventParams,
    query: ZMeetingListQuery,
    response: z.array(ZMeeting),
    handler: ({ ctx, actor, params, query }) => listMeetings(ctx.database.db, actor, params.id, query),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/meetings",
    summary: "An organiser-made meeting, fixed in a slot (re-validated) or left to the scheduler",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZMeetingCreate,
    response: ZMeeting,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createOrganiserMeeting(tx, actor, params.id, body, new Date())),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/meetings/:meetingId",
    summary: "One meeting",
    tags,
    policy: { access: "signed_in", rule: OWN_RULE },
    params: ZMeetingParams,
    response: ZMeeting,
    handler: ({ ctx, actor, params }) => getMeeting(ctx.database.db, actor, params.id, params.meetingId),
  }),
  route({
    method: "PATCH",
    url: "/api/events/:id/meetings/:meetingId",
    summary: "Move a meeting (drag-to-move in the organiser grid); 400 naming the conflict",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZMeetingParams,
    body: ZMeetingMove,
    response: ZMeeting,
    handler: async ({ ctx, actor, params, body }) => {
      await ctx.database.db.transaction((tx) => moveMeeting(tx, actor, params.id, params.meetingId, body, new Date()));
      return getMeeting(ctx.database.db, actor, params.id, params.meetingId);
    },
  }),
  route({
    method: "POST",
    url: "/api/events/:id/meetings/:meetingId/cancel",
    summary: "Cancel a planned meeting (then reschedule)",
    tags,
    policy: { access: "signed_in", rule: `either side (${PARTICIPANT_RULE})` },
    params: ZMeetingParams,
    body: ZMeetingCancel,
    response: ZMeeting,
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => cancelMeeting(tx, actor, params.id, params.meetingId, body.reason ?? null, new Date())),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/meetings/:meetingId/attendance",
    summary: "Record that a meeting was held or a no-show (held meetings feed business_negotiations)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZMeetingParams,
    body: ZAttendance,
    response: ZMeeting,
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => recordAttendance(tx, actor, params.id, params.meetingId, body, new Date())),
  }),
  route({
    method: "PUT",
    url: "/api/events/:id/meetings/:meetingId/feedback",
    summary: "Feedback after the meeting: rating, comments, outcome",
    tags,
    policy: { access: "signed_in", rule: `for participantId: ${PARTICIPANT_RULE}` },
    params: ZMeetingParams,
    body: ZFeedbackPut,
    response: ZMeeting,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putFeedback(tx, actor, params.id, params.meetingId, body, new Date())),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/schedule",
    summary: "Schedule the accepted meetings optimally (priority, then fairness) and store their slots and tables",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZScheduleOptions,
    response: ZScheduleOutcome,
    status: 200,
    handler: ({ ctx, actor, params, body }) => scheduleEvent(ctx.database.db, actor, params.id, body, new Date()),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/reschedule",
    summary: "Reschedule after cancellations and withdrawals, moving as few meetings as possible",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZRescheduleOptions,
    response: ZScheduleOutcome,
    status: 200,
    handler: ({ ctx, actor, params, body }) => rescheduleEvent(ctx.database.db, actor, params.id, body, new Date()),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/grid",
    summary: "The organiser grid: tables × slots",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    response: ZGrid,
    handler: ({ ctx, actor, params }) => grid(ctx.database.db, actor, params.id),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/agenda.ics",
    summary: "Every meeting of the event as iCalendar (RFC 5545)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    query: ZLangQuery,
    produces: "text/calendar",
    handler: async ({ ctx, actor, params, query, reply }) => {
      const body = await eventIcs(ctx.database.db, actor, params.id, query.lang);
      return reply.header("content-type", "text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="event-${params.id}.ics"`).send(body);
    },
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants.xlsx",
    summary: "Participant list and badges as an XLSX workbook",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    handler: async ({ ctx, actor, params, reply }) => {
      const { file, name } = await participantsWorkbook(ctx.database.db, actor, params.id);
      return reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").header("content-disposition", `attachment; filename="${name}"`).send(file);
    },
  }),
  route({
    method: "GET",
    url: "/api/events/:id/badges.pdf",
    summary: "Name badges as PDF: A4, 2 × 4 badges of 90 × 55 mm with cut marks, approved participants (or the chosen ones)",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    query: ZBadgesQuery,
    produces: "application/pdf",
    handler: async ({ ctx, actor, params, query, reply }) => {
      const { file, name, utf8Name } = await badgesPdf(ctx.database.db, actor, params.id, query.participantId);
      return reply.header("content-type", "application/pdf").header("content-disposition", attachmentDisposition(name, utf8Name)).send(file);
    },
  }),
  route({
    method: "GET",
    url: "/api/events/:id/participants.pdf",
    summary: "Participant list as PDF: A4 landscape table, header row on every page, numbered pages",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    produces: "application/pdf",
    handler: async ({ ctx, actor, params, reply }) => {
      const { file, name, utf8Name } = await participantListPdf(ctx.database.db, actor, params.id);
      return reply.header("content-type", "application/pdf").header("content-disposition", attachmentDisposition(name, utf8Name)).send(file);
    },
  }),
  route({
    method: "GET",
    url: "/api/events/:id/report",
    summary: "Event report: participants, requests, meetings held and no-shows, feedback averages, outcomes reported later",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    response: ZReport,
    handler: ({ ctx, actor, params }) => report(ctx.database.db, actor, params.id, new Date()),
  }),
  route({
    method: "GET",
    url: "/api/events/:id/follow-ups",
    summary: "The follow-up survey: who is asked, when it is due, the answers",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    query: ZAsOfQuery,
    response: z.array(ZFollowUp),
    handler: ({ ctx, actor, params, query }) => listFollowUps(ctx.database.db, actor, params.id, asOf(query)),
  }),
  route({
    method: "POST",
    url: "/api/events/:id/follow-ups/notify",
    summary: "Notify the participants asked the follow-up survey once it is due",
    tags,
    policy: { access: "signed_in", rule: MANAGE_RULE },
    params: ZEventParams,
    body: ZAsOfBody,
    response: z.object({ notified: z.number().int(), dueOn: z.string() }),
    status: 200,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => notifyFollowUps(tx, actor, params.id, asOf(body))),
  }),
];
