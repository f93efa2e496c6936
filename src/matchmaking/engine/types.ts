/**
 * @module matchmaking/engine/types
 * The engine's vocabulary: profiles in (companies and buyer requests), matches and reasons out, and
 * the weights of the documented score (docs/matching.md). Defaults live here so the docs, the
 * benchmark and the tests all read the same numbers.
 */
import type { Bilingual } from "../../core/domain.ts";
import type { HsSource } from "./infer.ts";
import type { CertificationCode } from "./validators.ts";

/** A company profile as given (validated by the engine before indexing). */
export interface CompanyProfileInput {
  id: string;
  name?: string;
  /** Japanese or English (or both). */
  description: string;
  /** HS 2022 codes of 2, 4 or 6 digits. */
  hsCodes?: readonly string[];
  certifications?: readonly string[];
  /** ISO 3166 alpha-2 target markets. */
  markets?: readonly string[];
  /** ISO 3166 alpha-2 countries the company already exports to. */
  exportExperience?: readonly string[];
  /** Vetted (endorsed) by a local government. */
  vetted?: boolean;
  /** Supply capacity, in the same unit as request volumes. */
  capacity?: number | null;
}

/** A buyer's request as given. */
export interface BuyerRequestInput {
  id: string;
  buyer?: string;
  /** ISO 3166 alpha-2 country of the buyer. */
  country?: string | null;
  description: string;
  hsCodes?: readonly string[];
  requiredCertifications?: readonly string[];
  /** Volume wanted, in the same unit as company capacities. */
  volume?: number | null;
}

export interface CompanyProfile {
  id: string;
  name: string;
  description: string;
  hsCodes: string[];
  certifications: CertificationCode[];
  markets: string[];
  exportExperience: string[];
  vetted: boolean;
  capacity: number | null;
}

export interface BuyerRequest {
  id: string;
  buyer: string;
  country: string | null;
  description: string;
  hsCodes: string[];
  requiredCertifications: CertificationCode[];
  volume: number | null;
}

export const REASON_KINDS = ["hs", "term", "concept", "market", "vetting", "certification", "capacity"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** Where an HS code of one side came from. */
export interface CodeOrigin {
  code: string;
  source: HsSource;
  /** Words that produced an inferred code. */
  words?: string[];
  /** Glossary concept id behind a glossary-inferred code. */
  concept?: string;
}

export interface MatchReason {
  kind: ReasonKind;
  /** Share of the score this reason contributed; the contributions of a match add up to its score. */
  contribution: number;
  /** Compact machine-readable summary. */
  detail: string;
  label: Bilingual;
  /** Structured facts behind the reason (codes and their origins, words, country, figures). */
  evidence?: Record<string, unknown>;
}

export interface Match {
  /** Id of the matched company (for a request) or request (for a company). */
  id: string;
  score: number;
  reasons: MatchReason[];
}

export interface MatchWeights {
  /** Weights of the three relevance components (they are normalised by the ones the query can use). */
  hs: number;
  concept: number;
  text: number;
  /** HS proximity by number of leading digits shared. */
  level: { 2: number; 4: number; 6: number };
  /**
   * Confidence of a code by where it came from; a pair counts the product of both sides. An inferred
   * code outside every chapter the profile declares is multiplied by `offDeclared`.
   */
  confidence: { declared: number; glossary: number; description: number; offDeclared: number };
  /** Fit boosts (β): the relevance is scaled by (1 + Σ β·f) / (1 + Σ β) over the applicable ones. */
  market: number;
  vetting: number;
  capacity: number;
  /** f for a request country that is a target market but not yet an export destination. */
  marketTargetOnly: number;
  /** f when the request gives a volume and the company no capacity. */
  capacityUnknown: number;
  bm25: { k1: number; b: number };
}

export const DEFAULT_WEIGHTS: MatchWeights = {
  hs: 0.4,
  concept: 0.35,
  text: 0.25,
  level: { 2: 0.3, 4: 0.7, 6: 1 },
  confidence: { declared: 1, glossary: 0.8, description: 0.5, offDeclared: 0.5 },
  market: 0.3,
  vetting: 0.2,
  capacity: 0.1,
  marketTargetOnly: 0.7,
  capacityUnknown: 0.5,
  bm25: { k1: 1.2, b: 0.75 },
};

export interface MatchOptions {
  /** How many matches to return (default 10). */
  k?: number;
  /** Score every candidate instead of using the index (for verification; same results). */
  exhaustive?: boolean;
}
