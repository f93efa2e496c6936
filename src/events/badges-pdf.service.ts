/**
 * @module events/badges-pdf.service
 * The organisers' printables as PDF, drawn with our own writer (src/core/pdf): name badges — A4
 * portrait, 2 × 4 badges of 90 × 55 mm with cut marks, one per approved participant or for chosen ones
 * to reprint — and the participant list, A4 landscape, header row on every page, "1 / 3" page numbers.
 * Both read the same roster as the XLSX workbook, in the same order. Labels are bilingual on the page.
 */
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { countryName } from "../core/codes.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { A4_LANDSCAPE, A4_PORTRAIT, mm, PdfDocument, type PdfPage, type Rgb, type TextOptions } from "../core/pdf/document.ts";
import { fitText, splitInTwo, textWidth, truncateText } from "../core/pdf/metrics.ts";
import type { Executor } from "../db/connection.ts";
import { loadManagedEvent, type EventRow } from "./event-access.ts";
import { loadParticipantRoster, type RosterEntry } from "./organiser-outputs.service.ts";
import { PARTICIPANT_STATUS_LABELS, PARTICIPANT_TYPE_LABELS, type ParticipantStatus, type ParticipantType } from "./vocabulary.ts";

export const ZBadgesQuery = z.strictObject({
  participantId: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : [...new Set([v].flat().flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))]))
    .pipe(z.array(z.uuid({ error: (issue) => `not a participant id (UUID): ${String(issue.input)}` })).min(1, "give at least one participant id").max(1000).optional())
    .describe("Only these participants' badges, to reprint them: repeat the parameter or separate ids by commas (default: every approved participant)"),
});

export interface PdfFile {
  file: Buffer;
  /** ASCII-only file name. */
  name: string;
  /** The file name in full, for filename*. */
  utf8Name: string;
}

/** Content-Disposition for a download: an ASCII filename for old clients and filename* (RFC 6266/8187). */
export function attachmentDisposition(name: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encoded}`;
}

const fileName = (prefix: string, event: EventRow) => `${prefix}-${event.nameJa.replace(/[\x00-\x1f\x7f/\\:*?"<>|]/g, "_").trim().slice(0, 80)}.pdf`;

const GREY: Rgb = [0.4, 0.4, 0.4];
const RULE: Rgb = [0.72, 0.72, 0.72];
const BAND: Rgb = [0.89, 0.93, 0.98];
const TYPE_TINT: Record<ParticipantType, Rgb> = {
  seller: [0.86, 0.94, 0.87],
  buyer: [0.99, 0.91, 0.8],
  government: [0.87, 0.9, 0.98],
  support_organisation: [0.93, 0.89, 0.97],
};

const typeLabel = (p: RosterEntry["participant"]) => PARTICIPANT_TYPE_LABELS[p.participantType as ParticipantType];
const both = (l: { ja: string; en: string }) => `${l.ja} / ${l.en}`;
const eventDates = (e: EventRow) => (e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} – ${e.endsOn}`);

/** Draws text shrunk to fit the width (down to minSize) and cut with an ellipsis beyond that. */
function fitted(page: PdfPage, text: string, x: number, y: number, maxWidth: number, opts: TextOptions & { minSize?: number }): number {
  const fit = fitText(text, maxWidth, { size: opts.size, minSize: opts.minSize ?? opts.size * 0.75, bold: opts.bold });
  return page.text(fit.text, x, y, { ...opts, size: fit.size });
}

/** The badges to print: every approved participant, or the chosen ones (each must be approved). */
function chooseBadges(roster: RosterEntry[], ids: readonly string[] | undefined): RosterEntry[] {
  if (!ids) return roster.filter((r) => r.participant.status === "approved");
  const byId = new Map(roster.map((r) => [r.participant.id, r]));
  const errors: FieldError[] = [];
  for (const id of ids) {
    const entry = byId.get(id);
    if (!entry) errors.push({ path: "query.participantId", message: `no participant ${id} in this event`, value: id });
    else if (entry.participant.status !== "approved") {
      const status = PARTICIPANT_STATUS_LABELS[entry.participant.status as ParticipantStatus].en.toLowerCase();
      errors.push({ path: "query.participantId", message: `participant ${id} is ${status}; only approved participants get a badge`, value: id });
    }
  }
  if (errors.length) throw new AppError("validation_failed", `Cannot print these badges: ${errors.map((e) => e.message).join("; ")}.`, errors);
  const chosen = new Set(ids);
  return roster.filter((r) => chosen.has(r.participant.id));
}

const BADGE_W = mm(90);
const BADGE_H = mm(55);
const COLS = 2;
const ROWS = 4;
const PAD = mm(4);

/** The name, as large as fits on one line down to 14 pt, else on two lines (at most 16 pt), else cut. */
function drawName(page: PdfPage, name: string, centre: number, top: number, width: number): void {
  const one = fitText(name, width, { size: 22, minSize: 14, bold: true });
  if (!one.truncated) {
    page.text(one.text, centre, top + mm(26), { size: one.size, bold: true, align: "center" });
    return;
  }
  const lines = splitInTwo(name, true);
  const size = Math.max(10, Math.min(16, Math.floor(((16 * width) / Math.max(...lines.map((l) => textWidth(l, 16, true)))) * 10) / 10));
  lines.forEach((line, i) => page.text(truncateText(line, width, size, true), centre, top + mm(21.5 + 6.5 * i), { size, bold: true, align: "center" }));
}

function drawBadge(page: PdfPage, event: EventRow, { participant: p, org }: RosterEntry, x: number, y: number): void {
  const inner = BADGE_W - 2 * PAD;
  const centre = x + BADGE_W / 2;
  const type = p.participantType as ParticipantType;
  page.rect(x, y, BADGE_W, mm(13), { fill: BAND });
  page.rect(x, y + BADGE_H - mm(10), BADGE_W, mm(10), { fill: TYPE_TINT[type] });
  page.rect(x, y, BADGE_W, BADGE_H, { stroke: RULE, lineWidth: 0.4 });
  fitted(page, event.nameJa, centre, y + mm(6), inner, { size: 9, bold: true, align: "center", minSize: 6 });
  fitted(page, event.nameEn, centre, y + mm(10.5), inner, { size: 7.5, align: "center", color: GREY, minSize: 5.5 });
  const name = p.contactName ?? p.name;
  drawName(page, name, centre, y, inner);
  const orgLines = (org ? [org.nameJa, org.nameEn] : [p.name]).filter((line, i, all) => line && line !== name && all.indexOf(line) === i);
  orgLines.forEach((line, i) => fitted(page, line, centre, y + mm(35.5 + 5.5 * i), inner, { size: i === 0 ? 10.5 : 9, align: "center", minSize: 6.5 }));
  const code = p.country ?? org?.country;
  const country = code ? `${countryName(code, "ja")} / ${countryName(code, "en")}` : "";
  const typeWidth = fitted(page, both(typeLabel(p)), x + PAD, y + BADGE_H - mm(3.7), inner * 0.6, { size: 9, bold: true, minSize: 6.5 });
  if (country) fitted(page, country, x + BADGE_W - PAD, y + BADGE_H - mm(3.7), inner - typeWidth - mm(3), { size: 8, align: "right", minSize: 6 });
}

/** Short marks outside the grid where the guillotine cuts: at every column and row edge. */
function drawCutMarks(page: PdfPage, left: number, top: number, rows: number): void {
  const gap = mm(2);
  const len = mm(5);
  const right = left + COLS * BADGE_W;
  const bottom = top + rows * BADGE_H;
  const mark = { width: 0.3 };
  for (let c = 0; c <= COLS; c++) {
    const x = left + c * BADGE_W;
    page.line(x, top - gap - len, x, top - gap, mark);
    page.line(x, bottom + gap, x, bottom + gap + len, mark);
  }
  for (let r = 0; r <= rows; r++) {
    const y = top + r * BADGE_H;
    page.line(left - gap - len, y, left - gap, y, mark);
    page.line(right + gap, y, right + gap + len, y, mark);
  }
}

/** Name badges of the event's approved participants (or of the chosen ones), eight to an A4 page. */
export async function badgesPdf(db: Executor, actor: Actor, eventId: string, participantIds?: readonly string[]): Promise<PdfFile> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const badges = chooseBadges(await loadParticipantRoster(db, eventId), participantIds);
  const doc = new PdfDocument({ title: `名札 Badges — ${event.nameJa} / ${event.nameEn}`, lang: "ja" });
  const perPage = COLS * ROWS;
  const pages = Math.max(1, Math.ceil(badges.length / perPage));
  const left = (A4_PORTRAIT.width - COLS * BADGE_W) / 2;
  const top = (A4_PORTRAIT.height - ROWS * BADGE_H) / 2;
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage(A4_PORTRAIT);
    const header = `名札 Badges · ${event.nameJa} / ${event.nameEn}`;
    fitted(page, header, left, mm(14), COLS * BADGE_W - mm(20), { size: 8, color: GREY, minSize: 6 });
    page.text(`${n + 1} / ${pages}`, left + COLS * BADGE_W, mm(14), { size: 8, color: GREY, align: "right" });
    const onPage = badges.slice(n * perPage, (n + 1) * perPage);
    if (onPage.length === 0) {
      page.text("承認済みの参加者はいません / No approved participants", A4_PORTRAIT.width / 2, top + mm(20), { size: 12, align: "center", color: GREY });
      continue;
    }
    onPage.forEach((entry, i) => drawBadge(page, event, entry, left + (i % COLS) * BADGE_W, top + Math.floor(i / COLS) * BADGE_H));
    drawCutMarks(page, left, top, Math.ceil(onPage.length / COLS));
  }
  return { file: doc.toBytes(), name: `badges-${event.id}.pdf`, utf8Name: fileName("名札", event) };
}

interface Column {
  ja: string;
  en: string;
  width: number;
  align?: "left" | "right";
  /** The cell's main line and the smaller grey line under it. */
  cell: (entry: RosterEntry, index: number) => [string, string?];
}

const COLUMNS: Column[] = [
  { ja: "番号", en: "No.", width: mm(12), align: "right", cell: (_, i) => [String(i + 1)] },
  { ja: "名前", en: "Name", width: mm(58), cell: ({ participant: p }) => [p.name, p.contactName ?? undefined] },
  { ja: "組織", en: "Organisation", width: mm(78), cell: ({ org }) => (org ? [org.nameJa, org.nameEn] : ["—"]) },
  { ja: "区分", en: "Type", width: mm(38), cell: ({ participant: p }) => [typeLabel(p).ja, typeLabel(p).en] },
  {
    ja: "状態",
    en: "Status",
    width: mm(32),
    cell: ({ participant: p }) => {
      const status = PARTICIPANT_STATUS_LABELS[p.status as ParticipantStatus];
      return [status.ja, status.en];
    },
  },
  {
    ja: "国",
    en: "Country",
    width: mm(30),
    cell: ({ participant: p, org }) => {
      const code = p.country ?? org?.country;
      return code ? [countryName(code, "ja"), `${countryName(code, "en")} (${code})`] : ["—"];
    },
  },
  { ja: "商談数", en: "Meetings", width: mm(25), align: "right", cell: ({ meetings }) => [String(meetings)] },
];

const MARGIN = mm(12);
const TABLE_TOP = mm(31);
const HEADER_H = 24;
const ROW_H = 27;
const CELL_PAD = 4;
/** Rows that fit between the header row and the footer. */
export const LIST_ROWS_PER_PAGE = Math.floor((A4_LANDSCAPE.height - mm(16) - TABLE_TOP - HEADER_H) / ROW_H);

function drawListHeading(page: PdfPage, event: EventRow, total: number): void {
  const width = A4_LANDSCAPE.width - 2 * MARGIN;
  fitted(page, event.nameJa, MARGIN, MARGIN + 8, width * 0.7, { size: 14, bold: true, minSize: 9 });
  fitted(page, event.nameEn, MARGIN, MARGIN + 24, width * 0.7, { size: 11, minSize: 8 });
  page.text("参加者一覧 / Participant list", MARGIN + width, MARGIN + 8, { size: 12, bold: true, align: "right" });
  page.text(`会期 Dates: ${eventDates(event)} · ${total} 件 / ${total} participants`, MARGIN + width, MARGIN + 24, { size: 9, align: "right", color: GREY });
}

function drawHeaderRow(page: PdfPage, y: number): void {
  let x = MARGIN;
  page.rect(MARGIN, y, A4_LANDSCAPE.width - 2 * MARGIN, HEADER_H, { fill: BAND });
  for (const col of COLUMNS) {
    const at = col.align === "right" ? x + col.width - CELL_PAD : x + CELL_PAD;
    fitted(page, col.ja, at, y + 10, col.width - 2 * CELL_PAD, { size: 8.5, bold: true, align: col.align, minSize: 6 });
    fitted(page, col.en, at, y + 20, col.width - 2 * CELL_PAD, { size: 7.5, color: GREY, align: col.align, minSize: 6 });
    x += col.width;
  }
}

/** Every participant of the event (all statuses), in the XLSX's order, as an A4 landscape table. */
export async function participantListPdf(db: Executor, actor: Actor, eventId: string): Promise<PdfFile> {
  const { event } = await loadManagedEvent(db, actor, eventId);
  const roster = await loadParticipantRoster(db, eventId);
  const doc = new PdfDocument({ title: `参加者一覧 Participant list — ${event.nameJa} / ${event.nameEn}`, lang: "ja" });
  const pages = Math.max(1, Math.ceil(roster.length / LIST_ROWS_PER_PAGE));
  const tableWidth = A4_LANDSCAPE.width - 2 * MARGIN;
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage(A4_LANDSCAPE);
    drawListHeading(page, event, roster.length);
    drawHeaderRow(page, TABLE_TOP);
    const rows = roster.slice(n * LIST_ROWS_PER_PAGE, (n + 1) * LIST_ROWS_PER_PAGE);
    rows.forEach((entry, r) => {
      const index = n * LIST_ROWS_PER_PAGE + r;
      const y = TABLE_TOP + HEADER_H + r * ROW_H;
      if (r % 2 === 1) page.rect(MARGIN, y, tableWidth, ROW_H, { fill: [0.96, 0.96, 0.96] });
      let x = MARGIN;
      for (const col of COLUMNS) {
        const [main, sub] = col.cell(entry, index);
        const at = col.align === "right" ? x + col.width - CELL_PAD : x + CELL_PAD;
        const inner = col.width - 2 * CELL_PAD;
        fitted(page, main, at, y + 11, inner, { size: 9, align: col.align, minSize: 7 });
        if (sub) fitted(page, sub, at, y + 21.5, inner, { size: 7.5, align: col.align, color: GREY, minSize: 6 });
        x += col.width;
      }
      page.line(MARGIN, y + ROW_H, MARGIN + tableWidth, y + ROW_H, { width: 0.3, color: RULE });
    });
    if (rows.length === 0) page.text("参加者はいません / No participants", MARGIN + CELL_PAD, TABLE_TOP + HEADER_H + 16, { size: 9, color: GREY });
    page.rect(MARGIN, TABLE_TOP, tableWidth, HEADER_H + Math.max(1, rows.length) * ROW_H, { stroke: RULE, lineWidth: 0.5 });
    page.text(`${n + 1} / ${pages}`, A4_LANDSCAPE.width / 2, A4_LANDSCAPE.height - mm(8), { size: 9, align: "center", color: GREY });
  }
  return { file: doc.toBytes(), name: `participants-${event.id}.pdf`, utf8Name: fileName("参加者一覧", event) };
}
