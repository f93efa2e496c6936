/**
 * @module web/pages/matchmaking/common
 * What the matchmaking pages share: the API's record types, tabs, status badges, the endorsement panel and
 * the matches with their reasons (ja/en from the engine, with the kind of each reason labelled).
 */
import type { z } from "zod";
import type { TCompanyProfile, TOpportunity, TReview, ZMatchList } from "../../../matchmaking/matchmaking.schema.ts";
import type { TInterest } from "../../../matchmaking/workflow.schema.ts";
import { DateText, Details, LoadError, Loading, OrgLink } from "../../components/display.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { ExpressInterest } from "./interest-page.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { OPPORTUNITY_KIND_LABELS, REASON_KIND_LABELS, UNIT_LABELS, VETTING_STATUS_LABELS } from "./labels.ts";
import "./matchmaking.css";

export type Company = TCompanyProfile;
export type Opportunity = TOpportunity;
export type Review = TReview;
export type Interest = TInterest;
export type MatchList = z.infer<typeof ZMatchList>;

const TABS: Array<{ to: string; label: MessageKey }> = [
  { to: "/matching", label: "matchmaking.tab.companies" },
  { to: "/matching/opportunities", label: "matchmaking.tab.opportunities" },
  { to: "/matching/vetting", label: "matchmaking.tab.vetting" },
  { to: "/matching/interests", label: "matchmaking.tab.interests" },
  { to: "/matching/notifications", label: "matchmaking.tab.notifications" },
];

export function MatchingTabs() {
  const { t } = useI18n();
  const { path } = useLocation();
  return (
    <nav aria-label={t("matchmaking.tabs")}>
      <ul className="mm-tabs">
        {TABS.map((tab) => (
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

export function StatusBadge({ status }: { status: string }) {
  const { pick } = useI18n();
  return <span className={`badge mm-status-${status}`}>{pick(VETTING_STATUS_LABELS[status] ?? { ja: status, en: status })}</span>;
}

export function Quantity({ value }: { value: { amount: number; unit: string } | null }) {
  const { locale, pick } = useI18n();
  if (!value) return null;
  return (
    <>
      {formatNumber(value.amount, locale, 2)} {pick(UNIT_LABELS[value.unit] ?? { ja: value.unit, en: value.unit })}
    </>
  );
}

export function opportunityTitle(o: { titleJa: string | null; titleEn: string | null; kind: string }, name: (ja: string | null | undefined, en: string | null | undefined) => string, pick: (l: { ja: string; en: string }) => string): string {
  return name(o.titleJa, o.titleEn) || pick(OPPORTUNITY_KIND_LABELS[o.kind] ?? { ja: o.kind, en: o.kind });
}

export function EndorsementPanel({ record }: { record: Company | Opportunity }) {
  const { t, pick } = useI18n();
  const e = record.endorsement;
  return (
    <section className="panel" aria-labelledby="mm-endorsement">
      <h2 id="mm-endorsement">{t("matchmaking.endorsement")}</h2>
      {e ? (
        <Details
          rows={[
            { label: "matchmaking.endorsedBy", value: <OrgLink id={e.by.id} ja={e.by.nameJa} en={e.by.nameEn} /> },
            { label: "matchmaking.reviewer", value: e.reviewerName },
            { label: "matchmaking.endorsedAt", value: <DateText value={e.at.slice(0, 10)} /> },
            {
              label: "matchmaking.endorsementExpires",
              value: e.expires ? (
                <>
                  <DateText value={e.expires.slice(0, 10)} /> {e.current ? null : <span className="badge warn">{t("matchmaking.endorsementLapsed")}</span>}
                </>
              ) : null,
            },
          ]}
        />
      ) : (
        <p>{t("matchmaking.notEndorsed", { status: pick(VETTING_STATUS_LABELS[record.status] ?? { ja: record.status, en: record.status }) })}</p>
      )}
    </section>
  );
}

/** The matches of a company (`/api/companies/:orgId/matches`) or an opportunity (`/api/opportunities/:id/matches`). */
export function MatchesPanel({ path, company: self, opportunity: selfOpp }: { path: string; company?: Company; opportunity?: Opportunity }) {
  const { t, pick, name, locale } = useI18n();
  const { data, error, loading, reload } = useFetch<MatchList>(`${path}?top=10`);
  const heading: MessageKey = !data ? "matchmaking.matches" : data.direction === "companies_for_request" ? "matchmaking.matchesCompanies" : data.direction === "requests_for_company" ? "matchmaking.matchesRequests" : "matchmaking.matchesOffer";
  return (
    <section className="panel" aria-labelledby="mm-matches">
      <h2 id="mm-matches">{t(heading)}</h2>
      {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <Loading /> : null}
      {data && data.matches.length === 0 ? <p className="empty">{t("matchmaking.noMatches")}</p> : null}
      {data && data.matches.length ? (
        <ol className="mm-matches">
          {data.matches.map((m, i) => {
            const company = m.company;
            const opp = m.opportunity;
            const title = company ? name(company.nameJa, company.nameEn) : opp ? opportunityTitle(opp, name, pick) : "";
            const to = company ? `/matching/companies/${company.orgId}` : opp ? `/matching/opportunities/${opp.id}` : "/matching";
            return (
              <li key={company?.orgId ?? opp?.id ?? i} className="mm-match" aria-label={title}>
                <h3>
                  <Link to={to}>{title}</Link>
                  <span className="mm-score">
                    {t("matchmaking.score")} {formatNumber(m.score, locale, 3)}
                  </span>
                </h3>
                <ul className="mm-reasons" aria-label={t("matchmaking.reasons")}>
                  {m.reasons.map((r, j) => (
                    <li key={j}>
                      <span className="badge">{pick(REASON_KIND_LABELS[r.kind] ?? { ja: r.kind, en: r.kind })}</span>
                      {pick(r.label)}
                    </li>
                  ))}
                </ul>
                {selfOpp && company && selfOpp.kind.endsWith("_request") ? (
                  <ExpressInterest opportunityId={selfOpp.id} owner={selfOpp.owner} company={{ id: company.orgId, nameJa: company.nameJa, nameEn: company.nameEn }} title={title} />
                ) : self && opp ? (
                  <ExpressInterest opportunityId={opp.id} owner={opp.owner} company={{ id: self.orgId, nameJa: self.nameJa, nameEn: self.nameEn }} title={title} />
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
