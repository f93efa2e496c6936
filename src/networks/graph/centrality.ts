/**
 * @module networks/graph/centrality
 * Degree, weighted degree, closeness and exact betweenness (Brandes 2001) on the CSR graph.
 *
 * Betweenness and closeness come out of one single-source shortest-path pass per node. No
 * predecessor lists are kept: in the backward sweep a node pulls the cached factor (1 + δ(w)) / σ(w)
 * from its neighbours one level further away, which are exactly its successors on shortest paths.
 * Path counts σ are doubles, so they do not overflow on dense graphs.
 *
 * Definitions (see docs/networks.md):
 * - betweenness: unnormalised; for an undirected graph each unordered pair {s, t} is counted once
 *   (the directed accumulation halved), as graphology-metrics and networkx do;
 * - closeness: Wasserman–Faust, C(v) = (r / (n − 1)) · (r / Σ d(u, v)) over the r nodes u that reach v,
 *   0 when none does; for directed graphs the distances run *into* v (graphology, networkx);
 * - `pathWeights: "distance"` treats edge weights as lengths (Dijkstra); the default counts hops.
 */
import type { Graph } from "./graph.ts";

export interface CentralityOptions {
  /** `"hops"` (default): every edge has length 1. `"distance"`: the (merged) weight is the length. */
  pathWeights?: "hops" | "distance";
}

export interface Centrality {
  betweenness: Float64Array;
  closeness: Float64Array;
}

export interface Degrees {
  /** Distinct neighbours; for directed graphs in-degree + out-degree. */
  degree: Int32Array;
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** Sum of merged edge weights at the node (in + out for directed graphs). */
  weightedDegree: Float64Array;
}

export function degrees(graph: Graph): Degrees {
  const n = graph.ids.length;
  const degree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outDegree[v] = graph.outOffsets[v + 1]! - graph.outOffsets[v]!;
    inDegree[v] = graph.inOffsets[v + 1]! - graph.inOffsets[v]!;
    let w = 0;
    for (let j = graph.outOffsets[v]!; j < graph.outOffsets[v + 1]!; j++) w += graph.outWeights[j]!;
    if (graph.directed) {
      for (let j = graph.inOffsets[v]!; j < graph.inOffsets[v + 1]!; j++) w += graph.inWeights[j]!;
      degree[v] = inDegree[v]! + outDegree[v]!;
    } else degree[v] = outDegree[v]!;
    weightedDegree[v] = w;
  }
  return { degree, inDegree, outDegree, weightedDegree };
}

/** Exact betweenness and Wasserman–Faust closeness for every node. O(n·m) hops, O(n·m log m) distances. */
export function centrality(graph: Graph, options: CentralityOptions = {}): Centrality {
  const n = graph.ids.length;
  const betweenness = new Float64Array(n);
  const reachSum = new Float64Array(n);
  const reachCount = new Float64Array(n);
  const sweep = options.pathWeights === "distance" ? weightedSweep(graph) : hopSweep(graph);
  for (let s = 0; s < n; s++) sweep(s, betweenness, reachSum, reachCount);

  if (!graph.directed) for (let v = 0; v < n; v++) betweenness[v] = betweenness[v]! / 2;
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = reachCount[v]!;
    const total = reachSum[v]!;
    closeness[v] = total > 0 && n > 1 ? (r / total) * (r / (n - 1)) : 0;
  }
  return { betweenness, closeness };
}

type Sweep = (s: number, bc: Float64Array, reachSum: Float64Array, reachCount: Float64Array) => void;

/**
 * Level-synchronous BFS from s, then the backward dependency sweep, both in "pull" form over a
 * window array `win` that holds a value only for the nodes of one BFS level and 0 everywhere else.
 * A node then sums `win` over all its neighbours without testing their distance: only the wanted
 * level contributes. Undirected graphs pull σ from the previous level while discovering the next;
 * directed graphs push σ along out-arcs (pulling would need the in-arcs too). The sums use four
 * accumulators because a single chain of floating-point additions is latency-bound.
 */
function hopSweep(graph: Graph): Sweep {
  const n = graph.ids.length;
  const directed = graph.directed;
  const offsets = graph.outOffsets;
  const targets = graph.outTargets;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const win = new Float64Array(n);
  const order = new Int32Array(n);
  const levelStart = new Int32Array(n + 2);

  const pullSum = (v: number): number => {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const end = offsets[v + 1]!;
    let j = offsets[v]!;
    for (; j + 3 < end; j += 4) {
      s0 += win[targets[j]!]!;
      s1 += win[targets[j + 1]!]!;
      s2 += win[targets[j + 2]!]!;
      s3 += win[targets[j + 3]!]!;
    }
    for (; j < end; j++) s0 += win[targets[j]!]!;
    return s0 + s1 + (s2 + s3);
  };

  /** Returns the number of levels; `order[levelStart[L] .. levelStart[L + 1])` is level L. */
  const forward = (s: number): number => {
    let tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    let levels = 0;
    let lo = 0;
    while (lo < tail) {
      const hi = tail;
      levelStart[levels] = lo;
      const next = levels + 1;
      for (let k = lo; k < hi; k++) {
        const v = order[k]!;
        if (!directed && levels > 0) sigma[v] = pullSum(v);
        const sv = sigma[v]!;
        const end = offsets[v + 1]!;
        for (let j = offsets[v]!; j < end; j++) {
          const w = targets[j]!;
          const dw = dist[w]!;
          if (dw < 0) {
            dist[w] = next;
            order[tail++] = w;
            if (directed) sigma[w] = sv;
          } else if (directed && dw === next) sigma[w]! += sv;
        }
      }
      if (!directed) {
        if (levels > 0) for (let k = levelStart[levels - 1]!; k < lo; k++) win[order[k]!] = 0;
        for (let k = lo; k < hi; k++) win[order[k]!] = sigma[order[k]!]!;
      }
      levels++;
      lo = hi;
    }
    levelStart[levels] = tail;
    levelStart[levels + 1] = tail;
    if (!directed) for (let k = levelStart[Math.max(0, levels - 2)]!; k < tail; k++) win[order[k]!] = 0;
    return levels;
  };

  return (s, bc, reachSum, reachCount) => {
    const levels = forward(s);
    for (let level = levels - 1; level > 0; level--) {
      const a = levelStart[level]!;
      const b = levelStart[level + 1]!;
      for (let k = a; k < b; k++) {
        const v = order[k]!;
        const sv = sigma[v]!;
        const delta = sv * pullSum(v);
        bc[v]! += delta;
        coef[v] = (1 + delta) / sv;
        reachSum[v]! += level;
        reachCount[v]! += 1;
      }
      for (let k = b; k < levelStart[level + 2]!; k++) win[order[k]!] = 0;
      for (let k = a; k < b; k++) win[order[k]!] = coef[order[k]!]!;
    }
    const tail = levelStart[levels]!;
    for (let k = 0; k < tail; k++) {
      const v = order[k]!;
      dist[v] = -1;
      win[v] = 0;
    }
  };
}

/**
 * Dijkstra from s with a lazy binary heap over (distance, node), then the same backward sweep.
 * Successor tests compare `dist[v] + w(v, x)` with `dist[x]` computed by the same addition, so
 * floating-point ties are decided identically in both phases.
 */
function weightedSweep(graph: Graph): Sweep {
  const n = graph.ids.length;
  const offsets = graph.outOffsets;
  const targets = graph.outTargets;
  const weights = graph.outWeights;
  const dist = new Float64Array(n).fill(Infinity);
  const settled = new Uint8Array(n);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const order = new Int32Array(n);
  const capacity = targets.length + 1;
  const heapKey = new Float64Array(capacity);
  const heapNode = new Int32Array(capacity);
  let size = 0;
  const push = (key: number, node: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[i] = heapKey[parent]!;
      heapNode[i] = heapNode[parent]!;
      i = parent;
    }
    heapKey[i] = key;
    heapNode[i] = node;
  };
  const popNode = (): number => {
    const top = heapNode[0]!;
    const key = heapKey[--size]!;
    const node = heapNode[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[i] = heapKey[child]!;
      heapNode[i] = heapNode[child]!;
      i = child;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return top;
  };
  return (s, bc, reachSum, reachCount) => {
    let tail = 0;
    size = 0;
    dist[s] = 0;
    sigma[s] = 1;
    push(0, s);
    while (size > 0) {
      const v = popNode();
      if (settled[v]) continue;
      settled[v] = 1;
      order[tail++] = v;
      const dv = dist[v]!;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = targets[j]!;
        const candidate = dv + weights[j]!;
        const dw = dist[w]!;
        if (candidate < dw) {
          dist[w] = candidate;
          sigma[w] = sv;
          push(candidate, w);
        } else if (candidate === dw) sigma[w]! += sv;
      }
    }
    for (let k = tail - 1; k > 0; k--) {
      const v = order[k]!;
      const dv = dist[v]!;
      let sum = 0;
      const end = offsets[v + 1]!;
      for (let j = offsets[v]!; j < end; j++) {
        const w = targets[j]!;
        if (dist[w] === dv + weights[j]!) sum += coef[w]!;
      }
      const sv = sigma[v]!;
      const delta = sv * sum;
      bc[v]! += delta;
      coef[v] = (1 + delta) / sv;
      reachSum[v]! += dv;
      reachCount[v]! += 1;
    }
    for (let k = 0; k < tail; k++) {
      const v = order[k]!;
      dist[v] = Infinity;
      settled[v] = 0;
    }
  };
}
