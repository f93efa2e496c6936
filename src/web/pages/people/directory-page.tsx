/**
 * @module web/pages/people/directory-page
 * The people directory of the user's organisation. Admins see everyone (search by name in Japanese or
 * English) and add people; other members see their own record. Everyone sees the handover packs waiting for
 * them to acknowledge, and — until an admin links their account to a person record — the account id to give
 * the admin.
 */
import type { z } from "zod";
import type { TPerson, ZHandoverList } from "../../../people/people.schema.ts";
import { DateText } from "../../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column } from "../../components/list-view.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { languageText, PersonLink, postingText } from "./display.tsx";
import { PeopleFrame, useOrgPeople, type OrgChoice } from "./people-shell.tsx";

type HandoverList = z.infer<typeof ZHandoverList>;

function CurrentPosts({ person }: { person: TPerson }) {
  const i18n = useI18n();
  const current = person.postings.filter((p) => p.current);
  if (!current.length) return <span className="muted">—</span>;
  return (
    <ul className="inline-list">
      {current.map((p) => (
        <li key={p.id}>
          {postingText(p, i18n)}
          {p.isInternational ? <span className="ops-ok" style={{ marginLeft: "0.35rem" }}>{i18n.t("people.international")}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function columns(): Column<TPerson>[] {
  return [
    { key: "name", label: "people.name", sort: "name", render: (p) => <PersonLink id={p.id} name={p.name} nameEn={p.nameEn} /> },
    { key: "current", label: "people.currentPosts", render: (p) => <CurrentPosts person={p} /> },
    { key: "intl", label: "people.internationalPostings", numeric: true, render: (p) => p.postings.filter((x) => x.isInternational).length },
    { key: "languages", label: "people.languages", render: (p) => <Languages person={p} /> },
    { key: "account", label: "people.account", render: (p) => <Account person={p} /> },
  ];
}

function Languages({ person }: { person: TPerson }) {
  const i18n = useI18n();
  return <>{person.languages.map((l) => languageText(l, i18n)).join(i18n.locale === "ja" ? "、" : ", ") || "—"}</>;
}

function Account({ person }: { person: TPerson }) {
  const { t } = useI18n();
  return <>{person.userId ? t("people.linked") : "—"}</>;
}

function PendingForMe({ choice, me }: { choice: OrgChoice; me: TPerson | undefined }) {
  const { t } = useI18n();
  const path = `/api/organisations/${choice.orgId}/handovers?status=pending`;
  const { data } = useLoader<HandoverList>(me ? path : null, () => api<HandoverList>("GET", path));
  const mine = (data?.items ?? []).filter((h) => me && h.successor.id === me.id);
  if (!mine.length) return null;
  return (
    <section className="panel" aria-labelledby="pending-heading" style={{ borderLeft: "4px solid var(--accent)" }}>
      <h2 id="pending-heading">{t("people.pendingForYou")}</h2>
      <ul className="ppl-list">
        {mine.map((h) => (
          <li key={h.id}>
            <Link to={`/handovers/${h.id}`}>{t("people.handoverFrom", { name: h.predecessor.name })}</Link>{" "}
            <span className="muted small">
              ({t("people.postingEnded")}: <DateText value={h.postingEnd} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Directory({ choice }: { choice: OrgChoice }) {
  const { t } = useI18n();
  const params = useListParams([]);
  const { data: visible } = useOrgPeople(choice.orgId);
  const me = visible?.find((p) => p.userId === choice.user.id);
  return (
    <>
      {visible && !me ? (
        <p className={choice.isAdmin ? "ops-note" : "notice"}>
          {t("people.notLinked")} <code>{choice.user.id}</code>
        </p>
      ) : null}
      {me ? (
        <p className="small">
          {t("people.yourRecord")}: <PersonLink id={me.id} name={me.name} nameEn={me.nameEn} />
        </p>
      ) : null}
      <PendingForMe choice={choice} me={me} />
      {choice.isAdmin ? <SearchAndFilters filters={[]} idPrefix="people" /> : null}
      <ListView<TPerson> path={`/api/organisations/${choice.orgId}/people`} columns={columns()} rowKey={(p) => p.id} caption="people.directory" params={params} sortable={choice.isAdmin} />
      {!choice.isAdmin ? <p className="ops-note">{t("people.selfOnly")}</p> : null}
    </>
  );
}

export function DirectoryPage() {
  const { t } = useI18n();
  return (
    <PeopleFrame
      title="people.title"
      actions={(choice) =>
        choice.isAdmin ? (
          <Link to={`/people/new?org=${choice.orgId}`} className="button primary">
            {t("people.add")}
          </Link>
        ) : null
      }
    >
      {(choice) => <Directory choice={choice} />}
    </PeopleFrame>
  );
}
