/**
 * @module web/pages/people/person-page
 * One person's profile: postings over time (timeline and table; admins add postings, set a posting's last
 * day when it ends and start its handover), languages with level, the paper's competencies with their
 * evidence, the address book, and the handover packs the person gives or receives. Readable by the
 * organisation's admins and the person themself; anyone else gets the API's refusal.
 */
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import type { TContact, TPerson, ZContactList, ZHandoverList } from "../../../people/people.schema.ts";
import { DateText, LoadError, Loading, PageHeader, Tags, TimestampText, UnverifiedBadge } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { OFFICE_DUTY_LABELS, OFFICE_FUNCTION_LABELS } from "../../i18n/enum-labels.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { useSession, type SessionUser } from "../../lib/session.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { InputField, RequireSignIn } from "../offices-ops/bits.tsx";
import { toProblem } from "../offices-ops/http.ts";
import { languageName, postingText, PostingPeriod, type Posting } from "./display.tsx";
import { EVIDENCE_KIND_LABELS, HANDOVER_STATUS_LABELS, LANGUAGE_SCALE_LABELS, type EvidenceKind } from "./labels.ts";
import { PostingTimeline } from "./posting-timeline.tsx";
import "../offices-ops/ops.css";

type ContactList = z.infer<typeof ZContactList>;
type HandoverList = z.infer<typeof ZHandoverList>;
const WORK_LABELS = { ...OFFICE_FUNCTION_LABELS, ...OFFICE_DUTY_LABELS };

function EndPosting({ person, posting, onSaved }: { person: TPerson; posting: Posting; onSaved: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = `end-${posting.id}`;
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {t("people.endPosting")}
      </button>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api<TPerson>("PATCH", `/api/people/${person.id}/postings/${posting.id}`, { to: to.trim() || "" });
      setOpen(false);
      setProblem(null);
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  const errors = (problem?.errors ?? []).filter((er) => /(^|\.)to$/.test(er.path));
  return (
    <form onSubmit={submit} className="ops-form" noValidate style={{ gap: "0.4rem" }}>
      {problem && !errors.length ? <ProblemAlert problem={problem} /> : null}
      <InputField id={id} label={t("people.lastDay")} type="date" value={to} onChange={setTo} errors={errors} />
      <div className="ops-actions">
        <button type="submit" className="small primary">
          {t("common.save")}
        </button>
        <button type="button" className="small" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

function Postings({ person, isAdmin, isSelf, onChanged }: { person: TPerson; isAdmin: boolean; isSelf: boolean; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [problem, setProblem] = useState<Problem | null>(null);
  const ordered = [...person.postings].sort((a, b) => (a.from < b.from ? 1 : -1));
  const remove = async (p: Posting) => {
    if (!window.confirm(t("common.confirmDelete", { name: postingText(p, i18n) }))) return;
    try {
      await api<TPerson>("DELETE", `/api/people/${person.id}/postings/${p.id}`);
      setProblem(null);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  return (
    <section className="panel" aria-labelledby="postings-heading">
      <div className="panel-header">
        <h2 id="postings-heading">{t("people.postings")}</h2>
        {isAdmin ? (
          <Link to={`/people/${person.id}/postings/new`} className="button small">
            {t("people.addPosting")}
          </Link>
        ) : null}
      </div>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {person.postings.length === 0 ? (
        <p className="muted">{t("people.noPostings")}</p>
      ) : (
        <>
          <PostingTimeline postings={person.postings} id="pt" />
          <ul className="ops-legend" aria-hidden="true">
            <li>
              <span className="ops-swatch" style={{ background: "var(--brand-2)" }} />
              {t("people.international")}
            </li>
            <li>
              <span className="ops-swatch" style={{ background: "#b9c2ce" }} />
              {t("people.domestic")}
            </li>
            <li>
              <span className="ops-swatch" style={{ border: "2px solid var(--accent)" }} />
              {t("people.current")}
            </li>
          </ul>
          <div className="table-wrap" style={{ marginTop: "0.75rem" }}>
            <table className="ops-small-table">
              <caption className="sr-only">{t("people.postings")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("people.period")}</th>
                  <th scope="col">{t("people.post")}</th>
                  <th scope="col">{t("people.functionsPerformed")}</th>
                  <th scope="col">{t("people.kindOfWork")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("people.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <PostingPeriod from={p.from} to={p.to} />
                      {p.current ? (
                        <>
                          {" "}
                          <span className="ops-current">{t("people.current")}</span>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {postingText(p, i18n)}
                      {p.officeId ? (
                        <>
                          {" "}
                          <Link to={`/offices/${p.officeId}`} className="small">
                            {t("people.officeLink")}
                          </Link>
                        </>
                      ) : null}
                    </td>
                    <td>{p.functions.length ? <Tags values={p.functions} labels={WORK_LABELS} /> : "—"}</td>
                    <td>{p.isInternational ? <span className="ops-ok">{t("people.international")}</span> : t("people.domestic")}</td>
                    <td>
                      <div className="ops-actions">
                        {isAdmin && !p.to ? <EndPosting person={person} posting={p} onSaved={onChanged} /> : null}
                        {(isAdmin || isSelf) && p.to ? (
                          <Link to={`/people/${person.id}/handover?posting=${p.id}`} className="button small">
                            {t("people.handOver")}
                          </Link>
                        ) : null}
                        {isAdmin ? (
                          <button type="button" className="small danger" onClick={() => void remove(p)}>
                            {t("common.delete")}
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Skills({ person, canEdit }: { person: TPerson; canEdit: boolean }) {
  const { t, pick, locale } = useI18n();
  const postingsById = new Map(person.postings.map((p) => [p.id, p]));
  const i18n = useI18n();
  return (
    <section className="panel" aria-labelledby="skills-heading">
      <div className="panel-header">
        <h2 id="skills-heading">{t("people.skills")}</h2>
        {canEdit ? (
          <Link to={`/people/${person.id}/skills`} className="button small">
            {t("people.editSkills")}
          </Link>
        ) : null}
      </div>
      <h3>{t("people.languages")}</h3>
      {person.languages.length ? (
        <div className="table-wrap">
          <table className="ops-small-table">
            <caption className="sr-only">{t("people.languages")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.language")}</th>
                <th scope="col">{t("people.level")}</th>
                <th scope="col">{t("people.scale")}</th>
                <th scope="col">{t("people.evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {person.languages.map((l, i) => (
                <tr key={`${l.language}-${i}`}>
                  <th scope="row">
                    {languageName(l.language, locale)} <span className="muted small">({l.language})</span>
                  </th>
                  <td className="ppl-level">{l.scale === "native" ? pick(LANGUAGE_SCALE_LABELS.native) : l.level}</td>
                  <td>{pick(LANGUAGE_SCALE_LABELS[l.scale])}</td>
                  <td>{l.evidence ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("people.noLanguages")}</p>
      )}
      <h3 style={{ marginTop: "1rem" }}>{t("people.competencies")}</h3>
      {person.competencies.length ? (
        <ul className="ppl-list">
          {person.competencies.map((c) => (
            <li key={c.code} className="ppl-card">
              <h4 style={{ margin: "0 0 0.3rem" }}>{pick(c.label)}</h4>
              <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                {c.evidence.map((e, j) => {
                  const posting = typeof e.postingId === "string" ? postingsById.get(e.postingId) : undefined;
                  return (
                    <li key={j}>
                      <strong>{EVIDENCE_KIND_LABELS[e.kind as EvidenceKind] ? pick(EVIDENCE_KIND_LABELS[e.kind as EvidenceKind]) : e.kind}</strong>: {e.note}
                      {posting ? <span className="muted small"> ({postingText(posting, i18n)})</span> : null}
                      {typeof e.date === "string" ? (
                        <span className="muted small">
                          {" "}
                          · <DateText value={e.date} />
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("people.noCompetencies")}</p>
      )}
    </section>
  );
}

function Contacts({ person, canEdit, generation }: { person: TPerson; canEdit: boolean; generation: number }) {
  const { t } = useI18n();
  const [extra, setExtra] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const path = `/api/people/${person.id}/contacts`;
  const { data, error } = useLoader<ContactList>(`${path}#${generation}.${extra}`, () => api<ContactList>("GET", path));
  const remove = async (c: TContact) => {
    if (!window.confirm(t("common.confirmDelete", { name: c.name }))) return;
    try {
      await api<void>("DELETE", `${path}/${c.id}`);
      setProblem(null);
      setExtra((x) => x + 1);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  return (
    <section className="panel" id="contacts" aria-labelledby="contacts-heading">
      <div className="panel-header">
        <h2 id="contacts-heading">{t("people.contacts")}</h2>
        {canEdit ? (
          <Link to={`/people/${person.id}/contacts/new`} className="button small">
            {t("people.addContact")}
          </Link>
        ) : null}
      </div>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {error ? (
        <LoadError error={error} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="muted">{t("people.noContacts")}</p>
      ) : (
        <div className="table-wrap">
          <table className="ops-small-table">
            <caption className="sr-only">{t("people.contacts")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.contactName")}</th>
                <th scope="col">{t("people.contactOrganisation")}</th>
                <th scope="col">{t("people.contactRole")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("people.phone")}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="sr-only">{t("people.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.name}
                    {c.note ? <div className="small muted">{c.note}</div> : null}
                  </th>
                  <td>{c.organisation ?? "—"}</td>
                  <td>{c.role ?? "—"}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : "—"}</td>
                  <td>{c.phone ?? "—"}</td>
                  {canEdit ? (
                    <td>
                      <button type="button" className="small danger" onClick={() => void remove(c)} aria-label={t("common.remove", { name: c.name })}>
                        {t("common.delete")}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Handovers({ person, generation }: { person: TPerson; generation: number }) {
  const { t, pick } = useI18n();
  const path = `/api/organisations/${person.organisationId}/handovers`;
  const { data } = useLoader<HandoverList>(`${path}#${generation}`, () => api<HandoverList>("GET", path));
  const mine = (data?.items ?? []).filter((h) => h.predecessor.id === person.id || h.successor.id === person.id);
  if (!mine.length) return null;
  return (
    <section className="panel" aria-labelledby="handovers-heading">
      <h2 id="handovers-heading">{t("people.handovers")}</h2>
      <ul className="ppl-list">
        {mine.map((h) => (
          <li key={h.id}>
            <Link to={`/handovers/${h.id}`}>
              {h.predecessor.id === person.id ? t("people.handoverTo", { name: h.successor.name }) : t("people.handoverFrom", { name: h.predecessor.name })}
            </Link>{" "}
            <span className={h.status === "pending" ? "ops-flag" : "ops-ok"}>{pick(HANDOVER_STATUS_LABELS[h.status])}</span>{" "}
            <span className="muted small">
              ({t("people.postingEnded")}: <DateText value={h.postingEnd} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Profile({ id, user }: { id: string; user: SessionUser }) {
  const { t, name } = useI18n();
  const [generation, setGeneration] = useState(0);
  const path = `/api/people/${id}`;
  const { data: person, error, reload } = useLoader<TPerson>(`${path}#${generation}`, () => api<TPerson>("GET", path));
  const [problem, setProblem] = useState<Problem | null>(null);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!person) return <Loading />;
  const isAdmin = user.memberships.some((m) => m.orgId === person.organisationId && m.role === "admin");
  const isSelf = person.userId === user.id;
  const org = user.memberships.find((m) => m.orgId === person.organisationId);
  const changed = () => setGeneration((g) => g + 1);
  const remove = async () => {
    if (!window.confirm(t("common.confirmDelete", { name: person.name }))) return;
    try {
      await api<void>("DELETE", path);
      navigate(`/people?org=${person.organisationId}`);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  return (
    <>
      <PageHeader
        kicker={org ? `${t("people.title")} · ${name(org.orgNameJa, org.orgNameEn)}` : t("people.title")}
        title={name(person.name, person.nameEn)}
        actions={
          isAdmin ? (
            <>
              <Link to={`/people/${person.id}/edit`} className="button">
                {t("common.edit")}
              </Link>
              <button type="button" className="danger" onClick={() => void remove()}>
                {t("common.delete")}
              </button>
            </>
          ) : null
        }
      >
        <p className="subtitle">
          {name(person.name, person.nameEn) === person.name ? person.nameEn : person.name}{" "}
          <UnverifiedBadge unverified={person.unverified} />
        </p>
      </PageHeader>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <p className="notice small">
        {t("people.confidential")} {isSelf ? t("people.thisIsYou") : null} {person.userId ? null : t("people.noAccountLinked")}
      </p>
      <Postings person={person} isAdmin={isAdmin} isSelf={isSelf} onChanged={changed} />
      <div className="detail-grid">
        <Skills person={person} canEdit={isAdmin || isSelf} />
        <Contacts person={person} canEdit={isAdmin || isSelf} generation={generation} />
      </div>
      <div style={{ marginTop: "1.25rem" }}>
        <Handovers person={person} generation={generation} />
      </div>
      <p className="ops-note">
        {person.source ? `${t("field.source")}: ${person.source} · ` : null}
        {t("field.updatedAt")}: <TimestampText value={person.updatedAt} />
      </p>
    </>
  );
}

export function PersonPage({ id }: { id: string }) {
  const { user } = useSession();
  const { t } = useI18n();
  return (
    <>
      {user ? null : <PageHeader title={t("people.title")} />}
      <RequireSignIn>{(u) => <Profile id={id} user={u} />}</RequireSignIn>
    </>
  );
}
