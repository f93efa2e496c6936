/**
 * @module web/pages/offices-ops/office-ops-page
 * One office's operations: settings, time use against the paper's 30 %, costs and their sharing, the five
 * operating models compared with a what-if (XLSX and print for a budget request), and the history through
 * models. Operations data is confidential to the office's owner (or shared with its co-owners): others get
 * the API's refusal, shown as such.
 */
import { useState } from "react";
import type { TOffice } from "../../../registry/registry.schema.ts";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { countryName, formatTimestamp } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { ModelBadge } from "../offices-pages.tsx";
import { RequireSignIn } from "./bits.tsx";
import { ComparisonSection } from "./comparison-section.tsx";
import { CostsSection } from "./costs-section.tsx";
import { HistorySection } from "./history-section.tsx";
import { SettingsSummary, type OperationsSettings } from "./settings.tsx";
import { TimeUseSection } from "./time-use-section.tsx";
import "./ops.css";

function Operations({ office }: { office: TOffice }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [generation, setGeneration] = useState(0);
  const { data: settings, error } = useFetch<OperationsSettings>(`/api/offices/${office.id}/operations`);
  if (error) return <LoadError error={error} />;
  if (!settings) return <Loading />;
  const canWrite = canEdit(user, office.ownerOrgId);
  const changed = () => setGeneration((g) => g + 1);
  return (
    <>
      <nav aria-label={t("offices-ops.contents")}>
        <ul className="ops-toc">
          <li>
            <a href="#time-use">{t("offices-ops.timeUse")}</a>
          </li>
          <li>
            <a href="#costs">{t("offices-ops.costs")}</a>
          </li>
          <li>
            <a href="#comparison">{t("offices-ops.comparison")}</a>
          </li>
          <li>
            <a href="#history">{t("offices-ops.history")}</a>
          </li>
          <li>
            <a href="#settings">{t("offices-ops.settings")}</a>
          </li>
        </ul>
      </nav>
      <p className="ops-print-only small">{t("offices-ops.printedAt", { at: formatTimestamp(new Date().toISOString(), locale) })}</p>
      <TimeUseSection officeId={office.id} ownerOrgId={office.ownerOrgId} canWrite={canWrite} generation={generation} onChanged={changed} />
      <CostsSection officeId={office.id} canWrite={canWrite} generation={generation} onChanged={changed} />
      <section className="panel ops-section" id="comparison" aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">{t("offices-ops.comparison")}</h2>
        <ComparisonSection officeId={office.id} generation={generation} />
      </section>
      <HistorySection officeId={office.id} generation={generation} />
      <SettingsSummary settings={settings} office={office} />
    </>
  );
}

export function OfficeOpsPage({ id }: { id: string }) {
  const { t, name, locale } = useI18n();
  const { data: office, error, reload } = useFetch<TOffice>(`/api/offices/${id}`);
  const title = office ? name(office.nameJa, office.nameEn) : "";
  return (
    <div className="ops-page">
      <PageHeader
        kicker={t("offices-ops.title")}
        title={office ? title : t("offices-ops.title")}
        actions={
          office ? (
            <>
              <Link to={`/offices/${office.id}`} className="button">
                {t("offices-ops.officeRecord")}
              </Link>
              <Link to="/office-operations" className="button">
                {t("offices-ops.allOffices")}
              </Link>
            </>
          ) : null
        }
      >
        {office ? (
          <p className="subtitle">
            {name(office.cityJa, office.cityEn)}, {countryName(office.country, locale)} · <ModelBadge model={office.operationalModel} />
          </p>
        ) : null}
      </PageHeader>
      <RequireSignIn>{() => (error ? <LoadError error={error} onRetry={reload} /> : !office ? <Loading /> : <Operations office={office} />)}</RequireSignIn>
    </div>
  );
}
