/**
 * @module web/components/display
 * Small pieces every page uses: page headers, description lists, dates in the reader's format and era,
 * enum tags, links to organisations, loading and error states, and the record's access and source.
 */
import type { ReactNode } from "react";
import type { Bilingual, Visibility } from "../../core/domain.ts";
import { VISIBILITY_LABELS } from "../i18n/enum-labels.ts";
import { formatPartialDate, formatTimestamp } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import type { TOrganisation } from "../../registry/registry.schema.ts";
import type { ApiError } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { useFetch } from "../lib/use-fetch.ts";
import { ProblemAlert } from "./problem-alert.tsx";

export function PageHeader({ title, kicker, actions, children }: { title: string; kicker?: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        {kicker ? <p className="kicker">{kicker}</p> : null}
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </div>
      {actions ? <div className="actions">{actions}</div> : null}
    </header>
  );
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { locale } = useI18n();
  if (!value) return null;
  return <time dateTime={value}>{formatPartialDate(value, locale)}</time>;
}

/** A date element, or null (so a detail row without a date is left out). */
export function dateOrNull(value: string | null | undefined) {
  return value ? <DateText value={value} /> : null;
}

export function TimestampText({ value }: { value: string | null | undefined }) {
  const { locale } = useI18n();
  if (!value) return null;
  return <time dateTime={value}>{formatTimestamp(value, locale)}</time>;
}

export interface DetailRow {
  label: MessageKey;
  value: ReactNode;
}

/** A description list; rows without a value are left out. */
export function Details({ rows }: { rows: DetailRow[] }) {
  const { t } = useI18n();
  const shown = rows.filter((r) => r.value !== null && r.value !== undefined && r.value !== "" && !(Array.isArray(r.value) && r.value.length === 0));
  return (
    <dl className="details">
      {shown.map((row) => (
        <div key={row.label}>
          <dt>{t(row.label)}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tags<K extends string>({ values, labels }: { values: readonly K[]; labels: Record<K, Bilingual> }) {
  const { pick } = useI18n();
  if (!values.length) return null;
  return (
    <ul className="tags">
      {values.map((v) => (
        <li key={v}>{labels[v] ? pick(labels[v]) : v}</li>
      ))}
    </ul>
  );
}

export function OrgLink({ id, ja, en }: { id: string | null | undefined; ja: string | null | undefined; en: string | null | undefined }) {
  const { name } = useI18n();
  if (!id) return null;
  return <Link to={`/organisations/${id}`}>{name(ja, en) || id}</Link>;
}

/** A link to an organisation known only by id (its name is fetched). */
export function OrgName({ id }: { id: string }) {
  const { data } = useFetch<TOrganisation>(`/api/organisations/${id}`);
  return <OrgLink id={id} ja={data?.nameJa} en={data?.nameEn} />;
}

export function OrgNames({ ids }: { ids: readonly string[] }) {
  if (!ids.length) return null;
  return (
    <ul className="inline-list">
      {ids.map((id) => (
        <li key={id}>
          <OrgName id={id} />
        </li>
      ))}
    </ul>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="load-error">
      <ProblemAlert problem={error.problem} />
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}

export function UnverifiedBadge({ unverified }: { unverified: boolean }) {
  const { t } = useI18n();
  return unverified ? <span className="badge warn">{t("common.unverified")}</span> : null;
}

/** Visibility, source and timestamps of any registry record. */
export function RecordInfo({ record }: { record: { visibility: Visibility; source: string | null; unverified: boolean; createdAt: string; updatedAt: string } }) {
  const { t, pick } = useI18n();
  return (
    <section className="panel">
      <h2>{t("common.recordInfo")}</h2>
      <Details
        rows={[
          { label: "field.visibility", value: pick(VISIBILITY_LABELS[record.visibility]) },
          { label: "field.source", value: record.source ? <>{record.source} <UnverifiedBadge unverified={record.unverified} /></> : null },
          { label: "field.createdAt", value: <TimestampText value={record.createdAt} /> },
          { label: "field.updatedAt", value: <TimestampText value={record.updatedAt} /> },
        ]}
      />
    </section>
  );
}
