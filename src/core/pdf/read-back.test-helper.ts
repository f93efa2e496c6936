/**
 * @module core/pdf/read-back.test-helper
 * For tests only: parses a PDF back with pdf.js (the legacy build, which runs in Node) and returns each
 * page's size and text, plus the warnings pdf.js printed while reading — a broken cross-reference
 * table, a bad font or an unreadable CMap shows up there.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

export interface ReadPage {
  width: number;
  height: number;
  /** Text items in content order. */
  items: { str: string; x: number; y: number; fontName: string }[];
  /** The items joined line by line (a new line where pdf.js marks an end of line or the baseline moves). */
  lines: string[];
  /** Everything on the page joined without separators. */
  text: string;
}

export interface ReadDocument {
  pages: ReadPage[];
  info: Record<string, unknown>;
  warnings: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const warnings: string[] = [];
  const warn = console.warn;
  // pdf.js reports problems through console.warn("Warning: …"); collect them instead of printing.
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    const task = getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: join(root, "cmaps") + "/",
      cMapPacked: true,
      standardFontDataUrl: join(root, "standard_fonts") + "/",
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 1,
    });
    const doc = await task.promise;
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: ReadPage["items"] = [];
      const lines: string[] = [];
      let current = "";
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const x = item.transform[4] as number;
        const y = item.transform[5] as number;
        if (lastY !== undefined && Math.abs(y - lastY) > 0.5 && current) {
          lines.push(current);
          current = "";
        }
        current += item.str;
        if (item.str) lastY = y;
        if (item.str) items.push({ str: item.str, x, y, fontName: item.fontName });
        if (item.hasEOL && current) {
          lines.push(current);
          current = "";
          lastY = undefined;
        }
      }
      if (current) lines.push(current);
      pages.push({ width: x1 - x0, height: y1 - y0, items, lines, text: items.map((i) => i.str).join("") });
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    await doc.destroy();
    return { pages, info: meta.info as Record<string, unknown>, warnings };
  } finally {
    console.warn = warn;
  }
}
