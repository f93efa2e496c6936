/**
 * @module networks/graph/graph
 * A compact, immutable graph of organisations and ties for the analytics: string ids mapped to dense
 * integers and adjacency stored as CSR (offset + target arrays), so the centrality loops touch only
 * typed arrays. Conventions, decided once here and documented in docs/networks.md:
 * - undirected by default; `directed: true` keeps edge direction (source = tie initiator);
 * - a self-loop is rejected (a tie needs two parties);
 * - duplicate edges (the same pair again, or b–a after a–b when undirected) are merged into one
 *   adjacency entry whose weight is the sum; each input edge is still kept with its kind and purpose
 *   for the pipelines and the exports;
 * - with a node list, an edge naming an unknown node is rejected; without one, nodes are created
 *   in order of first appearance.
 */
import { AppError, type FieldError } from "../../core/errors.ts";

export interface EdgeInput {
  source: string;
  target: string;
  /** Positive and finite; 1 when absent. */
  weight?: number;
  /** Tie kind (e.g. `sister_city`); free text here, the database restricts it to `TIE_KINDS`. */
  kind?: string | null;
  /** Tie purposes (e.g. `economic`); a tie may serve several. */
  purposes?: readonly string[];
}

export interface NodeInput {
  id: string;
  /** Group for brokerage and pipelines (country, region…); absent = ungrouped. */
  group?: string | null;
  label?: string | null;
}

export interface GraphOptions {
  directed?: boolean;
  /** When given, it fixes the node set (and order); edges must name only these nodes. */
  nodes?: readonly NodeInput[];
}

/** One adjacency pair after merging duplicates. `source < target` by index when undirected. */
export interface MergedEdge {
  source: number;
  target: number;
  weight: number;
  /** Indices into `Graph.inputEdges` of the edges merged here, in input order. */
  inputs: number[];
}

export interface Graph {
  readonly directed: boolean;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly groups: readonly (string | null)[];
  readonly labels: readonly (string | null)[];
  /** Outgoing adjacency (for undirected graphs: all neighbours). Sorted by target within a node. */
  readonly outOffsets: Int32Array;
  readonly outTargets: Int32Array;
  readonly outWeights: Float64Array;
  /** Incoming adjacency; the same arrays as the outgoing ones when undirected. */
  readonly inOffsets: Int32Array;
  readonly inTargets: Int32Array;
  readonly inWeights: Float64Array;
  readonly edges: readonly MergedEdge[];
  readonly inputEdges: readonly EdgeInput[];
}

/** One problem with one input edge; `index` is its position in the input array. */
export interface EdgeIssue {
  index: number;
  column: "source" | "target" | "weight";
  value: unknown;
  message: string;
}

/**
 * Checks an edge on its own and against a known node set. Shared by `buildGraph` and the CSV reader
 * so that both report the same reasons.
 */
export function edgeIssues(edge: EdgeInput, index: number, known?: ReadonlySet<string>): EdgeIssue[] {
  const issues: EdgeIssue[] = [];
  for (const column of ["source", "target"] as const) {
    const value = edge[column];
    if (typeof value !== "string" || value.trim() === "") {
      issues.push({ index, column, value, message: `${column} is empty` });
    } else if (known && !known.has(value)) {
      issues.push({ index, column, value, message: `${column} "${value}" is not in the nodes file` });
    }
  }
  if (edge.source === edge.target && typeof edge.source === "string" && edge.source.trim() !== "") {
    issues.push({ index, column: "target", value: edge.target, message: "self-loop: source and target are the same node" });
  }
  if (edge.weight !== undefined && !(Number.isFinite(edge.weight) && edge.weight > 0)) {
    issues.push({ index, column: "weight", value: edge.weight, message: "weight must be a number greater than 0" });
  }
  return issues;
}

/** Checks a node list: empty and duplicate ids. `index` is the position in the input array. */
export function nodeIssues(nodes: readonly NodeInput[]): { index: number; value: unknown; message: string }[] {
  const issues: { index: number; value: unknown; message: string }[] = [];
  const firstSeen = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (typeof node.id !== "string" || node.id.trim() === "") {
      issues.push({ index, value: node.id, message: "id is empty" });
      return;
    }
    const earlier = firstSeen.get(node.id);
    if (earlier !== undefined) {
      issues.push({ index, value: node.id, message: `duplicate node id (first seen at item ${earlier})` });
    } else firstSeen.set(node.id, index);
  });
  return issues;
}

/** Builds the graph, or throws `validation_failed` naming every bad node and edge (not just the first). */
export function buildGraph(edges: readonly EdgeInput[], options: GraphOptions = {}): Graph {
  const directed = options.directed ?? false;
  const errors: FieldError[] = [];
  if (options.nodes) {
    for (const issue of nodeIssues(options.nodes)) {
      errors.push({ path: `nodes[${issue.index}].id`, message: issue.message, value: issue.value });
    }
  }
  const known = options.nodes ? new Set(options.nodes.map((n) => n.id)) : undefined;
  edges.forEach((edge, index) => {
    for (const issue of edgeIssues(edge, index, known)) {
      errors.push({ path: `edges[${index}].${issue.column}`, message: issue.message, value: issue.value });
    }
  });
  if (errors.length > 0) {
    throw new AppError("validation_failed", `graph input is invalid (${errors.length} problem(s))`, errors);
  }

  const ids: string[] = [];
  const groups: (string | null)[] = [];
  const labels: (string | null)[] = [];
  const indexOf = new Map<string, number>();
  const addNode = (id: string, group: string | null, label: string | null): number => {
    const existing = indexOf.get(id);
    if (existing !== undefined) return existing;
    indexOf.set(id, ids.length);
    ids.push(id);
    groups.push(group);
    labels.push(label);
    return ids.length - 1;
  };
  for (const node of options.nodes ?? []) addNode(node.id, emptyToNull(node.group), emptyToNull(node.label));

  const merged: MergedEdge[] = [];
  const pairIndex = new Map<string, number>();
  edges.forEach((edge, index) => {
    let s = addNode(edge.source, null, null);
    let t = addNode(edge.target, null, null);
    if (!directed && s > t) [s, t] = [t, s];
    const key = `${s},${t}`;
    const weight = edge.weight ?? 1;
    const at = pairIndex.get(key);
    if (at === undefined) {
      pairIndex.set(key, merged.length);
      merged.push({ source: s, target: t, weight, inputs: [index] });
    } else {
      const m = merged[at]!;
      m.weight += weight;
      m.inputs.push(index);
    }
  });

  const n = ids.length;
  const out = toCsr(n, merged, directed, false);
  const inc = directed ? toCsr(n, merged, directed, true) : out;
  return {
    directed,
    ids,
    indexOf,
    groups,
    labels,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outWeights: out.weights,
    inOffsets: inc.offsets,
    inTargets: inc.targets,
    inWeights: inc.weights,
    edges: merged,
    inputEdges: edges,
  };
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === "" ? null : value;
}

/** Counting-sort construction; `reverse` builds the incoming side of a directed graph. */
function toCsr(n: number, edges: readonly MergedEdge[], directed: boolean, reverse: boolean) {
  const offsets = new Int32Array(n + 1);
  const bump = (from: number) => {
    offsets[from + 1]! += 1;
  };
  for (const e of edges) {
    if (directed) bump(reverse ? e.target : e.source);
    else {
      bump(e.source);
      bump(e.target);
    }
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const m = offsets[n]!;
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  const cursor = offsets.slice(0, n);
  const put = (from: number, to: number, w: number) => {
    const at = cursor[from]!;
    targets[at] = to;
    weights[at] = w;
    cursor[from] = at + 1;
  };
  for (const e of edges) {
    if (directed) {
      if (reverse) put(e.target, e.source, e.weight);
      else put(e.source, e.target, e.weight);
    } else {
      put(e.source, e.target, e.weight);
      put(e.target, e.source, e.weight);
    }
  }
  sortRows(offsets, targets, weights);
  return { offsets, targets, weights };
}

/** Sorted neighbour rows make membership tests (brokerage) a binary search and output stable. */
function sortRows(offsets: Int32Array, targets: Int32Array, weights: Float64Array): void {
  const n = offsets.length - 1;
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    if (end - start < 2) continue;
    const order = Array.from({ length: end - start }, (_, k) => start + k).sort((a, b) => targets[a]! - targets[b]!);
    const t = order.map((k) => targets[k]!);
    const w = order.map((k) => weights[k]!);
    targets.set(t, start);
    weights.set(w, start);
  }
}

/** Whether `from → to` is an edge (either direction when undirected). Binary search in the sorted row. */
export function hasEdge(graph: Graph, from: number, to: number): boolean {
  let lo = graph.outOffsets[from]!;
  let hi = graph.outOffsets[from + 1]! - 1;
  const targets = graph.outTargets;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = targets[mid]!;
    if (t === to) return true;
    if (t < to) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
