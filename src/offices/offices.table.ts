/**
 * @module offices/offices.table
 * Drizzle tables of office operations (mirroring migrations/20261127_0300_offices_people.sql): per-office
 * settings and access, time logs, annual cost components and the history through operating models. The
 * office itself is the registry's `offices` row, referenced by `office_id`.
 */
import { bigint, boolean, char, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const officeOperations = pgTable("office_operations", {
  officeId: uuid("office_id").primaryKey(),
  visibility: text("visibility").notNull().default("confidential"),
  sharingKey: jsonb("sharing_key").$type<unknown>(),
  dispatchedStaff: integer("dispatched_staff"),
  localStaff: integer("local_staff"),
  host: text("host"),
  jointPartnerKind: text("joint_partner_kind"),
  contractScope: text("contract_scope").array(),
  source: text("source"),
  unverified: boolean("unverified").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const officeTimeLogs = pgTable("office_time_logs", {
  id: uuid("id").primaryKey(),
  officeId: uuid("office_id").notNull(),
  personId: uuid("person_id"),
  staffName: text("staff_name"),
  staffRef: text("staff_ref").notNull(),
  month: char("month", { length: 7 }).notNull(),
  category: text("category").notNull(),
  hours: doublePrecision("hours").notNull(),
  note: text("note"),
  source: text("source"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const officeCosts = pgTable(
  "office_costs",
  {
    officeId: uuid("office_id").notNull(),
    fiscalYear: integer("fiscal_year").notNull(),
    component: text("component").notNull(),
    amountJpy: bigint("amount_jpy", { mode: "number" }).notNull(),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.fiscalYear, t.component] })],
);

export const officeModelPeriods = pgTable(
  "office_model_periods",
  {
    officeId: uuid("office_id").notNull(),
    position: integer("position").notNull(),
    model: text("model").notNull(),
    host: text("host"),
    starts: text("starts").notNull(),
    ends: text("ends"),
    reason: text("reason"),
    endKind: text("end_kind"),
    endReason: text("end_reason"),
    mergedIntoId: uuid("merged_into_id"),
    reopened: boolean("reopened").notNull().default(false),
    discontinuityKind: text("discontinuity_kind"),
    discontinuityReason: text("discontinuity_reason"),
    source: text("source"),
    unverified: boolean("unverified").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.position] })],
);
