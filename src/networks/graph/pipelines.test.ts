import { describe, it, expect } from "vitest";
import { buildGraph, type EdgeInput } from "./graph.ts";
import { pipelines } from "./pipelines.ts";
import { componentCount, graphMetrics } from "./metrics.ts";

const nodes = [
  { id: "fukuoka", group: "JP" },
  { id: "kitakyushu", group: "JP" },
  { id: "busan", group: "KR" },
  { id: "incheon", group: "KR" },
  { id: "dalian", group: "CN" },
  { id: "c40", group: null },
];
const edges: EdgeInput[] = [
  { source: "fukuoka", target: "busan", kind: "sister_city", purposes: ["cultural", "economic"] },
  { source: "busan", target: "fukuoka", kind: "business_partner", purposes: ["economic"], weight: 2 },
  { source: "kitakyushu", target: "incheon", kind: "sister_city", purposes: ["cultural"] },
  { source: "kitakyushu", target: "dalian", kind: "friendship" },
  { source: "fukuoka", target: "kitakyushu" },
  { source: "fukuoka", target: "c40", kind: "network_membership" },
];

describe("pipelines between groups", () => {
  it("counts input edges per unordered group pair, by kind and purpose", () => {
    const result = pipelines(buildGraph(edges, { nodes }));
    expect(result.ungroupedTies).toBe(1);
    expect(result.pipelines).toEqual([
      {
        from: "JP", to: "KR", internal: false, ties: 3, weight: 4,
        byKind: { sister_city: 2, business_partner: 1 },
        byPurpose: { cultural: 2, economic: 2 },
      },
      { from: "CN", to: "JP", internal: false, ties: 1, weight: 1, byKind: { friendship: 1 }, byPurpose: {} },
      { from: "JP", to: "JP", internal: true, ties: 1, weight: 1, byKind: {}, byPurpose: {} },
    ]);
  });

  it("keeps the initiator's group first when directed", () => {
    const result = pipelines(buildGraph(edges, { nodes, directed: true }));
    expect(result.pipelines.map((p) => [p.from, p.to, p.ties])).toEqual([
      ["JP", "KR", 2],
      ["JP", "CN", 1],
      ["JP", "JP", 1],
      ["KR", "JP", 1],
    ]);
  });
});

describe("graphMetrics", () => {
  it("assembles nodes, summary and pipelines", () => {
    const m = graphMetrics(buildGraph(edges, { nodes }));
    expect(m.graph).toEqual({
      directed: false, pathWeights: "hops", nodes: 6, edges: 5, inputEdges: 6,
      mergedDuplicates: 1, components: 1, ungroupedTies: 1,
    });
    const fukuoka = m.nodes[0]!;
    expect(fukuoka).toMatchObject({ id: "fukuoka", group: "JP", degree: 3, weightedDegree: 5 });
    expect(fukuoka.inDegree).toBeUndefined();
    expect(m.nodes[5]!.brokerage).toBeNull();
  });

  it("counts components, isolated nodes included", () => {
    expect(componentCount(buildGraph([{ source: "a", target: "b" }], { nodes: [{ id: "a" }, { id: "b" }, { id: "c" }] }))).toBe(2);
  });
});
