/**
 * @module web/pages/governance/assessment-pages
 * Where a local government stands on the paper's Table 3: one government's assessment (heat table,
 * radar, evidence linked to the records, recommendations, the years — drawn from the light timeline, each
 * year's evidence loaded only when the reader opens it), the comparison of all governments (chart,
 * table, CSV/XLSX downloads), and Table 3 itself.
 */
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, LOCAL_GOVERNMENT_KINDS, type GovernanceDimension, type GovernanceStage, type LocalGovernmentKind } from "../../../core/domain.ts";
import type { ZComparison, ZOrganisationAssessment, ZOrganisationTimelineSummary } from "../../../governance/governance.routes.ts";
import type { TRecommendation, TTimelineSummaryPoint } from "../../../governance/profile.schema.ts";
import type { TOrganisation } from "../../../registry/registry.schema.ts";
import { DateText, LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { GOVERNANCE_DIMENSION_LABELS, GOVERNANCE_STAGE_LABELS, ORGANISATION_KIND_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber, formatPartialDate, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, fetchAll, withQuery } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { HeatTable, RadarChart, TimelineCharts } from "./assessment-charts.tsx";
import { baseRef, newestFirst, recordOf, recordPath, STAGE_COLORS, tint, yearAssessmentPath, yearEvidenceCount, type RecordLink } from "./assessment-view.ts";
import { RECOMMENDATION_AREA_LABELS } from "./governance-labels.ts";
import { OrganisationChooser, OrgTabs, StageChip, StageLegend, STAGE_SHORT, useEvidenceCount, useGovernanceModel, useNamesKey } from "./governance-ui.tsx";
import { RECORD_KIND_LABELS, RecordNameLink } from "./record-name.tsx";

type TOrganisationAssessment = z.infer<typeof ZOrganisationAssessment>;
type TOrganisationTimelineSummary = z.infer<typeof ZOrganisationTimelineSummary>;
type TComparison = z.infer<typeof ZComparison>;

const today = () => new Date().toISOString().slice(0, 10);

// ---------- one government ----------

/** The "as of" control: a date (default today) or the whole history (`?asOf=all`). */
function AsOfControl({ asOf, whole }: { asOf: string; whole: boolean }) {
  const { t } = useI18n();
  const [, setQuery] = useQueryState();
  const [text, setText] = useState(whole ? "" : asOf);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ asOf: text || null });
  };
  return (
    <form className="filters gov-asof" onSubmit={apply}>
      <div className="filter">
        <label htmlFor="assessment-asof">{t("governance.asOf")}</label>
        <input id="assessment-asof" type="date" value={text} max="9999-12-31" onChange={(e) => setText(e.target.value)} aria-describedby="assessment-asof-hint" />
      </div>
      <button type="submit">{t("governance.asOf.apply")}</button>
      <button
        type="button"
        aria-pressed={!whole && asOf === today()}
        onClick={() => {
          setText(today());
          setQuery({ asOf: null });
        }}
      >
        {t("governance.asOf.today")}
      </button>
      <button
        type="button"
        aria-pressed={whole}
        onClick={() => {
          setText("");
          setQuery({ asOf: "all" });
        }}
      >
        {t("governance.asOf.whole")}
      </button>
      <p id="assessment-asof-hint" className="hint gov-asof-hint">
        {whole ? t("governance.asOf.wholeHint") : t("governance.asOf.hint")}
      </p>
    </form>
  );
}

function OverallSummary({ data, whole }: { data: TOrganisationAssessment; whole: boolean }) {
  const { t, pick, locale } = useI18n();
  const a = data.assessment;
  const counts = Object.fromEntries([...GOVERNANCE_STAGES, "none"].map((s) => [s, 0])) as Record<GovernanceStage | "none", number>;
  for (const dim of GOVERNANCE_DIMENSIONS) counts[a.dimensions[dim].stage ?? "none"] += 1;
  return (
    <section className="panel gov-summary" aria-labelledby="overall-heading">
      <div>
        <h2 id="overall-heading">{t("governance.overallStage")}</h2>
        <p className="gov-overall">
          <StageChip stage={a.stage} />
        </p>
        <p className="muted small">
          {whole ? t("governance.asOf.wholeShort") : <>{t("governance.asOfShort")}: <DateText value={a.asOf} /></>} · {t("governance.modelVersion", { version: a.modelVersion })}
        </p>
      </div>
      <ul className="gov-counts" aria-label={t("governance.countsLabel")}>
        {GOVERNANCE_STAGES.map((stage) => (
          <li key={stage} style={{ borderColor: STAGE_COLORS[stage].fill, background: tint(STAGE_COLORS[stage].fill, 0.1) }}>
            <span className="n">{formatNumber(counts[stage], locale)}</span>
            <span>{pick(GOVERNANCE_STAGE_LABELS[stage])}</span>
          </li>
        ))}
        <li className="none">
          <span className="n">{formatNumber(counts.none, locale)}</span>
          <span>{t("governance.noEvidence")}</span>
        </li>
      </ul>
      <p className="muted small gov-rule">{t("governance.overallRule")}</p>
    </section>
  );
}

/** A cited ref as a link to its record, or as text when the API named none (e.g. an anonymised person). */
function RefLink({ refText, records, orgId }: { refText: string; records: Record<string, RecordLink>; orgId: string }) {
  const { t } = useI18n();
  const base = baseRef(refText);
  const kind = base.replace(/\[.*$/, "");
  const index = Number(/\[(\d+)\]/.exec(base)?.[1] ?? 0) + 1;
  const record = recordOf(refText, records);
  const kindKey = record ? RECORD_KIND_LABELS[record.kind] : kind === "people" ? RECORD_KIND_LABELS.person : null;
  const fallback = kindKey ? `${t(kindKey)} ${index}` : refText;
  if (!record) return <span>{fallback}</span>;
  return <RecordNameLink record={record} orgId={orgId} fallback={fallback} />;
}

function Recommendations({ items, records, orgId }: { items: TRecommendation[]; records: Record<string, RecordLink>; orgId: string }) {
  const { t, pick } = useI18n();
  return (
    <section className="panel" aria-labelledby="recs-heading">
      <h2 id="recs-heading">{t("governance.recommendations")}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("governance.recommendations.none")}</p>
      ) : (
        <ol className="gov-recs">
          {items.map((rec) => {
            const refs = [...new Set(rec.evidence.map(baseRef))];
            return (
              <li key={rec.code}>
                <p className="gov-rec-area">
                  <span className="badge gov-area">{pick(RECOMMENDATION_AREA_LABELS[rec.area])}</span>
                </p>
                <p className="gov-rec-text">{pick(rec.text)}</p>
                {refs.length ? (
                  <div className="gov-rec-evidence">
                    <span className="muted small">{t("governance.basedOn")}</span>
                    <ul className="inline-list">
                      {refs.map((ref) => (
                        <li key={ref}>
                          <RefLink refText={ref} records={records} orgId={orgId} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function EvidenceList({ data }: { data: TOrganisationAssessment }) {
  const { t, pick } = useI18n();
  const evidenceCount = useEvidenceCount();
  const orgId = data.organisation.id;
  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("governance.evidence")}</h2>
      <p className="muted small">{t("governance.evidence.intro")}</p>
      {GOVERNANCE_DIMENSIONS.map((dim: GovernanceDimension) => {
        const v = data.assessment.dimensions[dim];
        return (
          <details className="gov-evidence" key={dim} id={`evidence-${dim}`}>
            <summary>
              <span className="gov-evidence-dim">{pick(GOVERNANCE_DIMENSION_LABELS[dim])}</span> <StageChip stage={v.stage} />{" "}
              <span className="muted small">{evidenceCount(v.evidence.length)}</span>
            </summary>
            {v.evidence.length === 0 ? (
              <p className="muted">{t("governance.evidence.none")}</p>
            ) : (
              <ul>
                {v.evidence.map((e, i) => (
                  <EvidenceItem key={`${e.ref}-${i}`} evidence={e} records={data.records} orgId={orgId} />
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </section>
  );
}

/** One piece of evidence: its stage and why, linked to the record when the reader may see it. */
function EvidenceItem({ evidence, records, orgId }: { evidence: TOrganisationAssessment["assessment"]["dimensions"][GovernanceDimension]["evidence"][number]; records: TOrganisationAssessment["records"]; orgId: string }) {
  const { pick } = useI18n();
  const record = recordOf(evidence.ref, records);
  return (
    <li>
      <StageChip stage={evidence.stage} short />
      {record ? <RecordWhyLink record={record} orgId={orgId} text={pick(evidence.why)} /> : <span>{pick(evidence.why)}</span>}
    </li>
  );
}

/** The evidence sentence as a link to the record it is about, with the kind of record beside it. */
function RecordWhyLink({ record, orgId, text }: { record: RecordLink; orgId: string; text: string }) {
  const { t } = useI18n();
  return (
    <span className="gov-why">
      <Link to={recordPath(record, orgId)}>{text}</Link> <span className="gov-kind">{t(RECORD_KIND_LABELS[record.kind])}</span>
    </span>
  );
}

/** One year's full assessment, loaded when the reader opens the year: the evidence per dimension and the recommendations. */
function YearDetail({ orgId, point }: { orgId: string; point: TTimelineSummaryPoint }) {
  const { t, pick, locale } = useI18n();
  const evidenceCount = useEvidenceCount();
  const path = yearAssessmentPath(orgId, point.asOf, locale);
  const { data, error, reload } = useLoader(useNamesKey(path), () => api<TOrganisationAssessment>("GET", path));
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const a = data.assessment;
  return (
    <div className="gov-year-detail">
      <h4>{t("governance.timeline.yearEvidence", { year: point.year })}</h4>
      {GOVERNANCE_DIMENSIONS.map((dim) => {
        const v = a.dimensions[dim];
        return (
          <div className="gov-year-dim" key={dim}>
            <h5>
              {pick(GOVERNANCE_DIMENSION_LABELS[dim])} <StageChip stage={v.stage} /> <span className="muted small">{evidenceCount(v.evidence.length)}</span>
            </h5>
            {v.evidence.length ? (
              <ul>
                {v.evidence.map((e, i) => (
                  <EvidenceItem key={`${e.ref}-${i}`} evidence={e} records={data.records} orgId={orgId} />
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
      {a.recommendations.length ? (
        <>
          <h4>{t("governance.timeline.yearRecommendations", { year: point.year })}</h4>
          <ul className="gov-year-recs">
            {a.recommendations.map((rec) => (
              <li key={rec.code}>
                <span className="badge gov-area">{pick(RECOMMENDATION_AREA_LABELS[rec.area])}</span> {pick(rec.text)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={withQuery(`/assessment/${orgId}`, { asOf: point.asOf })}>{t("governance.timeline.openPage")}</Link>
      </p>
    </div>
  );
}

/** Every year of the light timeline, newest first, as a disclosure whose full assessment loads on opening. */
function TimelineYears({ orgId, points, open, onToggle }: { orgId: string; points: readonly TTimelineSummaryPoint[]; open: ReadonlySet<number>; onToggle: (year: number, isOpen: boolean) => void }) {
  const { t, locale } = useI18n();
  const evidenceCount = useEvidenceCount();
  return (
    <div className="gov-years">
      <h3 id="timeline-years-heading">{t("governance.timeline.years")}</h3>
      <p className="muted small">{t("governance.timeline.yearsIntro")}</p>
      <div className="gov-years-list" role="group" aria-labelledby="timeline-years-heading">
        {newestFirst(points).map((p) => {
          const recs = p.recommendations.length;
          return (
            <details className="gov-year" key={p.year} id={`year-${p.year}`} open={open.has(p.year)} onToggle={(e) => onToggle(p.year, e.currentTarget.open)}>
              <summary>
                <span className="gov-year-label">{t("governance.timeline.year", { year: p.year })}</span> <StageChip stage={p.stage} />{" "}
                <span className="muted small">
                  {t("governance.timeline.asOf", { date: formatPartialDate(p.asOf, locale) })} · {evidenceCount(yearEvidenceCount(p))} ·{" "}
                  {t(recs === 1 ? "governance.timeline.recommendationCountOne" : "governance.timeline.recommendationCount", { n: formatNumber(recs, locale) })}
                </span>
              </summary>
              {open.has(p.year) ? <YearDetail orgId={orgId} point={p} /> : null}
            </details>
          );
        })}
      </div>
    </div>
  );
}

export function AssessmentPage({ orgId }: { orgId: string }) {
  const { t, name, pick, locale } = useI18n();
  const [query] = useQueryState();
  const asOfParam = query.get("asOf");
  const whole = asOfParam === "all";
  const asOf = whole ? "" : (asOfParam ?? today());
  // The reader's language, so record names in the evidence match it even for visitors not signed in.
  const path = withQuery(`/api/organisations/${orgId}/assessment`, { asOf: whole ? null : asOf, locale });
  const { data, error, reload } = useLoader(useNamesKey(path), () => api<TOrganisationAssessment>("GET", path));
  // The light timeline: verdicts and shares only, so no names and no reload when the language changes.
  const timelinePath = withQuery(`/api/organisations/${orgId}/assessment/timeline`, { detail: "summary" });
  const timeline = useLoader(timelinePath, () => api<TOrganisationTimelineSummary>("GET", timelinePath));
  const model = useGovernanceModel();
  const [openYears, setOpenYears] = useState<ReadonlySet<number>>(() => new Set());
  const toggleYear = (year: number, isOpen: boolean) =>
    setOpenYears((current) => {
      if (current.has(year) === isOpen) return current;
      const next = new Set(current);
      if (isOpen) next.add(year);
      else next.delete(year);
      return next;
    });
  const pickYear = (year: number) => {
    toggleYear(year, true);
    // After the disclosure has opened: bring it into view and give it the focus.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#year-${year} > summary`)?.focus());
  };

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const org = data.organisation;
  const markYear = whole ? null : Number(asOf.slice(0, 4));
  return (
    <>
      <PageHeader kicker={t("governance.assessment.kicker")} title={name(org.nameJa, org.nameEn)}>
        <p className="subtitle">
          {pick(ORGANISATION_KIND_LABELS[org.kind])}
          {org.localGovCode ? ` · ${org.localGovCode}` : ""} · <Link to="/assessment">{t("governance.comparison.link")}</Link>
        </p>
      </PageHeader>
      <OrgTabs orgId={org.id} />
      <AsOfControl key={asOfParam ?? ""} asOf={asOf} whole={whole} />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <div className="gov-grid">
        <div>
          <OverallSummary data={data} whole={whole} />
          <Recommendations items={data.assessment.recommendations} records={data.records} orgId={org.id} />
        </div>
        <section className="panel" aria-labelledby="radar-heading">
          <h2 id="radar-heading">{t("governance.radar.title")}</h2>
          <StageLegend />
          <RadarChart assessment={data.assessment} />
        </section>
      </div>
      <section className="panel" aria-labelledby="heat-heading">
        <h2 id="heat-heading">{t("governance.heat.title")}</h2>
        <HeatTable assessment={data.assessment} model={model.data} />
      </section>
      <EvidenceList data={data} />
      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("governance.timeline.title")}</h2>
        <p className="muted small">{t("governance.timeline.intro")}</p>
        <StageLegend withNone />
        {timeline.error ? (
          <LoadError error={timeline.error} onRetry={timeline.reload} />
        ) : timeline.data ? (
          <>
            <TimelineCharts timeline={timeline.data.timeline} markYear={markYear} onPickYear={pickYear} />
            <TimelineYears orgId={org.id} points={timeline.data.timeline.points} open={openYears} onToggle={toggleYear} />
          </>
        ) : (
          <Loading />
        )}
      </section>
    </>
  );
}

// ---------- all governments ----------

/** 100 % stacked bars: per dimension (and overall), how many governments are at each stage. */
function DistributionChart({ distribution }: { distribution: TComparison["distribution"] }) {
  const { t, pick, locale } = useI18n();
  const rows: Array<{ key: string; label: string }> = [
    { key: "overall", label: t("governance.overall") },
    ...GOVERNANCE_DIMENSIONS.map((dim) => ({ key: dim, label: pick(GOVERNANCE_DIMENSION_LABELS[dim]) })),
  ];
  const segments = [...GOVERNANCE_STAGES, "none"] as const;
  const segName = (s: (typeof segments)[number]) => (s === "none" ? t("governance.noEvidence") : pick(GOVERNANCE_STAGE_LABELS[s]));
  return (
    <div className="gov-dist">
      {rows.map((row) => {
        const counts: Partial<Record<(typeof segments)[number], number>> = distribution[row.key] ?? {};
        const total = segments.reduce((n, s) => n + (counts[s] ?? 0), 0);
        const summary = segments.map((s) => `${segName(s)} ${formatNumber(counts[s] ?? 0, locale)}`).join(", ");
        return (
          <div className={`gov-dist-row${row.key === "overall" ? " overall" : ""}`} key={row.key}>
            <div className="gov-dist-label">{row.label}</div>
            <div className="gov-dist-bar" role="img" aria-label={`${row.label}: ${summary}`}>
              {segments.map((s) => {
                const n = counts[s] ?? 0;
                if (!n || !total) return null;
                return (
                  <span
                    key={s}
                    className={`seg${s === "none" ? " none" : ""}`}
                    style={{ width: `${(n / total) * 100}%`, background: s === "none" ? undefined : STAGE_COLORS[s].fill }}
                    title={`${segName(s)}: ${formatNumber(n, locale)}`}
                  >
                    {n / total >= 0.06 ? formatNumber(n, locale) : ""}
                  </span>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** A short stage chip, or a dash (read out as "no evidence") where there is no verdict. */
function StageOrDash({ stage, title }: { stage: GovernanceStage | null; title?: string }) {
  const { t } = useI18n();
  if (stage) return <StageChip stage={stage} short title={title} />;
  return (
    <span className="gov-dash" title={t("governance.noEvidence")}>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("governance.noEvidence")}</span>
    </span>
  );
}

function downloadHref(format: "csv" | "xlsx", kind: string, asOf: string, locale: string): string {
  return withQuery("/api/assessments/comparison", { format, kind, asOf, locale });
}

export function ComparisonPage() {
  const { t, pick, name, locale } = useI18n();
  const evidenceCount = useEvidenceCount();
  const [query, setQuery] = useQueryState();
  const kind = (query.get("kind") ?? "") as LocalGovernmentKind | "";
  const asOfParam = query.get("asOf");
  const whole = asOfParam === "all";
  const asOf = whole ? "" : (asOfParam ?? today());
  const q = query.get("q") ?? "";
  const path = withQuery("/api/assessments/comparison", { kind, asOf });
  const { data, error, reload } = useLoader(path, () => api<TComparison>("GET", path));
  // Names in both languages, whatever language the server wrote the comparison in.
  const orgs = useLoader(`orgs:${kind}`, () => fetchAll<TOrganisation>("/api/organisations", { kind: kind || null }));
  const names = new Map((orgs.data ?? []).map((o) => [o.id, o]));
  const rowName = (row: TComparison["rows"][number]) => {
    const o = row.id ? names.get(row.id) : undefined;
    return o ? name(o.nameJa, o.nameEn) : row.name;
  };
  const needle = q.trim().toLowerCase();
  const rows = (data?.rows ?? []).filter((row) => {
    if (!needle) return true;
    const o = row.id ? names.get(row.id) : undefined;
    return [row.name, row.code ?? "", o?.nameJa ?? "", o?.nameEn ?? ""].some((s) => s.toLowerCase().includes(needle));
  });

  return (
    <>
      <PageHeader title={t("governance.comparison.title")}>
        <p className="subtitle">{t("governance.comparison.intro")}</p>
      </PageHeader>
      <OrganisationChooser base="/assessment" intro="governance.chooser.assessmentIntro" />
      <AsOfControl key={asOfParam ?? ""} asOf={asOf} whole={whole} />
      <div className="filters" role="search">
        <div className="filter search">
          <label htmlFor="comparison-q">{t("governance.comparison.search")}</label>
          <input id="comparison-q" type="search" value={q} onChange={(e) => setQuery({ q: e.target.value })} />
        </div>
        <div className="filter">
          <label htmlFor="comparison-kind">{t("field.ownerKind")}</label>
          <select id="comparison-kind" value={kind} onChange={(e) => setQuery({ kind: e.target.value })}>
            <option value="">{t("common.all")}</option>
            {LOCAL_GOVERNMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {pick(ORGANISATION_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="gov-downloads">
          <a className="button small" href={downloadHref("csv", kind, asOf, locale)} download>
            {t("governance.download.csv")}
          </a>
          <a className="button small" href={downloadHref("xlsx", kind, asOf, locale)} download>
            {t("governance.download.xlsx")}
          </a>
        </div>
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {!data ? (
        error ? null : <Loading />
      ) : (
        <>
          <section className="panel" aria-labelledby="dist-heading">
            <div className="chart-header">
              <h2 id="dist-heading">{t("governance.comparison.chart")}</h2>
              <StageLegend withNone />
            </div>
            <p className="muted small">{t("governance.comparison.chartIntro", { n: formatNumber(data.rows.length, locale) })}</p>
            <DistributionChart distribution={data.distribution} />
          </section>
          <section className="panel" aria-labelledby="table-heading">
            <h2 id="table-heading">{t("governance.comparison.table")}</h2>
            <p className="list-count" aria-live="polite">
              {rows.length < data.rows.length
                ? t("common.shown", { shown: formatNumber(rows.length, locale), total: formatNumber(data.rows.length, locale) })
                : t(data.rows.length === 1 ? "common.totalOne" : "common.total", { n: formatNumber(data.rows.length, locale) })}
            </p>
            <div className="table-wrap">
              <table className="gov-compare">
                <caption className="sr-only">{t("governance.comparison.table")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("field.government")}</th>
                    <th scope="col">{t("field.localGovCode")}</th>
                    <th scope="col">{t("governance.overall")}</th>
                    {GOVERNANCE_DIMENSIONS.map((dim) => (
                      <th scope="col" key={dim}>
                        {pick(GOVERNANCE_DIMENSION_LABELS[dim])}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id ?? row.code ?? row.name}>
                      <th scope="row">{row.id ? <Link to={`/assessment/${row.id}`}>{rowName(row)}</Link> : rowName(row)}</th>
                      <td className="nowrap">{row.code ?? ""}</td>
                      <td>
                        <StageOrDash stage={row.stage} />
                      </td>
                      {GOVERNANCE_DIMENSIONS.map((dim) => {
                        const d = row.dimensions[dim];
                        const shares = GOVERNANCE_STAGES.map((s) => `${pick(STAGE_SHORT[s])} ${formatShare(d.shares[s] ?? 0, locale)}`).join(", ");
                        return (
                          <td key={dim}>
                            <StageOrDash stage={d.stage} title={`${shares} (${evidenceCount(d.evidenceCount)})`} />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.length === 0 ? <p className="empty">{t("common.noResults")}</p> : null}
          </section>
        </>
      )}
    </>
  );
}

// ---------- Table 3 ----------

export function ModelPage() {
  const { t, pick, locale } = useI18n();
  const { data: model, error, reload } = useGovernanceModel();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!model) return <Loading />;
  const other = locale === "ja" ? "en" : "ja";
  return (
    <>
      <PageHeader kicker={t("governance.model.kicker", { table: model.source.table })} title={pick(model.title)}>
        <p className="subtitle">{t("governance.model.intro")}</p>
      </PageHeader>
      <section className="panel">
        <div className="table-wrap">
          <table className="gov-model">
            <caption>{t("governance.model.caption", { version: model.version })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("governance.dimension")}</th>
                {GOVERNANCE_STAGES.map((stage) => (
                  <th scope="col" key={stage} style={{ borderBottomColor: STAGE_COLORS[stage].fill }}>
                    <span className="gov-swatch" style={{ background: STAGE_COLORS[stage].fill }} aria-hidden="true" />
                    {pick(model.stages[stage].name)}
                    <span className="other" lang={other}>
                      {model.stages[stage].name[other]}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {GOVERNANCE_DIMENSIONS.map((dim) => (
                <tr key={dim}>
                  <th scope="row">
                    {pick(model.dimensions[dim].name)}
                    <span className="other" lang={other}>
                      {model.dimensions[dim].name[other]}
                    </span>
                  </th>
                  {GOVERNANCE_STAGES.map((stage) => (
                    <td key={stage} style={{ background: tint(STAGE_COLORS[stage].fill, 0.1) }}>
                      {pick(model.dimensions[dim].cells[stage])}
                      <span className="other" lang={other}>
                        {model.dimensions[dim].cells[stage][other]}
                      </span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel">
        <h2>{t("governance.model.source")}</h2>
        <p>{model.source.citation}</p>
        <p>
          DOI:{" "}
          <a href={`https://doi.org/${model.source.doi}`} rel="noreferrer noopener" target="_blank">
            {model.source.doi}
          </a>
        </p>
        {model.source.note ? <p className="muted small">{model.source.note}</p> : null}
        <p>
          <Link to="/assessment">{t("governance.comparison.link")}</Link>
        </p>
      </section>
    </>
  );
}
