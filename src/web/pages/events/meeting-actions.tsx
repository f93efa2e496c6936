/**
 * @module web/pages/events/meeting-actions
 * What happens to a meeting around its slot: the participant cancels a planned meeting or, once it is
 * over (held, or its slot has ended), leaves feedback (rating, outcome, comments); the organisers record
 * attendance (held or no-show) in a table of the event's placed meetings, with the feedback given. The
 * small helpers (pair text, "has started", the cancel call, the attendance buttons) serve the grid too.
 */
import { useState, type FormEvent } from "react";
import { LoadError, Loading } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { useFetch } from "../../lib/use-fetch.ts";
import { FEEDBACK_OUTCOME_LABELS, FEEDBACK_OUTCOMES } from "../../../events/vocabulary.ts";
import { MEETING_STATUS_LABELS, SlotText, toProblem, type TMeeting } from "./common.tsx";

export { FEEDBACK_OUTCOME_LABELS, FEEDBACK_OUTCOMES };

/** Whether feedback can be given: the meeting was held, or it is planned and its slot has ended. */
export function isOver(m: Pick<TMeeting, "status" | "slot">, now: Date): boolean {
  return m.status === "held" || (m.status === "planned" && m.slot !== null && new Date(m.slot.endsAt).getTime() <= now.getTime());
}

export type AttendanceStatus = "held" | "no_show" | "planned";

/** The two sides of a meeting as one text: "Sapporo City × Osaka City". */
export function pairText(participants: readonly { name: string }[]): string {
  return participants.map((p) => p.name).join(" × ");
}

/** Whether a slot has begun, so attendance can be recorded. */
export function hasStarted(slot: { startsAt: string } | null, now: Date): boolean {
  return slot !== null && new Date(slot.startsAt).getTime() <= now.getTime();
}

/** Asks to confirm (with `question`), then cancels the meeting; false when the reader said no. */
export async function cancelMeetingAfterConfirm(eventId: string, meetingId: string, question: string): Promise<boolean> {
  if (!window.confirm(question)) return false;
  await api("POST", `/api/events/${eventId}/meetings/${meetingId}/cancel`, {});
  return true;
}

/** Records attendance: held, no-show, or back to planned. */
export function recordAttendance(eventId: string, meetingId: string, status: AttendanceStatus): Promise<TMeeting> {
  return api<TMeeting>("POST", `/api/events/${eventId}/meetings/${meetingId}/attendance`, { status });
}

/** Held / No-show / Undo buttons for a meeting whose slot has started; the current status has no button. */
export function AttendanceButtons({ pair, status, disabled, onMark }: { pair: string; status: TMeeting["status"]; disabled: boolean; onMark: (status: AttendanceStatus) => void }) {
  const { t } = useI18n();
  if (status === "cancelled") return null;
  return (
    <>
      {status !== "held" ? (
        <button type="button" disabled={disabled} onClick={() => onMark("held")} aria-label={t("events.markHeldOf", { pair })}>
          {t("events.markHeld")}
        </button>
      ) : null}
      {status !== "no_show" ? (
        <button type="button" disabled={disabled} onClick={() => onMark("no_show")} aria-label={t("events.markNoShowOf", { pair })}>
          {t("events.markNoShow")}
        </button>
      ) : null}
      {status !== "planned" ? (
        <button type="button" disabled={disabled} onClick={() => onMark("planned")} aria-label={t("events.markPlannedOf", { pair })}>
          {t("events.markPlanned")}
        </button>
      ) : null}
    </>
  );
}

/** Cancel button and feedback form for one meeting on a participant's agenda. */
export function AgendaMeetingActions({ eventId, pid, meeting, withName, onChanged }: { eventId: string; pid: string; meeting: TMeeting; withName: string; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const mine = meeting.feedback.find((f) => f.participantId === pid);
  const [rating, setRating] = useState(String(mine?.rating ?? ""));
  const [outcome, setOutcome] = useState<string>(mine?.outcome ?? "");
  const [comments, setComments] = useState(mine?.comments ?? "");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const id = `fb-${meeting.id}`;
  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      if (await cancelMeetingAfterConfirm(eventId, meeting.id, t("events.cancelConfirm", { name: withName }))) onChanged();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      await api("PUT", `/api/events/${eventId}/meetings/${meeting.id}/feedback`, { participantId: pid, rating: Number(rating), outcome, comments: comments || null });
      setSaved(true);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const over = isOver(meeting, new Date());
  return (
    <div className="meeting-actions no-print">
      {problem ? <ProblemAlert problem={problem} /> : null}
      {meeting.status === "planned" && !over ? (
        <button type="button" className="danger" disabled={busy} onClick={cancel} aria-label={t("events.cancelMeetingWith", { name: withName })}>
          {t("events.cancelMeeting")}
        </button>
      ) : null}
      {over ? (
        <form className="feedback-form" onSubmit={submit} aria-label={t("events.feedbackOn", { name: withName })}>
          <div className="field">
            <label htmlFor={`${id}-rating`}>{t("events.rating")}</label>
            <select id={`${id}-rating`} value={rating} onChange={(e) => setRating(e.target.value)} required>
              <option value="">{t("form.chooseOne")}</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {t("events.ratingN", { n })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t("events.outcome")}</label>
            <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value)} required>
              <option value="">{t("form.chooseOne")}</option>
              {FEEDBACK_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {pick(FEEDBACK_OUTCOME_LABELS[o])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-comments`}>{t("events.comments")}</label>
            <textarea id={`${id}-comments`} rows={2} value={comments} onChange={(e) => setComments(e.target.value)} maxLength={4000} />
          </div>
          <button type="submit" disabled={busy}>
            {t("events.sendFeedback")}
          </button>
          {saved ? (
            <p role="status" className="notice">
              {t("events.feedbackSaved")}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

/** The organisers' attendance table: every placed meeting, its status, buttons for held / no-show, and the feedback. */
export function AttendanceTable({ eventId, timeZone, onChanged }: { eventId: string; timeZone: string; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const meetings = useFetch<TMeeting[]>(`/api/events/${eventId}/meetings`);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (meetings.error) return <LoadError error={meetings.error} onRetry={meetings.reload} />;
  if (!meetings.data) return <Loading />;
  const placed = meetings.data.filter((m) => m.slot !== null && m.status !== "cancelled").sort((a, b) => a.slot!.startsAt.localeCompare(b.slot!.startsAt));
  const mark = async (m: TMeeting, status: AttendanceStatus) => {
    setBusy(m.id);
    setProblem(null);
    try {
      await recordAttendance(eventId, m.id, status);
      meetings.reload();
      onChanged();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(null);
    }
  };
  const nameOf = (m: TMeeting, id: string) => m.participants.find((p) => p.id === id)?.name ?? "";
  return (
    <>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {placed.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("events.attendance")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.meeting")}</th>
                <th scope="col">{t("events.time")}</th>
                <th scope="col">{t("events.status")}</th>
                <th scope="col">{t("events.feedback")}</th>
                <th scope="col">{t("events.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {placed.map((m) => {
                const pair = pairText(m.participants);
                return (
                  <tr key={m.id}>
                    <th scope="row">{pair}</th>
                    <td className="nowrap">
                      <SlotText slot={m.slot!} timeZone={timeZone} />
                    </td>
                    <td>{pick(MEETING_STATUS_LABELS[m.status])}</td>
                    <td>
                      {m.feedback.length ? (
                        <ul className="feedback-list">
                          {m.feedback.map((f) => (
                            <li key={f.participantId}>
                              <strong>{nameOf(m, f.participantId)}</strong>: {t("events.ratingN", { n: f.rating })} · {pick(FEEDBACK_OUTCOME_LABELS[f.outcome])}
                              {f.comments ? <q>{f.comments}</q> : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <div className="actions-cell">
                        <AttendanceButtons pair={pair} status={m.status} disabled={busy === m.id} onMark={(status) => void mark(m, status)} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("events.noPlacedMeetings")}</p>
      )}
    </>
  );
}
