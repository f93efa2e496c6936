/**
 * @module web/pages/strategies-pages
 * International strategies: the paper's Table 2 summary (how many prefectures and designated cities have
 * one), a chart by year or decade, the filtered list, and one strategy's page.
 */
import { useState } from "react";
import type { z } from "zod";
import { LOCAL_GOVERNMENT_KINDS } from "../../core/domain.ts";
import type { ZStrategyReport } from "../../registry/registry.routes.ts";
import type { TStrategy } from "../../registry/registry.schema.ts";
import { BarChart, type Bar } from "../components/bar-chart.tsx";
import { Details, LoadError, Loading, OrgLink, PageHeader, RecordInfo, Tags, UnverifiedBadge } from "../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../components/list-view.tsx";
import { RecordActions } from "../components/record-actions.tsx";
import { ORGANISATION_KIND_LABELS, STRATEGY_PILLAR_LABELS } from "../i18n/enum-labels.ts";
import { formatNumber, formatPartialDate, formatShare } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import { Link } from "../lib/router.tsx";
import { canCreate, useSession } from "../lib/session.tsx";
import { useFetch } from "../lib/use-fetch.ts";

type StrategyReport = z.infer<typeof ZStrategyReport>;

const strategyFilters: FilterSpec[] = [
  { name: "ownerKind", label: "field.ownerKind", kind: "select", options: LOCAL_GOVERNMENT_KINDS, optionLabels: ORGANISATION_KIND_LABELS },
  { name: "yearFrom", label: "field.yearFrom", kind: "year" },
  { name: "yearTo", label: "field.yearTo", kind: "year" },
];

function StrategyTitle({ strategy }: { strategy: TStrategy }) {
  const { name } = useI18n();
  return <Link to={`/strategies/${strategy.id}`}>{name(strategy.titleJa, strategy.titleEn)}</Link>;
}

function YearText({ year }: { year: number }) {
  const { locale } = useI18n();
  return <time dateTime={String(year)}>{formatPartialDate(String(year), locale)}</time>;
}

export function strategyColumns(): Column<TStrategy>[] {
  return [
    { key: "title", label: "field.title", sort: "titleEn", render: (s) => <StrategyTitle strategy={s} /> },
    { key: "owner", label: "field.government", render: (s) => <OrgLink id={s.ownerOrgId} ja={s.ownerNameJa} en={s.ownerNameEn} /> },
    { key: "year", label: "field.year", sort: "year", numeric: true, render: (s) => <YearText year={s.year} /> },
    { key: "pillars", label: "field.pillars", render: (s) => <Tags values={s.pillars} labels={STRATEGY_PILLAR_LABELS} /> },
  ];
}

/** Every year from the first to the last with a strategy, so gaps show as empty years. */
export function yearBars(byYear: Record<string, number>): Bar[] {
  const years = Object.keys(byYear).map(Number).filter(Number.isFinite);
  if (!years.length) return [];
  const bars: Bar[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) bars.push({ key: String(y), label: String(y), value: byYear[String(y)] ?? 0 });
  return bars;
}

function Coverage({ report }: { report: StrategyReport }) {
  const { t, locale } = useI18n();
  const rows = [
    { label: t("strategies.prefectures"), c: report.prefectures },
    { label: t("strategies.designatedCities"), c: report.designatedCities },
  ];
  return (
    <table className="summary-table">
      <caption>{t("strategies.summary")}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="num">{t("strategies.withStrategy")}</th>
          <th scope="col" className="num">{t("strategies.total")}</th>
          <th scope="col" className="num">{t("strategies.share")}</th>
          <th scope="col" className="num">{t("strategies.records")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, c }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num strong">{formatNumber(c.withStrategy, locale)}</td>
            <td className="num">{formatNumber(c.total, locale)}</td>
            <td className="num nowrap">
              <span className="meter" aria-hidden="true">
                <span style={{ width: `${c.total ? (100 * c.withStrategy) / c.total : 0}%` }} />
              </span>
              {formatShare(c.total ? c.withStrategy / c.total : 0, locale)}
            </td>
            <td className="num">{formatNumber(c.strategies, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StrategySummary() {
  const { t } = useI18n();
  const [by, setBy] = useState<"year" | "decade">("year");
  const { data, error, reload } = useFetch<StrategyReport>("/api/reports/strategies");
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const bars = by === "year" ? yearBars(data.byYear) : Object.entries(data.byDecade).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ({ key: k, label: k, value: v }));
  return (
    <section className="panel summary">
      <Coverage report={data} />
      <div className="chart">
        <div className="chart-header">
          <h2>{t("strategies.chart")}</h2>
          <div className="segmented" role="group" aria-label={t("strategies.chart")}>
            <button type="button" aria-pressed={by === "year"} onClick={() => setBy("year")}>
              {t("strategies.byYear")}
            </button>
            <button type="button" aria-pressed={by === "decade"} onClick={() => setBy("decade")}>
              {t("strategies.byDecade")}
            </button>
          </div>
        </div>
        <BarChart bars={bars} label={t("strategies.chart")} showLabel={(bar) => bars.length <= 16 || Number(bar.key) % 5 === 0} />
      </div>
    </section>
  );
}

export function StrategiesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const params = useListParams(strategyFilters);
  return (
    <>
      <PageHeader
        title={t("strategies.title")}
        actions={
          canCreate(user) ? (
            <Link to="/strategies/new" className="button primary">
              {t("strategies.new")}
            </Link>
          ) : null
        }
      />
      <StrategySummary />
      <SearchAndFilters filters={strategyFilters} idPrefix="strategies" />
      <ListView<TStrategy> path="/api/strategies" columns={strategyColumns()} rowKey={(s) => s.id} caption="strategies.table" params={params} />
    </>
  );
}

export function StrategyPage({ id }: { id: string }) {
  const { t, name, locale } = useI18n();
  const { data: strategy, error, reload } = useFetch<TStrategy>(`/api/strategies/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!strategy) return <Loading />;
  const title = name(strategy.titleJa, strategy.titleEn);
  return (
    <>
      <PageHeader
        kicker={t("strategies.title")}
        title={title}
        actions={<RecordActions ownerOrgId={strategy.ownerOrgId} editTo={`/strategies/${strategy.id}/edit`} apiPath={`/api/strategies/${strategy.id}`} name={title} afterDelete="/strategies" />}
      >
        <p className="subtitle">
          {locale === "ja" ? strategy.titleEn : strategy.titleJa} <UnverifiedBadge unverified={strategy.unverified} />
        </p>
      </PageHeader>
      <section className="panel">
        <h2>{t("common.details")}</h2>
        <Details
          rows={[
            { label: "field.government", value: <OrgLink id={strategy.ownerOrgId} ja={strategy.ownerNameJa} en={strategy.ownerNameEn} /> },
            { label: "field.year", value: <YearText year={strategy.year} /> },
            { label: "field.pillars", value: strategy.pillars.length ? <Tags values={strategy.pillars} labels={STRATEGY_PILLAR_LABELS} /> : null },
          ]}
        />
      </section>
      <RecordInfo record={strategy} />
    </>
  );
}
