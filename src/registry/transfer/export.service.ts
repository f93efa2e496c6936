/**
 * @module registry/transfer/export.service
 * Exports a registry entity as CSV, XLSX or JSON with the import's columns, so a file exported, edited in
 * Excel and imported again updates the same records. Organisation references are written as the local
 * government code where there is one, otherwise the id.
 */
import type { Actor } from "../../auth/actor.ts";
import type { Executor } from "../../db/connection.ts";
import { listOffices } from "../offices.service.ts";
import { listOrganisations } from "../organisations.service.ts";
import { organisations } from "../registry.table.ts";
import { listStrategies } from "../strategies.service.ts";
import { listTies } from "../ties.service.ts";
import { ENTITY_COLUMNS, type TransferEntity } from "./columns.ts";
import { writeCsv, writeXlsx } from "./table-file.ts";

export type ExportFormat = "csv" | "xlsx" | "json";

async function allRecords(db: Executor, actor: Actor, entity: TransferEntity): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  const list = {
    organisations: (c?: string) => listOrganisations(db, actor, { limit: 200, cursor: c, sort: "nameEn" }),
    offices: (c?: string) => listOffices(db, actor, { limit: 200, cursor: c, sort: "nameEn", status: "all" }),
    ties: (c?: string) => listTies(db, actor, { limit: 200, cursor: c, sort: "since" }),
    strategies: (c?: string) => listStrategies(db, actor, { limit: 200, cursor: c, sort: "year" }),
  }[entity];
  do {
    const page = await list(cursor);
    out.push(...(page.items as unknown as Record<string, unknown>[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export async function exportEntity(db: Executor, actor: Actor, entity: TransferEntity, format: ExportFormat): Promise<Buffer | string> {
  const records = await allRecords(db, actor, entity);
  if (format === "json") return `${JSON.stringify(records, null, 2)}\n`;
  const codes = new Map((await db.select({ id: organisations.id, code: organisations.localGovCode }).from(organisations)).map((o) => [o.id, o.code]));
  const ref = (id: unknown) => (typeof id === "string" ? (codes.get(id) ?? id) : "");
  const columns = ENTITY_COLUMNS[entity];
  const rows = records.map((r) =>
    columns.map((c) => {
      const v = r[c.field];
      if (c.kind === "org") return ref(v);
      if (c.kind === "orgList") return ((v as string[]) ?? []).map(ref).join(";");
      if (Array.isArray(v)) return v.join(";");
      return v === null || v === undefined ? "" : String(v);
    }),
  );
  const header = columns.map((c) => c.name);
  return format === "csv" ? writeCsv(header, rows) : writeXlsx(entity, header, rows);
}
