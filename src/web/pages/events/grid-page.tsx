/**
 * @module web/pages/events/grid-page
 * The organisers' grid: tables × time slots with the scheduled meetings. "Schedule" runs the optimal
 * scheduler (POST /schedule) and shows its objective, bound, gap and whether it is proven optimal. A
 * meeting moves by drag and drop onto another cell, or — from the keyboard — with its "move to…" select;
 * either calls PATCH, which re-validates the grid, and a conflict shows the API's message. Each meeting can
 * also be cancelled or, once its slot has started, marked held or no-show (grid-cell-actions.tsx); after a
 * cancellation the page offers to reschedule (fewest moves) and lists what moved and what is still unplaced
 * (grid-outcome.tsx).
 */
import { useEffect, useRef, useState, type DragEvent } from "react";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EventCrumb, MEETING_STATUS_LABELS, toProblem, ZoneNote, type TEvent, type TGrid, type TScheduleOutcome, type TSlot } from "./common.tsx";
import { MoveError, ReschedulePrompt, ScheduleChanges, ScheduleResult } from "./grid-outcome.tsx";
import { GridCellActions, type Cell, type CellOutcome, type Place } from "./grid-cell-actions.tsx";
import { pairText } from "./meeting-actions.tsx";
import { dayKey, formatDay, formatTimeRange } from "./time.ts";

const DRAG_TYPE = "application/x-renkei-meeting";

/** Every place a meeting could go: each slot's tables, labelled with day, time and table. */
function places(grid: TGrid, zone: string, locale: "ja" | "en", tableLabel: (n: number) => string) {
  const list: Place[] = [];
  for (const row of grid.rows) {
    for (let i = 0; i < row.tables && i < grid.tables.length; i++) {
      const table = grid.tables[i]!;
      list.push({
        value: `${row.slot.id}|${table.number}`,
        label: `${formatDay(row.slot.startsAt, zone, locale)} ${formatTimeRange(row.slot.startsAt, row.slot.endsAt, zone, locale)} · ${table.name ?? tableLabel(table.number)}${row.cells[i] ? ` (${pairText(row.cells[i]!.participants)})` : ""}`,
      });
    }
  }
  return list;
}

interface CardActions {
  eventId: string;
  now: Date;
  options: Place[];
  onMove: (id: string, to: string) => void;
  onDone: (outcome: CellOutcome) => void;
  onProblem: (problem: Problem) => void;
}

function MeetingCard({ cell, slot, current, actions }: { cell: Cell; slot: TSlot | null; current: string | null; actions: CardActions }) {
  const { t, pick } = useI18n();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, cell.meetingId);
    e.dataTransfer.setData("text/plain", cell.meetingId);
    e.dataTransfer.effectAllowed = "move";
  };
  return (
    <div role="group" className={`meeting-card${cell.fixed ? " fixed" : ""} ${cell.status}`} draggable onDragStart={onDragStart} data-meeting={cell.meetingId} aria-label={pairText(cell.participants)}>
      <span className="names">{pairText(cell.participants)}</span>
      <span className="meta">
        {t("events.priorityN", { n: cell.priority })}
        {cell.status !== "planned" ? ` · ${pick(MEETING_STATUS_LABELS[cell.status])}` : ""}
        {cell.fixed ? ` · ${t("events.pinned")}` : ""}
      </span>
      <GridCellActions
        eventId={actions.eventId}
        cell={cell}
        slot={slot}
        now={actions.now}
        options={actions.options}
        current={current}
        onMove={(to) => actions.onMove(cell.meetingId, to)}
        onDone={actions.onDone}
        onProblem={actions.onProblem}
      />
    </div>
  );
}

export function GridPage({ eventId }: { eventId: string }) {
  const { t, pick, name, locale } = useI18n();
  const event = useFetch<TEvent>(`/api/events/${eventId}`);
  const grid = useFetch<TGrid>(`/api/events/${eventId}/grid`);
  const [result, setResult] = useState<TScheduleOutcome | null>(null);
  const [rescheduled, setRescheduled] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [moveProblem, setMoveProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [freed, setFreed] = useState<Cell | null>(null);
  const [fromPrompt, setFromPrompt] = useState(false);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A failed cell action may have removed the focused card (the grid reloads): put the keyboard on the alert.
    if (problem) problemRef.current?.focus();
  }, [problem]);
  const error = event.error ?? grid.error;
  if (error) return <LoadError error={error} onRetry={() => (event.reload(), grid.reload())} />;
  if (!event.data || !grid.data) return <Loading />;
  const e = event.data;
  const g = grid.data;
  const zone = e.timeZone;
  const tableLabel = (n: number) => t("events.tableN", { n });
  const options = places(g, zone, locale, tableLabel);

  const schedule = async (action: "schedule" | "reschedule" = "schedule", prompted = false) => {
    setBusy(true);
    setProblem(null);
    setMoveProblem(null);
    setNotice(null);
    setResult(null);
    setRescheduled(action === "reschedule");
    setFromPrompt(prompted);
    try {
      setResult(await api<TScheduleOutcome>("POST", `/api/events/${eventId}/${action}`, {}));
      setFreed(null);
      grid.reload();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const move = async (meetingId: string, to: string) => {
    setMoveProblem(null);
    setNotice(null);
    const [slotId, table] = to === "none" ? [null, undefined] : to.split("|");
    try {
      await api("PATCH", `/api/events/${eventId}/meetings/${meetingId}`, slotId ? { slotId, table: Number(table) } : { slotId: null });
      setNotice(t("events.moved"));
      grid.reload();
    } catch (err) {
      setMoveProblem(toProblem(err));
    }
  };

  const cellDone = (outcome: CellOutcome) => {
    setProblem(null);
    setMoveProblem(null);
    if (outcome.kind === "cancelled") {
      const names = { a: outcome.cell.participants[0]?.name ?? "", b: outcome.cell.participants[1]?.name ?? "" };
      // Only a placed meeting frees a slot worth rescheduling into.
      const placed = g.rows.some((r) => r.cells.some((c) => c?.meetingId === outcome.cell.meetingId));
      setNotice(placed ? null : t("events.pairCancelled", names));
      setResult(null);
      setFreed(placed ? outcome.cell : null);
    } else {
      setNotice(t("events.attendanceRecorded", { pair: pairText(outcome.cell.participants), status: pick(MEETING_STATUS_LABELS[outcome.status]) }));
    }
    grid.reload();
  };
  const cellProblem = (p: Problem) => {
    setNotice(null);
    setProblem(p);
    // The meeting may have changed meanwhile (cancelled by a participant): show the grid as it is now.
    grid.reload();
  };
  const actions: CardActions = { eventId, now: new Date(), options, onMove: (id, to) => void move(id, to), onDone: cellDone, onProblem: cellProblem };

  const dropProps = (slotId: string, table: number) => {
    const key = `${slotId}|${table}`;
    return {
      onDragOver: (ev: DragEvent) => {
        ev.preventDefault();
        ev.dataTransfer.dropEffect = "move";
        if (over !== key) setOver(key);
      },
      onDragLeave: () => setOver((o) => (o === key ? null : o)),
      onDrop: (ev: DragEvent) => {
        ev.preventDefault();
        setOver(null);
        const id = ev.dataTransfer.getData(DRAG_TYPE) || ev.dataTransfer.getData("text/plain");
        if (id) void move(id, key);
      },
      "data-cell": key,
      className: over === key ? "drop-target" : undefined,
    };
  };

  let lastDay = "";
  return (
    <>
      <EventCrumb event={e} />
      <PageHeader
        title={t("events.grid")}
        kicker={name(e.nameJa, e.nameEn)}
        actions={
          <>
            <button type="button" className="primary" onClick={() => void schedule("schedule")} disabled={busy}>
              {busy ? t("events.scheduling") : t("events.schedule")}
            </button>
            <button type="button" onClick={() => void schedule("reschedule")} disabled={busy} title={t("events.rescheduleHint")}>
              {busy ? t("events.rescheduling") : t("events.reschedule")}
            </button>
          </>
        }
      >
        <p className="subtitle">{t("events.gridIntro")}</p>
      </PageHeader>
      <ul className="events-links">
        <li>
          <a className="button" href={`/api/events/${eventId}/participants.xlsx`} download>
            {t("events.participantsXlsx")}
          </a>
        </li>
        <li>
          <a className="button" href={`/api/events/${eventId}/agenda.ics?lang=${locale}`} download>
            {t("events.eventIcs")}
          </a>
        </li>
        <li>
          <Link className="button" to={`/events/${eventId}/report`}>
            {t("events.report")}
          </Link>
        </li>
      </ul>
      {/* A conflict is not a form to correct: show its title and the API's explanation rather than a field list. */}
      {problem ? <ProblemAlert problem={problem} items={problem.code === "validation_failed" ? undefined : []} ref={problemRef} /> : null}
      {freed ? <ReschedulePrompt cell={freed} busy={busy} onReschedule={() => void schedule("reschedule", true)} onDismiss={() => setFreed(null)} /> : null}
      {result ? <ScheduleResult result={result} /> : null}
      {result && rescheduled ? <ScheduleChanges result={result} grid={g} timeZone={zone} focus={fromPrompt} /> : null}
      {moveProblem ? <MoveError problem={moveProblem} /> : null}
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {g.rows.length ? (
        <>
          <ZoneNote timeZone={zone} at={g.rows[0]!.slot.startsAt} />
          <div className="table-wrap grid-wrap">
            <table className="event-grid">
              <caption>{t("events.gridCaption", { revision: g.revision })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.time")}</th>
                  {g.tables.map((tb) => (
                    <th scope="col" key={tb.number}>
                      {tb.name ?? tableLabel(tb.number)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {g.rows.flatMap((row) => {
                  const day = dayKey(row.slot.startsAt, zone);
                  const out = [];
                  if (day !== lastDay) {
                    lastDay = day;
                    out.push(
                      <tr key={`day-${day}`} className="grid-day">
                        <th scope="colgroup" colSpan={g.tables.length + 1}>
                          {formatDay(row.slot.startsAt, zone, locale)}
                        </th>
                      </tr>,
                    );
                  }
                  out.push(
                    <tr key={row.slot.id}>
                      <th scope="row" className="nowrap">
                        <time dateTime={row.slot.startsAt}>{formatTimeRange(row.slot.startsAt, row.slot.endsAt, zone, locale)}</time>
                        {row.slot.room ? <span className="muted small"> {row.slot.room}</span> : null}
                      </th>
                      {g.tables.map((tb, i) => {
                        if (i >= row.tables) return <td key={tb.number} className="no-table" aria-label={t("events.noTable")} />;
                        const cell = row.cells[i] ?? null;
                        return (
                          <td key={tb.number} {...dropProps(row.slot.id, tb.number)}>
                            {cell ? <MeetingCard cell={cell} slot={row.slot} current={`${row.slot.id}|${tb.number}`} actions={actions} /> : <span className="sr-only">{t("events.free")}</span>}
                          </td>
                        );
                      })}
                    </tr>,
                  );
                  return out;
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="empty">{t("events.noSlots")}</p>
      )}
      <section className="panel unplaced" aria-labelledby="grid-unplaced">
        <h2 id="grid-unplaced">{t("events.unplaced")}</h2>
        {g.unscheduled.length ? (
          <ul className="unplaced-list">
            {g.unscheduled.map((cell) => (
              <li key={cell.meetingId}>
                <MeetingCard cell={cell} slot={null} current={null} actions={actions} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("events.noUnplaced")}</p>
        )}
      </section>
    </>
  );
}
