/**
 * @module web/pages/offices-ops/time-use-chart
 * The time-use chart: one column per month with the hours of each category stacked to 100 %, office
 * management at the bottom with its share written above it, and the paper's 30 % as a dashed line. Screen
 * readers get a title, a description and each month's figures; the same figures are in a table beside it.
 */
import type { Bilingual } from "../../../core/domain.ts";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { monthLabel } from "./bits.tsx";
import { TIME_CATEGORY_COLORS, type TimeCategory } from "./labels.ts";
import { categoriesUsed, showsYear, splitMonth, stackMonth } from "./time-use-chart-model.ts";

export interface MonthUse {
  period: string;
  totalHours: number;
  hoursByCategory: Record<string, number>;
  managementShare: number;
  atOrAboveBenchmark: boolean;
}

export interface TimeUseChartProps {
  months: readonly MonthUse[];
  benchmark: number;
  labels: Partial<Record<TimeCategory, Bilingual>>;
  id: string;
}

export function TimeUseChart({ months, benchmark, labels, id }: TimeUseChartProps) {
  const { t, pick, locale } = useI18n();
  const height = 280;
  const top = 16;
  const bottom = 40;
  const left = 40;
  const slot = Math.max(24, Math.min(56, 940 / Math.max(months.length, 1)));
  const plotWidth = Math.max(slot * months.length, 320);
  const width = left + plotWidth + 70;
  const plot = height - top - bottom;
  const y = (share: number) => top + plot * (1 - share);
  const periods = months.map((m) => m.period);
  const used = categoriesUsed(months);
  const label = (c: TimeCategory) => (labels[c] ? pick(labels[c]) : c);
  const describeMonth = (m: MonthUse) =>
    `${monthLabel(m.period, locale, "long")}: ${t("offices-ops.managementShareOf", { share: formatShare(m.managementShare, locale) })}, ${t("offices-ops.hoursTotal", { hours: formatNumber(m.totalHours, locale, 1) })}`;
  return (
    <figure className="ops-figure" style={{ margin: 0 }}>
      <div className="ops-chart-scroll">
        <svg className="ops-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width={width} height={height} style={{ width: `${width}px`, maxWidth: "none" }}>
          <title id={`${id}-title`}>{t("offices-ops.timeUseChart")}</title>
          <desc id={`${id}-desc`}>{`${t("offices-ops.timeUseChartDesc", { benchmark: formatShare(benchmark, locale) })} ${months.map(describeMonth).join("; ")}`}</desc>
          {[0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => (
            <g key={v} className="grid">
              <line x1={left} x2={left + plotWidth} y1={y(v)} y2={y(v)} />
              <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
                {formatShare(v, locale)}
              </text>
            </g>
          ))}
          {months.map((m, i) => {
            const x = left + i * slot + slot * 0.14;
            const w = slot * 0.72;
            const segments = stackMonth(m.hoursByCategory);
            const mgmt = segments.find((s) => s.category === "office_management");
            const { year, month } = splitMonth(m.period);
            return (
              <g key={m.period}>
                <title>{describeMonth(m)}</title>
                {segments.map((s) => (
                  <rect key={s.category} x={x} width={w} y={y(s.to)} height={Math.max(0, y(s.from) - y(s.to))} fill={TIME_CATEGORY_COLORS[s.category]}>
                    <title>{`${monthLabel(m.period, locale, "long")} — ${label(s.category)}: ${formatNumber(s.hours, locale, 1)} h (${formatShare(s.to - s.from, locale)})`}</title>
                  </rect>
                ))}
                {mgmt && slot >= 26 ? (
                  <g className="mgmt" aria-hidden="true">
                    {y(0) - y(mgmt.to) >= 16 ? (
                      <text x={x + w / 2} y={y(mgmt.to) + 12} textAnchor="middle" style={{ fill: "#fff" }}>
                        {formatNumber(m.managementShare * 100, locale)}
                      </text>
                    ) : (
                      <text x={x + w / 2} y={y(mgmt.to) - 3} textAnchor="middle" style={{ paintOrder: "stroke", stroke: "#fff", strokeWidth: 3 }}>
                        {formatNumber(m.managementShare * 100, locale)}
                      </text>
                    )}
                  </g>
                ) : null}
                <g className="axis">
                  <text x={x + w / 2} y={height - bottom + 14} textAnchor="middle">
                    {locale === "ja" ? `${month}月` : monthLabel(m.period, "en").split(" ")[0]}
                  </text>
                  {showsYear(periods, i) ? (
                    <text x={x + w / 2} y={height - bottom + 28} textAnchor="middle">
                      {locale === "ja" ? `${year}年` : year}
                    </text>
                  ) : null}
                </g>
              </g>
            );
          })}
          <g className="benchmark">
            <line x1={left} x2={left + plotWidth + 4} y1={y(benchmark)} y2={y(benchmark)} />
            <text x={left + plotWidth + 8} y={y(benchmark)} dy="0.32em">
              {t("offices-ops.benchmarkShort", { share: formatShare(benchmark, locale) })}
            </text>
          </g>
        </svg>
      </div>
      <figcaption>
        <ul className="ops-legend" aria-label={t("map.legend")}>
          <li>
            <span className="ops-swatch line" aria-hidden="true" />
            {t("offices-ops.benchmarkLegend", { share: formatShare(benchmark, locale) })}
          </li>
          {used.map((c) => (
            <li key={c}>
              <span className="ops-swatch" style={{ background: TIME_CATEGORY_COLORS[c] }} aria-hidden="true" />
              {label(c)}
            </li>
          ))}
        </ul>
        <p className="ops-note">{t("offices-ops.chartNote")}</p>
      </figcaption>
    </figure>
  );
}
