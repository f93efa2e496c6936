/**
 * @module matchmaking/engine/analyse
 * Turns one profile (a company's or a buyer request's text and declared HS codes) into the features
 * the scorer uses: normalised terms with frequencies, glossary concepts with the words that named
 * them, and HS codes — declared, or inferred from the glossary or from the HS descriptions — each
 * with a confidence and its provenance, so a match can say where a code came from.
 */
import type { Glossary } from "./glossary.ts";
import type { HsNomenclature } from "./hs.ts";
import type { HsSource } from "./infer.ts";
import { codesFromConcepts, codesFromDescriptions } from "./infer.ts";
import { tokenise } from "./text.ts";

export interface HsFeature {
  code: string;
  source: HsSource;
  confidence: number;
  /** Glossary concept behind an inferred code. */
  concept?: number;
  /** Words that produced an inferred code. */
  words: string[];
}

export interface ProfileFeatures {
  /** Normalised term → frequency. */
  terms: Map<string, number>;
  /** Number of counted tokens (BM25 document length). */
  length: number;
  /** Concept → the first words that named it. */
  concepts: Map<number, string>;
  hs: HsFeature[];
}

export interface SourceConfidence {
  declared: number;
  glossary: number;
  description: number;
  /**
   * Multiplier for an inferred code outside every HS chapter the profile declares: a company that
   * declares noodles (1902) and mentions "shoyu soup base" does not sell soy sauce.
   */
  offDeclared: number;
}

export interface AnalyseContext {
  hs: HsNomenclature;
  glossary: Glossary;
  confidence: SourceConfidence;
}

export function analyseProfile(text: string, declared: readonly string[], ctx: AnalyseContext): ProfileFeatures {
  const tokenised = tokenise(text);
  const terms = new Map<string, number>();
  let length = 0;
  for (const t of tokenised.tokens) {
    if (!t.norm) continue;
    terms.set(t.norm, (terms.get(t.norm) ?? 0) + 1);
    length++;
  }
  const matches = ctx.glossary.find(tokenised);
  const concepts = new Map<number, string>();
  for (const m of matches) if (!concepts.has(m.concept)) concepts.set(m.concept, m.surface);

  const byCode = new Map<string, HsFeature>();
  const offer = (f: HsFeature) => {
    const cur = byCode.get(f.code);
    if (!cur || f.confidence > cur.confidence) byCode.set(f.code, f);
  };
  for (const code of declared) offer({ code, source: "declared", confidence: ctx.confidence.declared, words: [] });
  const chapters = new Set(declared.map((c) => c.slice(0, 2)));
  const discount = (code: string) => (chapters.size && !chapters.has(code.slice(0, 2)) ? ctx.confidence.offDeclared : 1);
  for (const c of codesFromConcepts(matches, ctx.glossary)) {
    const confidence = ctx.confidence.glossary * discount(c.code);
    offer({ code: c.code, source: "glossary", confidence, words: c.words, ...(c.concept !== undefined ? { concept: c.concept } : {}) });
  }
  for (const c of codesFromDescriptions(tokenised, matches, ctx.hs)) {
    offer({ code: c.code, source: "description", confidence: ctx.confidence.description * discount(c.code), words: c.words });
  }
  const hs = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { terms, length, concepts, hs };
}
