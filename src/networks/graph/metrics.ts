/**
 * @module networks/graph/metrics
 * Every per-node metric and the group pipelines in one result, in the shape the CLI prints and the
 * exports carry. Nodes keep the graph's order (nodes file first, then first appearance in edges).
 */
import { brokerage, type BrokerageCounts } from "./brokerage.ts";
import { centrality, degrees, type CentralityOptions } from "./centrality.ts";
import type { Graph } from "./graph.ts";
import { pipelines, type Pipeline } from "./pipelines.ts";

export interface NodeMetrics {
  id: string;
  label: string | null;
  group: string | null;
  degree: number;
  /** Directed graphs only. */
  inDegree?: number;
  outDegree?: number;
  weightedDegree: number;
  closeness: number;
  betweenness: number;
  /** `null` when the node has no group. */
  brokerage: BrokerageCounts | null;
}

export interface GraphSummary {
  directed: boolean;
  pathWeights: "hops" | "distance";
  nodes: number;
  /** Adjacency pairs after merging duplicates. */
  edges: number;
  /** Edges as given (before merging). */
  inputEdges: number;
  /** Input edges folded into an earlier edge between the same pair. */
  mergedDuplicates: number;
  /** Connected components (weakly connected for directed graphs); isolated nodes count. */
  components: number;
  /** Input edges not counted in any pipeline because an endpoint has no group. */
  ungroupedTies: number;
}

export interface GraphMetrics {
  graph: GraphSummary;
  nodes: NodeMetrics[];
  pipelines: Pipeline[];
}

export function graphMetrics(graph: Graph, options: CentralityOptions = {}): GraphMetrics {
  const deg = degrees(graph);
  const cent = centrality(graph, options);
  const roles = brokerage(graph);
  const pipe = pipelines(graph);
  const nodes = graph.ids.map((id, v): NodeMetrics => {
    const m: NodeMetrics = {
      id,
      label: graph.labels[v] ?? null,
      group: graph.groups[v] ?? null,
      degree: deg.degree[v]!,
      weightedDegree: deg.weightedDegree[v]!,
      closeness: cent.closeness[v]!,
      betweenness: cent.betweenness[v]!,
      brokerage: roles[v] ?? null,
    };
    if (graph.directed) {
      m.inDegree = deg.inDegree[v]!;
      m.outDegree = deg.outDegree[v]!;
    }
    return m;
  });
  return {
    graph: {
      directed: graph.directed,
      pathWeights: options.pathWeights ?? "hops",
      nodes: graph.ids.length,
      edges: graph.edges.length,
      inputEdges: graph.inputEdges.length,
      mergedDuplicates: graph.inputEdges.length - graph.edges.length,
      components: componentCount(graph),
      ungroupedTies: pipe.ungroupedTies,
    },
    nodes,
    pipelines: pipe.pipelines,
  };
}

/** Union–find over the merged edges, ignoring direction. */
export function componentCount(graph: Graph): number {
  const n = graph.ids.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let components = n;
  for (const e of graph.edges) {
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) {
      parent[a] = b;
      components--;
    }
  }
  return components;
}
