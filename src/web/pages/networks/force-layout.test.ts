import { describe, expect, it } from "vitest";
import { ForceLayout, QuadTree } from "./force-layout.ts";

/** The exact many-body velocity change (no Barnes–Hut) of one tick, for comparison. */
function exactRepulsion(x: Float64Array, y: Float64Array, i: number, strength: number): [number, number] {
  let fx = 0;
  let fy = 0;
  for (let j = 0; j < x.length; j++) {
    if (j === i) continue;
    const dx = x[j]! - x[i]!;
    const dy = y[j]! - y[i]!;
    let l = dx * dx + dy * dy;
    if (l < 1) l = Math.sqrt(l);
    fx += (dx * strength) / l;
    fy += (dy * strength) / l;
  }
  return [fx, fy];
}

function ring(n: number): number[] {
  const edges: number[] = [];
  for (let i = 0; i < n; i++) edges.push(i, (i + 1) % n);
  return edges;
}

describe("QuadTree", () => {
  it("holds every point once, with the total mass at the root and its centre of mass", () => {
    const x = [0, 10, 10, 0, 5, 5];
    const y = [0, 0, 10, 10, 5, 5];
    const tree = new QuadTree(x.length);
    tree.build(x, y, x.length);
    expect(tree.mass[0]).toBe(6);
    expect(tree.cx[0]).toBeCloseTo(5);
    expect(tree.cy[0]).toBeCloseTo(5);
    // Coincident points share a leaf instead of splitting forever.
    let leaves = 0;
    let points = 0;
    for (let c = 0; c < tree.count; c++) {
      if (tree.internal[c]) continue;
      leaves++;
      for (let p = tree.head[c]!; p >= 0; p = tree.next[p]!) points++;
    }
    expect(points).toBe(6);
    expect(leaves).toBeLessThanOrEqual(6);
  });

  it("grows past its first capacity", () => {
    const n = 2000;
    const x = Array.from({ length: n }, (_, i) => Math.cos(i) * i);
    const y = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * i);
    const tree = new QuadTree(4);
    tree.build(x, y, n);
    expect(tree.mass[0]).toBe(n);
  });
});

describe("ForceLayout", () => {
  it("approximates the exact repulsion with Barnes–Hut (θ small gives the exact forces)", () => {
    const n = 300;
    const exact = new ForceLayout(n, [], { theta: 0.0001, gravity: 0 });
    const [ex, ey] = exactRepulsion(exact.x, exact.y, 17, -30 * (1 - (1 - 0.001 ** (1 / 300))));
    exact.tick();
    // One tick from rest: v = (1 - decay) · force, so force = v / 0.6.
    expect(exact.vx[17]! / 0.6).toBeCloseTo(ex, 6);
    expect(exact.vy[17]! / 0.6).toBeCloseTo(ey, 6);
    const approx = new ForceLayout(n, [], { theta: 0.9, gravity: 0 });
    approx.tick();
    const error = Math.hypot(approx.vx[17]! - exact.vx[17]!, approx.vy[17]! - exact.vy[17]!) / Math.hypot(exact.vx[17]!, exact.vy[17]!);
    expect(error).toBeLessThan(0.1);
  });

  it("stops at the iteration cap", () => {
    const layout = new ForceLayout(50, ring(50), { iterations: 40 });
    let ticks = 0;
    while (!layout.done) {
      layout.tick();
      ticks++;
    }
    expect(ticks).toBe(40);
    expect(layout.alpha).toBeGreaterThan(0);
  });

  it("pulls linked nodes together and pushes unlinked ones apart", () => {
    // Two triangles joined by nothing: inside each, nodes end near the rest length; the triangles separate.
    const layout = new ForceLayout(6, [0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3]);
    while (!layout.done) layout.tick();
    const d = (a: number, b: number) => Math.hypot(layout.x[a]! - layout.x[b]!, layout.y[a]! - layout.y[b]!);
    for (const [a, b] of [[0, 1], [1, 2], [3, 4]] as const) {
      expect(d(a, b)).toBeGreaterThan(15);
      expect(d(a, b)).toBeLessThan(60);
    }
    const centre = (ids: number[]) => [ids.reduce((s, i) => s + layout.x[i]!, 0) / ids.length, ids.reduce((s, i) => s + layout.y[i]!, 0) / ids.length];
    const [ax, ay] = centre([0, 1, 2]);
    const [bx, by] = centre([3, 4, 5]);
    expect(Math.hypot(ax! - bx!, ay! - by!)).toBeGreaterThan(d(0, 1));
  });

  it("is deterministic and keeps every coordinate finite, even for coincident nodes and repeated or looping edges", () => {
    const run = () => {
      const layout = new ForceLayout(200, [...ring(200), 0, 0, 1, 2, 1, 2], { iterations: 120 });
      layout.x.fill(0);
      layout.y.fill(0);
      while (!layout.done) layout.tick();
      return Array.from(layout.x);
    };
    const a = run();
    expect(a.every(Number.isFinite)).toBe(true);
    expect(run()).toEqual(a);
    expect(new Set(a.map((v) => Math.round(v))).size).toBeGreaterThan(50);
  });

  it("keeps disconnected components and isolated nodes within reach of the centre", () => {
    const layout = new ForceLayout(400, ring(100));
    while (!layout.done) layout.tick();
    const radius = Math.max(...Array.from(layout.x, (x, i) => Math.hypot(x, layout.y[i]!)));
    expect(radius).toBeLessThan(2000);
  });
});
