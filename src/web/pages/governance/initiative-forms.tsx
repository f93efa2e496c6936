/**
 * @module web/pages/governance/initiative-forms
 * The evaluation's editing forms, on the shared EntityForm: a governor's or mayor's term of office (added
 * from the continuity report, and edited from there with the same form filled in), a new initiative and its edit page (partners and contractors picked as two
 * lists of organisations, sent as the API's `partners[]`), and the status change on the initiative page.
 */
import { STRATEGY_PILLARS, TIE_PURPOSES, VISIBILITIES, type Bilingual } from "../../../core/domain.ts";
import type { TAdministration, TInitiative } from "../../../evaluation/evaluation.schema.ts";
import { INITIATIVE_STATUSES, INITIATIVE_THEMES } from "../../../evaluation/vocabulary.ts";
import type { TOffice, TOrganisation } from "../../../registry/registry.schema.ts";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { STRATEGY_PILLAR_LABELS, TIE_PURPOSE_LABELS, VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, fetchAll } from "../../lib/api.ts";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { INITIATIVE_STATUS_LABELS, INITIATIVE_THEME_LABELS } from "./governance-labels.ts";
import { RequireEditor } from "./governance-ui.tsx";
import { adapted } from "./kpi-view.ts";
import { partnersFromBody, partnerPaths, splitPartners } from "./initiative-view.ts";


function OrgSubtitle({ orgId, to, title }: { orgId: string; to: string; title: string }) {
  const { name } = useI18n();
  const { data } = useFetch<TOrganisation>(`/api/organisations/${orgId}`);
  return (
    <PageHeader title={title}>
      <p className="subtitle">{data ? <Link to={to}>{name(data.nameJa, data.nameEn)}</Link> : null}</p>
    </PageHeader>
  );
}

// ---------- terms of office ----------

const TERM = "governance.term.section" as const;
const termFields: FieldSpec[] = [
  { name: "leaderJa", label: "governance.term.leaderJa", kind: "text", section: TERM, required: true, half: true },
  { name: "leaderEn", label: "governance.term.leaderEn", kind: "text", section: TERM, required: true, half: true },
  { name: "from", label: "governance.term.from", kind: "partial-date", section: TERM, required: true, half: true },
  { name: "until", label: "governance.term.until", kind: "partial-date", section: TERM, half: true, hint: "governance.term.untilHint" },
  { name: "backgroundJa", label: "governance.term.backgroundJa", kind: "text", section: TERM, half: true },
  { name: "backgroundEn", label: "governance.term.backgroundEn", kind: "text", section: TERM, half: true },
  { name: "source", label: "field.source", kind: "text", section: "form.section.access" },
];

export function TermCreatePage({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  return (
    <>
      <OrgSubtitle orgId={orgId} to={`/continuity/${orgId}`} title={t("governance.term.add")} />
      <RequireEditor orgId={orgId}>
        {() => (
          <EntityForm<TAdministration>
            fields={termFields}
            mode="create"
            submit={(body) => adapted(() => api<TAdministration>("POST", "/api/administrations", { ...body, orgId }), {}, locale)}
            onSaved={(a) => navigate(`/continuity/${orgId}#term-${a.id}`)}
            cancelTo={`/continuity/${orgId}`}
          />
        )}
      </RequireEditor>
    </>
  );
}

/** The same form, filled with the term; a 409 (overlap with another term) comes back beside `from`. */
export function TermEditPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useFetch<TAdministration>(`/api/administrations/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  // The record's organisation, not the address's, decides where to go back to.
  const back = `/continuity/${data.orgId}#term-${data.id}`;
  return (
    <>
      <OrgSubtitle orgId={data.orgId} to={`/continuity/${data.orgId}`} title={t("governance.term.editTitle")} />
      <p className="hint">{t("governance.term.editHint")}</p>
      <RequireEditor orgId={data.ownerOrgId}>
        {() => (
          <EntityForm<TAdministration>
            fields={termFields}
            mode="update"
            record={data}
            submit={(body) => adapted(() => api<TAdministration>("PATCH", `/api/administrations/${data.id}`, body), {}, locale)}
            onSaved={(a) => navigate(`/continuity/${a.orgId}#term-${a.id}`)}
            cancelTo={back}
          />
        )}
      </RequireEditor>
    </>
  );
}

// ---------- initiatives ----------

const labelsOf = <T extends { id: string }>(items: readonly T[], label: (item: T) => Bilingual): Record<string, Bilingual> => Object.fromEntries(items.map((i) => [i.id, label(i)]));

function initiativeFields(offices: readonly TOffice[]): FieldSpec[] {
  const basics = "form.section.basics" as const;
  const aims = "governance.initiative.section.aims" as const;
  const partners = "governance.initiative.section.partners" as const;
  const period = "form.section.period" as const;
  const access = "form.section.access" as const;
  return [
    { name: "nameJa", label: "field.nameJa", kind: "text", section: basics, required: true, half: true },
    { name: "nameEn", label: "field.nameEn", kind: "text", section: basics, required: true, half: true },
    { name: "descriptionJa", label: "field.descriptionJa", kind: "textarea", section: basics, half: true },
    { name: "descriptionEn", label: "field.descriptionEn", kind: "textarea", section: basics, half: true },
    { name: "pillar", label: "governance.kpi.pillar", kind: "select", section: aims, half: true, options: STRATEGY_PILLARS, optionLabels: STRATEGY_PILLAR_LABELS },
    { name: "theme", label: "governance.initiative.theme", kind: "select", section: aims, half: true, options: INITIATIVE_THEMES, optionLabels: INITIATIVE_THEME_LABELS },
    { name: "purposes", label: "field.purposes", kind: "checks", section: aims, options: TIE_PURPOSES, optionLabels: TIE_PURPOSE_LABELS },
    { name: "partnerIds", label: "governance.initiative.partnerIds", kind: "orgs", section: partners, hint: "governance.initiative.partnersHint" },
    { name: "contractorIds", label: "governance.initiative.contractorIds", kind: "orgs", section: partners },
    { name: "since", label: "field.since", kind: "partial-date", section: period, half: true },
    ...(offices.length
      ? [{ name: "officeId", label: "governance.initiative.officeField", kind: "select", section: period, half: true, options: offices.map((o) => o.id), optionLabels: labelsOf(offices, (o) => ({ ja: o.nameJa, en: o.nameEn })) } satisfies FieldSpec]
      : []),
    { name: "visibility", label: "field.visibility", kind: "select", section: access, half: true, options: VISIBILITIES, optionLabels: VISIBILITY_LABELS, omitWhenEmpty: true },
    { name: "source", label: "field.source", kind: "text", section: access, half: true },
  ];
}

function InitiativeForm({ ownerOrgId, record }: { ownerOrgId: string; record?: TInitiative }) {
  const { locale } = useI18n();
  const offices = useLoader(`offices:${ownerOrgId}`, () => fetchAll<TOffice>("/api/offices", { ownerOrgId }));
  if (offices.error) return <LoadError error={offices.error} onRetry={offices.reload} />;
  if (!offices.data) return <Loading />;
  const fields = initiativeFields(offices.data);
  const mode = record ? "update" : "create";
  return (
    <EntityForm<TInitiative>
      fields={fields}
      mode={mode}
      record={record ? { ...record, ...splitPartners(record.partners) } : null}
      defaults={{ visibility: "public" }}
      submit={(body) => {
        const sent = partnersFromBody(body);
        const paths = partnerPaths(body);
        return record
          ? adapted(() => api<TInitiative>("PATCH", `/api/initiatives/${record.id}`, sent), paths, locale)
          : adapted(() => api<TInitiative>("POST", "/api/initiatives", { ...sent, ownerOrgId }), paths, locale);
      }}
      onSaved={(i) => navigate(`/initiatives/${i.id}`)}
      cancelTo={record ? `/initiatives/${record.id}` : `/continuity/${ownerOrgId}`}
    />
  );
}

export function InitiativeCreatePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const ownerOrgId = query.get("ownerOrgId") ?? "";
  return (
    <>
      <OrgSubtitle orgId={ownerOrgId} to={`/continuity/${ownerOrgId}`} title={t("governance.initiative.new")} />
      <RequireEditor orgId={ownerOrgId}>{() => <InitiativeForm ownerOrgId={ownerOrgId} />}</RequireEditor>
    </>
  );
}

export function InitiativeEditPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data, error, reload } = useFetch<TInitiative>(`/api/initiatives/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader title={t("governance.initiative.editTitle")}>
        <p className="subtitle">
          <Link to={`/initiatives/${id}`}>{name(data.nameJa, data.nameEn)}</Link>
        </p>
      </PageHeader>
      <RequireEditor orgId={data.ownerOrgId}>{() => <InitiativeForm ownerOrgId={data.ownerOrgId} record={data} />}</RequireEditor>
    </>
  );
}

// ---------- status change ----------

const STATUS = "governance.status.section" as const;
const statusFields: FieldSpec[] = [
  { name: "status", label: "field.status", kind: "select", section: STATUS, required: true, half: true, options: INITIATIVE_STATUSES, optionLabels: INITIATIVE_STATUS_LABELS },
  { name: "on", label: "governance.status.on", kind: "partial-date", section: STATUS, required: true, half: true },
  { name: "reason", label: "governance.status.reason", kind: "textarea", section: STATUS },
  { name: "source", label: "field.source", kind: "text", section: STATUS },
];

/** The form under the status history; `onSaved` reloads the page's initiative. */
export function StatusChangeForm({ initiative, onSaved }: { initiative: TInitiative; onSaved: () => void }) {
  const { locale } = useI18n();
  return (
    <EntityForm<TInitiative>
      key={initiative.statusHistory.length}
      fields={statusFields}
      mode="create"
      submit={(body) => adapted(() => api<TInitiative>("POST", `/api/initiatives/${initiative.id}/status`, body), {}, locale)}
      onSaved={onSaved}
      cancelTo={`/initiatives/${initiative.id}`}
    />
  );
}
