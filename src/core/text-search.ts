/**
 * @module core/text-search
 * Full-text search in Japanese and English on PostgreSQL's 'simple' configuration. PostgreSQL does not
 * segment Japanese, so the application does: words from Intl.Segmenter, plus character bigrams of CJK
 * runs so that a search for part of a compound (北海道 in 北海道庁) still finds it. The same code
 * builds the stored vector and the query, on PGlite and on a server alike.
 */

const segmenterJa = new Intl.Segmenter("ja", { granularity: "word" });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

/** Normalises width and case so ＳＩＮＧＡＰＯＲＥ, Singapore and singapore are one token. */
export function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function cjkBigrams(word: string): string[] {
  const chars = [...word];
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The words of a text as the segmenter sees them (punctuation dropped). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenterJa.segment(normaliseText(text))) {
    if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** Tokens to index: every word, and for CJK words their bigrams too. */
export function indexTokens(...texts: Array<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(text)) {
      tokens.add(word);
      if (CJK.test(word)) for (const g of cjkBigrams(word)) tokens.add(g);
    }
  }
  return [...tokens];
}

/** A tsvector literal's source text: tokens separated by spaces, each quoted for to_tsvector('simple'). */
export function searchDocument(...texts: Array<string | null | undefined>): string {
  return indexTokens(...texts).join(" ");
}

/**
 * A to_tsquery('simple', …) expression for a user's query: every term must match; Latin words match as
 * prefixes (so "singa" finds Singapore), CJK words by their bigrams. Returns null for an empty query.
 */
export function searchQuery(query: string): string | null {
  const terms: string[] = [];
  for (const word of words(query)) {
    if (CJK.test(word)) {
      const grams = [...word].length === 1 ? [word] : cjkBigrams(word);
      for (const g of grams) terms.push(`${quoteLexeme(g)}${[...word].length === 1 ? ":*" : ""}`);
    } else {
      terms.push(`${quoteLexeme(word)}:*`);
    }
  }
  return terms.length ? terms.join(" & ") : null;
}

function quoteLexeme(token: string): string {
  return `'${token.replace(/'/g, "''").replace(/\\/g, "\\\\")}'`;
}
