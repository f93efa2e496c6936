/**
 * @module core/pdf/document
 * A small PDF 1.7 writer, pure (no I/O): pages of any size, text in any mix of Japanese and Latin,
 * lines and rectangles, serialised with a byte-exact cross-reference table and an /Info dictionary.
 * Coordinates are in points with the origin at the page's top-left corner and y growing downwards (the
 * way layouts are thought about); text is placed by its baseline. The writer flips them into PDF's
 * bottom-left space. Content streams are deflated (node:zlib), which is computation, not I/O.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { latinLiteral, normaliseText, pdfTextString, splitRuns, ucs2Hex } from "./encoding.ts";
import { cjkCidFontDict, cjkDescriptorDict, cjkType0Dict, helveticaDict, toUnicodeCMap } from "./fonts.ts";
import { textWidth } from "./metrics.ts";

/** A colour as red, green, blue in 0–1. */
export type Rgb = readonly [number, number, number];

export interface PageSize {
  width: number;
  height: number;
}

/** Millimetres to points. */
export const mm = (v: number): number => (v * 72) / 25.4;
export const A4_PORTRAIT: PageSize = { width: mm(210), height: mm(297) };
export const A4_LANDSCAPE: PageSize = { width: mm(297), height: mm(210) };
export const BLACK: Rgb = [0, 0, 0];

export interface TextOptions {
  size: number;
  bold?: boolean;
  color?: Rgb;
  /** Where x is: the start (default), the centre or the end of the text. */
  align?: "left" | "center" | "right";
}

export interface LineOptions {
  width?: number;
  color?: Rgb;
  /** Dash pattern in points, e.g. [2, 2]. */
  dash?: readonly number[];
}

export interface RectOptions {
  fill?: Rgb;
  stroke?: Rgb;
  lineWidth?: number;
  dash?: readonly number[];
}

export interface DocumentInfo {
  title: string;
  /** Default: now. */
  creationDate?: Date;
  /** BCP 47 language of the document, e.g. "ja". */
  lang?: string;
  /** Deflate the content streams (default true; false helps when reading a file by eye). */
  compress?: boolean;
}

type FontKey = "F1" | "F2" | "F3";

/** Numbers as PDF writes them: at most three decimals, no exponent, no "-0". */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? "0" : String(r);
}

const colour = (c: Rgb) => c.map((v) => num(Math.min(1, Math.max(0, v)))).join(" ");
const dashOp = (dash: readonly number[] | undefined) => `[${(dash ?? []).map(num).join(" ")}] 0 d`;

/** One page; draw on it through the methods, in painting order. */
export class PdfPage {
  readonly width: number;
  readonly height: number;
  /** @internal content stream operators */
  readonly ops: string[] = [];
  readonly #fonts: Set<FontKey>;
  readonly #cjkCodes: Set<number>;

  /** @internal pages are made by PdfDocument.addPage */
  constructor(size: PageSize, fonts: Set<FontKey>, cjkCodes: Set<number>) {
    this.width = size.width;
    this.height = size.height;
    this.#fonts = fonts;
    this.#cjkCodes = cjkCodes;
  }

  /**
   * Draws one line of text with its baseline at y; returns the width drawn. Latin runs use Helvetica
   * (Bold), others the Japanese font; bold Japanese is drawn filled and thinly stroked, as the CID font
   * has no bold face of its own.
   */
  text(text: string, x: number, y: number, opts: TextOptions): number {
    const clean = normaliseText(text);
    if (!clean) return 0;
    const bold = opts.bold ?? false;
    const width = textWidth(clean, opts.size, bold);
    const left = opts.align === "center" ? x - width / 2 : opts.align === "right" ? x - width : x;
    const c = colour(opts.color ?? BLACK);
    const ops = ["q", `${c} rg`];
    const runs = splitRuns(clean);
    if (bold && runs.some((r) => r.font === "cjk")) ops.push(`${c} RG`, `${num(opts.size * 0.035)} w`, "0 j");
    ops.push("BT", `${num(left)} ${num(this.height - y)} Td`);
    for (const run of runs) {
      if (run.font === "latin") {
        const key = bold ? "F2" : "F1";
        this.#fonts.add(key);
        ops.push(`/${key} ${num(opts.size)} Tf`, "0 Tr", `${latinLiteral(run.text)} Tj`);
      } else {
        this.#fonts.add("F3");
        for (let i = 0; i < run.text.length; i++) this.#cjkCodes.add(run.text.charCodeAt(i));
        ops.push(`/F3 ${num(opts.size)} Tf`, bold ? "2 Tr" : "0 Tr", `${ucs2Hex(run.text)} Tj`);
      }
    }
    ops.push("ET", "Q");
    this.ops.push(...ops);
    return width;
  }

  line(x1: number, y1: number, x2: number, y2: number, opts: LineOptions = {}): void {
    this.ops.push(
      "q",
      `${num(opts.width ?? 0.5)} w`,
      dashOp(opts.dash),
      `${colour(opts.color ?? BLACK)} RG`,
      `${num(x1)} ${num(this.height - y1)} m`,
      `${num(x2)} ${num(this.height - y2)} l`,
      "S",
      "Q",
    );
  }

  /** A rectangle with its top-left corner at x, y; filled, stroked or both. */
  rect(x: number, y: number, width: number, height: number, opts: RectOptions): void {
    if (!opts.fill && !opts.stroke) return;
    const ops = ["q"];
    if (opts.fill) ops.push(`${colour(opts.fill)} rg`);
    if (opts.stroke) ops.push(`${colour(opts.stroke)} RG`, `${num(opts.lineWidth ?? 0.5)} w`, dashOp(opts.dash));
    ops.push(`${num(x)} ${num(this.height - y - height)} ${num(width)} ${num(height)} re`, opts.fill && opts.stroke ? "B" : opts.fill ? "f" : "S", "Q");
    this.ops.push(...ops);
  }
}

/** "D:YYYYMMDDHHmmSSZ" in UTC (PDF 1.7, §7.9.4). */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export class PdfDocument {
  readonly #info: DocumentInfo;
  readonly #pages: PdfPage[] = [];
  readonly #fonts = new Set<FontKey>();
  readonly #cjkCodes = new Set<number>();

  constructor(info: DocumentInfo) {
    this.#info = info;
  }

  get pageCount(): number {
    return this.#pages.length;
  }

  addPage(size: PageSize = A4_PORTRAIT): PdfPage {
    for (const v of [size.width, size.height]) if (!(v >= 3 && v <= 14400)) throw new RangeError(`page sides must be 3–14400 pt, got ${v}`);
    const page = new PdfPage(size, this.#fonts, this.#cjkCodes);
    this.#pages.push(page);
    return page;
  }

  /** The finished file. */
  toBytes(): Buffer {
    if (this.#pages.length === 0) throw new Error("a PDF needs at least one page");
    const compress = this.#info.compress ?? true;
    const bodies: (string | Buffer)[] = [];
    const add = (body: string | Buffer = "") => bodies.push(body);
    const stream = (text: string) => {
      const raw = Buffer.from(text, "latin1");
      const data = compress ? deflateSync(raw) : raw;
      return Buffer.concat([Buffer.from(`<< /Length ${data.length}${compress ? " /Filter /FlateDecode" : ""} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]);
    };

    const catalog = add();
    const pagesRoot = add();
    const info = add(
      `<< /Title ${pdfTextString(this.#info.title)} /Producer (renkei) /Creator (renkei) /CreationDate (${pdfDate(this.#info.creationDate ?? new Date())}) >>`,
    );
    const fontRefs: string[] = [];
    for (const key of ["F1", "F2"] as const) if (this.#fonts.has(key)) fontRefs.push(`/${key} ${add(helveticaDict(key === "F2"))} 0 R`);
    if (this.#fonts.has("F3")) {
      const descriptor = add(cjkDescriptorDict());
      const cidFont = add(cjkCidFontDict(descriptor));
      const toUnicode = add(stream(toUnicodeCMap(this.#cjkCodes)));
      fontRefs.push(`/F3 ${add(cjkType0Dict(cidFont, toUnicode))} 0 R`);
    }
    const resources = `<< /Font << ${fontRefs.join(" ")} >> /ProcSet [/PDF /Text] >>`;
    const kids = this.#pages.map((page) => {
      const contents = add(stream(page.ops.join("\n")));
      return add(`<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources ${resources} /Contents ${contents} 0 R >>`);
    });
    bodies[pagesRoot - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
    const lang = this.#info.lang ? ` /Lang ${pdfTextString(this.#info.lang)}` : "";
    bodies[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRoot} 0 R /ViewerPreferences << /DisplayDocTitle true >>${lang} >>`;

    // The header's second line holds bytes above 127 so transfer tools treat the file as binary.
    const chunks: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
    let length = chunks[0]!.length;
    const offsets: number[] = [];
    bodies.forEach((body, i) => {
      const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1")]);
      offsets.push(length);
      chunks.push(chunk);
      length += chunk.length;
    });
    const id = createHash("md5").update(Buffer.concat(chunks)).digest("hex").toUpperCase();
    // Each cross-reference entry is exactly 20 bytes: 10-digit offset, 5-digit generation, keyword, 2-byte EOL.
    const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
    const trailer = `trailer\n<< /Size ${bodies.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${length}\n%%EOF\n`;
    chunks.push(Buffer.from(xref + trailer, "latin1"));
    return Buffer.concat(chunks);
  }
}
