/**
 * @module networks/networks.table
 * Drizzle tables of the networks capability, mirroring migrations/20261127_0200_networks.sql: tie
 * lifecycle events, upgrade lineage, yearly activities and membership roles (all keyed by the registry's
 * tie id, with the tie's access), network themes and reporting obligations, the good-practice case library,
 * and partner requests with their stored suggestions.
 */
import { boolean, doublePrecision, integer, jsonb, primaryKey, text, timestamp, uuid, pgTable } from "drizzle-orm/pg-core";
import { accessColumns, tsvector } from "../db/columns.ts";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const tieEvents = pgTable("tie_events", {
  id: uuid("id").primaryKey(),
  tieId: uuid("tie_id").notNull(),
  seq: integer("seq").notNull(),
  state: text("state").notNull(),
  onDate: text("on_date").notNull(),
  reason: text("reason"),
  note: text("note"),
  signatories: text("signatories").array().notNull().default([]),
  source: text("source"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tieLineage = pgTable("tie_lineage", {
  tieId: uuid("tie_id").primaryKey(),
  supersedesTieId: uuid("supersedes_tie_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tieActivities = pgTable("tie_activities", {
  id: uuid("id").primaryKey(),
  tieId: uuid("tie_id").notNull(),
  onDate: text("on_date").notNull(),
  year: integer("year").notNull(),
  kind: text("kind").notNull(),
  titleJa: text("title_ja"),
  titleEn: text("title_en"),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  outcomesJa: text("outcomes_ja"),
  outcomesEn: text("outcomes_en"),
  participants: integer("participants"),
  source: text("source"),
  unverified: boolean("unverified").notNull().default(false),
  ...timestamps,
});

export const tieRoles = pgTable(
  "tie_roles",
  {
    tieId: uuid("tie_id").notNull(),
    position: integer("position").notNull(),
    role: text("role").notNull(),
    starts: text("starts").notNull(),
    ends: text("ends"),
    note: text("note"),
    source: text("source"),
  },
  (t) => [primaryKey({ columns: [t.tieId, t.position] })],
);

export const networkThemes = pgTable(
  "network_themes",
  {
    networkOrgId: uuid("network_org_id").notNull(),
    theme: text("theme").notNull(),
  },
  (t) => [primaryKey({ columns: [t.networkOrgId, t.theme] })],
);

export const networkObligations = pgTable("network_obligations", {
  id: uuid("id").primaryKey(),
  networkOrgId: uuid("network_org_id").notNull(),
  titleJa: text("title_ja").notNull(),
  titleEn: text("title_en").notNull(),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  frequency: text("frequency").notNull(),
  dueMonth: integer("due_month").notNull(),
  dueDay: integer("due_day"),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year"),
  url: text("url"),
  ownerOrgId: uuid("owner_org_id").notNull(),
  ...accessColumns(),
  ...timestamps,
});

export const goodPracticeCases = pgTable("good_practice_cases", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id").notNull(),
  networkOrgId: uuid("network_org_id"),
  theme: text("theme").notNull(),
  year: integer("year"),
  titleJa: text("title_ja"),
  titleEn: text("title_en"),
  problemJa: text("problem_ja"),
  problemEn: text("problem_en"),
  approachJa: text("approach_ja"),
  approachEn: text("approach_en"),
  resultsJa: text("results_ja"),
  resultsEn: text("results_en"),
  arrangement: text("arrangement"),
  arrangementNoteJa: text("arrangement_note_ja"),
  arrangementNoteEn: text("arrangement_note_en"),
  documents: jsonb("documents").$type<{ url: string; title?: string | null; language?: string | null }[]>().notNull().default([]),
  contactRoleJa: text("contact_role_ja"),
  contactRoleEn: text("contact_role_en"),
  language: text("language").notNull(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const partnerRequests = pgTable("partner_requests", {
  id: uuid("id").primaryKey(),
  requesterOrgId: uuid("requester_org_id").notNull(),
  title: text("title"),
  themes: text("themes").array().notNull().default([]),
  requestText: text("request_text").notNull(),
  suggestionLimit: integer("suggestion_limit").notNull().default(10),
  suggestedAt: timestamp("suggested_at", { withTimezone: true }),
  ownerOrgId: uuid("owner_org_id").notNull(),
  ...accessColumns(),
  ...timestamps,
});

export const partnerSuggestions = pgTable(
  "partner_suggestions",
  {
    requestId: uuid("request_id").notNull(),
    rank: integer("rank").notNull(),
    orgId: uuid("org_id").notNull(),
    score: doublePrecision("score").notNull(),
    components: jsonb("components").$type<Record<string, number>>().notNull(),
    reasons: jsonb("reasons").$type<{ code: string; ja: string; en: string; contribution: number }[]>().notNull(),
    matchedThemes: text("matched_themes").array().notNull().default([]),
    caseIds: uuid("case_ids").array().notNull().default([]),
    introducerIds: uuid("introducer_ids").array().notNull().default([]),
    sharedNetworkIds: uuid("shared_network_ids").array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.rank] })],
);
