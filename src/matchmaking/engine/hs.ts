/**
 * @module matchmaking/engine/hs
 * The HS 2022 nomenclature (chapters, headings, subheadings) shipped in `data/hs/`: validating product
 * codes, walking parents and children, and searching descriptions for the HS picker (English
 * descriptions from UN Comtrade, Japanese chapter titles). Loading reads files; everything else is pure.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Bilingual } from "../../core/domain.ts";
import { isJapanese, normaliseWord } from "./text.ts";

export type HsLevel = 2 | 4 | 6;

export interface HsEntry {
  code: string;
  level: HsLevel;
  /** English description (UN Comtrade). */
  description: string;
  /** Parent code; null for chapters. */
  parent: string | null;
  /** Roman numeral of the HS section. */
  section: string;
}

export interface HsSection {
  id: string;
  name: string;
}

export type HsValidation =
  | { ok: true; code: string; entry: HsEntry }
  | { ok: false; code: string; reason: "format" | "unknown"; message: Bilingual };

export interface HsSearchHit {
  code: string;
  level: HsLevel;
  description: string;
  /** Japanese title of the chapter the code belongs to. */
  chapterJa: string;
  score: number;
}

const DEFAULT_DIR = fileURLToPath(new URL("../../../data/hs/", import.meta.url));

/** Accepts "0808", "0808.10", "08 08 10" and returns the bare digits. */
export function normaliseHsCode(raw: string): string {
  return raw.normalize("NFKC").replace(/[\s.]/g, "");
}

/** Splits English description text into normalised words (same normalisation as the tokeniser). */
export function descriptionWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+(?:['’][a-z]+)?/g)) {
    const w = normaliseWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

export class HsNomenclature {
  readonly sections: readonly HsSection[];
  private readonly entries = new Map<string, HsEntry>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly chapterJa: Record<string, string>;
  /** word → codes whose description contains it, with term frequency. */
  private readonly wordIndex = new Map<string, Map<string, number>>();
  private readonly wordCount = new Map<string, number>();
  private avgLen = 1;

  constructor(entries: readonly HsEntry[], sections: readonly HsSection[], chapterJa: Record<string, string>) {
    this.sections = sections;
    this.chapterJa = chapterJa;
    let total = 0;
    for (const e of entries) {
      this.entries.set(e.code, e);
      if (e.parent) {
        const list = this.childrenOf.get(e.parent) ?? [];
        list.push(e.code);
        this.childrenOf.set(e.parent, list);
      }
      const words = descriptionWords(e.description);
      this.wordCount.set(e.code, words.length);
      total += words.length;
      for (const w of words) {
        const postings = this.wordIndex.get(w) ?? new Map<string, number>();
        postings.set(e.code, (postings.get(e.code) ?? 0) + 1);
        this.wordIndex.set(w, postings);
      }
    }
    this.avgLen = entries.length ? total / entries.length : 1;
  }

  get size(): number {
    return this.entries.size;
  }

  get(code: string): HsEntry | undefined {
    return this.entries.get(code);
  }

  has(code: string): boolean {
    return this.entries.has(code);
  }

  /** All entries, in nomenclature order. */
  all(): HsEntry[] {
    return [...this.entries.values()];
  }

  validate(raw: string): HsValidation {
    const code = normaliseHsCode(raw);
    if (!/^(?:\d{2}|\d{4}|\d{6})$/.test(code)) {
      return {
        ok: false,
        code,
        reason: "format",
        message: { en: "an HS code has 2, 4 or 6 digits", ja: "HSコードは2桁・4桁・6桁の数字です" },
      };
    }
    const entry = this.entries.get(code);
    if (!entry) {
      return {
        ok: false,
        code,
        reason: "unknown",
        message: { en: `${code} is not in the HS 2022 nomenclature`, ja: `${code} はHS 2022に存在しないコードです` },
      };
    }
    return { ok: true, code, entry };
  }

  parent(code: string): HsEntry | undefined {
    const p = this.entries.get(code)?.parent;
    return p ? this.entries.get(p) : undefined;
  }

  children(code: string): HsEntry[] {
    return (this.childrenOf.get(code) ?? []).flatMap((c) => this.entries.get(c) ?? []);
  }

  /** Every 6-digit subheading at or below a code. */
  leaves(code: string): HsEntry[] {
    const entry = this.entries.get(code);
    if (!entry) return [];
    if (entry.level === 6) return [entry];
    return this.children(code).flatMap((c) => this.leaves(c.code));
  }

  /** Chapter, heading and subheading above and including a code, outermost first. */
  ancestors(code: string): HsEntry[] {
    const chain: HsEntry[] = [];
    let cur = this.entries.get(code);
    while (cur) {
      chain.unshift(cur);
      cur = cur.parent ? this.entries.get(cur.parent) : undefined;
    }
    return chain;
  }

  chapterTitleJa(code: string): string {
    return this.chapterJa[code.slice(0, 2)] ?? "";
  }

  /** Number of entries whose description contains a normalised word (for inference weights). */
  descriptionFrequency(word: string): number {
    return this.wordIndex.get(word)?.size ?? 0;
  }

  /**
   * BM25 over descriptions for already-normalised words, optionally restricted to one level.
   * Returns codes with their score and the words they matched.
   */
  scoreDescriptions(words: readonly string[], level?: HsLevel): Map<string, { score: number; matched: Set<string> }> {
    const n = this.entries.size;
    const out = new Map<string, { score: number; matched: Set<string> }>();
    for (const w of new Set(words)) {
      const postings = this.wordIndex.get(w);
      if (!postings) continue;
      const idf = Math.log(1 + (n - postings.size + 0.5) / (postings.size + 0.5));
      for (const [code, tf] of postings) {
        if (level && code.length !== level) continue;
        const len = this.wordCount.get(code) ?? 1;
        const sat = (tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * len) / this.avgLen));
        const hit = out.get(code) ?? { score: 0, matched: new Set<string>() };
        hit.score += idf * sat;
        hit.matched.add(w);
        out.set(code, hit);
      }
    }
    return out;
  }

  /**
   * Search for the HS picker: a code or code prefix ("0808", "08.08"), English words against the
   * descriptions, or Japanese text against the chapter titles. Best first, ties by code.
   */
  search(query: string, limit = 20): HsSearchHit[] {
    const q = query.normalize("NFKC").trim().toLowerCase();
    if (!q) return [];
    const hits = new Map<string, number>();
    const digits = normaliseHsCode(q);
    if (/^\d{1,6}$/.test(digits)) {
      for (const e of this.entries.values()) {
        if (e.code.startsWith(digits)) hits.set(e.code, 10 - (e.code.length - digits.length) / 2);
      }
    } else if (isJapanese(q)) {
      for (const [chapter, title] of Object.entries(this.chapterJa)) {
        if (title.includes(q)) hits.set(chapter, 5 + q.length / title.length);
      }
    } else {
      const words = descriptionWords(q);
      for (const [code, hit] of this.scoreDescriptions(words)) {
        // Prefer entries that contain every query word, then shorter (more general) codes.
        const coverage = hit.matched.size / new Set(words).size;
        hits.set(code, hit.score * coverage * coverage);
      }
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .flatMap(([code, score]) => {
        const e = this.entries.get(code);
        return e ? [{ code, level: e.level, description: e.description, chapterJa: this.chapterTitleJa(code), score }] : [];
      });
  }
}

interface CsvRow {
  section: string;
  hscode: string;
  description: string;
  parent: string;
  level: string;
}

/** Builds the nomenclature from the CSV texts (the "TOTAL"/99 pseudo-codes are not HS and are left out). */
export function parseHsNomenclature(codesCsv: string, sectionsCsv: string, chapterJa: Record<string, string>): HsNomenclature {
  const rows = parse(codesCsv, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
  const entries: HsEntry[] = [];
  for (const r of rows) {
    if (r.section === "TOTAL" || !/^\d{2}(?:\d{2}){0,2}$/.test(r.hscode)) continue;
    entries.push({
      code: r.hscode,
      level: r.hscode.length as HsLevel,
      description: r.description,
      parent: r.hscode.length === 2 ? null : r.parent,
      section: r.section,
    });
  }
  const sections = (parse(sectionsCsv, { columns: true, bom: true, skip_empty_lines: true }) as { section: string; name: string }[])
    .filter((s) => s.section !== "TOTAL")
    .map((s) => ({ id: s.section, name: s.name }));
  return new HsNomenclature(entries, sections, chapterJa);
}

const cache = new Map<string, HsNomenclature>();

/** Loads `data/hs/` (or another directory with the same three files); cached per directory. */
export function loadHsNomenclature(dir: string = DEFAULT_DIR): HsNomenclature {
  const hit = cache.get(dir);
  if (hit) return hit;
  const codes = readFileSync(`${dir}/harmonized-system-2022.csv`, "utf8");
  const sections = readFileSync(`${dir}/harmonized-system-2022-sections.csv`, "utf8");
  const ja = JSON.parse(readFileSync(`${dir}/chapters-ja.json`, "utf8")) as { chapters: Record<string, string> };
  const hs = parseHsNomenclature(codes, sections, ja.chapters);
  cache.set(dir, hs);
  return hs;
}
