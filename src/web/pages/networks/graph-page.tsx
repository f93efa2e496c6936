/**
 * @module web/pages/networks/graph-page
 * The graph view: organisations and ties on a canvas (graph-canvas.tsx), nodes sized by betweenness,
 * degree or closeness and coloured by group (country or region), gatekeepers and representatives ringed;
 * filters by kind, purpose and the day ties were active; the selected node's metrics with a link to the
 * organisation; the table of top nodes (the accessible view of the same data), the pipelines between
 * groups, and downloads (GraphML, GEXF, CSV) with the same filters.
 */
import { useMemo } from "react";
import { TIE_KINDS, TIE_PURPOSES } from "../../../core/domain.ts";
import { LoadError, PageHeader } from "../../components/display.tsx";
import { ORGANISATION_KIND_LABELS, TIE_KIND_LABELS, TIE_PURPOSE_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { withQuery } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { GraphData, GraphNode } from "./api-types.ts";
import { NetworksNav } from "./common.tsx";
import { GraphCanvas, type CanvasNode } from "./graph-canvas.tsx";
import { edgePairs, groupColors, isGatekeeper, isRepresentative, metricValue, nodeRadius, OTHER_GROUP_COLOR, topNodes } from "./graph-model.ts";
import {
  BROKERAGE_ROLE_HINTS,
  BROKERAGE_ROLE_LABELS,
  BROKERAGE_ROLES,
  GROUP_BY_LABELS,
  GROUP_BYS,
  labelOf,
  SIZE_METRIC_LABELS,
  SIZE_METRICS,
  type SizeMetric,
} from "./labels.ts";

const TOP = 20;
const FILTERS = ["kind", "purpose", "activeOn", "groupBy", "directed"] as const;

function RoleBadges({ node }: { node: GraphNode }) {
  const { pick } = useI18n();
  return (
    <span className="nw-roles">
      {isGatekeeper(node) ? <span className="nw-badge gatekeeper">{pick(BROKERAGE_ROLE_LABELS.gatekeeper)}</span> : null}
      {isRepresentative(node) ? <span className="nw-badge representative">{pick(BROKERAGE_ROLE_LABELS.representative)}</span> : null}
    </span>
  );
}

function metricText(node: GraphNode, metric: SizeMetric, locale: "ja" | "en"): string {
  return formatNumber(metricValue(node, metric), locale, metric === "closeness" ? 3 : 1);
}

export function GraphPage() {
  const { t, pick, locale } = useI18n();
  const [query, setQuery] = useQueryState();
  const params = Object.fromEntries(FILTERS.map((f) => [f, query.get(f)]));
  const size: SizeMetric = SIZE_METRICS.includes(query.get("size") as SizeMetric) ? (query.get("size") as SizeMetric) : "betweenness";
  const { data, error, reload, loading } = useFetch<GraphData>(withQuery("/api/networks/graph", params));

  const exportQuery = { ...params, lang: locale };
  return (
    <>
      <PageHeader kicker={t("networks.kicker")} title={t("networks.graph.title")}>
        <p className="subtitle">{t("networks.graph.intro")}</p>
      </PageHeader>
      <NetworksNav />
      <div className="filters" role="search">
        <div className="filter">
          <label htmlFor="nw-g-kind">{t("field.tieKind")}</label>
          <select id="nw-g-kind" value={query.get("kind") ?? ""} onChange={(e) => setQuery({ kind: e.target.value, node: null })}>
            <option value="">{t("common.all")}</option>
            {TIE_KINDS.map((k) => (
              <option key={k} value={k}>
                {pick(TIE_KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="nw-g-purpose">{t("field.purpose")}</label>
          <select id="nw-g-purpose" value={query.get("purpose") ?? ""} onChange={(e) => setQuery({ purpose: e.target.value, node: null })}>
            <option value="">{t("common.all")}</option>
            {TIE_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {pick(TIE_PURPOSE_LABELS[p])}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="nw-g-active">{t("field.activeOn")}</label>
          <input id="nw-g-active" type="date" value={query.get("activeOn") ?? ""} onChange={(e) => setQuery({ activeOn: e.target.value, node: null })} />
        </div>
        <div className="filter">
          <label htmlFor="nw-g-group">{t("networks.graph.groupBy")}</label>
          <select id="nw-g-group" value={query.get("groupBy") ?? "country"} onChange={(e) => setQuery({ groupBy: e.target.value === "country" ? null : e.target.value })}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {pick(GROUP_BY_LABELS[g])}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="nw-g-size">{t("networks.graph.sizeBy")}</label>
          <select id="nw-g-size" value={size} onChange={(e) => setQuery({ size: e.target.value === "betweenness" ? null : e.target.value })}>
            {SIZE_METRICS.map((m) => (
              <option key={m} value={m}>
                {pick(SIZE_METRIC_LABELS[m])}
              </option>
            ))}
          </select>
        </div>
        <div className="filter nw-filter-check">
          <div className="check">
            <input type="checkbox" id="nw-g-directed" checked={query.get("directed") === "true"} onChange={(e) => setQuery({ directed: e.target.checked ? "true" : null })} />
            <label htmlFor="nw-g-directed">{t("networks.graph.directed")}</label>
          </div>
        </div>
        {FILTERS.some((f) => query.get(f)) ? (
          <button type="button" className="link-button" onClick={() => setQuery(Object.fromEntries([...FILTERS, "node"].map((f) => [f, null])))}>
            {t("common.clearFilters")}
          </button>
        ) : null}
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? <GraphView data={data} size={size} stale={loading} /> : error ? null : <p className="loading" role="status">{t("common.loading")}</p>}
      <section className="panel" aria-labelledby="nw-downloads">
        <h2 id="nw-downloads">{t("networks.graph.downloads")}</h2>
        <p className="muted small">{t("networks.graph.downloadHint")}</p>
        <ul className="nw-downloads">
          <li>
            <a className="button small" href={withQuery("/api/networks/graph.graphml", exportQuery)} download>
              GraphML
            </a>
          </li>
          <li>
            <a className="button small" href={withQuery("/api/networks/graph.gexf", exportQuery)} download>
              GEXF (Gephi)
            </a>
          </li>
          <li>
            <a className="button small" href={withQuery("/api/networks/graph.csv", { ...exportQuery, table: "nodes" })} download>
              {t("networks.graph.csvNodes")}
            </a>
          </li>
          <li>
            <a className="button small" href={withQuery("/api/networks/graph.csv", { ...exportQuery, table: "edges" })} download>
              {t("networks.graph.csvEdges")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

function GraphView({ data, size, stale }: { data: GraphData; size: SizeMetric; stale: boolean }) {
  const { t, pick, locale } = useI18n();
  const [query, setQuery] = useQueryState();
  const colors = useMemo(() => groupColors(data.groups), [data]);
  const { index, pairs } = useMemo(() => edgePairs(data.nodes, data.edges), [data]);
  const max = useMemo(() => Math.max(0, ...data.nodes.map((n) => metricValue(n, size))), [data, size]);
  // Smaller dots when there are many, so the crowd stays readable.
  const shrink = data.nodes.length > 300 ? Math.max(0.45, Math.sqrt(300 / data.nodes.length)) : 1;
  const canvasNodes: CanvasNode[] = useMemo(
    () =>
      data.nodes.map((node) => ({
        label: pick(node.name),
        detail: `${pick(node.groupLabel)} · ${pick(SIZE_METRIC_LABELS[size])} ${metricText(node, size, locale)}${isGatekeeper(node) ? ` · ${pick(BROKERAGE_ROLE_LABELS.gatekeeper)}` : ""}`,
        color: colors.get(node.group) ?? OTHER_GROUP_COLOR,
        radius: nodeRadius(metricValue(node, size), max) * shrink,
        ring: isGatekeeper(node) ? 2 : isRepresentative(node) ? 1 : 0,
      })),
    [data, colors, size, max, shrink, locale],
  );
  const selectedId = query.get("node");
  const selected = selectedId ? (index.get(selectedId) ?? -1) : -1;
  const selectedNode = selected >= 0 ? data.nodes[selected] : undefined;
  const top = useMemo(() => topNodes(data.nodes, size, TOP), [data, size]);
  const gatekeepers = data.nodes.filter(isGatekeeper).length;
  const legendGroups = [...data.groups].sort((a, b) => b.nodes - a.nodes || a.id.localeCompare(b.id));
  const coloured = legendGroups.filter((g) => colors.get(g.id) !== OTHER_GROUP_COLOR);
  const others = legendGroups.filter((g) => colors.get(g.id) === OTHER_GROUP_COLOR);
  const select = (i: number) => setQuery({ node: i >= 0 ? (data.nodes[i]?.id ?? null) : null });
  const layoutKey = useMemo(() => `${data.nodes.length}:${data.edges.map((e) => e.tieId).join(",")}`, [data]);
  const summary = t("networks.graph.summary", {
    nodes: formatNumber(data.graph.nodes, locale),
    edges: formatNumber(data.graph.edges, locale),
    ties: formatNumber(data.graph.inputEdges, locale),
    components: formatNumber(data.graph.components, locale),
    gatekeepers: formatNumber(gatekeepers, locale),
  });

  if (data.nodes.length === 0) return <p className="empty">{t("networks.graph.empty")}</p>;

  return (
    <>
      <p className="list-count" aria-live="polite">
        {summary}
      </p>
      <div className="nw-graph-layout" aria-busy={stale || undefined}>
        <section className="panel nw-graph-panel" aria-label={t("networks.graph.canvasHeading")}>
          <GraphCanvas nodes={canvasNodes} pairs={pairs} layoutKey={layoutKey} selected={selected} onSelect={select} label={`${t("networks.graph.canvasLabel")} ${summary}`} />
          <ul className="legend nw-graph-legend" aria-label={t("map.legend")}>
            {coloured.map((g) => (
              <li key={g.id}>
                <span className="nw-dot" style={{ background: colors.get(g.id) }} aria-hidden="true" />
                {pick(g.label)}
                <span className="count">{formatNumber(g.nodes, locale)}</span>
              </li>
            ))}
            {others.length ? (
              <li>
                <span className="nw-dot" style={{ background: OTHER_GROUP_COLOR }} aria-hidden="true" />
                {t("networks.graph.otherGroups")}
                <span className="count">{formatNumber(others.reduce((s, g) => s + g.nodes, 0), locale)}</span>
              </li>
            ) : null}
            <li>
              <span className="nw-ring gatekeeper" aria-hidden="true" />
              {pick(BROKERAGE_ROLE_LABELS.gatekeeper)}
            </li>
            <li>
              <span className="nw-ring representative" aria-hidden="true" />
              {t("networks.graph.representativeOnly")}
            </li>
          </ul>
        </section>
        <div className="nw-graph-side">
          <section className="panel" aria-labelledby="nw-node-heading" aria-live="polite">
            <h2 id="nw-node-heading">{t("networks.graph.selected")}</h2>
            {selectedNode ? <NodeDetails node={selectedNode} onClear={() => select(-1)} /> : <p className="muted small">{t("networks.graph.selectHint")}</p>}
          </section>
          <section className="panel" aria-labelledby="nw-top-heading">
            <h2 id="nw-top-heading">{t("networks.graph.topTable", { n: Math.min(TOP, data.nodes.length), metric: pick(SIZE_METRIC_LABELS[size]) })}</h2>
            <div className="table-wrap">
              <table className="nw-compact">
                <caption className="sr-only">{t("networks.graph.topTable", { n: Math.min(TOP, data.nodes.length), metric: pick(SIZE_METRIC_LABELS[size]) })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("networks.graph.rank")}
                    </th>
                    <th scope="col">{t("networks.graph.organisation")}</th>
                    <th scope="col" className="num">
                      {pick(SIZE_METRIC_LABELS[size])}
                    </th>
                    <th scope="col" className="num">
                      {size === "degree" ? pick(SIZE_METRIC_LABELS.betweenness) : pick(SIZE_METRIC_LABELS.degree)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((node, i) => {
                    const nodeIndex = index.get(node.id) ?? -1;
                    return (
                      <tr key={node.id} className={nodeIndex === selected ? "nw-current-row" : undefined}>
                        <td className="num">{formatNumber(i + 1, locale)}</td>
                        <th scope="row">
                          <button
                            type="button"
                            className="link-button nw-node-button"
                            aria-pressed={nodeIndex === selected}
                            title={t("networks.graph.showOnGraph", { name: pick(node.name) })}
                            onClick={() => select(nodeIndex === selected ? -1 : nodeIndex)}
                          >
                            <span className="nw-dot" style={{ background: colors.get(node.group) ?? OTHER_GROUP_COLOR }} aria-hidden="true" />
                            {pick(node.name)}
                          </button>
                          <span className="nw-group">
                            <span className="muted small">{pick(node.groupLabel)}</span> <RoleBadges node={node} />
                          </span>
                        </th>
                        <td className="num">{metricText(node, size, locale)}</td>
                        <td className="num">{size === "degree" ? metricText(node, "betweenness", locale) : formatNumber(node.degree, locale)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      </div>
      <Pipelines data={data} />
    </>
  );
}

function NodeDetails({ node, onClear }: { node: GraphNode; onClear: () => void }) {
  const { t, pick, locale } = useI18n();
  const rows: Array<[string, string]> = [
    [t("networks.graph.kind"), pick(labelOf(ORGANISATION_KIND_LABELS, node.kind))],
    [t("networks.graph.group"), pick(node.groupLabel)],
    [pick(SIZE_METRIC_LABELS.degree), formatNumber(node.degree, locale)],
    ...(node.inDegree !== undefined ? ([[t("networks.graph.inOut"), `${formatNumber(node.inDegree, locale)} / ${formatNumber(node.outDegree ?? 0, locale)}`]] as Array<[string, string]>) : []),
    [t("networks.graph.weightedDegree"), formatNumber(node.weightedDegree, locale, 2)],
    [pick(SIZE_METRIC_LABELS.betweenness), formatNumber(node.betweenness, locale, 2)],
    [pick(SIZE_METRIC_LABELS.closeness), formatNumber(node.closeness, locale, 3)],
  ];
  return (
    <div className="nw-node-details">
      <p className="nw-node-name">
        <strong>{pick(node.name)}</strong> <RoleBadges node={node} />
      </p>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="nw-subheading">{t("networks.graph.brokerage")}</h3>
      {node.brokerage ? (
        <dl className="details">
          {BROKERAGE_ROLES.map((role) => (
            <div key={role}>
              <dt title={pick(BROKERAGE_ROLE_HINTS[role])}>{pick(BROKERAGE_ROLE_LABELS[role])}</dt>
              <dd>
                {formatNumber(node.brokerage![role], locale)} <span className="muted small">{pick(BROKERAGE_ROLE_HINTS[role])}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted small">{t("networks.graph.noGroup")}</p>
      )}
      <p className="nw-actions">
        <Link to={`/organisations/${node.id}`} className="button small">
          {t("networks.graph.openOrg")}
        </Link>
        {node.kind === "network" ? (
          <Link to={`/networks/org/${node.id}`} className="button small">
            {t("networks.graph.openNetwork")}
          </Link>
        ) : null}
        <button type="button" className="small" onClick={onClear}>
          {t("networks.graph.clear")}
        </button>
      </p>
    </div>
  );
}

function Pipelines({ data }: { data: GraphData }) {
  const { t, pick, locale } = useI18n();
  const rows = data.pipelines.slice(0, 25);
  if (!rows.length) return null;
  return (
    <section className="panel" aria-labelledby="nw-pipelines">
      <h2 id="nw-pipelines">{t("networks.graph.pipelines")}</h2>
      <p className="muted small">{t("networks.graph.pipelinesIntro")}</p>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("networks.graph.pipelines")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("networks.graph.between")}</th>
              <th scope="col" className="num">
                {t("networks.graph.ties")}
              </th>
              <th scope="col">{t("networks.graph.byKind")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={`${p.from}|${p.to}`}>
                <th scope="row">
                  {p.internal ? t("networks.graph.within", { group: pick(p.fromLabel) }) : `${pick(p.fromLabel)} ↔ ${pick(p.toLabel)}`}
                </th>
                <td className="num">{formatNumber(p.ties, locale)}</td>
                <td>
                  <ul className="tags">
                    {Object.entries(p.byKind)
                      .sort((a, b) => b[1] - a[1])
                      .map(([kind, count]) => (
                        <li key={kind}>
                          {pick(labelOf(TIE_KIND_LABELS, kind))} {formatNumber(count, locale)}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
