/**
 * @module web/pages/matchmaking/interests-page
 * The interest inbox: expressions of interest the user's organisations take part in (each with the
 * opportunity's title as the API gives it), with the actions
 * their part allows (the broker forwards or declines a submitted one; the recipient accepts or declines a
 * forwarded one — the API decides, a refused step shows its problem), and the government's funnel as bars.
 */
import { useState } from "react";
import { BarChart } from "../../components/bar-chart.tsx";
import { LoadError, Loading, PageHeader, TimestampText } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api, ApiError, type Problem } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { MatchingTabs, opportunityTitle, type Interest } from "./common.tsx";
import { INTEREST_STATE_LABELS } from "./labels.ts";

interface Funnel {
  govOrgId: string;
  profiles: number;
  vetted: number;
  opportunities: number;
  interests: number;
  meetings: number;
  agreements: number;
}

const STAGES: Array<{ key: keyof Omit<Funnel, "govOrgId">; label: MessageKey }> = [
  { key: "profiles", label: "matchmaking.funnel.profiles" },
  { key: "vetted", label: "matchmaking.funnel.vetted" },
  { key: "opportunities", label: "matchmaking.funnel.opportunities" },
  { key: "interests", label: "matchmaking.funnel.interests" },
  { key: "meetings", label: "matchmaking.funnel.meetings" },
  { key: "agreements", label: "matchmaking.funnel.agreements" },
];

function FunnelPanel({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t, locale } = useI18n();
  const { data, error } = useFetch<Funnel>(`/api/governments/${orgId}/matchmaking-funnel`);
  if (error) return null; // not a government: no funnel
  if (!data) return <Loading />;
  const title = t("matchmaking.funnel", { name: orgName });
  return (
    <section className="panel" aria-labelledby="mm-funnel">
      <h2 id="mm-funnel">{title}</h2>
      <BarChart label={title} bars={STAGES.map((s) => ({ key: s.key, label: t(s.label), value: data[s.key] }))} />
      <div className="table-wrap mm-funnel-table">
        <table>
          <caption className="sr-only">{t("matchmaking.funnelTable")}</caption>
          <thead>
            <tr>
              {STAGES.map((s) => (
                <th scope="col" key={s.key} className="num">
                  {t(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {STAGES.map((s) => (
                <td key={s.key} className="num">
                  {formatNumber(data[s.key], locale)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function InterestsPage() {
  const { t, name, pick } = useI18n();
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  const mine = new Set(writableMemberships(user).map((m) => m.orgId));
  const { data, error, reload, loading } = useFetch<{ items: Interest[] }>(user ? `/api/interests${query.get("state") ? `?state=${query.get("state")}` : ""}` : null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const gov = (user?.memberships ?? [])[0];

  const act = async (interest: Interest, action: "forward" | "accept" | "decline") => {
    setBusy(interest.id);
    try {
      await api<Interest>("POST", `/api/interests/${interest.id}/${action}`, {});
      setProblem(null);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.problem : { status: 0, title: String(e), errors: [] });
    } finally {
      setBusy(null);
    }
  };

  const recipientId = (i: Interest) => (i.fromSide === "company" ? i.opportunityOwner.id : i.company.id);

  return (
    <>
      <PageHeader title={t("matchmaking.interests")} />
      <MatchingTabs />
      {!user ? (
        <p className="notice">
          <Link to="/sign-in">{t("auth.signIn")}</Link>
        </p>
      ) : (
        <>
          {gov ? <FunnelPanel orgId={gov.orgId} orgName={name(gov.orgNameJa, gov.orgNameEn)} /> : null}
          <div className="filters">
            <div className="filter">
              <label htmlFor="mm-interest-state">{t("matchmaking.state")}</label>
              <select id="mm-interest-state" value={query.get("state") ?? ""} onChange={(e) => setQuery({ state: e.target.value })}>
                <option value="">{t("common.all")}</option>
                {Object.entries(INTEREST_STATE_LABELS).map(([k, l]) => (
                  <option key={k} value={k}>
                    {pick(l)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {problem ? <ProblemAlert problem={problem} /> : null}
          {error ? <LoadError error={error} onRetry={reload} /> : null}
          {loading && !data ? <Loading /> : null}
          {data && !data.items.length ? <p className="empty">{t("matchmaking.noInterests")}</p> : null}
          {data && data.items.length ? (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t("matchmaking.interests")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("matchmaking.company")}</th>
                    <th scope="col">{t("matchmaking.opportunity")}</th>
                    <th scope="col">{t("matchmaking.broker")}</th>
                    <th scope="col">{t("matchmaking.state")}</th>
                    <th scope="col">{t("field.updatedAt")}</th>
                    <th scope="col">{t("matchmaking.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => {
                    const isBroker = mine.has(i.broker.id) || !!user.isSystemAdmin;
                    const isRecipient = mine.has(recipientId(i)) || !!user.isSystemAdmin;
                    return (
                      <tr key={i.id}>
                        <th scope="row">
                          <Link to={`/matching/companies/${i.company.id}`}>{name(i.company.nameJa, i.company.nameEn)}</Link>
                        </th>
                        <td>
                          <Link to={`/matching/opportunities/${i.opportunityId}`}>{opportunityTitle(i.opportunity, name, pick)}</Link>
                          <p className="small muted">{name(i.opportunityOwner.nameJa, i.opportunityOwner.nameEn)}</p>
                          {i.message ? <p className="small muted">{i.message}</p> : null}
                        </td>
                        <td>{name(i.broker.nameJa, i.broker.nameEn)}</td>
                        <td>
                          <Link to={`/matching/interests/${i.id}`}>{pick(INTEREST_STATE_LABELS[i.state] ?? { ja: i.state, en: i.state })}</Link>
                        </td>
                        <td>
                          <TimestampText value={i.updatedAt} />
                        </td>
                        <td>
                          <div className="mm-inline-actions">
                            {i.state === "submitted" && isBroker ? (
                              <button type="button" disabled={busy === i.id} onClick={() => void act(i, "forward")}>
                                {t("matchmaking.forward")}
                              </button>
                            ) : null}
                            {i.state === "forwarded" && isRecipient ? (
                              <button type="button" className="primary" disabled={busy === i.id} onClick={() => void act(i, "accept")}>
                                {t("matchmaking.accept")}
                              </button>
                            ) : null}
                            {(i.state === "submitted" && isBroker) || (i.state === "forwarded" && isRecipient) ? (
                              <button type="button" disabled={busy === i.id} onClick={() => void act(i, "decline")}>
                                {t("matchmaking.decline")}
                              </button>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
