/**
 * @module web/pages/governance/governance-ui
 * Pieces the governance pages share: stage chips and legend in the stage colours, the tabs that join an
 * organisation's assessment, KPI dashboard and continuity report, the organisation chooser of the pages
 * without one, a sign-in gate for the forms, and the model (Table 3) loaded once.
 */
import type { ReactNode } from "react";
import type { z } from "zod";
import { GOVERNANCE_STAGES, LOCAL_GOVERNMENT_KINDS, type GovernanceStage } from "../../../core/domain.ts";
import type { TOrganisation } from "../../../registry/registry.schema.ts";
import type { ZGovernanceModelView } from "../../../governance/governance.routes.ts";
import { Loading } from "../../components/display.tsx";
import { OrgPicker } from "../../forms/org-picker.tsx";
import { GOVERNANCE_STAGE_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api } from "../../lib/api.ts";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { canEdit, useSession, type SessionUser } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { STAGE_COLORS, tint } from "./assessment-view.ts";
import "./governance.css";

export type TGovernanceModelView = z.infer<typeof ZGovernanceModelView>;

/** Short stage names for chips and chart labels (the legend and titles give the full ones). */
export const STAGE_SHORT: Record<GovernanceStage, { ja: string; en: string }> = {
  traditional_administration: { ja: "伝統型", en: "TA" },
  new_public_management: { ja: "NPM型", en: "NPM" },
  network_governance: { ja: "NG型", en: "NG" },
};

export function StageChip({ stage, short = false, title }: { stage: GovernanceStage | null; short?: boolean; title?: string }) {
  const { t, pick } = useI18n();
  if (!stage) {
    return (
      <span className="gov-chip none" title={title}>
        {t("governance.noEvidence")}
      </span>
    );
  }
  const full = pick(GOVERNANCE_STAGE_LABELS[stage]);
  return (
    <span className="gov-chip" style={{ background: tint(STAGE_COLORS[stage].fill, 0.22), borderColor: STAGE_COLORS[stage].fill }} title={title ?? full}>
      <span className="swatch" style={{ background: STAGE_COLORS[stage].fill }} aria-hidden="true" />
      {short ? (
        <>
          <span aria-hidden="true">{pick(STAGE_SHORT[stage])}</span>
          <span className="sr-only">{full}</span>
        </>
      ) : (
        full
      )}
    </span>
  );
}

export function StageLegend({ withNone = false }: { withNone?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <ul className="legend gov-legend" aria-label={t("governance.legend")}>
      {GOVERNANCE_STAGES.map((stage) => (
        <li key={stage}>
          <span className="gov-swatch" style={{ background: STAGE_COLORS[stage].fill }} aria-hidden="true" />
          {pick(GOVERNANCE_STAGE_LABELS[stage])} <span className="muted">({pick(STAGE_SHORT[stage])})</span>
        </li>
      ))}
      {withNone ? (
        <li>
          <span className="gov-swatch none" aria-hidden="true" />
          {t("governance.noEvidence")}
        </li>
      ) : null}
    </ul>
  );
}

/** The three views of one organisation, as tabs at the top of each. */
export function OrgTabs({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { data: org } = useFetch<TOrganisation>(`/api/organisations/${orgId}`);
  // Only local governments are assessed and have governors or mayors; other organisations keep their KPIs.
  const government = !org || (LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(org.kind);
  const tabs: Array<{ to: string; label: MessageKey }> = [
    ...(government ? [{ to: `/assessment/${orgId}`, label: "governance.tab.assessment" as const }] : []),
    { to: `/kpis/${orgId}`, label: "governance.tab.kpis" },
    ...(government ? [{ to: `/continuity/${orgId}`, label: "governance.tab.continuity" as const }] : []),
    { to: `/organisations/${orgId}`, label: "governance.tab.organisation" },
  ];
  return (
    <nav className="gov-tabs" aria-label={t("governance.tab.label")}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={path === tab.to ? "page" : undefined}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Choosing the organisation for a page that needs one (`/kpis` → `/kpis/<id>`): the user's own
 * organisations first, then a search over all of them.
 */
export interface ListedOrganisation {
  id: string;
  nameJa: string;
  nameEn: string;
  count: number;
}

/** Organisations with records of some kind, counted: `[{id, names, count}]` from rows carrying the owner. */
export function countByOrganisation<T>(rows: readonly T[], owner: (row: T) => { id: string; nameJa: string; nameEn: string }): ListedOrganisation[] {
  const byId = new Map<string, ListedOrganisation>();
  for (const row of rows) {
    const o = owner(row);
    const entry = byId.get(o.id) ?? { ...o, count: 0 };
    entry.count += 1;
    byId.set(o.id, entry);
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.nameEn.localeCompare(b.nameEn));
}

export function OrganisationChooser({ base, intro, listed, listedTitle }: { base: string; intro: MessageKey; listed?: ListedOrganisation[]; listedTitle?: MessageKey }) {
  const { t, locale, name } = useI18n();
  const { user } = useSession();
  const mine = user?.memberships ?? [];
  return (
    <section className="panel gov-chooser">
      <h2>{t("governance.chooser.title")}</h2>
      <p className="muted">{t(intro)}</p>
      {mine.length ? (
        <>
          <h3>{t("governance.chooser.yours")}</h3>
          <ul className="inline-list gov-mine">
            {mine.map((m) => (
              <li key={m.orgId}>
                <Link to={`${base}/${m.orgId}`} className="button small">
                  {locale === "ja" ? m.orgNameJa : m.orgNameEn}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {listed && listed.length && listedTitle ? (
        <>
          <h3>{t(listedTitle)}</h3>
          <ul className="inline-list gov-mine">
            {listed.map((o) => (
              <li key={o.id}>
                <Link to={`${base}/${o.id}`} className="button small">
                  {name(o.nameJa, o.nameEn)} <span className="muted">({formatNumber(o.count, locale)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`chooser-${base.slice(1)}`}>{t("governance.chooser.search")}</label>
        <OrgPicker inputId={`chooser-${base.slice(1)}`} label={t("governance.chooser.search")} multiple={false} value={[]} onChange={(ids) => ids[0] && navigate(`${base}/${ids[0]}`)} />
      </div>
    </section>
  );
}

/** Renders its children for a user who may write for `orgId`, and says why not otherwise. */
export function RequireEditor({ orgId, children }: { orgId: string; children: (user: SessionUser) => ReactNode }) {
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
  if (!canEdit(user, orgId)) return <p className="notice">{t("governance.kpi.notYours")}</p>;
  return <>{children(user)}</>;
}

/** "3 evidence items" / "1 evidence item" in the reader's language and number format. */
export function useEvidenceCount(): (n: number) => string {
  const { t, locale } = useI18n();
  return (n) => t(n === 1 ? "governance.evidenceCountOne" : "governance.evidenceCount", { n: formatNumber(n, locale) });
}

let modelPromise: Promise<TGovernanceModelView> | null = null;

/** Table 3 (stages and dimensions, ja/en) from the API, fetched once per page load. */
export function useGovernanceModel() {
  return useLoader<TGovernanceModelView>("governance-model", () => {
    modelPromise ??= api<TGovernanceModelView>("GET", "/api/governance/model").catch((error: unknown) => {
      modelPromise = null;
      throw error;
    });
    return modelPromise;
  });
}

/**
 * A key for data whose names the server writes in the signed-in user's saved language (the evidence
 * texts): it changes when that language is saved, so the page reloads them.
 */
export function useNamesKey(path: string): string {
  const { locale } = useI18n();
  const { me } = useSession();
  return `${path}#${me?.user?.locale ?? locale}`;
}
