/**
 * @module events/events.table
 * Drizzle tables of events: the events and their organisers, sessions and slots, participants and their
 * unavailability, meeting requests, meetings, feedback, follow-up surveys and in-app notifications. The
 * SQL of record is migrations/20261127_0500_events.sql; these mirror it for typed queries.
 */
import { bigint, boolean, char, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accessColumns, tsvector } from "../db/columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });
const timestamps = {
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
};

export const events = pgTable("events", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  officeId: uuid("office_id"),
  kind: text("kind").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }).notNull(),
  timeZone: text("time_zone").notNull(),
  venueJa: text("venue_ja"),
  venueEn: text("venue_en"),
  cityEn: text("city_en"),
  country: char("country", { length: 2 }),
  onlineUrl: text("online_url"),
  status: text("status").notNull().default("planned"),
  meetingMinutes: integer("meeting_minutes").notNull().default(20),
  breakMinutes: integer("break_minutes").notNull().default(0),
  tableCount: integer("table_count").notNull().default(0),
  tableNames: text("table_names").array().notNull().default([]),
  participantCaps: jsonb("participant_caps").$type<Partial<Record<string, number>>>().notNull().default({}),
  defaultMaxMeetings: integer("default_max_meetings"),
  requestExpiryMinutes: integer("request_expiry_minutes").notNull().default(2880),
  reminderAfterMinutes: integer("reminder_after_minutes").notNull().default(1440),
  followUpMonths: integer("follow_up_months").notNull().default(6),
  followUpTypes: text("follow_up_types").array().notNull().default(["seller"]),
  scheduleRevision: integer("schedule_revision").notNull().default(0),
  scheduledAt: at("scheduled_at"),
  scheduleSummary: jsonb("schedule_summary").$type<Record<string, unknown>>(),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const eventOrganisers = pgTable(
  "event_organisers",
  {
    eventId: uuid("event_id").notNull(),
    orgId: uuid("org_id").notNull(),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.orgId] })],
);

export const eventSessions = pgTable("event_sessions", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  startsAt: at("starts_at").notNull(),
  endsAt: at("ends_at").notNull(),
  room: text("room"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const eventSlots = pgTable("event_slots", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  sessionId: uuid("session_id"),
  startsAt: at("starts_at").notNull(),
  endsAt: at("ends_at").notNull(),
  room: text("room"),
  tableCount: integer("table_count"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const eventParticipants = pgTable("event_participants", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  orgId: uuid("org_id"),
  name: text("name").notNull(),
  participantType: text("participant_type").notNull(),
  status: text("status").notNull().default("pending"),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  userId: uuid("user_id"),
  maxMeetings: integer("max_meetings"),
  maxPerSession: integer("max_per_session"),
  offer: text("offer"),
  seek: text("seek"),
  hsCodes: text("hs_codes").array().notNull().default([]),
  country: char("country", { length: 2 }),
  decidedAt: at("decided_at"),
  decidedBy: uuid("decided_by"),
  ...timestamps,
});

export const eventUnavailability = pgTable(
  "event_unavailability",
  {
    participantId: uuid("participant_id").notNull(),
    slotId: uuid("slot_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.slotId] })],
);

export const eventMeetings = pgTable("event_meetings", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  aParticipantId: uuid("a_participant_id").notNull(),
  bParticipantId: uuid("b_participant_id").notNull(),
  priority: integer("priority").notNull(),
  status: text("status").notNull().default("planned"),
  organiserMade: boolean("organiser_made").notNull().default(false),
  fixed: boolean("fixed").notNull().default(false),
  slotId: uuid("slot_id"),
  tableNo: integer("table_no"),
  noShowParticipantIds: uuid("no_show_participant_ids").array().notNull().default([]),
  cancelReason: text("cancel_reason"),
  cancelledAt: at("cancelled_at"),
  ...timestamps,
});

export const eventMeetingRequests = pgTable("event_meeting_requests", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  fromParticipantId: uuid("from_participant_id").notNull(),
  toParticipantId: uuid("to_participant_id").notNull(),
  priority: integer("priority").notNull(),
  message: text("message"),
  status: text("status").notNull().default("pending"),
  expiresAt: at("expires_at").notNull(),
  reminderSentAt: at("reminder_sent_at"),
  expiryNotifiedAt: at("expiry_notified_at"),
  respondedAt: at("responded_at"),
  meetingId: uuid("meeting_id"),
  createdBy: uuid("created_by"),
  createdAt: at("created_at").notNull(),
});

export const eventFeedback = pgTable(
  "event_feedback",
  {
    meetingId: uuid("meeting_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    rating: integer("rating").notNull(),
    outcome: text("outcome").notNull(),
    comments: text("comments"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantId] })],
);

export const eventFollowUps = pgTable("event_follow_ups", {
  participantId: uuid("participant_id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  negotiations: integer("negotiations"),
  contracts: integer("contracts"),
  salesJpy: bigint("sales_jpy", { mode: "number" }),
  comments: text("comments"),
  notifiedAt: at("notified_at"),
  answeredAt: at("answered_at"),
  answeredBy: uuid("answered_by"),
});

export const eventNotifications = pgTable("event_notifications", {
  id: uuid("id").primaryKey(),
  eventId: uuid("event_id").notNull(),
  participantId: uuid("participant_id").notNull(),
  kind: text("kind").notNull(),
  requestId: uuid("request_id"),
  meetingId: uuid("meeting_id"),
  createdAt: at("created_at").notNull(),
  readAt: at("read_at"),
});
