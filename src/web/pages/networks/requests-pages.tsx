/**
 * @module web/pages/networks/requests-pages
 * Partner requests ("we seek a city that has solved X"): the list of requests the reader may see, the
 * form (themes and the request in one's own words), and a request's page with its ranked suggestions —
 * each with its score, the four components and the reasons in the reader's language, the supporting
 * cases, who could introduce, shared networks — and a button to compute them again over current data.
 */
import { useState } from "react";
import { CASE_THEME_LABELS, CASE_THEMES, themeLabel } from "../../../networks/themes.ts";
import type { TOrganisation } from "../../../registry/registry.schema.ts";
import { LoadError, Loading, OrgLink, OrgName, PageHeader, RecordInfo, TimestampText } from "../../components/display.tsx";
import { ListView, type Column } from "../../components/list-view.tsx";
import { RecordActions } from "../../components/record-actions.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { ORGANISATION_KIND_LABELS, VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api, type Problem } from "../../lib/api.ts";
import { Link, navigate, useQueryState } from "../../lib/router.tsx";
import { canCreate, canEdit, useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { Case, PartnerRequest, Suggestion } from "./api-types.ts";
import { localised } from "./error-text.ts";
import { FormProblem, NetworksNav, toProblem } from "./common.tsx";
import { labelOf } from "./labels.ts";

const points = (value: number) => Math.round(value * 100);

function RequestTitle({ request }: { request: PartnerRequest }) {
  const { t } = useI18n();
  return <Link to={`/networks/requests/${request.id}`}>{request.title || truncate(request.text, 60) || t("networks.request.untitled")}</Link>;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Themes({ themes }: { themes: readonly string[] }) {
  const { pick } = useI18n();
  if (!themes.length) return null;
  return (
    <ul className="tags">
      {themes.map((theme) => (
        <li key={theme}>{pick(themeLabel(theme))}</li>
      ))}
    </ul>
  );
}

function TopSuggestion({ request }: { request: PartnerRequest }) {
  const { pick, t, locale } = useI18n();
  const first = request.suggestions[0];
  if (!first) return <span className="muted">{t("networks.request.noneShort")}</span>;
  return (
    <>
      {pick(first.name)}
      {request.suggestions.length > 1 ? <span className="muted small"> {t("networks.request.andMore", { n: formatNumber(request.suggestions.length - 1, locale) })}</span> : null}
    </>
  );
}

const requestColumns: Column<PartnerRequest>[] = [
  { key: "title", label: "networks.request.title", render: (r) => <RequestTitle request={r} /> },
  { key: "requester", label: "networks.request.requester", render: (r) => <OrgLink id={r.requesterOrgId} ja={r.requesterName.ja} en={r.requesterName.en} /> },
  { key: "themes", label: "networks.request.themes", render: (r) => <Themes themes={r.themes} /> },
  { key: "top", label: "networks.request.top", render: (r) => <TopSuggestion request={r} /> },
  { key: "at", label: "networks.request.computedAt", render: (r) => <TimestampText value={r.suggestedAt} /> },
];

export function RequestsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [query] = useQueryState();
  const mine = query.get("mine") !== "0";
  const own = writableMemberships(user)[0]?.orgId;
  return (
    <>
      <PageHeader
        kicker={t("networks.kicker")}
        title={t("networks.requests.title")}
        actions={
          canCreate(user) ? (
            <Link to="/networks/requests/new" className="button primary">
              {t("networks.requests.new")}
            </Link>
          ) : null
        }
      >
        <p className="subtitle">{t("networks.requests.intro")}</p>
      </PageHeader>
      <NetworksNav />
      {!user ? <p className="notice">{t("networks.requests.signIn")}</p> : null}
      {own ? (
        <div className="segmented nw-mine" role="group" aria-label={t("networks.requests.whose")}>
          <Link to="/networks/requests" aria-current={mine ? "true" : undefined} className={mine ? "on" : undefined}>
            {t("networks.requests.mine")}
          </Link>
          <Link to="/networks/requests?mine=0" aria-current={!mine ? "true" : undefined} className={!mine ? "on" : undefined}>
            {t("networks.requests.all")}
          </Link>
        </div>
      ) : null}
      <ListView<PartnerRequest>
        path="/api/networks/partner-requests"
        columns={requestColumns}
        rowKey={(r) => r.id}
        caption="networks.requests.table"
        params={{}}
        fixed={own && mine ? { requesterOrgId: own } : undefined}
        sortable={false}
      />
    </>
  );
}

function requestFields(mode: "create" | "update"): FieldSpec[] {
  const requester: FieldSpec[] = mode === "create" ? [{ name: "requesterOrgId", label: "networks.request.requester", kind: "owner", section: "networks.section.request", required: true }] : [];
  return [
    ...requester,
    { name: "text", label: "networks.request.text", kind: "textarea", section: "networks.section.request", hint: "networks.request.textHint", required: true },
    { name: "themes", label: "networks.request.themes", kind: "checks", section: "networks.section.request", hint: "networks.request.themesHint", options: CASE_THEMES, optionLabels: CASE_THEME_LABELS },
    { name: "title", label: "networks.request.title", kind: "text", section: "networks.section.request", hint: "networks.request.titleHint", half: true },
    { name: "limit", label: "networks.request.limit", kind: "integer", section: "networks.section.request", half: true, omitWhenEmpty: true },
    { name: "visibility", label: "field.visibility", kind: "select", section: "form.section.access", options: ["confidential", "shared", "public"], optionLabels: VISIBILITY_LABELS, hint: "networks.request.visibilityHint", half: true, omitWhenEmpty: true },
    { name: "sharedWith", label: "field.sharedWith", kind: "orgs", section: "form.section.access", showIf: (v) => v.visibility === "shared" },
  ];
}

export function RequestCreatePage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [query] = useQueryState();
  const theme = query.get("theme");
  return (
    <>
      <PageHeader kicker={t("networks.requests.title")} title={t("networks.requests.new")}>
        <p className="subtitle">{t("networks.requests.formIntro")}</p>
      </PageHeader>
      {!user ? <p className="notice">{t("auth.required")}</p> : null}
      <EntityForm
        fields={requestFields("create")}
        mode="create"
        defaults={{
          requesterOrgId: writableMemberships(user)[0]?.orgId ?? "",
          themes: theme && (CASE_THEMES as readonly string[]).includes(theme) ? [theme] : [],
          limit: "10",
          visibility: "confidential",
        }}
        submit={(body) => localised(api<PartnerRequest>("POST", "/api/networks/partner-requests", body), locale)}
        onSaved={(saved) => navigate(`/networks/requests/${saved.id}`)}
        cancelTo="/networks/requests"
      />
    </>
  );
}

export function RequestEditPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useFetch<PartnerRequest>(`/api/networks/partner-requests/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader kicker={t("networks.requests.title")} title={t("networks.requests.edit")} />
      <EntityForm
        fields={requestFields("update")}
        mode="update"
        record={data as unknown as Record<string, unknown>}
        submit={(body) => localised(api<PartnerRequest>("PATCH", `/api/networks/partner-requests/${id}`, body), locale)}
        onSaved={() => navigate(`/networks/requests/${id}`)}
        cancelTo={`/networks/requests/${id}`}
      />
    </>
  );
}

export function RequestPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useFetch<PartnerRequest>(`/api/networks/partner-requests/${id}`);
  const [fresh, setFresh] = useState<PartnerRequest | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const request = fresh ?? data;
  if (!request) return <Loading />;
  const title = request.title || truncate(request.text, 60);
  const editable = canEdit(user, request.ownerOrgId);
  const recompute = async () => {
    setBusy(true);
    try {
      setFresh(await api<PartnerRequest>("POST", `/api/networks/partner-requests/${id}/suggestions`));
      setProblem(null);
    } catch (e) {
      setProblem(toProblem(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        kicker={t("networks.requests.title")}
        title={title}
        actions={<RecordActions ownerOrgId={request.ownerOrgId} editTo={`/networks/requests/${id}/edit`} apiPath={`/api/networks/partner-requests/${id}`} name={title} afterDelete="/networks/requests" />}
      />
      <NetworksNav />
      <section className="panel">
        <h2>{t("networks.request.heading")}</h2>
        <blockquote className="nw-request-text">{request.text}</blockquote>
        <dl className="details">
          <div>
            <dt>{t("networks.request.requester")}</dt>
            <dd>
              <OrgLink id={request.requesterOrgId} ja={request.requesterName.ja} en={request.requesterName.en} />
            </dd>
          </div>
          {request.themes.length ? (
            <div>
              <dt>{t("networks.request.themes")}</dt>
              <dd>
                <Themes themes={request.themes} />
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="panel" aria-labelledby="nw-suggestions-heading">
        <div className="panel-header">
          <h2 id="nw-suggestions-heading">{t("networks.request.suggestions")}</h2>
          {editable ? (
            <button type="button" className="small" disabled={busy} onClick={() => void recompute()}>
              {busy ? t("common.loading") : t("networks.request.recompute")}
            </button>
          ) : null}
        </div>
        <p className="muted small">
          {request.suggestedAt ? (
            <>
              {t("networks.request.computed")} <TimestampText value={request.suggestedAt} /> ·{" "}
            </>
          ) : null}
          {t("networks.request.how")}
        </p>
        {problem ? <FormProblem problem={problem} items={[]} /> : null}
        {request.suggestions.length ? (
          <ol className="nw-suggestions" aria-label={t("networks.request.suggestionsList", { n: formatNumber(request.suggestions.length, locale) })}>
            {request.suggestions.map((s) => (
              <SuggestionCard key={s.orgId} suggestion={s} />
            ))}
          </ol>
        ) : (
          <p className="empty">{t("networks.request.none")}</p>
        )}
      </section>
      <RecordInfo record={request} />
    </>
  );
}

const COMPONENTS: Array<{ key: keyof Suggestion["components"]; label: MessageKey; weight: number }> = [
  { key: "themeFit", label: "networks.request.themeFit", weight: 0.4 },
  { key: "caseEvidence", label: "networks.request.caseEvidence", weight: 0.3 },
  { key: "warmIntroduction", label: "networks.request.warmIntroduction", weight: 0.15 },
  { key: "networkCoMembership", label: "networks.request.networkCoMembership", weight: 0.15 },
];

function SuggestionCard({ suggestion: s }: { suggestion: Suggestion }) {
  const { t, pick, locale } = useI18n();
  const headingId = `nw-sug-${s.orgId}`;
  return (
    <li className="nw-suggestion" aria-labelledby={headingId}>
      <div className="nw-rank" aria-hidden="true">
        {s.rank}
      </div>
      <div className="nw-suggestion-body">
        <h3 id={headingId}>
          <span className="sr-only">{t("networks.request.rank", { rank: s.rank })} </span>
          <OrgLink id={s.orgId} ja={s.name.ja} en={s.name.en} />{" "}
          <span className="muted small">
            {pick(labelOf(ORGANISATION_KIND_LABELS, s.kind))} · {countryName(s.country, locale)}
          </span>
        </h3>
        <p className="nw-score">
          <span className="meter" aria-hidden="true">
            <span style={{ width: `${Math.min(100, points(s.score))}%` }} />
          </span>
          {t("networks.request.score", { n: formatNumber(points(s.score), locale) })}
        </p>
        <dl className="nw-components">
          {COMPONENTS.map((c) => (
            <div key={c.key}>
              <dt>{t(c.label)}</dt>
              <dd>
                <span className="meter" aria-hidden="true">
                  <span style={{ width: `${Math.round(s.components[c.key] * 100)}%` }} />
                </span>
                {formatNumber(Math.round(s.components[c.key] * 100), locale)}%
              </dd>
            </div>
          ))}
        </dl>
        <h4>{t("networks.request.reasons")}</h4>
        <ul className="nw-reasons">
          {s.reasons.map((r, i) => (
            <li key={`${r.code}-${i}`} data-reason={r.code}>
              <span className="nw-points">{t("networks.request.plus", { n: formatNumber(points(r.contribution), locale) })}</span> <span lang={locale}>{locale === "ja" ? r.ja : r.en}</span>
            </li>
          ))}
        </ul>
        {s.caseIds.length ? (
          <p className="small">
            {t("networks.request.cases")}:{" "}
            {s.caseIds.map((caseId, i) => (
              <span key={caseId}>
                {i > 0 ? "、" : null}
                <CaseLink id={caseId} />
              </span>
            ))}
          </p>
        ) : null}
        {s.introducerIds.length ? (
          <p className="small">
            {t("networks.request.introducers")}:{" "}
            {s.introducerIds.map((orgId, i) => (
              <span key={orgId}>
                {i > 0 ? "、" : null}
                <OrgName id={orgId} />
              </span>
            ))}
          </p>
        ) : null}
        {s.sharedNetworkIds.length ? (
          <p className="small">
            {t("networks.request.sharedNetworks")}:{" "}
            {s.sharedNetworkIds.map((orgId, i) => (
              <span key={orgId}>
                {i > 0 ? "、" : null}
                <NetworkName id={orgId} />
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function CaseLink({ id }: { id: string }) {
  const { name } = useI18n();
  const { data } = useFetch<Case>(`/api/networks/cases/${id}`);
  return <Link to={`/networks/cases/${id}`}>{data ? name(data.titleJa, data.titleEn) : "…"}</Link>;
}

function NetworkName({ id }: { id: string }) {
  const { name } = useI18n();
  const { data } = useFetch<TOrganisation>(`/api/organisations/${id}`);
  return <Link to={`/networks/org/${id}`}>{data ? name(data.nameJa, data.nameEn) : "…"}</Link>;
}

