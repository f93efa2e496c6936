/**
 * @module web/pages/offices-ops/office-ops-list-page
 * The menu's way into office operations: the overseas offices each of the user's organisations owns or
 * co-owns, each linking to its operations page (time use, costs, the model comparison, history).
 */
import type { TOffice } from "../../../registry/registry.schema.ts";
import { DateText, PageHeader } from "../../components/display.tsx";
import { ListView, type Column } from "../../components/list-view.tsx";
import { countryName } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { ModelBadge } from "../offices-pages.tsx";
import { RequireSignIn } from "./bits.tsx";
import "./ops.css";

function columns(orgId: string): Column<TOffice>[] {
  return [
    { key: "name", label: "field.name", render: (o) => <OpsLink office={o} /> },
    { key: "city", label: "field.city", render: (o) => <City office={o} /> },
    { key: "model", label: "field.model", render: (o) => <ModelBadge model={o.operationalModel} /> },
    { key: "role", label: "offices-ops.ownership", render: (o) => <Ownership office={o} orgId={orgId} /> },
    { key: "opened", label: "field.opened", render: (o) => <DateText value={o.opened} /> },
    { key: "closed", label: "field.closed", render: (o) => <DateText value={o.closed} /> },
  ];
}

function OpsLink({ office }: { office: TOffice }) {
  const { name } = useI18n();
  return <Link to={`/offices/${office.id}/operations`}>{name(office.nameJa, office.nameEn)}</Link>;
}

function City({ office }: { office: TOffice }) {
  const { name, locale } = useI18n();
  return (
    <>
      {name(office.cityJa, office.cityEn)}
      <span className="muted">, {countryName(office.country, locale)}</span>
    </>
  );
}

function Ownership({ office, orgId }: { office: TOffice; orgId: string }) {
  const { t } = useI18n();
  return <>{office.ownerOrgId === orgId ? t("offices-ops.owner") : t("offices-ops.coOwner")}</>;
}

export function OfficeOpsListPage() {
  const { t, name } = useI18n();
  return (
    <>
      <PageHeader title={t("offices-ops.title")}>
        <p className="subtitle">{t("offices-ops.listIntro")}</p>
      </PageHeader>
      <RequireSignIn>
        {(user) =>
          user.memberships.length === 0 ? (
            <p className="notice">{t("offices-ops.noOrganisation")}</p>
          ) : (
            <>
              {user.memberships.map((m) => (
                <section key={m.orgId} className="panel" aria-labelledby={`ops-org-${m.orgId}`}>
                  <h2 id={`ops-org-${m.orgId}`}>{t("offices-ops.officesOf", { org: name(m.orgNameJa, m.orgNameEn) })}</h2>
                  <ListView<TOffice>
                    path="/api/offices"
                    columns={columns(m.orgId)}
                    rowKey={(o) => o.id}
                    caption="offices-ops.listCaption"
                    params={{}}
                    fixed={{ ownerOrgId: m.orgId, sort: "nameEn" }}
                    pageSize={50}
                    sortable={false}
                  />
                </section>
              ))}
            </>
          )
        }
      </RequireSignIn>
    </>
  );
}
