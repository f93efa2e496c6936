import { describe, it, expect } from "vitest";
import { AppError } from "../../core/errors.ts";
import { buildGraph, hasEdge } from "./graph.ts";

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors;
  }
  throw new Error("expected an AppError");
}

describe("buildGraph", () => {
  it("maps ids to dense indices in order of first appearance and builds sorted CSR rows", () => {
    const g = buildGraph([
      { source: "c", target: "a" },
      { source: "a", target: "b" },
    ]);
    expect(g.ids).toEqual(["c", "a", "b"]);
    expect([...g.outOffsets]).toEqual([0, 1, 3, 4]);
    expect([...g.outTargets]).toEqual([1, 0, 2, 1]);
    expect(g.inTargets).toBe(g.outTargets);
    expect(hasEdge(g, 0, 1) && hasEdge(g, 1, 0) && !hasEdge(g, 0, 2)).toBe(true);
  });

  it("keeps the nodes file order and its isolated nodes, groups and labels", () => {
    const g = buildGraph([{ source: "b", target: "a" }], {
      nodes: [
        { id: "a", group: "JP", label: "Fukuoka" },
        { id: "b", group: "KR" },
        { id: "z", group: "" },
      ],
    });
    expect(g.ids).toEqual(["a", "b", "z"]);
    expect(g.groups).toEqual(["JP", "KR", null]);
    expect(g.labels).toEqual(["Fukuoka", null, null]);
    expect(g.outOffsets[3]! - g.outOffsets[2]!).toBe(0);
  });

  it("merges duplicate edges (either orientation when undirected) and sums their weights", () => {
    const g = buildGraph([
      { source: "a", target: "b", weight: 2, kind: "sister_city" },
      { source: "b", target: "a", weight: 3, kind: "business_partner" },
      { source: "a", target: "b" },
    ]);
    expect(g.edges).toEqual([{ source: 0, target: 1, weight: 6, inputs: [0, 1, 2] }]);
    expect([...g.outWeights]).toEqual([6, 6]);
    expect(g.inputEdges).toHaveLength(3);
  });

  it("keeps opposite directions apart when directed, with a separate incoming side", () => {
    const g = buildGraph(
      [
        { source: "a", target: "b" },
        { source: "b", target: "a", weight: 4 },
        { source: "a", target: "b", weight: 2 },
      ],
      { directed: true },
    );
    expect(g.edges.map((e) => [e.source, e.target, e.weight])).toEqual([
      [0, 1, 3],
      [1, 0, 4],
    ]);
    expect([...g.inOffsets]).toEqual([0, 1, 2]);
    expect([...g.inWeights]).toEqual([4, 3]);
  });

  it("rejects self-loops, empty ids, bad weights and unknown nodes, all at once", () => {
    const errors = errorsOf(() =>
      buildGraph(
        [
          { source: "a", target: "a" },
          { source: "", target: "b" },
          { source: "a", target: "b", weight: -1 },
          { source: "a", target: "b", weight: Number.NaN },
          { source: "a", target: "x" },
        ],
        { nodes: [{ id: "a" }, { id: "b" }, { id: "a" }] },
      ),
    );
    expect(errors.map((e) => e.path)).toEqual([
      "nodes[2].id",
      "edges[0].target",
      "edges[1].source",
      "edges[2].weight",
      "edges[3].weight",
      "edges[4].target",
    ]);
    expect(errors[1]!.message).toMatch(/self-loop/);
    expect(errors[5]!.message).toMatch(/not in the nodes file/);
  });

  it("handles an empty graph", () => {
    const g = buildGraph([]);
    expect(g.ids).toEqual([]);
    expect([...g.outOffsets]).toEqual([0]);
  });
});
