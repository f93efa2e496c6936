/**
 * @module web/pages/networks/countries
 * The countries of the world map as SVG paths in the app's projection (components/projection.ts), loaded
 * once per page. The same source and projection as components/world-map.tsx, whose loader is private to
 * it; the arc map needs the paths under its own layers of arcs and markers.
 */
import type { FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";
import { feature } from "topojson-client";
import { geometryPath } from "../../components/projection.ts";

export interface CountryPath {
  id: string;
  d: string;
}

let loaded: Promise<CountryPath[]> | null = null;

/** Natural Earth 1:110m countries without Antarctica. */
export function loadCountryPaths(): Promise<CountryPath[]> {
  loaded ??= import("world-atlas/countries-110m.json", { with: { type: "json" } }).then((module) => {
    const topology = module.default as unknown as Topology;
    const countries = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<Geometry>;
    return countries.features.filter((f) => String(f.id) !== "010").map((f, i) => ({ id: `${String(f.id ?? "x")}-${i}`, d: geometryPath(f.geometry) }));
  });
  return loaded;
}
