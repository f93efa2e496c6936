import { describe, it, expect } from "vitest";
import { DirectedGraph, UndirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import closenessModule from "graphology-metrics/centrality/closeness.js";
import { centrality } from "./centrality.ts";
import { randomEdges } from "./generate.ts";
import { buildGraph } from "./graph.ts";

// The package is CommonJS (`module.exports = fn`) while its typings declare `export default fn`.
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
const closenessCentrality = closenessModule as unknown as typeof closenessModule.default;

function toGraphology(g: ReturnType<typeof buildGraph>) {
  const other = g.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const id of g.ids) other.addNode(id);
  for (const e of g.edges) other.addEdge(g.ids[e.source]!, g.ids[e.target]!, { weight: e.weight });
  return other;
}

function expectClose(ours: Float64Array, ids: readonly string[], theirs: Record<string, number>) {
  ids.forEach((id, i) => {
    const expected = theirs[id]!;
    expect(Math.abs(ours[i]! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  });
}

describe("parity with graphology-metrics on random graphs", () => {
  for (const directed of [false, true]) {
    for (const seed of [1, 2, 3]) {
      it(`${directed ? "directed" : "undirected"} graph, seed ${seed}`, () => {
        const edges = randomEdges({ seed, nodes: 120, edges: 300, maxWeight: 4, connected: seed !== 3 });
        const g = buildGraph(edges, { directed, nodes: Array.from({ length: 125 }, (_, i) => ({ id: `n${i}` })) });
        const other = toGraphology(g);
        const hops = centrality(g);
        expectClose(hops.betweenness, g.ids, betweennessCentrality(other, { normalized: false, getEdgeWeight: null }));
        expectClose(hops.closeness, g.ids, closenessCentrality(other, { wassermanFaust: true }));
        const weighted = centrality(g, { pathWeights: "distance" });
        expectClose(weighted.betweenness, g.ids, betweennessCentrality(other, { normalized: false, getEdgeWeight: "weight" }));
      });
    }
  }
});
