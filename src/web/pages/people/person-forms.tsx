/**
 * @module web/pages/people/person-forms
 * The forms of a person's record, on the app's generic form (each API error beside its field): a new person
 * and the basic fields of one (admins), a posting (admins; ending a posting is setting its last day), and a
 * contact in the person's address book (admins and the person).
 */
import type { TContact, TPerson } from "../../../people/people.schema.ts";
import type { TOffice } from "../../../registry/registry.schema.ts";
import type { Bilingual } from "../../../core/domain.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../../../core/domain.ts";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { OFFICE_DUTY_LABELS, OFFICE_FUNCTION_LABELS } from "../../i18n/enum-labels.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, fetchAll } from "../../lib/api.ts";
import { navigate, useLocation } from "../../lib/router.tsx";
import { useSession } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { RequireSignIn } from "../offices-ops/bits.tsx";
import { DISPATCH_TARGET_LABELS, DISPATCH_TARGETS, POSTING_KIND_LABELS, POSTING_KINDS } from "./labels.ts";

const personFields: FieldSpec[] = [
  { name: "name", label: "people.name", kind: "text", section: "people.section.person", required: true, half: true },
  { name: "nameEn", label: "people.nameEn", kind: "text", section: "people.section.person", half: true },
  { name: "userId", label: "people.userId", kind: "text", section: "people.section.account", hint: "people.userIdHint", placeholder: "00000000-0000-0000-0000-000000000000" },
  { name: "source", label: "field.source", kind: "text", section: "people.section.record", hint: "people.sourceHint" },
  { name: "unverified", label: "field.unverified", kind: "boolean", section: "people.section.record" },
];

export function PersonCreatePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  return (
    <>
      <PageHeader title={t("people.add")}>
        <p className="subtitle">{t("people.confidential")}</p>
      </PageHeader>
      <RequireSignIn>
        {(user) => {
          const orgId = user.memberships.find((m) => m.orgId === query.get("org"))?.orgId ?? user.memberships.find((m) => m.role === "admin")?.orgId;
          if (!orgId) return <p className="notice">{t("people.adminsOnly")}</p>;
          return (
            <EntityForm<TPerson>
              fields={personFields}
              mode="create"
              submit={(body) => api<TPerson>("POST", `/api/organisations/${orgId}/people`, body)}
              onSaved={(saved) => navigate(`/people/${saved.id}`)}
              cancelTo={`/people?org=${orgId}`}
            />
          );
        }}
      </RequireSignIn>
    </>
  );
}

export function PersonEditPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data: person, error, reload } = useFetch<TPerson>(`/api/people/${id}`);
  return (
    <>
      <PageHeader title={t("people.edit")}>{person ? <p className="subtitle">{name(person.name, person.nameEn)}</p> : null}</PageHeader>
      <RequireSignIn>
        {() =>
          error ? (
            <LoadError error={error} onRetry={reload} />
          ) : !person ? (
            <Loading />
          ) : (
            <EntityForm<TPerson>
              fields={personFields}
              mode="update"
              record={person as unknown as Record<string, unknown>}
              submit={(body) => api<TPerson>("PATCH", `/api/people/${id}`, body)}
              onSaved={() => navigate(`/people/${id}`)}
              cancelTo={`/people/${id}`}
            />
          )
        }
      </RequireSignIn>
    </>
  );
}

const WORK = [...OFFICE_FUNCTIONS, ...OFFICE_DUTIES];
const WORK_LABELS: Record<string, Bilingual> = { ...OFFICE_FUNCTION_LABELS, ...OFFICE_DUTY_LABELS };

function postingFields(offices: readonly TOffice[]): FieldSpec[] {
  const officeLabels: Record<string, Bilingual> = Object.fromEntries(offices.map((o) => [o.id, { ja: o.nameJa || o.nameEn, en: o.nameEn || o.nameJa }]));
  return [
    { name: "kind", label: "people.postingKind", kind: "select", section: "people.section.post", required: true, options: POSTING_KINDS, optionLabels: POSTING_KIND_LABELS, half: true },
    {
      name: "dispatchTarget",
      label: "people.dispatchTarget",
      kind: "select",
      section: "people.section.post",
      options: DISPATCH_TARGETS,
      optionLabels: DISPATCH_TARGET_LABELS,
      half: true,
      showIf: (v) => v.kind === "dispatch",
      omitWhenEmpty: true,
    },
    { name: "department", label: "people.department", kind: "text", section: "people.section.post", half: true, omitWhenEmpty: true },
    { name: "title", label: "people.postTitle", kind: "text", section: "people.section.post", half: true, omitWhenEmpty: true },
    {
      name: "officeId",
      label: "people.office",
      kind: "select",
      section: "people.section.post",
      options: offices.map((o) => o.id),
      optionLabels: officeLabels,
      showIf: (v) => v.kind === "overseas_office",
      omitWhenEmpty: true,
    },
    { name: "international", label: "people.internationalWork", kind: "boolean", section: "people.section.post", showIf: (v) => v.kind === "department" || v.kind === "training" },
    { name: "country", label: "field.country", kind: "country", section: "people.section.place", half: true, omitWhenEmpty: true },
    { name: "city", label: "field.city", kind: "text", section: "people.section.place", half: true, omitWhenEmpty: true },
    { name: "functions", label: "people.functionsPerformed", kind: "checks", section: "people.section.work", options: WORK, optionLabels: WORK_LABELS },
    { name: "from", label: "people.from", kind: "partial-date", section: "people.section.period", required: true, half: true },
    { name: "to", label: "people.to", kind: "partial-date", section: "people.section.period", hint: "people.toHint", half: true, omitWhenEmpty: true },
  ];
}

export function PostingNewPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data: person, error } = useFetch<TPerson>(`/api/people/${id}`);
  const orgId = person?.organisationId ?? null;
  const { data: offices } = useLoader(orgId ? `offices:${orgId}` : null, () => fetchAll<TOffice>("/api/offices", { ownerOrgId: orgId }).catch(() => [] as TOffice[]));
  return (
    <>
      <PageHeader title={t("people.addPosting")}>{person ? <p className="subtitle">{name(person.name, person.nameEn)}</p> : null}</PageHeader>
      <RequireSignIn>
        {() =>
          error ? (
            <LoadError error={error} />
          ) : !person || !offices ? (
            <Loading />
          ) : (
            <EntityForm<TPerson>
              fields={postingFields(offices)}
              mode="create"
              submit={(body) => api<TPerson>("POST", `/api/people/${id}/postings`, body)}
              onSaved={() => navigate(`/people/${id}`)}
              cancelTo={`/people/${id}`}
            />
          )
        }
      </RequireSignIn>
    </>
  );
}

const contactFields: FieldSpec[] = [
  { name: "name", label: "people.contactName", kind: "text", section: "people.section.contact", required: true, half: true },
  { name: "organisation", label: "people.contactOrganisation", kind: "text", section: "people.section.contact", half: true },
  { name: "role", label: "people.contactRole", kind: "text", section: "people.section.contact", half: true },
  { name: "email", label: "auth.email", kind: "text", section: "people.section.contact", half: true },
  { name: "phone", label: "people.phone", kind: "text", section: "people.section.contact", half: true },
  { name: "note", label: "people.contactNote", kind: "textarea", section: "people.section.contact" },
];

export function ContactNewPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { user } = useSession();
  const { data: person } = useFetch<TPerson>(user ? `/api/people/${id}` : null);
  return (
    <>
      <PageHeader title={t("people.addContact")}>{person ? <p className="subtitle">{name(person.name, person.nameEn)}</p> : null}</PageHeader>
      <RequireSignIn>
        {() => (
          <EntityForm<TContact>
            fields={contactFields}
            mode="create"
            submit={(body) => api<TContact>("POST", `/api/people/${id}/contacts`, body)}
            onSaved={() => navigate(`/people/${id}#contacts`)}
            cancelTo={`/people/${id}`}
          />
        )}
      </RequireSignIn>
    </>
  );
}
