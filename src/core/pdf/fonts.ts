/**
 * @module core/pdf/fonts
 * The three fonts a document may use, none embedded: Helvetica and Helvetica-Bold (standard 14, WinAnsi)
 * and a Japanese Type0 font naming Adobe's KozGoPr6N-Medium with the UniJIS-UCS2-H CMap and the
 * Adobe-Japan1-6 character collection. Viewers (Acrobat, Chrome/PDFium, Preview, pdf.js) substitute an
 * installed Japanese Gothic for it, so a file stays a few kilobytes. A /ToUnicode CMap lists every code
 * used, so the text can be copied and searched even where a viewer does not know UniJIS-UCS2-H.
 */

export const CJK_FONT = "KozGoPr6N-Medium";
export const CJK_ENCODING = "UniJIS-UCS2-H";

export function helveticaDict(bold: boolean): string {
  return `<< /Type /Font /Subtype /Type1 /BaseFont /${bold ? "Helvetica-Bold" : "Helvetica"} /Encoding /WinAnsiEncoding >>`;
}

export function cjkType0Dict(descendant: number, toUnicode: number): string {
  return `<< /Type /Font /Subtype /Type0 /BaseFont /${CJK_FONT}-${CJK_ENCODING} /Encoding /${CJK_ENCODING} /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`;
}

/* /W: half-width katakana (CIDs 327–389) are 500 units wide; everything else takes /DW, one em. */
export function cjkCidFontDict(descriptor: number): string {
  return (
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${CJK_FONT} ` +
    `/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [327 389 500] >>`
  );
}

/* Metrics of Kozuka Gothic Pr6N Medium, enough for a viewer to pick and scale a substitute. Flags 4: symbolic. */
export function cjkDescriptorDict(): string {
  return (
    `<< /Type /FontDescriptor /FontName /${CJK_FONT} /Flags 4 /FontBBox [-149 -374 1265 1127] /ItalicAngle 0 ` +
    `/Ascent 880 /Descent -120 /CapHeight 763 /StemV 116 >>`
  );
}

const hex4 = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

/**
 * A ToUnicode CMap for the UCS-2 codes used. The code is the Unicode value, so each entry maps a code to
 * itself; a bfchar block holds at most 100 entries (PDF 1.7, §9.10.3).
 */
export function toUnicodeCMap(codes: Iterable<number>): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const blocks: string[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Renkei-UCS2-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMapResource defineresource pop",
    "end",
    "end",
  ].join("\n");
}
