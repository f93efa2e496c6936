/**
 * @module server/crud-routes
 * The five routes every registry-like entity has — list, get, create, update, delete — built from its
 * schemas and service functions, so each entity states only what differs. Writes run in a transaction.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { ZListResponse } from "../db/list-query.ts";
import { ZIdParams } from "../registry/registry.schema.ts";
import { route } from "./route.ts";

export interface CrudSpec<Item extends z.ZodType, Create extends z.ZodType, Update extends z.ZodType, Query extends z.ZodType> {
  /** URL segment and tag, e.g. "offices". */
  path: string;
  /** Singular noun for summaries, e.g. "overseas office". */
  noun: string;
  item: Item;
  create: Create;
  update: Update;
  listQuery: Query;
  list(db: Executor, actor: Actor, query: z.infer<Query>): Promise<{ items: z.infer<Item>[]; total: number; nextCursor: string | null }>;
  get(db: Executor, actor: Actor, id: string): Promise<z.infer<Item>>;
  insert(db: Executor, actor: Actor, input: z.infer<Create>): Promise<z.infer<Item>>;
  patch(db: Executor, actor: Actor, id: string, input: z.infer<Update>): Promise<z.infer<Item>>;
  remove(db: Executor, actor: Actor, id: string): Promise<void>;
}

const READ_RULE = "public records for everyone; shared records for the owner and the organisations named; confidential records for the owner's members";
const WRITE_RULE = "admins and staff of the owner organisation, and system administrators";

export function crudRoutes<I extends z.ZodType, C extends z.ZodType, U extends z.ZodType, Q extends z.ZodType>(spec: CrudSpec<I, C, U, Q>) {
  const base = `/api/${spec.path}`;
  const tags = [spec.path];
  return [
    route({
      method: "GET",
      url: base,
      summary: `List ${spec.noun} records (filter, search in Japanese or English, sort, cursor pagination)`,
      tags,
      policy: { access: "public", rule: READ_RULE },
      query: spec.listQuery,
      response: ZListResponse(spec.item),
      handler: ({ ctx, actor, query }) => spec.list(ctx.database.db, actor, query),
    }),
    route({
      method: "GET",
      url: `${base}/:id`,
      summary: `Get one ${spec.noun}`,
      tags,
      policy: { access: "public", rule: READ_RULE },
      params: ZIdParams,
      response: spec.item,
      handler: ({ ctx, actor, params }) => spec.get(ctx.database.db, actor, params.id),
    }),
    route({
      method: "POST",
      url: base,
      summary: `Create a ${spec.noun}`,
      tags,
      policy: { access: "signed_in", rule: WRITE_RULE },
      body: spec.create,
      response: spec.item,
      handler: ({ ctx, actor, body }) => ctx.database.db.transaction((tx) => spec.insert(tx, actor, body)),
    }),
    route({
      method: "PATCH",
      url: `${base}/:id`,
      summary: `Change a ${spec.noun}`,
      tags,
      policy: { access: "signed_in", rule: WRITE_RULE },
      params: ZIdParams,
      body: spec.update,
      response: spec.item,
      handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => spec.patch(tx, actor, params.id, body)),
    }),
    route({
      method: "DELETE",
      url: `${base}/:id`,
      summary: `Delete a ${spec.noun}`,
      tags,
      policy: { access: "signed_in", rule: WRITE_RULE },
      params: ZIdParams,
      handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => spec.remove(tx, actor, params.id)),
    }),
  ];
}
