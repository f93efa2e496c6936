/**
 * @module web/pages/networks/graph-model
 * The pure side of the graph view: node indices and edge pairs for the layout, a colour per group (the
 * largest groups get their own, the rest share grey), node radii by a centrality, brokerage roles,
 * the ranking for the table of top nodes, and the view transform (fit, zoom about a point, hit testing).
 */
import type { SizeMetric } from "./labels.ts";

export interface Brokerage {
  coordinator: number;
  gatekeeper: number;
  representative: number;
  itinerant: number;
  liaison: number;
}

export interface GraphNodeLike {
  id: string;
  group: string;
  degree: number;
  betweenness: number;
  closeness: number;
  brokerage: Brokerage | null;
}

export interface GraphEdgeLike {
  source: string;
  target: string;
}

/** Okabe–Ito and Tableau-like hues that stay apart; groups beyond the palette are grey. */
export const GROUP_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F3C8D", "#8C6D31", "#B8A200", "#3969AC", "#E73F74", "#11A579"];
export const OTHER_GROUP_COLOR = "#9AA5B1";

/** Colours for the groups, largest first (ties broken by id, so colours are stable for the same data). */
export function groupColors(groups: ReadonlyArray<{ id: string; nodes: number }>, palette: readonly string[] = GROUP_PALETTE): Map<string, string> {
  const sorted = [...groups].sort((a, b) => b.nodes - a.nodes || a.id.localeCompare(b.id));
  const colors = new Map<string, string>();
  sorted.forEach((g, i) => colors.set(g.id, palette[i] ?? OTHER_GROUP_COLOR));
  return colors;
}

/** Node index by id and the edges as index pairs (edges naming unknown nodes are left out). */
export function edgePairs(nodes: readonly { id: string }[], edges: readonly GraphEdgeLike[]): { index: Map<string, number>; pairs: Uint32Array } {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pairs: number[] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    pairs.push(s, t);
  }
  return { index, pairs: Uint32Array.from(pairs) };
}

export const MIN_RADIUS = 3;
export const MAX_RADIUS = 16;

/** Radius by the chosen metric: area grows with the value (√ scale), from MIN_RADIUS to MAX_RADIUS. */
export function nodeRadius(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return MIN_RADIUS;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(1, value / max));
}

export function metricValue(node: GraphNodeLike, metric: SizeMetric): number {
  return metric === "degree" ? node.degree : metric === "closeness" ? node.closeness : node.betweenness;
}

export const isGatekeeper = (node: GraphNodeLike) => (node.brokerage?.gatekeeper ?? 0) > 0;
export const isRepresentative = (node: GraphNodeLike) => (node.brokerage?.representative ?? 0) > 0;

/** The top nodes by a metric, then degree, then betweenness (ties broken by id, so the order is stable). */
export function topNodes<T extends GraphNodeLike>(nodes: readonly T[], metric: SizeMetric, limit: number): T[] {
  return [...nodes]
    .sort((a, b) => metricValue(b, metric) - metricValue(a, metric) || b.degree - a.degree || b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** World → screen: screen = world · scale + offset. */
export interface ViewTransform {
  scale: number;
  tx: number;
  ty: number;
}

/** The transform that fits every point (with its radius) into a width × height view with a margin. */
export function fitView(x: ArrayLike<number>, y: ArrayLike<number>, n: number, width: number, height: number, margin = 24): ViewTransform {
  if (n === 0 || width <= 0 || height <= 0) return { scale: 1, tx: width / 2, ty: height / 2 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const w = Math.max(maxX - minX, 1);
  const h = Math.max(maxY - minY, 1);
  const scale = Math.min((width - 2 * margin) / w, (height - 2 * margin) / h, 4);
  return { scale, tx: width / 2 - ((minX + maxX) / 2) * scale, ty: height / 2 - ((minY + maxY) / 2) * scale };
}

/** Zooms by `factor` keeping the screen point (px, py) fixed; the scale stays within [min, max]. */
export function zoomAt(view: ViewTransform, factor: number, px: number, py: number, min = 0.02, max = 40): ViewTransform {
  const scale = Math.min(max, Math.max(min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, tx: px - (px - view.tx) * k, ty: py - (py - view.ty) * k };
}

/**
 * The node under a screen point: the nearest whose drawn circle (radius in screen pixels, at least
 * `slop`) contains it; -1 when none.
 */
export function hitTest(view: ViewTransform, x: ArrayLike<number>, y: ArrayLike<number>, radii: ArrayLike<number>, n: number, px: number, py: number, slop = 6): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < n; i++) {
    const sx = x[i]! * view.scale + view.tx;
    const sy = y[i]! * view.scale + view.ty;
    const d = Math.hypot(sx - px, sy - py);
    const r = Math.max(radii[i]!, slop);
    if (d <= r && d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
