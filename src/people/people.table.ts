/**
 * @module people/people.table
 * Drizzle tables of international human resources (mirroring migrations/20261127_0300_offices_people.sql):
 * people, their postings, languages, competencies and contacts, and handover packs. All of it is personal
 * data, confidential to the person's organisation.
 */
import { boolean, char, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "../db/columns.ts";

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const people = pgTable("people", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  userId: uuid("user_id"),
  name: text("name").notNull(),
  nameEn: text("name_en"),
  visibility: text("visibility").notNull().default("confidential"),
  source: text("source"),
  unverified: boolean("unverified").notNull().default(false),
  search: tsvector("search"),
  createdAt,
  updatedAt,
});

export const personPostings = pgTable("person_postings", {
  id: uuid("id").primaryKey(),
  personId: uuid("person_id").notNull(),
  kind: text("kind").notNull(),
  dispatchTarget: text("dispatch_target"),
  title: text("title"),
  department: text("department"),
  officeId: uuid("office_id"),
  country: char("country", { length: 2 }),
  city: text("city"),
  functions: text("functions").array().notNull().default([]),
  international: boolean("international"),
  starts: text("starts").notNull(),
  ends: text("ends"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const personLanguages = pgTable(
  "person_languages",
  {
    personId: uuid("person_id").notNull(),
    position: integer("position").notNull(),
    language: text("language").notNull(),
    scale: text("scale").notNull(),
    level: text("level").notNull(),
    evidence: text("evidence"),
  },
  (t) => [primaryKey({ columns: [t.personId, t.position] })],
);

export interface CompetencyEvidenceRow {
  kind: string;
  postingId?: string;
  note: string;
  date?: string;
}

export const personCompetencies = pgTable(
  "person_competencies",
  {
    personId: uuid("person_id").notNull(),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    evidence: jsonb("evidence").$type<CompetencyEvidenceRow[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.position] })],
);

export const personContacts = pgTable("person_contacts", {
  id: uuid("id").primaryKey(),
  ownerPersonId: uuid("owner_person_id").notNull(),
  name: text("name").notNull(),
  organisation: text("organisation"),
  role: text("role"),
  email: text("email"),
  phone: text("phone"),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export interface HandoverContactSnapshot {
  contactId: string;
  name: string;
  organisation?: string;
  role?: string;
  ownerId: string;
  note?: string;
}

export const handovers = pgTable("handovers", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  predecessorId: uuid("predecessor_id").notNull(),
  successorId: uuid("successor_id").notNull(),
  postingId: uuid("posting_id").notNull(),
  postingEnd: text("posting_end").notNull(),
  status: text("status").notNull().default("pending"),
  contacts: jsonb("contacts").$type<HandoverContactSnapshot[]>().notNull().default([]),
  ongoingMatters: jsonb("ongoing_matters").$type<Array<{ id: string; title: string; status?: string; nextStep?: string; due?: string }>>().notNull().default([]),
  ties: jsonb("ties").$type<Array<{ tieId: string; note?: string }>>().notNull().default([]),
  openMatchmakingCases: jsonb("open_matchmaking_cases").$type<Array<{ caseId: string; stage?: string; note?: string }>>().notNull().default([]),
  acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
  acknowledgementNote: text("acknowledgement_note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
