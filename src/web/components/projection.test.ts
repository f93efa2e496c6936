import { describe, expect, it } from "vitest";
import { geometryPath, MAP_HEIGHT, MAP_WIDTH, naturalEarth, placeMarkers, project, unwrapRing, viewBoxFor } from "./projection.ts";
import { ticks } from "./bar-chart.tsx";

describe("Natural Earth I projection", () => {
  it("maps the origin to the centre and is symmetric", () => {
    expect(naturalEarth(0, 0)).toEqual([0, 0]);
    const [x, y] = naturalEarth(100, 40);
    const [mx, my] = naturalEarth(-100, -40);
    expect(mx).toBeCloseTo(-x, 12);
    expect(my).toBeCloseTo(-y, 12);
  });

  it("matches the published extent (x 2.7354 at the equator's ends, y 1.4224 at the poles)", () => {
    expect(naturalEarth(180, 0)[0]).toBeCloseTo(0.8707 * Math.PI, 6);
    expect(naturalEarth(0, 90)[1]).toBeCloseTo(1.4224, 3);
  });

  it("places points in SVG units with north up", () => {
    const [x0, y0] = project(-180, 0);
    expect(x0).toBeCloseTo(0, 6);
    expect(y0).toBeCloseTo(MAP_HEIGHT / 2, 6);
    expect(project(180, 0)[0]).toBeCloseTo(MAP_WIDTH, 6);
    expect(project(0, 90)[1]).toBeCloseTo(0, 6);
    expect(project(139.7, 35.7)[1]).toBeLessThan(project(103.8, 1.35)[1]);
  });
});

describe("antimeridian", () => {
  it("unwraps a ring that crosses ±180° so it stays continuous", () => {
    expect(unwrapRing([[179, 60], [-179, 61], [-178, 62], [179, 60]])).toEqual([[179, 60], [181, 61], [182, 62], [179, 60]]);
  });

  it("draws the part past 180° again on the other side", () => {
    const d = geometryPath({ type: "Polygon", coordinates: [[[179, 60], [-179, 61], [-178, 62], [179, 60]]] });
    expect(d.match(/M/g)).toHaveLength(2);
    expect(geometryPath({ type: "Polygon", coordinates: [[[10, 10], [20, 10], [20, 20], [10, 10]]] }).match(/M/g)).toHaveLength(1);
  });
});

describe("map layout", () => {
  it("finds a view box holding a region", () => {
    const box = viewBoxFor(62, -12, 152, 52);
    const [sx, sy] = project(103.8, 1.35);
    expect(sx).toBeGreaterThan(box.x);
    expect(sx).toBeLessThan(box.x + box.width);
    expect(sy).toBeGreaterThan(box.y);
    expect(sy).toBeLessThan(box.y + box.height);
  });

  it("spreads markers that share a place so none hides another", () => {
    const items = Array.from({ length: 13 }, (_, i) => ({ id: i }));
    const placed = placeMarkers(items, () => [100, 100], 8);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThanOrEqual(8 * 0.99);
      }
    }
    expect(placeMarkers([{ id: 1 }], () => [5, 6], 8)).toEqual([{ item: { id: 1 }, x: 5, y: 6 }]);
  });

  it("picks round gridlines for charts", () => {
    expect(ticks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks(0)).toEqual([0, 1]);
  });
});
