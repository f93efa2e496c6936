/**
 * @module registry/registry.table
 * Drizzle tables of the registry: organisations, strategies, overseas offices (with co-owners), ties and
 * anonymised interview records. The SQL of record is in migrations/; these mirror it for typed queries.
 */
import {
  bigint,
  boolean,
  char,
  doublePrecision,
  integer,
  primaryKey,
  text,
  timestamp,
  uuid,
  pgTable,
} from "drizzle-orm/pg-core";
import { accessColumns, tsvector } from "../db/columns.ts";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey(),
  kind: text("kind").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  country: char("country", { length: 2 }).notNull(),
  cityJa: text("city_ja"),
  cityEn: text("city_en"),
  lat: doublePrecision("lat"),
  lon: doublePrecision("lon"),
  localGovCode: char("local_gov_code", { length: 6 }),
  parentId: uuid("parent_id"),
  networkField: text("network_field"),
  websiteUrl: text("website_url"),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  seedKey: text("seed_key"),
  ownerOrgId: uuid("owner_org_id"),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const strategies = pgTable("strategies", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  titleJa: text("title_ja").notNull(),
  titleEn: text("title_en").notNull(),
  year: integer("year").notNull(),
  pillars: text("pillars").array().notNull().default([]),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const offices = pgTable("offices", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  cityJa: text("city_ja"),
  cityEn: text("city_en").notNull(),
  country: char("country", { length: 2 }).notNull(),
  lat: doublePrecision("lat"),
  lon: doublePrecision("lon"),
  operationalModel: text("operational_model").notNull(),
  hostOrgId: uuid("host_org_id"),
  functions: text("functions").array().notNull().default([]),
  duties: text("duties").array().notNull().default([]),
  focusAreas: text("focus_areas").array().notNull().default([]),
  opened: text("opened"),
  closed: text("closed"),
  staffCount: integer("staff_count"),
  annualCostJpy: bigint("annual_cost_jpy", { mode: "number" }),
  managementShare: doublePrecision("management_share"),
  interviewId: text("interview_id"),
  interviewDate: text("interview_date"),
  modelNote: text("model_note"),
  mergedIntoId: uuid("merged_into_id"),
  seedKey: text("seed_key"),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const officeOwners = pgTable(
  "office_owners",
  {
    officeId: uuid("office_id").notNull(),
    orgId: uuid("org_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.orgId] })],
);

export const ties = pgTable("ties", {
  id: uuid("id").primaryKey(),
  aOrgId: uuid("a_org_id").notNull(),
  bOrgId: uuid("b_org_id").notNull(),
  kind: text("kind").notNull(),
  purposes: text("purposes").array().notNull().default([]),
  since: text("since"),
  until: text("until"),
  role: text("role"),
  field: text("field"),
  ownerOrgId: uuid("owner_org_id").notNull(),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const interviews = pgTable("interviews", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull(),
  attributes: text("attributes").notNull(),
  location: text("location").notNull(),
  organisationId: uuid("organisation_id"),
  operationalModel: text("operational_model"),
  focusAreas: text("focus_areas").array().notNull().default([]),
  dates: text("dates").array().notNull().default([]),
  ownerOrgId: uuid("owner_org_id"),
  visibility: text("visibility").notNull().default("confidential"),
  sharedWith: uuid("shared_with").array().notNull().default([]),
  source: text("source"),
  unverified: boolean("unverified").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
