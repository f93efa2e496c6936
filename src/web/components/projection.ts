/**
 * @module web/components/projection
 * The Natural Earth I projection (Šavrič, Patterson and Jenny's polynomial) into SVG coordinates, SVG
 * paths for GeoJSON polygons that cross the antimeridian (Russia, Fiji), view boxes for map regions, and
 * the spreading of markers that share a city so each stays visible and clickable.
 */
import type { Geometry, Position } from "geojson";

const RAD = Math.PI / 180;

/** Natural Earth I, in projection units (x east, y north); λ and φ in degrees. */
export function naturalEarth(lon: number, lat: number): [number, number] {
  const l = lon * RAD;
  const p = lat * RAD;
  const p2 = p * p;
  const p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [x, y];
}

/** Width of the whole map in SVG units. */
export const MAP_WIDTH = 1000;
const MAX_X = naturalEarth(180, 0)[0];
const MAX_Y = naturalEarth(0, 90)[1];
const SCALE = MAP_WIDTH / (2 * MAX_X);
export const MAP_HEIGHT = 2 * MAX_Y * SCALE;

/** A point in SVG units (y down), origin at the top-left of the whole world. */
export function project(lon: number, lat: number): [number, number] {
  const [x, y] = naturalEarth(lon, lat);
  return [(x + MAX_X) * SCALE, (MAX_Y - y) * SCALE];
}

const fixed = (n: number) => Math.round(n * 10) / 10;

function ringPath(ring: Position[], shift: number): string {
  let d = "";
  ring.forEach(([lon = 0, lat = 0], i) => {
    const [x, y] = project(lon + shift, lat);
    d += `${i === 0 ? "M" : "L"}${fixed(x)},${fixed(y)}`;
  });
  return d ? `${d}Z` : "";
}

/**
 * Makes a ring continuous in longitude: a step of more than 180° is taken the short way round, so a
 * ring crossing the antimeridian runs past ±180° instead of across the whole map.
 */
export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let previous: number | null = null;
  for (const [lon = 0, lat = 0] of ring) {
    if (previous !== null) {
      const step = lon + offset - previous;
      if (step > 180) offset -= 360;
      else if (step < -180) offset += 360;
    }
    previous = lon + offset;
    out.push([lon + offset, lat]);
  }
  return out;
}

/** SVG path data for a polygon or multipolygon; parts past ±180° are drawn again on the other side. */
export function geometryPath(geometry: Geometry): string {
  const polygons: Position[][][] = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let d = "";
  for (const polygon of polygons) {
    for (const raw of polygon) {
      const ring = unwrapRing(raw);
      const lons = ring.map((p) => p[0] ?? 0);
      d += ringPath(ring, 0);
      if (Math.max(...lons) > 180) d += ringPath(ring, -360);
      if (Math.min(...lons) < -180) d += ringPath(ring, 360);
    }
  }
  return d;
}

/** The outline of the projected globe, for the ocean and as a clip path. */
export function spherePath(): string {
  const points: Array<[number, number]> = [];
  for (let lat = -90; lat <= 90; lat += 5) points.push(project(180, lat));
  for (let lat = 90; lat >= -90; lat -= 5) points.push(project(-180, lat));
  return `M${points.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join("L")}Z`;
}

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest view box holding a longitude/latitude rectangle (its edges are curves, so sample them). */
export function viewBoxFor(west: number, south: number, east: number, north: number): ViewBox {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 20; i++) {
    const lon = west + ((east - west) * i) / 20;
    const lat = south + ((north - south) * i) / 20;
    for (const [x, y] of [project(lon, south), project(lon, north), project(west, lat), project(east, lat)]) {
      xs.push(x);
      ys.push(y);
    }
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export interface PlacedMarker<T> {
  item: T;
  x: number;
  y: number;
}

/**
 * Positions markers; those closer than `minGap` SVG units (e.g. several offices in Singapore) are spread
 * on a small circle around their shared point.
 */
export function placeMarkers<T>(items: readonly T[], position: (item: T) => [number, number], minGap: number): PlacedMarker<T>[] {
  const clusters: Array<{ x: number; y: number; items: T[] }> = [];
  for (const item of items) {
    const [x, y] = position(item);
    const near = clusters.find((c) => Math.hypot(c.x - x, c.y - y) < minGap);
    if (near) near.items.push(item);
    else clusters.push({ x, y, items: [item] });
  }
  const placed: PlacedMarker<T>[] = [];
  for (const cluster of clusters) {
    const n = cluster.items.length;
    if (n === 1) {
      placed.push({ item: cluster.items[0]!, x: cluster.x, y: cluster.y });
      continue;
    }
    const radius = (minGap * Math.max(1, n / 3)) / 1.5;
    cluster.items.forEach((item, i) => {
      const angle = (2 * Math.PI * i) / n - Math.PI / 2;
      placed.push({ item, x: cluster.x + radius * Math.cos(angle), y: cluster.y + radius * Math.sin(angle) });
    });
  }
  return placed;
}
