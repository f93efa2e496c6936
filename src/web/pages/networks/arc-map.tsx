/**
 * @module web/pages/networks/arc-map
 * The world map of ties: the app's countries and Natural Earth projection (components/projection.ts) in
 * SVG, and over them a canvas with the great-circle arcs of the ties coloured by kind and their ends
 * (filled: Japanese, hollow: foreign), so thousands of ties stay quick to draw and to filter; overseas
 * offices are SVG diamonds on top. Hovering shows a card, a click opens the tie's timeline, the
 * organisation or the office; region buttons zoom. The page lists the same ties in a table for keyboard
 * and screen-reader use.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from "react";
import { project, spherePath, viewBoxFor, type ViewBox } from "../../components/projection.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { navigate } from "../../lib/router.tsx";
import { nearestArc, type ArcGeometry, type LonLat } from "./map-model.ts";
import { loadCountryPaths, type CountryPath } from "./countries.ts";

export interface MapEnd extends LonLat {
  id: string;
  label: string;
  japanese: boolean;
}

export interface ArcItem {
  id: string;
  a: MapEnd;
  b: MapEnd;
  color: string;
  dashed: boolean;
  geometry: ArcGeometry;
  label: string;
  detail: string;
  href: string;
}

export interface OfficePoint extends LonLat {
  id: string;
  color: string;
  label: string;
  detail: string;
  href: string;
}

const REGIONS = {
  world: { label: "map.world", box: viewBoxFor(-180, -57, 180, 83) },
  eastAsia: { label: "networks.map.eastAsia", box: viewBoxFor(98, 12, 152, 50) },
  asia: { label: "map.asia", box: viewBoxFor(62, -12, 152, 52) },
  europe: { label: "map.europe", box: viewBoxFor(-14, 34, 42, 64) },
  americas: { label: "map.americas", box: viewBoxFor(-128, 14, -62, 56) },
} satisfies Record<string, { label: MessageKey; box: ViewBox }>;
type Region = keyof typeof REGIONS;

interface Hover {
  title: string;
  detail?: string;
  x: number;
  y: number;
  href: string;
  arc?: number;
}

export interface ArcMapProps {
  arcs: readonly ArcItem[];
  offices: readonly OfficePoint[];
  label: string;
  /** Extra legend items and notes under the map. */
  caption?: ReactNode;
}

const BRAND = "#17375e";

/** Path2D objects are made once per arc geometry. */
const paths = new WeakMap<ArcGeometry, Path2D>();
function pathOf(geometry: ArcGeometry): Path2D {
  let path = paths.get(geometry);
  if (!path) {
    path = new Path2D(geometry.d);
    paths.set(geometry, path);
  }
  return path;
}

export function ArcMap({ arcs, offices, label, caption }: ArcMapProps) {
  const { t } = useI18n();
  const [countries, setCountries] = useState<CountryPath[]>([]);
  const [region, setRegion] = useState<Region>("world");
  const [hover, setHover] = useState<Hover | null>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    let live = true;
    void loadCountryPaths().then((p) => live && setCountries(p));
    return () => {
      live = false;
    };
  }, []);

  const box = REGIONS[region].box;
  const zoom = REGIONS.world.box.width / box.width;
  const radius = 3.4 / Math.sqrt(zoom);
  const sphere = useMemo(() => spherePath(), []);
  const ends = useMemo(() => {
    const byId = new Map<string, MapEnd>();
    for (const arc of arcs) {
      byId.set(arc.a.id, arc.a);
      byId.set(arc.b.id, arc.b);
    }
    return [...byId.values()].map((end) => ({ end, xy: project(end.lon, end.lat) }));
  }, [arcs]);
  const geometries = useMemo(() => arcs.map((a) => a.geometry), [arcs]);

  // The canvas follows its box's width (its height follows the aspect ratio).
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver(() => setWidth(wrap.clientWidth));
    observer.observe(wrap);
    setWidth(wrap.clientWidth);
    return () => observer.disconnect();
  }, []);

  const hoveredArc = hover?.arc ?? -1;
  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const wrap = wrapRef.current;
    if (!canvas || !wrap || width === 0) return;
    const height = wrap.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    // Resizing reallocates the bitmap: only when the box changed.
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pixelWidth, pixelHeight);
    // The SVG beneath fits the view box into the same box (meet); the canvas does the same.
    const scale = Math.min(width / box.width, height / box.height);
    const ox = (width - box.width * scale) / 2 - box.x * scale;
    const oy = (height - box.height * scale) / 2 - box.y * scale;
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
    ctx.save();
    ctx.clip(new Path2D(sphere));
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.lineWidth = 1.6 / scale;
    ctx.globalAlpha = arcs.length > 500 ? 0.55 : 0.85;
    // One combined path per colour and dash style.
    const groups = new Map<string, { color: string; dashed: boolean; path: Path2D }>();
    for (const arc of arcs) {
      const key = `${arc.color}|${arc.dashed}`;
      let group = groups.get(key);
      if (!group) {
        group = { color: arc.color, dashed: arc.dashed, path: new Path2D() };
        groups.set(key, group);
      }
      group.path.addPath(pathOf(arc.geometry));
    }
    for (const group of groups.values()) {
      ctx.strokeStyle = group.color;
      ctx.setLineDash(group.dashed ? [4 / scale, 3 / scale] : []);
      ctx.stroke(group.path);
    }
    const focus = hoveredArc >= 0 ? arcs[hoveredArc] : undefined;
    if (focus) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 3.4 / scale;
      ctx.setLineDash(focus.dashed ? [4 / scale, 3 / scale] : []);
      ctx.strokeStyle = focus.color;
      ctx.stroke(pathOf(focus.geometry));
    }
    ctx.restore();
    // The ends: filled for Japanese organisations, hollow for foreign ones.
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.lineWidth = radius / 3;
    for (const japanese of [false, true]) {
      const path = new Path2D();
      for (const { end, xy } of ends) {
        if (end.japanese !== japanese) continue;
        const r = radius * (japanese ? 0.9 : 0.8);
        path.moveTo(xy[0] + r, xy[1]);
        path.arc(xy[0], xy[1], r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = japanese ? BRAND : "#fff";
      ctx.strokeStyle = japanese ? "#fff" : BRAND;
      ctx.fill(path);
      ctx.stroke(path);
    }
    canvas.dataset.arcs = String(arcs.length);
  }, [arcs, ends, width, box, radius, sphere, hoveredArc]);

  useEffect(() => {
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [draw]);

  /** Map coordinates of a pointer position, and map units per CSS pixel. */
  const toMap = (event: { clientX: number; clientY: number }): { x: number; y: number; unit: number } | null => {
    const wrap = wrapRef.current;
    if (!wrap) return null;
    const rect = wrap.getBoundingClientRect();
    const scale = Math.min(rect.width / box.width, rect.height / box.height);
    const ox = (rect.width - box.width * scale) / 2;
    const oy = (rect.height - box.height * scale) / 2;
    return { x: box.x + (event.clientX - rect.left - ox) / scale, y: box.y + (event.clientY - rect.top - oy) / scale, unit: 1 / scale };
  };
  const cardAt = (x: number, y: number) => ({ x: ((x - box.x) / box.width) * 100, y: ((y - box.y) / box.height) * 100 });

  /** What is under the pointer: an end (organisation) first, else the nearest arc within a few pixels. */
  const hitAt = (event: { clientX: number; clientY: number }): Hover | null => {
    const at = toMap(event);
    if (!at) return null;
    const end = ends.find(({ xy }) => Math.hypot(xy[0] - at.x, xy[1] - at.y) <= radius + 2 * at.unit);
    if (end) return { title: end.end.label, href: `/organisations/${end.end.id}`, ...cardAt(end.xy[0], end.xy[1]) };
    const index = nearestArc(geometries, at.x, at.y, 6 * at.unit);
    const arc = arcs[index];
    if (!arc) return null;
    return { title: arc.label, detail: arc.detail, href: arc.href, arc: index, ...cardAt(arc.geometry.mid[0], arc.geometry.mid[1]) };
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest(".nw-offices")) return;
    const hit = hitAt(event);
    if (hit?.href === hover?.href && hit?.arc === hover?.arc) return;
    setHover(hit);
  };

  return (
    <figure className="world-map nw-arc-map">
      <div className="map-toolbar" role="group" aria-label={t("map.region")}>
        {(Object.keys(REGIONS) as Region[]).map((key) => (
          <button key={key} type="button" aria-pressed={region === key} onClick={() => setRegion(key)}>
            {t(REGIONS[key].label)}
          </button>
        ))}
      </div>
      <div
        className="map-canvas nw-map-stack"
        ref={wrapRef}
        role="img"
        aria-label={label}
        style={{ aspectRatio: `${box.width} / ${box.height}`, cursor: hover ? "pointer" : undefined }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onClick={(event) => {
          if ((event.target as Element).closest(".nw-offices")) return;
          const hit = hitAt(event);
          if (hit) navigate(hit.href);
        }}
      >
        <svg viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
          <defs>
            <clipPath id="nw-map-sphere">
              <path d={sphere} />
            </clipPath>
          </defs>
          <path d={sphere} className="ocean" />
          <g clipPath="url(#nw-map-sphere)" className="countries">
            {countries.map((c) => (
              <path key={c.id} d={c.d} />
            ))}
          </g>
        </svg>
        <canvas ref={canvasRef} className="nw-arc-canvas" aria-hidden="true" />
        <svg viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} preserveAspectRatio="xMidYMid meet" className="nw-overlay" aria-hidden="true">
          <g className="nw-offices">
            {offices.map((office) => {
              const [x, y] = project(office.lon, office.lat);
              const s = radius * 1.05;
              return (
                <path
                  key={office.id}
                  d={`M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z`}
                  fill={office.color}
                  stroke="#fff"
                  strokeWidth={radius / 3.5}
                  onPointerEnter={() => setHover({ title: office.label, detail: office.detail, href: office.href, ...cardAt(x, y) })}
                  onClick={() => navigate(office.href)}
                />
              );
            })}
          </g>
        </svg>
        {hover ? (
          <div className="map-card" style={{ left: `${hover.x}%`, top: `${hover.y}%` }} aria-hidden="true">
            <strong>{hover.title}</strong>
            {hover.detail ? <span>{hover.detail}</span> : null}
          </div>
        ) : null}
      </div>
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  );
}
