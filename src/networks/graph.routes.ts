/**
 * @module networks/graph.routes
 * The network graph of visible organisations and ties with its metrics, its exports (GraphML, GEXF, CSV)
 * and the web map's data (arcs, offices, counts by kind per year).
 */
import type { FastifyReply } from "fastify";
import type { Actor } from "../auth/actor.ts";
import type { RouteSpec } from "../server/route.ts";
import { route } from "../server/route.ts";
import type { ExportInput } from "./export/attributes.ts";
import { toEdgesCsv, toNodesCsv } from "./export/csv.ts";
import { toGexf } from "./export/gexf.ts";
import { toGraphml } from "./export/graphml.ts";
import { ZGraph, ZGraphCsvQuery, ZGraphExportQuery, ZGraphQuery, ZMap, ZMapQuery } from "./graph-api.schema.ts";
import { graphView, loadGraph } from "./graph.service.ts";
import { mapView } from "./map.service.ts";

const tags = ["network analytics"];
const policy = {
  access: "public",
  rule: "only ties the caller may read whose two organisations the caller may read too (anonymous visitors: public records)",
} as const;

const GRAPHML = "application/graphml+xml";
const GEXF = "application/gexf+xml";
const CSV = "text/csv";

function send(reply: FastifyReply, body: string, type: string, filename: string) {
  return reply.header("content-type", `${type}; charset=utf-8`).header("content-disposition", `attachment; filename="${filename}"`).send(body);
}

const locale = (actor: Actor, lang: "ja" | "en" | undefined) => lang ?? actor.locale;

export const graphRoutes: RouteSpec<any, any, any, any>[] = [
  route({
    method: "GET",
    url: "/api/networks/graph",
    summary: "The graph of organisations and ties: nodes with degree, closeness, betweenness and brokerage roles, edges, pipelines between groups",
    tags,
    policy,
    query: ZGraphQuery,
    response: ZGraph,
    handler: ({ ctx, actor, query }) => graphView(ctx.database.db, actor, query),
  }),
  route({
    method: "GET",
    url: "/api/networks/graph.graphml",
    summary: "The graph as GraphML (yEd, Gephi, networkx), with every metric as attributes",
    tags,
    policy,
    query: ZGraphExportQuery,
    produces: GRAPHML,
    handler: async ({ ctx, actor, query, reply }) => {
      const input: ExportInput = await loadGraph(ctx.database.db, actor, query, locale(actor, query.lang));
      return send(reply, toGraphml(input), GRAPHML, "renkei-network.graphml");
    },
  }),
  route({
    method: "GET",
    url: "/api/networks/graph.gexf",
    summary: "The graph as GEXF 1.2 (Gephi), with every metric as attributes",
    tags,
    policy,
    query: ZGraphExportQuery,
    produces: GEXF,
    handler: async ({ ctx, actor, query, reply }) => {
      const input: ExportInput = await loadGraph(ctx.database.db, actor, query, locale(actor, query.lang));
      return send(reply, toGexf(input), GEXF, "renkei-network.gexf");
    },
  }),
  route({
    method: "GET",
    url: "/api/networks/graph.csv",
    summary: "The graph as CSV: the node table with every metric, or the merged edge list",
    tags,
    policy,
    query: ZGraphCsvQuery,
    produces: CSV,
    handler: async ({ ctx, actor, query, reply }) => {
      const input: ExportInput = await loadGraph(ctx.database.db, actor, query, locale(actor, query.lang));
      const body = query.table === "edges" ? toEdgesCsv(input) : toNodesCsv(input);
      return send(reply, body, CSV, `renkei-network-${query.table}.csv`);
    },
  }),
  route({
    method: "GET",
    url: "/api/networks/map",
    summary: "Web map data: arcs between organisations by tie kind and years active, offices, and counts by kind per year",
    tags,
    policy: { access: "public", rule: `${policy.rule}; offices the caller may read` },
    query: ZMapQuery,
    response: ZMap,
    handler: ({ ctx, actor, query }) => mapView(ctx.database.db, actor, query),
  }),
];
