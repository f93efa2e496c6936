/**
 * @module web/pages/events/grid-outcome
 * What the organisers' grid reports after an action: the scheduler's result (objective, bound, gap,
 * proven optimal or not), the changes a (re)schedule made — moved, newly placed, taken out, still
 * unplaced — a refused move with the API's reason, and the prompt to reschedule after a cancellation.
 */
import { useEffect, useRef } from "react";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { Problem } from "../../lib/api.ts";
import { CONFLICT_LABELS, type TGrid, type TScheduleOutcome } from "./common.tsx";
import type { Cell } from "./grid-cell-actions.tsx";
import { pairText } from "./meeting-actions.tsx";
import { formatSlot } from "./time.ts";

export function ScheduleResult({ result }: { result: TScheduleOutcome }) {
  const { t, locale } = useI18n();
  return (
    <div className="schedule-result" role="status">
      <p className="strong">{t(result.optimal ? "events.optimal" : "events.notProvenOptimal")}</p>
      <dl className="details">
        <div>
          <dt>{t("events.objectivePriority")}</dt>
          <dd>{formatNumber(result.objective.priority, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.unmetParticipants")}</dt>
          <dd>{formatNumber(result.objective.unmetParticipants, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.bound")}</dt>
          <dd>{formatNumber(result.bound, locale, 2)}</dd>
        </div>
        <div>
          <dt>{t("events.gap")}</dt>
          <dd>{formatShare(result.gap, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.method")}</dt>
          <dd>{t(result.method === "exact" ? "events.methodExact" : "events.methodFast")}</dd>
        </div>
        <div>
          <dt>{t("events.placedUnplaced")}</dt>
          <dd>
            {formatNumber(result.meetings.length, locale)} / {formatNumber(result.unscheduled.length, locale)}
          </dd>
        </div>
        <div>
          <dt>{t("events.moves")}</dt>
          <dd>{formatNumber(result.moves, locale)}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * What a (re)schedule changed — meetings moved (from → to, in the event's zone), taken out, newly placed —
 * and the meetings still without a place. `focus` moves the keyboard there (after the reschedule prompt).
 */
export function ScheduleChanges({ result, grid, timeZone, focus }: { result: TScheduleOutcome; grid: TGrid; timeZone: string; focus: boolean }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, result]);
  const { moved, dropped, placed } = result.changes;
  const slots = new Map(grid.rows.map((r) => [r.slot.id, r.slot]));
  const cells = new Map(grid.rows.flatMap((r) => r.cells).concat(grid.unscheduled).filter((c): c is NonNullable<typeof c> => !!c).map((c) => [c.meetingId, c]));
  const placedAt = new Map(result.meetings.map((m) => [m.meetingId, m]));
  const what = (id: string) => {
    const cell = cells.get(id);
    return cell ? pairText(cell.participants) : id.slice(0, 8);
  };
  const place = (p: { slotId: string; table: number }) => {
    const slot = slots.get(p.slotId);
    const when = slot ? formatSlot(slot.startsAt, slot.endsAt, timeZone, locale) : p.slotId;
    return `${when} · ${grid.tables[p.table - 1]?.name ?? t("events.tableN", { n: p.table })}`;
  };
  const list = (heading: string, items: { id: string; text: string }[]) =>
    items.length ? (
      <>
        <h3>{heading}</h3>
        <ul>
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      </>
    ) : null;
  return (
    <section className="schedule-changes" aria-labelledby="schedule-changes" tabIndex={-1} ref={ref}>
      <h2 id="schedule-changes">{t("events.changes")}</h2>
      <p>
        {[t("events.movedN", { n: formatNumber(moved.length, locale) }), t("events.droppedN", { n: formatNumber(dropped.length, locale) }), t("events.placedN", { n: formatNumber(placed.length, locale) })].join(" · ")}
      </p>
      {list(
        t("events.moves"),
        moved.map((m) => ({ id: m.meetingId, text: t("events.moveFromTo", { what: what(m.meetingId), from: place(m.from), to: place(m.to) }) })),
      )}
      {list(
        t("events.newlyPlaced"),
        placed.map((id) => {
          const at = placedAt.get(id);
          return { id, text: at ? t("events.placedAt", { what: what(id), to: place(at) }) : what(id) };
        }),
      )}
      {list(
        t("events.takenOut"),
        dropped.map((id) => ({ id, text: what(id) })),
      )}
      {!moved.length && !dropped.length && !placed.length ? <p className="muted">{t("events.noChanges")}</p> : null}
      {list(
        t("events.stillUnplaced"),
        result.unscheduled.map((id) => ({ id, text: what(id) })),
      )}
    </section>
  );
}

export function MoveError({ problem }: { problem: Problem }) {
  const { t, pick } = useI18n();
  if (!problem.errors.length) return <ProblemAlert problem={problem} />;
  return (
    <div className="problem" role="alert">
      <p className="problem-title">{t("events.moveRefused")}</p>
      <ul>
        {problem.errors.map((e, i) => (
          <li key={i}>
            {e.code && CONFLICT_LABELS[e.code] ? <strong>{pick(CONFLICT_LABELS[e.code]!)}: </strong> : null}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After a cancellation: a slot is free; offer the fewest-moves reschedule. Takes the keyboard focus, since the cancelled card is gone. */
export function ReschedulePrompt({ cell, busy, onReschedule, onDismiss }: { cell: Cell; busy: boolean; onReschedule: () => void; onDismiss: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [cell]);
  const names = { a: cell.participants[0]?.name ?? "", b: cell.participants[1]?.name ?? "" };
  return (
    <div className="notice reschedule-prompt" role="group" aria-labelledby="slot-cancelled slot-freed" tabIndex={-1} ref={ref}>
      <p id="slot-cancelled">{t("events.pairCancelled", names)}</p>
      <p id="slot-freed" className="strong">
        {t("events.slotFreed")}
      </p>
      <div className="actions-cell">
        <button type="button" className="primary" disabled={busy} onClick={onReschedule}>
          {busy ? t("events.rescheduling") : t("events.rescheduleNow")}
        </button>
        <button type="button" onClick={onDismiss}>
          {t("events.notNow")}
        </button>
      </div>
    </div>
  );
}
