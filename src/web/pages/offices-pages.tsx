/**
 * @module web/pages/offices-pages
 * Overseas offices: the list with its world map (markers coloured by operational model, filtered with
 * the list) and one office's page.
 */
import { OFFICE_MODELS, type OfficeModel } from "../../core/domain.ts";
import type { TOffice } from "../../registry/registry.schema.ts";
import { DateText, dateOrNull, Details, LoadError, Loading, OrgLink, OrgNames, PageHeader, RecordInfo, Tags, UnverifiedBadge } from "../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../components/list-view.tsx";
import { OFFICE_MODEL_COLORS } from "../components/office-colors.ts";
import { RecordActions } from "../components/record-actions.tsx";
import { WorldMap, type MapMarker } from "../components/world-map.tsx";
import {
  FOCUS_AREA_LABELS,
  OFFICE_DUTY_LABELS,
  OFFICE_FUNCTION_LABELS,
  OFFICE_MODEL_LABELS,
  OFFICE_STATUS_LABELS,
} from "../i18n/enum-labels.ts";
import { countryName, formatNumber, formatShare, formatYen } from "../i18n/format.ts";
import { useI18n, type I18n } from "../i18n/locale.tsx";
import { fetchAll } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { canCreate, useSession } from "../lib/session.tsx";
import { useFetch, useLoader } from "../lib/use-fetch.ts";

const officeFilters: FilterSpec[] = [
  { name: "operationalModel", label: "field.model", kind: "select", options: OFFICE_MODELS, optionLabels: OFFICE_MODEL_LABELS },
  { name: "status", label: "field.status", kind: "select", options: ["open", "closed"], optionLabels: OFFICE_STATUS_LABELS },
];

export function ModelBadge({ model }: { model: OfficeModel }) {
  const { pick } = useI18n();
  return (
    <span className="model">
      <span className="dot" style={{ background: OFFICE_MODEL_COLORS[model] }} aria-hidden="true" />
      {pick(OFFICE_MODEL_LABELS[model])}
    </span>
  );
}

export function officeColumns(): Column<TOffice>[] {
  return [
    { key: "name", label: "field.name", sort: "nameEn", render: (o) => <OfficeName office={o} /> },
    { key: "owner", label: "field.owner", render: (o) => <OrgLink id={o.ownerOrgId} ja={o.ownerNameJa} en={o.ownerNameEn} /> },
    { key: "city", label: "field.city", sort: "cityEn", render: (o) => <CityCountry office={o} /> },
    { key: "model", label: "field.model", render: (o) => <ModelBadge model={o.operationalModel} /> },
    { key: "opened", label: "field.opened", sort: "opened", render: (o) => <DateText value={o.opened} /> },
    { key: "closed", label: "field.closed", render: (o) => <DateText value={o.closed} /> },
  ];
}

function OfficeName({ office }: { office: TOffice }) {
  const { name } = useI18n();
  return <Link to={`/offices/${office.id}`}>{name(office.nameJa, office.nameEn)}</Link>;
}

function CityCountry({ office }: { office: TOffice }) {
  const { name, locale } = useI18n();
  return (
    <>
      {name(office.cityJa, office.cityEn)}
      <span className="muted">, {countryName(office.country, locale)}</span>
    </>
  );
}

export function officeMarker(office: TOffice, i18n: I18n): MapMarker | null {
  if (office.lat === null || office.lon === null) return null;
  return {
    id: office.id,
    lat: office.lat,
    lon: office.lon,
    color: OFFICE_MODEL_COLORS[office.operationalModel],
    hollow: office.closed !== null,
    label: i18n.name(office.nameJa, office.nameEn),
    detail: `${i18n.name(office.cityJa, office.cityEn)} · ${i18n.pick(OFFICE_MODEL_LABELS[office.operationalModel])}${office.closed ? ` · ${i18n.pick(OFFICE_STATUS_LABELS.closed)}` : ""}`,
    href: `/offices/${office.id}`,
  };
}

function OfficesMap({ params }: { params: Record<string, string> }) {
  const i18n = useI18n();
  const { t, pick, locale } = i18n;
  const { sort: _sort, ...filters } = params;
  const key = JSON.stringify(filters);
  const { data, error, reload } = useLoader(key, () => fetchAll<TOffice>("/api/offices", filters));
  if (error) return <LoadError error={error} onRetry={reload} />;
  const offices = data ?? [];
  const markers = offices.map((o) => officeMarker(o, i18n)).filter((m): m is MapMarker => m !== null);
  const missing = offices.length - markers.length;
  const legend = [
    ...OFFICE_MODELS.map((model) => ({ color: OFFICE_MODEL_COLORS[model], label: pick(OFFICE_MODEL_LABELS[model]), count: offices.filter((o) => o.operationalModel === model).length })),
    { color: "#555", hollow: true, label: pick(OFFICE_STATUS_LABELS.closed), count: offices.filter((o) => o.closed).length },
  ];
  return (
    <WorldMap
      markers={markers}
      legend={legend}
      label={t("offices.map")}
      caption={
        <p className="muted small">
          {t("offices.mapCaption")} {missing > 0 ? t("offices.notOnMap", { n: formatNumber(missing, locale) }) : null}
        </p>
      }
    />
  );
}

export function OfficesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const params = useListParams(officeFilters);
  return (
    <>
      <PageHeader
        title={t("offices.title")}
        actions={
          canCreate(user) ? (
            <Link to="/offices/new" className="button primary">
              {t("offices.new")}
            </Link>
          ) : null
        }
      />
      <SearchAndFilters filters={officeFilters} idPrefix="offices" />
      <OfficesMap params={params} />
      <ListView<TOffice> path="/api/offices" columns={officeColumns()} rowKey={(o) => o.id} caption="offices.table" params={params} />
    </>
  );
}

export function OfficePage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, name, pick, locale } = i18n;
  const { user } = useSession();
  const { data: office, error, reload } = useFetch<TOffice>(`/api/offices/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!office) return <Loading />;
  const title = name(office.nameJa, office.nameEn);
  const marker = officeMarker(office, i18n);
  return (
    <>
      <PageHeader
        kicker={t("offices.title")}
        title={title}
        actions={<RecordActions ownerOrgId={office.ownerOrgId} editTo={`/offices/${office.id}/edit`} apiPath={`/api/offices/${office.id}`} name={title} afterDelete="/offices" />}
      >
        <p className="subtitle">
          {locale === "ja" ? office.nameEn : office.nameJa} <UnverifiedBadge unverified={office.unverified} />
        </p>
        {user && (
          <nav className="record-links" aria-label={t("offices-ops.title")}>
            <Link to={`/offices/${office.id}/operations`}>{t("offices-ops.nav")}</Link>
          </nav>
        )}
      </PageHeader>
      <div className="detail-grid">
        <section className="panel">
          <h2>{t("common.details")}</h2>
          <Details
            rows={[
              { label: "field.owner", value: <OrgLink id={office.ownerOrgId} ja={office.ownerNameJa} en={office.ownerNameEn} /> },
              { label: "field.coOwners", value: office.coOwnerIds.length ? <OrgNames ids={office.coOwnerIds} /> : null },
              { label: "field.model", value: <ModelBadge model={office.operationalModel} /> },
              { label: "field.modelNote", value: office.modelNote },
              { label: "field.host", value: office.hostOrgId ? <OrgNames ids={[office.hostOrgId]} /> : null },
              { label: "field.city", value: name(office.cityJa, office.cityEn) },
              { label: "field.country", value: countryName(office.country, locale) },
              { label: "field.opened", value: dateOrNull(office.opened) },
              { label: "field.closed", value: dateOrNull(office.closed) },
              { label: "offices.mergedInto", value: office.mergedIntoId ? <Link to={`/offices/${office.mergedIntoId}`}>{t("offices.mergedInto")}</Link> : null },
              { label: "field.functions", value: office.functions.length ? <Tags values={office.functions} labels={OFFICE_FUNCTION_LABELS} /> : null },
              { label: "field.duties", value: office.duties.length ? <Tags values={office.duties} labels={OFFICE_DUTY_LABELS} /> : null },
              { label: "field.focusAreas", value: office.focusAreas.length ? <Tags values={office.focusAreas} labels={FOCUS_AREA_LABELS} /> : null },
              { label: "field.staffCount", value: formatNumber(office.staffCount, locale) },
              { label: "field.annualCost", value: formatYen(office.annualCostJpy, locale) },
              { label: "field.managementShare", value: formatShare(office.managementShare, locale) },
              { label: "field.interviewId", value: office.interviewId },
              { label: "field.interviewDate", value: dateOrNull(office.interviewDate) },
            ]}
          />
        </section>
        <section className="panel">
          <h2>{t("offices.onMap")}</h2>
          {marker ? (
            <WorldMap markers={[marker]} focus={marker} legend={[{ color: marker.color, hollow: marker.hollow, label: pick(OFFICE_MODEL_LABELS[office.operationalModel]) }]} label={t("offices.onMap")} />
          ) : (
            <p className="muted">{t("offices.notOnMap", { n: 1 })}</p>
          )}
        </section>
      </div>
      <RecordInfo record={office} />
    </>
  );
}
