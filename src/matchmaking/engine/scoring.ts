/**
 * @module matchmaking/engine/scoring
 * The score of one (query, candidate) pair — the single function both the pruned top-k and the
 * exhaustive scorer call, so their results are identical by construction.
 *
 *   R = (w_hs·HS + w_concept·C + w_text·T) / W      W = sum of the weights the query can use
 *   score = R · (1 + Σ βᵢ·fᵢ) / (1 + Σ βᵢ)            over the fit boosts that apply to the pair
 *
 * HS = max over shared prefixes of level(prefix)·conf(query)·conf(candidate); C = share of the
 * query's concept idf mass the candidate has; T = BM25 normalised by the query's maximum. The fit
 * factor and the certification constraint are in fit.ts. See docs/matching.md.
 */
import type { ProfileIndex, StoredDoc } from "./profile-index.ts";
import { hsKeyLevel } from "./profile-index.ts";
import type { MatchWeights } from "./types.ts";

/** Per-query constants: weights already divided by the normalisers, so a candidate costs only lookups. */
export interface QueryPlan {
  /** Sum of the relevance weights the query can use (0: nothing to match on). */
  available: number;
  /** Text terms present in the index, ascending id, with w_text·idf·qw / (Z·W). */
  textIds: Int32Array;
  textW: Float64Array;
  /** Concepts present in the index, ascending id, with w_concept·idf / (Z·W). */
  conceptIds: Int32Array;
  conceptW: Float64Array;
  /** HS prefix keys, ascending, with w_hs·level·conf / W. */
  hsKeys: Int32Array;
  hsW: Float64Array;
  k1: number;
  b: number;
  avgLength: number;
}

export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25 term-frequency saturation of a candidate term. */
export function saturation(tf: number, length: number, plan: QueryPlan): number {
  const norm = plan.avgLength > 0 ? 1 - plan.b + (plan.b * length) / plan.avgLength : 1;
  return (tf * (plan.k1 + 1)) / (tf + plan.k1 * norm);
}

export function buildPlan<A>(query: StoredDoc<unknown>, index: ProfileIndex<A>, w: MatchWeights): QueryPlan {
  const n = index.size;
  const { k1, b } = w.bm25;
  const hasText = query.terms.length > 0;
  const hasConcepts = query.concepts.length > 0;
  const hasHs = query.hsKeys.length > 0;
  const available = (hasText ? w.text : 0) + (hasConcepts ? w.concept : 0) + (hasHs ? w.hs : 0);

  const textIds: number[] = [];
  const textW: number[] = [];
  let zText = 0;
  const termIdf: number[] = [];
  for (let i = 0; i < query.terms.length; i++) {
    const id = query.terms[i] ?? -1;
    const qtf = query.tfs[i] ?? 1;
    const df = id < 0 ? 0 : index.termDf(id);
    const weight = idf(n, df) * ((qtf * (k1 + 1)) / (qtf + k1));
    termIdf.push(weight);
    zText += weight * (k1 + 1);
  }
  for (let i = 0; i < query.terms.length; i++) {
    const id = query.terms[i] ?? -1;
    if (id < 0 || index.termDf(id) === 0) continue;
    textIds.push(id);
    textW.push((w.text * (termIdf[i] ?? 0)) / (zText * available));
  }

  const conceptIds: number[] = [];
  const conceptW: number[] = [];
  let zConcept = 0;
  const conceptIdf: number[] = [];
  for (const c of query.concepts) {
    const v = idf(n, index.conceptDf(c));
    conceptIdf.push(v);
    zConcept += v;
  }
  query.concepts.forEach((c, i) => {
    if (index.conceptDf(c) === 0) return;
    conceptIds.push(c);
    conceptW.push((w.concept * (conceptIdf[i] ?? 0)) / (zConcept * available));
  });

  const hsKeys: number[] = [];
  const hsW: number[] = [];
  query.hsKeys.forEach((key, i) => {
    hsKeys.push(key);
    hsW.push((w.hs * w.level[hsKeyLevel(key)] * (query.hsVals[i] ?? 0)) / available);
  });

  return {
    available,
    textIds: Int32Array.from(textIds),
    textW: Float64Array.from(textW),
    conceptIds: Int32Array.from(conceptIds),
    conceptW: Float64Array.from(conceptW),
    hsKeys: Int32Array.from(hsKeys),
    hsW: Float64Array.from(hsW),
    k1,
    b,
    avgLength: index.averageLength,
  };
}

/** R of a candidate: the weighted relevance in [0, 1]. */
export function relevance(plan: QueryPlan, doc: StoredDoc<unknown>): number {
  let text = 0;
  for (let i = 0, j = 0; i < plan.textIds.length && j < doc.terms.length; ) {
    const a = plan.textIds[i] ?? 0;
    const b = doc.terms[j] ?? 0;
    if (a === b) {
      text += (plan.textW[i] ?? 0) * saturation(doc.tfs[j] ?? 0, doc.length, plan);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  let concept = 0;
  for (let i = 0, j = 0; i < plan.conceptIds.length && j < doc.concepts.length; ) {
    const a = plan.conceptIds[i] ?? 0;
    const b = doc.concepts[j] ?? 0;
    if (a === b) {
      concept += plan.conceptW[i] ?? 0;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  let hs = 0;
  for (let i = 0, j = 0; i < plan.hsKeys.length && j < doc.hsKeys.length; ) {
    const a = plan.hsKeys[i] ?? 0;
    const b = doc.hsKeys[j] ?? 0;
    if (a === b) {
      const v = (plan.hsW[i] ?? 0) * (doc.hsVals[j] ?? 0);
      if (v > hs) hs = v;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return text + concept + hs;
}
