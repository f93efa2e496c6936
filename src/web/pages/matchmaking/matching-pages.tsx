/**
 * @module web/pages/matchmaking/matching-pages
 * Matching: the published (and, for their owners and governments, unpublished) company profiles and
 * opportunities with search and filters (expired ones on request), and a detail page for each with its
 * endorsement, its matches and, for those who manage an opportunity, its expiry and renewal.
 */
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../../components/list-view.tsx";
import { DateText, Details, LoadError, Loading, OrgLink, PageHeader, Tags, TimestampText } from "../../components/display.tsx";
import { countryName } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link, useQueryState } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EndorsementPanel, MatchesPanel, MatchingTabs, opportunityTitle, Quantity, StatusBadge, type Company, type Opportunity } from "./common.tsx";
import { CERTIFICATION_LABELS, OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, VETTING_STATUS_LABELS } from "./labels.ts";
import { RenewalPanel } from "./renewal-panel.tsx";

const STATUSES = Object.keys(VETTING_STATUS_LABELS);

function Countries({ codes }: { codes: readonly string[] }) {
  const { locale } = useI18n();
  if (!codes.length) return null;
  return (
    <ul className="tags">
      {codes.map((c) => (
        <li key={c}>{countryName(c, locale)}</li>
      ))}
    </ul>
  );
}

function Codes({ codes }: { codes: readonly string[] }) {
  if (!codes.length) return null;
  return (
    <ul className="tags">
      {codes.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
}

const companyFilters: FilterSpec[] = [{ name: "status", label: "matchmaking.status", kind: "select", options: STATUSES, optionLabels: VETTING_STATUS_LABELS }];

export function CompaniesPage() {
  const { t, name } = useI18n();
  const { user } = useSession();
  const params = useListParams(companyFilters);
  const columns: Column<Company>[] = [
    { key: "name", label: "matchmaking.company", render: (c) => <Link to={`/matching/companies/${c.orgId}`}>{name(c.nameJa, c.nameEn)}</Link> },
    { key: "hs", label: "matchmaking.hsCodes", render: (c) => <Codes codes={c.hsCodes} /> },
    { key: "markets", label: "matchmaking.targetMarkets", render: (c) => <Countries codes={c.targetMarkets} /> },
    { key: "gov", label: "matchmaking.vettedBy", render: (c) => name(c.vettedBy.nameJa, c.vettedBy.nameEn) },
    { key: "status", label: "matchmaking.status", render: (c) => <StatusBadge status={c.status} /> },
  ];
  return (
    <>
      <PageHeader title={t("matchmaking.title")} actions={user ? <Link to="/matching/companies/new" className="button primary">{t("matchmaking.addCompany")}</Link> : undefined} />
      <MatchingTabs />
      <h2>{t("matchmaking.companies")}</h2>
      <SearchAndFilters filters={companyFilters} idPrefix="mm-companies" />
      <ListView<Company> path="/api/companies" columns={columns} rowKey={(c) => c.orgId} caption="matchmaking.companies" params={params} sortable={false} />
    </>
  );
}

const opportunityFilters: FilterSpec[] = [
  { name: "kind", label: "matchmaking.kind", kind: "select", options: OPPORTUNITY_KINDS, optionLabels: OPPORTUNITY_KIND_LABELS },
  { name: "status", label: "matchmaking.status", kind: "select", options: STATUSES, optionLabels: VETTING_STATUS_LABELS },
];

export function OpportunitiesPage() {
  const { t, name, pick, locale } = useI18n();
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  // Expired opportunities drop out of the list; their owners and governments ask for them to renew them.
  const showExpired = query.get("includeExpired") === "true";
  const params = { ...useListParams(opportunityFilters), ...(showExpired ? { includeExpired: "true" } : {}) };
  const columns: Column<Opportunity>[] = [
    { key: "title", label: "matchmaking.opportunity", render: (o) => <Link to={`/matching/opportunities/${o.id}`}>{opportunityTitle(o, name, pick)}</Link> },
    { key: "kind", label: "matchmaking.kind", render: (o) => pick(OPPORTUNITY_KIND_LABELS[o.kind] ?? { ja: o.kind, en: o.kind }) },
    { key: "owner", label: "matchmaking.owner", render: (o) => name(o.owner.nameJa, o.owner.nameEn) },
    { key: "country", label: "matchmaking.country", render: (o) => countryName(o.country, locale) },
    { key: "hs", label: "matchmaking.hsCodes", render: (o) => <Codes codes={o.hsCodes} /> },
    {
      key: "expires",
      label: "matchmaking.expiresOn",
      render: (o) => (
        <>
          <DateText value={o.expiresOn} /> {o.expired ? <span className="badge warn">{t("matchmaking.expired")}</span> : null}
        </>
      ),
    },
    { key: "status", label: "matchmaking.status", render: (o) => <StatusBadge status={o.status} /> },
  ];
  return (
    <>
      <PageHeader title={t("matchmaking.title")} actions={user ? <Link to="/matching/opportunities/new" className="button primary">{t("matchmaking.addOpportunity")}</Link> : undefined} />
      <MatchingTabs />
      <h2>{t("matchmaking.opportunities")}</h2>
      <SearchAndFilters filters={opportunityFilters} idPrefix="mm-opps" />
      <div className="filters">
        <div className="filter checkbox-field">
          <input id="mm-opps-expired" type="checkbox" checked={showExpired} onChange={(e) => setQuery({ includeExpired: e.target.checked ? "true" : null })} />
          <label htmlFor="mm-opps-expired">{t("matchmaking.showExpired")}</label>
        </div>
      </div>
      <ListView<Opportunity> path="/api/opportunities" columns={columns} rowKey={(o) => o.id} caption="matchmaking.opportunities" params={params} sortable={false} />
    </>
  );
}

function mayEdit(user: ReturnType<typeof useSession>["user"], ...orgIds: string[]): boolean {
  return orgIds.some((id) => canEdit(user, id));
}

export function CompanyPage({ orgId }: { orgId: string }) {
  const { t, name } = useI18n();
  const { user } = useSession();
  const { data: c, error, reload } = useFetch<Company>(`/api/companies/${orgId}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!c) return <Loading />;
  const editable = mayEdit(user, c.orgId, c.vettedBy.id);
  return (
    <>
      <PageHeader
        kicker={t("matchmaking.companies")}
        title={name(c.nameJa, c.nameEn)}
        actions={
          <>
            {editable && c.status !== "published" && canEdit(user, c.vettedBy.id) ? <Link to={`/matching/vetting/companies/${c.orgId}`} className="button primary">{t("matchmaking.review")}</Link> : null}
            {editable ? <Link to={`/matching/companies/${c.orgId}/edit`} className="button">{t("common.edit")}</Link> : null}
          </>
        }
      >
        <StatusBadge status={c.status} />
      </PageHeader>
      <MatchingTabs />
      <div className="detail-grid">
        <section className="panel">
          <h2>{t("common.details")}</h2>
          <Details
            rows={[
              { label: "matchmaking.company", value: <OrgLink id={c.orgId} ja={c.nameJa} en={c.nameEn} /> },
              { label: "matchmaking.descriptionJa", value: c.descriptionJa },
              { label: "matchmaking.descriptionEn", value: c.descriptionEn },
              { label: "matchmaking.corporateNumber", value: c.corporateNumber },
              { label: "matchmaking.hsCodes", value: c.hsCodes.length ? <Codes codes={c.hsCodes} /> : null },
              { label: "matchmaking.certifications", value: c.certifications.length ? <Tags values={c.certifications} labels={CERTIFICATION_LABELS} /> : null },
              { label: "matchmaking.exportExperience", value: c.exportExperience.length ? <Countries codes={c.exportExperience} /> : null },
              { label: "matchmaking.targetMarkets", value: c.targetMarkets.length ? <Countries codes={c.targetMarkets} /> : null },
              { label: "matchmaking.capacity", value: c.capacity ? <Quantity value={c.capacity} /> : null },
              { label: "matchmaking.vettedBy", value: <OrgLink id={c.vettedBy.id} ja={c.vettedBy.nameJa} en={c.vettedBy.nameEn} /> },
              { label: "matchmaking.source", value: c.source },
              { label: "field.updatedAt", value: <TimestampText value={c.updatedAt} /> },
            ]}
          />
        </section>
        <EndorsementPanel record={c} />
      </div>
      <MatchesPanel path={`/api/companies/${c.orgId}/matches`} company={c} />
    </>
  );
}

export function OpportunityPage({ id }: { id: string }) {
  const { t, name, pick, locale } = useI18n();
  const { user } = useSession();
  const { data: o, error, reload } = useFetch<Opportunity>(`/api/opportunities/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!o) return <Loading />;
  const editable = mayEdit(user, o.owner.id, o.vettedBy.id);
  return (
    <>
      <PageHeader
        kicker={pick(OPPORTUNITY_KIND_LABELS[o.kind] ?? { ja: o.kind, en: o.kind })}
        title={opportunityTitle(o, name, pick)}
        actions={
          <>
            {o.status !== "published" && canEdit(user, o.vettedBy.id) ? <Link to={`/matching/vetting/opportunities/${o.id}`} className="button primary">{t("matchmaking.review")}</Link> : null}
            {editable ? <Link to={`/matching/opportunities/${o.id}/edit`} className="button">{t("common.edit")}</Link> : null}
          </>
        }
      >
        <StatusBadge status={o.status} /> {o.expired ? <span className="badge warn">{t("matchmaking.expired")}</span> : null}
      </PageHeader>
      <MatchingTabs />
      <div className="detail-grid">
        <section className="panel">
          <h2>{t("common.details")}</h2>
          <Details
            rows={[
              { label: "matchmaking.owner", value: <OrgLink id={o.owner.id} ja={o.owner.nameJa} en={o.owner.nameEn} /> },
              { label: "matchmaking.country", value: countryName(o.country, locale) },
              { label: "matchmaking.titleJa", value: o.titleJa },
              { label: "matchmaking.titleEn", value: o.titleEn },
              { label: "matchmaking.descriptionJa", value: o.descriptionJa },
              { label: "matchmaking.descriptionEn", value: o.descriptionEn },
              { label: "matchmaking.hsCodes", value: o.hsCodes.length ? <Codes codes={o.hsCodes} /> : null },
              { label: "matchmaking.requiredCertifications", value: o.requiredCertifications.length ? <Tags values={o.requiredCertifications} labels={CERTIFICATION_LABELS} /> : null },
              { label: "matchmaking.volume", value: o.volume ? <Quantity value={o.volume} /> : null },
              { label: "matchmaking.deadline", value: o.deadline ? <DateText value={o.deadline} /> : null },
              { label: "matchmaking.expiresOn", value: <DateText value={o.expiresOn} /> },
              { label: "matchmaking.vettedBy", value: <OrgLink id={o.vettedBy.id} ja={o.vettedBy.nameJa} en={o.vettedBy.nameEn} /> },
              { label: "matchmaking.source", value: o.source },
            ]}
          />
        </section>
        <EndorsementPanel record={o} />
      </div>
      {editable ? <RenewalPanel o={o} onRenewed={reload} /> : null}
      <MatchesPanel path={`/api/opportunities/${o.id}/matches`} opportunity={o} />
    </>
  );
}
