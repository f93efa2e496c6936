/**
 * @module web/pages/matchmaking/notifications-page
 * The signed-in user's notifications (newest first, or the unread ones), each leading to its expression of
 * interest; one or all can be marked read.
 */
import { useState } from "react";
import { LoadError, Loading, PageHeader, TimestampText } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { MatchingTabs } from "./common.tsx";

interface Notification {
  id: string;
  kind: string;
  orgId: string | null;
  interestId: string | null;
  title: { ja: string; en: string };
  createdAt: string;
  readAt: string | null;
}

export function NotificationsPage() {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  const unreadOnly = query.get("unread") === "true";
  const { data, error, loading, reload } = useFetch<{ items: Notification[] }>(user ? `/api/notifications${unreadOnly ? "?unread=true" : ""}` : null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const markRead = async (ids?: string[]) => {
    setBusy(true);
    try {
      await api("POST", "/api/notifications/read", ids ? { ids } : {});
      setProblem(null);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.problem : { status: 0, title: String(e), errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const unread = data?.items.filter((n) => !n.readAt).length ?? 0;
  return (
    <>
      <PageHeader
        title={t("matchmaking.notifications")}
        actions={
          unread ? (
            <button type="button" disabled={busy} onClick={() => void markRead()}>
              {t("matchmaking.markAllRead")}
            </button>
          ) : undefined
        }
      >
        {data ? <span className="badge">{t("matchmaking.notificationsCount", { count: String(unread) })}</span> : null}
      </PageHeader>
      <MatchingTabs />
      {!user ? (
        <p className="notice">
          <Link to="/sign-in">{t("auth.signIn")}</Link>
        </p>
      ) : (
        <>
          <div className="filters">
            <label className="check">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setQuery({ unread: e.target.checked ? "true" : null })} /> {t("matchmaking.unreadOnly")}
            </label>
          </div>
          {problem ? <ProblemAlert problem={problem} /> : null}
          {error ? <LoadError error={error} onRetry={reload} /> : null}
          {loading && !data ? <Loading /> : null}
          {data && !data.items.length ? <p className="empty">{t("matchmaking.noNotifications")}</p> : null}
          {data && data.items.length ? (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t("matchmaking.notifications")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("matchmaking.notifications")}</th>
                    <th scope="col">{t("matchmaking.received")}</th>
                    <th scope="col">{t("matchmaking.state")}</th>
                    <th scope="col">{t("matchmaking.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((n) => (
                    <tr key={n.id} className={n.readAt ? "muted" : "mm-unread"}>
                      <th scope="row">{n.interestId ? <Link to={`/matching/interests/${n.interestId}`}>{pick(n.title)}</Link> : pick(n.title)}</th>
                      <td>
                        <TimestampText value={n.createdAt} />
                      </td>
                      <td>{n.readAt ? <TimestampText value={n.readAt} /> : <span className="badge warn">{t("matchmaking.unread")}</span>}</td>
                      <td>
                        {n.readAt ? null : (
                          <button type="button" disabled={busy} aria-label={`${t("matchmaking.markRead")}: ${pick(n.title)}`} onClick={() => void markRead([n.id])}>
                            {t("matchmaking.markRead")}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
