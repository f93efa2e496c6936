/**
 * @module core/pdf/metrics
 * Text widths, so callers can centre text, shrink a name to fit a badge and cut what still does not fit
 * with an ellipsis. Helvetica and Helvetica-Bold widths come from Adobe's AFM metrics of the standard
 * fonts (1/1000 em, by WinAnsi byte); the Japanese CID font is 1 em per character, half an em for
 * half-width katakana (Adobe-Japan1 CIDs 327–389, declared in the font's /W array to match).
 */
import { normaliseText, splitRuns, winAnsiCode } from "./encoding.ts";

/* Widths of the 95 printable ASCII characters, space (0x20) to tilde (0x7E). */
// prettier-ignore
const HELVETICA_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
// prettier-ignore
const HELVETICA_BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/* Bytes 0x80–0xFF of WinAnsiEncoding (0 where the byte is unassigned; those are never emitted). */
// prettier-ignore
const HELVETICA_HIGH = [
  556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333,
  1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400,
  584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667,
  667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
  556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611,
  556, 556, 556, 556, 500, 556, 500,
];
// prettier-ignore
const HELVETICA_BOLD_HIGH = [
  556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333,
  1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400,
  584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667,
  667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
  556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611,
  611, 611, 611, 611, 556, 611, 556,
];

export const ELLIPSIS = "\u2026";

/** Width of one character in 1/1000 em. */
export function charWidth(ch: string, bold = false): number {
  const cp = ch.codePointAt(0)!;
  const code = winAnsiCode(cp);
  if (code === undefined) return cp >= 0xff61 && cp <= 0xff9f ? 500 : 1000;
  const w = code < 0x80 ? (bold ? HELVETICA_BOLD_ASCII : HELVETICA_ASCII)[code - 0x20] : (bold ? HELVETICA_BOLD_HIGH : HELVETICA_HIGH)[code - 0x80];
  return w ?? 1000;
}

/** Width in points of the text as drawn at this size (after normalisation). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const run of splitRuns(normaliseText(text))) for (const ch of run.text) units += charWidth(ch, bold);
  return (units * size) / 1000;
}

/** The longest prefix that fits maxWidth with an ellipsis appended (the text itself when it fits). */
export function truncateText(text: string, maxWidth: number, size: number, bold = false): string {
  const clean = normaliseText(text);
  if (textWidth(clean, size, bold) <= maxWidth) return clean;
  const chars = Array.from(clean);
  const room = maxWidth - textWidth(ELLIPSIS, size, bold);
  if (room < 0) return "";
  let width = 0;
  let n = 0;
  while (n < chars.length) {
    const w = (charWidth(chars[n]!, bold) * size) / 1000;
    if (width + w > room) break;
    width += w;
    n++;
  }
  return `${chars.slice(0, n).join("").trimEnd()}${ELLIPSIS}`;
}

export interface FittedText {
  text: string;
  size: number;
  /** True when characters were cut and an ellipsis added. */
  truncated: boolean;
}

/**
 * Shrinks the size until the text fits maxWidth, down to minSize; if it is still too wide at minSize,
 * cuts it with an ellipsis. Sizes are rounded down to 0.1 pt.
 */
export function fitText(text: string, maxWidth: number, opts: { size: number; minSize?: number; bold?: boolean }): FittedText {
  const bold = opts.bold ?? false;
  const minSize = Math.min(opts.minSize ?? opts.size, opts.size);
  const clean = normaliseText(text);
  const width = textWidth(clean, opts.size, bold);
  if (width <= maxWidth) return { text: clean, size: opts.size, truncated: false };
  const size = Math.floor(((opts.size * maxWidth) / width) * 10) / 10;
  if (size >= minSize) return { text: clean, size, truncated: false };
  return { text: truncateText(clean, maxWidth, minSize, bold), size: minSize, truncated: true };
}

/**
 * Breaks text into two lines of about equal width: at a space when there is one (Latin names), else
 * between any two characters (Japanese has no spaces between words).
 */
export function splitInTwo(text: string, bold = false): [string, string] {
  const chars = Array.from(normaliseText(text).trim());
  const spaces = chars.flatMap((ch, i) => (ch === " " && i > 0 ? [i] : []));
  const cuts = spaces.length ? spaces : chars.map((_, i) => i).slice(1);
  let best: [string, string] = [chars.join(""), ""];
  let bestWidth = Number.POSITIVE_INFINITY;
  for (const i of cuts) {
    const pair: [string, string] = [chars.slice(0, i).join("").trimEnd(), chars.slice(i).join("").trimStart()];
    const widest = Math.max(textWidth(pair[0], 1, bold), textWidth(pair[1], 1, bold));
    if (widest < bestWidth) [best, bestWidth] = [pair, widest];
  }
  return best;
}
