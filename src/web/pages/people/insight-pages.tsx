/**
 * @module web/pages/people/insight-pages
 * For the organisation's admins: the reassignment-risk list — people whose international postings or
 * competencies their current post does not use, with the months since their last international posting,
 * longest first — and the roster of who has experience of a country and/or a function, most months first.
 */
import { useMemo } from "react";
import countryList from "i18n-iso-countries/langs/en.json" with { type: "json" };
import type { z } from "zod";
import type { ZRisks, ZRoster } from "../../../people/people.schema.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../../../core/domain.ts";
import { LoadError, Loading } from "../../components/display.tsx";
import { OFFICE_DUTY_LABELS, OFFICE_FUNCTION_LABELS } from "../../i18n/enum-labels.ts";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { withQuery } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { languageText, postingText, PostingPeriod, type Posting } from "./display.tsx";
import { COMPETENCY_LABELS, RISK_REASON_LABELS } from "./labels.ts";
import { AdminOnly, PeopleFrame, type OrgChoice } from "./people-shell.tsx";
import type { Competency } from "../../../people/core/person.ts";

type Risks = z.infer<typeof ZRisks>;
type Roster = z.infer<typeof ZRoster>;
interface RiskItem {
  personId: string;
  name: string;
  reasons: Array<"international_postings" | "competencies">;
  monthsSinceInternationalPosting: number | null;
  currentPostings: Array<Omit<Posting, "isInternational" | "current">>;
  lastInternationalPosting: Omit<Posting, "isInternational" | "current"> | null;
  competencies: Competency[];
  languages: Array<{ language: string; scale: string; level: string }>;
  text: { ja: string; en: string };
}
interface RosterItem {
  personId: string;
  name: string;
  totalMonths: number;
  currentlyInPost: boolean;
  postings: Array<{ posting: Omit<Posting, "isInternational" | "current">; months: number; current: boolean }>;
  languages: Array<{ language: string; scale: string; level: string }>;
  competencies: Competency[];
}

const WORK = [...OFFICE_FUNCTIONS, ...OFFICE_DUTIES];
const WORK_LABELS = { ...OFFICE_FUNCTION_LABELS, ...OFFICE_DUTY_LABELS };

function monthsText(months: number, t: (k: "people.monthsN" | "people.yearsMonths" | "people.yearsN", v: Record<string, string | number>) => string, locale: "ja" | "en"): string {
  if (months < 12) return t("people.monthsN", { n: formatNumber(months, locale) });
  const y = formatNumber(Math.floor(months / 12), locale);
  return months % 12 === 0 ? t("people.yearsN", { y }) : t("people.yearsMonths", { y, m: formatNumber(months % 12, locale) });
}

function RiskList({ choice }: { choice: OrgChoice }) {
  const i18n = useI18n();
  const { t, pick, locale } = i18n;
  const [query, setQuery] = useQueryState();
  const asOf = query.get("asOf") ?? "";
  const { data, error, reload } = useFetch<Risks>(withQuery(`/api/organisations/${choice.orgId}/people/risks`, { asOf }));
  const items = (data?.items ?? []) as unknown as RiskItem[];
  return (
    <>
      <p className="ops-note" style={{ marginTop: 0 }}>
        {t("people.risksIntro")}
      </p>
      <div className="filters">
        <div className="filter">
          <label htmlFor="risk-asof">{t("people.asOf")}</label>
          <input id="risk-asof" type="date" value={asOf} onChange={(e) => setQuery({ asOf: e.target.value })} />
        </div>
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t("people.noRisks")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("people.risksCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col" className="num">
                  {t("people.sinceInternational")}
                </th>
                <th scope="col">{t("people.lastInternational")}</th>
                <th scope="col">{t("people.currentPosts")}</th>
                <th scope="col">{t("people.reasons")}</th>
                <th scope="col">{t("people.languages")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.personId}>
                  <th scope="row" className="nowrap">
                    <Link to={`/people/${r.personId}`}>{r.name}</Link>
                  </th>
                  <td className="num">{r.monthsSinceInternationalPosting === null ? "—" : <strong>{monthsText(r.monthsSinceInternationalPosting, t, locale)}</strong>}</td>
                  <td>
                    {r.lastInternationalPosting ? (
                      <>
                        {postingText(r.lastInternationalPosting, i18n)}
                        <div className="small muted">
                          <PostingPeriod from={r.lastInternationalPosting.from} to={r.lastInternationalPosting.to} />
                        </div>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{r.currentPostings.map((p) => postingText(p, i18n)).join(" / ")}</td>
                  <td>
                    <ul className="tags">
                      {r.reasons.map((reason) => (
                        <li key={reason}>{pick(RISK_REASON_LABELS[reason])}</li>
                      ))}
                    </ul>
                    {r.competencies.length ? <div className="small">{r.competencies.map((c) => pick(COMPETENCY_LABELS[c])).join(locale === "ja" ? "、" : "; ")}</div> : null}
                  </td>
                  <td>{r.languages.map((l) => languageText(l, i18n)).join(locale === "ja" ? "、" : ", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data ? <p className="ops-note">{t("people.asOfNote", { date: data.asOf })}</p> : null}
    </>
  );
}

export function RisksPage() {
  return (
    <PeopleFrame title="people.risks">
      {(choice) => (
        <AdminOnly choice={choice}>
          <RiskList choice={choice} />
        </AdminOnly>
      )}
    </PeopleFrame>
  );
}

const COUNTRY_CODES = Object.keys(countryList.countries);

function RosterList({ choice }: { choice: OrgChoice }) {
  const i18n = useI18n();
  const { t, pick, locale } = i18n;
  const [query, setQuery] = useQueryState();
  const country = query.get("country") ?? "";
  const fn = query.get("function") ?? "";
  const { data, error, reload } = useFetch<Roster>(withQuery(`/api/organisations/${choice.orgId}/people/roster`, { country, function: fn }));
  const items = (data?.items ?? []) as unknown as RosterItem[];
  const countries = useMemo(() => COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)), [locale]);
  return (
    <>
      <p className="ops-note" style={{ marginTop: 0 }}>
        {t("people.rosterIntro")}
      </p>
      <div className="filters" role="search">
        <div className="filter">
          <label htmlFor="roster-country">{t("field.country")}</label>
          <select id="roster-country" value={country} onChange={(e) => setQuery({ country: e.target.value })}>
            <option value="">{t("common.any")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="roster-function">{t("people.function")}</label>
          <select id="roster-function" value={fn} onChange={(e) => setQuery({ function: e.target.value })}>
            <option value="">{t("common.any")}</option>
            {WORK.map((w) => (
              <option key={w} value={w}>
                {pick(WORK_LABELS[w])}
              </option>
            ))}
          </select>
        </div>
        {country || fn ? (
          <button type="button" className="link-button" onClick={() => setQuery({ country: null, function: null })}>
            {t("common.clearFilters")}
          </button>
        ) : null}
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t("common.noResults")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("people.rosterCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col" className="num">
                  {t("people.experience")}
                </th>
                <th scope="col">{t("people.matchingPostings")}</th>
                <th scope="col">{t("people.languages")}</th>
                <th scope="col">{t("people.competencies")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.personId}>
                  <th scope="row" className="nowrap">
                    <Link to={`/people/${r.personId}`}>{r.name}</Link>
                    {r.currentlyInPost ? (
                      <div>
                        <span className="ops-current">{t("people.inPostNow")}</span>
                      </div>
                    ) : null}
                  </th>
                  <td className="num">
                    <strong>{monthsText(r.totalMonths, t, locale)}</strong>
                  </td>
                  <td>
                    <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                      {r.postings.map((p) => (
                        <li key={p.posting.id}>
                          {postingText(p.posting, i18n)}{" "}
                          <span className="small muted">
                            (<PostingPeriod from={p.posting.from} to={p.posting.to} />, {monthsText(p.months, t, locale)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{r.languages.map((l) => languageText(l, i18n)).join(locale === "ja" ? "、" : ", ") || "—"}</td>
                  <td className="small">{r.competencies.map((c) => pick(COMPETENCY_LABELS[c])).join(locale === "ja" ? "、" : "; ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function RosterPage() {
  return (
    <PeopleFrame title="people.roster">
      {(choice) => (
        <AdminOnly choice={choice}>
          <RosterList choice={choice} />
        </AdminOnly>
      )}
    </PeopleFrame>
  );
}
