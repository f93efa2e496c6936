import { describe, it, expect } from "vitest";
import { centrality, degrees } from "./centrality.ts";
import { buildGraph, type EdgeInput } from "./graph.ts";

const path = (ids: string[]): EdgeInput[] => ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
const byId = (ids: readonly string[], values: ArrayLike<number>) =>
  Object.fromEntries(ids.map((id, i) => [id, values[i]!]));

function metrics(edges: EdgeInput[], options: Parameters<typeof buildGraph>[1] = {}, pathWeights?: "hops" | "distance") {
  const g = buildGraph(edges, options);
  const c = centrality(g, { pathWeights });
  const d = degrees(g);
  return {
    betweenness: byId(g.ids, c.betweenness),
    closeness: byId(g.ids, c.closeness),
    degree: byId(g.ids, d.degree),
    weightedDegree: byId(g.ids, d.weightedDegree),
  };
}

describe("centrality on graphs with known values", () => {
  it("path a–b–c–d", () => {
    const m = metrics(path(["a", "b", "c", "d"]));
    expect(m.degree).toEqual({ a: 1, b: 2, c: 2, d: 1 });
    expect(m.betweenness).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    expect(m.closeness.a).toBeCloseTo(3 / 6, 12);
    expect(m.closeness.b).toBeCloseTo(3 / 4, 12);
  });

  it("star with four leaves", () => {
    const m = metrics(["l1", "l2", "l3", "l4"].map((l) => ({ source: "hub", target: l })));
    expect(m.degree.hub).toBe(4);
    expect(m.betweenness).toEqual({ hub: 6, l1: 0, l2: 0, l3: 0, l4: 0 });
    expect(m.closeness.hub).toBe(1);
    expect(m.closeness.l1).toBeCloseTo(4 / 7, 12);
  });

  it("cycles of four and five", () => {
    const c4 = metrics(path(["a", "b", "c", "d", "a"]));
    expect(Object.values(c4.betweenness)).toEqual([0.5, 0.5, 0.5, 0.5]);
    const c5 = metrics(path(["a", "b", "c", "d", "e", "a"]));
    expect(Object.values(c5.betweenness)).toEqual([1, 1, 1, 1, 1]);
    for (const value of Object.values(c5.closeness)) expect(value).toBeCloseTo(4 / 6, 12);
  });

  it("two components and an isolated node (Wasserman–Faust closeness within the reachable set)", () => {
    const m = metrics([...path(["a", "b", "c"]), { source: "d", target: "e" }], {
      nodes: ["a", "b", "c", "d", "e", "f"].map((id) => ({ id })),
    });
    expect(m.betweenness).toEqual({ a: 0, b: 1, c: 0, d: 0, e: 0, f: 0 });
    expect(m.closeness.b).toBeCloseTo((2 / 2) * (2 / 5), 12);
    expect(m.closeness.a).toBeCloseTo((2 / 3) * (2 / 5), 12);
    expect(m.closeness.d).toBeCloseTo((1 / 1) * (1 / 5), 12);
    expect(m.closeness.f).toBe(0);
    expect(m.degree.f).toBe(0);
  });

  it("directed path: betweenness over ordered pairs, closeness from incoming distances", () => {
    const m = metrics(path(["a", "b", "c"]), { directed: true });
    expect(m.betweenness).toEqual({ a: 0, b: 1, c: 0 });
    expect(m.closeness.a).toBe(0);
    expect(m.closeness.b).toBeCloseTo(0.5, 12);
    expect(m.closeness.c).toBeCloseTo(2 / 3, 12);
    expect(m.degree).toEqual({ a: 1, b: 2, c: 1 });
  });

  it("a weighted case: weights change weighted degree always, paths only with pathWeights=distance", () => {
    const edges: EdgeInput[] = [
      { source: "a", target: "b", weight: 1 },
      { source: "b", target: "d", weight: 1 },
      { source: "a", target: "c", weight: 1 },
      { source: "c", target: "d", weight: 1 },
      { source: "a", target: "d", weight: 2 },
    ];
    const hops = metrics(edges);
    expect(hops.weightedDegree).toEqual({ a: 4, b: 2, d: 4, c: 2 });
    expect(hops.betweenness).toEqual({ a: 0.5, b: 0, d: 0.5, c: 0 });
    const dist = metrics(edges, {}, "distance");
    expect(dist.betweenness.a).toBeCloseTo(0.5, 12);
    expect(dist.betweenness.d).toBeCloseTo(0.5, 12);
    expect(dist.betweenness.b).toBeCloseTo(1 / 3, 12);
    expect(dist.betweenness.c).toBeCloseTo(1 / 3, 12);
    // a reaches b, c at 1 and d at 2: r = 3, Σd = 4.
    expect(dist.closeness.a).toBeCloseTo(3 / 4, 12);
  });

  it("merged duplicates count once for degree and paths, summed for weighted degree", () => {
    const m = metrics([
      { source: "a", target: "b", weight: 2 },
      { source: "b", target: "a", weight: 5 },
      { source: "b", target: "c" },
    ]);
    expect(m.degree).toEqual({ a: 1, b: 2, c: 1 });
    expect(m.weightedDegree).toEqual({ a: 7, b: 8, c: 1 });
    expect(m.betweenness.b).toBe(1);
  });

  it("single node and empty graph", () => {
    expect(metrics([], { nodes: [{ id: "x" }] }).closeness).toEqual({ x: 0 });
    expect(metrics([]).betweenness).toEqual({});
  });
});
