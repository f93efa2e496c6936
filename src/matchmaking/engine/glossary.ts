/**
 * @module matchmaking/engine/glossary
 * The ja/en product glossary (`data/product-glossary.json`): concepts with Japanese and English names
 * and their usual HS codes. Finds concepts in tokenised text by longest match — English terms as
 * sequences of normalised words, Japanese terms character by character — so that りんご, 林檎 and
 * "apples" all land on the concept "apple" whatever language a profile is written in.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TokenisedText } from "./text.ts";
import { tokenise } from "./text.ts";

export interface GlossaryEntry {
  id: string;
  ja: string[];
  en: string[];
  hs: string[];
}

export interface GlossaryFile {
  description?: string;
  source?: string;
  licence?: string;
  entries: GlossaryEntry[];
}

/** One occurrence of a concept in a text. */
export interface ConceptMatch {
  concept: number;
  /** Offsets into the normalised text. */
  start: number;
  end: number;
  /** The words as written (normalised text). */
  surface: string;
  lang: "ja" | "en";
}

const DEFAULT_PATH = fileURLToPath(new URL("../../../data/product-glossary.json", import.meta.url));
const KANJI = /[\u3400-\u9fff\u3005]/;
const KATAKANA = /[\u30a0-\u30ff]/;

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Concept ending here and whether the match must sit on token boundaries. */
  concept?: number;
  aligned?: boolean;
}

/**
 * Where a Japanese term may match: terms with kanji (two characters or more) and long katakana
 * words anywhere; short kana words and single characters only as whole tokens, so that 米 does
 * not fire inside 米国, タイ (Thailand) never means sea bream and イカ does not fire inside ダイカスト.
 */
function mustAlign(term: string): boolean {
  if (term.length >= 2 && KANJI.test(term)) return false;
  if (term.length >= 4 && KATAKANA.test(term)) return false;
  return true;
}

export class Glossary {
  readonly entries: readonly GlossaryEntry[];
  private readonly byId = new Map<string, number>();
  private readonly trie: TrieNode = { next: new Map() };
  /** First normalised word → candidate word sequences (longest first). */
  private readonly english = new Map<string, { words: string[]; concept: number }[]>();
  /** Normalised term → concepts, for detecting ambiguous terms. */
  readonly termOwners = new Map<string, Set<number>>();

  constructor(entries: readonly GlossaryEntry[]) {
    this.entries = entries;
    entries.forEach((entry, concept) => {
      this.byId.set(entry.id, concept);
      for (const raw of entry.ja) this.addJapanese(raw.normalize("NFKC").toLowerCase(), concept);
      for (const raw of entry.en) this.addEnglish(raw, concept);
    });
    for (const list of this.english.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private own(key: string, concept: number): void {
    const owners = this.termOwners.get(key) ?? new Set<number>();
    owners.add(concept);
    this.termOwners.set(key, owners);
  }

  private addJapanese(term: string, concept: number): void {
    if (!term) return;
    let node = this.trie;
    // Code units, like the scan in findJapanese, so surrogate pairs line up.
    for (let i = 0; i < term.length; i++) {
      const ch = term.charAt(i);
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.concept = concept;
    node.aligned = mustAlign(term);
    this.own(`ja:${term}`, concept);
  }

  private addEnglish(term: string, concept: number): void {
    // Phrases keep their stop words ("power supply", "chest of drawers") so they match only whole.
    const words = tokenise(term).tokens.flatMap((t) => (t.stem ? [t.stem] : []));
    const first = words[0];
    if (first === undefined) return;
    const list = this.english.get(first) ?? [];
    if (!list.some((c) => c.concept === concept && c.words.join(" ") === words.join(" "))) {
      list.push({ words, concept });
    }
    this.english.set(first, list);
    this.own(`en:${words.join(" ")}`, concept);
  }

  get size(): number {
    return this.entries.length;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  entry(concept: number): GlossaryEntry {
    const e = this.entries[concept];
    if (!e) throw new RangeError(`no glossary concept ${concept}`);
    return e;
  }

  /** Every concept occurrence in a tokenised text, leftmost-longest, non-overlapping per script. */
  find(tokenised: TokenisedText): ConceptMatch[] {
    return [...this.findJapanese(tokenised), ...this.findEnglish(tokenised)].sort((a, b) => a.start - b.start);
  }

  private findEnglish({ text, tokens }: TokenisedText): ConceptMatch[] {
    const words = tokens.filter((t) => t.stem);
    const out: ConceptMatch[] = [];
    let i = 0;
    while (i < words.length) {
      const head = words[i];
      const candidates = head ? this.english.get(head.stem) : undefined;
      let matched = 0;
      for (const c of candidates ?? []) {
        if (c.words.every((w, k) => words[i + k]?.stem === w)) {
          const last = words[i + c.words.length - 1];
          if (head && last) {
            out.push({ concept: c.concept, start: head.start, end: last.end, surface: text.slice(head.start, last.end), lang: "en" });
          }
          matched = c.words.length;
          break;
        }
      }
      i += matched || 1;
    }
    return out;
  }

  private findJapanese({ text, tokens }: TokenisedText): ConceptMatch[] {
    if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(text)) return [];
    const starts = new Set<number>();
    const ends = new Set<number>();
    for (const t of tokens) {
      starts.add(t.start);
      ends.add(t.end);
    }
    const out: ConceptMatch[] = [];
    let i = 0;
    while (i < text.length) {
      let node: TrieNode | undefined = this.trie;
      let best: { end: number; concept: number } | undefined;
      for (let j = i; j < text.length && node; j++) {
        node = node.next.get(text.charAt(j));
        if (node?.concept !== undefined && (!node.aligned || (starts.has(i) && ends.has(j + 1)))) {
          best = { end: j + 1, concept: node.concept };
        }
      }
      if (best) {
        out.push({ concept: best.concept, start: i, end: best.end, surface: text.slice(i, best.end), lang: "ja" });
        i = best.end;
      } else {
        i++;
      }
    }
    return out;
  }
}

const cache = new Map<string, Glossary>();

/** Parses and checks the shape of a glossary file. */
export function parseGlossary(json: unknown): Glossary {
  const file = json as GlossaryFile;
  if (!file || !Array.isArray(file.entries)) throw new TypeError("glossary: expected { entries: [...] }");
  for (const [i, e] of file.entries.entries()) {
    if (typeof e.id !== "string" || !Array.isArray(e.ja) || !Array.isArray(e.en) || !Array.isArray(e.hs)) {
      throw new TypeError(`glossary: entry ${i} needs id, ja[], en[] and hs[]`);
    }
  }
  return new Glossary(file.entries);
}

/** Loads `data/product-glossary.json` (or another file of the same shape); cached per path. */
export function loadGlossary(path: string = DEFAULT_PATH): Glossary {
  const hit = cache.get(path);
  if (hit) return hit;
  const glossary = parseGlossary(JSON.parse(readFileSync(path, "utf8")));
  cache.set(path, glossary);
  return glossary;
}
