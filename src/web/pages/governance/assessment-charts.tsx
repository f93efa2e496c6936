/**
 * @module web/pages/governance/assessment-charts
 * The assessment drawn: Table 3 as a heat table (dimension × stage, each cell shaded by the share of the
 * evidence at that stage, the verdict marked), a radar of where each dimension stands between the three
 * stages, and the timeline — per dimension, the shares of each year stacked, so the transformation the
 * paper describes shows as colour moving from orange (TA) to green (NG). Every chart has a text alternative.
 */
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceDimension, type GovernanceStage } from "../../../core/domain.ts";
import type { TAssessment, TAssessmentTimelineSummary } from "../../../governance/profile.schema.ts";
import { GOVERNANCE_DIMENSION_LABELS, GOVERNANCE_STAGE_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { spokePoint, STAGE_COLORS, stagePosition, stageRuns, stageScore, tint, yearTicks } from "./assessment-view.ts";
import { STAGE_SHORT, StageChip, useEvidenceCount, type TGovernanceModelView } from "./governance-ui.tsx";

// ---------- heat table ----------

export function HeatTable({ assessment, model }: { assessment: TAssessment; model: TGovernanceModelView | undefined }) {
  const { t, pick, locale } = useI18n();
  const evidenceCount = useEvidenceCount();
  return (
    <div className="table-wrap">
      <table className="gov-heat">
        <caption>
          {t("governance.heat.caption")}{" "}
          <Link to="/governance/model" className="small">
            {t("governance.heat.modelLink")}
          </Link>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("governance.dimension")}</th>
            {GOVERNANCE_STAGES.map((stage) => (
              <th scope="col" key={stage}>
                <span className="gov-swatch" style={{ background: STAGE_COLORS[stage].fill }} aria-hidden="true" />
                {pick(GOVERNANCE_STAGE_LABELS[stage])}
              </th>
            ))}
            <th scope="col">{t("governance.verdict")}</th>
          </tr>
        </thead>
        <tbody>
          {GOVERNANCE_DIMENSIONS.map((dim) => {
            const verdict = assessment.dimensions[dim];
            return (
              <tr key={dim}>
                <th scope="row">
                  {pick(GOVERNANCE_DIMENSION_LABELS[dim])}
                  <span className="gov-count">{evidenceCount(verdict.evidence.length)}</span>
                </th>
                {GOVERNANCE_STAGES.map((stage) => {
                  const share = verdict.shares[stage] ?? 0;
                  const isVerdict = verdict.stage === stage;
                  return (
                    <td
                      key={stage}
                      className={isVerdict ? "verdict" : undefined}
                      style={{ background: share > 0 ? tint(STAGE_COLORS[stage].fill, 0.12 + 0.68 * share) : undefined, borderColor: isVerdict ? STAGE_COLORS[stage].ink : undefined }}
                    >
                      {model ? <span className="cell-label">{pick(model.dimensions[dim].cells[stage])}</span> : null}
                      <span className="share">{verdict.evidence.length ? formatShare(share, locale) : "—"}</span>
                      {isVerdict ? <span className="mark">{t("governance.verdictMark")}</span> : null}
                    </td>
                  );
                })}
                <td>
                  <StageChip stage={verdict.stage} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// ---------- radar ----------

/** Splits a label into lines of about `max` characters (at spaces in English, anywhere in Japanese). */
function wrap(text: string, max: number): string[] {
  if (text.includes(" ")) {
    const lines: string[] = [];
    for (const word of text.split(" ")) {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + " " + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines;
  }
  // Japanese: even lines, so "国際都市間交流の形態" becomes 国際都市間 / 交流の形態 rather than leaving one character alone.
  const count = Math.ceil(text.length / max);
  const size = Math.ceil(text.length / count);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += size) lines.push(text.slice(i, i + size));
  return lines;
}

export function RadarChart({ assessment }: { assessment: TAssessment }) {
  const { t, pick, locale } = useI18n();
  const size = { w: 520, h: 400 };
  const cx = size.w / 2;
  const cy = size.h / 2 + 4;
  const R = 130;
  const n = GOVERNANCE_DIMENSIONS.length;
  const scores = GOVERNANCE_DIMENSIONS.map((dim) => stageScore(assessment.dimensions[dim].shares));
  const polygon = scores.map((s, i) => spokePoint(i, n, ((s ?? 0) / 3) * R, cx, cy));
  const describe = GOVERNANCE_DIMENSIONS.map((dim, i) => {
    const v = assessment.dimensions[dim];
    const stage = v.stage ? pick(GOVERNANCE_STAGE_LABELS[v.stage]) : t("governance.noEvidence");
    const score = scores[i];
    return `${pick(GOVERNANCE_DIMENSION_LABELS[dim])}: ${stage}${score !== null && score !== undefined ? ` (${t("governance.radar.position", { value: formatNumber(score, locale, 2) })})` : ""}`;
  }).join("; ");
  return (
    <figure className="gov-radar">
      <svg viewBox={`0 0 ${size.w} ${size.h}`} role="img" aria-labelledby="radar-title" aria-describedby="radar-desc">
        <title id="radar-title">{t("governance.radar.title")}</title>
        <desc id="radar-desc">{describe}</desc>
        {GOVERNANCE_STAGES.map((stage) => {
          const r = (stagePosition(stage) / 3) * R;
          const ring = GOVERNANCE_DIMENSIONS.map((_, i) => spokePoint(i, n, r, cx, cy));
          return (
            <g key={stage} className="ring">
              <polygon points={ring.map((p) => `${p.x},${p.y}`).join(" ")} style={{ fill: tint(STAGE_COLORS[stage].fill, 0.06), stroke: STAGE_COLORS[stage].fill }} />
              <text x={cx + 4} y={cy - r + 12} className="ring-label" style={{ fill: STAGE_COLORS[stage].ink }}>
                {pick(STAGE_SHORT[stage])}
              </text>
            </g>
          );
        })}
        {GOVERNANCE_DIMENSIONS.map((dim, i) => {
          const end = spokePoint(i, n, R, cx, cy);
          const label = spokePoint(i, n, R + 22, cx, cy);
          const anchor = Math.abs(label.x - cx) < 8 ? "middle" : label.x > cx ? "start" : "end";
          const lines = wrap(pick(GOVERNANCE_DIMENSION_LABELS[dim]), locale === "ja" ? 9 : 18);
          const top = label.y < cy - 8 ? label.y - (lines.length - 1) * 14 : label.y > cy + 8 ? label.y + 4 : label.y - ((lines.length - 1) * 14) / 2;
          return (
            <g key={dim}>
              <line x1={cx} y1={cy} x2={end.x} y2={end.y} className="spoke" />
              <text x={label.x} y={top} textAnchor={anchor} className="axis-label">
                {lines.map((line, k) => (
                  <tspan key={k} x={label.x} dy={k === 0 ? "0.32em" : "1.15em"}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        <polygon className="score" points={polygon.map((p) => `${p.x},${p.y}`).join(" ")} />
        {GOVERNANCE_DIMENSIONS.map((dim, i) => {
          const stage = assessment.dimensions[dim].stage;
          if (!stage) return null;
          const p = spokePoint(i, n, (stagePosition(stage) / 3) * R, cx, cy);
          return <circle key={dim} cx={p.x} cy={p.y} r={6} style={{ fill: STAGE_COLORS[stage].fill }} className="verdict-dot" />;
        })}
      </svg>
      <figcaption className="muted small">{t("governance.radar.caption")}</figcaption>
    </figure>
  );
}

// ---------- timeline ----------

function runsText(runs: ReturnType<typeof stageRuns>, name: (s: GovernanceStage | null) => string): string {
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`}: ${name(r.stage)}`).join("; ");
}

/**
 * One stacked strip per dimension (and the overall verdict), drawn from the light timeline. `onPickYear`
 * (a click on a year) opens that year in the list below; the list is the keyboard's way in.
 */
export function TimelineCharts({ timeline, markYear, onPickYear }: { timeline: TAssessmentTimelineSummary; markYear?: number | null; onPickYear?: (year: number) => void }) {
  const { t, pick, locale } = useI18n();
  const points = timeline.points;
  if (!points.length) return <p className="muted">{t("governance.timeline.empty")}</p>;
  const width = 720;
  const rowHeight = 46;
  const slot = width / points.length;
  const from = points[0]!.year;
  const to = points[points.length - 1]!.year;
  const xOf = (year: number) => (year - from) * slot;
  const stageName = (s: GovernanceStage | null) => (s ? pick(GOVERNANCE_STAGE_LABELS[s]) : t("governance.noEvidence"));
  const ticks = yearTicks(from, to);
  const mark = markYear !== null && markYear !== undefined && markYear >= from && markYear <= to ? xOf(markYear) + slot / 2 : null;

  const rows: Array<{ key: string; label: string; body: (year: (typeof points)[number]) => Array<{ stage: GovernanceStage; share: number }>; runs: string }> = [
    {
      key: "overall",
      label: t("governance.overall"),
      body: (p) => (p.stage ? [{ stage: p.stage, share: 1 }] : []),
      runs: runsText(stageRuns(points.map((p) => ({ year: p.year, stage: p.stage }))), stageName),
    },
    ...GOVERNANCE_DIMENSIONS.map((dim: GovernanceDimension) => ({
      key: dim,
      label: pick(GOVERNANCE_DIMENSION_LABELS[dim]),
      body: (p: (typeof points)[number]) => GOVERNANCE_STAGES.map((stage) => ({ stage, share: p.dimensions[dim].shares[stage] ?? 0 })),
      runs: runsText(stageRuns(points.map((p) => ({ year: p.year, stage: p.dimensions[dim].stage }))), stageName),
    })),
  ];

  return (
    <div className="gov-timeline">
      {points.length === 1 ? <p className="muted small">{t("governance.timeline.single")}</p> : null}
      {rows.map((row) => (
        <div className={`gov-tl-row${row.key === "overall" ? " overall" : ""}`} key={row.key}>
          <div className="gov-tl-label">{row.label}</div>
          <svg viewBox={`0 0 ${width} ${rowHeight}`} preserveAspectRatio="none" role="img" aria-label={`${row.label} — ${row.runs}`}>
            <rect x={0} y={0} width={width} height={rowHeight} className="tl-bg" />
            {points.map((p) => {
              let y = rowHeight;
              const parts = row.body(p);
              const tip = parts.length
                ? `${p.year}: ${parts
                    .filter((s) => s.share > 0)
                    .map((s) => (row.key === "overall" ? stageName(s.stage) : `${pick(STAGE_SHORT[s.stage])} ${formatShare(s.share, locale)}`))
                    .join(", ") || t("governance.noEvidence")}`
                : `${p.year}: ${t("governance.noEvidence")}`;
              return (
                <g key={p.year} onClick={onPickYear ? () => onPickYear(p.year) : undefined} className={onPickYear ? "pick" : undefined}>
                  <title>{tip}</title>
                  {parts.map((s) => {
                    const h = s.share * rowHeight;
                    y -= h;
                    return h > 0 ? <rect key={s.stage} x={xOf(p.year)} y={y} width={slot + 0.3} height={h} style={{ fill: STAGE_COLORS[s.stage].fill }} /> : null;
                  })}
                  {parts.every((s) => s.share === 0) ? <rect x={xOf(p.year)} y={0} width={slot + 0.3} height={rowHeight} className="tl-none" /> : null}
                </g>
              );
            })}
            {mark !== null ? <line x1={mark} x2={mark} y1={0} y2={rowHeight} className="tl-mark" /> : null}
          </svg>
        </div>
      ))}
      <div className="gov-tl-row axis" aria-hidden="true">
        <div className="gov-tl-label" />
        <svg viewBox={`0 0 ${width} 18`} preserveAspectRatio="none">
          {ticks.map((year) => (
            <g key={year}>
              <line x1={xOf(year) + slot / 2} x2={xOf(year) + slot / 2} y1={0} y2={4} className="tick" />
            </g>
          ))}
        </svg>
      </div>
      <div className="gov-tl-row axis-labels" aria-hidden="true">
        <div className="gov-tl-label" />
        <div className="gov-tl-years">
          {ticks.map((year) => (
            <span key={year} style={{ left: `${((xOf(year) + slot / 2) / width) * 100}%` }}>
              {year}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
