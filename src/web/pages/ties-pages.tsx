/**
 * @module web/pages/ties-pages
 * Ties between organisations (sister cities, network memberships, MoUs, contracts…): the list filtered by
 * kind, purpose and the date they were active on, and one tie's page.
 */
import { TIE_KINDS, TIE_PURPOSES } from "../../core/domain.ts";
import type { TTie } from "../../registry/registry.schema.ts";
import { DateText, dateOrNull, Details, LoadError, Loading, OrgLink, PageHeader, RecordInfo, Tags, UnverifiedBadge } from "../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../components/list-view.tsx";
import { RecordActions } from "../components/record-actions.tsx";
import { TIE_KIND_LABELS, TIE_PURPOSE_LABELS, TIE_ROLE_LABELS, type TieRole } from "../i18n/enum-labels.ts";
import { useI18n } from "../i18n/locale.tsx";
import { Link } from "../lib/router.tsx";
import { canCreate, useSession } from "../lib/session.tsx";
import { useFetch } from "../lib/use-fetch.ts";

const tieFilters: FilterSpec[] = [
  { name: "kind", label: "field.tieKind", kind: "select", options: TIE_KINDS, optionLabels: TIE_KIND_LABELS },
  { name: "purpose", label: "field.purpose", kind: "select", options: TIE_PURPOSES, optionLabels: TIE_PURPOSE_LABELS },
  { name: "activeOn", label: "field.activeOn", kind: "date" },
];

function TieTitle({ tie }: { tie: TTie }) {
  const { t, name } = useI18n();
  return <Link to={`/ties/${tie.id}`}>{t("ties.between", { a: name(tie.aNameJa, tie.aNameEn), b: name(tie.bNameJa, tie.bNameEn) })}</Link>;
}

function TieKind({ tie }: { tie: TTie }) {
  const { pick } = useI18n();
  return <>{pick(TIE_KIND_LABELS[tie.kind])}</>;
}

function Until({ tie }: { tie: TTie }) {
  const { t } = useI18n();
  return tie.until ? <DateText value={tie.until} /> : <span className="muted nowrap">{t("ties.ongoing")}</span>;
}

export function tieColumns(): Column<TTie>[] {
  return [
    { key: "ends", label: "field.name", render: (tie) => <TieTitle tie={tie} /> },
    { key: "kind", label: "field.tieKind", sort: "kind", render: (tie) => <TieKind tie={tie} /> },
    { key: "purposes", label: "field.purposes", render: (tie) => <Tags values={tie.purposes} labels={TIE_PURPOSE_LABELS} /> },
    { key: "since", label: "field.since", sort: "since", render: (tie) => <DateText value={tie.since} /> },
    { key: "until", label: "field.until", render: (tie) => <Until tie={tie} /> },
  ];
}

export function TiesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const params = useListParams(tieFilters);
  return (
    <>
      <PageHeader
        title={t("ties.title")}
        actions={
          canCreate(user) ? (
            <Link to="/ties/new" className="button primary">
              {t("ties.new")}
            </Link>
          ) : null
        }
      />
      <SearchAndFilters filters={tieFilters} idPrefix="ties" />
      <ListView<TTie> path="/api/ties" columns={tieColumns()} rowKey={(tie) => tie.id} caption="ties.table" params={params} />
    </>
  );
}

export function TiePage({ id }: { id: string }) {
  const { t, name, pick } = useI18n();
  const { data: tie, error, reload } = useFetch<TTie>(`/api/ties/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!tie) return <Loading />;
  const title = t("ties.between", { a: name(tie.aNameJa, tie.aNameEn), b: name(tie.bNameJa, tie.bNameEn) });
  return (
    <>
      <PageHeader
        kicker={pick(TIE_KIND_LABELS[tie.kind])}
        title={title}
        actions={<RecordActions ownerOrgId={tie.ownerOrgId} editTo={`/ties/${tie.id}/edit`} apiPath={`/api/ties/${tie.id}`} name={title} afterDelete="/ties" />}
      >
        <p className="subtitle">
          <UnverifiedBadge unverified={tie.unverified} />
        </p>
      </PageHeader>
      <section className="panel">
        <h2>{t("common.details")}</h2>
        <Details
          rows={[
            { label: "field.aOrg", value: <OrgLink id={tie.aOrgId} ja={tie.aNameJa} en={tie.aNameEn} /> },
            { label: "field.bOrg", value: <OrgLink id={tie.bOrgId} ja={tie.bNameJa} en={tie.bNameEn} /> },
            { label: "field.tieKind", value: pick(TIE_KIND_LABELS[tie.kind]) },
            { label: "field.purposes", value: tie.purposes.length ? <Tags values={tie.purposes} labels={TIE_PURPOSE_LABELS} /> : null },
            { label: "field.since", value: dateOrNull(tie.since) },
            { label: "field.until", value: tie.until ? <DateText value={tie.until} /> : t("ties.ongoing") },
            { label: "field.role", value: tie.role && tie.role in TIE_ROLE_LABELS ? pick(TIE_ROLE_LABELS[tie.role as TieRole]) : tie.role },
            { label: "field.tieField", value: tie.field },
          ]}
        />
      </section>
      <RecordInfo record={tie} />
    </>
  );
}
