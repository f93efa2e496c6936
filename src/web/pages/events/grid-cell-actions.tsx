/**
 * @module web/pages/events/grid-cell-actions
 * What the organisers do with one meeting of the grid, from the keyboard as well as the mouse: move it
 * ("move to…", the keyboard's drag and drop), cancel it (after a confirmation naming both sides) and, once
 * its slot has started, record attendance (held, no-show, undo). The page shows what came of it — a
 * notice, the reschedule prompt, or the API's problem above the grid.
 */
import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/locale.tsx";
import type { Problem } from "../../lib/api.ts";
import { toProblem, type TGrid, type TSlot } from "./common.tsx";
import { AttendanceButtons, cancelMeetingAfterConfirm, hasStarted, pairText, recordAttendance, type AttendanceStatus } from "./meeting-actions.tsx";

export type Cell = NonNullable<TGrid["rows"][number]["cells"][number]>;
export interface Place {
  value: string;
  label: string;
}
/** What a cell action did, for the page to react (reload, notice, reschedule prompt). */
export type CellOutcome = { kind: "cancelled"; cell: Cell } | { kind: "attendance"; cell: Cell; status: AttendanceStatus };

function MoveControl({ cell, options, current, onMove }: { cell: Cell; options: Place[]; current: string | null; onMove: (to: string) => void }) {
  const { t } = useI18n();
  const [to, setTo] = useState("");
  const id = `move-${cell.meetingId}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (to) onMove(to);
  };
  return (
    <form className="move-control" onSubmit={submit}>
      <label htmlFor={id} className="sr-only">
        {t("events.moveNamed", { name: pairText(cell.participants) })}
      </label>
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
        <option value="">{t("events.moveTo")}</option>
        {options
          .filter((o) => o.value !== current)
          .map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        {current ? <option value="none">{t("events.unplace")}</option> : null}
      </select>
      <button type="submit" className="small" disabled={!to} aria-label={t("events.moveButtonNamed", { name: pairText(cell.participants) })}>
        {t("events.moveButton")}
      </button>
    </form>
  );
}

/** The actions of one meeting card; `slot` is null for a meeting without a place. */
export function GridCellActions({
  eventId,
  cell,
  slot,
  now,
  options,
  current,
  onMove,
  onDone,
  onProblem,
}: {
  eventId: string;
  cell: Cell;
  slot: Pick<TSlot, "startsAt"> | null;
  now: Date;
  options: Place[];
  current: string | null;
  onMove: (to: string) => void;
  onDone: (outcome: CellOutcome) => void;
  onProblem: (problem: Problem) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const pair = pairText(cell.participants);
  const names = { a: cell.participants[0]?.name ?? "", b: cell.participants[1]?.name ?? "" };
  const run = async (action: () => Promise<CellOutcome | null>) => {
    setBusy(true);
    try {
      const outcome = await action();
      if (outcome) onDone(outcome);
    } catch (error) {
      onProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => run(async () => ((await cancelMeetingAfterConfirm(eventId, cell.meetingId, t("events.cancelPairConfirm", names))) ? { kind: "cancelled", cell } : null));
  const mark = (status: AttendanceStatus) => run(async () => (await recordAttendance(eventId, cell.meetingId, status), { kind: "attendance", cell, status }));
  // Attendance only once the meeting could have taken place; before that, cancelling is what applies.
  const started = hasStarted(slot, now);
  return (
    <div className="cell-actions">
      <MoveControl cell={cell} options={options} current={current} onMove={onMove} />
      <div className="cell-buttons">
        {cell.status === "planned" ? (
          <button type="button" className="small danger" disabled={busy} onClick={() => void cancel()} aria-label={t("events.cancelPairNamed", names)}>
            {t("events.cancelMeetingShort")}
          </button>
        ) : null}
        {started ? <AttendanceButtons pair={pair} status={cell.status} disabled={busy} onMark={(status) => void mark(status)} /> : null}
      </div>
    </div>
  );
}

