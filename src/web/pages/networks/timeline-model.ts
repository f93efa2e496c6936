/**
 * @module web/pages/networks/timeline-model
 * The pure side of a tie's timeline: its history of states as dated segments from each change to the
 * next (the last one running to the end of the view), partial dates as days, and year ticks.
 */

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** A partial date's first day as a UTC timestamp (`2022-11` → 1 November 2022); NaN when unreadable. */
export function dayOf(value: string): number {
  const m = PARTIAL.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

export interface StateSegment {
  state: string;
  from: number;
  to: number;
}

/**
 * Segments between consecutive events (dates never go backwards in a valid history); the last runs to
 * `end`, except an ended tie, whose segment is a point at its end.
 */
export function stateSegments(events: ReadonlyArray<{ state: string; date: string }>, end: number): StateSegment[] {
  const out: StateSegment[] = [];
  events.forEach((event, i) => {
    const from = dayOf(event.date);
    const next = events[i + 1];
    const to = next ? dayOf(next.date) : event.state === "ended" ? from : Math.max(from, end);
    if (Number.isFinite(from)) out.push({ state: event.state, from, to });
  });
  return out;
}

/** Years to label on an axis from `from` to `to` (timestamps): about `count` round steps. */
export function yearTicks(from: number, to: number, count = 6): number[] {
  const year = new Date(from).getUTCFullYear();
  // The first 1 January inside the range.
  const first = Date.UTC(year, 0, 1) < from ? year + 1 : year;
  const last = new Date(to).getUTCFullYear();
  const span = Math.max(1, last - first);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => span / s <= count) ?? 100;
  const years: number[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) years.push(y);
  return years;
}
