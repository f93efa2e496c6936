/**
 * @module web/pages/organisations-pages
 * Organisations (prefectures, cities, agencies, banks, networks…): the searchable list filtered by kind,
 * and one organisation with its overseas offices, ties and strategies.
 */
import { ORGANISATION_KINDS } from "../../core/domain.ts";
import type { TOffice, TOrganisation, TStrategy, TTie } from "../../registry/registry.schema.ts";
import { Details, LoadError, Loading, OrgNames, PageHeader, RecordInfo, UnverifiedBadge } from "../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../components/list-view.tsx";
import { RecordActions } from "../components/record-actions.tsx";
import { ORGANISATION_KIND_LABELS } from "../i18n/enum-labels.ts";
import { countryName, formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { Link } from "../lib/router.tsx";
import { canCreate, canEdit, useSession } from "../lib/session.tsx";
import { useFetch } from "../lib/use-fetch.ts";
import { officeColumns } from "./offices-pages.tsx";
import { strategyColumns } from "./strategies-pages.tsx";
import { tieColumns } from "./ties-pages.tsx";

const organisationFilters: FilterSpec[] = [
  { name: "kind", label: "field.kind", kind: "select", options: ORGANISATION_KINDS, optionLabels: ORGANISATION_KIND_LABELS },
];

function OrganisationName({ org }: { org: TOrganisation }) {
  const { name } = useI18n();
  return <Link to={`/organisations/${org.id}`}>{name(org.nameJa, org.nameEn)}</Link>;
}

function KindText({ org }: { org: TOrganisation }) {
  const { pick } = useI18n();
  return <>{pick(ORGANISATION_KIND_LABELS[org.kind])}</>;
}

function CountryText({ code }: { code: string }) {
  const { locale } = useI18n();
  return <>{countryName(code, locale)}</>;
}

function CityText({ org }: { org: TOrganisation }) {
  const { name } = useI18n();
  return <>{name(org.cityJa, org.cityEn)}</>;
}

const organisationColumns: Column<TOrganisation>[] = [
  { key: "name", label: "field.name", sort: "nameEn", render: (o) => <OrganisationName org={o} /> },
  { key: "kind", label: "field.kind", sort: "kind", render: (o) => <KindText org={o} /> },
  { key: "country", label: "field.country", sort: "country", render: (o) => <CountryText code={o.country} /> },
  { key: "city", label: "field.city", render: (o) => <CityText org={o} /> },
  { key: "code", label: "field.localGovCode", sort: "localGovCode", render: (o) => o.localGovCode ?? "" },
];

export function OrganisationsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const params = useListParams(organisationFilters);
  return (
    <>
      <PageHeader
        title={t("organisations.title")}
        actions={
          canCreate(user) ? (
            <Link to="/organisations/new" className="button primary">
              {t("organisations.new")}
            </Link>
          ) : null
        }
      />
      <SearchAndFilters filters={organisationFilters} idPrefix="organisations" />
      <ListView<TOrganisation> path="/api/organisations" columns={organisationColumns} rowKey={(o) => o.id} caption="organisations.title" params={params} />
    </>
  );
}

function RelatedList<T>({ title, path, fixed, columns, rowKey, addTo }: { title: MessageKey; path: string; fixed: Record<string, string>; columns: Column<T>[]; rowKey: (item: T) => string; addTo?: { to: string; label: MessageKey } }) {
  const { t } = useI18n();
  return (
    <section className="panel">
      <div className="panel-header">
        <h2>{t(title)}</h2>
        {addTo ? (
          <Link to={addTo.to} className="button small">
            {t(addTo.label)}
          </Link>
        ) : null}
      </div>
      <ListView<T> path={path} columns={columns} rowKey={rowKey} caption={title} params={{}} fixed={fixed} pageSize={10} sortable={false} />
    </section>
  );
}

export function OrganisationPage({ id }: { id: string }) {
  const { t, name, pick, locale } = useI18n();
  const { user } = useSession();
  const { data: org, error, reload } = useFetch<TOrganisation>(`/api/organisations/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!org) return <Loading />;
  const title = name(org.nameJa, org.nameEn);
  const actsFor = canEdit(user, org.id);
  const coordinates = org.lat !== null && org.lon !== null ? `${formatNumber(org.lat, locale, 4)}, ${formatNumber(org.lon, locale, 4)}` : null;
  return (
    <>
      <PageHeader
        kicker={pick(ORGANISATION_KIND_LABELS[org.kind])}
        title={title}
        actions={<RecordActions ownerOrgId={org.ownerOrgId} editTo={`/organisations/${org.id}/edit`} apiPath={`/api/organisations/${org.id}`} name={title} afterDelete="/organisations" />}
      >
        <p className="subtitle">
          {locale === "ja" ? org.nameEn : org.nameJa} <UnverifiedBadge unverified={org.unverified} />
        </p>
        <nav className="record-links" aria-label={t("governance.tab.label")}>
          {(["prefecture", "designated_city", "municipality"] as string[]).includes(org.kind) && (
            <>
              <Link to={`/assessment/${org.id}`}>{t("governance.tab.assessment")}</Link>
              <Link to={`/continuity/${org.id}`}>{t("governance.tab.continuity")}</Link>
            </>
          )}
          <Link to={`/kpis/${org.id}`}>{t("governance.tab.kpis")}</Link>
        </nav>
      </PageHeader>
      <section className="panel">
        <h2>{t("common.details")}</h2>
        <Details
          rows={[
            { label: "field.kind", value: pick(ORGANISATION_KIND_LABELS[org.kind]) },
            { label: "field.localGovCode", value: org.localGovCode },
            { label: "field.country", value: countryName(org.country, locale) },
            { label: "field.city", value: name(org.cityJa, org.cityEn) },
            { label: "field.parent", value: org.parentId ? <OrgNames ids={[org.parentId]} /> : null },
            { label: "field.networkField", value: org.networkField },
            {
              label: "field.website",
              value: org.websiteUrl ? (
                <a href={org.websiteUrl} rel="noreferrer noopener" target="_blank">
                  {org.websiteUrl}
                </a>
              ) : null,
            },
            { label: locale === "ja" ? "field.descriptionJa" : "field.descriptionEn", value: name(org.descriptionJa, org.descriptionEn) },
            { label: "field.coordinates", value: coordinates },
          ]}
        />
      </section>
      <RelatedList<TOffice>
        title="organisations.offices"
        path="/api/offices"
        fixed={{ ownerOrgId: org.id }}
        columns={officeColumns().filter((c) => c.key !== "owner")}
        rowKey={(o) => o.id}
        addTo={actsFor && canCreate(user) ? { to: `/offices/new?owner=${org.id}`, label: "offices.new" } : undefined}
      />
      <RelatedList<TTie>
        title="organisations.ties"
        path="/api/ties"
        fixed={{ orgId: org.id }}
        columns={tieColumns()}
        rowKey={(tie) => tie.id}
        addTo={actsFor ? { to: `/ties/new?a=${org.id}`, label: "ties.new" } : undefined}
      />
      <RelatedList<TStrategy>
        title="organisations.strategies"
        path="/api/strategies"
        fixed={{ ownerOrgId: org.id }}
        columns={strategyColumns().filter((c) => c.key !== "owner")}
        rowKey={(s) => s.id}
        addTo={actsFor ? { to: `/strategies/new?owner=${org.id}`, label: "strategies.new" } : undefined}
      />
      <RecordInfo record={org} />
    </>
  );
}
