/**
 * @module bench/match-judged/evaluate
 * Quality of the matching engine on the judged set (pool.json: realistic company profiles in
 * Japanese and English; queries.json: buyer requests with graded relevance 0–3 for pool members,
 * unlisted = 0). Reports nDCG@10 for the engine and for two baselines measured the same way: plain
 * BM25 on the same tokens (text only, no glossary, no codes) and HS-code-only ranking on declared codes.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MatchEngineOptions } from "../../src/matchmaking/engine/engine.ts";
import { createMatchEngine } from "../../src/matchmaking/engine/engine.ts";
import { tokenise } from "../../src/matchmaking/engine/text.ts";
import type { BuyerRequestInput, CompanyProfileInput } from "../../src/matchmaking/engine/types.ts";

export interface JudgedQuery extends BuyerRequestInput {
  lang: "ja" | "en";
  judgments: Record<string, number>;
}

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

export function loadJudged(): { pool: CompanyProfileInput[]; queries: JudgedQuery[] } {
  return {
    pool: JSON.parse(readFileSync(here("./pool.json"), "utf8")) as CompanyProfileInput[],
    queries: JSON.parse(readFileSync(here("./queries.json"), "utf8")) as JudgedQuery[],
  };
}

/** nDCG@k with gains 2^rel − 1; the ideal ranking is built from all judged grades. */
export function ndcgAt(ranked: readonly string[], judgments: Record<string, number>, k = 10): number {
  const dcg = (grades: number[]) => grades.slice(0, k).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => judgments[id] ?? 0)) / ideal;
}

export type Ranking = Map<string, string[]>;

/** The engine as shipped (or with other weights, for ablations). */
export function engineRanking(pool: CompanyProfileInput[], queries: JudgedQuery[], options: MatchEngineOptions = {}): Ranking {
  const engine = createMatchEngine(options);
  for (const c of pool) engine.upsertCompany(c);
  return new Map(queries.map((q) => [q.id, engine.matchCompaniesForRequest(q, { k: 10 }).map((m) => m.id)]));
}

/** Plain BM25 (k1 1.2, b 0.75) over the same normalised tokens: no glossary, no codes, no fit. */
export function bm25Ranking(pool: CompanyProfileInput[], queries: JudgedQuery[]): Ranking {
  const docs = pool.map((c) => {
    const tf = new Map<string, number>();
    let len = 0;
    for (const t of tokenise(`${c.name ?? ""}\n${c.description}`).tokens) {
      if (!t.norm) continue;
      tf.set(t.norm, (tf.get(t.norm) ?? 0) + 1);
      len++;
    }
    return { id: c.id, tf, len };
  });
  const avg = docs.reduce((s, d) => s + d.len, 0) / docs.length;
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return new Map(
    queries.map((q) => {
      const terms = new Set(tokenise(q.description).tokens.flatMap((t) => (t.norm ? [t.norm] : [])));
      const scored = docs
        .map((d) => {
          let s = 0;
          for (const t of terms) {
            const f = d.tf.get(t);
            if (!f) continue;
            const idf = Math.log(1 + (n - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
            s += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avg));
          }
          return { id: d.id, s };
        })
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
      return [q.id, scored.slice(0, 10).map((x) => x.id)];
    }),
  );
}

/** HS-code-only: proximity of declared codes (6 > 4 > 2 shared digits); requests without codes get nothing. */
export function hsOnlyRanking(pool: CompanyProfileInput[], queries: JudgedQuery[]): Ranking {
  const shared = (a: string, b: string) => {
    let l = 0;
    for (const len of [2, 4, 6]) if (a.length >= len && b.length >= len && a.slice(0, len) === b.slice(0, len)) l = len;
    return l === 6 ? 1 : l === 4 ? 0.7 : l === 2 ? 0.3 : 0;
  };
  return new Map(
    queries.map((q) => {
      const scored = pool
        .map((c) => ({ id: c.id, s: Math.max(0, ...(q.hsCodes ?? []).flatMap((a) => (c.hsCodes ?? []).map((b) => shared(a, b)))) }))
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1));
      return [q.id, scored.slice(0, 10).map((x) => x.id)];
    }),
  );
}

export interface QualityRow {
  system: string;
  all: number;
  withCodes: number;
  withoutCodes: number;
  en: number;
  ja: number;
}

/** Mean nDCG@10 overall and by slice (requests with / without HS codes, English / Japanese). */
export function summarise(system: string, ranking: Ranking, queries: JudgedQuery[]): QualityRow {
  const mean = (qs: JudgedQuery[]) => (qs.length ? qs.reduce((s, q) => s + ndcgAt(ranking.get(q.id) ?? [], q.judgments), 0) / qs.length : 0);
  return {
    system,
    all: mean(queries),
    withCodes: mean(queries.filter((q) => (q.hsCodes ?? []).length > 0)),
    withoutCodes: mean(queries.filter((q) => (q.hsCodes ?? []).length === 0)),
    en: mean(queries.filter((q) => q.lang === "en")),
    ja: mean(queries.filter((q) => q.lang === "ja")),
  };
}
