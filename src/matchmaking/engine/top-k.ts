/**
 * @module matchmaking/engine/top-k
 * Exact top-k retrieval. `topKExhaustive` scores every live candidate; `topKIndexed` walks the posting
 * lists of the query's terms, concepts and HS prefixes document-at-a-time with MaxScore pruning (see
 * its comment): lists whose combined upper bound cannot reach θ, the k-th best score so far, are only
 * probed, never walked; per-tier bounds on the fit factor (vetted companies are indexed apart) let
 * more of them drop out; candidates are dropped as soon as their partial bound falls under θ. Both
 * use the same arithmetic and order by (score desc, id asc), so they return the same list, scores
 * equal to the bit. HS lists combine by max, text and concepts by sum, in the bounds as in the score.
 */
import type { PostingList, ProfileIndex } from "./profile-index.ts";
import { TIERS } from "./profile-index.ts";
import type { QueryPlan } from "./scoring.ts";
import { relevance, saturation } from "./scoring.ts";

/** Slack on pruning decisions so floating-point summation order can never drop a true member. */
const EPSILON = 1e-9;

export interface Scored {
  doc: number;
  id: string;
  score: number;
}

export interface TopKStats {
  /** Documents the index walk looked at (or all live documents, exhaustively). */
  visited: number;
  /** Documents fully scored. */
  scored: number;
}

/** True when a ranks after b: lower score, or equal score and larger id. */
function worse(a: Scored, b: Scored): boolean {
  return a.score < b.score || (a.score === b.score && a.id > b.id);
}

/** Bounded heap keeping the k best; the root is the worst kept. */
class TopHeap {
  readonly items: Scored[] = [];
  constructor(readonly k: number) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  get threshold(): number {
    return this.full ? (this.items[0]?.score ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY;
  }

  /** Offers a candidate; returns true when the kept set changed. */
  offer(s: Scored): boolean {
    const h = this.items;
    if (!this.full) {
      h.push(s);
      this.up(h.length - 1);
      return true;
    }
    const root = h[0];
    if (!root || !worse(root, s)) return false;
    h[0] = s;
    this.down(0);
    return true;
  }

  private up(i: number): void {
    const h = this.items;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const a = h[i];
      const b = h[p];
      if (!a || !b || !worse(a, b)) break;
      h[i] = b;
      h[p] = a;
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && worse(h[l] as Scored, h[m] as Scored)) m = l;
      if (r < h.length && worse(h[r] as Scored, h[m] as Scored)) m = r;
      if (m === i) break;
      const t = h[i] as Scored;
      h[i] = h[m] as Scored;
      h[m] = t;
      i = m;
    }
  }

  sorted(): Scored[] {
    return [...this.items].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  }
}

/** Boost factor of the candidate with a document number for the current query, or −1 when it is not eligible. */
export type FactorOf = (doc: number) => number;

export function topKExhaustive<A>(
  plan: QueryPlan,
  index: ProfileIndex<A>,
  factorOf: FactorOf,
  k: number,
): { results: Scored[]; stats: TopKStats } {
  const heap = new TopHeap(k);
  let visited = 0;
  for (let doc = 0; doc < index.capacity; doc++) {
    const d = index.docs[doc];
    if (!d) continue;
    visited++;
    const f = factorOf(doc);
    if (f < 0) continue;
    const score = relevance(plan, d) * f;
    if (score > 0) heap.offer({ doc, id: d.id, score });
  }
  return { results: heap.sorted(), stats: { visited, scored: visited } };
}

const TEXT = 0;
const CONCEPT = 1;
const HS = 2;
const END = Number.MAX_SAFE_INTEGER;

interface Cursor {
  list: PostingList;
  kind: number;
  /** Position of the term, concept or HS key in the plan. */
  slot: number;
  weight: number;
  ub: number;
  pos: number;
  /** Document at `pos`, END when exhausted. */
  doc: number;
  /** Tier of every document in the list. */
  tier: number;
  essential: boolean;
}

/** Moves a cursor to the first posting ≥ doc (galloping, then binary search). */
function seek(c: Cursor, doc: number): void {
  const docs = c.list.docs;
  const size = c.list.size;
  let lo = c.pos;
  if (lo >= size || (docs[lo] ?? END) >= doc) return;
  let step = 1;
  let hi = lo + 1;
  while (hi < size && (docs[hi] ?? END) < doc) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > size) hi = size;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] ?? END) < doc) lo = mid;
    else hi = mid;
  }
  c.pos = hi;
  c.doc = hi < size ? (docs[hi] ?? END) : END;
}

function addCursor(cursors: Cursor[], plan: QueryPlan, list: PostingList | undefined, kind: number, slot: number, weight: number, tier: number): void {
  if (!list || list.size === 0) return;
  const ub = kind === CONCEPT ? weight : kind === HS ? weight * list.maxVal : weight * saturation(list.maxVal, list.minLen, plan);
  cursors.push({ list, kind, slot, weight, ub, pos: 0, doc: list.docs[0] ?? END, tier, essential: true });
}

function cursorsFor<A>(plan: QueryPlan, index: ProfileIndex<A>): Cursor[] {
  const cursors: Cursor[] = [];
  for (let t = 0; t < TIERS; t++) {
    for (let i = 0; i < plan.textIds.length; i++) addCursor(cursors, plan, index.termLists.get((plan.textIds[i] ?? 0) * TIERS + t), TEXT, i, plan.textW[i] ?? 0, t);
    for (let i = 0; i < plan.conceptIds.length; i++) addCursor(cursors, plan, index.conceptLists.get((plan.conceptIds[i] ?? 0) * TIERS + t), CONCEPT, i, plan.conceptW[i] ?? 0, t);
    for (let i = 0; i < plan.hsKeys.length; i++) addCursor(cursors, plan, index.hsLists.get((plan.hsKeys[i] ?? 0) * TIERS + t), HS, i, plan.hsW[i] ?? 0, t);
  }
  return cursors;
}

/**
 * Which documents the seeding scored, as generation stamps by document number: reused across queries,
 * so a query neither allocates a set nor hashes its members (top-k runs synchronously, one at a time).
 */
let seedStamps = new Uint32Array(1024);
let seedGeneration = 0;

function nextSeedGeneration(capacity: number): number {
  if (seedStamps.length < capacity) seedStamps = new Uint32Array(Math.max(capacity, seedStamps.length * 2));
  seedGeneration++;
  if (seedGeneration === 0xffffffff) {
    seedStamps.fill(0);
    seedGeneration = 1;
  }
  return seedGeneration;
}

/** Seeding: documents scored up front to raise θ before the walk, when the lists are long enough to need it. */
export interface TopKTuning {
  /** Most postings seeded. */
  seedBudget: number;
  /** Seed only when the query's lists hold more postings than this. */
  seedWhenPostings: number;
}

export const DEFAULT_TUNING: TopKTuning = { seedBudget: 128, seedWhenPostings: 8_192 };

/** What a cursor's current posting adds to its document's relevance. */
function valueAt(c: Cursor, length: number, plan: QueryPlan): number {
  const val = c.list.vals[c.pos] ?? 0;
  return c.kind === CONCEPT ? c.weight : c.kind === HS ? c.weight * val : c.weight * saturation(val, length, plan);
}

/**
 * MaxScore over the query's posting lists. The lists are split into essential ones, walked document by
 * document, and non-essential ones, only probed: the largest lists whose combined bound (sum, max for
 * HS) stays under θ, the k-th best score so far, since a document found only there cannot reach it.
 * The split grows as θ rises. A candidate gets its exact contributions from the essential lists, its
 * fit factor, then the non-essential bounds are replaced by what it really has, strongest first, until
 * it cannot reach θ or all are known. Its score is then summed from the per-term contributions in the
 * plan's order, the same arithmetic as `relevance`, so it equals the exhaustive scorer's to the bit.
 * When the lists are long, the strongest short lists are scored first (seeding) so θ starts high.
 */
export function topKIndexed<A>(
  plan: QueryPlan,
  index: ProfileIndex<A>,
  factorOf: FactorOf,
  k: number,
  tuning: TopKTuning = DEFAULT_TUNING,
  tierMax: readonly number[] = [1, 1],
): { results: Scored[]; stats: TopKStats } {
  const cursors = cursorsFor(plan, index);
  const heap = new TopHeap(k);
  let theta = Number.NEGATIVE_INFINITY;
  let visited = 0;
  let scored = 0;

  // Seeding: score the documents of the strongest short lists outright (they are skipped later).
  const gen = nextSeedGeneration(index.capacity);
  const stamps = seedStamps;
  let postings = 0;
  for (const c of cursors) postings += c.list.size;
  let budget = postings > tuning.seedWhenPostings ? tuning.seedBudget : 0;
  // Most relevance a document of each tier can have (sum of the bounds, max for HS): hopeless seeds
  // are not scored.
  const rmaxSum = new Float64Array(TIERS);
  const rmaxHs = new Float64Array(TIERS);
  for (const c of cursors) {
    if (c.kind === HS) rmaxHs[c.tier] = Math.max(rmaxHs[c.tier] ?? 0, c.ub);
    else rmaxSum[c.tier] = (rmaxSum[c.tier] ?? 0) + c.ub;
  }
  for (const c of [...cursors].sort((a, b) => b.ub - a.ub)) {
    if (c.list.size > budget) continue;
    budget -= c.list.size;
    for (let i = 0; i < c.list.size; i++) {
      const d = c.list.docs[i] ?? END;
      if (stamps[d] === gen) continue;
      stamps[d] = gen;
      visited++;
      const f = factorOf(d);
      const doc = index.docs[d];
      if (f < 0 || !doc || ((rmaxSum[c.tier] ?? 0) + (rmaxHs[c.tier] ?? 0)) * f < theta - EPSILON) continue;
      scored++;
      const score = relevance(plan, doc) * f;
      if (score > 0 && heap.offer({ doc: d, id: doc.id, score }) && heap.full) theta = heap.threshold;
    }
  }

  // Split into essential and non-essential lists, per tier.
  const split = new Splitter(cursors, tierMax);
  split.grow(theta);
  let essential = cursors.filter((c) => c.essential);

  // Per-candidate contributions by plan position (zero where the candidate lacks the term).
  const textC = new Float64Array(plan.textIds.length);
  const conceptC = new Float64Array(plan.conceptIds.length);
  const touched: Cursor[] = new Array<Cursor>(cursors.length);
  let touchedN = 0;
  for (;;) {
    let d = END;
    for (const c of essential) if (c.doc < d) d = c.doc;
    if (d === END) break;
    visited++;
    let sum = 0;
    let hs = 0;
    let length = -1;
    for (const c of essential) {
      if (c.doc !== d) continue;
      if (c.kind === TEXT && length < 0) length = index.lengthOf(d);
      const v = valueAt(c, length, plan);
      if (c.kind === HS) {
        if (v > hs) hs = v;
      } else {
        sum += v;
        if (c.kind === CONCEPT) conceptC[c.slot] = v;
        else textC[c.slot] = v;
        touched[touchedN++] = c;
      }
      c.pos++;
      c.doc = c.pos < c.list.size ? (c.list.docs[c.pos] ?? END) : END;
    }
    // Every list holding d is of d's tier; only that tier's non-essential lists can add to it.
    const tier = split.tierOf(d, essential);
    const part = split.parts[tier] as Part;
    let f = -1;
    if ((sum + part.sum + Math.max(hs, part.hs)) * (tierMax[tier] ?? 1) >= theta - EPSILON && stamps[d] !== gen) f = factorOf(d);
    // Dead documents keep their columns, so the factor is safe to compute; liveness is checked below.
    let alive = f >= 0;
    const ne = part.ne;
    for (let i = 0; alive && i < ne.length; i++) {
      if ((sum + (part.rest[i] ?? 0) + Math.max(hs, part.hsRest[i] ?? 0)) * f < theta - EPSILON) {
        alive = false;
        break;
      }
      const c = ne[i] as Cursor;
      seek(c, d);
      if (c.doc !== d) continue;
      if (c.kind === TEXT && length < 0) length = index.lengthOf(d);
      const v = valueAt(c, length, plan);
      if (c.kind === HS) {
        if (v > hs) hs = v;
      } else {
        sum += v;
        if (c.kind === CONCEPT) conceptC[c.slot] = v;
        else textC[c.slot] = v;
        touched[touchedN++] = c;
      }
    }
    if (alive && (sum + hs) * f >= theta - EPSILON) {
      // Same order of operations as `relevance`: text terms, then concepts, in plan order; then HS.
      let text = 0;
      for (let i = 0; i < textC.length; i++) text += textC[i] ?? 0;
      let concept = 0;
      for (let i = 0; i < conceptC.length; i++) concept += conceptC[i] ?? 0;
      const score = (text + concept + hs) * f;
      const doc = index.docs[d];
      scored++;
      if (doc && score > 0 && heap.offer({ doc: d, id: doc.id, score }) && heap.full && heap.threshold > theta) {
        theta = heap.threshold;
        if (split.grow(theta)) essential = cursors.filter((c) => c.essential);
      }
    }
    for (let i = 0; i < touchedN; i++) {
      const c = touched[i] as Cursor;
      if (c.kind === CONCEPT) conceptC[c.slot] = 0;
      else textC[c.slot] = 0;
    }
    touchedN = 0;
  }
  return { results: heap.sorted(), stats: { visited, scored } };
}

/** The non-essential lists of one tier, in probing order, with suffix bounds (unscaled). */
interface Part {
  sum: number;
  hs: number;
  ne: Cursor[];
  rest: Float64Array;
  hsRest: Float64Array;
}

/**
 * The essential / non-essential split, per tier: the largest lists of a tier whose combined bound
 * (sum, max for HS) times the tier's largest fit factor stays under θ become non-essential, probed
 * strongest first. A document is in lists of its own tier only, so each tier is bounded on its own.
 * The sets only grow as θ rises.
 */
class Splitter {
  readonly parts: Part[] = [];
  private readonly bySize: Cursor[];

  constructor(
    private readonly cursors: Cursor[],
    private readonly tierMax: readonly number[],
  ) {
    for (let t = 0; t < TIERS; t++) {
      this.parts.push({ sum: 0, hs: 0, ne: [], rest: new Float64Array(cursors.length + 1), hsRest: new Float64Array(cursors.length + 1) });
    }
    this.bySize = [...cursors].sort((a, b) => b.list.size - a.list.size);
  }

  /** The tier of the document the essential cursors just passed (the one that was at it). */
  tierOf(d: number, essential: Cursor[]): number {
    for (const c of essential) if (c.pos > 0 && c.list.docs[c.pos - 1] === d) return c.tier;
    return 0;
  }

  /** Moves lists out of the essential set for a new θ; true when any moved. */
  grow(theta: number): boolean {
    const changed = new Set<number>();
    for (const c of this.bySize) {
      if (!c.essential) continue;
      const part = this.parts[c.tier] as Part;
      const sum = part.sum + (c.kind === HS ? 0 : c.ub);
      const hs = c.kind === HS ? Math.max(part.hs, c.ub) : part.hs;
      if ((sum + hs) * (this.tierMax[c.tier] ?? 1) < theta - EPSILON) {
        c.essential = false;
        part.sum = sum;
        part.hs = hs;
        changed.add(c.tier);
      }
    }
    for (const t of changed) {
      const part = this.parts[t] as Part;
      part.ne = this.cursors.filter((c) => !c.essential && c.tier === t).sort((a, b) => b.ub - a.ub);
      const { ne, rest, hsRest } = part;
      rest[ne.length] = 0;
      hsRest[ne.length] = 0;
      for (let i = ne.length - 1; i >= 0; i--) {
        const c = ne[i] as Cursor;
        rest[i] = (rest[i + 1] ?? 0) + (c.kind === HS ? 0 : c.ub);
        hsRest[i] = Math.max(hsRest[i + 1] ?? 0, c.kind === HS ? c.ub : 0);
      }
    }
    return changed.size > 0;
  }
}
