/**
 * @module networks/graph-report
 * The human-readable form of `renkei graph metrics` (without `--json`): a summary line, the node
 * table and the pipelines table, labelled in Japanese or English. Pure text, no I/O.
 */
import type { Locale } from "../core/domain.ts";
import type { GraphMetrics } from "./graph/metrics.ts";

const L = {
  summary: {
    ja: (m: GraphMetrics["graph"]) =>
      [
        `ノード ${m.nodes}`,
        `エッジ ${m.edges}（入力 ${m.inputEdges}、重複統合 ${m.mergedDuplicates}）`,
        m.directed ? "有向" : "無向",
        `連結成分 ${m.components}`,
        `経路長 ${m.pathWeights === "hops" ? "ホップ数" : "重み＝距離"}`,
      ].join("・"),
    en: (m: GraphMetrics["graph"]) =>
      [
        `${m.nodes} nodes`,
        `${m.edges} edges (${m.inputEdges} input, ${m.mergedDuplicates} merged duplicates)`,
        m.directed ? "directed" : "undirected",
        `${m.components} component(s)`,
        `path length in ${m.pathWeights === "hops" ? "hops" : "weight as distance"}`,
      ].join(", "),
  },
  id: { ja: "ID", en: "id" },
  group: { ja: "グループ", en: "group" },
  degree: { ja: "次数", en: "degree" },
  inOut: { ja: "入/出", en: "in/out" },
  weightedDegree: { ja: "重み付き次数", en: "weighted degree" },
  closeness: { ja: "近接中心性", en: "closeness" },
  betweenness: { ja: "媒介中心性", en: "betweenness" },
  brokerage: { ja: "仲介 調/門/代/外/連", en: "brokerage co/gk/rep/itin/liais" },
  pipelines: { ja: "グループ間のパイプライン", en: "Pipelines between groups" },
  from: { ja: "から", en: "from" },
  to: { ja: "へ", en: "to" },
  ties: { ja: "紐帯数", en: "ties" },
  weight: { ja: "重み計", en: "weight" },
  kinds: { ja: "種類", en: "kinds" },
  purposes: { ja: "目的", en: "purposes" },
  noPipelines: { ja: "（グループ付きノード間の紐帯はありません）", en: "(none: no ties between grouped nodes)" },
  ungrouped: {
    ja: (n: number) => `グループ未設定のノードを含む紐帯 ${n} 件はパイプラインから除外`,
    en: (n: number) => `${n} tie(s) touching an ungrouped node left out of the pipelines`,
  },
};

/** Terminal columns: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function renderTable(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const pad = (text: string, c: number) => {
    const gap = " ".repeat(widths[c]! - displayWidth(text));
    return numeric[c] ? gap + text : text + gap;
  };
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, c)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

function num(value: number, digits: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

function breakdown(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k}:${v}`)
    .join(" ");
}

export function formatGraphReport(metrics: GraphMetrics, locale: Locale = "en"): string {
  const directed = metrics.graph.directed;
  const header = [L.id[locale], L.group[locale], L.degree[locale]];
  if (directed) header.push(L.inOut[locale]);
  header.push(L.weightedDegree[locale], L.closeness[locale], L.betweenness[locale], L.brokerage[locale]);
  const rows = metrics.nodes.map((n) => {
    const row = [n.label ? `${n.id} (${n.label})` : n.id, n.group ?? "-", String(n.degree)];
    if (directed) row.push(`${n.inDegree}/${n.outDegree}`);
    const b = n.brokerage;
    row.push(
      num(n.weightedDegree, 3),
      n.closeness.toFixed(4),
      num(n.betweenness, 3),
      b ? `${b.coordinator}/${b.gatekeeper}/${b.representative}/${b.itinerant}/${b.liaison}` : "-",
    );
    return row;
  });
  const out = [L.summary[locale](metrics.graph), "", ...renderTable(header, rows, header.map((_, c) => c >= 2 && c < header.length - 1)), ""];

  out.push(L.pipelines[locale]);
  if (metrics.pipelines.length === 0) out.push(L.noPipelines[locale]);
  else {
    const pipeHeader = [L.from[locale], L.to[locale], L.ties[locale], L.weight[locale], L.kinds[locale], L.purposes[locale]];
    const pipeRows = metrics.pipelines.map((p) => [p.from, p.to, String(p.ties), num(p.weight, 3), breakdown(p.byKind), breakdown(p.byPurpose)]);
    out.push(...renderTable(pipeHeader, pipeRows, [false, false, true, true, false, false]));
  }
  if (metrics.graph.ungroupedTies > 0 && metrics.pipelines.length > 0) out.push(L.ungrouped[locale](metrics.graph.ungroupedTies));
  return `${out.join("\n")}\n`;
}
