import { describe, expect, it } from "vitest";
import { edgePairs, fitView, groupColors, hitTest, isGatekeeper, MAX_RADIUS, MIN_RADIUS, nodeRadius, OTHER_GROUP_COLOR, topNodes, zoomAt } from "./graph-model.ts";

const node = (id: string, degree: number, betweenness: number, gatekeeper = 0) => ({
  id,
  group: "JP",
  degree,
  betweenness,
  closeness: degree / 10,
  brokerage: { coordinator: 0, gatekeeper, representative: gatekeeper, itinerant: 0, liaison: 0 },
});

describe("groupColors", () => {
  it("gives the largest groups their own colours and the rest grey", () => {
    const colors = groupColors(
      [
        { id: "KR", nodes: 2 },
        { id: "JP", nodes: 9 },
        { id: "US", nodes: 2 },
      ],
      ["#1", "#2"],
    );
    expect(colors.get("JP")).toBe("#1");
    expect(colors.get("KR")).toBe("#2");
    expect(colors.get("US")).toBe(OTHER_GROUP_COLOR);
  });
});

describe("edgePairs", () => {
  it("turns ids into index pairs and drops unknown ends and self-loops", () => {
    const { index, pairs } = edgePairs([{ id: "a" }, { id: "b" }, { id: "c" }], [
      { source: "a", target: "b" },
      { source: "c", target: "x" },
      { source: "b", target: "b" },
      { source: "c", target: "a" },
    ]);
    expect(index.get("c")).toBe(2);
    expect(Array.from(pairs)).toEqual([0, 1, 2, 0]);
  });
});

describe("nodeRadius", () => {
  it("runs from the minimum to the maximum by area", () => {
    expect(nodeRadius(0, 10)).toBe(MIN_RADIUS);
    expect(nodeRadius(10, 10)).toBe(MAX_RADIUS);
    expect(nodeRadius(2.5, 10)).toBeCloseTo(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) / 2);
    expect(nodeRadius(5, 0)).toBe(MIN_RADIUS);
  });
});

describe("topNodes and roles", () => {
  it("ranks by the metric, then degree, then id", () => {
    const nodes = [node("c", 1, 5), node("a", 3, 5), node("b", 3, 5), node("d", 9, 0)];
    expect(topNodes(nodes, "betweenness", 3).map((n) => n.id)).toEqual(["a", "b", "c"]);
    expect(topNodes(nodes, "degree", 1).map((n) => n.id)).toEqual(["d"]);
  });

  it("marks gatekeepers by their brokerage count; an ungrouped node is none", () => {
    expect(isGatekeeper(node("a", 1, 1, 2))).toBe(true);
    expect(isGatekeeper(node("a", 1, 1, 0))).toBe(false);
    expect(isGatekeeper({ ...node("a", 1, 1), brokerage: null })).toBe(false);
  });
});

describe("view transform", () => {
  it("fits the points in the view and zooms about a fixed point", () => {
    const view = fitView([-100, 100], [-50, 50], 2, 440, 240, 20);
    expect(view.scale).toBeCloseTo(2);
    expect(-100 * view.scale + view.tx).toBeCloseTo(20);
    expect(100 * view.scale + view.tx).toBeCloseTo(420);
    const zoomed = zoomAt(view, 2, 420, 120);
    expect(100 * zoomed.scale + zoomed.tx).toBeCloseTo(420);
    expect(zoomed.scale).toBeCloseTo(4);
  });

  it("finds the node under the pointer, nearest first, within its radius or the slop", () => {
    const view = { scale: 1, tx: 0, ty: 0 };
    const x = [0, 10, 100];
    const y = [0, 0, 0];
    const r = [8, 8, 3];
    expect(hitTest(view, x, y, r, 3, 7, 0)).toBe(1);
    expect(hitTest(view, x, y, r, 3, 2, 0)).toBe(0);
    expect(hitTest(view, x, y, r, 3, 105, 0)).toBe(2);
    expect(hitTest(view, x, y, r, 3, 50, 0)).toBe(-1);
  });
});
