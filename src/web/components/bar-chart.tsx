/**
 * @module web/components/bar-chart
 * A vertical bar chart in SVG with integer gridlines and value labels; screen readers get the whole
 * series as the image's name.
 */
import { useI18n } from "../i18n/locale.tsx";
import { formatNumber } from "../i18n/format.ts";

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Gridline values: about five round steps from 0 to at least `max`. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10);
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

export interface BarChartProps {
  bars: readonly Bar[];
  label: string;
  /** Which bars get an axis label (all by default); crowded series label every few. */
  showLabel?: (bar: Bar, index: number) => boolean;
}

export function BarChart({ bars, label, showLabel = () => true }: BarChartProps) {
  const { locale } = useI18n();
  const height = 220;
  const top = 18;
  const bottom = 28;
  const left = 34;
  const slot = Math.max(22, Math.min(64, 640 / Math.max(bars.length, 1)));
  const width = left + slot * bars.length + 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const grid = ticks(max);
  const ceiling = grid[grid.length - 1] ?? 1;
  const y = (v: number) => top + (height - top - bottom) * (1 - v / ceiling);
  const summary = bars.map((b) => `${b.label}: ${formatNumber(b.value, locale)}`).join(", ");
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}. ${summary}`} style={{ maxWidth: `${width * 1.4}px` }}>
      {grid.map((v) => (
        <g key={v} className="grid">
          <line x1={left} x2={width - 4} y1={y(v)} y2={y(v)} />
          <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {formatNumber(v, locale)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = left + i * slot + slot * 0.15;
        const w = slot * 0.7;
        return (
          <g key={bar.key} className="bar">
            <title>{`${bar.label}: ${formatNumber(bar.value, locale)}`}</title>
            <rect x={x} y={y(bar.value)} width={w} height={Math.max(0, y(0) - y(bar.value))} rx={2} />
            {bar.value > 0 ? (
              <text x={x + w / 2} y={y(bar.value) - 4} textAnchor="middle" className="value">
                {formatNumber(bar.value, locale)}
              </text>
            ) : null}
            {showLabel(bar, i) ? (
              <text x={x + w / 2} y={height - bottom + 16} textAnchor="middle" className="axis-label">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
