import { describe, expect, it } from "vitest";
import { latinLiteral, normaliseText, pdfTextString, splitRuns, ucs2Hex } from "./encoding.ts";
import { charWidth, ELLIPSIS, fitText, splitInTwo, textWidth, truncateText } from "./metrics.ts";

describe("PDF text encoding", () => {
  it("splits mixed text into Helvetica and Japanese runs", () => {
    expect(splitRuns("Sapporo 札幌 City")).toEqual([
      { font: "latin", text: "Sapporo " },
      { font: "cjk", text: "札幌" },
      { font: "latin", text: " City" },
    ]);
    // Latin-1 and WinAnsi's typographic marks stay in Helvetica; full-width and half-width forms do not.
    expect(splitRuns("Société “Nestlé” – 5€")).toHaveLength(1);
    expect(splitRuns("ＡＢＣｱｲｳ")).toEqual([{ font: "cjk", text: "ＡＢＣｱｲｳ" }]);
  });

  it("escapes ( ) \\ in literal strings and writes other bytes in octal", () => {
    expect(latinLiteral("a (b) \\c")).toBe("(a \\(b\\) \\\\c)");
    expect(latinLiteral("(")).toBe("(\\()");
    expect(latinLiteral("é€")).toBe("(\\351\\200)");
    expect(() => latinLiteral("北")).toThrow(/not a WinAnsi character/);
    expect(ucs2Hex("北海道")).toBe("<53176D779053>");
    expect(pdfTextString("Plain (1)")).toBe("(Plain \\(1\\))");
    expect(pdfTextString("名札")).toBe("<FEFF540D672D>");
  });

  it("normalises: NFC, controls to spaces, invisible marks dropped, beyond-BMP characters to 〓", () => {
    expect(normaliseText("Cafe\u0301")).toBe("Café");
    expect(normaliseText("a\tb\nc\u0007d\u200be")).toBe("a b cde");
    expect(normaliseText("𠮷野家 🙂")).toBe("〓野家 〓");
  });
});

describe("PDF text metrics", () => {
  it("measures Helvetica with the AFM widths and Japanese at one em", () => {
    // H722 o556 k500 k500 a556 i222 d556 o556 = 4168 units.
    expect(textWidth("Hokkaido", 10)).toBeCloseTo(41.68, 6);
    // Bold: H722 o611 k556 k556 a556 i278 d611 o611 = 4501.
    expect(textWidth("Hokkaido", 10, true)).toBeCloseTo(45.01, 6);
    expect(textWidth("北海道庁", 12)).toBe(48);
    expect(textWidth("ｱｲｳ", 10)).toBe(15);
    expect(textWidth("Sapporo 札幌", 10)).toBeCloseTo(40.58 + 20, 6);
    expect(charWidth("~")).toBe(584);
    expect(charWidth("@", true)).toBe(975);
    expect(charWidth("é")).toBe(charWidth("e"));
    expect(charWidth(ELLIPSIS)).toBe(1000);
    expect(textWidth("", 12)).toBe(0);
  });

  it("shrinks text to fit, down to the smallest size allowed", () => {
    expect(fitText("北海道庁", 100, { size: 20 })).toEqual({ text: "北海道庁", size: 20, truncated: false });
    const fit = fitText("北海道庁国際課", 100, { size: 20, minSize: 10 });
    expect(fit.truncated).toBe(false);
    expect(fit.size).toBe(14.2);
    expect(textWidth(fit.text, fit.size)).toBeLessThanOrEqual(100);
  });

  it("cuts with an ellipsis what does not fit at the smallest size", () => {
    const long = "Hokkaido Government Department of Economic Affairs, Food Industry Promotion Division";
    const fit = fitText(long, 120, { size: 20, minSize: 8, bold: true });
    expect(fit).toMatchObject({ size: 8, truncated: true });
    expect(fit.text.endsWith(ELLIPSIS)).toBe(true);
    expect(long.startsWith(fit.text.slice(0, -1))).toBe(true);
    expect(textWidth(fit.text, 8, true)).toBeLessThanOrEqual(120);

    expect(truncateText("北海道庁札幌", 50, 10)).toBe("北海道庁…");
    expect(truncateText("Sapporo 札幌", 50, 10)).toBe("Sapporo…");
    expect(truncateText("札幌", 5, 10)).toBe("");
    expect(truncateText("short", 500, 10)).toBe("short");
  });

  it("splits a long name into two balanced lines, at a space when there is one", () => {
    expect(splitInTwo("Maximilian Alexander Montgomery-Fitzwilliam")).toEqual(["Maximilian Alexander", "Montgomery-Fitzwilliam"]);
    expect(splitInTwo("北海道経済部食関連産業局")).toEqual(["北海道経済部", "食関連産業局"]);
    expect(splitInTwo("Sapporo")).toEqual(["Sap", "poro"]);
    expect(splitInTwo("札")).toEqual(["札", ""]);
  });
});
