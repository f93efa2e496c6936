import { describe, expect, it } from "vitest";
import { loadGlossary } from "./glossary.ts";
import { loadHsNomenclature, normaliseHsCode } from "./hs.ts";
import { searchHsCodes } from "./infer.ts";

const hs = loadHsNomenclature();

describe("HS 2022 nomenclature", () => {
  it("loads chapters, headings and subheadings and the 21 sections", () => {
    expect(hs.size).toBeGreaterThan(6_900);
    expect(hs.sections).toHaveLength(21);
    expect(hs.get("08")?.level).toBe(2);
    expect(hs.get("0808")?.description).toBe("Apples, pears and quinces; fresh");
    expect(hs.get("080810")?.level).toBe(6);
    expect(hs.has("99")).toBe(false);
    expect(hs.has("9999")).toBe(false);
  });

  it("validates 2, 4 or 6 digit codes that exist", () => {
    for (const c of ["03", "0303", "030389", "8482", "848210", "08.08.10", "0808 10"]) expect(hs.validate(c).ok, c).toBe(true);
    expect(normaliseHsCode("08.08.10")).toBe("080810");
  });

  it("rejects malformed codes and codes not in the nomenclature, with a reason in ja and en", () => {
    for (const c of ["8", "080", "08081", "0808101", "abcd", "", "8482.1"]) {
      const v = hs.validate(c);
      expect(v.ok, c).toBe(false);
      if (!v.ok) expect(v.reason).toBe("format");
    }
    for (const c of ["77", "0899", "080899", "9999"]) {
      const v = hs.validate(c);
      expect(v.ok, c).toBe(false);
      if (!v.ok) {
        expect(v.reason).toBe("unknown");
        expect(v.message.ja).toContain(c);
      }
    }
  });

  it("walks parents, children and leaves", () => {
    expect(hs.parent("080810")?.code).toBe("0808");
    expect(hs.parent("0808")?.code).toBe("08");
    expect(hs.parent("08")).toBeUndefined();
    expect(hs.children("0808").map((e) => e.code)).toEqual(["080810", "080830", "080840"]);
    expect(hs.children("08").map((e) => e.code)).toContain("0808");
    expect(hs.ancestors("848210").map((e) => e.code)).toEqual(["84", "8482", "848210"]);
    expect(hs.leaves("0808")).toHaveLength(3);
  });

  it("searches by code prefix, English description and Japanese chapter title", () => {
    expect(hs.search("0808")[0]?.code).toBe("0808");
    expect(hs.search("ball bearings").map((h) => h.code)).toContain("848210");
    expect(hs.search("鉄鋼").map((h) => h.code)).toContain("72");
    expect(hs.search("")).toEqual([]);
  });

  it("finds codes for the HS picker in Japanese and English through the glossary", () => {
    const glossary = loadGlossary();
    const ja = searchHsCodes("りんご", hs, glossary);
    expect(ja[0]).toMatchObject({ code: "0808", concept: { id: "apple" } });
    const en = searchHsCodes("yellowtail", hs, glossary).map((s) => s.code);
    expect(en.slice(0, 2)).toEqual(["0302", "0303"]);
    expect(searchHsCodes("ベアリング", hs, glossary)[0]?.code).toBe("8482");
    expect(searchHsCodes("8482", hs, glossary)[0]?.code).toBe("8482");
  });
});
