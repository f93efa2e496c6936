/**
 * @module events/events.schema
 * Request and response schemas of events, their organisers, sessions and time slots. Times are
 * ISO-8601 date-times with an offset on the way in, and are answered with the event time zone's offset.
 */
import { z } from "zod";
import { ZCountryCode } from "../core/codes.ts";
import { accessFields, accessOutput, optionalText, text, uniqueList, withoutDefaults } from "../core/schema-fields.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { ZTimeZone } from "./time-zone.ts";
import { EVENT_KINDS, EVENT_STATUSES, ORGANISER_ROLES, PARTICIPANT_TYPES } from "./vocabulary.ts";

export const ZInstant = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with an offset, e.g. 2026-03-10T10:00:00+07:00" });
const ZDay = z.iso.date({ error: "must be a date YYYY-MM-DD" });

export const ZOrganiser = z.strictObject({
  orgId: z.uuid().describe("An organising organisation"),
  role: z.enum(ORGANISER_ROLES).default("co_organiser").describe("lead, co_organiser, partner or supporter"),
});

export const ZTables = z
  .union([z.number().int().min(0).max(2000), z.array(text(50, "Table or room name")).min(1).max(2000)])
  .describe("Number of tables per slot, or their names (A1, Booth 3…; their number is the count)");

const ZCaps = z
  .strictObject(Object.fromEntries(PARTICIPANT_TYPES.map((t) => [t, z.number().int().min(0).max(100_000).optional()])) as Record<(typeof PARTICIPANT_TYPES)[number], z.ZodOptional<z.ZodNumber>>)
  .describe("Most approved participants per type, e.g. {\"seller\": 40}; a type left out has no cap");

const eventFields = {
  ownerOrgId: z.uuid().describe("The organisation that owns the event record"),
  officeId: z.uuid().nullable().optional().describe("The organising overseas office (of an organiser), whose KPIs the outcomes feed"),
  organisers: z.array(ZOrganiser).max(20).default([]).describe("Organising organisations with their roles; the owner is added as lead when absent"),
  kind: z.enum(EVENT_KINDS).describe("trade_fair, business_mission, seminar or online_session"),
  nameJa: text(300, "Name in Japanese"),
  nameEn: text(300, "Name in English"),
  descriptionJa: optionalText(4000, "Description in Japanese"),
  descriptionEn: optionalText(4000, "Description in English"),
  startsOn: ZDay.describe("First day (local date at the venue)"),
  endsOn: ZDay.describe("Last day (local date at the venue)"),
  timeZone: ZTimeZone,
  venueJa: optionalText(300, "Venue in Japanese"),
  venueEn: optionalText(300, "Venue in English"),
  cityEn: optionalText(100, "City in English"),
  country: ZCountryCode.nullable().optional(),
  onlineUrl: z.url().max(500).nullable().optional().describe("Link of an online session"),
  status: z.enum(EVENT_STATUSES).default("planned").describe("planned, registration_open (participants may register), registration_closed, held, cancelled"),
  meetingMinutes: z.number().int().min(5).max(480).default(20).describe("Length of a 1:1 meeting, used to generate slots"),
  breakMinutes: z.number().int().min(0).max(480).default(0).describe("Pause after each meeting when generating slots"),
  tables: ZTables.default(0),
  participantCaps: ZCaps.default({}),
  defaultMaxMeetings: z.number().int().min(0).max(1000).nullable().optional().describe("Most meetings per participant unless the participant has its own cap"),
  requestExpiryMinutes: z.number().int().min(1).max(525_600).default(2880).describe("A request unanswered this long expires (minutes; 1440 = a day)"),
  reminderAfterMinutes: z.number().int().min(1).max(525_599).default(1440).describe("Remind the recipient of a request unanswered this long (less than the expiry)"),
  followUpMonths: z.number().int().min(1).max(36).default(6).describe("Months after the event when the follow-up survey is due"),
  followUpTypes: uniqueList(z.enum(PARTICIPANT_TYPES), "Participant types asked the follow-up survey").default(["seller"]),
};

function eventRules(e: { startsOn?: string; endsOn?: string; requestExpiryMinutes?: number; reminderAfterMinutes?: number }, ctx: z.RefinementCtx): void {
  if (e.startsOn && e.endsOn && e.endsOn < e.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "must not be before startsOn" });
  if (e.requestExpiryMinutes !== undefined && e.reminderAfterMinutes !== undefined && e.reminderAfterMinutes >= e.requestExpiryMinutes) {
    ctx.addIssue({ code: "custom", path: ["reminderAfterMinutes"], message: "must be less than requestExpiryMinutes" });
  }
}

export const ZEventCreate = z.strictObject({ ...eventFields, ...accessFields }).superRefine(eventRules).describe("A new event");
export type TEventCreate = z.infer<typeof ZEventCreate>;
export const ZEventUpdate = z.strictObject(withoutDefaults({ ...eventFields, ...accessFields })).partial().superRefine(eventRules).describe("Fields to change");
export type TEventUpdate = z.infer<typeof ZEventUpdate>;

export const ZEvent = z.object({
  id: z.uuid(),
  ownerOrgId: z.uuid(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
  officeId: z.uuid().nullable(),
  organisers: z.array(z.object({ orgId: z.uuid(), role: z.enum(ORGANISER_ROLES), nameJa: z.string(), nameEn: z.string() })),
  kind: z.enum(EVENT_KINDS),
  nameJa: z.string(),
  nameEn: z.string(),
  descriptionJa: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  timeZone: z.string(),
  venueJa: z.string().nullable(),
  venueEn: z.string().nullable(),
  cityEn: z.string().nullable(),
  country: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  status: z.enum(EVENT_STATUSES),
  meetingMinutes: z.number().int(),
  breakMinutes: z.number().int(),
  tables: z.object({ count: z.number().int(), names: z.array(z.string()) }),
  participantCaps: z.record(z.string(), z.number().int()),
  defaultMaxMeetings: z.number().int().nullable(),
  requestExpiryMinutes: z.number().int(),
  reminderAfterMinutes: z.number().int(),
  followUpMonths: z.number().int(),
  followUpTypes: z.array(z.enum(PARTICIPANT_TYPES)),
  scheduleRevision: z.number().int().describe("Raised at every stored schedule"),
  scheduledAt: z.string().nullable(),
  you: z.object({
    canManage: z.boolean().describe("You are admin or staff of the owner or an organiser"),
    participantIds: z.array(z.uuid()).describe("Participants you answer for (linked user or member of their organisation)"),
  }),
  ...accessOutput,
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZEventListQuery = ZListQueryBase.extend({
  kind: z.enum(EVENT_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  ownerOrgId: z.uuid().optional().describe("Events this organisation owns or organises"),
  country: ZCountryCode.optional(),
  from: ZDay.optional().describe("Events ending on or after this date"),
  to: ZDay.optional().describe("Events starting on or before this date"),
});

export const ZEventParams = z.strictObject({ id: z.uuid().describe("Event id") });

// ---------- sessions and slots ----------
const ZInterval = z.strictObject({ start: ZInstant, end: ZInstant });

export const ZSessionCreate = z
  .strictObject({
    nameJa: text(200, "Name in Japanese (e.g. 午前の部)"),
    nameEn: text(200, "Name in English (e.g. Morning session)"),
    startsAt: ZInstant.describe("Start, with offset"),
    endsAt: ZInstant.describe("End, with offset"),
    room: optionalText(100, "Room or area whose tables the session uses; sessions in different rooms may run in parallel"),
    generateSlots: z.boolean().default(true).describe("Generate the time slots from the meeting length and breaks"),
    meetingMinutes: z.number().int().min(5).max(480).optional().describe("Meeting length (default: the event's)"),
    breakMinutes: z.number().int().min(0).max(480).optional().describe("Pause after each meeting (default: the event's)"),
    breaks: z.array(ZInterval).max(20).default([]).describe("Breaks inside the session (lunch, a plenary): no slot overlaps them"),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
    s.breaks.forEach((b, i) => {
      if (Date.parse(b.end) <= Date.parse(b.start)) ctx.addIssue({ code: "custom", path: ["breaks", i, "end"], message: "must be after start" });
    });
  })
  .describe("A session of meetings");
export type TSessionCreate = z.infer<typeof ZSessionCreate>;

export const ZSession = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  nameJa: z.string(),
  nameEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  room: z.string().nullable(),
  slotCount: z.number().int(),
});

export const ZSlotCreate = z
  .strictObject({
    startsAt: ZInstant.describe("Start, with offset"),
    endsAt: ZInstant.describe("End, with offset"),
    sessionId: z.uuid().nullable().optional().describe("Session the slot belongs to (for per-session caps)"),
    room: optionalText(100, "Room or area; absent: the session's room or the main room"),
    tables: z.number().int().min(0).max(2000).nullable().optional().describe("Tables in this slot when it differs from the event's"),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
  })
  .describe("A time slot given by hand");
export type TSlotCreate = z.infer<typeof ZSlotCreate>;

export const ZSlot = z.object({
  id: z.uuid(),
  sessionId: z.uuid().nullable(),
  startsAt: z.string().describe("Start in the event's time zone, with offset"),
  endsAt: z.string(),
  room: z.string().nullable(),
  tables: z.number().int().nullable().describe("Tables in this slot when it differs from the event's"),
});
export type TSlot = z.infer<typeof ZSlot>;

export const ZSessionParams = ZEventParams.extend({ sessionId: z.uuid().describe("Session id") });
export const ZSlotParams = ZEventParams.extend({ slotId: z.uuid().describe("Slot id") });
export const ZParticipantParams = ZEventParams.extend({ pid: z.uuid().describe("Participant id") });
export const ZMeetingParams = ZEventParams.extend({ meetingId: z.uuid().describe("Meeting id") });
export const ZRequestParams = ZEventParams.extend({ requestId: z.uuid().describe("Request id") });
