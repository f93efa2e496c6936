/**
 * @module networks/graph.service
 * The graph of organisations and ties the actor may see — a tie is in it when the actor may read the tie
 * and both of its organisations — filtered by kind, purpose and date, with every metric of the pure core
 * (`graphMetrics`: degree, closeness, Brandes betweenness, Gould–Fernandez brokerage by country or region,
 * pipelines), and its GraphML, GEXF and CSV exports. Each tie is one edge of weight 1; two ties between
 * the same organisations merge into one edge of weight 2 (the core's rule).
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { canRead, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import type { Locale, TieKind } from "../core/domain.ts";
import type { Executor } from "../db/connection.ts";
import { periodStartSql, visibleTo } from "../db/list-query.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import type { ExportInput } from "./export/attributes.ts";
import { buildGraph, type EdgeInput } from "./graph/graph.ts";
import { graphMetrics } from "./graph/metrics.ts";
import type { TGraph, TGraphQuery } from "./graph-api.schema.ts";
import { groupLabel, groupOf } from "./regions.ts";
import type { TieState } from "./tie-lifecycle.ts";
import { eventRows } from "./tie-records.ts";

export type OrgRow = typeof organisations.$inferSelect;
export type TieRow = typeof ties.$inferSelect;

/** Visible ties matching the filters whose two organisations are visible too, with those organisations. */
export async function visibleNetwork(
  db: Executor,
  actor: Actor,
  filters: { kind?: TieKind; purpose?: string; activeOn?: string },
): Promise<{ ties: TieRow[]; orgs: Map<string, OrgRow> }> {
  const on = filters.activeOn ? periodStart(filters.activeOn) : undefined;
  const rows = await db
    .select()
    .from(ties)
    .where(
      and(
        visibleTo(actor, ties),
        filters.kind ? eq(ties.kind, filters.kind) : undefined,
        filters.purpose ? sql`${filters.purpose} = ANY(${ties.purposes})` : undefined,
        on ? and(sql`${periodStartSql(ties.since)} <= ${on}`, or(isNull(ties.until), sql`${periodStartSql(ties.until)} > ${on}`)) : undefined,
      ),
    )
    .orderBy(sql`coalesce(${ties.since}, '9999')`, ties.id);
  const ids = [...new Set(rows.flatMap((t) => [t.aOrgId, t.bOrgId]))];
  const orgRows = ids.length ? await db.select().from(organisations).where(inArray(organisations.id, ids)) : [];
  const orgs = new Map(orgRows.filter((o) => canRead(actor, o)).map((o) => [o.id, o]));
  return { ties: rows.filter((t) => orgs.has(t.aOrgId) && orgs.has(t.bOrgId)), orgs };
}

/** Local government codes of the organisations' parents, for Japanese organisations without their own. */
async function parentCodes(db: Executor, orgs: Iterable<OrgRow>): Promise<Map<string, string | null>> {
  const parents = [...new Set([...orgs].filter((o) => !o.localGovCode && o.parentId).map((o) => o.parentId!))];
  if (!parents.length) return new Map();
  const rows = await db.select({ id: organisations.id, code: organisations.localGovCode }).from(organisations).where(inArray(organisations.id, parents));
  return new Map(rows.map((r) => [r.id, r.code]));
}

export interface LoadedGraph extends ExportInput {
  ties: TieRow[];
  orgs: Map<string, OrgRow>;
  groups: Map<string, string>;
}

export async function loadGraph(db: Executor, actor: Actor, query: TGraphQuery, lang: Locale = "en"): Promise<LoadedGraph> {
  const { ties: rows, orgs } = await visibleNetwork(db, actor, query);
  const codes = await parentCodes(db, orgs.values());
  const order: string[] = [];
  const seen = new Set<string>();
  for (const t of rows) for (const id of [t.aOrgId, t.bOrgId]) if (!seen.has(id)) (seen.add(id), order.push(id));
  const groups = new Map<string, string>();
  for (const id of order) {
    const o = orgs.get(id)!;
    groups.set(id, groupOf({ country: o.country, localGovCode: o.localGovCode ?? (o.parentId ? (codes.get(o.parentId) ?? null) : null) }, query.groupBy));
  }
  const nodes = order.map((id) => {
    const o = orgs.get(id)!;
    return { id, group: groups.get(id)!, label: lang === "ja" ? o.nameJa : o.nameEn };
  });
  const edges: EdgeInput[] = rows.map((t) => ({ source: t.aOrgId, target: t.bOrgId, kind: t.kind, purposes: t.purposes }));
  const graph = buildGraph(edges, { nodes, directed: query.directed === "true" });
  return { graph, metrics: graphMetrics(graph), ties: rows, orgs, groups };
}

export async function graphView(db: Executor, actor: Actor, query: TGraphQuery): Promise<TGraph> {
  const loaded = await loadGraph(db, actor, query);
  const events = await eventRows(db, loaded.ties.map((t) => t.id));
  const groupCounts = new Map<string, number>();
  for (const g of loaded.groups.values()) groupCounts.set(g, (groupCounts.get(g) ?? 0) + 1);
  return {
    graph: loaded.metrics.graph,
    groupBy: query.groupBy,
    groups: [...groupCounts].map(([id, nodes]) => ({ id, label: groupLabel(id), nodes })).sort((a, b) => b.nodes - a.nodes || a.id.localeCompare(b.id)),
    nodes: loaded.metrics.nodes.map((n) => {
      const o = loaded.orgs.get(n.id)!;
      return {
        id: n.id,
        name: { ja: o.nameJa, en: o.nameEn },
        kind: o.kind,
        country: o.country,
        lat: o.lat,
        lon: o.lon,
        group: n.group!,
        groupLabel: groupLabel(n.group!),
        degree: n.degree,
        ...(n.inDegree !== undefined ? { inDegree: n.inDegree, outDegree: n.outDegree } : {}),
        weightedDegree: n.weightedDegree,
        closeness: n.closeness,
        betweenness: n.betweenness,
        brokerage: n.brokerage,
      };
    }),
    edges: loaded.ties.map((t) => ({
      tieId: t.id,
      source: t.aOrgId,
      target: t.bOrgId,
      kind: t.kind as TieKind,
      purposes: t.purposes,
      since: t.since,
      until: t.until,
      state: ((events.get(t.id) ?? []).at(-1)?.state as TieState | undefined) ?? null,
    })),
    pipelines: loaded.metrics.pipelines.map((p) => ({ ...p, fromLabel: groupLabel(p.from), toLabel: groupLabel(p.to) })),
  };
}
