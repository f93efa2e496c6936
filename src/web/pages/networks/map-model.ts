/**
 * @module web/pages/networks/map-model
 * The pure side of the world map of ties: great-circle arcs in the app's Natural Earth projection (split
 * where they cross the antimeridian, bowed apart where several ties join the same two places), which ties
 * and offices are shown in a year, and the yearly counts by kind stacked for the chart beside the slider.
 */
import { MAP_WIDTH, project } from "../../components/projection.ts";

const RAD = Math.PI / 180;

export interface LonLat {
  lon: number;
  lat: number;
}

function toVector({ lon, lat }: LonLat): [number, number, number] {
  const l = lon * RAD;
  const p = lat * RAD;
  return [Math.cos(p) * Math.cos(l), Math.cos(p) * Math.sin(l), Math.sin(p)];
}

/**
 * `segments + 1` points along the shorter great circle from a to b (spherical linear interpolation).
 * Longitudes are in [-180, 180]. Identical or antipodal ends give the straight line between them.
 */
export function greatCircle(a: LonLat, b: LonLat, segments = 48): LonLat[] {
  const va = toVector(a);
  const vb = toVector(b);
  const dot = Math.min(1, Math.max(-1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  const omega = Math.acos(dot);
  const sin = Math.sin(omega);
  if (omega < 1e-9 || sin < 1e-9) return [a, b];
  const out: LonLat[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const wa = Math.sin((1 - t) * omega) / sin;
    const wb = Math.sin(t * omega) / sin;
    const x = wa * va[0] + wb * vb[0];
    const y = wa * va[1] + wb * vb[1];
    const z = wa * va[2] + wb * vb[2];
    out.push({ lon: Math.atan2(y, x) / RAD, lat: Math.asin(Math.max(-1, Math.min(1, z))) / RAD });
  }
  return out;
}

/**
 * Splits a line of points where it crosses the antimeridian (a longitude step of more than 180°), ending
 * each piece at the map's edge on the latitude where it crosses, so the arc leaves one side and comes back
 * on the other.
 */
export function splitAtAntimeridian(points: readonly LonLat[]): LonLat[][] {
  const pieces: LonLat[][] = [];
  let current: LonLat[] = [];
  points.forEach((p, i) => {
    const prev = points[i - 1];
    if (prev && Math.abs(p.lon - prev.lon) > 180) {
      const edge = prev.lon > 0 ? 180 : -180;
      const unwrapped = p.lon + (edge > 0 ? 360 : -360);
      const t = (edge - prev.lon) / (unwrapped - prev.lon);
      const lat = prev.lat + t * (p.lat - prev.lat);
      current.push({ lon: edge, lat });
      pieces.push(current);
      current = [{ lon: -edge, lat }];
    }
    current.push(p);
  });
  if (current.length) pieces.push(current);
  return pieces;
}

export interface ArcGeometry {
  /** SVG path data in the map's coordinates. */
  d: string;
  /** The projected points of each piece (for hit testing), x and y interleaved. */
  pieces: Float64Array[];
  /** Bounding box of all pieces: [minX, minY, maxX, maxY]. */
  bounds: [number, number, number, number];
  /** The point halfway along (for the hover card). */
  mid: [number, number];
  /** True when the arc crosses the antimeridian (drawn in two pieces). */
  split: boolean;
}

const fixed = (n: number) => Math.round(n * 10) / 10;

/**
 * The arc between two places: the great circle, projected. `bow` (a share of the arc's length) bends an
 * arc that does not cross the antimeridian sideways, so that ties between the same places stay apart and
 * short ties read as arcs; negative values bend it the other way.
 */
export function arcGeometry(a: LonLat, b: LonLat, bow = 0): ArcGeometry {
  const pieces = splitAtAntimeridian(greatCircle(a, b));
  const projected = pieces.map((piece) => piece.map((p) => project(p.lon, p.lat)));
  if (projected.length === 1) {
    const line = projected[0]!;
    const [x0, y0] = line[0]!;
    const [x1, y1] = line[line.length - 1]!;
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (bow !== 0 && length > 0) {
      const nx = -(y1 - y0) / length;
      const ny = (x1 - x0) / length;
      const last = line.length - 1;
      for (let i = 1; i < last; i++) {
        const lift = Math.sin((Math.PI * i) / last) * bow * length;
        const [x, y] = line[i]!;
        line[i] = [x + nx * lift, y + ny * lift];
      }
    }
  }
  const d = projected.map((line) => line.map(([x, y], i) => `${i === 0 ? "M" : "L"}${fixed(x)},${fixed(y)}`).join("")).join("");
  const all = projected.flat();
  const mid = all[Math.floor(all.length / 2)] ?? [MAP_WIDTH / 2, 0];
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const bounds: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  return { d, pieces: projected.map((line) => Float64Array.from(line.flat())), bounds, mid, split: projected.length > 1 };
}

/** Distance from (px, py) to the nearest point of an arc (in map units). */
export function distanceToArc(geometry: Pick<ArcGeometry, "pieces">, px: number, py: number): number {
  let best = Infinity;
  for (const piece of geometry.pieces) {
    for (let i = 0; i + 3 < piece.length; i += 2) {
      const x0 = piece[i]!;
      const y0 = piece[i + 1]!;
      const dx = piece[i + 2]! - x0;
      const dy = piece[i + 3]! - y0;
      const length2 = dx * dx + dy * dy;
      const t = length2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length2)) : 0;
      best = Math.min(best, Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy)));
    }
  }
  return best;
}

/** The arc nearest to a point within `tolerance` (map units), or -1; boxes are checked first. */
export function nearestArc(geometries: ReadonlyArray<Pick<ArcGeometry, "pieces" | "bounds">>, px: number, py: number, tolerance: number): number {
  let best = -1;
  let bestD = tolerance;
  geometries.forEach((g, i) => {
    const [x0, y0, x1, y1] = g.bounds;
    if (px < x0 - tolerance || px > x1 + tolerance || py < y0 - tolerance || py > y1 + tolerance) return;
    const d = distanceToArc(g, px, py);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

/**
 * How much to bow each of several arcs: the k-th tie between the same two places (in either direction)
 * gets ±(base + step·⌈k/2⌉), alternating sides, so none of them hides another.
 */
export function bowsFor<T>(items: readonly T[], ends: (item: T) => [string, string], base = 0.08, step = 0.1): number[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const [a, b] = ends(item);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const size = base + step * Math.ceil(k / 2);
    const side = k % 2 === 0 ? 1 : -1;
    // The same side for a→b and b→a: flip when the pair is stored the other way round.
    return size * side * (a < b ? 1 : -1);
  });
}

/** Whether something that began in `start` and ended in `end` (last year; null: still running) is there in `year`. Undated things (start null) count only when `undated` is true. */
export function presentIn(start: number | null, end: number | null, year: number, undated: boolean): boolean {
  if (start === null) return undated;
  return start <= year && (end === null || end >= year);
}

export interface YearCounts {
  year: number;
  byKind: Record<string, number>;
}

export interface StackSegment {
  kind: string;
  value: number;
  y0: number;
  y1: number;
}

export interface StackedYear {
  year: number;
  total: number;
  segments: StackSegment[];
}

/** Each year's counts stacked in the given order of kinds (kinds missing from the order go last). */
export function stackByKind(years: readonly YearCounts[], order: readonly string[], shown?: ReadonlySet<string>): StackedYear[] {
  return years.map(({ year, byKind }) => {
    const extra = Object.keys(byKind).filter((k) => !order.includes(k)).sort();
    let y = 0;
    const segments: StackSegment[] = [];
    for (const kind of [...order, ...extra]) {
      const value = byKind[kind] ?? 0;
      if (!value || (shown && !shown.has(kind))) continue;
      segments.push({ kind, value, y0: y, y1: y + value });
      y += value;
    }
    return { year, total: y, segments };
  });
}

/** The kind with the most ties in each year, for the summary of "the shift": runs of equal leaders merged. */
export function leadingKinds(years: readonly YearCounts[]): Array<{ kind: string; from: number; to: number }> {
  const runs: Array<{ kind: string; from: number; to: number }> = [];
  for (const { year, byKind } of years) {
    let best: string | null = null;
    let max = 0;
    for (const [kind, value] of Object.entries(byKind)) {
      if (value > max || (value === max && best !== null && kind < best)) {
        best = kind;
        max = value;
      }
    }
    if (best === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.kind === best && last.to === year - 1) last.to = year;
    else runs.push({ kind: best, from: year, to: year });
  }
  return runs;
}
