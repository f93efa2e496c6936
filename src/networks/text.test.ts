import { describe, it, expect } from "vitest";
import { cosine, inverseDocumentFrequency, sharedTerms, terms, tfidf } from "./text.ts";

describe("terms", () => {
  it("keeps English content words, stemmed, without stop words", () => {
    expect(terms("We seek cities that solved flooding in their ports")).toEqual(["city", "flooding", "port"]);
    expect(terms("Smart-city pilots, 2024")).toEqual(["smart", "city", "pilot"]);
  });

  it("segments Japanese, drops particles and adds bigrams of longer words", () => {
    const t = terms("防災計画の事例を探しています。");
    expect(t).toContain("防災");
    expect(t).not.toContain("の");
    expect(t).not.toContain("を");
    expect(terms("ボウサイ")).toEqual(terms("ぼうさい"));
    expect(terms("ＳＭＡＲＴ　ＣＩＴＹ")).toEqual(["smart", "city"]);
  });
});

describe("similarity", () => {
  const docs = ["防災 避難 訓練 flood evacuation", "観光 ブランド tourism branding", "flood barrier design"].map(terms);
  const idf = inverseDocumentFrequency(docs);

  it("scores related texts above unrelated ones, across scripts", () => {
    const query = tfidf(terms("洪水の避難計画 flood evacuation plan"), idf);
    const [a, b, c] = docs.map((d) => cosine(query, tfidf(d, idf)));
    expect(a!).toBeGreaterThan(c!);
    expect(c!).toBeGreaterThan(b!);
    expect(b).toBe(0);
    expect(cosine(new Map(), query)).toBe(0);
  });

  it("names the shared terms", () => {
    const query = tfidf(terms("flood evacuation drills"), idf);
    expect(sharedTerms(query, tfidf(docs[0]!, idf))).toEqual(expect.arrayContaining(["flood", "evacuation"]));
  });
});
