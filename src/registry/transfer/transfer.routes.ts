/**
 * @module registry/transfer/transfer.routes
 * HTTP routes of the registry's spreadsheet import and export (the web app's import/export page and any
 * script): the same services as `renkei import` / `renkei export`, acting as the caller instead of the
 * system, so each row is written as the signed-in user may and each export lists what they may see.
 */
import { z } from "zod";
import { route } from "../../server/route.ts";
import { ENTITY_COLUMNS, TRANSFER_ENTITIES } from "./columns.ts";
import { exportEntity } from "./export.service.ts";
import { importTable } from "./import.service.ts";
import { readTable } from "./table-file.ts";

const tags = ["import and export"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const ZTransferParams = z.strictObject({
  entity: z.enum(TRANSFER_ENTITIES).describe("What the file holds: organisations, offices, ties or strategies"),
});

export const ZTransferImport = z.strictObject({
  format: z.enum(["csv", "xlsx"]).describe("Format of the file"),
  // Same ceiling as the participant import: about 2 MB of file once decoded.
  data: z.base64().max(2_700_000).describe("The file, base64-encoded (header row of column names as in docs/import.md, then one record per row)"),
  dryRun: z.boolean().default(false).describe("Check only: write every row inside the transaction, report counts and errors, then roll everything back"),
});
export type TTransferImport = z.infer<typeof ZTransferImport>;

export const ZTransferResult = z.object({
  entity: z.enum(TRANSFER_ENTITIES),
  rows: z.number().int().describe("Data rows read (blank rows skipped)"),
  created: z.number().int().describe("Records created (or that would be, on a dry run)"),
  updated: z.number().int().describe("Existing records updated, matched on their natural key"),
  dryRun: z.boolean().describe("True when nothing was kept"),
});

export const ZExportQuery = z.strictObject({
  format: z.enum(["csv", "xlsx", "json"]).default("csv").describe("csv (UTF-8 with BOM, for Excel), xlsx or json"),
});

export const ZImportColumn = z.object({
  name: z.string().describe("The column's name in the header row"),
  field: z.string().describe("The API field it fills"),
  kind: z.enum(["text", "int", "number", "bool", "list", "org", "orgList"]).describe("How its text is read: list = values separated by ';', org = an organisation's id, code, key or name"),
  required: z.boolean(),
});

const IMPORT_RULE =
  "each row is written as the caller may: new records only for organisations where they are admin or staff, existing ones only if their organisation may edit them; any error rejects the whole file";
const EXPORT_RULE = "records as the caller may see them: public records for anonymous visitors; shared and confidential ones for members of the organisations they belong to";

/** `offices-2026-11-28.csv`: plain ASCII, so every browser and mail client keeps the name. */
function fileName(entity: string, format: string): string {
  return `${entity}-${new Date().toISOString().slice(0, 10)}.${format}`;
}

export const transferRoutes = [
  route({
    method: "POST",
    url: "/api/import/:entity",
    summary: "Import organisations, offices, ties or strategies from CSV or XLSX, all or nothing, with a row-level error report; dryRun checks without keeping anything",
    tags,
    policy: { access: "signed_in", rule: IMPORT_RULE },
    params: ZTransferParams,
    body: ZTransferImport,
    response: ZTransferResult,
    status: 200,
    handler: async ({ ctx, actor, params, body }) => {
      const table = await readTable(Buffer.from(body.data, "base64"), body.format);
      return importTable(ctx.database, actor, params.entity, table, undefined, { dryRun: body.dryRun });
    },
  }),
  route({
    method: "GET",
    url: "/api/import/:entity/columns",
    summary: "The spreadsheet columns of an entity, in order, with the required ones marked",
    tags,
    policy: { access: "public", rule: "anyone: the layout of the files, no records" },
    params: ZTransferParams,
    response: z.array(ZImportColumn),
    handler: async ({ params }) => ENTITY_COLUMNS[params.entity].map((c) => ({ name: c.name, field: c.field, kind: c.kind, required: c.required ?? false })),
  }),
  route({
    method: "GET",
    url: "/api/export/:entity",
    summary: "Download an entity as CSV, XLSX or JSON in the import's layout, so an edited file imports back",
    tags,
    policy: { access: "public", rule: EXPORT_RULE },
    params: ZTransferParams,
    query: ZExportQuery,
    produces: ["text/csv", XLSX, "application/json"],
    handler: async ({ ctx, actor, params, query, reply }) => {
      const content = await exportEntity(ctx.database.db, actor, params.entity, query.format);
      const type = query.format === "csv" ? "text/csv; charset=utf-8" : query.format === "xlsx" ? XLSX : "application/json; charset=utf-8";
      return reply.header("content-type", type).header("content-disposition", `attachment; filename="${fileName(params.entity, query.format)}"`).send(content);
    },
  }),
];
