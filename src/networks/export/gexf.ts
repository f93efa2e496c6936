/**
 * @module networks/export/gexf
 * GEXF 1.2 (gexf.net) for Gephi: node label as the native `label`, edge weight as the native
 * `weight`, everything else as declared attributes (`<attvalue>`); missing values are left out.
 */
import { EDGE_ATTRIBUTES, edgeRows, nodeAttributes, type AttributeSpec, type AttributeType, type ExportInput } from "./attributes.ts";
import { xmlAttributes } from "./xml.ts";

const GEXF_TYPES: Record<AttributeType, string> = { string: "string", int: "integer", double: "double" };

function declarations<T>(specs: AttributeSpec<T>[], cls: "node" | "edge"): string[] {
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...specs.map((s) => `      <attribute${xmlAttributes({ id: s.name, title: s.name, type: GEXF_TYPES[s.type] })}/>`),
    `    </attributes>`,
  ];
}

function attvalues<T>(specs: AttributeSpec<T>[], item: T): string {
  const values = specs
    .map((s) => ({ s, value: s.get(item) }))
    .filter(({ value }) => value !== null)
    .map(({ s, value }) => `<attvalue${xmlAttributes({ for: s.name, value })}/>`);
  return values.length > 0 ? `<attvalues>${values.join("")}</attvalues>` : "";
}

export function toGexf({ graph, metrics }: ExportInput): string {
  const nodeSpecs = nodeAttributes(graph.directed).filter((s) => s.name !== "label");
  const edgeSpecs = EDGE_ATTRIBUTES.filter((s) => s.name !== "weight");
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf${xmlAttributes({
      xmlns: "http://www.gexf.net/1.2draft",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd",
      version: "1.2",
    })}>`,
    `  <meta><creator>renkei</creator></meta>`,
    `  <graph mode="static" defaultedgetype="${graph.directed ? "directed" : "undirected"}">`,
    ...declarations(nodeSpecs, "node"),
    ...declarations(edgeSpecs, "edge"),
    `    <nodes>`,
  ];
  for (const node of metrics.nodes) {
    lines.push(`      <node${xmlAttributes({ id: node.id, label: node.label ?? node.id })}>${attvalues(nodeSpecs, node)}</node>`);
  }
  lines.push(`    </nodes>`, `    <edges>`);
  edgeRows(graph).forEach((edge, i) => {
    const attrs = xmlAttributes({ id: `e${i}`, source: edge.source, target: edge.target, weight: edge.weight });
    lines.push(`      <edge${attrs}>${attvalues(edgeSpecs, edge)}</edge>`);
  });
  lines.push(`    </edges>`, `  </graph>`, `</gexf>`, ``);
  return lines.join("\n");
}
