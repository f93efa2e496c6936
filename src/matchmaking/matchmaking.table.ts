/**
 * @module matchmaking/matchmaking.table
 * Drizzle tables of matchmaking (mirroring migrations/20261127_0400_matchmaking.sql and
 * 20261128_0700_interest_history.sql): vetting policies, company profiles, opportunities, reviews,
 * expressions of interest with their meetings, outcomes and dated history, and in-app notifications.
 */
import { boolean, char, date, doublePrecision, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tsvector } from "../db/columns.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });
const timestamps = {
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
};

/** Status, endorsement and the derived access columns shared by profiles and opportunities. */
function vettedColumns() {
  return {
    status: text("status").notNull().default("pending"),
    endorsedByUser: uuid("endorsed_by_user"),
    endorsedAt: at("endorsed_at"),
    endorsementExpires: date("endorsement_expires", { mode: "string" }),
    visibility: text("visibility").notNull().default("shared"),
    sharedWith: uuid("shared_with").array().notNull().default([]),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
    search: tsvector("search"),
  };
}

export const vettingPolicies = pgTable("vetting_policies", {
  govOrgId: uuid("gov_org_id").primaryKey(),
  publishAt: integer("publish_at").notNull(),
  holdAt: integer("hold_at").notNull(),
  zeroHolds: boolean("zero_holds").notNull().default(true),
  endorsementMonths: integer("endorsement_months").notNull().default(12),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const companyProfiles = pgTable("company_profiles", {
  orgId: uuid("org_id").primaryKey(),
  /** Generated: equals org_id (the list helpers page by a column named id). */
  id: uuid("id").generatedAlwaysAs(sql`org_id`),
  ownerOrgId: uuid("owner_org_id").notNull(),
  vettedBy: uuid("vetted_by").notNull(),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  corporateNumber: char("corporate_number", { length: 13 }),
  prefectureId: uuid("prefecture_id"),
  municipalityId: uuid("municipality_id"),
  hsCodes: text("hs_codes").array().notNull().default([]),
  certifications: text("certifications").array().notNull().default([]),
  exportExperience: text("export_experience").array().notNull().default([]),
  targetMarkets: text("target_markets").array().notNull().default([]),
  capacityAmount: doublePrecision("capacity_amount"),
  capacityUnit: text("capacity_unit"),
  ...vettedColumns(),
  ...timestamps,
});

export const opportunities = pgTable("opportunities", {
  id: uuid("id").primaryKey(),
  kind: text("kind").notNull(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  vettedBy: uuid("vetted_by").notNull(),
  titleJa: text("title_ja"),
  titleEn: text("title_en"),
  country: char("country", { length: 2 }).notNull(),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  hsCodes: text("hs_codes").array().notNull().default([]),
  requiredCertifications: text("required_certifications").array().notNull().default([]),
  volumeAmount: doublePrecision("volume_amount"),
  volumeUnit: text("volume_unit"),
  deadline: date("deadline", { mode: "string" }),
  expiresOn: date("expires_on", { mode: "string" }).notNull(),
  ...vettedColumns(),
  ...timestamps,
});

export const vettingReviews = pgTable("vetting_reviews", {
  id: uuid("id").primaryKey(),
  companyOrgId: uuid("company_org_id"),
  opportunityId: uuid("opportunity_id"),
  govOrgId: uuid("gov_org_id").notNull(),
  reviewerUserId: uuid("reviewer_user_id"),
  scores: jsonb("scores").notNull(),
  comments: jsonb("comments").notNull().default({}),
  comment: text("comment"),
  total: integer("total").notNull(),
  decision: text("decision").notNull(),
  reasons: jsonb("reasons").notNull(),
  policy: jsonb("policy").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const matchInterests = pgTable("match_interests", {
  id: uuid("id").primaryKey(),
  opportunityId: uuid("opportunity_id").notNull(),
  companyOrgId: uuid("company_org_id").notNull(),
  fromSide: text("from_side").notNull(),
  brokerOrgId: uuid("broker_org_id").notNull(),
  officeId: uuid("office_id"),
  state: text("state").notNull(),
  message: text("message"),
  brokerNote: text("broker_note"),
  declineReason: text("decline_reason"),
  declinedBy: text("declined_by"),
  createdBy: uuid("created_by"),
  negotiationCounted: boolean("negotiation_counted").notNull().default(false),
  contractCounted: boolean("contract_counted").notNull().default(false),
  ...timestamps,
});

/** One step of an interest's history; `at` is null only for backfilled steps whose time was never recorded. */
export const matchInterestHistory = pgTable("match_interest_history", {
  id: uuid("id").primaryKey().defaultRandom(),
  interestId: uuid("interest_id").notNull(),
  position: integer("position").notNull(),
  step: text("step").notNull(),
  fromState: text("from_state"),
  toState: text("to_state").notNull(),
  at: at("at").defaultNow(),
  byUser: uuid("by_user"),
  note: text("note"),
  backfilled: boolean("backfilled").notNull().default(false),
});

export const matchMeetings = pgTable("match_meetings", {
  id: uuid("id").primaryKey(),
  interestId: uuid("interest_id").notNull(),
  mode: text("mode").notNull(),
  eventId: uuid("event_id"),
  meetsOn: date("meets_on", { mode: "string" }).notNull(),
  place: text("place"),
  note: text("note"),
  createdBy: uuid("created_by"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const matchOutcomes = pgTable("match_outcomes", {
  id: uuid("id").primaryKey(),
  interestId: uuid("interest_id").notNull(),
  kind: text("kind").notNull(),
  occurredOn: date("occurred_on", { mode: "string" }).notNull(),
  salesAmount: numeric("sales_amount", { precision: 18, scale: 2, mode: "number" }),
  currency: char("currency", { length: 3 }),
  note: text("note"),
  kpiSalesJpy: numeric("kpi_sales_jpy", { precision: 18, scale: 2, mode: "number" }),
  createdBy: uuid("created_by"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const notifications = pgTable("notifications", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  orgId: uuid("org_id"),
  kind: text("kind").notNull(),
  interestId: uuid("interest_id"),
  titleJa: text("title_ja").notNull(),
  titleEn: text("title_en").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  readAt: at("read_at"),
});
