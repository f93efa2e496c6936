import { describe, expect, it } from "vitest";
import { project } from "../../components/projection.ts";
import { arcGeometry, bowsFor, distanceToArc, greatCircle, leadingKinds, nearestArc, presentIn, splitAtAntimeridian, stackByKind } from "./map-model.ts";

const kobe = { lon: 135.18, lat: 34.68 };
const seattle = { lon: -122.33, lat: 47.61 };
const busan = { lon: 129.08, lat: 35.18 };
const fukuoka = { lon: 130.4, lat: 33.59 };

describe("greatCircle", () => {
  it("runs from one end to the other along the sphere", () => {
    const points = greatCircle(kobe, busan, 10);
    expect(points).toHaveLength(11);
    expect(points[0]!.lon).toBeCloseTo(kobe.lon, 6);
    expect(points[10]!.lat).toBeCloseTo(busan.lat, 6);
  });

  it("takes the short way across the Pacific, bending north", () => {
    const points = greatCircle(kobe, seattle, 40);
    expect(Math.max(...points.map((p) => p.lat))).toBeGreaterThan(50);
    expect(points.some((p) => Math.abs(p.lon) > 170)).toBe(true);
  });

  it("gives the straight pair for identical points", () => {
    expect(greatCircle(kobe, kobe)).toEqual([kobe, kobe]);
  });
});

describe("splitAtAntimeridian", () => {
  it("ends one piece at +180° and starts the next at −180° on the same latitude", () => {
    const pieces = splitAtAntimeridian([
      { lon: 170, lat: 40 },
      { lon: -170, lat: 50 },
    ]);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]![1]).toEqual({ lon: 180, lat: 45 });
    expect(pieces[1]![0]).toEqual({ lon: -180, lat: 45 });
  });

  it("leaves a line that does not cross alone", () => {
    expect(splitAtAntimeridian([kobe, busan])).toHaveLength(1);
  });
});

describe("arcGeometry", () => {
  it("starts and ends at the projected places", () => {
    const arc = arcGeometry(fukuoka, busan, 0.2);
    const [x0, y0] = project(fukuoka.lon, fukuoka.lat);
    expect(arc.d.startsWith(`M${Math.round(x0 * 10) / 10},${Math.round(y0 * 10) / 10}`)).toBe(true);
    expect(arc.split).toBe(false);
  });

  it("draws a Pacific crossing in two pieces", () => {
    const arc = arcGeometry(kobe, seattle);
    expect(arc.split).toBe(true);
    expect(arc.d.match(/M/g)).toHaveLength(2);
  });

  it("bows sideways by the given share", () => {
    const straight = arcGeometry(fukuoka, busan, 0);
    const bowed = arcGeometry(fukuoka, busan, 0.3);
    expect(bowed.mid).not.toEqual(straight.mid);
  });
});

describe("hit testing", () => {
  it("measures the distance to an arc's segments and finds the nearest arc within a tolerance", () => {
    const line = { pieces: [Float64Array.from([0, 0, 10, 0, 10, 10])], bounds: [0, 0, 10, 10] as [number, number, number, number] };
    const far = { pieces: [Float64Array.from([100, 100, 110, 100])], bounds: [100, 100, 110, 100] as [number, number, number, number] };
    expect(distanceToArc(line, 5, 3)).toBeCloseTo(3);
    expect(distanceToArc(line, 12, 5)).toBeCloseTo(2);
    expect(nearestArc([far, line], 5, 1, 2)).toBe(1);
    expect(nearestArc([far, line], 50, 50, 2)).toBe(-1);
  });

  it("keeps the projected points of both pieces of a split arc", () => {
    const arc = arcGeometry(kobe, seattle);
    expect(arc.pieces).toHaveLength(2);
    expect(arc.bounds[0]).toBeLessThan(150);
    expect(arc.bounds[2]).toBeGreaterThan(850);
  });
});

describe("bowsFor", () => {
  it("separates ties between the same places, on alternating sides whichever way they are stored", () => {
    const bows = bowsFor(
      [
        ["a", "b"],
        ["b", "a"],
        ["a", "c"],
        ["a", "b"],
      ],
      (pair) => pair as [string, string],
    );
    expect(bows[0]).toBeCloseTo(0.08);
    // Second tie a–b (stored b→a): the other side physically, i.e. the same sign once flipped back.
    expect(bows[1]).toBeCloseTo(0.18);
    expect(bows[2]).toBeCloseTo(0.08);
    expect(bows[3]).toBeCloseTo(0.18);
  });
});

describe("presentIn", () => {
  it("counts the first and the last year, and open ends", () => {
    expect(presentIn(1957, null, 2026, false)).toBe(true);
    expect(presentIn(1957, 1990, 1990, false)).toBe(true);
    expect(presentIn(1957, 1990, 1991, false)).toBe(false);
    expect(presentIn(2000, null, 1999, false)).toBe(false);
    expect(presentIn(null, null, 2000, false)).toBe(false);
    expect(presentIn(null, null, 2000, true)).toBe(true);
  });
});

describe("stackByKind", () => {
  it("stacks in the given order, leaves out hidden kinds and appends unknown ones", () => {
    const [year] = stackByKind([{ year: 2000, byKind: { network_membership: 2, sister_city: 3, other: 1 } }], ["sister_city", "network_membership"]);
    expect(year!.segments.map((s) => [s.kind, s.y0, s.y1])).toEqual([
      ["sister_city", 0, 3],
      ["network_membership", 3, 5],
      ["other", 5, 6],
    ]);
    expect(year!.total).toBe(6);
    const [hidden] = stackByKind([{ year: 2000, byKind: { network_membership: 2, sister_city: 3 } }], ["sister_city", "network_membership"], new Set(["network_membership"]));
    expect(hidden!.segments).toEqual([{ kind: "network_membership", value: 2, y0: 0, y1: 2 }]);
  });
});

describe("leadingKinds", () => {
  it("names the kind with most ties, year by year, merging runs", () => {
    const runs = leadingKinds([
      { year: 1990, byKind: { sister_city: 5 } },
      { year: 1991, byKind: { sister_city: 5, network_membership: 2 } },
      { year: 1992, byKind: {} },
      { year: 1993, byKind: { sister_city: 5, network_membership: 9 } },
    ]);
    expect(runs).toEqual([
      { kind: "sister_city", from: 1990, to: 1991 },
      { kind: "network_membership", from: 1993, to: 1993 },
    ]);
  });
});
