/**
 * @module networks/graph/brokerage
 * Gould–Fernandez (1989) brokerage roles by group. Node b brokers every *open* directed two-path
 * a → b → c (a ≠ c, and no edge a → c), and the two-path is classified by the groups of a, b, c:
 *
 * | role           | groups                 | in the paper's terms                               |
 * | -------------- | ---------------------- | -------------------------------------------------- |
 * | coordinator    | g(a) = g(b) = g(c)     | brokers inside its own region                       |
 * | itinerant      | g(a) = g(c) ≠ g(b)     | an outsider linking two members of another region   |
 * | representative | g(a) = g(b) ≠ g(c)     | carries its region's ties outward (a pipeline end)  |
 * | gatekeeper     | g(b) = g(c) ≠ g(a)     | lets outside knowledge into its region              |
 * | liaison        | all three differ       | links two regions it belongs to neither of          |
 *
 * Undirected graphs: each edge counts in both directions, so every open path a – b – c is counted
 * twice (a→b→c and c→b→a) and representative and gatekeeper counts come out equal. Two-paths that
 * touch an ungrouped node are not classified; an ungrouped broker gets `null`.
 */
import type { Bilingual } from "../../core/domain.ts";
import { hasEdge, type Graph } from "./graph.ts";

export const BROKERAGE_ROLES = ["coordinator", "gatekeeper", "representative", "itinerant", "liaison"] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type BrokerageCounts = Record<BrokerageRole, number>;

export const BROKERAGE_ROLE_LABELS: Record<BrokerageRole, Bilingual> = {
  coordinator: { ja: "コーディネーター（域内調整役）", en: "Coordinator" },
  gatekeeper: { ja: "ゲートキーパー（門番役）", en: "Gatekeeper" },
  representative: { ja: "レプリゼンタティブ（代表役）", en: "Representative" },
  itinerant: { ja: "イテネラント（外部仲介役）", en: "Itinerant broker" },
  liaison: { ja: "リエゾン（連絡役）", en: "Liaison" },
};

export function emptyBrokerage(): BrokerageCounts {
  return { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 };
}

/** Role counts per node (index-aligned with `graph.ids`); `null` for nodes without a group. */
export function brokerage(graph: Graph): (BrokerageCounts | null)[] {
  const n = graph.ids.length;
  const groupIds = groupIndices(graph.groups);
  const result: (BrokerageCounts | null)[] = [];
  for (let b = 0; b < n; b++) {
    const gb = groupIds[b]!;
    if (gb < 0) {
      result.push(null);
      continue;
    }
    const counts = emptyBrokerage();
    for (let i = graph.inOffsets[b]!; i < graph.inOffsets[b + 1]!; i++) {
      const a = graph.inTargets[i]!;
      const ga = groupIds[a]!;
      if (ga < 0) continue;
      for (let j = graph.outOffsets[b]!; j < graph.outOffsets[b + 1]!; j++) {
        const c = graph.outTargets[j]!;
        const gc = groupIds[c]!;
        if (c === a || gc < 0 || hasEdge(graph, a, c)) continue;
        counts[classify(ga, gb, gc)] += 1;
      }
    }
    result.push(counts);
  }
  return result;
}

function classify(ga: number, gb: number, gc: number): BrokerageRole {
  if (ga === gb) return gb === gc ? "coordinator" : "representative";
  if (gb === gc) return "gatekeeper";
  return ga === gc ? "itinerant" : "liaison";
}

function groupIndices(groups: readonly (string | null)[]): Int32Array {
  const ids = new Map<string, number>();
  const out = new Int32Array(groups.length);
  groups.forEach((g, v) => {
    if (g === null) {
      out[v] = -1;
      return;
    }
    let id = ids.get(g);
    if (id === undefined) {
      id = ids.size;
      ids.set(g, id);
    }
    out[v] = id;
  });
  return out;
}
