/**
 * @module bench/graph
 * Exact betweenness: renkei's Brandes against graphology-metrics' on the same generated graph in the
 * same process, results checked equal (1e-6 relative), speed ratio printed. Main case: 10,000 nodes /
 * 50,000 undirected edges counted in hops; second case: edge weights as distances (Dijkstra) on a
 * 2,000 / 10,000 graph. Each side runs twice, alternating, and the faster run counts (the machine is
 * shared); wall-clock and CPU time are both printed. Figures go in docs/benchmarks/graph.md.
 *
 *   node --import tsx bench/graph.bench.ts
 */
import { UndirectedGraph } from "graphology";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { centrality } from "../src/networks/graph/centrality.ts";
import { randomEdges } from "../src/networks/graph/generate.ts";
import { buildGraph } from "../src/networks/graph/graph.ts";

// The package is CommonJS (`module.exports = fn`) while its typings declare `export default fn`.
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

interface Case {
  name: string;
  nodes: number;
  edges: number;
  maxWeight: number;
  pathWeights: "hops" | "distance";
}

const CASES: Case[] = [
  { name: "hops", nodes: 10_000, edges: 50_000, maxWeight: 1, pathWeights: "hops" },
  { name: "distance", nodes: 2_000, edges: 10_000, maxWeight: 5, pathWeights: "distance" },
];

const ROUNDS = 2;

interface Timed<T> {
  value: T;
  ms: number;
  cpuMs: number;
}

function time<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function best<T>(a: Timed<T> | undefined, b: Timed<T>): Timed<T> {
  return a === undefined || b.ms < a.ms ? b : a;
}

const seconds = (t: Timed<unknown>) => `${(t.ms / 1000).toFixed(2)} s wall, ${(t.cpuMs / 1000).toFixed(2)} s CPU`;

function run(c: Case): boolean {
  const edges = randomEdges({ seed: 20_240_601, nodes: c.nodes, edges: c.edges, maxWeight: c.maxWeight });

  const runOurs = () =>
    time(() => {
      const g = buildGraph(edges);
      return { g, result: centrality(g, { pathWeights: c.pathWeights }) };
    });
  const runTheirs = () =>
    time(() => {
      const g = new UndirectedGraph();
      for (let i = 0; i < c.nodes; i++) g.addNode(`n${i}`);
      for (const e of edges) g.addEdge(e.source, e.target, { weight: e.weight ?? 1 });
      return betweennessCentrality(g, {
        normalized: false,
        getEdgeWeight: c.pathWeights === "distance" ? "weight" : null,
      });
    });
  let ours: Timed<ReturnType<typeof runOurs>["value"]> | undefined;
  let theirs: Timed<Record<string, number>> | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    ours = best(ours, runOurs());
    theirs = best(theirs, runTheirs());
  }
  if (!ours || !theirs) throw new Error("no rounds ran");

  let worst = 0;
  const { g, result } = ours.value;
  const reference = theirs.value;
  g.ids.forEach((id, i) => {
    const a = result.betweenness[i]!;
    const b = reference[id]!;
    worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
  });
  const equal = worst <= 1e-6;
  console.log(
    [
      `case ${c.name}: ${c.nodes} nodes / ${c.edges} edges, undirected, paths in ${c.pathWeights}`,
      `  renkei (build + Brandes)          ${seconds(ours)}`,
      `  graphology-metrics (build + bc)   ${seconds(theirs)}`,
      `  max relative difference           ${worst.toExponential(2)} ${equal ? "(equal within 1e-6)" : "(MISMATCH)"}`,
      `  speed ratio graphology / renkei   ${(theirs.ms / ours.ms).toFixed(2)}x wall, ${(theirs.cpuMs / ours.cpuMs).toFixed(2)}x CPU`,
    ].join("\n"),
  );
  return equal;
}

console.log(`node ${process.version}, ${process.platform} ${process.arch}, best of ${ROUNDS} alternating runs`);
let ok = true;
for (const c of CASES) ok = run(c) && ok;
if (!ok) process.exitCode = 1;
