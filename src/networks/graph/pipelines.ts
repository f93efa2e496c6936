/**
 * @module networks/graph/pipelines
 * "Global pipelines" (Bathelt, Malmberg & Maskell 2004, as the paper borrows them): the ties
 * running between groups (regions, countries), counted per pair of groups and broken down by tie kind
 * and purpose. Counts are over *input* edges, so two ties of different kinds between the same pair
 * of organisations both count, although the centrality graph merges them. Ties within one group
 * ("local buzz") are listed too, flagged `internal`. For undirected graphs the pair is unordered
 * (`from` ≤ `to`); for directed graphs it runs from the initiator's group.
 */
import type { Graph } from "./graph.ts";

export interface Pipeline {
  from: string;
  to: string;
  internal: boolean;
  /** Input edges between the two groups. */
  ties: number;
  /** Sum of their weights. */
  weight: number;
  /** Edges per kind; edges without a kind are in `ties` but not here. */
  byKind: Record<string, number>;
  /** Edges per purpose; an edge with several purposes counts once under each. */
  byPurpose: Record<string, number>;
}

export interface PipelineSummary {
  pipelines: Pipeline[];
  /** Input edges left out because an endpoint has no group. */
  ungroupedTies: number;
}

/** Pipelines sorted by number of ties (descending), then by group names. */
export function pipelines(graph: Graph): PipelineSummary {
  const byPair = new Map<string, Pipeline>();
  let ungroupedTies = 0;
  for (const edge of graph.inputEdges) {
    const gs = graph.groups[graph.indexOf.get(edge.source)!] ?? null;
    const gt = graph.groups[graph.indexOf.get(edge.target)!] ?? null;
    if (gs === null || gt === null) {
      ungroupedTies++;
      continue;
    }
    const [from, to] = !graph.directed && gt < gs ? [gt, gs] : [gs, gt];
    const key = JSON.stringify([from, to]);
    let p = byPair.get(key);
    if (!p) {
      p = { from, to, internal: from === to, ties: 0, weight: 0, byKind: {}, byPurpose: {} };
      byPair.set(key, p);
    }
    p.ties += 1;
    p.weight += edge.weight ?? 1;
    if (edge.kind) p.byKind[edge.kind] = (p.byKind[edge.kind] ?? 0) + 1;
    for (const purpose of new Set(edge.purposes ?? [])) p.byPurpose[purpose] = (p.byPurpose[purpose] ?? 0) + 1;
  }
  const list = [...byPair.values()].sort(
    (a, b) => b.ties - a.ties || compare(a.from, b.from) || compare(a.to, b.to),
  );
  return { pipelines: list, ungroupedTies };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
