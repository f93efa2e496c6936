/**
 * @module web/pages/events/grid-page
 * The organisers' grid: tables × time slots with the scheduled meetings. "Schedule" runs the optimal
 * scheduler (POST /schedule) and shows its objective, bound, gap and whether it is proven optimal. A
 * meeting moves by drag and drop onto another cell, or — from the keyboard — with its "move to…" select;
 * either calls PATCH, which re-validates the grid, and a conflict shows the API's message.
 */
import { useState, type DragEvent, type FormEvent } from "react";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { CONFLICT_LABELS, EventCrumb, MEETING_STATUS_LABELS, toProblem, ZoneNote, type TEvent, type TGrid, type TScheduleOutcome } from "./common.tsx";
import { dayKey, formatDay, formatSlot, formatTimeRange } from "./time.ts";

type Cell = NonNullable<TGrid["rows"][number]["cells"][number]>;
const DRAG_TYPE = "application/x-renkei-meeting";

function cellNames(cell: Cell): string {
  return cell.participants.map((p) => p.name).join(" × ");
}

/** Every place a meeting could go: each slot's tables, labelled with day, time and table. */
function places(grid: TGrid, zone: string, locale: "ja" | "en", tableLabel: (n: number) => string) {
  const list: { value: string; label: string }[] = [];
  for (const row of grid.rows) {
    for (let i = 0; i < row.tables && i < grid.tables.length; i++) {
      const table = grid.tables[i]!;
      list.push({
        value: `${row.slot.id}|${table.number}`,
        label: `${formatDay(row.slot.startsAt, zone, locale)} ${formatTimeRange(row.slot.startsAt, row.slot.endsAt, zone, locale)} · ${table.name ?? tableLabel(table.number)}${row.cells[i] ? ` (${cellNames(row.cells[i]!)})` : ""}`,
      });
    }
  }
  return list;
}

function MoveControl({ cell, options, current, onMove }: { cell: Cell; options: { value: string; label: string }[]; current: string | null; onMove: (to: string) => void }) {
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
        {t("events.moveNamed", { name: cellNames(cell) })}
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
      <button type="submit" className="small" disabled={!to} aria-label={t("events.moveButtonNamed", { name: cellNames(cell) })}>
        {t("events.moveButton")}
      </button>
    </form>
  );
}

function MeetingCard({ cell, options, current, onMove }: { cell: Cell; options: { value: string; label: string }[]; current: string | null; onMove: (id: string, to: string) => void }) {
  const { t, pick } = useI18n();
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, cell.meetingId);
    e.dataTransfer.setData("text/plain", cell.meetingId);
    e.dataTransfer.effectAllowed = "move";
  };
  return (
    <div role="group" className={`meeting-card${cell.fixed ? " fixed" : ""}`} draggable onDragStart={onDragStart} data-meeting={cell.meetingId} aria-label={cellNames(cell)}>
      <span className="names">{cellNames(cell)}</span>
      <span className="meta">
        {t("events.priorityN", { n: cell.priority })}
        {cell.status !== "planned" ? ` · ${pick(MEETING_STATUS_LABELS[cell.status])}` : ""}
        {cell.fixed ? ` · ${t("events.pinned")}` : ""}
      </span>
      <MoveControl cell={cell} options={options} current={current} onMove={(to) => onMove(cell.meetingId, to)} />
    </div>
  );
}

function ScheduleResult({ result }: { result: TScheduleOutcome }) {
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

/** What a (re)schedule changed: meetings moved (from → to, in the event's zone), taken out, newly placed. */
function ScheduleChanges({ result, grid, timeZone }: { result: TScheduleOutcome; grid: TGrid; timeZone: string }) {
  const { t, locale } = useI18n();
  const { moved, dropped, placed } = result.changes;
  const slots = new Map(grid.rows.map((r) => [r.slot.id, r.slot]));
  const cells = new Map(grid.rows.flatMap((r) => r.cells).concat(grid.unscheduled).filter((c): c is NonNullable<typeof c> => !!c).map((c) => [c.meetingId, c]));
  const place = (p: { slotId: string; table: number }) => {
    const slot = slots.get(p.slotId);
    const when = slot ? formatSlot(slot.startsAt, slot.endsAt, timeZone, locale) : p.slotId;
    return `${when} · ${t("events.tableN", { n: p.table })}`;
  };
  return (
    <section className="schedule-changes" aria-labelledby="schedule-changes">
      <h2 id="schedule-changes">{t("events.changes")}</h2>
      <p>
        {[t("events.movedN", { n: formatNumber(moved.length, locale) }), t("events.droppedN", { n: formatNumber(dropped.length, locale) }), t("events.placedN", { n: formatNumber(placed.length, locale) })].join(" · ")}
      </p>
      {moved.length ? (
        <ul>
          {moved.map((m) => {
            const cell = cells.get(m.meetingId);
            return <li key={m.meetingId}>{t("events.moveFromTo", { what: cell ? cellNames(cell) : m.meetingId.slice(0, 8), from: place(m.from), to: place(m.to) })}</li>;
          })}
        </ul>
      ) : !dropped.length && !placed.length ? (
        <p className="muted">{t("events.noChanges")}</p>
      ) : null}
    </section>
  );
}

function MoveError({ problem }: { problem: Problem }) {
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

export function GridPage({ eventId }: { eventId: string }) {
  const { t, name, locale } = useI18n();
  const event = useFetch<TEvent>(`/api/events/${eventId}`);
  const grid = useFetch<TGrid>(`/api/events/${eventId}/grid`);
  const [result, setResult] = useState<TScheduleOutcome | null>(null);
  const [rescheduled, setRescheduled] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [moveProblem, setMoveProblem] = useState<Problem | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  const error = event.error ?? grid.error;
  if (error) return <LoadError error={error} onRetry={() => (event.reload(), grid.reload())} />;
  if (!event.data || !grid.data) return <Loading />;
  const e = event.data;
  const g = grid.data;
  const zone = e.timeZone;
  const tableLabel = (n: number) => t("events.tableN", { n });
  const options = places(g, zone, locale, tableLabel);

  const schedule = async (action: "schedule" | "reschedule" = "schedule") => {
    setBusy(true);
    setProblem(null);
    setMoveProblem(null);
    setMoved(null);
    setResult(null);
    setRescheduled(action === "reschedule");
    try {
      setResult(await api<TScheduleOutcome>("POST", `/api/events/${eventId}/${action}`, {}));
      grid.reload();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const move = async (meetingId: string, to: string) => {
    setMoveProblem(null);
    setMoved(null);
    const [slotId, table] = to === "none" ? [null, undefined] : to.split("|");
    try {
      await api("PATCH", `/api/events/${eventId}/meetings/${meetingId}`, slotId ? { slotId, table: Number(table) } : { slotId: null });
      setMoved(t("events.moved"));
      grid.reload();
    } catch (err) {
      setMoveProblem(toProblem(err));
    }
  };

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
      {problem ? <ProblemAlert problem={problem} /> : null}
      {result ? <ScheduleResult result={result} /> : null}
      {result && rescheduled ? <ScheduleChanges result={result} grid={g} timeZone={zone} /> : null}
      {moveProblem ? <MoveError problem={moveProblem} /> : null}
      {moved ? (
        <p role="status" className="notice">
          {moved}
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
                            {cell ? <MeetingCard cell={cell} options={options} current={`${row.slot.id}|${tb.number}`} onMove={(id, to) => void move(id, to)} /> : <span className="sr-only">{t("events.free")}</span>}
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
                <MeetingCard cell={cell} options={options} current={null} onMove={(id, to) => void move(id, to)} />
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
