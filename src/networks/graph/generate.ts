/**
 * @module networks/graph/generate
 * Deterministic random graphs for the parity tests and the benchmark: a random spanning tree (so the
 * graph is connected) topped up with edges whose endpoints are picked partly by preferential
 * attachment, giving the skewed degrees of real tie networks. No self-loops, no duplicate pairs.
 */
import { seededRandom } from "../../core/random.ts";
import type { EdgeInput } from "./graph.ts";

export { seededRandom };

export interface RandomGraphOptions {
  seed: number;
  nodes: number;
  edges: number;
  /** Integer weights drawn from 1..maxWeight (default 1: unweighted). */
  maxWeight?: number;
  /** Connect the nodes with a spanning tree first (default true). */
  connected?: boolean;
}

export function randomEdges(options: RandomGraphOptions): EdgeInput[] {
  const { nodes: n, edges: m } = options;
  const maxPairs = (n * (n - 1)) / 2;
  if (m > maxPairs) throw new RangeError(`${m} edges do not fit in a simple graph of ${n} nodes`);
  const random = seededRandom(options.seed);
  const maxWeight = options.maxWeight ?? 1;
  const seen = new Set<number>();
  const ends: number[] = [];
  const edges: EdgeInput[] = [];
  const add = (a: number, b: number): boolean => {
    if (a === b) return false;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) return false;
    seen.add(key);
    ends.push(a, b);
    const edge: EdgeInput = { source: `n${a}`, target: `n${b}` };
    if (maxWeight > 1) edge.weight = 1 + Math.floor(random() * maxWeight);
    edges.push(edge);
    return true;
  };
  if (options.connected ?? true) {
    for (let v = 1; v < n && edges.length < m; v++) add(v, Math.floor(random() * v));
  }
  while (edges.length < m) {
    const a = Math.floor(random() * n);
    const b = ends.length > 0 && random() < 0.5 ? ends[Math.floor(random() * ends.length)]! : Math.floor(random() * n);
    add(a, b);
  }
  return edges;
}
