/**
 * @module evaluation/evaluation.table
 * Drizzle tables of the evaluation: administrations (governor and mayor terms), initiatives with their
 * partners and status history, KPIs and their measurements. The SQL of record is
 * migrations/20261127_0100_evaluation.sql; these mirror it for typed queries.
 */
import { boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accessColumns, tsvector } from "../db/columns.ts";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const administrations = pgTable("administrations", {
  id: uuid("id").primaryKey(),
  orgId: uuid("org_id").notNull(),
  leaderJa: text("leader_ja").notNull(),
  leaderEn: text("leader_en").notNull(),
  termFrom: text("term_from").notNull(),
  termUntil: text("term_until"),
  backgroundJa: text("background_ja"),
  backgroundEn: text("background_en"),
  seedKey: text("seed_key"),
  ownerOrgId: uuid("owner_org_id").notNull(),
  ...accessColumns(),
  ...timestamps,
});

export const initiatives = pgTable("initiatives", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionJa: text("description_ja"),
  descriptionEn: text("description_en"),
  pillar: text("pillar"),
  theme: text("theme"),
  purposes: text("purposes").array().notNull().default([]),
  since: text("since"),
  until: text("until"),
  status: text("status").notNull(),
  administrationId: uuid("administration_id"),
  administrationAuto: boolean("administration_auto").notNull().default(true),
  officeId: uuid("office_id"),
  sourceCaseId: text("source_case_id"),
  seedKey: text("seed_key"),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const initiativePartners = pgTable(
  "initiative_partners",
  {
    initiativeId: uuid("initiative_id").notNull(),
    orgId: uuid("org_id").notNull(),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.orgId] })],
);

export const initiativeStatusEvents = pgTable("initiative_status_events", {
  id: uuid("id").primaryKey(),
  initiativeId: uuid("initiative_id").notNull(),
  seq: integer("seq").notNull(),
  status: text("status").notNull(),
  onDate: text("on_date"),
  reason: text("reason"),
  source: text("source"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const kpis = pgTable("kpis", {
  id: uuid("id").primaryKey(),
  ownerOrgId: uuid("owner_org_id").notNull(),
  officeId: uuid("office_id"),
  initiativeId: uuid("initiative_id"),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  level: text("level").notNull(),
  horizon: text("horizon").notNull(),
  unit: text("unit").notNull(),
  direction: text("direction").notNull(),
  periodKind: text("period_kind").notNull(),
  targetValue: doublePrecision("target_value"),
  targetPeriod: text("target_period"),
  pillar: text("pillar"),
  metric: text("metric"),
  since: text("since"),
  until: text("until"),
  seedKey: text("seed_key"),
  ...accessColumns(),
  search: tsvector("search"),
  ...timestamps,
});

export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    kpiId: uuid("kpi_id").notNull(),
    period: text("period").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
    fromMetrics: doublePrecision("from_metrics").notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.kpiId, t.period] })],
);
