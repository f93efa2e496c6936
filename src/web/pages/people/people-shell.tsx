/**
 * @module web/pages/people/people-shell
 * What every people page shares: the organisation whose people are shown (the user's memberships; `?org=`
 * when they have several), whether the user is its admin (admins see everyone, the risk list and the
 * roster; others see themselves), the user's own person record, and the tabs between the pages.
 */
import { useCallback, type ReactNode } from "react";
import type { TPerson } from "../../../people/people.schema.ts";
import { PageHeader } from "../../components/display.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { fetchAll } from "../../lib/api.ts";
import { Link, useLocation, useQueryState } from "../../lib/router.tsx";
import { useSession, type SessionUser } from "../../lib/session.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { RequireSignIn } from "../offices-ops/bits.tsx";
import "../offices-ops/ops.css";

export interface OrgChoice {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  user: SessionUser;
  setOrg: (orgId: string) => void;
}

/** The organisation chosen on the page (the first membership by default). */
export function useOrgChoice(user: SessionUser): OrgChoice | null {
  const { name } = useI18n();
  const [query, setQuery] = useQueryState();
  const setOrg = useCallback((orgId: string) => setQuery({ org: orgId }), [setQuery]);
  const chosen = user.memberships.find((m) => m.orgId === query.get("org")) ?? user.memberships[0];
  if (!chosen) return null;
  return { orgId: chosen.orgId, orgName: name(chosen.orgNameJa, chosen.orgNameEn), isAdmin: chosen.role === "admin", user, setOrg };
}

/** The people of an organisation the user may see (admins: everyone; others: their own record). */
export function useOrgPeople(orgId: string | null, generation = 0) {
  return useLoader<TPerson[]>(orgId ? `people:${orgId}:${generation}` : null, () => fetchAll<TPerson>(`/api/organisations/${orgId}/people`, { sort: "name" }));
}

const TABS: Array<{ to: string; label: MessageKey; admin?: boolean }> = [
  { to: "/people", label: "people.tab.directory" },
  { to: "/people/handovers", label: "people.tab.handovers" },
  { to: "/people/risks", label: "people.tab.risks", admin: true },
  { to: "/people/roster", label: "people.tab.roster", admin: true },
];

export function PeopleTabs({ choice }: { choice: OrgChoice }) {
  const { t, name } = useI18n();
  const { path } = useLocation();
  const suffix = choice.user.memberships.length > 1 ? `?org=${choice.orgId}` : "";
  return (
    <>
      {choice.user.memberships.length > 1 ? (
        <div className="filters" style={{ marginBottom: "0.75rem" }}>
          <div className="filter">
            <label htmlFor="people-org">{t("people.organisation")}</label>
            <select id="people-org" value={choice.orgId} onChange={(e) => choice.setOrg(e.target.value)}>
              {choice.user.memberships.map((m) => (
                <option key={m.orgId} value={m.orgId}>
                  {name(m.orgNameJa, m.orgNameEn)}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <nav aria-label={t("people.tabs")}>
        <ul className="ppl-tabs">
          {TABS.filter((tab) => !tab.admin || choice.isAdmin).map((tab) => (
            <li key={tab.to}>
              <Link to={`${tab.to}${suffix}`} aria-current={path === tab.to ? "page" : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** A people page: its header, the sign-in requirement, the organisation choice and the tabs. */
export function PeopleFrame({ title, actions, children }: { title: MessageKey; actions?: (choice: OrgChoice) => ReactNode; children: (choice: OrgChoice) => ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <>
      {user ? null : <PageHeader title={t(title)} />}
      <RequireSignIn>
        {(signedIn) => (
          <PeopleFrameInner user={signedIn} title={t(title)} actions={actions}>
            {children}
          </PeopleFrameInner>
        )}
      </RequireSignIn>
    </>
  );
}

function PeopleFrameInner({ user, title, actions, children }: { user: SessionUser; title: string; actions?: (choice: OrgChoice) => ReactNode; children: (choice: OrgChoice) => ReactNode }) {
  const { t } = useI18n();
  const choice = useOrgChoice(user);
  if (!choice) {
    return (
      <>
        <PageHeader title={title} />
        <p className="notice">{t("people.noOrganisation")}</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} kicker={choice.orgName} actions={actions?.(choice)}>
        <p className="subtitle">{t("people.confidential")}</p>
      </PageHeader>
      <PeopleTabs choice={choice} />
      {children(choice)}
    </>
  );
}

/** Admins only: the page's content, or why it is not shown. */
export function AdminOnly({ choice, children }: { choice: OrgChoice; children: ReactNode }) {
  const { t } = useI18n();
  return choice.isAdmin ? <>{children}</> : <p className="notice">{t("people.adminsOnly")}</p>;
}
