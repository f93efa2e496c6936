/**
 * @module matchmaking/engine/profile-index
 * An incremental inverted index over one kind of profile (companies, or buyer requests): posting
 * lists for terms, glossary concepts and HS prefixes (2, 4 and 6 digits), plus a document store the
 * scorer reads. Documents get increasing numbers, so appending keeps every list sorted; removal
 * leaves a tombstone and a list is compacted once half of it is dead. Statistics (document count,
 * document frequencies, average length) are always those of the live documents.
 */
import type { HsFeature } from "./analyse.ts";

/**
 * One integer per HS prefix, so prefixes of different lengths never collide and sort cheaply:
 * chapters 0–99, headings 100–10 099, subheadings 10 100 and up.
 */
export function hsKey(prefix: string): number {
  const n = Number(prefix);
  return prefix.length === 2 ? n : prefix.length === 4 ? 100 + n : 10_100 + n;
}

/** Number of digits a prefix key stands for. */
export function hsKeyLevel(key: number): 2 | 4 | 6 {
  return key < 100 ? 2 : key < 10_100 ? 4 : 6;
}

/** The prefix string of a key. */
export function hsKeyPrefix(key: number): string {
  const level = hsKeyLevel(key);
  const n = level === 2 ? key : level === 4 ? key - 100 : key - 10_100;
  return String(n).padStart(level, "0");
}

/** A profile as the scorer sees it; `attrs` carries the side-specific facts (markets, volume…). */
export interface StoredDoc<A> {
  id: string;
  /** Term ids, ascending, with their frequencies. */
  terms: Int32Array;
  tfs: Uint16Array;
  length: number;
  /** Concept ids, ascending, with the first words that named each. */
  concepts: Int32Array;
  conceptWords: string[];
  /** HS prefix keys (see `hsKey`), ascending, with the best confidence of the profile's codes under each. */
  hsKeys: Int32Array;
  hsVals: Float64Array;
  hs: HsFeature[];
  /**
   * Tier of the document (0 or 1): each tier has its own posting lists, so the top-k can bound the
   * fit factor per tier (vetted companies are tier 1).
   */
  tier: 0 | 1;
  attrs: A;
}

/** Number of tiers; a list key is `id · TIERS + tier`. */
export const TIERS = 2;

export class PostingList {
  docs = new Int32Array(4);
  vals = new Float64Array(4);
  size = 0;
  dead = 0;
  /** Largest value in the list (term frequency or confidence); an upper bound after removals. */
  maxVal = 0;
  /** Smallest document length in the list (for the BM25 bound); a lower bound after removals. */
  minLen = Number.POSITIVE_INFINITY;

  push(doc: number, val: number, len: number): void {
    if (this.size === this.docs.length) {
      const docs = new Int32Array(this.size * 2);
      docs.set(this.docs);
      this.docs = docs;
      const vals = new Float64Array(this.size * 2);
      vals.set(this.vals);
      this.vals = vals;
    }
    this.docs[this.size] = doc;
    this.vals[this.size] = val;
    this.size++;
    if (val > this.maxVal) this.maxVal = val;
    if (len < this.minLen) this.minLen = len;
  }

  get live(): number {
    return this.size - this.dead;
  }

  /** Drops dead entries and recomputes the bounds. */
  compact(isLive: (doc: number) => boolean, lengthOf: (doc: number) => number): void {
    let w = 0;
    this.maxVal = 0;
    this.minLen = Number.POSITIVE_INFINITY;
    for (let r = 0; r < this.size; r++) {
      const d = this.docs[r] ?? 0;
      if (!isLive(d)) continue;
      const v = this.vals[r] ?? 0;
      this.docs[w] = d;
      this.vals[w] = v;
      w++;
      if (v > this.maxVal) this.maxVal = v;
      const len = lengthOf(d);
      if (len < this.minLen) this.minLen = len;
    }
    this.size = w;
    this.dead = 0;
  }
}

export class ProfileIndex<A> {
  readonly docs: (StoredDoc<A> | undefined)[] = [];
  /** Posting lists by `id · TIERS + tier` (term id, concept id, HS key). */
  readonly termLists = new Map<number, PostingList>();
  readonly conceptLists = new Map<number, PostingList>();
  readonly hsLists = new Map<number, PostingList>();
  private readonly byId = new Map<string, number>();
  private lengths = new Float64Array(1024);
  private liveCount = 0;
  private totalLength = 0;

  get size(): number {
    return this.liveCount;
  }

  get averageLength(): number {
    return this.liveCount ? this.totalLength / this.liveCount : 0;
  }

  lengthOf(doc: number): number {
    return this.lengths[doc] ?? 0;
  }

  /** One past the largest document number (live or not). */
  get capacity(): number {
    return this.docs.length;
  }

  /** Live documents containing a term, all tiers together. */
  termDf(term: number): number {
    let df = 0;
    for (let t = 0; t < TIERS; t++) df += this.termLists.get(term * TIERS + t)?.live ?? 0;
    return df;
  }

  conceptDf(concept: number): number {
    let df = 0;
    for (let t = 0; t < TIERS; t++) df += this.conceptLists.get(concept * TIERS + t)?.live ?? 0;
    return df;
  }

  docNumber(id: string): number | undefined {
    return this.byId.get(id);
  }

  get(id: string): StoredDoc<A> | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.docs[n];
  }

  /** Adds or replaces a document; it is matchable at once. Returns its document number. */
  put(doc: StoredDoc<A>): number {
    this.remove(doc.id);
    const n = this.docs.length;
    this.docs.push(doc);
    this.byId.set(doc.id, n);
    if (n >= this.lengths.length) {
      const grown = new Float64Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[n] = doc.length;
    this.liveCount++;
    this.totalLength += doc.length;
    const t = doc.tier;
    for (let i = 0; i < doc.terms.length; i++) {
      listFor(this.termLists, (doc.terms[i] ?? 0) * TIERS + t).push(n, doc.tfs[i] ?? 0, doc.length);
    }
    for (let i = 0; i < doc.concepts.length; i++) listFor(this.conceptLists, (doc.concepts[i] ?? 0) * TIERS + t).push(n, 1, doc.length);
    for (let i = 0; i < doc.hsKeys.length; i++) {
      listFor(this.hsLists, (doc.hsKeys[i] ?? 0) * TIERS + t).push(n, doc.hsVals[i] ?? 0, doc.length);
    }
    return n;
  }

  remove(id: string): boolean {
    const n = this.byId.get(id);
    if (n === undefined) return false;
    const doc = this.docs[n];
    this.byId.delete(id);
    this.docs[n] = undefined;
    if (!doc) return false;
    this.liveCount--;
    this.totalLength -= doc.length;
    const isLive = (d: number) => this.docs[d] !== undefined;
    const lengthOf = (d: number) => this.lengthOf(d);
    const bury = <K>(lists: Map<K, PostingList>, key: K) => {
      const list = lists.get(key);
      if (!list) return;
      list.dead++;
      if (list.live === 0) lists.delete(key);
      else if (list.dead * 2 > list.size) list.compact(isLive, lengthOf);
    };
    for (const t of doc.terms) bury(this.termLists, t * TIERS + doc.tier);
    for (const c of doc.concepts) bury(this.conceptLists, c * TIERS + doc.tier);
    for (const k of doc.hsKeys) bury(this.hsLists, k * TIERS + doc.tier);
    return true;
  }
}

function listFor<K>(lists: Map<K, PostingList>, key: K): PostingList {
  let list = lists.get(key);
  if (!list) {
    list = new PostingList();
    lists.set(key, list);
  }
  return list;
}
