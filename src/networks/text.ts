/**
 * @module networks/text
 * Text matching for partner requests and cases, Japanese and English alike. Words come from the
 * shared ICU segmentation in core/text-search (`Intl.Segmenter`, NFKC, lower case); on top of that
 * this drops stop words, lone kana and one- or two-hiragana words, folds katakana to hiragana, strips English plurals, and adds
 * the character bigrams of Japanese words so that 防災 matches inside 防災計画. Similarity is the
 * cosine of TF-IDF vectors over the documents being compared.
 */
import { words } from "../core/text-search.ts";

const KATAKANA = /[\u30a1-\u30f6]/g;

const EN_STOP = new Set(
  (
    "a an the and or of for to in on at by with from into as is are was were be been being we our us i my me " +
    "you your they their them it its this that these those will would can could should may might must have has " +
    "had do does did not no so such than then there here which who whom what when where why how all any each " +
    "both some also very more most other about over under per via up out only just seek seeking " +
    "looking want need needs find partner partners who has have solved solve"
  ).split(" "),
);

const JA_STOP = new Set(
  (
    "の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など ない この ため その " +
    "よう また もの という あり まで られ なる へ か だ これ により おり より による ず なり られる において ば なく " +
    "について せ できる それ う ので なお のみ でき ます ません です でし たい ている ており います おります ました " +
    "てい 等 市 町 村 県 都 府 的 我々 当市 当県 さがし さがす さがして もとめ もとめる もとめて もとめます 探 求 " +
    "解決 解決した 都市 自治体 相手 パートナー 事例 取り組み 取組 ケース させた させる された"
  )
    .split(" ")
    .map(foldKana),
);

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;
/** A lone kana, or one or two hiragana: in practice particles and inflections (した, ます). */
const FUNCTION_KANA = /^(?:[\p{Script=Hiragana}\p{Script=Katakana}ー]|\p{Script=Hiragana}{2})$/u;

/** Katakana to hiragana, so ボウサイ and ぼうさい are one term. */
export function foldKana(text: string): string {
  return text.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** A light English stemmer: plurals only (cities → city, boxes → box, ports → port). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The matching terms of a text: content words, stemmed or kana-folded, plus CJK bigrams. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of words(text)) {
    if (CJK.test(raw)) {
      const word = foldKana(raw);
      if (JA_STOP.has(word) || FUNCTION_KANA.test(word)) continue;
      out.push(word);
      const chars = [...word];
      if (chars.length > 2) for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    } else {
      if (/^\d+$/.test(raw) || raw.length < 2 || EN_STOP.has(raw)) continue;
      const word = stem(raw);
      if (!EN_STOP.has(word)) out.push(word);
    }
  }
  return out;
}

export type TermVector = Map<string, number>;

/** Inverse document frequency, smoothed: ln(1 + N / df). Terms absent from the corpus get ln(1 + N). */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  return (term) => Math.log(1 + n / (df.get(term) ?? 1));
}

export function tfidf(docTerms: readonly string[], idf: (term: string) => number): TermVector {
  const v: TermVector = new Map();
  for (const t of docTerms) v.set(t, (v.get(t) ?? 0) + 1);
  for (const [t, tf] of v) v.set(t, tf * idf(t));
  return v;
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Terms both vectors share, heaviest first (for explaining a match); bigrams of a shared word are left out. */
export function sharedTerms(a: TermVector, b: TermVector, limit = 5): string[] {
  const shared = [...a.keys()].filter((t) => b.has(t)).sort((x, y) => a.get(y)! * b.get(y)! - a.get(x)! * b.get(x)! || (x < y ? -1 : 1));
  const kept: string[] = [];
  for (const t of shared) {
    if (kept.some((k) => k.includes(t))) continue;
    kept.push(t);
    if (kept.length === limit) break;
  }
  return kept;
}
