/**
 * @module web/pages/people/timeline-model
 * Geometry of a person's postings timeline: each posting as a bar from its first to its last day (an open
 * posting runs to today), on a year axis that covers them all, one lane per posting, oldest first. Partial
 * dates (2019, 2019-04) cover the whole year or month they name. Pure.
 */

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Milliseconds of the first (or last) day a partial date can mean; null for anything else. */
export function dayOf(value: string, edge: "first" | "last"): number | null {
  const m = PARTIAL.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (edge === "first") return Date.UTC(y, (month ?? 1) - 1, day ?? 1);
  if (day !== null) return Date.UTC(y, (month ?? 1) - 1, day);
  if (month !== null) return Date.UTC(y, month, 0);
  return Date.UTC(y, 11, 31);
}

export interface TimelineInput {
  id: string;
  from: string;
  to: string | null;
}

export interface TimelineBar {
  id: string;
  lane: number;
  /** Fractions 0–1 of the axis. */
  start: number;
  end: number;
  open: boolean;
}

export interface TimelineLayout {
  firstYear: number;
  /** The axis runs to the end of this year. */
  lastYear: number;
  bars: TimelineBar[];
  years: number[];
}

export function timelineLayout(postings: readonly TimelineInput[], today: number): TimelineLayout | null {
  const spans = postings
    .map((p) => {
      const start = dayOf(p.from, "first");
      const end = p.to ? dayOf(p.to, "last") : today;
      return start === null || end === null ? null : { id: p.id, start, end: Math.max(start, end), open: !p.to };
    })
    .filter((s): s is { id: string; start: number; end: number; open: boolean } => s !== null)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (!spans.length) return null;
  const firstYear = new Date(Math.min(...spans.map((s) => s.start))).getUTCFullYear();
  const lastYear = new Date(Math.max(...spans.map((s) => s.end))).getUTCFullYear();
  const axisStart = Date.UTC(firstYear, 0, 1);
  const axisEnd = Date.UTC(lastYear + 1, 0, 1);
  const span = axisEnd - axisStart;
  const frac = (t: number) => Math.min(1, Math.max(0, (t - axisStart) / span));
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear + 1; y++) years.push(y);
  return {
    firstYear,
    lastYear,
    years,
    bars: spans.map((s, lane) => ({ id: s.id, lane, start: frac(s.start), end: frac(s.end + 86_400_000), open: s.open })),
  };
}

/** Years between axis labels so that at most about ten are shown. */
export function yearStep(years: number): number {
  return [1, 2, 5, 10, 20].find((s) => years / s <= 10) ?? 50;
}
