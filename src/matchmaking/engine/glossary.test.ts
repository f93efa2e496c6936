import { describe, expect, it } from "vitest";
import { loadGlossary } from "./glossary.ts";
import { loadHsNomenclature } from "./hs.ts";
import { tokenise } from "./text.ts";

const glossary = loadGlossary();
const hs = loadHsNomenclature();

/** Concept ids found in a text, in order. */
const found = (text: string) => glossary.find(tokenise(text)).map((m) => glossary.entry(m.concept).id);
const codesOf = (text: string) => [...new Set(glossary.find(tokenise(text)).flatMap((m) => glossary.entry(m.concept).hs))].sort();

describe("product glossary", () => {
  it("has several hundred concepts with names in both languages", () => {
    expect(glossary.size).toBeGreaterThanOrEqual(400);
    for (const e of glossary.entries) {
      expect(e.ja.length, e.id).toBeGreaterThan(0);
      expect(e.en.length, e.id).toBeGreaterThan(0);
      expect(e.hs.length, e.id).toBeGreaterThan(0);
    }
  });

  it("uses only HS codes that exist in the HS 2022 nomenclature", () => {
    const missing = glossary.entries.flatMap((e) => e.hs.filter((c) => !hs.has(c)).map((c) => `${e.id}:${c}`));
    expect(missing).toEqual([]);
  });

  it("has unique ids and never gives one normalised term to two concepts", () => {
    expect(new Set(glossary.entries.map((e) => e.id)).size).toBe(glossary.size);
    const shared = [...glossary.termOwners].filter(([, owners]) => owners.size > 1).map(([term]) => term);
    expect(shared).toEqual([]);
  });

  it.each([
    ["りんご", "0808"],
    ["林檎", "0808"],
    ["apple", "0808"],
    ["錦鯉", "0301"],
    ["koi", "0301"],
    ["真珠", "7101"],
    ["pearl", "7101"],
    ["日本酒", "2206"],
    ["sake", "2206"],
    ["緑茶", "0902"],
    ["green tea", "0902"],
    ["ホタテ", "0307"],
    ["scallop", "0307"],
    ["醤油", "2103"],
    ["soy sauce", "2103"],
    ["味噌", "2103"],
    ["米", "1006"],
    ["rice", "1006"],
    ["いちご", "0810"],
    ["strawberry", "0810"],
    ["刃物", "8211"],
    ["knives", "8211"],
    ["ベアリング", "8482"],
    ["半導体製造装置", "8486"],
  ])("maps %s to %s", (term, code) => {
    expect(codesOf(term)).toContain(code);
  });

  it.each([
    ["ぶり", ["0302", "0303"]],
    ["鰤", ["0302", "0303"]],
    ["yellowtail", ["0302", "0303"]],
    ["和牛", ["0201", "0202"]],
    ["wagyu", ["0201", "0202"]],
    ["漆器", ["4419", "4420", "9403"]],
    ["lacquerware", ["4419", "4420", "9403"]],
    ["工作機械", ["8456", "8457", "8458", "8459", "8460", "8461", "8462", "8463"]],
    ["machine tools", ["8456", "8457", "8458", "8459", "8460", "8461", "8462", "8463"]],
  ])("maps %s to %j", (term, codes) => {
    expect(codesOf(term)).toEqual(codes);
  });

  it("prefers the longest term", () => {
    expect(found("ごま油とごまドレッシング")).toEqual(["sesame-oil", "dressing"]);
    expect(found("純米大吟醸酒")[0]).toBe("sake");
    expect(found("ball bearings")).toEqual(["bearings"]);
    expect(found("power supply units")).toEqual(["power-electronics"]);
  });

  it("does not fire inside other words", () => {
    expect(found("米国と北米に輸出")).toEqual([]);
    expect(found("タイ向けの販路")).toEqual([]);
    expect(found("アジア市場")).toEqual([]);
    expect(found("ダイカスト部品")).toEqual(["castings"]);
    expect(found("a reliable supply chain partner")).toEqual([]);
    expect(found("コメントをください")).toEqual([]);
    expect(found("appearance")).toEqual([]);
  });
});
