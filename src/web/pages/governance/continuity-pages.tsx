/**
 * @module web/pages/governance/continuity-pages
 * Leadership continuity: a government's governors or mayors on a timeline with its initiatives' lives,
 * each change of leader with the window around it, and what began and ended there — the paper's concern
 * that a new leader discontinues what the previous one began; editors edit or delete a term from its
 * panel. Also one initiative's page, where the assessment's evidence and the report link to.
 */
import { useEffect, useState } from "react";
import type { TContinuityReport, TLeaderChange } from "../../../evaluation/continuity.ts";
import type { TAdministration, TInitiative } from "../../../evaluation/evaluation.schema.ts";
import type { TKpi } from "../../../evaluation/kpis.schema.ts";
import { dateOrNull, DateText, Details, LoadError, Loading, OrgLink, PageHeader, RecordInfo, Tags } from "../../components/display.tsx";
import { STRATEGY_PILLAR_LABELS, TIE_PURPOSE_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { api, ApiError, fetchAll, withQuery, type ListPage, type Problem } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { StatusChangeForm } from "./initiative-forms.tsx";
import { yearOf, yearTicks } from "./assessment-view.ts";
import { INITIATIVE_STATUS_LABELS, INITIATIVE_THEME_LABELS, PARTNER_ROLE_LABELS, type InitiativeStatus } from "./governance-labels.ts";
import { countByOrganisation, OrganisationChooser, OrgTabs } from "./governance-ui.tsx";
import { RecordNameLink } from "./record-name.tsx";
import { termDeleteQuestion, termEditPath, termPeriod } from "./term-view.ts";

const STATUS_COLORS: Record<InitiativeStatus, string> = {
  planned: "#999999",
  active: "#009E73",
  suspended: "#E69F00",
  discontinued: "#D55E00",
  completed: "#0072B2",
};

function StatusBadge({ status }: { status: InitiativeStatus }) {
  const { pick } = useI18n();
  return (
    <span className="badge gov-status" style={{ borderColor: STATUS_COLORS[status], color: status === "planned" ? undefined : STATUS_COLORS[status] }}>
      {pick(INITIATIVE_STATUS_LABELS[status])}
    </span>
  );
}

export function ContinuityChooserPage() {
  const { t } = useI18n();
  const terms = useLoader("administrations", () => fetchAll<TAdministration>("/api/administrations", {}));
  const listed = countByOrganisation(terms.data ?? [], (a) => ({ id: a.orgId, nameJa: a.orgNameJa, nameEn: a.orgNameEn }));
  return (
    <>
      <PageHeader title={t("governance.continuity.title")}>
        <p className="subtitle">{t("governance.continuity.intro")}</p>
      </PageHeader>
      <OrganisationChooser base="/continuity" intro="governance.chooser.continuityIntro" listed={listed} listedTitle="governance.chooser.withTerms" />
    </>
  );
}

function ContinuityChart({ report, initiatives }: { report: TContinuityReport; initiatives: readonly TInitiative[] }) {
  const { t, name, pick, locale } = useI18n();
  const now = new Date();
  const nowYear = now.getUTCFullYear() + now.getUTCMonth() / 12;
  const terms = report.changes.map((c) => c.administration);
  const termStarts = terms.flatMap((a) => yearOf(a.from) ?? []);
  const dated = initiatives.flatMap((i) => [yearOf(i.since), yearOf(i.until)]).filter((y): y is number => y !== null);
  const firstTerm = termStarts.length ? Math.min(...termStarts) : null;
  let start = Math.floor(Math.min(...termStarts, ...dated, nowYear) - 1);
  // Initiatives that began long before the first recorded term are drawn from the left edge.
  if (firstTerm !== null && firstTerm - start > 20) start = Math.floor(firstTerm - 20);
  const end = Math.ceil(nowYear + 1);
  const width = 1100;
  const left = 8;
  const right = 8;
  const lane = 34;
  const top = 22;
  const x = (year: number) => left + ((Math.max(start, Math.min(end, year)) - start) / (end - start)) * (width - left - right);
  const ordered = [...initiatives].sort((a, b) => (yearOf(a.since) ?? -1e6) - (yearOf(b.since) ?? -1e6));
  const height = top + lane * (1 + ordered.length) + 8;
  const ticks = yearTicks(start, end, 10);
  const summary = t("governance.continuity.chartSummary", {
    changes: formatNumber(report.totals.changes, locale),
    began: formatNumber(report.totals.beganAfter, locale),
    ended: formatNumber(report.totals.endedAfter, locale),
    discontinued: formatNumber(report.totals.discontinuedAfter, locale),
  });
  return (
    <figure className="gov-continuity-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="continuity-title" aria-describedby="continuity-desc">
        <title id="continuity-title">{t("governance.continuity.chart")}</title>
        <desc id="continuity-desc">{summary}</desc>
        {ticks.map((year) => (
          <g key={year} className="tick">
            <line x1={x(year)} x2={x(year)} y1={top - 4} y2={height - 4} />
            <text x={x(year)} y={12} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {report.changes.map((c) => {
          const from = yearOf(c.window.from)!;
          const to = yearOf(c.window.to)!;
          const change = yearOf(c.window.change)!;
          return (
            <g key={c.administration.id}>
              <rect x={x(from)} y={top} width={Math.max(1, x(to) - x(from))} height={height - top - 4} className="window" />
              <line x1={x(change)} x2={x(change)} y1={top} y2={height - 4} className="change" />
            </g>
          );
        })}
        {terms.map((a, i) => {
          const from = yearOf(a.from)!;
          const until = yearOf(a.until) ?? nowYear;
          return (
            <g key={a.id} className={`term${i % 2 ? " alt" : ""}`}>
              <title>{`${name(a.leaderJa, a.leaderEn)}: ${formatPartialDate(a.from, locale)} – ${a.until ? formatPartialDate(a.until, locale) : t("governance.continuity.inOffice")}`}</title>
              <rect x={x(from)} y={top + 4} width={Math.max(2, x(until) - x(from))} height={lane - 10} rx={4} />
              {(() => {
                const leader = name(a.leaderJa, a.leaderEn);
                const fits = leader.length * (locale === "ja" ? 12 : 7) + 10 < x(until) - x(from);
                return (
                  <text x={fits ? x(from) + 5 : x(until) + 5} y={top + lane / 2 + 1} dy="0.2em" className={fits ? undefined : "outside"}>
                    {leader}
                  </text>
                );
              })()}
            </g>
          );
        })}
        {ordered.map((i, k) => {
          const y = top + lane * (k + 1) + lane / 2 + 4;
          const since = yearOf(i.since);
          const until = yearOf(i.until);
          const x1 = since === null ? x(start) : x(since);
          const x2 = until === null ? x(nowYear) : x(until);
          const color = STATUS_COLORS[i.status];
          const label = name(i.nameJa, i.nameEn);
          const anchorEnd = x1 > width * 0.62;
          return (
            <g key={i.id} className="initiative">
              <title>{`${label} (${pick(INITIATIVE_STATUS_LABELS[i.status])}): ${i.since ? formatPartialDate(i.since, locale) : "?"} – ${i.until ? formatPartialDate(i.until, locale) : ""}`}</title>
              <line x1={x1} x2={x2} y1={y} y2={y} style={{ stroke: color }} strokeDasharray={since === null || (since < start) ? "4 3" : undefined} />
              {since !== null && since >= start ? <circle cx={x1} cy={y} r={3.5} style={{ fill: color }} /> : null}
              {i.status === "discontinued" && until !== null ? (
                <path d={`M${x2 - 5},${y - 5} L${x2 + 5},${y + 5} M${x2 - 5},${y + 5} L${x2 + 5},${y - 5}`} style={{ stroke: color }} className="cross" />
              ) : null}
              {i.status === "completed" && until !== null ? <rect x={x2 - 4} y={y - 4} width={8} height={8} style={{ fill: color }} /> : null}
              <text x={anchorEnd ? x2 : x1} y={y - 7} textAnchor={anchorEnd ? "end" : "start"} className="label">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="legend">
          {(["active", "discontinued", "completed", "suspended"] as const).map((s) => (
            <li key={s}>
              <span className="gov-swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
              {pick(INITIATIVE_STATUS_LABELS[s])}
            </li>
          ))}
          <li>
            <span className="gov-swatch window" aria-hidden="true" />
            {t("governance.continuity.windowLegend", { months: report.windowMonths })}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}

function InitiativeList({ title, items }: { title: MessageKey; items: TLeaderChange["began"]["after"] }) {
  const { t, name } = useI18n();
  if (!items.length) return null;
  return (
    <div className="gov-initiatives">
      <h3>{t(title, { n: items.length })}</h3>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <Link to={`/initiatives/${i.id}`}>{name(i.nameJa, i.nameEn)}</Link> <StatusBadge status={i.status} />{" "}
            <span className="muted small">
              {i.since ? <DateText value={i.since} /> : "?"} – {i.until ? <DateText value={i.until} /> : ""}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Edit and delete for one term. Before deleting, the question names the term and says how many
 * initiatives are linked to it: the API deletes the term and unlinks them, it does not refuse.
 */
function TermActions({ orgId, term, onDeleted }: { orgId: string; term: TLeaderChange["administration"]; onDeleted: (leader: string) => void }) {
  const { t, name, locale } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const leader = name(term.leaderJa, term.leaderEn);
  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const linked = (await api<ListPage<TInitiative>>("GET", withQuery("/api/initiatives", { administrationId: term.id, limit: 1 }))).total;
      const question = t(termDeleteQuestion(linked), { leader, period: termPeriod(term, locale, t("governance.continuity.inOffice")), n: formatNumber(linked, locale) });
      if (!window.confirm(question)) return;
      await api<void>("DELETE", `/api/administrations/${term.id}`);
      onDeleted(leader);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gov-term-actions">
      <Link to={termEditPath(orgId, term.id)} className="button small">
        {t("governance.term.edit")}
      </Link>
      <button type="button" className="small danger" onClick={remove} disabled={busy}>
        {t("governance.term.delete")}
      </button>
      {problem ? <ProblemAlert problem={problem} /> : null}
    </div>
  );
}

function ChangePanel({ change, orgId, editable, onDeleted }: { change: TLeaderChange; orgId: string; editable: boolean; onDeleted: (leader: string) => void }) {
  const { t, name, locale } = useI18n();
  const a = change.administration;
  const background = name(a.backgroundJa, a.backgroundEn);
  const c = change.counts;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className="panel gov-change" id={`term-${a.id}`} aria-labelledby={`term-heading-${a.id}`} tabIndex={-1}>
      <h2 id={`term-heading-${a.id}`}>
        {t("governance.continuity.changeTo", { leader: name(a.leaderJa, a.leaderEn) })} <span className="muted small"><DateText value={a.from} /> – {a.until ? <DateText value={a.until} /> : t("governance.continuity.inOffice")}</span>
      </h2>
      {editable ? <TermActions orgId={orgId} term={a} onDeleted={onDeleted} /> : null}
      <p className="muted">
        {change.previous ? t("governance.continuity.previous", { leader: name(change.previous.leaderJa, change.previous.leaderEn) }) : t("governance.continuity.noPrevious")}
        {background ? ` · ${t("governance.continuity.background")}: ${background}` : ""}
        {" · "}
        {t("governance.continuity.window")}: <DateText value={change.window.from} /> – <DateText value={change.window.to} />
      </p>
      <table className="summary-table gov-counts-table">
        <caption className="sr-only">{t("governance.continuity.countsCaption")}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col" className="num">{t("governance.continuity.before")}</th>
            <th scope="col" className="num">{t("governance.continuity.after")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("governance.continuity.began")}</th>
            <td className="num">{n(c.beganBefore)}</td>
            <td className="num">{n(c.beganAfter)}</td>
          </tr>
          <tr>
            <th scope="row">{t("governance.continuity.ended")}</th>
            <td className="num">{n(c.endedBefore)}</td>
            <td className="num strong">{n(c.endedAfter)}</td>
          </tr>
          <tr>
            <th scope="row">{t("governance.continuity.discontinuedAfter")}</th>
            <td className="num" />
            <td className="num strong">{n(c.discontinuedAfter)}</td>
          </tr>
          <tr>
            <th scope="row">{t("governance.continuity.endedFromPrevious")}</th>
            <td className="num" />
            <td className="num">{n(c.endedFromPrevious)}</td>
          </tr>
        </tbody>
      </table>
      <InitiativeList title="governance.continuity.list.endedAfter" items={change.ended.after} />
      <InitiativeList title="governance.continuity.list.beganAfter" items={change.began.after} />
      <InitiativeList title="governance.continuity.list.endedBefore" items={change.ended.before} />
      <InitiativeList title="governance.continuity.list.beganBefore" items={change.began.before} />
    </section>
  );
}

const WINDOWS = [6, 12, 24, 36] as const;

export function ContinuityPage({ orgId }: { orgId: string }) {
  const { t, name, locale } = useI18n();
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  const windowMonths = query.get("window") ?? "12";
  const { data, error, reload } = useFetch<TContinuityReport>(withQuery(`/api/organisations/${orgId}/continuity`, { windowMonths }));
  const initiatives = useLoader(`initiatives:${orgId}`, () => fetchAll<TInitiative>("/api/initiatives", { ownerOrgId: orgId }));
  const [deleted, setDeleted] = useState<string | null>(null);
  const afterDelete = (leader: string) => {
    setDeleted(leader);
    reload();
    initiatives.reload();
  };
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (data && hash) document.getElementById(hash)?.scrollIntoView();
  }, [data]);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const totals = data.totals;
  const cards: Array<{ key: MessageKey; value: number }> = [
    { key: "governance.continuity.total.changes", value: totals.changes },
    { key: "governance.continuity.total.beganAfter", value: totals.beganAfter },
    { key: "governance.continuity.total.endedAfter", value: totals.endedAfter },
    { key: "governance.continuity.total.discontinuedAfter", value: totals.discontinuedAfter },
    { key: "governance.continuity.total.endedFromPrevious", value: totals.endedFromPrevious },
  ];
  return (
    <>
      <PageHeader
        kicker={t("governance.continuity.kicker")}
        title={name(data.organisation.nameJa, data.organisation.nameEn)}
        actions={
          canEdit(user, data.organisation.id) ? (
            <>
              <Link to={`/continuity/${data.organisation.id}/terms/new`} className="button primary">
                {t("governance.term.add")}
              </Link>
              <Link to={`/initiatives/new?ownerOrgId=${data.organisation.id}`} className="button">
                {t("governance.initiative.new")}
              </Link>
            </>
          ) : null
        }
      >
        <p className="subtitle">{t("governance.continuity.intro")}</p>
      </PageHeader>
      <OrgTabs orgId={orgId} />
      {/* Always present, so the confirmation of a deletion is read out when it appears. */}
      <div role="status">{deleted ? <p className="notice">{t("governance.term.deleted", { leader: deleted })}</p> : null}</div>
      <div className="filters">
        <div className="filter">
          <label htmlFor="continuity-window">{t("governance.continuity.windowMonths")}</label>
          <select id="continuity-window" value={windowMonths} onChange={(e) => setQuery({ window: e.target.value === "12" ? null : e.target.value })}>
            {WINDOWS.map((w) => (
              <option key={w} value={String(w)}>
                {t("governance.continuity.months", { n: w })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data.changes.length === 0 ? (
        <p className="notice">{t("governance.continuity.noTerms")}</p>
      ) : (
        <>
          <ul className="cards gov-totals" aria-label={t("governance.continuity.totals")}>
            {cards.map((c) => (
              <li className="card" key={c.key}>
                <div className="gov-total">
                  <span className="card-count">{formatNumber(c.value, locale)}</span>
                  <span className="card-label">{t(c.key)}</span>
                </div>
              </li>
            ))}
          </ul>
          <section className="panel" aria-labelledby="continuity-chart-heading">
            <h2 id="continuity-chart-heading">{t("governance.continuity.chart")}</h2>
            {initiatives.data ? <ContinuityChart report={data} initiatives={initiatives.data} /> : initiatives.error ? <LoadError error={initiatives.error} onRetry={initiatives.reload} /> : <Loading />}
          </section>
          {data.changes.map((change) => (
            <ChangePanel key={change.administration.id} change={change} orgId={data.organisation.id} editable={canEdit(user, data.organisation.id)} onDeleted={afterDelete} />
          ))}
        </>
      )}
    </>
  );
}

// ---------- one initiative ----------

export function InitiativePage({ id }: { id: string }) {
  const { t, name, pick, locale } = useI18n();
  const { user } = useSession();
  const { data: i, error, reload } = useFetch<TInitiative>(`/api/initiatives/${id}`);
  const kpis = useLoader(i ? `initiative-kpis:${id}` : null, () => fetchAll<TKpi>("/api/kpis", { initiativeId: id }));
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!i) return <Loading />;
  return (
    <>
      <PageHeader
        kicker={t("governance.initiative.kicker")}
        title={name(i.nameJa, i.nameEn)}
        actions={
          canEdit(user, i.ownerOrgId) ? (
            <Link to={`/initiatives/${i.id}/edit`} className="button">
              {t("common.edit")}
            </Link>
          ) : null
        }
      >
        <p className="subtitle">
          <StatusBadge status={i.status} /> <Link to={`/continuity/${i.ownerOrgId}`}>{t("governance.tab.continuity")}</Link>
        </p>
      </PageHeader>
      <section className="panel">
        <h2>{t("common.details")}</h2>
        <Details
          rows={[
            { label: "field.owner", value: <OrgLink id={i.ownerOrgId} ja={i.ownerNameJa} en={i.ownerNameEn} /> },
            { label: "field.status", value: <StatusBadge status={i.status} /> },
            { label: "field.since", value: dateOrNull(i.since) },
            { label: "field.until", value: dateOrNull(i.until) },
            {
              label: "governance.initiative.administration",
              value: i.administration ? (
                <Link to={`/continuity/${i.ownerOrgId}#term-${i.administration.id}`}>
                  {name(i.administration.leaderJa, i.administration.leaderEn)} (<DateText value={i.administration.from} /> – {i.administration.until ? <DateText value={i.administration.until} /> : t("governance.continuity.inOffice")})
                </Link>
              ) : null,
            },
            { label: "governance.kpi.pillar", value: i.pillar ? pick(STRATEGY_PILLAR_LABELS[i.pillar]) : null },
            { label: "governance.initiative.theme", value: i.theme ? pick(INITIATIVE_THEME_LABELS[i.theme]) : null },
            { label: "field.purposes", value: i.purposes.length ? <Tags values={i.purposes} labels={TIE_PURPOSE_LABELS} /> : null },
            {
              label: "governance.initiative.partners",
              value: i.partners.length ? (
                <ul className="inline-list">
                  {i.partners.map((p) => (
                    <li key={p.orgId}>
                      <OrgLink id={p.orgId} ja={p.nameJa} en={p.nameEn} /> ({pick(PARTNER_ROLE_LABELS[p.role])})
                    </li>
                  ))}
                </ul>
              ) : (
                t("governance.initiative.noPartners")
              ),
            },
            { label: "governance.initiative.office", value: i.officeId ? <RecordNameLink record={{ kind: "office", id: i.officeId }} orgId={i.ownerOrgId} fallback={t("governance.kind.office")} /> : null },
            { label: locale === "ja" ? "field.descriptionJa" : "field.descriptionEn", value: name(i.descriptionJa, i.descriptionEn) || null },
          ]}
        />
      </section>
      <section className="panel">
        <h2>{t("governance.initiative.history")}</h2>
        <table className="summary-table">
          <caption className="sr-only">{t("governance.initiative.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("governance.initiative.on")}</th>
              <th scope="col">{t("field.status")}</th>
              <th scope="col">{t("governance.initiative.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {i.statusHistory.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{e.on ? <DateText value={e.on} /> : "—"}</td>
                <td>
                  <StatusBadge status={e.status} />
                </td>
                <td>
                  {e.reason ?? ""}
                  {e.source ? <span className="muted small"> ({e.source})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canEdit(user, i.ownerOrgId) ? (
        <section className="panel" aria-labelledby="status-change-heading">
          <h2 id="status-change-heading">{t("governance.status.record")}</h2>
          <StatusChangeForm initiative={i} onSaved={reload} />
        </section>
      ) : null}
      {kpis.data && kpis.data.length ? (
        <section className="panel">
          <h2>{t("governance.initiative.kpis")}</h2>
          <ul>
            {kpis.data.map((k) => (
              <li key={k.id}>
                <Link to={`/kpis/${k.ownerOrgId}?kpi=${k.id}`}>{name(k.nameJa, k.nameEn)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RecordInfo record={i} />
    </>
  );
}

