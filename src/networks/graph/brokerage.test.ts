import { describe, it, expect } from "vitest";
import { brokerage, emptyBrokerage, type BrokerageCounts } from "./brokerage.ts";
import { seededRandom } from "./generate.ts";
import { buildGraph, type EdgeInput, type NodeInput } from "./graph.ts";

const groupsOf = (spec: Record<string, string>): NodeInput[] =>
  Object.entries(spec).map(([id, group]) => ({ id, group }));

describe("Gould–Fernandez brokerage", () => {
  // One broker b in region P with two-paths of every kind, and one of them closed by a direct tie.
  const nodes = groupsOf({ b: "P", p1: "P", p2: "P", q1: "Q", q2: "Q", r1: "R" });
  const edges: EdgeInput[] = [
    { source: "p1", target: "b" },
    { source: "q1", target: "b" },
    { source: "b", target: "p2" },
    { source: "b", target: "q2" },
    { source: "b", target: "r1" },
    { source: "p1", target: "q2" }, // closes p1 → b → q2
  ];

  it("classifies each open two-path by the groups of its ends", () => {
    const roles = brokerage(buildGraph(edges, { directed: true, nodes }));
    expect(roles[0]).toEqual({ coordinator: 1, representative: 1, gatekeeper: 1, itinerant: 1, liaison: 1 });
    for (const other of roles.slice(1)) expect(other).toEqual(emptyBrokerage());
  });

  it("counts an undirected path in both directions (representative = gatekeeper)", () => {
    const g = buildGraph(
      [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
      ],
      { nodes: groupsOf({ a: "P", b: "P", c: "Q" }) },
    );
    expect(brokerage(g)[1]).toEqual({ ...emptyBrokerage(), representative: 1, gatekeeper: 1 });
  });

  it("gives null to ungrouped brokers and skips two-paths through ungrouped ends", () => {
    const g = buildGraph(edges, { directed: true, nodes: nodes.map((n) => (n.id === "r1" || n.id === "b" ? { id: n.id } : n)) });
    expect(brokerage(g)[0]).toBeNull();
    const g2 = buildGraph(edges, { directed: true, nodes: nodes.map((n) => (n.id === "r1" ? { id: n.id } : n)) });
    expect(brokerage(g2)[0]).toEqual({ coordinator: 1, representative: 0, gatekeeper: 1, itinerant: 1, liaison: 0 });
  });

  it("matches a brute-force count over all triples on random directed graphs", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 5; round++) {
      const n = 25;
      const groups = Array.from({ length: n }, () => "ABC"[Math.floor(random() * 3)]!);
      const list: EdgeInput[] = [];
      const arcs = new Set<string>();
      for (let k = 0; k < 90; k++) {
        const a = Math.floor(random() * n);
        const c = Math.floor(random() * n);
        if (a === c) continue;
        list.push({ source: `v${a}`, target: `v${c}` });
        arcs.add(`${a},${c}`);
      }
      const g = buildGraph(list, { directed: true, nodes: groups.map((group, i) => ({ id: `v${i}`, group })) });
      const expected: BrokerageCounts[] = groups.map(() => emptyBrokerage());
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++)
          for (let c = 0; c < n; c++) {
            if (a === b || b === c || a === c) continue;
            if (!arcs.has(`${a},${b}`) || !arcs.has(`${b},${c}`) || arcs.has(`${a},${c}`)) continue;
            const [ga, gb, gc] = [groups[a], groups[b], groups[c]];
            const role =
              ga === gb && gb === gc ? "coordinator"
              : ga === gc ? "itinerant"
              : ga === gb ? "representative"
              : gb === gc ? "gatekeeper"
              : "liaison";
            expected[b]![role] += 1;
          }
      expect(brokerage(g)).toEqual(expected);
    }
  });
});
