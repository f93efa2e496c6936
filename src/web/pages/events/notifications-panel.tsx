/**
 * @module web/pages/events/notifications-panel
 * A participant's in-app notifications for the event (renkei sends no e-mail): newest first, each with its
 * ja/en label from the API, the other side when the page knows it, the time in the reader's locale and an
 * unread marker; one or all can be marked read. A notification about a request, or about the meeting a
 * request became, links to that request's row on the same page. The page header shows the unread count.
 */
import { useRef, useState } from "react";
import type { z } from "zod";
import type { ZNotification } from "../../../events/notifications.service.ts";
import { LoadError, Loading, TimestampText } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { formatNumber, formatTimestamp } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { useFetch, type FetchState } from "../../lib/use-fetch.ts";
import { toProblem, type TMeeting, type TRequest } from "./common.tsx";

export type TNotification = z.infer<typeof ZNotification>;

/** Shown before "Show all": enough for a fair's day, short enough to keep the page's other panels in view. */
const FIRST = 10;
/** The API marks at most this many per call. */
const MARK_BATCH = 500;

/** The participant's notifications, shared by the header's count and the panel. */
export function useNotifications(eventId: string, pid: string): FetchState<TNotification[]> {
  return useFetch<TNotification[]>(`/api/events/${eventId}/participants/${pid}/notifications`);
}

export function unreadCount(list: readonly TNotification[] | undefined): number {
  return list?.filter((n) => !n.readAt).length ?? 0;
}

/** "お知らせ 3 / Notifications 3" in the page header, leading to the panel. */
export function NotificationsLink({ notifications }: { notifications: FetchState<TNotification[]> }) {
  const { t, locale } = useI18n();
  if (!notifications.data) return null;
  const n = unreadCount(notifications.data);
  return (
    <a className="button notifications-link" href="#p-notifications">
      {t("events.notifications")}
      {n ? (
        <>
          {" "}
          <span className="badge count">{formatNumber(n, locale)}</span>
          <span className="sr-only"> {t("events.unreadSuffix")}</span>
        </>
      ) : null}
    </a>
  );
}

/** The panel; `requests` are those shown on the page (their rows are the anchors), empty when none are. */
export function NotificationsPanel({ eventId, pid, notifications, requests }: { eventId: string; pid: string; notifications: FetchState<TNotification[]>; requests: readonly TRequest[] }) {
  const { t, pick, locale } = useI18n();
  // Only to name the other side of a meeting made by the organisers (no request to take the name from).
  const meetings = useFetch<TMeeting[]>(`/api/events/${eventId}/meetings?participantId=${pid}`);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [showAll, setShowAll] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = (
    <h2 id="p-notifications" tabIndex={-1} ref={heading}>
      {t("events.notifications")}
    </h2>
  );
  if (notifications.error) {
    return (
      <>
        {title}
        <LoadError error={notifications.error} onRetry={notifications.reload} />
      </>
    );
  }
  if (!notifications.data) {
    return (
      <>
        {title}
        <Loading />
      </>
    );
  }
  const list = notifications.data;
  const unread = list.filter((n) => !n.readAt).map((n) => n.id);
  const byRequest = new Map(requests.map((r) => [r.id, r]));
  const byMeeting = new Map(requests.filter((r) => r.meetingId).map((r) => [r.meetingId!, r]));
  const meetingById = new Map((meetings.data ?? []).map((m) => [m.id, m]));
  const requestOf = (n: TNotification) => (n.requestId ? byRequest.get(n.requestId) : undefined) ?? (n.meetingId ? byMeeting.get(n.meetingId) : undefined);
  const otherSide = (n: TNotification): string | null => {
    const r = requestOf(n);
    if (r) return r.fromParticipantId === pid ? r.toName : r.fromName;
    const m = n.meetingId ? meetingById.get(n.meetingId) : undefined;
    return m?.participants.find((p) => p.id !== pid)?.name ?? null;
  };
  const mark = async (ids: string[]) => {
    setBusy(true);
    setProblem(null);
    try {
      for (let i = 0; i < ids.length; i += MARK_BATCH) {
        await api("POST", `/api/events/${eventId}/participants/${pid}/notifications/read`, { ids: ids.slice(i, i + MARK_BATCH) });
      }
      notifications.reload();
      // The button pressed goes away with the unread marker: keep the keyboard in the panel.
      heading.current?.focus();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const shown = showAll ? list : list.slice(0, FIRST);
  return (
    <>
      <div className="panel-header">
        {title}
        {unread.length ? (
          <button type="button" className="small" disabled={busy} onClick={() => void mark(unread)}>
            {t("events.markAllRead")}
          </button>
        ) : null}
      </div>
      <p className="muted small">{t("events.unreadN", { n: formatNumber(unread.length, locale) })}</p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {list.length ? (
        <ol className="notifications">
          {shown.map((n) => {
            const label = pick(n.label);
            const other = otherSide(n);
            const request = requestOf(n);
            const what = other ? `${label} · ${t("events.withName", { name: other })}` : label;
            return (
              <li key={n.id} className={n.readAt ? undefined : "unread"}>
                {n.readAt ? null : <span className="badge unread">{t("events.unread")}</span>}
                <span className="what">{request ? <a href={`#request-${request.id}`}>{label}</a> : label}</span>
                {other ? <span className="muted">{t("events.withName", { name: other })}</span> : null}
                <TimestampText value={n.createdAt} />
                {n.readAt ? null : (
                  <button type="button" className="small" disabled={busy} onClick={() => void mark([n.id])} aria-label={t("events.markReadNamed", { what, when: formatTimestamp(n.createdAt, locale) })}>
                    {t("events.markRead")}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="empty">{t("events.noNotifications")}</p>
      )}
      {list.length > shown.length ? (
        <button type="button" className="small" onClick={() => setShowAll(true)}>
          {t("events.showAllN", { n: formatNumber(list.length, locale) })}
        </button>
      ) : null}
    </>
  );
}
