/**
 * @module web/pages/form-pages
 * Create and edit pages for every registry entity, from one configuration each (its API path, field
 * list, titles and starting values) and the one generic form.
 */
import type { ReactNode } from "react";
import { EntityForm } from "../forms/entity-form.tsx";
import type { FieldSpec, FormValues } from "../forms/form-model.ts";
import { officeFields, organisationFields, strategyFields, tieFields } from "../forms/registry-fields.ts";
import { LoadError, Loading, PageHeader } from "../components/display.tsx";
import { useI18n, type I18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { api } from "../lib/api.ts";
import { Link, navigate, useLocation } from "../lib/router.tsx";
import { canCreate, useSession, writableMemberships, type SessionUser } from "../lib/session.tsx";
import { useFetch } from "../lib/use-fetch.ts";

interface Saved {
  id: string;
}

export interface FormConfig {
  /** URL segment of both the pages and the API, e.g. "offices". */
  resource: string;
  fields: FieldSpec[];
  newTitle: MessageKey;
  editTitle: MessageKey;
  /** Starting values of a new record (from the user and the page's query string). */
  defaults: (user: SessionUser, query: URLSearchParams) => FormValues;
  /** The record's name, shown under the edit page's title. */
  title: (record: Record<string, unknown>, i18n: I18n) => string;
}

const firstOrg = (user: SessionUser) => writableMemberships(user)[0]?.orgId ?? "";
const named = (ja: string, en: string) => (record: Record<string, unknown>, i18n: I18n) => i18n.name(String(record[ja] ?? ""), String(record[en] ?? ""));

export const organisationForm: FormConfig = {
  resource: "organisations",
  fields: organisationFields,
  newTitle: "organisations.new",
  editTitle: "organisations.edit",
  defaults: (user) => ({ visibility: "public", country: "JP", ownerOrgId: user.isSystemAdmin ? "" : firstOrg(user) }),
  title: named("nameJa", "nameEn"),
};

export const officeForm: FormConfig = {
  resource: "offices",
  fields: officeFields,
  newTitle: "offices.new",
  editTitle: "offices.edit",
  defaults: (user, query) => ({ visibility: "public", ownerOrgId: query.get("owner") ?? firstOrg(user) }),
  title: named("nameJa", "nameEn"),
};

export const strategyForm: FormConfig = {
  resource: "strategies",
  fields: strategyFields,
  newTitle: "strategies.new",
  editTitle: "strategies.edit",
  defaults: (user, query) => ({ visibility: "public", ownerOrgId: query.get("owner") ?? firstOrg(user), year: String(new Date().getFullYear()) }),
  title: named("titleJa", "titleEn"),
};

export const tieForm: FormConfig = {
  resource: "ties",
  fields: tieFields,
  newTitle: "ties.new",
  editTitle: "ties.edit",
  defaults: (user, query) => ({ visibility: "public", aOrgId: query.get("a") ?? firstOrg(user) }),
  title: (record, i18n) =>
    i18n.t("ties.between", { a: i18n.name(String(record.aNameJa ?? ""), String(record.aNameEn ?? "")), b: i18n.name(String(record.bNameJa ?? ""), String(record.bNameEn ?? "")) }),
};

/** Renders its children for a signed-in user who may write, and says why not otherwise. */
function RequireWriter({ children }: { children: (user: SessionUser) => ReactNode }) {
  const { t } = useI18n();
  const { me, user } = useSession();
  const { path, query } = useLocation();
  if (!me) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(path + (query.toString() ? `?${query}` : ""));
    return (
      <p className="notice">
        {t("auth.required")} <Link to={`/sign-in?next=${next}`}>{t("auth.signIn")}</Link>
      </p>
    );
  }
  if (!canCreate(user)) return <p className="notice">{t("auth.noOrganisation")}</p>;
  return <>{children(user)}</>;
}

export function CreatePage({ config }: { config: FormConfig }) {
  const { t } = useI18n();
  const { query } = useLocation();
  return (
    <>
      <PageHeader title={t(config.newTitle)} />
      <RequireWriter>
        {(user) => (
          <EntityForm<Saved>
            fields={config.fields}
            mode="create"
            defaults={config.defaults(user, query)}
            submit={(body) => api<Saved>("POST", `/api/${config.resource}`, body)}
            onSaved={(saved) => navigate(`/${config.resource}/${saved.id}`)}
            cancelTo={`/${config.resource}`}
          />
        )}
      </RequireWriter>
    </>
  );
}

export function EditPage({ config, id }: { config: FormConfig; id: string }) {
  const i18n = useI18n();
  const { data: record, error, reload } = useFetch<Record<string, unknown>>(`/api/${config.resource}/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!record) return <Loading />;
  return (
    <>
      <PageHeader title={i18n.t(config.editTitle)}>
        <p className="subtitle">{config.title(record, i18n)}</p>
      </PageHeader>
      <RequireWriter>
        {() => (
          <EntityForm<Saved>
            key={String(record.updatedAt)}
            fields={config.fields}
            mode="update"
            record={record}
            submit={(body) => api<Saved>("PATCH", `/api/${config.resource}/${id}`, body)}
            onSaved={(saved) => navigate(`/${config.resource}/${saved.id}`)}
            cancelTo={`/${config.resource}/${id}`}
          />
        )}
      </RequireWriter>
    </>
  );
}
