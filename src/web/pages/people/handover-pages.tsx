/**
 * @module web/pages/people/handover-pages
 * The handover flow. When a posting ends, the person (or an admin) makes a pack for the successor: the
 * contacts that pass to them, ongoing matters, the registry ties they look after and open matchmaking cases.
 * The successor — signed in with the account linked to their person record — sees it pending and
 * acknowledges it; in the same step the contacts become theirs. Also the organisation's list of packs.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import type { TPerson, ZAcknowledgement, ZContactList, ZHandover, ZHandoverList } from "../../../people/people.schema.ts";
import type { TTie } from "../../../registry/registry.schema.ts";
import { TIE_KIND_LABELS } from "../../i18n/enum-labels.ts";
import { DateText, LoadError, Loading, PageHeader, TimestampText } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { opsErrorText } from "../offices-ops/field-errors.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, fetchAll, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link, navigate, useLocation, useQueryState } from "../../lib/router.tsx";
import { useSession, type SessionUser } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { InputField, RequireSignIn } from "../offices-ops/bits.tsx";
import { toProblem } from "../offices-ops/http.ts";
import { postingText } from "./display.tsx";
import { handoverBody, handoverErrorTarget, type HandoverDraft } from "./handover-model.ts";
import { HANDOVER_STATUS_LABELS, HANDOVER_STATUSES } from "./labels.ts";
import { PeopleFrame, useOrgPeople, type OrgChoice } from "./people-shell.tsx";
import { translateItems } from "../offices-ops/field-errors.ts";

type Handover = z.infer<typeof ZHandover>;
type HandoverList = z.infer<typeof ZHandoverList>;
type ContactList = z.infer<typeof ZContactList>;
type Acknowledgement = z.infer<typeof ZAcknowledgement>;

function ErrorText({ errors }: { errors: readonly ProblemFieldError[] | undefined }) {
  const { locale } = useI18n();
  if (!errors?.length) return null;
  return <p className="field-error">{errors.map((e) => opsErrorText(e, locale)).join(" / ")}</p>;
}

function Checks({ id, legend, hint, items, chosen, onChange, errors, empty }: {
  id: string;
  legend: string;
  hint?: string;
  items: Array<{ value: string; label: ReactNode }>;
  chosen: string[];
  onChange: (values: string[]) => void;
  errors?: ProblemFieldError[];
  empty: string;
}) {
  return (
    <fieldset className={`ops-fieldset${errors?.length ? " invalid" : ""}`} id={id} aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" style={{ marginTop: 0 }}>
          {hint}
        </p>
      ) : null}
      {items.length === 0 ? <p className="muted small">{empty}</p> : null}
      <div className="checks" style={{ maxHeight: "16rem", overflowY: "auto", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 26rem), 1fr))" }}>
        {items.map((item) => (
          <div className="check" key={item.value}>
            <input
              type="checkbox"
              id={`${id}-${item.value}`}
              checked={chosen.includes(item.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, item.value] : chosen.filter((v) => v !== item.value))}
            />
            <label htmlFor={`${id}-${item.value}`}>{item.label}</label>
          </div>
        ))}
      </div>
      <div id={`${id}-error`}>
        <ErrorText errors={errors} />
      </div>
    </fieldset>
  );
}

function HandoverForm({ person, user }: { person: TPerson; user: SessionUser }) {
  const i18n = useI18n();
  const { t, name, locale } = i18n;
  const { query } = useLocation();
  const isAdmin = user.memberships.some((m) => m.orgId === person.organisationId && m.role === "admin");
  const ended = person.postings.filter((p) => p.to);
  const [draft, setDraft] = useState<HandoverDraft>({
    postingId: ended.find((p) => p.id === query.get("posting"))?.id ?? ended[0]?.id ?? "",
    successorId: "",
    contactIds: [],
    tieIds: [],
    matters: [{ title: "", status: "", nextStep: "", due: "" }],
    cases: [{ caseId: "", stage: "", note: "" }],
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [rows, setRows] = useState<{ matterRows: number[]; caseRows: number[] }>({ matterRows: [], caseRows: [] });
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const { data: people } = useOrgPeople(isAdmin ? person.organisationId : null);
  const { data: contacts } = useFetch<ContactList>(`/api/people/${person.id}/contacts`);
  const { data: ties } = useLoader(`ties:${person.organisationId}`, () => fetchAll<TTie>("/api/ties", { orgId: person.organisationId }).catch(() => [] as TTie[]));

  const byField = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const e of problem?.errors ?? []) {
    const target = handoverErrorTarget(e.path, rows);
    if (target) byField.set(target, [...(byField.get(target) ?? []), e]);
    else other.push(e);
  }
  const labels: Record<string, string> = {
    "ho-posting": t("people.posting"),
    "ho-successor": t("people.successor"),
    "ho-contacts": t("people.contacts"),
    "ho-ties": t("people.ties"),
  };
  const summary: SummaryItem[] = [
    ...[...byField].flatMap(([target, errors]) => errors.map((e) => ({ target, label: labels[target] ?? e.path, message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path, message: e.message, code: e.code })),
  ];
  const set = (change: Partial<HandoverDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = handoverBody(draft);
    setRows(built);
    setBusy(true);
    try {
      const saved = await api<Handover>("POST", `/api/people/${person.id}/handovers`, built.body);
      navigate(`/handovers/${saved.id}`);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  if (!ended.length) {
    return <p className="notice">{t("people.noEndedPosting")}</p>;
  }
  const successors = (people ?? []).filter((p) => p.id !== person.id).map((p) => ({ value: p.id, label: name(p.name, p.nameEn) }));
  const tieName = (tie: TTie) => `${name(tie.aNameJa, tie.aNameEn)} — ${name(tie.bNameJa, tie.bNameEn)} (${i18n.pick(TIE_KIND_LABELS[tie.kind])})`;
  return (
    <form className="ops-form panel" noValidate onSubmit={submit}>
      {problem ? <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} /> : null}
      <div className="ops-fields wide">
        <InputField
          id="ho-posting"
          label={t("people.postingThatEnds")}
          value={draft.postingId}
          onChange={(postingId) => set({ postingId })}
          options={ended.map((p) => ({ value: p.id, label: `${postingText(p, i18n)} (${p.from} – ${p.to})` }))}
          errors={byField.get("ho-posting")}
          required
        />
        {isAdmin ? (
          <InputField id="ho-successor" label={t("people.successor")} value={draft.successorId} onChange={(successorId) => set({ successorId })} options={successors} errors={byField.get("ho-successor")} required />
        ) : (
          <InputField id="ho-successor" label={t("people.successorId")} value={draft.successorId} onChange={(successorId) => set({ successorId })} errors={byField.get("ho-successor")} hint={t("people.successorIdHint")} required />
        )}
      </div>
      <Checks
        id="ho-contacts"
        legend={t("people.contactsToPass")}
        hint={t("people.contactsToPassHint")}
        items={(contacts?.items ?? []).map((c) => ({ value: c.id, label: [c.name, c.organisation, c.role].filter(Boolean).join(" · ") }))}
        chosen={draft.contactIds}
        onChange={(contactIds) => set({ contactIds })}
        errors={byField.get("ho-contacts")}
        empty={t("people.noContacts")}
      />
      <fieldset className="ops-fieldset">
        <legend>{t("people.ongoingMatters")}</legend>
        {draft.matters.map((m, i) => {
          const setM = (change: Partial<typeof m>) => set({ matters: draft.matters.map((x, j) => (j === i ? { ...x, ...change } : x)) });
          return (
            <div className="ppl-row" key={i} role="group" aria-label={t("people.matterN", { n: i + 1 })}>
              <InputField id={`ho-m-${i}-title`} label={t("people.matterTitle")} value={m.title} onChange={(title) => setM({ title })} errors={byField.get(`ho-m-${i}-title`)} />
              <InputField id={`ho-m-${i}-status`} label={t("people.matterStatus")} value={m.status} onChange={(status) => setM({ status })} errors={byField.get(`ho-m-${i}-status`)} />
              <InputField id={`ho-m-${i}-nextStep`} label={t("people.nextStep")} value={m.nextStep} onChange={(nextStep) => setM({ nextStep })} errors={byField.get(`ho-m-${i}-nextStep`)} />
              <InputField id={`ho-m-${i}-due`} label={t("people.due")} value={m.due} onChange={(due) => setM({ due })} errors={byField.get(`ho-m-${i}-due`)} placeholder="2025-01" />
            </div>
          );
        })}
        <button type="button" className="small" onClick={() => set({ matters: [...draft.matters, { title: "", status: "", nextStep: "", due: "" }] })}>
          {t("people.addMatter")}
        </button>
      </fieldset>
      <Checks
        id="ho-ties"
        legend={t("people.ties")}
        hint={t("people.tiesHint")}
        items={(ties ?? []).map((tie) => ({ value: tie.id, label: tieName(tie) }))}
        chosen={draft.tieIds}
        onChange={(tieIds) => set({ tieIds })}
        errors={byField.get("ho-ties")}
        empty={t("people.noTies")}
      />
      <fieldset className="ops-fieldset">
        <legend>{t("people.openCases")}</legend>
        {draft.cases.map((c, i) => {
          const setC = (change: Partial<typeof c>) => set({ cases: draft.cases.map((x, j) => (j === i ? { ...x, ...change } : x)) });
          return (
            <div className="ppl-row" key={i} role="group" aria-label={t("people.caseN", { n: i + 1 })}>
              <InputField id={`ho-c-${i}-caseId`} label={t("people.caseId")} value={c.caseId} onChange={(caseId) => setC({ caseId })} errors={byField.get(`ho-c-${i}-caseId`)} />
              <InputField id={`ho-c-${i}-stage`} label={t("people.caseStage")} value={c.stage} onChange={(stage) => setC({ stage })} errors={byField.get(`ho-c-${i}-stage`)} />
              <InputField id={`ho-c-${i}-note`} label={t("people.caseNote")} value={c.note} onChange={(note) => setC({ note })} errors={byField.get(`ho-c-${i}-note`)} />
            </div>
          );
        })}
        <button type="button" className="small" onClick={() => set({ cases: [...draft.cases, { caseId: "", stage: "", note: "" }] })}>
          {t("people.addCase")}
        </button>
      </fieldset>
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("people.createHandover")}
        </button>
        <Link to={`/people/${person.id}`} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}

export function HandoverNewPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { user } = useSession();
  const { data: person, error } = useFetch<TPerson>(user ? `/api/people/${id}` : null);
  return (
    <>
      <PageHeader title={t("people.newHandover")}>
        {person ? <p className="subtitle">{t("people.handoverBy", { name: name(person.name, person.nameEn) })}</p> : null}
      </PageHeader>
      <RequireSignIn>{(u) => (error ? <LoadError error={error} /> : !person ? <Loading /> : <HandoverForm person={person} user={u} />)}</RequireSignIn>
    </>
  );
}

/** The user's own person record in the organisation, if an admin linked one to their account. */
function useMyPerson(orgId: string | null, userId: string | undefined) {
  const { data } = useOrgPeople(orgId);
  return data?.find((p) => p.userId === userId);
}

function Acknowledge({ handover, onDone }: { handover: Handover; onDone: (result: Acknowledgement) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await api<Acknowledgement>("POST", `/api/handovers/${handover.id}/acknowledge`, note.trim() ? { note: note.trim() } : {}));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ops-form panel" noValidate onSubmit={submit} aria-labelledby="ack-heading" style={{ borderLeft: "4px solid var(--accent)" }}>
      <h2 id="ack-heading">{t("people.acknowledgeTitle")}</h2>
      <p style={{ margin: 0 }}>{t("people.acknowledgeIntro", { n: handover.contacts.length })}</p>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <InputField id="ack-note" label={t("people.ackNote")} value={note} onChange={setNote} textarea />
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("people.acknowledge")}
        </button>
      </div>
    </form>
  );
}

function HandoverView({ id, user }: { id: string; user: SessionUser }) {
  const { t, pick, locale } = useI18n();
  const [result, setResult] = useState<Acknowledgement | null>(null);
  const { data: loaded, error, reload } = useFetch<Handover>(`/api/handovers/${id}`);
  const handover = result?.handover ?? loaded;
  const me = useMyPerson(handover?.organisationId ?? null, user.id);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!handover) return <Loading />;
  const isSuccessor = !!me && me.id === handover.successor.id;
  return (
    <>
      {result ? (
        <p className="ops-success" role="status">
          {t("people.acknowledged", { n: formatNumber(result.transferredContactIds.length, locale) })}{" "}
          <Link to={`/people/${handover.successor.id}#contacts`}>{t("people.seeYourContacts")}</Link>
        </p>
      ) : null}
      <section className="panel">
        <dl className="details">
          <div>
            <dt>{t("people.predecessor")}</dt>
            <dd>
              <Link to={`/people/${handover.predecessor.id}`}>{handover.predecessor.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("people.successor")}</dt>
            <dd>
              <Link to={`/people/${handover.successor.id}`}>{handover.successor.name}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("people.postingEnded")}</dt>
            <dd>
              <DateText value={handover.postingEnd} />
            </dd>
          </div>
          <div>
            <dt>{t("people.status")}</dt>
            <dd>
              <span className={handover.status === "pending" ? "ops-flag" : "ops-ok"}>{pick(handover.statusLabel)}</span>
              {handover.acknowledgement ? (
                <>
                  {" "}
                  <TimestampText value={handover.acknowledgement.at} />
                  {handover.acknowledgement.note ? <div className="small">{handover.acknowledgement.note}</div> : null}
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("field.createdAt")}</dt>
            <dd>
              <TimestampText value={handover.createdAt} />
            </dd>
          </div>
        </dl>
      </section>
      {handover.status === "pending" ? (
        isSuccessor ? (
          <Acknowledge handover={handover} onDone={setResult} />
        ) : (
          <p className="notice">{t("people.onlySuccessor", { name: handover.successor.name })}</p>
        )
      ) : null}
      <div className="detail-grid">
        <section className="panel" aria-labelledby="ho-contacts-heading">
          <h2 id="ho-contacts-heading">{t("people.contacts")}</h2>
          {handover.contacts.length ? (
            <div className="table-wrap">
              <table className="ops-small-table">
                <caption className="sr-only">{t("people.contacts")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("people.contactName")}</th>
                    <th scope="col">{t("people.contactOrganisation")}</th>
                    <th scope="col">{t("people.contactRole")}</th>
                  </tr>
                </thead>
                <tbody>
                  {handover.contacts.map((c) => (
                    <tr key={c.contactId}>
                      <th scope="row">{c.name}</th>
                      <td>{typeof c.organisation === "string" ? c.organisation : "—"}</td>
                      <td>{typeof c.role === "string" ? c.role : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("common.none")}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="ho-matters-heading">
          <h2 id="ho-matters-heading">{t("people.ongoingMatters")}</h2>
          {handover.ongoingMatters.length ? (
            <ul className="ppl-list">
              {handover.ongoingMatters.map((m) => (
                <li key={m.id} className="ppl-card">
                  <strong>{m.title}</strong>
                  <div className="small">
                    {[typeof m.status === "string" ? `${t("people.matterStatus")}: ${m.status}` : null, typeof m.nextStep === "string" ? `${t("people.nextStep")}: ${m.nextStep}` : null]
                      .filter(Boolean)
                      .join(" · ")}
                    {typeof m.due === "string" ? (
                      <>
                        {" · "}
                        {t("people.due")}: <DateText value={m.due} />
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("common.none")}</p>
          )}
        </section>
      </div>
      <div className="detail-grid" style={{ marginTop: "1.25rem" }}>
        <section className="panel" aria-labelledby="ho-ties-heading">
          <h2 id="ho-ties-heading">{t("people.ties")}</h2>
          {handover.ties.length ? (
            <ul>
              {handover.ties.map((tie) => (
                <li key={tie.tieId}>
                  <Link to={`/ties/${tie.tieId}`}>{t("people.tieLink")}</Link>
                  {typeof tie.note === "string" ? ` — ${tie.note}` : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("common.none")}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="ho-cases-heading">
          <h2 id="ho-cases-heading">{t("people.openCases")}</h2>
          {handover.openMatchmakingCases.length ? (
            <ul>
              {handover.openMatchmakingCases.map((c) => (
                <li key={c.caseId}>
                  <strong>{c.caseId}</strong>
                  {typeof c.stage === "string" ? ` · ${c.stage}` : null}
                  {typeof c.note === "string" ? ` — ${c.note}` : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("common.none")}</p>
          )}
        </section>
      </div>
    </>
  );
}

export function HandoverPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("people.handover")} kicker={t("people.title")} />
      <RequireSignIn>{(user) => <HandoverView id={id} user={user} />}</RequireSignIn>
    </>
  );
}

function HandoverTable({ choice }: { choice: OrgChoice }) {
  const { t, pick } = useI18n();
  const [query, setQuery] = useQueryState();
  const status = query.get("status") ?? "";
  const path = `/api/organisations/${choice.orgId}/handovers${status ? `?status=${status}` : ""}`;
  const { data, error, reload } = useFetch<HandoverList>(path);
  const me = useMyPerson(choice.orgId, choice.user.id);
  return (
    <>
      <div className="filters">
        <div className="filter">
          <label htmlFor="ho-status">{t("people.status")}</label>
          <select id="ho-status" value={status} onChange={(e) => setQuery({ status: e.target.value })}>
            <option value="">{t("common.all")}</option>
            {HANDOVER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {pick(HANDOVER_STATUS_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <p className="empty">{t("people.noHandovers")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("people.handovers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.handover")}</th>
                <th scope="col">{t("people.predecessor")}</th>
                <th scope="col">{t("people.successor")}</th>
                <th scope="col">{t("people.postingEnded")}</th>
                <th scope="col">{t("people.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((h) => (
                <tr key={h.id}>
                  <th scope="row">
                    <Link to={`/handovers/${h.id}`}>{t("people.openHandover")}</Link>
                    {me && h.successor.id === me.id && h.status === "pending" ? (
                      <>
                        {" "}
                        <span className="ops-flag">{t("people.forYou")}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{h.predecessor.name}</td>
                  <td>{h.successor.name}</td>
                  <td>
                    <DateText value={h.postingEnd} />
                  </td>
                  <td>
                    <span className={h.status === "pending" ? "ops-flag" : "ops-ok"}>{pick(h.statusLabel)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function HandoversPage() {
  return <PeopleFrame title="people.handovers">{(choice) => <HandoverTable choice={choice} />}</PeopleFrame>;
}

