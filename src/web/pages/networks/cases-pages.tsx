/**
 * @module web/pages/networks/cases-pages
 * The good-practice library: cases searchable in Japanese and English and filtered by theme and language;
 * a case's page (problem, approach, results, the arrangement used, documents, whom to contact) with the
 * projects made from it and the button that makes one (an initiative for the evaluation); the case form.
 */
import type { ReactNode } from "react";
import { TIE_PURPOSES } from "../../../core/domain.ts";
import { INITIATIVE_STATUS_LABELS } from "../../../evaluation/vocabulary.ts";
import { CASE_THEME_LABELS, CASE_THEMES } from "../../../networks/themes.ts";
import { Details, LoadError, Loading, OrgLink, PageHeader, RecordInfo } from "../../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../../components/list-view.tsx";
import { RecordActions } from "../../components/record-actions.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec, FormValues } from "../../forms/form-model.ts";
import { TIE_PURPOSE_LABELS, VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canCreate, useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { Case, Initiative } from "./api-types.ts";
import { NetworksNav } from "./common.tsx";
import { localised } from "./error-text.ts";
import { CASE_ARRANGEMENT_LABELS, CASE_ARRANGEMENTS, CASE_LANGUAGE_LABELS, CASE_LANGUAGES, labelOf } from "./labels.ts";

const caseFilters: FilterSpec[] = [
  { name: "theme", label: "networks.case.theme", kind: "select", options: CASE_THEMES, optionLabels: CASE_THEME_LABELS },
  { name: "language", label: "networks.case.language", kind: "select", options: CASE_LANGUAGES, optionLabels: CASE_LANGUAGE_LABELS },
];

function CaseTitle({ item }: { item: Case }) {
  const { name } = useI18n();
  return <Link to={`/networks/cases/${item.id}`}>{name(item.titleJa, item.titleEn)}</Link>;
}

function Picked({ label }: { label: { ja: string; en: string } | null }) {
  const { pick } = useI18n();
  return label ? <>{pick(label)}</> : null;
}

const caseColumns: Column<Case>[] = [
  { key: "title", label: "networks.case.title", render: (c) => <CaseTitle item={c} /> },
  { key: "org", label: "networks.case.org", render: (c) => <OrgLink id={c.orgId} ja={c.orgName.ja} en={c.orgName.en} /> },
  { key: "theme", label: "networks.case.theme", render: (c) => <Picked label={c.themeLabel} /> },
  { key: "year", label: "networks.case.year", numeric: true, render: (c) => c.year },
  { key: "network", label: "networks.case.network", render: (c) => (c.networkOrgId ? <Link to={`/networks/org/${c.networkOrgId}`}><Picked label={c.networkName} /></Link> : null) },
];

export function CasesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const params = useListParams(caseFilters);
  return (
    <>
      <PageHeader
        kicker={t("networks.kicker")}
        title={t("networks.cases.title")}
        actions={
          canCreate(user) ? (
            <Link to="/networks/cases/new" className="button primary">
              {t("networks.cases.new")}
            </Link>
          ) : null
        }
      >
        <p className="subtitle">{t("networks.cases.intro")}</p>
      </PageHeader>
      <NetworksNav />
      <SearchAndFilters filters={caseFilters} idPrefix="nw-cases" />
      <ListView<Case> path="/api/networks/cases" columns={caseColumns} rowKey={(c) => c.id} caption="networks.cases.table" params={params} sortable={false} />
    </>
  );
}

/** A text in the reader's language, the other language's beneath when both exist. */
function Bilingual({ ja, en }: { ja: string | null; en: string | null }) {
  const { locale } = useI18n();
  const first = locale === "ja" ? ja || en : en || ja;
  const firstLang = locale === "ja" ? (ja ? "ja" : "en") : en ? "en" : "ja";
  const other = firstLang === "ja" ? en : ja;
  if (!first) return null;
  return (
    <>
      <p className="nw-text" lang={firstLang}>
        {first}
      </p>
      {other && other !== first ? (
        <details className="nw-other-language">
          <summary>{firstLang === "ja" ? "English" : "日本語"}</summary>
          <p className="nw-text" lang={firstLang === "ja" ? "en" : "ja"}>
            {other}
          </p>
        </details>
      ) : null}
    </>
  );
}

function TextSection({ title, ja, en }: { title: string; ja: string | null; en: string | null }): ReactNode {
  if (!ja && !en) return null;
  return (
    <section className="nw-case-section">
      <h2>{title}</h2>
      <Bilingual ja={ja} en={en} />
    </section>
  );
}

export function CasePage({ id }: { id: string }) {
  const { t, name, pick, locale } = useI18n();
  const { user } = useSession();
  const { data: item, error, reload } = useFetch<Case>(`/api/networks/cases/${id}`);
  const projects = useFetch<{ items: Initiative[] }>(`/api/networks/cases/${id}/projects`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!item) return <Loading />;
  const title = name(item.titleJa, item.titleEn);
  return (
    <>
      <PageHeader
        kicker={`${t("networks.cases.title")} · ${pick(item.themeLabel)}`}
        title={title}
        actions={
          <>
            {canCreate(user) ? (
              <Link to={`/networks/cases/${id}/project`} className="button primary">
                {t("networks.case.createProject")}
              </Link>
            ) : null}
            <Link to={`/networks/requests/new?theme=${item.theme}`} className="button">
              {t("networks.case.findPartners")}
            </Link>
            <RecordActions ownerOrgId={item.ownerOrgId} editTo={`/networks/cases/${id}/edit`} apiPath={`/api/networks/cases/${id}`} name={title} afterDelete="/networks/cases" />
          </>
        }
      >
        <p className="subtitle">{locale === "ja" ? item.titleEn : item.titleJa}</p>
      </PageHeader>
      <NetworksNav />
      <div className="nw-case-layout">
        <article className="panel nw-case">
          <TextSection title={t("networks.case.problem")} ja={item.problemJa} en={item.problemEn} />
          <TextSection title={t("networks.case.approach")} ja={item.approachJa} en={item.approachEn} />
          <TextSection title={t("networks.case.results")} ja={item.resultsJa} en={item.resultsEn} />
          <TextSection title={t("networks.case.arrangementNote")} ja={item.arrangementNoteJa} en={item.arrangementNoteEn} />
        </article>
        <aside>
          <section className="panel">
            <h2>{t("common.details")}</h2>
            <Details
              rows={[
                { label: "networks.case.org", value: <OrgLink id={item.orgId} ja={item.orgName.ja} en={item.orgName.en} /> },
                { label: "networks.case.network", value: item.networkOrgId && item.networkName ? <Link to={`/networks/org/${item.networkOrgId}`}>{pick(item.networkName)}</Link> : null },
                { label: "networks.case.theme", value: pick(item.themeLabel) },
                { label: "networks.case.year", value: item.year },
                { label: "networks.case.arrangement", value: item.arrangementLabel ? pick(item.arrangementLabel) : null },
                { label: "networks.case.contact", value: name(item.contactRoleJa, item.contactRoleEn) || null },
                { label: "networks.case.language", value: pick(labelOf(CASE_LANGUAGE_LABELS, item.language)) },
              ]}
            />
          </section>
          {item.documents.length ? (
            <section className="panel">
              <h2>{t("networks.case.documents")}</h2>
              <ul className="nw-plain-list">
                {item.documents.map((d) => (
                  <li key={d.url}>
                    <a href={d.url} rel="noreferrer" hrefLang={d.language ?? undefined}>
                      {d.title || d.url}
                    </a>
                    {d.language ? <span className="muted small"> ({pick(labelOf(CASE_LANGUAGE_LABELS, d.language))})</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel">
            <h2>{t("networks.case.projects")}</h2>
            {!projects.data ? (
              <Loading />
            ) : !projects.data.items.length ? (
              <p className="muted">{t("networks.case.noProjects")}</p>
            ) : (
              <ul className="nw-plain-list">
                {projects.data.items.map((p) => (
                  <li key={p.id}>
                    <strong>{name(p.nameJa, p.nameEn)}</strong>{" "}
                    <span className="badge nw-current">{pick(labelOf(INITIATIVE_STATUS_LABELS, p.status))}</span>
                    <br />
                    <span className="muted small">
                      {t("networks.case.projectOwner")}: {name(p.ownerNameJa, p.ownerNameEn)}
                      {p.partners.length ? ` · ${t("networks.case.partners")}: ${p.partners.map((x) => name(x.nameJa, x.nameEn)).join("、")}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
      <RecordInfo record={item} />
    </>
  );
}

function caseFields(): FieldSpec[] {
  return [
    { name: "orgId", label: "networks.case.org", kind: "org", section: "networks.section.case", hint: "networks.case.orgHint", required: true },
    { name: "networkOrgId", label: "networks.case.network", kind: "org", section: "networks.section.case", hint: "networks.case.networkHint" },
    { name: "theme", label: "networks.case.theme", kind: "select", section: "networks.section.case", options: CASE_THEMES, optionLabels: CASE_THEME_LABELS, required: true, half: true },
    { name: "year", label: "networks.case.year", kind: "year", section: "networks.section.case", half: true },
    { name: "language", label: "networks.case.language", kind: "select", section: "networks.section.case", options: CASE_LANGUAGES, optionLabels: CASE_LANGUAGE_LABELS, required: true, half: true, omitWhenEmpty: true },
    { name: "titleJa", label: "networks.case.titleJa", kind: "text", section: "networks.section.content", hint: "networks.case.titleHint", half: true },
    { name: "titleEn", label: "networks.case.titleEn", kind: "text", section: "networks.section.content", half: true },
    { name: "problemJa", label: "networks.case.problemJa", kind: "textarea", section: "networks.section.content", half: true },
    { name: "problemEn", label: "networks.case.problemEn", kind: "textarea", section: "networks.section.content", half: true },
    { name: "approachJa", label: "networks.case.approachJa", kind: "textarea", section: "networks.section.content", half: true },
    { name: "approachEn", label: "networks.case.approachEn", kind: "textarea", section: "networks.section.content", half: true },
    { name: "resultsJa", label: "networks.case.resultsJa", kind: "textarea", section: "networks.section.content", half: true },
    { name: "resultsEn", label: "networks.case.resultsEn", kind: "textarea", section: "networks.section.content", half: true },
    { name: "arrangement", label: "networks.case.arrangement", kind: "select", section: "networks.section.arrangement", options: CASE_ARRANGEMENTS, optionLabels: CASE_ARRANGEMENT_LABELS },
    { name: "arrangementNoteJa", label: "networks.case.arrangementNoteJa", kind: "textarea", section: "networks.section.arrangement", half: true },
    { name: "arrangementNoteEn", label: "networks.case.arrangementNoteEn", kind: "textarea", section: "networks.section.arrangement", half: true },
    { name: "contactRoleJa", label: "networks.case.contactJa", kind: "text", section: "networks.section.arrangement", half: true, placeholder: "国際課長" },
    { name: "contactRoleEn", label: "networks.case.contactEn", kind: "text", section: "networks.section.arrangement", half: true, placeholder: "Director, International Affairs" },
    { name: "ownerOrgId", label: "field.maintainer", kind: "owner", section: "form.section.access", hint: "networks.case.ownerHint", half: true, omitWhenEmpty: true },
    { name: "visibility", label: "field.visibility", kind: "select", section: "form.section.access", options: ["public", "shared", "confidential"], optionLabels: VISIBILITY_LABELS, half: true, omitWhenEmpty: true },
    { name: "source", label: "field.source", kind: "text", section: "form.section.access" },
    { name: "unverified", label: "field.unverified", kind: "boolean", section: "form.section.access" },
  ];
}

export function CaseCreatePage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const own = writableMemberships(user)[0]?.orgId ?? "";
  const defaults: FormValues = { language: "ja", visibility: "public", orgId: own, ownerOrgId: own };
  return (
    <>
      <PageHeader kicker={t("networks.cases.title")} title={t("networks.cases.new")} />
      {!user ? <p className="notice">{t("auth.required")}</p> : null}
      <EntityForm
        fields={caseFields()}
        mode="create"
        defaults={defaults}
        submit={(body) => localised(api<Case>("POST", "/api/networks/cases", body), locale)}
        onSaved={(saved) => navigate(`/networks/cases/${saved.id}`)}
        cancelTo="/networks/cases"
      />
    </>
  );
}

export function CaseEditPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useFetch<Case>(`/api/networks/cases/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader kicker={t("networks.cases.title")} title={t("networks.cases.edit")} />
      <EntityForm
        fields={caseFields()}
        mode="update"
        record={data as unknown as Record<string, unknown>}
        submit={(body) => localised(api<Case>("PATCH", `/api/networks/cases/${id}`, body), locale)}
        onSaved={() => navigate(`/networks/cases/${id}`)}
        cancelTo={`/networks/cases/${id}`}
      />
    </>
  );
}

export function ProjectFromCasePage({ id }: { id: string }) {
  const { t, name, locale } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useFetch<Case>(`/api/networks/cases/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const fields: FieldSpec[] = [
    { name: "ownerOrgId", label: "networks.project.owner", kind: "owner", section: "networks.section.project", required: true, half: true },
    { name: "since", label: "field.since", kind: "partial-date", section: "networks.section.project", half: true },
    { name: "nameJa", label: "field.nameJa", kind: "text", section: "networks.section.project", hint: "networks.project.nameHint", half: true },
    { name: "nameEn", label: "field.nameEn", kind: "text", section: "networks.section.project", half: true },
    { name: "partnerOrgIds", label: "networks.case.partners", kind: "orgs", section: "networks.section.project", hint: "networks.project.partnersHint" },
    { name: "includeNetwork", label: "networks.project.includeNetwork", kind: "boolean", section: "networks.section.project", showIf: () => data.networkOrgId !== null },
    { name: "purposes", label: "field.purposes", kind: "checks", section: "networks.section.project", options: TIE_PURPOSES, optionLabels: TIE_PURPOSE_LABELS },
    { name: "descriptionJa", label: "field.descriptionJa", kind: "textarea", section: "networks.section.project", half: true },
    { name: "descriptionEn", label: "field.descriptionEn", kind: "textarea", section: "networks.section.project", half: true },
    { name: "visibility", label: "field.visibility", kind: "select", section: "form.section.access", options: ["public", "shared", "confidential"], optionLabels: VISIBILITY_LABELS, half: true, omitWhenEmpty: true },
  ];
  const submit = (body: Record<string, unknown>) => {
    const payload = { ...body };
    // Empty lists mean "the defaults" (the case's organisation; project making), so they are left out.
    for (const key of ["partnerOrgIds", "purposes"]) if (Array.isArray(payload[key]) && (payload[key] as unknown[]).length === 0) delete payload[key];
    return localised(api<Initiative>("POST", `/api/networks/cases/${id}/projects`, payload), locale);
  };
  return (
    <>
      <PageHeader kicker={name(data.titleJa, data.titleEn)} title={t("networks.case.createProject")}>
        <p className="subtitle">{t("networks.project.intro")}</p>
      </PageHeader>
      {!user ? <p className="notice">{t("auth.required")}</p> : null}
      <EntityForm
        fields={fields}
        mode="create"
        defaults={{ visibility: "public", purposes: ["project_making"], ownerOrgId: writableMemberships(user)[0]?.orgId ?? "" }}
        submit={submit}
        onSaved={() => navigate(`/networks/cases/${id}`)}
        cancelTo={`/networks/cases/${id}`}
      />
    </>
  );
}
