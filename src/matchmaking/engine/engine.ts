/**
 * @module matchmaking/engine/engine
 * The matching engine: holds company profiles and buyer requests in two incremental indexes and
 * answers both directions — companies for a request, requests for a company — with the exact top-k
 * and the reasons for each match. Adding, changing or removing a profile takes effect at once; there
 * is no rebuild step. Pure: no I/O beyond loading the shipped nomenclature and glossary by default.
 */
import type { ProfileFeatures } from "./analyse.ts";
import { analyseProfile } from "./analyse.ts";
import type { Glossary } from "./glossary.ts";
import { loadGlossary } from "./glossary.ts";
import type { HsNomenclature } from "./hs.ts";
import { loadHsNomenclature } from "./hs.ts";
import type { HsSuggestion } from "./infer.ts";
import { searchHsCodes } from "./infer.ts";
import type { StoredDoc } from "./profile-index.ts";
import { hsKey, ProfileIndex } from "./profile-index.ts";
import { validCompany, validRequest } from "./profiles.ts";
import { explain } from "./reasons.ts";
import type { CompanyAttrs, RequestAttrs } from "./fit.ts";
import { CompanyColumns, companyAttrs, pairFit, RequestColumns, requestAttrs, tierMaxima } from "./fit.ts";
import type { QueryPlan } from "./scoring.ts";
import { buildPlan } from "./scoring.ts";
import type { Scored, TopKStats, TopKTuning } from "./top-k.ts";
import { DEFAULT_TUNING, topKExhaustive, topKIndexed } from "./top-k.ts";
import type {
  BuyerRequest,
  BuyerRequestInput,
  CodeOrigin,
  CompanyProfile,
  CompanyProfileInput,
  Match,
  MatchOptions,
  MatchWeights,
} from "./types.ts";
import { DEFAULT_WEIGHTS } from "./types.ts";

export interface MatchEngineOptions {
  hs?: HsNomenclature;
  glossary?: Glossary;
  weights?: Partial<Omit<MatchWeights, "level" | "confidence" | "bm25">> & {
    level?: Partial<MatchWeights["level"]>;
    confidence?: Partial<MatchWeights["confidence"]>;
    bm25?: Partial<MatchWeights["bm25"]>;
  };
  /** Internal knobs of the pruned top-k (results never depend on them). */
  topK?: Partial<TopKTuning>;
}

export class MatchEngine {
  readonly hs: HsNomenclature;
  readonly glossary: Glossary;
  readonly weights: MatchWeights;
  private readonly tuning: TopKTuning;
  private readonly companies = new ProfileIndex<CompanyAttrs>();
  private readonly requests = new ProfileIndex<RequestAttrs>();
  private readonly companyColumns = new CompanyColumns();
  private readonly requestColumns = new RequestColumns();
  private readonly vocab = new Map<string, number>();
  private readonly words: string[] = [];
  /** Counters of the last query, for benchmarks. */
  lastStats: TopKStats = { visited: 0, scored: 0 };

  constructor(options: MatchEngineOptions = {}) {
    this.hs = options.hs ?? loadHsNomenclature();
    this.glossary = options.glossary ?? loadGlossary();
    const w = options.weights ?? {};
    this.weights = {
      ...DEFAULT_WEIGHTS,
      ...w,
      level: { ...DEFAULT_WEIGHTS.level, ...w.level },
      confidence: { ...DEFAULT_WEIGHTS.confidence, ...w.confidence },
      bm25: { ...DEFAULT_WEIGHTS.bm25, ...w.bm25 },
    };
    this.tuning = { ...DEFAULT_TUNING, ...options.topK };
  }

  get companyCount(): number {
    return this.companies.size;
  }

  get requestCount(): number {
    return this.requests.size;
  }

  /** Adds or replaces a company profile (validated; throws AppError naming each bad field). */
  upsertCompany(input: CompanyProfileInput): CompanyProfile {
    const profile = validCompany(input, this.hs);
    const doc = this.companyDoc(profile, true);
    this.companyColumns.set(this.companies.put(doc), doc.attrs);
    return profile;
  }

  /** Adds or replaces a buyer request (validated; throws AppError naming each bad field). */
  upsertRequest(input: BuyerRequestInput): BuyerRequest {
    const profile = validRequest(input, this.hs);
    const doc = this.requestDoc(profile, true);
    this.requestColumns.set(this.requests.put(doc), doc.attrs);
    return profile;
  }

  removeCompany(id: string): boolean {
    return this.companies.remove(id);
  }

  removeRequest(id: string): boolean {
    return this.requests.remove(id);
  }

  /** Best companies for a stored request (by id) or an ad-hoc one; best first, ties by id. */
  matchCompaniesForRequest(request: string | BuyerRequestInput, options: MatchOptions = {}): Match[] {
    const query = typeof request === "string" ? this.requests.get(request) : this.requestDoc(validRequest(request, this.hs), false);
    if (!query) return [];
    const w = this.weights;
    const plan = buildPlan(query, this.companies, w);
    const results = this.run(plan, this.companies, this.companyColumns.factorFor(query.attrs, w), options, tierMaxima(query.attrs, w));
    return results.flatMap((s) => {
      const company = this.companies.docs[s.doc];
      return company ? [this.toMatch(s, plan, query, company, true)] : [];
    });
  }

  /** Best requests for a stored company (by id) or an ad-hoc one; best first, ties by id. */
  matchRequestsForCompany(company: string | CompanyProfileInput, options: MatchOptions = {}): Match[] {
    const query = typeof company === "string" ? this.companies.get(company) : this.companyDoc(validCompany(company, this.hs), false);
    if (!query) return [];
    const w = this.weights;
    const plan = buildPlan(query, this.requests, w);
    const results = this.run(plan, this.requests, (d) => this.requestColumns.factor(query.attrs, d, w), options);
    return results.flatMap((s) => {
      const request = this.requests.docs[s.doc];
      return request ? [this.toMatch(s, plan, request, query, false)] : [];
    });
  }

  /** HS codes a text suggests, with where each came from (for the profile editor). */
  inferHsCodes(text: string): CodeOrigin[] {
    return this.analyse(text, []).hs.map((f) => ({
      code: f.code,
      source: f.source,
      words: f.words,
      ...(f.concept !== undefined ? { concept: this.glossary.entry(f.concept).id } : {}),
    }));
  }

  /** HS picker search in Japanese or English. */
  searchHs(query: string, limit = 20): HsSuggestion[] {
    return searchHsCodes(query, this.hs, this.glossary, limit);
  }

  private run<A>(
    plan: QueryPlan,
    index: ProfileIndex<A>,
    factorOf: (doc: number) => number,
    options: MatchOptions,
    tierMax?: readonly number[],
  ): Scored[] {
    const k = Math.max(0, Math.floor(options.k ?? 10));
    if (k === 0 || plan.available === 0) {
      this.lastStats = { visited: 0, scored: 0 };
      return [];
    }
    const { results, stats } = options.exhaustive ? topKExhaustive(plan, index, factorOf, k) : topKIndexed(plan, index, factorOf, k, this.tuning, tierMax);
    this.lastStats = stats;
    return results;
  }

  private toMatch(
    s: Scored,
    plan: QueryPlan,
    request: StoredDoc<RequestAttrs>,
    company: StoredDoc<CompanyAttrs>,
    queryIsRequest: boolean,
  ): Match {
    const fit = pairFit(request.attrs, company.attrs, this.weights);
    const reasons = explain({ plan, request, company, queryIsRequest, fit, glossary: this.glossary, termText: (id) => this.words[id] ?? "" });
    return { id: s.id, score: s.score, reasons };
  }

  private analyse(text: string, codes: readonly string[]): ProfileFeatures {
    return analyseProfile(text, codes, { hs: this.hs, glossary: this.glossary, confidence: this.weights.confidence });
  }

  private companyDoc(p: CompanyProfile, index: boolean): StoredDoc<CompanyAttrs> {
    const text = p.name ? `${p.name}\n${p.description}` : p.description;
    return this.toDoc(p.id, this.analyse(text, p.hsCodes), companyAttrs(p), p.vetted ? 1 : 0, index);
  }

  private requestDoc(p: BuyerRequest, index: boolean): StoredDoc<RequestAttrs> {
    return this.toDoc(p.id, this.analyse(p.description, p.hsCodes), requestAttrs(p), 0, index);
  }

  /**
   * Builds the stored form. Terms of indexed profiles join the vocabulary; an ad-hoc query's unknown
   * terms get negative ids (they have no postings but still count in the query's normaliser).
   */
  private toDoc<A>(id: string, f: ProfileFeatures, attrs: A, tier: 0 | 1, index: boolean): StoredDoc<A> {
    let unknown = -1;
    const pairs: [number, number][] = [];
    for (const [term, tf] of f.terms) {
      let tid = this.vocab.get(term);
      if (tid === undefined) {
        if (index) {
          tid = this.words.length;
          this.vocab.set(term, tid);
          this.words.push(term);
        } else tid = unknown--;
      }
      pairs.push([tid, Math.min(tf, 65_535)]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const concepts = [...f.concepts.entries()].sort((a, b) => a[0] - b[0]);
    const keys = new Map<number, number>();
    for (const h of f.hs) {
      for (let len = 2; len <= h.code.length; len += 2) {
        const key = hsKey(h.code.slice(0, len));
        if ((keys.get(key) ?? 0) < h.confidence) keys.set(key, h.confidence);
      }
    }
    const hsEntries = [...keys.entries()].sort((a, b) => a[0] - b[0]);
    return {
      id,
      terms: Int32Array.from(pairs, (p) => p[0]),
      tfs: Uint16Array.from(pairs, (p) => p[1]),
      length: f.length,
      concepts: Int32Array.from(concepts, (c) => c[0]),
      conceptWords: concepts.map((c) => c[1]),
      hsKeys: Int32Array.from(hsEntries, (e) => e[0]),
      hsVals: Float64Array.from(hsEntries, (e) => e[1]),
      hs: f.hs,
      tier,
      attrs,
    };
  }
}

export function createMatchEngine(options: MatchEngineOptions = {}): MatchEngine {
  return new MatchEngine(options);
}
