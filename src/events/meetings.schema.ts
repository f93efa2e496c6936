/**
 * @module events/meetings.schema
 * Schemas of meeting requests (with expiry and reminders), meetings (accepted or organiser-made, moved,
 * cancelled, held or no-show), feedback after a meeting and the follow-up survey months later.
 */
import { z } from "zod";
import { optionalText } from "../core/schema-fields.ts";
import { ZInstant, ZSlot } from "./events.schema.ts";
import { FEEDBACK_OUTCOMES, MEETING_STATUSES, PARTICIPANT_TYPES, REQUEST_VIEW_STATUSES } from "./vocabulary.ts";

const ZPriority = z.number().int().min(1, "priority must be 1, 2 or 3").max(3, "priority must be 1, 2 or 3");

// ---------- requests ----------
export const ZRequestCreate = z
  .strictObject({
    fromParticipantId: z.uuid().describe("The participant asking (yours, or any when you organise)"),
    toParticipantId: z.uuid().describe("The participant asked"),
    priority: ZPriority.default(2).describe("1–3, 3 = most important to the requester"),
    message: optionalText(2000, "A note to the other side"),
  })
  .superRefine((r, ctx) => {
    if (r.fromParticipantId === r.toParticipantId) ctx.addIssue({ code: "custom", path: ["toParticipantId"], message: "must differ from fromParticipantId" });
  })
  .describe("A meeting request");
export type TRequestCreate = z.infer<typeof ZRequestCreate>;

export const ZRequestAnswer = z.strictObject({ answer: z.enum(["accept", "decline"]).describe("The recipient's answer") });

export const ZRequest = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  fromParticipantId: z.uuid(),
  fromName: z.string(),
  toParticipantId: z.uuid(),
  toName: z.string(),
  priority: z.number().int(),
  message: z.string().nullable(),
  status: z.enum(REQUEST_VIEW_STATUSES).describe("expired: pending past expiresAt; it no longer blocks the pair or counts against caps"),
  expiresAt: z.string(),
  reminderSentAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  meetingId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type TRequest = z.infer<typeof ZRequest>;
export const ZRequestCreated = ZRequest.extend({
  merged: z.boolean().describe("The other side had asked for the same meeting: both requests became one accepted meeting"),
});

export const ZRequestListQuery = z.strictObject({
  participantId: z.uuid().optional().describe("Requests from or to this participant"),
  status: z.enum(REQUEST_VIEW_STATUSES).optional(),
});

export const ZAsOfQuery = z.strictObject({ asOf: ZInstant.optional().describe("The time to evaluate at (default now)") });
export const ZAsOfBody = z.strictObject({ asOf: ZInstant.optional().describe("The time to evaluate at (default now)") });

// ---------- meetings ----------
export const ZMeetingCreate = z
  .strictObject({
    participantIds: z.tuple([z.uuid(), z.uuid()]).describe("The two participants"),
    priority: ZPriority.default(3),
    slotId: z.uuid().nullable().optional().describe("Fix the meeting in this slot (re-validated); absent: the scheduler places it"),
    table: z.number().int().min(1).nullable().optional().describe("Table number in the slot (default: a free one)"),
  })
  .superRefine((m, ctx) => {
    if (m.participantIds[0] === m.participantIds[1]) ctx.addIssue({ code: "custom", path: ["participantIds", 1], message: "must differ from the first participant" });
    if (m.table && !m.slotId) ctx.addIssue({ code: "custom", path: ["table"], message: "needs a slotId" });
  })
  .describe("An organiser-made meeting");
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;

export const ZMeetingMove = z
  .strictObject({
    slotId: z.uuid().nullable().describe("The slot to move to; null takes the meeting out of the schedule"),
    table: z.number().int().min(1).optional().describe("Table number in the slot (default: the lowest free one)"),
    fixed: z.boolean().default(true).describe("Pin it there, so scheduling and rescheduling keep it"),
  })
  .describe("Drag-to-move in the organiser grid");
export type TMeetingMove = z.infer<typeof ZMeetingMove>;

export const ZMeetingCancel = z.strictObject({ reason: optionalText(500, "Why the meeting is cancelled") });

export const ZAttendance = z
  .strictObject({
    status: z.enum(["held", "no_show", "planned"]).describe("held, no_show, or planned to undo"),
    noShowParticipantIds: z.array(z.uuid()).max(2).default([]).describe("With no_show: who did not come (default both)"),
  })
  .describe("What happened at the meeting");

export const ZFeedbackPut = z
  .strictObject({
    participantId: z.uuid().describe("The participant giving feedback (one of the two)"),
    rating: z.number().int().min(1).max(5).describe("1–5"),
    outcome: z.enum(FEEDBACK_OUTCOMES).describe("none, follow_up, negotiation or agreement"),
    comments: optionalText(4000, "Comments"),
  })
  .describe("Feedback after the meeting");
export type TFeedbackPut = z.infer<typeof ZFeedbackPut>;

const ZParty = z.object({ id: z.uuid(), name: z.string(), participantType: z.enum(PARTICIPANT_TYPES) });
export const ZMeeting = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  participants: z.tuple([ZParty, ZParty]),
  priority: z.number().int(),
  status: z.enum(MEETING_STATUSES),
  organiserMade: z.boolean(),
  fixed: z.boolean().describe("Pinned by the organiser"),
  slot: ZSlot.nullable(),
  table: z.number().int().nullable(),
  tableName: z.string().nullable(),
  noShowParticipantIds: z.array(z.uuid()),
  cancelReason: z.string().nullable(),
  requestIds: z.array(z.uuid()).describe("The requests merged into this meeting"),
  feedback: z.array(z.object({ participantId: z.uuid(), rating: z.number().int(), outcome: z.enum(FEEDBACK_OUTCOMES), comments: z.string().nullable() })),
  createdAt: z.string(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingListQuery = z.strictObject({
  participantId: z.uuid().optional().describe("Meetings of this participant"),
  status: z.enum(MEETING_STATUSES).optional(),
});

// ---------- follow-up ----------
export const ZFollowUpPut = z
  .strictObject({
    negotiations: z.number().int().min(0).max(100_000).nullable().optional().describe("Negotiations still going on from the event's meetings (reported, not fed to KPIs)"),
    contracts: z.number().int().min(0).max(100_000).nullable().optional().describe("Contracts concluded from the event's meetings (feeds contracts)"),
    salesJpy: z.number().int().min(0).max(1e13).nullable().optional().describe("Sales in yen from those contracts (feeds sales_jpy)"),
    comments: optionalText(4000, "Comments"),
  })
  .describe("The follow-up survey's answers");
export type TFollowUpPut = z.infer<typeof ZFollowUpPut>;

export const ZFollowUp = z.object({
  participantId: z.uuid(),
  name: z.string(),
  participantType: z.enum(PARTICIPANT_TYPES),
  dueOn: z.string().describe("Event end + followUpMonths"),
  due: z.boolean().describe("dueOn has come (as of the query time)"),
  notifiedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  negotiations: z.number().int().nullable(),
  contracts: z.number().int().nullable(),
  salesJpy: z.number().nullable(),
  comments: z.string().nullable(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;
