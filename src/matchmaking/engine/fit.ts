/**
 * @module matchmaking/engine/fit
 * The pair-level part of the score: whether a company holds every certification a request requires
 * (a hard constraint), and the fit boosts — market (the request's country among the company's export
 * destinations or target markets), vetting, capacity against volume — combined as
 * (1 + Σ β·f) / (1 + Σ β) over the boosts that apply. Attributes are flattened into numbers and
 * bitsets so the top-k can afford to compute the factor for every candidate it looks at.
 */
import countries from "i18n-iso-countries";
import type { BuyerRequest, CompanyProfile, MatchWeights } from "./types.ts";
import type { CertificationCode } from "./validators.ts";
import { CERTIFICATION_CODES } from "./validators.ts";

const COUNTRY_CODES = Object.keys(countries.getAlpha2Codes()).sort();
const COUNTRY_INDEX = new Map(COUNTRY_CODES.map((c, i) => [c, i]));
const WORDS = Math.ceil(COUNTRY_CODES.length / 32);

export interface CompanyAttrs {
  profile: CompanyProfile;
  certMask: number;
  vetted: boolean;
  /** NaN when not stated. */
  capacity: number;
  /** Bitsets over country indexes. */
  markets: Uint32Array;
  exported: Uint32Array;
}

export interface RequestAttrs {
  profile: BuyerRequest;
  requiredMask: number;
  /** Country index, −1 when none. */
  country: number;
  /** 0 when not stated. */
  volume: number;
}

const VETTED_BIT = 1 << 30;
const CERT_BITS = VETTED_BIT - 1;

function certMask(codes: readonly CertificationCode[]): number {
  let mask = 0;
  for (const c of codes) mask |= 1 << CERTIFICATION_CODES.indexOf(c);
  return mask;
}

function bitset(codes: readonly string[]): Uint32Array {
  const bits = new Uint32Array(WORDS);
  for (const c of codes) {
    const i = COUNTRY_INDEX.get(c);
    if (i !== undefined) bits[i >> 5] = (bits[i >> 5] ?? 0) | (1 << (i & 31));
  }
  return bits;
}

const has = (bits: Uint32Array, i: number) => (((bits[i >> 5] ?? 0) >>> (i & 31)) & 1) === 1;

export function companyAttrs(p: CompanyProfile): CompanyAttrs {
  return {
    profile: p,
    certMask: certMask(p.certifications),
    vetted: p.vetted,
    capacity: p.capacity ?? Number.NaN,
    markets: bitset(p.markets),
    exported: bitset(p.exportExperience),
  };
}

export function requestAttrs(p: BuyerRequest): RequestAttrs {
  return {
    profile: p,
    requiredMask: certMask(p.requiredCertifications),
    country: p.country ? (COUNTRY_INDEX.get(p.country) ?? -1) : -1,
    volume: p.volume !== null && p.volume > 0 ? p.volume : 0,
  };
}

/**
 * The largest factor a company of each index tier can reach for a request: unvetted companies (tier 0)
 * at most (1 + β_market + β_capacity) / D over the boosts that apply, vetted ones (tier 1) up to 1.
 */
export function tierMaxima(req: RequestAttrs, w: MatchWeights): [number, number] {
  const market = req.country >= 0 ? w.market : 0;
  const capacity = req.volume > 0 ? w.capacity : 0;
  return [(1 + market + capacity) / (1 + w.vetting + market + capacity), 1];
}

/** One fit boost: its value f in [0, 1] and what it adds to the numerator (β·f). */
export interface Boost {
  f: number;
  boost: number;
}

export interface PairFit {
  eligible: boolean;
  /** (1 + Σ β·f) / (1 + Σ β) over the applicable boosts. */
  factor: number;
  /** 1 + Σ β over the applicable boosts. */
  denominator: number;
  /** Applies when the request names a country. */
  market?: Boost;
  vetting: Boost;
  /** Applies when the request gives a volume. */
  capacity?: Boost;
}

/**
 * The factor from plain values, the one place its arithmetic lives: −1 when a required certification
 * is missing, else (1 + Σ β·f) / (1 + Σ β) over the boosts that apply.
 */
function factor(
  w: MatchWeights,
  requiredMask: number,
  country: number,
  volume: number,
  certMask: number,
  vetted: boolean,
  capacity: number,
  exported: boolean,
  market: boolean,
): number {
  if ((requiredMask & ~certMask) !== 0) return -1;
  let denominator = 1 + w.vetting;
  let numerator = vetted ? 1 + w.vetting : 1;
  if (country >= 0) {
    denominator += w.market;
    numerator += w.market * (exported ? 1 : market ? w.marketTargetOnly : 0);
  }
  if (volume > 0) {
    denominator += w.capacity;
    numerator += w.capacity * (Number.isNaN(capacity) ? w.capacityUnknown : Math.min(1, capacity / volume));
  }
  return numerator / denominator;
}

/** The fit factor of a request and a company (`CompanyColumns` computes the same from flat arrays). */
export function pairFactor(req: RequestAttrs, co: CompanyAttrs, w: MatchWeights): number {
  const c = req.country;
  const exported = c >= 0 && has(co.exported, c);
  const market = c >= 0 && has(co.markets, c);
  return factor(w, req.requiredMask, c, req.volume, co.certMask, co.vetted, co.capacity, exported, market);
}

/** The same factor with each boost spelled out, for the reasons. */
export function pairFit(req: RequestAttrs, co: CompanyAttrs, w: MatchWeights): PairFit {
  const fit: PairFit = {
    eligible: (req.requiredMask & ~co.certMask) === 0,
    factor: pairFactor(req, co, w),
    denominator: 1 + w.vetting + (req.country >= 0 ? w.market : 0) + (req.volume > 0 ? w.capacity : 0),
    vetting: { f: co.vetted ? 1 : 0, boost: co.vetted ? w.vetting : 0 },
  };
  if (req.country >= 0) {
    const f = has(co.exported, req.country) ? 1 : has(co.markets, req.country) ? w.marketTargetOnly : 0;
    fit.market = { f, boost: w.market * f };
  }
  if (req.volume > 0) {
    const f = Number.isNaN(co.capacity) ? w.capacityUnknown : Math.min(1, co.capacity / req.volume);
    fit.capacity = { f, boost: w.capacity * f };
  }
  return fit;
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint8Array | Int16Array>(a: T, size: number, make: (n: number) => T): T {
  if (size <= a.length) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Company fit attributes by document number, in flat arrays: the top-k computes the factor of
 * thousands of candidates per query, and chasing each profile object through memory cost more
 * than the rest of the walk.
 */
export class CompanyColumns {
  /** Certification mask in the low bits, bit 30 set when vetted. */
  private flags = new Int32Array(1024);
  private capacity = new Float64Array(1024);
  /** Per country (created on first use): 2 = exports there, 1 = target market, 0 = neither. */
  private readonly serves = new Map<number, Uint8Array>();
  private readonly profiles: (CompanyAttrs | undefined)[] = [];

  set(doc: number, a: CompanyAttrs): void {
    this.flags = grow(this.flags, doc + 1, (n) => new Int32Array(n));
    this.capacity = grow(this.capacity, doc + 1, (n) => new Float64Array(n));
    this.flags[doc] = a.certMask | (a.vetted ? VETTED_BIT : 0);
    this.capacity[doc] = a.capacity;
    this.profiles[doc] = a;
    for (const [country, column] of this.serves) this.serves.set(country, this.mark(column, country, doc, a));
  }

  private mark(column: Uint8Array, country: number, doc: number, a: CompanyAttrs): Uint8Array {
    const c = grow(column, doc + 1, (n) => new Uint8Array(n));
    c[doc] = has(a.exported, country) ? 2 : has(a.markets, country) ? 1 : 0;
    return c;
  }

  private column(country: number): Uint8Array {
    let column = this.serves.get(country);
    if (!column) {
      column = new Uint8Array(Math.max(1024, this.profiles.length));
      this.profiles.forEach((a, doc) => {
        if (a) column = this.mark(column as Uint8Array, country, doc, a);
      });
      this.serves.set(country, column);
    }
    return column;
  }

  /** A factor function for one request over company document numbers. */
  factorFor(req: RequestAttrs, w: MatchWeights): (doc: number) => number {
    const serves = req.country >= 0 ? this.column(req.country) : undefined;
    const flags = this.flags;
    const capacity = this.capacity;
    return (doc) => {
      const flag = flags[doc] ?? 0;
      const s = serves ? (serves[doc] ?? 0) : 0;
      return factor(w, req.requiredMask, req.country, req.volume, flag & CERT_BITS, (flag & VETTED_BIT) !== 0, capacity[doc] ?? Number.NaN, s === 2, s === 1);
    };
  }
}

/** Request fit attributes by document number (see CompanyColumns). */
export class RequestColumns {
  private requiredMask = new Int32Array(1024);
  private country = new Int16Array(1024);
  private volume = new Float64Array(1024);

  set(doc: number, a: RequestAttrs): void {
    this.requiredMask = grow(this.requiredMask, doc + 1, (n) => new Int32Array(n));
    this.country = grow(this.country, doc + 1, (n) => new Int16Array(n));
    this.volume = grow(this.volume, doc + 1, (n) => new Float64Array(n));
    this.requiredMask[doc] = a.requiredMask;
    this.country[doc] = a.country;
    this.volume[doc] = a.volume;
  }

  /** Factor of the request with document number `doc` for a company. */
  factor(co: CompanyAttrs, doc: number, w: MatchWeights): number {
    const c = this.country[doc] ?? -1;
    const exported = c >= 0 && has(co.exported, c);
    const market = c >= 0 && has(co.markets, c);
    return factor(w, this.requiredMask[doc] ?? 0, c, this.volume[doc] ?? 0, co.certMask, co.vetted, co.capacity, exported, market);
  }
}
