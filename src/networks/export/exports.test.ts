import { describe, it, expect } from "vitest";
import { buildGraph, type EdgeInput } from "../graph/graph.ts";
import { graphMetrics } from "../graph/metrics.ts";
import { parseEdgesCsv } from "../io/graph-csv.ts";
import { parse } from "csv-parse/sync";
import { csvCell, toEdgesCsv, toNodesCsv } from "./csv.ts";
import { toGexf } from "./gexf.ts";
import { toGraphml } from "./graphml.ts";
import { findAll, readXml, type XmlElement } from "./xml-reader.ts";

const nodes = [
  { id: "fukuoka", group: "JP", label: "福岡市 <Fukuoka> & \"co\"" },
  { id: "busan", group: "KR", label: "Busan" },
  { id: "c40", group: null, label: null },
  { id: "ctl\u0001id", group: "JP", label: "tab\there" },
];
const edges: EdgeInput[] = [
  { source: "fukuoka", target: "busan", kind: "sister_city", purposes: ["cultural"], weight: 2 },
  { source: "busan", target: "fukuoka", kind: "business_partner", purposes: ["economic", "cultural"], weight: 0.5 },
  { source: "fukuoka", target: "c40", kind: "network_membership" },
  { source: "ctl\u0001id", target: "fukuoka" },
];

function input(directed = false) {
  const graph = buildGraph(edges, { nodes, directed });
  return { graph, metrics: graphMetrics(graph) };
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);

describe("GraphML export", () => {
  it("parses back with every node, edge and attribute", () => {
    const data = input();
    const doc = readXml(toGraphml(data));
    expect(doc.name).toBe("graphml");
    const keys = Object.fromEntries(findAll(doc, "key").map((k) => [k.attributes.id!, k.attributes]));
    expect(keys.n_betweenness).toMatchObject({ for: "node", "attr.name": "betweenness", "attr.type": "double" });
    expect(keys.e_kind).toMatchObject({ for: "edge", "attr.type": "string" });
    expect(child(doc, "graph")!.attributes.edgedefault).toBe("undirected");

    const read = findAll(doc, "node").map((n) => ({
      id: n.attributes.id,
      data: Object.fromEntries(n.children.map((d) => [d.attributes.key, d.text])),
    }));
    expect(read.map((n) => n.id)).toEqual(["fukuoka", "busan", "c40", "ctl\uFFFDid"]);
    data.metrics.nodes.forEach((m, i) => {
      const d = read[i]!.data;
      expect(d.n_label ?? null).toBe(m.label?.replace("\u0001", "\uFFFD") ?? null);
      expect(d.n_group ?? null).toBe(m.group);
      expect(Number(d.n_degree)).toBe(m.degree);
      expect(Number(d.n_betweenness)).toBe(m.betweenness);
      expect(Number(d.n_closeness)).toBe(m.closeness);
      expect(Number(d.n_weightedDegree)).toBe(m.weightedDegree);
      expect(d.n_coordinator === undefined ? null : Number(d.n_coordinator)).toBe(m.brokerage?.coordinator ?? null);
    });

    const readEdges = findAll(doc, "edge").map((e) => ({
      ...e.attributes,
      ...Object.fromEntries(e.children.map((d) => [d.attributes.key, d.text])),
    }));
    expect(readEdges[0]).toEqual({
      id: "e0", source: "fukuoka", target: "busan", e_weight: "2.5",
      e_kind: "sister_city;business_partner", e_purpose: "cultural;economic", e_ties: "2",
    });
    expect(readEdges).toHaveLength(3);
  });

  it("marks directed graphs and carries in/out degree", () => {
    const doc = readXml(toGraphml(input(true)));
    expect(child(doc, "graph")!.attributes.edgedefault).toBe("directed");
    expect(findAll(doc, "key").some((k) => k.attributes.id === "n_inDegree")).toBe(true);
    expect(findAll(doc, "edge")).toHaveLength(4);
  });
});

describe("GEXF export", () => {
  it("parses back with labels, weights and declared attributes", () => {
    const data = input();
    const doc = readXml(toGexf(data));
    expect(doc.attributes).toMatchObject({ xmlns: "http://www.gexf.net/1.2draft", version: "1.2" });
    const graph = child(doc, "graph")!;
    expect(graph.attributes.defaultedgetype).toBe("undirected");
    const declared = findAll(doc, "attribute").map((a) => [a.attributes.id, a.attributes.type]);
    expect(declared).toContainEqual(["betweenness", "double"]);
    expect(declared).toContainEqual(["liaison", "integer"]);

    const gexfNodes = findAll(doc, "node");
    expect(gexfNodes.map((n) => n.attributes.label)).toEqual([nodes[0]!.label, "Busan", "c40", "tab\there"]);
    gexfNodes.forEach((n, i) => {
      const values = Object.fromEntries(findAll(n, "attvalue").map((v) => [v.attributes.for, v.attributes.value]));
      const m = data.metrics.nodes[i]!;
      expect(Number(values.betweenness)).toBe(m.betweenness);
      expect(values.group ?? null).toBe(m.group);
      expect(values.gatekeeper === undefined ? null : Number(values.gatekeeper)).toBe(m.brokerage?.gatekeeper ?? null);
    });

    const gexfEdges = findAll(doc, "edge");
    expect(gexfEdges.map((e) => [e.attributes.source, e.attributes.target, Number(e.attributes.weight)])).toEqual([
      ["fukuoka", "busan", 2.5],
      ["fukuoka", "c40", 1],
      ["fukuoka", "ctl\uFFFDid", 1],
    ]);
  });
});

describe("CSV exports", () => {
  it("writes the node table with every metric", () => {
    const data = input();
    const rows = parse(toNodesCsv(data), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "id", "label", "group", "degree", "weightedDegree", "closeness", "betweenness",
      "coordinator", "gatekeeper", "representative", "itinerant", "liaison",
    ]);
    expect(rows[0]!.label).toBe(nodes[0]!.label);
    expect(Number(rows[0]!.betweenness)).toBe(data.metrics.nodes[0]!.betweenness);
    expect(rows[2]!.coordinator).toBe("");
  });

  it("writes merged edges that read back as an edges.csv", () => {
    const back = parseEdgesCsv(toEdgesCsv(input()));
    expect(back.errors).toEqual([]);
    expect(back.edges[0]).toEqual({
      source: "fukuoka", target: "busan", weight: 2.5,
      kind: "sister_city;business_partner", purposes: ["cultural", "economic"],
    });
  });

  it("quotes separators and defuses spreadsheet formulas", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(null)).toBe("");
  });
});

describe("readXml", () => {
  it("rejects what is not well-formed", () => {
    expect(() => readXml("<a><b></a>")).toThrow(/does not close/);
    expect(() => readXml("<a>")).toThrow(/not closed/);
    expect(() => readXml('<a x="1" x="2"/>')).toThrow(/duplicate attribute/);
    expect(() => readXml("<a>&</a>")).toThrow(/bare/);
    expect(() => readXml("<a/><b/>")).toThrow(/second root/);
  });

  it("decodes entities, character references and CDATA", () => {
    const doc = readXml(`<?xml version="1.0"?><!-- c --><a t='&#x3042;&lt;'>x&amp;<![CDATA[<y>]]></a>`);
    expect(doc.attributes.t).toBe("あ<");
    expect(doc.text).toBe("x&<y>");
  });
});
