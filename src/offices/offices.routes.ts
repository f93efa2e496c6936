/**
 * @module offices/offices.routes
 * HTTP routes of office operations, under the registry's `/api/offices/:id`: operations settings, time logs
 * (CRUD and CSV/XLSX import) and time use, annual costs and their sharing, the history through models, and
 * the operating-model comparison (JSON or XLSX, with a what-if). Every route is for signed-in users; the
 * record-level rule is the office's operations access (operations-access.ts).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../core/errors.ts";
import { ZListResponse } from "../db/list-query.ts";
import { route } from "../server/route.ts";
import type { RouteSpec } from "../server/route.ts";
import { officeComparison } from "./comparison.service.ts";
import { costSharing, deleteCostYear, listCostYears, putCostYear } from "./costs.service.ts";
import { getHistory, putHistory } from "./history.service.ts";
import {
  ZComparison,
  ZComparisonQuery,
  ZComparisonWhatIf,
  ZCostSharing,
  ZCostSharingQuery,
  ZCostYear,
  ZCostYearInput,
  ZCostYearParams,
  ZCostYears,
  ZHistory,
  ZHistoryInput,
  ZImportResult,
  ZOfficeParams,
  ZOperationsSettings,
  ZOperationsSettingsInput,
  ZTimeLog,
  ZTimeLogCreate,
  ZTimeLogImportQuery,
  ZTimeLogListQuery,
  ZTimeLogParams,
  ZTimeLogUpdate,
  ZTimeUse,
  ZTimeUseQuery,
} from "./offices.schema.ts";
import { OPERATIONS_READ_RULE, OPERATIONS_WRITE_RULE } from "./operations-access.ts";
import { getOperationsSettings, putOperationsSettings } from "./operations-settings.service.ts";
import { toXlsx } from "./operations/comparison-xlsx.ts";
import type { ModelComparison } from "./operations/compare-models.ts";
import { importTimeLogs } from "./time-logs.import.ts";
import { createTimeLog, deleteTimeLog, getTimeLog, listTimeLogs, timeUse, updateTimeLog } from "./time-logs.service.ts";

const tags = ["office operations"];
const read = { access: "signed_in", rule: OPERATIONS_READ_RULE } as const;
const write = { access: "signed_in", rule: OPERATIONS_WRITE_RULE } as const;
const base = "/api/offices/:id";

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function uploadFormat(request: FastifyRequest, format: "csv" | "xlsx" | undefined): "csv" | "xlsx" {
  if (!Buffer.isBuffer(request.body)) {
    throw new AppError("unsupported_media_type", `Send the file itself as the body, with content-type ${CSV} or ${XLSX}.`, [
      { path: "(content-type)", message: `expected ${CSV} or ${XLSX}` },
    ]);
  }
  if (format) return format;
  const type = String(request.headers["content-type"] ?? "").split(";")[0]?.trim();
  if (type === CSV) return "csv";
  if (type === XLSX) return "xlsx";
  throw new AppError("validation_failed", "Say whether the file is CSV or XLSX.", [{ path: "query.format", message: "give format=csv or format=xlsx" }]);
}

async function sendComparison(reply: FastifyReply, comparison: ModelComparison, format: "json" | "xlsx", locale: "ja" | "en") {
  if (format === "json") return comparison;
  const file = await toXlsx(comparison, locale);
  const name = `office-comparison-${comparison.office.id}.xlsx`;
  return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="${name}"`).send(file);
}

export const officesRoutes: RouteSpec<any, any, any, any>[] = [
  route({
    method: "GET",
    url: `${base}/operations`,
    summary: "An office's operations settings: visibility, cost sharing key, head count, host, partner, contract scope",
    tags,
    policy: read,
    params: ZOfficeParams,
    response: ZOperationsSettings,
    handler: ({ ctx, actor, params }) => getOperationsSettings(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: `${base}/operations`,
    summary: "Set an office's operations settings (omitted fields take their defaults)",
    tags,
    policy: write,
    params: ZOfficeParams,
    body: ZOperationsSettingsInput,
    response: ZOperationsSettings,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putOperationsSettings(tx, actor, params.id, body)),
  }),
  route({
    method: "GET",
    url: `${base}/time-logs`,
    summary: "List an office's time logs (filter by month range, category, person)",
    tags,
    policy: read,
    params: ZOfficeParams,
    query: ZTimeLogListQuery,
    response: ZListResponse(ZTimeLog),
    handler: ({ ctx, actor, params, query }) => listTimeLogs(ctx.database.db, actor, params.id, query),
  }),
  route({
    method: "POST",
    url: `${base}/time-logs`,
    summary: "Log a staff member's hours for a month and category",
    tags,
    policy: write,
    params: ZOfficeParams,
    body: ZTimeLogCreate,
    response: ZTimeLog,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createTimeLog(tx, actor, params.id, body)),
  }),
  route({
    method: "POST",
    url: `${base}/time-logs/import`,
    summary: "Import time logs from CSV or XLSX (columns month, category, hours, staffName or personId, note); all or nothing",
    tags,
    policy: write,
    params: ZOfficeParams,
    query: ZTimeLogImportQuery,
    consumes: [CSV, XLSX],
    status: 200,
    response: ZImportResult,
    handler: async ({ ctx, actor, params, query, request }) => {
      const format = uploadFormat(request, query.format);
      return ctx.database.db.transaction((tx) => importTimeLogs(tx, actor, params.id, request.body as Buffer, format));
    },
  }),
  route({
    method: "GET",
    url: `${base}/time-logs/:logId`,
    summary: "Get one time log",
    tags,
    policy: read,
    params: ZTimeLogParams,
    response: ZTimeLog,
    handler: ({ ctx, actor, params }) => getTimeLog(ctx.database.db, actor, params.id, params.logId),
  }),
  route({
    method: "PATCH",
    url: `${base}/time-logs/:logId`,
    summary: "Change a time log",
    tags,
    policy: write,
    params: ZTimeLogParams,
    body: ZTimeLogUpdate,
    response: ZTimeLog,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => updateTimeLog(tx, actor, params.id, params.logId, body)),
  }),
  route({
    method: "DELETE",
    url: `${base}/time-logs/:logId`,
    summary: "Delete a time log",
    tags,
    policy: write,
    params: ZTimeLogParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteTimeLog(tx, actor, params.id, params.logId)),
  }),
  route({
    method: "GET",
    url: `${base}/time-use`,
    summary: "An office's time use by month and year: hours and shares by category, management share against the paper's 30 %",
    tags,
    policy: read,
    params: ZOfficeParams,
    query: ZTimeUseQuery,
    response: ZTimeUse,
    handler: ({ ctx, actor, params, query }) => timeUse(ctx.database.db, actor, params.id, query.yearBasis),
  }),
  route({
    method: "GET",
    url: `${base}/costs`,
    summary: "An office's annual costs by component, per fiscal year (latest first)",
    tags,
    policy: read,
    params: ZOfficeParams,
    response: ZCostYears,
    handler: ({ ctx, actor, params }) => listCostYears(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: `${base}/costs/:fiscalYear`,
    summary: "Record an office's cost components for a fiscal year (replaces that year)",
    tags,
    policy: write,
    params: ZCostYearParams,
    body: ZCostYearInput,
    response: ZCostYear,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putCostYear(tx, actor, params.id, params.fiscalYear, body)),
  }),
  route({
    method: "DELETE",
    url: `${base}/costs/:fiscalYear`,
    summary: "Delete an office's costs for a fiscal year",
    tags,
    policy: write,
    params: ZCostYearParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteCostYear(tx, actor, params.id, params.fiscalYear)),
  }),
  route({
    method: "GET",
    url: `${base}/cost-sharing`,
    summary: "A fiscal year's cost breakdown and each member's share by the office's sharing key",
    tags,
    policy: read,
    params: ZOfficeParams,
    query: ZCostSharingQuery,
    response: ZCostSharing,
    handler: ({ ctx, actor, params, query }) => costSharing(ctx.database.db, actor, params.id, query.fiscalYear),
  }),
  route({
    method: "GET",
    url: `${base}/history`,
    summary: "An office's history through operating models, with the transitions (opened, model changed, closed, merged, reopened)",
    tags,
    policy: read,
    params: ZOfficeParams,
    response: ZHistory,
    handler: ({ ctx, actor, params }) => getHistory(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: `${base}/history`,
    summary: "Replace an office's history through operating models (validated as a whole; updates the registry's model, closing and merger)",
    tags,
    policy: write,
    params: ZOfficeParams,
    body: ZHistoryInput,
    response: ZHistory,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putHistory(tx, actor, params.id, body)),
  }),
  route({
    method: "GET",
    url: `${base}/comparison`,
    summary: "Compare the five operating models for the office: cost, management hours, functions served, risks (JSON or XLSX)",
    tags,
    policy: read,
    params: ZOfficeParams,
    query: ZComparisonQuery,
    response: ZComparison,
    handler: async ({ ctx, actor, params, query, reply }) =>
      sendComparison(reply, await officeComparison(ctx.database.db, actor, params.id), query.format, query.locale ?? actor.locale),
  }),
  route({
    method: "POST",
    url: `${base}/comparison`,
    summary: "The comparison as a what-if: override any assumption and any of the office's inputs (JSON or XLSX)",
    tags,
    policy: read,
    params: ZOfficeParams,
    query: ZComparisonQuery,
    body: ZComparisonWhatIf,
    response: ZComparison,
    status: 200,
    handler: async ({ ctx, actor, params, query, body, reply }) =>
      sendComparison(reply, await officeComparison(ctx.database.db, actor, params.id, body), query.format, query.locale ?? actor.locale),
  }),
];
