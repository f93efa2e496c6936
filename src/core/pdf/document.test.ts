import { describe, expect, it } from "vitest";
import { A4_LANDSCAPE, A4_PORTRAIT, mm, pdfDate, PdfDocument } from "./document.ts";
import { readPdf } from "./read-back.test-helper.ts";

const when = new Date("2026-03-10T01:02:03Z");

function sample(compress = true) {
  const doc = new PdfDocument({ title: "名札 Badges (test)", creationDate: when, lang: "ja", compress });
  const page = doc.addPage(A4_PORTRAIT);
  page.rect(mm(15), mm(20), mm(90), mm(55), { stroke: [0.6, 0.6, 0.6], fill: [0.92, 0.95, 0.98] });
  page.line(mm(10), mm(20), mm(13), mm(20), { width: 0.3, dash: [1, 1] });
  page.text("北海道庁", 60, 100, { size: 20, bold: true });
  page.text("Hokkaido Government", 60, 130, { size: 12 });
  page.text("Sapporo 札幌", 60, 160, { size: 12, align: "center" });
  page.text("a (b) \\c ) ( é “q” ｱｲｳ", 60, 190, { size: 12 });
  doc.addPage(A4_LANDSCAPE).text("1 / 2", mm(148.5), mm(200), { size: 9, align: "center" });
  return doc.toBytes();
}

describe("PDF writer", () => {
  it("writes pages that pdf.js reads back without warnings, with their size, text and document information", async () => {
    const pdf = await readPdf(sample());
    expect(pdf.warnings).toEqual([]);
    expect(pdf.pages).toHaveLength(2);
    expect(pdf.pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(pdf.pages[0]!.height).toBeCloseTo(841.89, 1);
    expect(pdf.pages[1]!.width).toBeCloseTo(841.89, 1);
    expect(pdf.pages[1]!.height).toBeCloseTo(595.28, 1);
    expect(pdf.pages[0]!.lines).toEqual(["北海道庁", "Hokkaido Government", "Sapporo 札幌", "a (b) \\c ) ( é “q” ｱｲｳ"]);
    expect(pdf.pages[1]!.text).toBe("1 / 2");
    expect(pdf.info).toMatchObject({ Title: "名札 Badges (test)", Producer: "renkei", CreationDate: "D:20260310010203Z", Language: "ja", PDFFormatVersion: "1.7" });
  });

  it("places text by its baseline from the top-left corner, centred on x when asked", async () => {
    const page = (await readPdf(sample())).pages[0]!;
    const at = (s: string) => page.items.find((i) => i.str.startsWith(s))!;
    expect(at("北海道庁")).toMatchObject({ x: 60 });
    expect(at("北海道庁").y).toBeCloseTo(841.89 - 100, 2);
    // "Sapporo " is 40.58 pt at 10 pt, so 48.696 at 12, plus two ems of Japanese: 72.696 wide in all.
    expect(at("Sapporo").x).toBeCloseTo(60 - 72.696 / 2, 2);
  });

  it("keeps a byte-exact cross-reference table", () => {
    const bytes = sample();
    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-1.7\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    expect(first).toBe("0");
    const table = text.slice(startxref + `xref\n0 ${count}\n`.length);
    for (let i = 0; i < Number(count); i++) {
      const entry = table.slice(i * 20, i * 20 + 20);
      expect(entry).toMatch(/^\d{10} \d{5} [nf] \n$/);
      if (i === 0) continue;
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i} 0 obj`.length)).toBe(`${i} 0 obj`);
    }
    expect(text).toContain(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R /ID [<`);
  });

  it("(the read-back helper does see pdf.js's complaints about a broken cross-reference table)", async () => {
    const text = sample().toString("latin1").replace(/startxref\n(\d+)/, (_, n) => `startxref\n${Number(n) - 7}`);
    expect((await readPdf(Buffer.from(text, "latin1"))).warnings.join(" ")).toMatch(/Indexing all PDF objects/);
  });

  it("declares the Japanese font unembedded with its CMap, metrics and a ToUnicode map; escapes literal strings", () => {
    const text = sample(false).toString("latin1");
    expect(text).toContain("/Subtype /Type0 /BaseFont /KozGoPr6N-Medium-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H");
    expect(text).toContain("/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >>");
    expect(text).toMatch(/\/Type \/FontDescriptor \/FontName \/KozGoPr6N-Medium \/Flags 4 \/FontBBox \[[-\d ]+\] \/ItalicAngle 0 \/Ascent \d+ \/Descent -\d+ \/CapHeight \d+ \/StemV \d+/);
    expect(text).toContain("/DW 1000 /W [327 389 500]");
    expect(text).not.toContain("/FontFile");
    expect(text).toContain("<5317> <5317>");
    expect(text).toContain("(a \\(b\\) \\\\c \\) \\( \\351 \\223q\\224 ) Tj");
    expect(text).toContain("<FF71FF72FF73> Tj");
  });

  it("is deterministic for the same content and date, and reads back the same uncompressed", async () => {
    expect(sample().equals(sample())).toBe(true);
    const raw = await readPdf(sample(false));
    expect(raw.warnings).toEqual([]);
    expect(raw.pages[0]!.lines).toEqual((await readPdf(sample())).pages[0]!.lines);
  });

  it("maps more than a hundred distinct Japanese characters (several bfchar blocks)", async () => {
    const doc = new PdfDocument({ title: "常用漢字", creationDate: when });
    const chars = Array.from({ length: 240 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join("");
    const page = doc.addPage();
    for (let i = 0; i < chars.length; i += 30) page.text(chars.slice(i, i + 30), 40, 60 + i, { size: 12 });
    const pdf = await readPdf(doc.toBytes());
    expect(pdf.warnings).toEqual([]);
    expect(pdf.pages[0]!.lines.join("")).toBe(chars);
  });

  it("draws characters beyond the BMP as 〓 and ignores empty text", async () => {
    const doc = new PdfDocument({ title: "𠮷野家", creationDate: when });
    const page = doc.addPage();
    expect(page.text("", 10, 10, { size: 10 })).toBe(0);
    page.text("𠮷野家 🙂", 40, 60, { size: 12 });
    const pdf = await readPdf(doc.toBytes());
    expect(pdf.pages[0]!.text).toBe("〓野家 〓");
    expect(pdf.info.Title).toBe("𠮷野家");
  });

  it("refuses a document without pages and impossible page sizes", () => {
    const doc = new PdfDocument({ title: "empty" });
    expect(() => doc.toBytes()).toThrow(/at least one page/);
    expect(() => doc.addPage({ width: 0, height: 100 })).toThrow(/page sides/);
    expect(() => doc.addPage({ width: Number.NaN, height: 100 })).toThrow(/page sides/);
    expect(() => doc.addPage().text("x", Number.POSITIVE_INFINITY, 0, { size: 10 })).toThrow(/finite/);
    expect(pdfDate(new Date("2026-12-31T23:59:58Z"))).toBe("D:20261231235958Z");
  });
});
