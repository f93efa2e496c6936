/**
 * @module web/pages/people/posting-timeline
 * A person's postings on a year axis: international postings in blue, others in grey, the current ones
 * outlined. The SVG has a title and a description listing every posting; the postings table beside it holds
 * the same facts.
 */
import { formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { postingText, type Posting } from "./display.tsx";
import { timelineLayout, yearStep } from "./timeline-model.ts";

export function PostingTimeline({ postings, id }: { postings: readonly Posting[]; id: string }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const layout = timelineLayout(postings, Date.now());
  if (!layout) return null;
  const byId = new Map(postings.map((p) => [p.id, p]));
  const left = 8;
  const width = 760;
  const lane = 26;
  const top = 6;
  const height = top + layout.bars.length * lane + 26;
  const plot = width - left - 8;
  const x = (f: number) => left + f * plot;
  const yearsShown = layout.years.length - 1;
  const step = yearStep(yearsShown);
  const yearX = (y: number) => x((y - layout.firstYear) / yearsShown);
  const describe = (p: Posting) => `${postingText(p, i18n)}: ${formatPartialDate(p.from, locale)} – ${p.to ? formatPartialDate(p.to, locale) : t("people.present")}`;
  return (
    <svg className="ppl-postings" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: `${width}px` }}>
      <title id={`${id}-t`}>{t("people.timeline")}</title>
      <desc id={`${id}-d`}>{postings.map(describe).join("; ")}</desc>
      {layout.years.map((y) => (
        <g key={y} className="grid">
          <line x1={yearX(y)} x2={yearX(y)} y1={top - 4} y2={height - 20} />
          {(y - layout.firstYear) % step === 0 && y <= layout.lastYear ? (
            <text x={yearX(y) + 3} y={height - 6}>
              {y}
            </text>
          ) : null}
        </g>
      ))}
      {layout.bars.map((b) => {
        const p = byId.get(b.id)!;
        const x0 = x(b.start);
        const w = Math.max(3, x(b.end) - x0);
        const label = postingText(p, i18n);
        const inside = w > label.length * 6.5 + 10;
        return (
          <g key={b.id}>
            <title>{describe(p)}</title>
            <rect x={x0} y={top + b.lane * lane} width={w} height={lane - 8} rx={3} className={`${p.isInternational ? "intl" : "domestic"}${p.current ? " current" : ""}`} />
            <text
              className="label"
              x={inside ? x0 + 5 : x0 + w + 5 > width - 150 ? x0 - 5 : x0 + w + 5}
              y={top + b.lane * lane + (lane - 8) / 2}
              dy="0.34em"
              textAnchor={!inside && x0 + w + 5 > width - 150 ? "end" : "start"}
              style={inside && p.isInternational ? { fill: "#fff" } : undefined}
            >
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
