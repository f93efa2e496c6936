/**
 * @module web/pages/networks/network-page
 * A city network's page: its themes (editable by those who maintain the network's record), its members
 * with their roles over time (a chart, and the table behind it), its reporting obligations and their
 * calendar for the next two years, and the cases shared through it; plus the form for a new obligation.
 */
import { useState } from "react";
import type { TOrganisation } from "../../../registry/registry.schema.ts";
import { CASE_THEME_LABELS, CASE_THEMES } from "../../../networks/themes.ts";
import { DateText, LoadError, Loading, OrgLink, PageHeader } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { ORGANISATION_KIND_LABELS, TIE_ROLE_LABELS, VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { countryName, formatNumber, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, withQuery, type ListPage, type Problem } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canCreate, canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { Calendar, Case, NetworkMember, NetworkProfile, NetworkThemes, Obligation } from "./api-types.ts";
import { localised } from "./error-text.ts";
import { addMonths, FormProblem, NetworksNav, StateBadge, toProblem, today } from "./common.tsx";
import { labelOf, OBLIGATION_FREQUENCIES, OBLIGATION_FREQUENCY_LABELS } from "./labels.ts";
import { dayOf, yearTicks } from "./timeline-model.ts";

const ROLE_COLORS: Record<string, string> = {
  member: "#56B4E9",
  board: "#009E73",
  chair: "#D55E00",
  vice_chair: "#E69F00",
  secretariat: "#CC79A7",
};

export function NetworkPage({ id }: { id: string }) {
  const { t, pick, locale } = useI18n();
  const { user } = useSession();
  const profile = useFetch<NetworkProfile>(`/api/networks/${id}`);
  const org = useFetch<TOrganisation>(`/api/organisations/${id}`);
  if (profile.error) return <LoadError error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Loading />;
  const { network, members, obligations } = profile.data;
  const current = members.filter((m) => m.current).length;
  return (
    <>
      <PageHeader
        kicker={t("networks.org.kicker")}
        title={pick(network.name)}
        actions={
          <Link to={`/organisations/${id}`} className="button">
            {t("networks.org.record")}
          </Link>
        }
      >
        <p className="subtitle">
          {locale === "ja" ? network.name.en : network.name.ja}
          {network.networkField ? ` · ${network.networkField}` : ""} · {countryName(network.country, locale)}
          {network.websiteUrl ? (
            <>
              {" · "}
              <a href={network.websiteUrl} rel="noreferrer">
                {t("field.website")}
              </a>
            </>
          ) : null}
        </p>
      </PageHeader>
      <NetworksNav />
      <div className="detail-grid">
        <Themes networkId={id} themes={profile.data.themes} editable={canEdit(user, org.data?.ownerOrgId)} onSaved={profile.reload} />
        <section className="panel">
          <h2>{t("networks.org.summary")}</h2>
          <dl className="details">
            <div>
              <dt>{t("networks.org.members")}</dt>
              <dd>{t("networks.org.memberCount", { n: formatNumber(current, locale), total: formatNumber(members.length, locale) })}</dd>
            </div>
            <div>
              <dt>{t("networks.org.obligations")}</dt>
              <dd>{formatNumber(obligations.length, locale)}</dd>
            </div>
          </dl>
        </section>
      </div>
      <section className="panel" aria-labelledby="nw-members-heading">
        <h2 id="nw-members-heading">{t("networks.org.members")}</h2>
        {members.length ? (
          <>
            <RolesChart members={members} />
            <MembersTable members={members} />
          </>
        ) : (
          <p className="muted">{t("networks.org.noMembers")}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="nw-obligations-heading">
        <div className="panel-header">
          <h2 id="nw-obligations-heading">{t("networks.org.obligations")}</h2>
          {canCreate(user) ? (
            <Link to={`/networks/org/${id}/obligations/new`} className="button small">
              {t("networks.org.addObligation")}
            </Link>
          ) : null}
        </div>
        <ObligationsTable obligations={obligations} />
        <ReportingCalendar networkId={id} />
      </section>
      <NetworkCases networkId={id} />
    </>
  );
}

function Themes({ networkId, themes, editable, onSaved }: { networkId: string; themes: NetworkThemes["themes"]; editable: boolean; onSaved: () => void }) {
  const { t, pick, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const save = async () => {
    try {
      await api<NetworkThemes>("PUT", `/api/networks/${networkId}/themes`, { themes: chosen });
      setProblem(null);
      setEditing(false);
      onSaved();
    } catch (error) {
      setProblem(toProblem(error, locale));
    }
  };
  return (
    <section className="panel">
      <div className="panel-header">
        <h2>{t("networks.org.themes")}</h2>
        {editable && !editing ? (
          <button
            type="button"
            className="small"
            onClick={() => {
              setChosen(themes.map((th) => th.theme));
              setEditing(true);
            }}
          >
            {t("networks.org.editThemes")}
          </button>
        ) : null}
      </div>
      {editing ? (
        <fieldset className="field group">
          <legend>{t("networks.org.themes")}</legend>
          <FormProblem problem={problem} items={[]} />
          <div className="checks">
            {CASE_THEMES.map((theme) => (
              <div className="check" key={theme}>
                <input
                  type="checkbox"
                  id={`nw-theme-${theme}`}
                  checked={chosen.includes(theme)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, theme] : chosen.filter((x) => x !== theme))}
                />
                <label htmlFor={`nw-theme-${theme}`}>{pick(CASE_THEME_LABELS[theme])}</label>
              </div>
            ))}
          </div>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void save()}>
              {t("common.save")}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </fieldset>
      ) : themes.length ? (
        <ul className="tags">
          {themes.map((th) => (
            <li key={th.theme}>{pick(th.label)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("networks.org.noThemes")}</p>
      )}
    </section>
  );
}

interface Bar {
  role: string;
  from: number;
  to: number;
}

/** A member's bars: its role periods, or its membership period in its current role. */
function memberBars(m: NetworkMember, now: number): Bar[] {
  if (m.roleHistory.length) {
    return m.roleHistory.map((p) => ({ role: p.role, from: dayOf(p.from), to: p.until ? dayOf(p.until) : m.current ? now : dayOf(m.tie.until ?? "") || now })).filter((b) => Number.isFinite(b.from));
  }
  if (!m.tie.since) return [];
  const until = m.tie.until ? dayOf(m.tie.until) : now;
  return [{ role: m.role ?? "member", from: dayOf(m.tie.since), to: Number.isFinite(until) ? until : now }];
}

function RolesChart({ members }: { members: readonly NetworkMember[] }) {
  const { t, pick } = useI18n();
  const now = Date.now();
  const rows = [...members]
    .map((m) => ({ m, bars: memberBars(m, now) }))
    .filter((r) => r.bars.length)
    .sort((a, b) => a.bars[0]!.from - b.bars[0]!.from);
  if (!rows.length) return null;
  const start = Math.min(...rows.flatMap((r) => r.bars.map((b) => b.from)));
  const end = Math.max(now, ...rows.flatMap((r) => r.bars.map((b) => b.to)));
  const LABEL = 190;
  const WIDTH = 760;
  const ROW = 20;
  const height = rows.length * ROW + 26;
  const x = (day: number) => LABEL + ((day - start) / Math.max(1, end - start)) * (WIDTH - LABEL - 10);
  const roles = [...new Set(rows.flatMap((r) => r.bars.map((b) => b.role)))];
  const summary = rows.map((r) => `${pick(r.m.member.name)}: ${r.bars.map((b) => `${pick(labelOf(TIE_ROLE_LABELS, b.role))} ${new Date(b.from).getUTCFullYear()}`).join(", ")}`).join("; ");
  return (
    <figure className="nw-roles-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${t("networks.org.rolesChart")}: ${summary}`}>
        {yearTicks(start, end, 8).map((year) => (
          <g key={year} className="tick">
            <line x1={x(Date.UTC(year, 0, 1))} x2={x(Date.UTC(year, 0, 1))} y1={0} y2={rows.length * ROW} />
            <text x={x(Date.UTC(year, 0, 1))} y={rows.length * ROW + 16} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.m.tie.id}>
            <text x={LABEL - 8} y={i * ROW + ROW / 2} dy="0.35em" textAnchor="end" className="name">
              {truncate(pick(r.m.member.name), 24)}
            </text>
            {r.bars.map((b, k) => (
              <rect key={k} x={x(b.from)} y={i * ROW + 4} width={Math.max(2, x(b.to) - x(b.from))} height={ROW - 8} rx={2} fill={ROLE_COLORS[b.role] ?? "#888"} opacity={r.m.current ? 1 : 0.45}>
                <title>{`${pick(r.m.member.name)} · ${pick(labelOf(TIE_ROLE_LABELS, b.role))}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {roles.map((role) => (
            <li key={role}>
              <span className="nw-swatch" style={{ background: ROLE_COLORS[role] ?? "#888" }} aria-hidden="true" />
              {pick(labelOf(TIE_ROLE_LABELS, role))}
            </li>
          ))}
          <li className="muted">{t("networks.org.formerFaded")}</li>
        </ul>
      </figcaption>
    </figure>
  );
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function MembersTable({ members }: { members: readonly NetworkMember[] }) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t("networks.org.members")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("networks.org.member")}</th>
            <th scope="col">{t("field.kind")}</th>
            <th scope="col">{t("field.role")}</th>
            <th scope="col">{t("field.since")}</th>
            <th scope="col">{t("field.until")}</th>
            <th scope="col">{t("networks.org.state")}</th>
            <th scope="col">{t("networks.org.timeline")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.tie.id} className={m.current ? undefined : "nw-former"}>
              <th scope="row">
                <OrgLink id={m.member.orgId} ja={m.member.name.ja} en={m.member.name.en} />
                <span className="muted small"> · {countryName(m.member.country, locale)}</span>
              </th>
              <td>{pick(labelOf(ORGANISATION_KIND_LABELS, m.member.kind))}</td>
              <td>
                {m.role ? pick(labelOf(TIE_ROLE_LABELS, m.role)) : null}
                {m.roleHistory.length > 1 ? <span className="muted small"> ({t("networks.org.rolePeriods", { n: m.roleHistory.length })})</span> : null}
              </td>
              <td>
                <DateText value={m.tie.since} />
              </td>
              <td>{m.tie.until ? <DateText value={m.tie.until} /> : <span className="muted">{t("ties.ongoing")}</span>}</td>
              <td>
                {m.tie.state ? <StateBadge state={m.tie.state} /> : null} {m.current ? <span className="badge nw-current">{t("networks.org.current")}</span> : <span className="badge">{t("networks.org.former")}</span>}
              </td>
              <td>
                <Link to={`/networks/ties/${m.tie.id}`}>{t("networks.org.openTimeline")}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function dueRule(o: Obligation, t: ReturnType<typeof useI18n>["t"], locale: "ja" | "en"): string {
  const month = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, o.dueMonth - 1, 1));
  return o.dueDay ? t("networks.org.dueDay", { month, day: o.dueDay }) : t("networks.org.dueMonthEnd", { month });
}

function ObligationsTable({ obligations }: { obligations: readonly Obligation[] }) {
  const { t, pick, name, locale } = useI18n();
  if (!obligations.length) return <p className="muted">{t("networks.org.noObligations")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t("networks.org.obligations")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("field.title")}</th>
            <th scope="col">{t("networks.org.frequency")}</th>
            <th scope="col">{t("networks.org.due")}</th>
            <th scope="col">{t("networks.org.years")}</th>
          </tr>
        </thead>
        <tbody>
          {obligations.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                {o.url ? (
                  <a href={o.url} rel="noreferrer">
                    {name(o.titleJa, o.titleEn)}
                  </a>
                ) : (
                  name(o.titleJa, o.titleEn)
                )}
                {name(o.descriptionJa, o.descriptionEn) ? <p className="muted small">{name(o.descriptionJa, o.descriptionEn)}</p> : null}
              </th>
              <td>{pick(o.frequencyLabel)}</td>
              <td>{dueRule(o, t, locale)}</td>
              <td className="nowrap">{o.endYear ? `${o.startYear}–${o.endYear}` : t("networks.map.since", { from: o.startYear })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportingCalendar({ networkId }: { networkId: string }) {
  const { t, pick, locale } = useI18n();
  const from = today();
  const to = addMonths(from, 24);
  const { data, error } = useFetch<Calendar>(withQuery("/api/networks/obligations/calendar", { networkOrgId: networkId, from, to }));
  return (
    <>
      <h3 className="nw-subheading">{t("networks.org.calendar")}</h3>
      {error ? <LoadError error={error} /> : !data ? <Loading /> : !data.items.length ? <p className="muted">{t("networks.org.noDue")}</p> : (
        <ol className="nw-calendar">
          {data.items.map((item) => (
            <li key={`${item.obligationId}-${item.due}`}>
              <time dateTime={item.due} className="nw-due">
                {formatPartialDate(item.due, locale)}
              </time>
              <span>{pick(item.title)}</span>
              <span className="muted small">{pick(labelOf(OBLIGATION_FREQUENCY_LABELS, item.frequency))}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function NetworkCases({ networkId }: { networkId: string }) {
  const { t, name, pick } = useI18n();
  const { data } = useFetch<ListPage<Case>>(withQuery("/api/networks/cases", { networkOrgId: networkId, limit: 20 }));
  return (
    <section className="panel">
      <h2>{t("networks.org.cases")}</h2>
      {!data ? (
        <Loading />
      ) : !data.items.length ? (
        <p className="muted">{t("networks.org.noCases")}</p>
      ) : (
        <ul className="nw-plain-list">
          {data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/networks/cases/${c.id}`}>{name(c.titleJa, c.titleEn)}</Link> <span className="muted small">· {pick(c.orgName)} · {pick(c.themeLabel)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ObligationCreatePage({ id }: { id: string }) {
  const { t, pick, locale } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useFetch<NetworkProfile>(`/api/networks/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const memberships = user?.memberships.filter((m) => m.role === "admin" || m.role === "staff") ?? [];
  const fields: FieldSpec[] = [
    { name: "titleJa", label: "field.titleJa", kind: "text", section: "networks.section.obligation", required: true, half: true, placeholder: "年次報告書" },
    { name: "titleEn", label: "field.titleEn", kind: "text", section: "networks.section.obligation", required: true, half: true, placeholder: "Annual report" },
    { name: "frequency", label: "networks.org.frequency", kind: "select", section: "networks.section.obligation", options: OBLIGATION_FREQUENCIES, optionLabels: OBLIGATION_FREQUENCY_LABELS, required: true, half: true },
    { name: "dueMonth", label: "networks.obligation.dueMonth", kind: "integer", section: "networks.section.obligation", hint: "networks.obligation.dueMonthHint", required: true, half: true },
    { name: "dueDay", label: "networks.obligation.dueDay", kind: "integer", section: "networks.section.obligation", hint: "networks.obligation.dueDayHint", half: true },
    { name: "startYear", label: "networks.obligation.startYear", kind: "year", section: "networks.section.obligation", required: true, half: true },
    { name: "endYear", label: "networks.obligation.endYear", kind: "year", section: "networks.section.obligation", hint: "networks.obligation.endYearHint", half: true },
    { name: "url", label: "networks.obligation.url", kind: "url", section: "networks.section.obligation", half: true },
    { name: "descriptionJa", label: "field.descriptionJa", kind: "textarea", section: "networks.section.obligation", half: true },
    { name: "descriptionEn", label: "field.descriptionEn", kind: "textarea", section: "networks.section.obligation", half: true },
    { name: "ownerOrgId", label: "field.maintainer", kind: "owner", section: "form.section.access", required: true, half: true },
    { name: "visibility", label: "field.visibility", kind: "select", section: "form.section.access", options: ["public", "shared", "confidential"], optionLabels: VISIBILITY_LABELS, half: true },
    { name: "source", label: "field.source", kind: "text", section: "form.section.access" },
  ];
  return (
    <>
      <PageHeader kicker={pick(data.network.name)} title={t("networks.org.addObligation")} />
      <EntityForm
        fields={fields}
        mode="create"
        defaults={{ visibility: "public", frequency: "annual", startYear: String(new Date().getFullYear()), ownerOrgId: memberships[0]?.orgId ?? "" }}
        submit={(body) => localised(api<Obligation>("POST", "/api/networks/obligations", { ...body, networkOrgId: id }), locale)}
        onSaved={() => navigate(`/networks/org/${id}`)}
        cancelTo={`/networks/org/${id}`}
      />
    </>
  );
}
