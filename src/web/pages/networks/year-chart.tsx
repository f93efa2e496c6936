/**
 * @module web/pages/networks/year-chart
 * A stacked bar chart of ties by kind per year, in SVG: the bars of the chosen year stand out, clicking a
 * bar chooses its year, and the whole series is available as the image's description and as a table.
 */
import { useMemo } from "react";
import { ticks } from "../../components/bar-chart.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { TIE_KIND_LABELS } from "../../i18n/enum-labels.ts";
import type { TieKind } from "../../../core/domain.ts";
import { labelOf, TIE_KIND_COLORS } from "./labels.ts";
import { stackByKind, type YearCounts } from "./map-model.ts";

export interface YearChartProps {
  years: readonly YearCounts[];
  order: readonly string[];
  shown: ReadonlySet<string>;
  selected: number | null;
  onPick: (year: number) => void;
  label: string;
  description: string;
}

const WIDTH = 720;
const HEIGHT = 190;
const TOP = 12;
const BOTTOM = 24;
const LEFT = 34;
const RIGHT = 6;

export function YearChart({ years, order, shown, selected, onPick, label, description }: YearChartProps) {
  const { locale } = useI18n();
  const stacked = useMemo(() => stackByKind(years, order, shown), [years, order, shown]);
  const max = Math.max(0, ...stacked.map((s) => s.total));
  const grid = ticks(max);
  const ceiling = grid[grid.length - 1] ?? 1;
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, stacked.length);
  const y = (v: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / ceiling);
  const every = stacked.length > 40 ? 10 : stacked.length > 15 ? 5 : 1;
  return (
    <svg className="nw-year-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <desc>{description}</desc>
      {grid.map((v) => (
        <g key={v} className="grid">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
          <text x={LEFT - 5} y={y(v)} dy="0.32em" textAnchor="end">
            {formatNumber(v, locale)}
          </text>
        </g>
      ))}
      {stacked.map((year, i) => {
        const x = LEFT + i * slot;
        const isSelected = year.year === selected;
        return (
          <g key={year.year} className={`year${isSelected ? " selected" : ""}`} onClick={() => onPick(year.year)}>
            <title>{`${year.year}: ${year.segments.map((s) => `${labelOf(TIE_KIND_LABELS, s.kind)[locale]} ${formatNumber(s.value, locale)}`).join(", ") || "0"}`}</title>
            <rect className="slot" x={x} y={TOP} width={slot} height={HEIGHT - TOP - BOTTOM} />
            {year.segments.map((s) => (
              <rect key={s.kind} x={x + slot * 0.12} width={Math.max(0.5, slot * 0.76)} y={y(s.y1)} height={Math.max(0, y(s.y0) - y(s.y1))} fill={TIE_KIND_COLORS[s.kind as TieKind] ?? "#888"} />
            ))}
            {isSelected || (year.year % every === 0 && (selected === null || Math.abs(year.year - selected) > Math.max(1, every / 3))) ? (
              <text
                x={i === 0 ? x : i === stacked.length - 1 ? x + slot : x + slot / 2}
                y={HEIGHT - BOTTOM + 15}
                textAnchor={i === 0 ? "start" : i === stacked.length - 1 ? "end" : "middle"}
                className={isSelected ? "axis-label strong" : "axis-label"}
              >
                {year.year}
              </text>
            ) : null}
          </g>
        );
      })}
      {selected !== null && stacked.some((s) => s.year === selected) ? (
        <line className="marker" x1={LEFT + (stacked.findIndex((s) => s.year === selected) + 0.5) * slot} x2={LEFT + (stacked.findIndex((s) => s.year === selected) + 0.5) * slot} y1={TOP - 4} y2={HEIGHT - BOTTOM} />
      ) : null}
    </svg>
  );
}
