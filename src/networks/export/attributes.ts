/**
 * @module networks/export/attributes
 * What the exports say about each node and edge, decided once for GraphML, GEXF and CSV: node label,
 * group and every metric (brokerage roles as five columns); edge weight, kinds and purposes of the
 * merged input edges, and how many input edges were merged.
 */
import { BROKERAGE_ROLES } from "../graph/brokerage.ts";
import type { Graph, MergedEdge } from "../graph/graph.ts";
import type { GraphMetrics, NodeMetrics } from "../graph/metrics.ts";

export type AttributeType = "string" | "int" | "double";

export interface AttributeSpec<T> {
  name: string;
  type: AttributeType;
  get: (item: T) => string | number | null;
}

export interface ExportInput {
  graph: Graph;
  metrics: GraphMetrics;
}

export function nodeAttributes(directed: boolean): AttributeSpec<NodeMetrics>[] {
  const specs: AttributeSpec<NodeMetrics>[] = [
    { name: "label", type: "string", get: (n) => n.label },
    { name: "group", type: "string", get: (n) => n.group },
    { name: "degree", type: "int", get: (n) => n.degree },
  ];
  if (directed) {
    specs.push({ name: "inDegree", type: "int", get: (n) => n.inDegree ?? null });
    specs.push({ name: "outDegree", type: "int", get: (n) => n.outDegree ?? null });
  }
  specs.push(
    { name: "weightedDegree", type: "double", get: (n) => n.weightedDegree },
    { name: "closeness", type: "double", get: (n) => n.closeness },
    { name: "betweenness", type: "double", get: (n) => n.betweenness },
  );
  for (const role of BROKERAGE_ROLES) {
    specs.push({ name: role, type: "int", get: (n) => n.brokerage?.[role] ?? null });
  }
  return specs;
}

export interface EdgeRow {
  source: string;
  target: string;
  weight: number;
  kind: string | null;
  purpose: string | null;
  ties: number;
}

export const EDGE_ATTRIBUTES: AttributeSpec<EdgeRow>[] = [
  { name: "weight", type: "double", get: (e) => e.weight },
  { name: "kind", type: "string", get: (e) => e.kind },
  { name: "purpose", type: "string", get: (e) => e.purpose },
  { name: "ties", type: "int", get: (e) => e.ties },
];

/** Merged edges with their input kinds and purposes joined by ";" (distinct, in input order). */
export function edgeRows(graph: Graph): EdgeRow[] {
  return graph.edges.map((edge: MergedEdge) => {
    const kinds = new Set<string>();
    const purposes = new Set<string>();
    for (const i of edge.inputs) {
      const input = graph.inputEdges[i]!;
      if (input.kind) kinds.add(input.kind);
      for (const p of input.purposes ?? []) purposes.add(p);
    }
    return {
      source: graph.ids[edge.source]!,
      target: graph.ids[edge.target]!,
      weight: edge.weight,
      kind: kinds.size > 0 ? [...kinds].join(";") : null,
      purpose: purposes.size > 0 ? [...purposes].join(";") : null,
      ties: edge.inputs.length,
    };
  });
}
