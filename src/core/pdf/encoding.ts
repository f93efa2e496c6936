/**
 * @module core/pdf/encoding
 * How a string reaches the page. Each character goes either to Helvetica through WinAnsiEncoding
 * (ASCII, Latin-1 and a few typographic marks: one byte) or to the Japanese CID font through
 * UniJIS-UCS2-H (two bytes: the UCS-2 code itself, so the same code also serves the ToUnicode map).
 * Text is normalised first: NFC (so "é" typed as e + U+0301 stays in Helvetica), controls become spaces
 * or vanish, and characters beyond the BMP — which UCS-2 cannot carry — become 〓, the geta mark Japanese
 * typesetting uses for a missing glyph.
 */

export type FontKind = "latin" | "cjk";

/** A stretch of text set in one font. */
export interface Run {
  font: FontKind;
  text: string;
}

/** Stand-in for characters the CID font cannot address (outside the BMP). */
export const GETA = "\u3013";

/** WinAnsiEncoding bytes 0x80–0x9F that are not Latin-1 (PDF 1.7, Annex D). */
const WIN_ANSI_HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** The WinAnsiEncoding byte of a code point, or undefined when Helvetica cannot show it. */
export function winAnsiCode(cp: number): number | undefined {
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return WIN_ANSI_HIGH.get(cp);
}

/** Invisible format characters that would otherwise print as blanks or notdef boxes. */
function isInvisible(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** The text as it will be drawn (see the module note). */
export function normaliseText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) out += " ";
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isInvisible(cp)) continue;
    else if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) out += GETA;
    else out += ch;
  }
  return out;
}

/** Splits normalised text into runs per font. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const ch of text) {
    const font: FontKind = winAnsiCode(ch.codePointAt(0)!) === undefined ? "cjk" : "latin";
    const last = runs.at(-1);
    if (last?.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  return runs;
}

/** A PDF literal string of WinAnsi bytes: ( ) \ escaped, bytes outside printable ASCII as octal. */
export function latinLiteral(text: string): string {
  let out = "(";
  for (const ch of text) {
    const code = winAnsiCode(ch.codePointAt(0)!);
    if (code === undefined) throw new Error(`not a WinAnsi character: U+${ch.codePointAt(0)!.toString(16)}`);
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${ch}`;
    else if (code < 0x7f) out += ch;
    else out += `\\${code.toString(8).padStart(3, "0")}`;
  }
  return `${out})`;
}

/** A PDF hex string of two-byte UCS-2 codes for the UniJIS-UCS2-H font. */
export function ucs2Hex(text: string): string {
  let out = "<";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `${out}>`;
}

/**
 * A PDF text string for the document information (Title…): a literal when it is printable ASCII, else
 * UTF-16BE with a byte-order mark, as PDF 1.7 §7.9.2.2 allows.
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return latinLiteral(text);
  let out = "<FEFF";
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `${out}>`;
}
