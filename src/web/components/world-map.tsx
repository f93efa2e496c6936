/**
 * @module web/components/world-map
 * A world map drawn as SVG from Natural Earth's 1:110m countries (world-atlas, bundled, no network), in
 * the Natural Earth I projection, with coloured markers that link to their records, a legend, a hover
 * or focus card, and region buttons to zoom.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import type { FeatureCollection, Geometry } from "geojson";
import type { Topology } from "topojson-specification";
import { feature } from "topojson-client";
import { useI18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { navigate } from "../lib/router.tsx";
import { geometryPath, placeMarkers, project, spherePath, viewBoxFor, type ViewBox } from "./projection.ts";

export interface MapMarker {
  id: string;
  lat: number;
  lon: number;
  color: string;
  /** Accessible name and card title. */
  label: string;
  /** Second line of the card. */
  detail?: string;
  href: string;
  hollow?: boolean;
}

export interface LegendEntry {
  color: string;
  label: string;
  count?: number;
  hollow?: boolean;
}

const REGIONS = {
  world: { label: "map.world", box: viewBoxFor(-180, -57, 180, 83) },
  asia: { label: "map.asia", box: viewBoxFor(62, -12, 152, 52) },
  europe: { label: "map.europe", box: viewBoxFor(-14, 34, 42, 64) },
  americas: { label: "map.americas", box: viewBoxFor(-128, 14, -62, 56) },
} satisfies Record<string, { label: MessageKey; box: ViewBox }>;
type Region = keyof typeof REGIONS | "nearby";

/** The area around one point, for a map of a single record. */
function nearby(point: { lat: number; lon: number }): ViewBox {
  const west = Math.max(-180, point.lon - 32);
  const east = Math.min(180, point.lon + 32);
  const south = Math.max(-60, point.lat - 20);
  const north = Math.min(84, point.lat + 20);
  return viewBoxFor(west, south, east, north);
}

let countryPaths: Promise<Array<{ id: string; d: string }>> | null = null;

/** Loads and projects the countries once per page load; Antarctica is left out of a map of offices. */
function loadCountries(): Promise<Array<{ id: string; d: string }>> {
  countryPaths ??= import("world-atlas/countries-110m.json", { with: { type: "json" } }).then((module) => {
    const topology = module.default as unknown as Topology;
    const countries = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<Geometry>;
    return countries.features
      .filter((f) => String(f.id) !== "010")
      .map((f, i) => ({ id: `${String(f.id ?? "x")}-${i}`, d: geometryPath(f.geometry) }));
  });
  return countryPaths;
}

export interface WorldMapProps {
  markers: readonly MapMarker[];
  legend: readonly LegendEntry[];
  label: string;
  caption?: ReactNode;
  /** Open zoomed in on this point, with a "Nearby" view beside the regions. */
  focus?: { lat: number; lon: number };
}

export function WorldMap({ markers, legend, label, caption, focus }: WorldMapProps) {
  const { t } = useI18n();
  const [countries, setCountries] = useState<Array<{ id: string; d: string }>>([]);
  const [region, setRegion] = useState<Region>(focus ? "nearby" : "world");
  const [hover, setHover] = useState<{ marker: MapMarker; x: number; y: number } | null>(null);
  useEffect(() => {
    let live = true;
    void loadCountries().then((paths) => live && setCountries(paths));
    return () => {
      live = false;
    };
  }, []);

  const box = region === "nearby" ? nearby(focus ?? { lat: 0, lon: 0 }) : REGIONS[region].box;
  const zoom = REGIONS.world.box.width / box.width;
  const views: Array<{ key: Region; label: MessageKey }> = [
    ...(focus ? [{ key: "nearby" as const, label: "map.nearby" as const }] : []),
    ...(Object.keys(REGIONS) as Array<keyof typeof REGIONS>).map((key) => ({ key, label: REGIONS[key].label })),
  ];
  const radius = 4.2 / Math.sqrt(zoom);
  const sphere = useMemo(() => spherePath(), []);
  const placed = useMemo(() => placeMarkers(markers, (m) => project(m.lon, m.lat), radius * 2.2), [markers, radius]);
  const show = (marker: MapMarker, x: number, y: number) => setHover({ marker, x: ((x - box.x) / box.width) * 100, y: ((y - box.y) / box.height) * 100 });

  return (
    <figure className="world-map">
      <div className="map-toolbar" role="group" aria-label={t("map.region")}>
        {views.map((view) => (
          <button key={view.key} type="button" aria-pressed={region === view.key} onClick={() => setRegion(view.key)}>
            {t(view.label)}
          </button>
        ))}
      </div>
      <div className="map-canvas" style={{ aspectRatio: `${box.width} / ${box.height}` }}>
        <svg viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} role="group" aria-label={label} preserveAspectRatio="xMidYMid meet" onMouseLeave={() => setHover(null)}>
          <defs>
            <clipPath id="map-sphere">
              <path d={sphere} />
            </clipPath>
          </defs>
          <path d={sphere} className="ocean" />
          <g clipPath="url(#map-sphere)" className="countries" aria-hidden="true">
            {countries.map((c) => (
              <path key={c.id} d={c.d} />
            ))}
          </g>
          <g className="markers">
            {placed.map(({ item, x, y }) => (
              <a
                key={item.id}
                href={item.href}
                aria-label={item.detail ? `${item.label} (${item.detail})` : item.label}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(item.href);
                }}
                onMouseEnter={() => show(item, x, y)}
                onFocus={() => show(item, x, y)}
                onBlur={() => setHover(null)}
              >
                <circle cx={x} cy={y} r={radius} fill={item.hollow ? "#fff" : item.color} stroke={item.color} strokeWidth={item.hollow ? radius / 2.2 : radius / 5} />
              </a>
            ))}
          </g>
        </svg>
        {hover ? (
          <div className="map-card" style={{ left: `${hover.x}%`, top: `${hover.y}%` }} aria-hidden="true">
            <strong>{hover.marker.label}</strong>
            {hover.marker.detail ? <span>{hover.marker.detail}</span> : null}
          </div>
        ) : null}
      </div>
      <figcaption>
        <ul className="legend" aria-label={t("map.legend")}>
          {legend.map((entry) => (
            <li key={entry.label}>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="5" fill={entry.hollow ? "#fff" : entry.color} stroke={entry.color} strokeWidth={entry.hollow ? 2 : 1} />
              </svg>
              {entry.label}
              {entry.count !== undefined ? <span className="count">{entry.count}</span> : null}
            </li>
          ))}
        </ul>
        {caption}
      </figcaption>
    </figure>
  );
}
