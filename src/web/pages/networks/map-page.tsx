/**
 * @module web/pages/networks/map-page
 * The world map of ties and offices: arcs between Japanese governments and their foreign partners,
 * coloured and filtered by kind, over a period; a year slider (with play) that shows the ties and offices
 * of one year, and beside it the stacked chart of ties by kind per year, where the shift from sister
 * cities to purpose-specific ties and city networks shows. Choices live in the address.
 */
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { TieKind } from "../../../core/domain.ts";
import { LoadError, PageHeader } from "../../components/display.tsx";
import { OFFICE_MODEL_COLORS } from "../../components/office-colors.ts";
import { OFFICE_MODEL_LABELS, TIE_KIND_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { withQuery } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { MapArc, MapData } from "./api-types.ts";
import { ArcMap, type ArcItem, type OfficePoint } from "./arc-map.tsx";
import { KindLabel, KindSwatch, NetworksNav } from "./common.tsx";
import { labelOf, TIE_KIND_COLORS, TIE_KIND_ORDER } from "./labels.ts";
import { arcGeometry, bowsFor, leadingKinds, presentIn, type YearCounts } from "./map-model.ts";
import { YearChart } from "./year-chart.tsx";

const JAPANESE_KINDS = new Set(["prefecture", "designated_city", "municipality", "national_agency"]);

function yearsText(arc: { startYear: number | null; endYear: number | null }, t: ReturnType<typeof useI18n>["t"]): string {
  if (arc.startYear === null) return t("networks.map.undated");
  return arc.endYear === null ? t("networks.map.since", { from: arc.startYear }) : t("networks.map.between", { from: arc.startYear, to: arc.endYear });
}

function PeriodForm({ from, to }: { from: number; to: number }) {
  const { t } = useI18n();
  const [, setQuery] = useQueryState();
  const [fromText, setFromText] = useState(String(from));
  const [toText, setToText] = useState(String(to));
  useEffect(() => setFromText(String(from)), [from]);
  useEffect(() => setToText(String(to)), [to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ from: fromText.trim() || null, to: toText.trim() || null, year: null });
  };
  return (
    <form className="filters nw-period" onSubmit={submit}>
      <div className="filter">
        <label htmlFor="nw-map-from">{t("networks.map.periodFrom")}</label>
        <input id="nw-map-from" inputMode="numeric" size={6} value={fromText} onChange={(e) => setFromText(e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor="nw-map-to">{t("networks.map.periodTo")}</label>
        <input id="nw-map-to" inputMode="numeric" size={6} value={toText} onChange={(e) => setToText(e.target.value)} />
      </div>
      <button type="submit">{t("networks.map.apply")}</button>
      <button type="button" className="link-button" onClick={() => setQuery({ from: null, to: null, year: null })}>
        {t("networks.map.fullPeriod")}
      </button>
    </form>
  );
}

export function MapPage() {
  const { t } = useI18n();
  const [query] = useQueryState();
  const from = query.get("from");
  const to = query.get("to");
  const { data, error, reload } = useFetch<MapData>(withQuery("/api/networks/map", { from, to }));

  return (
    <>
      <PageHeader kicker={t("networks.kicker")} title={t("networks.map.title")}>
        <p className="subtitle">{t("networks.map.intro")}</p>
      </PageHeader>
      <NetworksNav />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? <PeriodForm from={data.from} to={data.to} /> : null}
      {data ? <MapView data={data} /> : error ? null : <p className="loading" role="status">{t("common.loading")}</p>}
    </>
  );
}

function MapView({ data }: { data: MapData }) {
  const { t, pick, locale } = useI18n();
  const [query, setQuery] = useQueryState();
  const requested = Number(query.get("year"));
  const year = Number.isInteger(requested) && requested >= data.from && requested <= data.to ? requested : data.to;
  const whole = query.get("whole") === "1";
  const undated = query.get("undated") !== "0";
  const showOffices = query.get("offices") !== "0";
  const measure = query.get("measure") === "new" ? "new" : "active";
  const hidden = useMemo(() => new Set((query.get("hide") ?? "").split(",").filter(Boolean)), [query.get("hide")]);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const current = Number(new URLSearchParams(window.location.search).get("year")) || data.to;
      if (current >= data.to) {
        setPlaying(false);
        return;
      }
      setQuery({ year: String(current + 1), whole: null });
    }, 420);
    return () => window.clearInterval(timer);
  }, [playing]);

  const kinds = useMemo(() => {
    const present = new Set<string>(data.arcs.map((a) => a.kind));
    for (const y of data.years) for (const k of Object.keys(y.activeByKind)) present.add(k);
    return [...TIE_KIND_ORDER.filter((k) => present.has(k)), ...[...present].filter((k) => !TIE_KIND_ORDER.includes(k as TieKind)).sort()];
  }, [data]);
  const shownKinds = useMemo(() => new Set(kinds.filter((k) => !hidden.has(k))), [kinds, hidden]);

  const visibleArcs = data.arcs.filter((a) => shownKinds.has(a.kind) && (whole ? a.startYear !== null || undated : presentIn(a.startYear, a.endYear, year, undated)));
  const visibleOffices = showOffices
    ? data.offices.filter((o) => (whole ? o.openedYear !== null || undated : presentIn(o.openedYear, o.closedYear, year, undated)))
    : [];

  // Geometry once per answer (bows over all its arcs, so an arc keeps its shape whatever is shown).
  const geometry = useMemo(() => {
    const bows = bowsFor(data.arcs, (a) => [a.a.orgId, a.b.orgId]);
    return new Map(data.arcs.map((arc, i) => [arc.tieId, arcGeometry(arc.a, arc.b, bows[i] ?? 0)]));
  }, [data]);
  const arcKey = visibleArcs.map((a) => a.tieId).join(",");
  const arcs: ArcItem[] = useMemo(
    () =>
      visibleArcs.map((arc) => ({
        id: arc.tieId,
        a: { id: arc.a.orgId, lon: arc.a.lon, lat: arc.a.lat, label: pick(arc.a.name), japanese: arc.a.country === "JP" && JAPANESE_KINDS.has(arc.a.kind) },
        b: { id: arc.b.orgId, lon: arc.b.lon, lat: arc.b.lat, label: pick(arc.b.name), japanese: arc.b.country === "JP" && JAPANESE_KINDS.has(arc.b.kind) },
        color: TIE_KIND_COLORS[arc.kind] ?? "#888",
        dashed: arc.startYear === null,
        geometry: geometry.get(arc.tieId)!,
        label: `${pick(arc.a.name)} — ${pick(arc.b.name)}`,
        detail: `${pick(labelOf(TIE_KIND_LABELS, arc.kind))} · ${yearsText(arc, t)}`,
        href: `/networks/ties/${arc.tieId}`,
      })),
    [arcKey, locale, geometry],
  );
  const offices: OfficePoint[] = visibleOffices.map((o) => ({
    id: o.id,
    lon: o.lon,
    lat: o.lat,
    color: OFFICE_MODEL_COLORS[o.operationalModel],
    label: pick(o.name),
    detail: `${pick(o.city)} · ${pick(OFFICE_MODEL_LABELS[o.operationalModel])}`,
    href: `/offices/${o.id}`,
  }));

  const series: YearCounts[] = data.years.map((y) => ({ year: y.year, byKind: measure === "new" ? y.newByKind : y.activeByKind }));
  const yearRow = data.years.find((y) => y.year === year);
  const activeThisYear = yearRow ? Object.entries(yearRow.activeByKind).reduce((sum, [k, v]) => sum + (shownKinds.has(k) ? v : 0), 0) : 0;
  const allRuns = leadingKinds(series.map((s) => ({ year: s.year, byKind: Object.fromEntries(Object.entries(s.byKind).filter(([k]) => shownKinds.has(k))) })));
  // A long alternation says little: keep the eight longest runs, in time order.
  const runs = allRuns.length > 8 ? [...allRuns].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from).slice(0, 8).sort((a, b) => a.from - b.from) : allRuns;
  const runsText = runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`}: ${pick(labelOf(TIE_KIND_LABELS, r.kind))}`).join("; ");
  const chartTitle = measure === "new" ? t("networks.map.chartNew") : t("networks.map.chartActive");
  const status = whole
    ? t("networks.map.statusPeriod", { from: data.from, to: data.to, arcs: formatNumber(visibleArcs.length, locale), offices: formatNumber(visibleOffices.length, locale) })
    : t("networks.map.status", { year, arcs: formatNumber(visibleArcs.length, locale), offices: formatNumber(visibleOffices.length, locale) });

  const toggleKind = (kind: string, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.delete(kind);
    else next.add(kind);
    setQuery({ hide: [...next].join(",") || null });
  };

  return (
    <>
      <div className="nw-map-layout">
        <div className="nw-map-main">
          <ArcMap
            arcs={arcs}
            offices={offices}
            label={`${t("networks.map.label")}. ${status}`}
            caption={
              <>
                <ul className="legend" aria-label={t("map.legend")}>
                  <li>
                    <svg width="14" height="14" aria-hidden="true">
                      <circle cx="7" cy="7" r="4.5" className="nw-legend-jp" />
                    </svg>
                    {t("networks.map.japanEnd")}
                  </li>
                  <li>
                    <svg width="14" height="14" aria-hidden="true">
                      <circle cx="7" cy="7" r="4.5" className="nw-legend-foreign" />
                    </svg>
                    {t("networks.map.foreignEnd")}
                  </li>
                  <li>
                    <svg width="14" height="14" aria-hidden="true">
                      <path d="M7,1L13,7L7,13L1,7Z" fill="#0072B2" />
                    </svg>
                    {t("networks.map.officeLegend")}
                  </li>
                  <li>
                    <svg width="22" height="10" aria-hidden="true">
                      <line x1="1" x2="21" y1="5" y2="5" stroke="#555" strokeWidth="1.6" strokeDasharray="4 3" />
                    </svg>
                    {t("networks.map.undatedLegend")}
                  </li>
                </ul>
                <p className="muted small">
                  {t("networks.map.caption")}{" "}
                  {data.withoutCoordinates.ties > 0 ? t("networks.map.withoutCoordinates", { n: formatNumber(data.withoutCoordinates.ties, locale) }) : null}
                </p>
              </>
            }
          />
        </div>
        <aside className="panel nw-map-side" aria-labelledby="nw-kinds-heading">
          <h2 id="nw-kinds-heading">{t("networks.map.kinds")}</h2>
          <ul className="nw-kind-filter">
            {kinds.map((kind) => {
              const count = visibleArcs.filter((a) => a.kind === kind).length;
              return (
                <li key={kind}>
                  <input type="checkbox" id={`nw-kind-${kind}`} checked={shownKinds.has(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
                  <label htmlFor={`nw-kind-${kind}`}>
                    <KindSwatch kind={kind} />
                    {pick(labelOf(TIE_KIND_LABELS, kind))}
                    <span className="count">{formatNumber(count, locale)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          <div className="nw-checks">
            <div className="check">
              <input type="checkbox" id="nw-show-offices" checked={showOffices} onChange={(e) => setQuery({ offices: e.target.checked ? null : "0" })} />
              <label htmlFor="nw-show-offices">{t("networks.map.showOffices")}</label>
            </div>
            <div className="check">
              <input type="checkbox" id="nw-show-undated" checked={undated} onChange={(e) => setQuery({ undated: e.target.checked ? null : "0" })} />
              <label htmlFor="nw-show-undated">{t("networks.map.showUndated")}</label>
            </div>
          </div>
        </aside>
      </div>

      <section className="panel nw-timeline-panel" aria-labelledby="nw-year-heading">
        <div className="nw-year-row">
          <h2 id="nw-year-heading" className="nw-year-heading">
            {whole ? t("networks.map.periodHeading", { from: data.from, to: data.to }) : t("networks.map.yearHeading", { year })}
          </h2>
          <button type="button" className="small" aria-pressed={playing} onClick={() => {
              if (!playing && year >= data.to) setQuery({ year: String(data.from), whole: null });
              else if (!playing) setQuery({ whole: null });
              setPlaying(!playing);
            }}>
            {playing ? t("networks.map.pause") : t("networks.map.play")}
          </button>
          <div className="check">
            <input type="checkbox" id="nw-whole" checked={whole} onChange={(e) => setQuery({ whole: e.target.checked ? "1" : null })} />
            <label htmlFor="nw-whole">{t("networks.map.wholePeriod")}</label>
          </div>
        </div>
        <div className="nw-slider">
          <label htmlFor="nw-year">{t("networks.map.year")}</label>
          <input
            id="nw-year"
            type="range"
            min={data.from}
            max={data.to}
            step={1}
            value={year}
            disabled={whole}
            aria-valuetext={t("networks.map.yearValue", { year })}
            onChange={(e) => setQuery({ year: e.target.value })}
          />
          <span className="nw-slider-ends" aria-hidden="true">
            <span>{data.from}</span>
            <span>{data.to}</span>
          </span>
        </div>
        <p className="nw-status" role="status" aria-live="polite">
          <strong>{status}</strong>
          {!whole ? <> · {t("networks.map.activeTotal", { n: formatNumber(activeThisYear, locale) })}</> : null}
        </p>
        <div className="chart-header">
          <h3>{t("networks.map.chartTitle")}</h3>
          <div className="segmented" role="group" aria-label={t("networks.map.measure")}>
            <button type="button" aria-pressed={measure === "active"} onClick={() => setQuery({ measure: null })}>
              {t("networks.map.chartActive")}
            </button>
            <button type="button" aria-pressed={measure === "new"} onClick={() => setQuery({ measure: "new" })}>
              {t("networks.map.chartNew")}
            </button>
          </div>
        </div>
        <YearChart
          years={series}
          order={kinds}
          shown={shownKinds}
          selected={whole ? null : year}
          onPick={(y) => setQuery({ year: String(y), whole: null })}
          label={t("networks.map.chartLabel", { title: chartTitle, from: data.from, to: data.to })}
          description={t("networks.map.chartSummary", { runs: runsText || t("common.none") })}
        />
        <p className="muted small">{t("networks.map.chartSummary", { runs: runsText || t("common.none") })}</p>
        <ul className="legend">
          {kinds
            .filter((k) => shownKinds.has(k))
            .map((kind) => (
              <li key={kind}>
                <KindLabel kind={kind} />
              </li>
            ))}
        </ul>
        <details className="nw-details">
          <summary>{t("networks.map.chartTable")}</summary>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{`${t("networks.map.chartTitle")} (${chartTitle})`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("networks.map.year")}</th>
                  {kinds.map((k) => (
                    <th key={k} scope="col" className="num">
                      {pick(labelOf(TIE_KIND_LABELS, k))}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("networks.map.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.map((s) => (
                  <tr key={s.year} className={s.year === year && !whole ? "nw-current-row" : undefined}>
                    <th scope="row">{s.year}</th>
                    {kinds.map((k) => (
                      <td key={k} className="num">
                        {formatNumber(s.byKind[k] ?? 0, locale)}
                      </td>
                    ))}
                    <td className="num">{formatNumber(Object.values(s.byKind).reduce((a, b) => a + b, 0), locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <section className="panel">
        <h2>{t("networks.map.arcTable")}</h2>
        <ArcTable arcs={visibleArcs} />
      </section>
    </>
  );
}

const TABLE_ROWS = 100;

function ArcTable({ arcs }: { arcs: MapArc[] }) {
  const { t, name, locale } = useI18n();
  const [all, setAll] = useState(false);
  if (!arcs.length) return <p className="empty">{t("common.noResults")}</p>;
  const shown = all ? arcs : arcs.slice(0, TABLE_ROWS);
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("networks.map.arcTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("networks.col.tie")}</th>
              <th scope="col">{t("field.tieKind")}</th>
              <th scope="col">{t("networks.col.years")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((arc) => (
              <tr key={arc.tieId}>
                <th scope="row">
                  <Link to={`/networks/ties/${arc.tieId}`}>{t("ties.between", { a: name(arc.a.name.ja, arc.a.name.en), b: name(arc.b.name.ja, arc.b.name.en) })}</Link>
                </th>
                <td>
                  <KindLabel kind={arc.kind} />
                </td>
                <td className="nowrap">{yearsText(arc, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < arcs.length ? (
        <button type="button" className="more" onClick={() => setAll(true)}>
          {t("networks.map.showAll", { n: formatNumber(arcs.length, locale) })}
        </button>
      ) : null}
    </>
  );
}
