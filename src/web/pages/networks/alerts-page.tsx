/**
 * @module web/pages/networks/alerts-page
 * Lapse alerts for an organisation (the reader's own by default): its signed or active ties with no
 * recorded activity for a number of months, longest-inactive first, each linking to the tie's timeline
 * where an activity or a change of state can be recorded.
 */
import { DateText, LoadError, Loading, OrgLink, PageHeader } from "../../components/display.tsx";
import { OrgPicker } from "../../forms/org-picker.tsx";
import { formatNumber, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { withQuery } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { LapseAlerts } from "./api-types.ts";
import { KindLabel, NetworksNav, StateBadge } from "./common.tsx";

export function AlertsPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  const memberships = user?.memberships ?? [];
  const orgId = query.get("org") ?? memberships[0]?.orgId ?? "";
  const months = query.get("months") ?? "24";
  const asOf = query.get("asOf") ?? "";
  const { data, error, reload } = useFetch<LapseAlerts>(orgId ? withQuery("/api/networks/lapse-alerts", { orgId, months, asOf }) : null);

  return (
    <>
      <PageHeader kicker={t("networks.kicker")} title={t("networks.alerts.title")}>
        <p className="subtitle">{t("networks.alerts.intro")}</p>
      </PageHeader>
      <NetworksNav />
      <div className="filters">
        {memberships.length ? (
          <div className="filter">
            <label htmlFor="nw-alert-org">{t("networks.alerts.org")}</label>
            <select id="nw-alert-org" value={orgId} onChange={(e) => setQuery({ org: e.target.value })}>
              {memberships.map((m) => (
                <option key={m.orgId} value={m.orgId}>
                  {locale === "ja" ? m.orgNameJa : m.orgNameEn}
                </option>
              ))}
              {orgId && !memberships.some((m) => m.orgId === orgId) ? <option value={orgId}>{t("networks.alerts.otherOrg")}</option> : null}
            </select>
          </div>
        ) : (
          <fieldset className="filter nw-org-filter">
            <legend>{t("networks.alerts.org")}</legend>
            <OrgPicker inputId="nw-alert-org" label={t("networks.alerts.org")} multiple={false} value={orgId ? [orgId] : []} onChange={(ids) => setQuery({ org: ids[0] ?? null })} />
          </fieldset>
        )}
        <div className="filter">
          <label htmlFor="nw-alert-months">{t("networks.alerts.months")}</label>
          <input id="nw-alert-months" inputMode="numeric" size={5} value={months} onChange={(e) => setQuery({ months: e.target.value })} />
        </div>
        <div className="filter">
          <label htmlFor="nw-alert-asof">{t("networks.alerts.asOf")}</label>
          <input id="nw-alert-asof" type="date" value={asOf} onChange={(e) => setQuery({ asOf: e.target.value })} />
        </div>
      </div>
      {!orgId ? (
        <p className="notice">{t("networks.alerts.chooseOrg")}</p>
      ) : error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <p className="list-count" aria-live="polite">
            {t("networks.alerts.checked", {
              checked: formatNumber(data.checked, locale),
              n: formatNumber(data.alerts.length, locale),
              months: formatNumber(data.months, locale),
              asOf: formatPartialDate(data.asOf, locale),
            })}
          </p>
          {data.alerts.length ? (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t("networks.alerts.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("field.partner")}</th>
                    <th scope="col">{t("field.tieKind")}</th>
                    <th scope="col">{t("networks.org.state")}</th>
                    <th scope="col">{t("networks.alerts.lastActivity")}</th>
                    <th scope="col">{t("networks.alerts.lapsedOn")}</th>
                    <th scope="col" className="num">
                      {t("networks.alerts.monthsInactive")}
                    </th>
                    <th scope="col">{t("networks.alerts.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.alerts.map((alert) => (
                    <tr key={alert.tie.id}>
                      <th scope="row">
                        <OrgLink id={alert.partner.orgId} ja={alert.partner.name.ja} en={alert.partner.name.en} />
                        <br />
                        <Link to={`/networks/ties/${alert.tie.id}`} className="small">
                          {t("networks.org.openTimeline")}
                        </Link>
                      </th>
                      <td>
                        <KindLabel kind={alert.tie.kind} />
                      </td>
                      <td>
                        <StateBadge state={alert.state} />
                        {alert.inferredHistory ? <p className="muted small">{t("networks.alerts.inferred")}</p> : null}
                      </td>
                      <td>{alert.lastActivity ? <DateText value={alert.lastActivity} /> : <span className="muted">{t("networks.alerts.noActivity")}</span>}</td>
                      <td>
                        <DateText value={alert.lapsedOn} />
                      </td>
                      <td className="num">{formatNumber(alert.monthsInactive, locale)}</td>
                      <td className="small">{locale === "ja" ? alert.message.ja : alert.message.en}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="empty">{t("networks.alerts.none")}</p>
          )}
        </>
      )}
    </>
  );
}
