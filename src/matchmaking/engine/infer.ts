/**
 * @module matchmaking/engine/infer
 * HS code inference from free text in Japanese or English, and the search behind the HS picker.
 * Two sources, with different confidence: glossary concepts found in the text (their usual codes),
 * and — for English words the glossary did not cover — the HS 2022 descriptions themselves, accepted
 * only when a heading explains most of those words and at least one of them is specific.
 */
import type { ConceptMatch, Glossary } from "./glossary.ts";
import type { HsLevel, HsNomenclature } from "./hs.ts";
import type { TokenisedText } from "./text.ts";
import { tokenise } from "./text.ts";

export type HsSource = "declared" | "glossary" | "description";

export interface InferredCode {
  code: string;
  source: Exclude<HsSource, "declared">;
  /** Glossary concept that implied the code (source "glossary"). */
  concept?: number;
  /** The words in the text that produced it. */
  words: string[];
}

/** A heading is "specific" for a word when few headings mention it. */
const SPECIFIC_DF = 25;
/** Share of the residual words' weight a heading must explain. */
const MIN_COVERAGE = 0.6;
const MAX_DESCRIPTION_CODES = 2;

/** Codes implied by glossary concepts, one entry per code with every word that implied it. */
export function codesFromConcepts(matches: readonly ConceptMatch[], glossary: Glossary): InferredCode[] {
  const byCode = new Map<string, InferredCode>();
  for (const m of matches) {
    for (const code of glossary.entry(m.concept).hs) {
      const hit = byCode.get(code);
      if (!hit) byCode.set(code, { code, source: "glossary", concept: m.concept, words: [m.surface] });
      else if (!hit.words.includes(m.surface)) hit.words.push(m.surface);
    }
  }
  return [...byCode.values()];
}

/**
 * Headings whose descriptions explain the English words left over after glossary matching.
 * Conservative on purpose: a wrong inferred code costs more than a missing one.
 */
export function codesFromDescriptions(
  tokenised: TokenisedText,
  matches: readonly ConceptMatch[],
  hs: HsNomenclature,
): InferredCode[] {
  const covered = (start: number) => matches.some((m) => m.lang === "en" && start >= m.start && start < m.end);
  const residual = new Map<string, string>();
  for (const t of tokenised.tokens) {
    if (t.latin && t.norm && !covered(t.start) && hs.descriptionFrequency(t.norm) > 0) residual.set(t.norm, t.surface);
  }
  if (residual.size === 0) return [];
  const n = hs.size;
  const idf = (w: string) => Math.log(1 + n / (1 + hs.descriptionFrequency(w)));
  const total = [...residual.keys()].reduce((s, w) => s + idf(w), 0);
  const words = [...residual.keys()];
  // Headings and subheadings both: "chewing gum" is only named at 6 digits (1704.10).
  const scored = [...hs.scoreDescriptions(words, 4), ...hs.scoreDescriptions(words, 6)]
    .map(([code, hit]) => {
      const mass = [...hit.matched].reduce((s, w) => s + idf(w), 0);
      const specific = [...hit.matched].some((w) => hs.descriptionFrequency(w) <= SPECIFIC_DF);
      return { code, score: hit.score, coverage: mass / total, specific, matched: hit.matched };
    })
    .filter((h) => h.specific && h.coverage >= MIN_COVERAGE)
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  const best = scored[0];
  if (!best) return [];
  const chosen: typeof scored = [];
  for (const h of scored) {
    if (h.score < 0.9 * best.score || chosen.length >= MAX_DESCRIPTION_CODES) break;
    // A heading and its own subheading say the same thing; keep the better-scored one.
    if (!chosen.some((c) => c.code.startsWith(h.code) || h.code.startsWith(c.code))) chosen.push(h);
  }
  return chosen.map((h) => ({
      code: h.code,
      source: "description" as const,
      words: [...h.matched].map((w) => residual.get(w) ?? w),
    }));
}

export interface HsSuggestion {
  code: string;
  level: HsLevel;
  description: string;
  chapterJa: string;
  /** Glossary concept whose name matched, when the suggestion came from the glossary. */
  concept?: { id: string; ja: string; en: string };
}

/**
 * The HS picker's search in Japanese or English: glossary concepts named in the query first (their
 * codes, in glossary order), then nomenclature hits (code prefixes, English descriptions, Japanese
 * chapter titles). Duplicates are dropped.
 */
export function searchHsCodes(query: string, hs: HsNomenclature, glossary: Glossary, limit = 20): HsSuggestion[] {
  const out: HsSuggestion[] = [];
  const seen = new Set<string>();
  const push = (code: string, concept?: HsSuggestion["concept"]) => {
    const e = hs.get(code);
    if (!e || seen.has(code)) return;
    seen.add(code);
    out.push({ code, level: e.level, description: e.description, chapterJa: hs.chapterTitleJa(code), ...(concept ? { concept } : {}) });
  };
  for (const m of glossary.find(tokenise(query))) {
    const e = glossary.entry(m.concept);
    for (const code of e.hs) push(code, { id: e.id, ja: e.ja[0] ?? e.id, en: e.en[0] ?? e.id });
  }
  for (const hit of hs.search(query, limit)) push(hit.code);
  return out.slice(0, limit);
}
