import { describe, expect, it } from "vitest";
import { foldKana, normaliseWord, stemEnglish, tokenise } from "./text.ts";

const norms = (s: string) => tokenise(s).tokens.flatMap((t) => (t.norm ? [t.norm] : []));

describe("tokeniser", () => {
  it("segments Japanese with Intl.Segmenter and drops particles", () => {
    expect(norms("青森県産のりんごを輸出しています")).toEqual(["青森", "りんご"]);
  });

  it("folds katakana to hiragana so both spellings are one term", () => {
    expect(foldKana("リンゴ")).toBe("りんご");
    expect(norms("リンゴ")).toEqual(norms("りんご"));
  });

  it("normalises NFKC: full-width letters and half-width katakana", () => {
    expect(norms("ＨＡＣＣＰ認証")).toContain("haccp");
    expect(norms("ﾎﾀﾃ")).toEqual(["ほたて"]);
  });

  it("lower-cases and stems English plurals, drops stop words and numbers", () => {
    expect(norms("We are looking for fresh Apples and 20 Cherries")).toEqual(["fresh", "apple", "cherry"]);
    expect(stemEnglish("knives")).toBe("knife");
    expect(stemEnglish("glasses")).toBe("glass");
    expect(stemEnglish("peaches")).toBe("peach");
    expect(stemEnglish("tomatoes")).toBe("tomato");
    expect(stemEnglish("citrus")).toBe("citrus");
    expect(stemEnglish("tyres")).toBe("tire");
    expect(normaliseWord("Aluminium")).toBe("aluminum");
  });

  it("keeps offsets into the normalised text and the stem of stop words for phrases", () => {
    const t = tokenise("Power supply");
    expect(t.tokens.map((x) => [x.surface, x.norm, x.stem])).toEqual([
      ["power", "power", "power"],
      ["supply", "", "supply"],
    ]);
    expect(t.text.slice(t.tokens[1]?.start, t.tokens[1]?.end)).toBe("supply");
  });
});
