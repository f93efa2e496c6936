/**
 * @module networks/export/graphml
 * GraphML (graphml.graphdrawing.org) for yEd, Gephi, networkx and igraph: one `<key>` per attribute,
 * node and edge attributes as `<data>`; an attribute without a value is left out.
 */
import { EDGE_ATTRIBUTES, edgeRows, nodeAttributes, type AttributeSpec, type ExportInput } from "./attributes.ts";
import { escapeXml, xmlAttributes } from "./xml.ts";

function keys<T>(specs: AttributeSpec<T>[], target: "node" | "edge", prefix: string): string[] {
  return specs.map(
    (s) => `  <key${xmlAttributes({ id: `${prefix}${s.name}`, for: target, "attr.name": s.name, "attr.type": s.type })}/>`,
  );
}

function data<T>(specs: AttributeSpec<T>[], item: T, prefix: string): string {
  let out = "";
  for (const s of specs) {
    const value = s.get(item);
    if (value === null) continue;
    out += `<data key="${escapeXml(prefix + s.name)}">${escapeXml(String(value))}</data>`;
  }
  return out;
}

export function toGraphml({ graph, metrics }: ExportInput): string {
  const nodeSpecs = nodeAttributes(graph.directed);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml${xmlAttributes({
      xmlns: "http://graphml.graphdrawing.org/xmlns",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xsi:schemaLocation": "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    })}>`,
    ...keys(nodeSpecs, "node", "n_"),
    ...keys(EDGE_ATTRIBUTES, "edge", "e_"),
    `  <graph id="G" edgedefault="${graph.directed ? "directed" : "undirected"}">`,
  ];
  for (const node of metrics.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">${data(nodeSpecs, node, "n_")}</node>`);
  }
  edgeRows(graph).forEach((edge, i) => {
    lines.push(`    <edge${xmlAttributes({ id: `e${i}`, source: edge.source, target: edge.target })}>${data(EDGE_ATTRIBUTES, edge, "e_")}</edge>`);
  });
  lines.push(`  </graph>`, `</graphml>`, ``);
  return lines.join("\n");
}
