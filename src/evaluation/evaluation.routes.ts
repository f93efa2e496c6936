/**
 * @module evaluation/evaluation.routes
 * HTTP routes of the evaluation: CRUD for administrations, initiatives and KPIs; initiative status
 * changes; KPI measurements (one period at a time, or a CSV/XLSX import); the KPI dashboard and the
 * continuity report per organisation; and the vocabulary's ja/en labels.
 */
import { z } from "zod";
import { INITIATIVE_STATUS_LABELS, INITIATIVE_THEME_LABELS, KPI_DIRECTION_LABELS, KPI_UNIT_LABELS, METRIC_LABELS, PERIOD_KIND_LABELS } from "./vocabulary.ts";
import { AppError } from "../core/errors.ts";
import { ZPartialDate } from "../core/dates.ts";
import { ZIdParams } from "../registry/registry.schema.ts";
import { readTable, type TableFormat } from "../registry/transfer/table-file.ts";
import { crudRoutes } from "../server/crud-routes.ts";
import { route } from "../server/route.ts";
import { createAdministration, deleteAdministration, getAdministration, listAdministrations, updateAdministration } from "./administrations.service.ts";
import { continuityForOrganisation } from "./continuity.service.ts";
import { ZContinuityReport } from "./continuity.ts";
import {
  ZAdministration,
  ZAdministrationCreate,
  ZAdministrationListQuery,
  ZAdministrationUpdate,
  ZInitiative,
  ZInitiativeCreate,
  ZInitiativeListQuery,
  ZInitiativeUpdate,
  ZStatusChange,
} from "./evaluation.schema.ts";
import { changeInitiativeStatus, createInitiative, deleteInitiative, getInitiative, listInitiatives, updateInitiative } from "./initiatives.service.ts";
import { kpiDashboard } from "./kpi-dashboard.ts";
import { ZImportResult, ZKpi, ZKpiCreate, ZKpiDashboard, ZKpiListQuery, ZKpiUpdate, ZMeasurement, ZMeasurementParams, ZMeasurementPut } from "./kpis.schema.ts";
import { createKpi, deleteKpi, deleteMeasurement, getKpi, listKpis, listMeasurements, putMeasurement, updateKpi } from "./kpis.service.ts";
import { importMeasurements } from "./measurements-import.ts";

const READ_RULE = "public records for everyone; shared records for the owner and the organisations named; confidential records for the owner's members";
const WRITE_RULE = "admins and staff of the owner organisation, and system administrators";
const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const ZLabel = z.object({ ja: z.string(), en: z.string() });
export const ZEvaluationVocabulary = z.object({
  themes: z.record(z.string(), ZLabel),
  statuses: z.record(z.string(), ZLabel),
  units: z.record(z.string(), ZLabel),
  directions: z.record(z.string(), ZLabel),
  periodKinds: z.record(z.string(), ZLabel),
  metrics: z.record(z.string(), ZLabel.extend({ unit: z.string() })),
});

function formatOf(contentType: string | undefined, format: TableFormat | undefined): TableFormat {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === CSV) return "csv";
  if (type === XLSX) return "xlsx";
  if (type === "application/octet-stream" && format) return format;
  throw new AppError("unsupported_media_type", `Send the file as ${CSV} or ${XLSX} (or application/octet-stream with ?format=csv|xlsx).`, [
    { path: "(content-type)", message: `unsupported: ${type || "none"}` },
  ]);
}

export const evaluationRoutes = [
  ...crudRoutes({
    path: "administrations",
    noun: "administration (governor or mayor term)",
    item: ZAdministration,
    create: ZAdministrationCreate,
    update: ZAdministrationUpdate,
    listQuery: ZAdministrationListQuery,
    list: listAdministrations,
    get: getAdministration,
    insert: (db, actor, input) => createAdministration(db, actor, input),
    patch: updateAdministration,
    remove: deleteAdministration,
  }),
  ...crudRoutes({
    path: "initiatives",
    noun: "initiative",
    item: ZInitiative,
    create: ZInitiativeCreate,
    update: ZInitiativeUpdate,
    listQuery: ZInitiativeListQuery,
    list: listInitiatives,
    get: getInitiative,
    insert: (db, actor, input) => createInitiative(db, actor, input),
    patch: updateInitiative,
    remove: deleteInitiative,
  }),
  route({
    method: "POST",
    url: "/api/initiatives/:id/status",
    summary: "Record a dated status change of an initiative (suspended, discontinued, completed, active again…)",
    tags: ["initiatives"],
    policy: { access: "signed_in", rule: WRITE_RULE },
    params: ZIdParams,
    body: ZStatusChange,
    response: ZInitiative,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => changeInitiativeStatus(tx, actor, params.id, body)),
  }),
  ...crudRoutes({
    path: "kpis",
    noun: "KPI",
    item: ZKpi,
    create: ZKpiCreate,
    update: ZKpiUpdate,
    listQuery: ZKpiListQuery,
    list: listKpis,
    get: getKpi,
    insert: (db, actor, input) => createKpi(db, actor, input),
    patch: updateKpi,
    remove: deleteKpi,
  }),
  route({
    method: "GET",
    url: "/api/kpis/:id/measurements",
    summary: "A KPI's measurements in time order",
    tags: ["kpis"],
    policy: { access: "public", rule: `as the KPI: ${READ_RULE}` },
    params: ZIdParams,
    response: z.array(ZMeasurement),
    handler: ({ ctx, actor, params }) => listMeasurements(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: "/api/kpis/:id/measurements/:period",
    summary: "Set a KPI's value for a period (2024, FY2024 or 2024-05, of the KPI's period kind)",
    tags: ["kpis"],
    policy: { access: "signed_in", rule: `as the KPI: ${WRITE_RULE}` },
    params: ZMeasurementParams,
    body: ZMeasurementPut,
    response: ZMeasurement,
    handler: async ({ ctx, actor, params, body }) =>
      (await ctx.database.db.transaction((tx) => putMeasurement(tx, actor, params.id, params.period, body))).measurement,
  }),
  route({
    method: "DELETE",
    url: "/api/kpis/:id/measurements/:period",
    summary: "Delete a KPI's value for a period",
    tags: ["kpis"],
    policy: { access: "signed_in", rule: `as the KPI: ${WRITE_RULE}` },
    params: ZMeasurementParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteMeasurement(tx, actor, params.id, params.period)),
  }),
  route({
    method: "POST",
    url: "/api/kpi-measurements/import",
    summary: "Import KPI measurements from CSV or XLSX, all or nothing (columns: kpi, owner, period, value, source, unverified)",
    tags: ["kpis"],
    policy: { access: "signed_in", rule: `every row's KPI: ${WRITE_RULE}; any error rejects the whole file` },
    consumes: [CSV, XLSX, "application/octet-stream"],
    query: z.strictObject({ format: z.enum(["csv", "xlsx"]).optional().describe("Format of an application/octet-stream upload") }),
    response: ZImportResult,
    status: 200,
    handler: async ({ ctx, actor, query, request }) => {
      const format = formatOf(request.headers["content-type"], query.format);
      if (!Buffer.isBuffer(request.body)) throw new AppError("validation_failed", "The request has no file.", [{ path: "file", message: "empty body" }]);
      return importMeasurements(ctx.database, actor, await readTable(request.body, format));
    },
  }),
  route({
    method: "GET",
    url: "/api/organisations/:id/kpi-dashboard",
    summary: "KPI dashboard: targets vs actuals, year-on-year change, and the short-term-trap warnings",
    tags: ["kpis"],
    policy: { access: "public", rule: `KPIs and the organisation as ${READ_RULE}` },
    params: ZIdParams,
    query: z.strictObject({
      officeId: z.uuid().optional().describe("Only this office's KPIs"),
      initiativeId: z.uuid().optional().describe("Only this initiative's KPIs"),
      asOf: ZPartialDate.optional().describe("Date the warnings look at (default today)"),
    }),
    response: ZKpiDashboard,
    handler: ({ ctx, actor, params, query }) => kpiDashboard(ctx.database.db, actor, params.id, query),
  }),
  route({
    method: "GET",
    url: "/api/organisations/:id/continuity",
    summary: "Leadership continuity: for each change of governor or mayor, the initiatives begun and ended around it",
    tags: ["administrations"],
    policy: { access: "public", rule: `terms and initiatives as ${READ_RULE}` },
    params: ZIdParams,
    query: z.strictObject({ windowMonths: z.coerce.number().int().min(1).max(60).default(12).describe("Months before and after each change") }),
    response: ZContinuityReport,
    handler: ({ ctx, actor, params, query }) => continuityForOrganisation(ctx.database.db, actor, params.id, query.windowMonths),
  }),
  route({
    method: "GET",
    url: "/api/evaluation/vocabulary",
    summary: "Labels (ja/en) of initiative themes and statuses, KPI units, directions, period kinds and metrics",
    tags: ["kpis"],
    policy: { access: "public", rule: "anyone" },
    response: ZEvaluationVocabulary,
    handler: async () => ({
      themes: INITIATIVE_THEME_LABELS,
      statuses: INITIATIVE_STATUS_LABELS,
      units: KPI_UNIT_LABELS,
      directions: KPI_DIRECTION_LABELS,
      periodKinds: PERIOD_KIND_LABELS,
      metrics: METRIC_LABELS,
    }),
  }),
];
