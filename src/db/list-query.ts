/**
 * @module db/list-query
 * Listing shared by every entity: visibility filtering, ja/en full-text search, sorting and keyset
 * (cursor) pagination. A cursor is the last row's sort value and id, so pages stay stable while rows
 * are added, and `total` counts every match.
 */
import { and, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { memberOrgIds } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import { searchQuery } from "../core/text-search.ts";
import type { Executor } from "./connection.ts";

export const LIST_LIMIT_MAX = 200;

/** Query-string fields every list accepts; entities extend it with their own filters. */
export const ZListQueryBase = z.object({
  q: z.string().trim().max(200).optional().describe("Full-text search in Japanese or English"),
  sort: z.string().optional().describe("Sort field, prefixed with - for descending (e.g. -year)"),
  cursor: z.string().max(500).optional().describe("nextCursor from the previous page"),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50).describe(`Page size, 1–${LIST_LIMIT_MAX}`),
});

export function ZListResponse<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe("Number of matching records across all pages"),
    nextCursor: z.string().nullable().describe("Pass as cursor to get the next page; null on the last page"),
  });
}

/** SQL condition: records the actor may read (public, own organisation's, or shared with it). */
export function visibleTo(
  actor: Actor,
  columns: { visibility: PgColumn; ownerOrgId: PgColumn; sharedWith: PgColumn },
): SQL | undefined {
  if (actor.isSystemAdmin) return undefined;
  const orgs = memberOrgIds(actor);
  if (orgs.length === 0) return sql`${columns.visibility} = 'public'`;
  const orgArray = sql`ARRAY[${sql.join(orgs.map((o) => sql`${o}::uuid`), sql`, `)}]`;
  return sql`(${columns.visibility} = 'public' OR ${columns.ownerOrgId} = ANY(${orgArray}) OR (${columns.visibility} = 'shared' AND ${columns.sharedWith} && ${orgArray}))`;
}

/** SQL condition for a search box query against a tsvector column, or undefined for no query. */
export function matchesSearch(searchColumn: PgColumn, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const tsq = searchQuery(q);
  if (!tsq) return undefined;
  return sql`${searchColumn} @@ to_tsquery('simple', ${tsq})`;
}

interface Cursor {
  v: string | number;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof c.id !== "string" || (typeof c.v !== "string" && typeof c.v !== "number")) throw new Error("shape");
    return c;
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this server issued.", [
      { path: "query.cursor", message: "invalid cursor" },
    ]);
  }
}

export interface ListOptions {
  table: PgTable;
  idColumn: PgColumn;
  /** Sort keys the entity allows, each a non-null SQL expression. */
  sortable: Record<string, SQLWrapper>;
  defaultSort: string;
  where: Array<SQL | undefined>;
  sort?: string;
  cursor?: string;
  limit: number;
}

export async function listPage<Row>(db: Executor, options: ListOptions): Promise<{ rows: Row[]; total: number; nextCursor: string | null }> {
  const sortKey = options.sort ?? options.defaultSort;
  const desc = sortKey.startsWith("-");
  const field = desc ? sortKey.slice(1) : sortKey;
  const expr = options.sortable[field];
  if (!expr) {
    throw new AppError("validation_failed", `Cannot sort by "${field}".`, [
      { path: "query.sort", message: `must be one of ${Object.keys(options.sortable).map((k) => `${k}, -${k}`).join(", ")}` },
    ]);
  }
  const filter = and(...options.where.filter((w): w is SQL => w !== undefined));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(options.table)
    .where(filter);
  let pageFilter = filter;
  if (options.cursor) {
    const c = decodeCursor(options.cursor);
    const after = desc
      ? sql`(${expr} < ${c.v} OR (${expr} = ${c.v} AND ${options.idColumn} < ${c.id}::uuid))`
      : sql`(${expr} > ${c.v} OR (${expr} = ${c.v} AND ${options.idColumn} > ${c.id}::uuid))`;
    pageFilter = and(filter, after);
  }
  const order = desc ? sql`${expr} DESC, ${options.idColumn} DESC` : sql`${expr} ASC, ${options.idColumn} ASC`;
  const rows = (await db
    .select({ sortValue: sql<string | number>`${expr}`.as("_sort"), table: options.table } as never)
    .from(options.table)
    .where(pageFilter)
    .orderBy(order)
    .limit(options.limit + 1)) as unknown as Array<{ sortValue: string | number; table: Row & { id: string } }>;
  const hasMore = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => r.table),
    total: count?.n ?? 0,
    nextCursor: hasMore && last ? encodeCursor({ v: last.sortValue, id: last.table.id }) : null,
  };
}

/** SQL for the first day of a partial-date column (YYYY → YYYY-01-01), '0000-01-01' when null. */
export function periodStartSql(column: PgColumn): SQL {
  return sql`coalesce(${column} || substr('-01-01', 1 + length(${column}) - 4), '0000-01-01')`;
}
