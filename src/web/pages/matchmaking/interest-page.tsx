/**
 * @module web/pages/matchmaking/interest-page
 * One expression of interest: its parties, its dated history from the API (every step with when, by whom,
 * the state it led to and the note or reason given),
 * the next step the user's part allows (the broker forwards or declines a submitted one, the recipient
 * accepts or declines a forwarded one), and once accepted the meetings, outcomes (sales with their currency)
 * and the 6/12-month follow-ups, each recorded with a form that shows the API's field errors.
 * Also the "Express interest" control used on the match lists.
 */
import { useState } from "react";
import { DateText, Details, LoadError, Loading, OrgLink, PageHeader, TimestampText } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { formatYen } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { MatchingTabs, opportunityTitle, type Interest } from "./common.tsx";
import { INTEREST_STATE_LABELS, MEETING_MODE_LABELS, MILESTONE_LABELS, OUTCOME_KIND_LABELS, formatMoney, outcomeKindsFor } from "./labels.ts";
import { WorkflowForm, type WorkflowField } from "./workflow-form.tsx";

interface OrgRef {
  id: string;
  nameJa: string;
  nameEn: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** "Express interest" on a match: the pair (opportunity, company), acting for whichever side the user may. */
export function ExpressInterest({ opportunityId, owner, company, title }: { opportunityId: string; owner: OrgRef; company: OrgRef; title: string }) {
  const { t, name } = useI18n();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const sides = [...(canEdit(user, company.id) ? ["company"] : []), ...(canEdit(user, owner.id) ? ["opportunity"] : [])];
  if (!user || !sides.length || company.id === owner.id) return null;
  const sideLabels = {
    company: { ja: t("matchmaking.side.company", { name: company.nameJa }), en: t("matchmaking.side.company", { name: company.nameEn }) },
    opportunity: { ja: t("matchmaking.side.opportunity", { name: owner.nameJa }), en: t("matchmaking.side.opportunity", { name: owner.nameEn }) },
  };
  const fields: WorkflowField[] = [
    { name: "fromSide", label: "matchmaking.actFor", kind: "select", required: true, options: sides, optionLabels: sideLabels },
    { name: "message", label: "matchmaking.message", kind: "textarea", hint: "matchmaking.messageHint" },
  ];
  if (!open) {
    return (
      <button type="button" className="primary" aria-expanded={false} onClick={() => setOpen(true)}>
        {t("matchmaking.expressInterest")}
      </button>
    );
  }
  const prefix = `ei-${opportunityId.slice(0, 8)}-${company.id.slice(0, 8)}`;
  return (
    <div className="mm-express" role="group" aria-label={t("matchmaking.expressInterestIn", { name: title || name(company.nameJa, company.nameEn) })}>
      <WorkflowForm
        idPrefix={prefix}
        legend="matchmaking.expressInterest"
        fields={fields}
        initial={{ fromSide: sides[0]! }}
        submitLabel="matchmaking.send"
        submit={async (body) => {
          const created = await api<Interest>("POST", "/api/interests", { ...body, opportunityId, companyOrgId: company.id });
          navigate(`/matching/interests/${created.id}`);
        }}
        onDone={() => setOpen(false)}
      />
      <button type="button" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </button>
    </div>
  );
}

function Money({ amount, currency }: { amount: number | null; currency: string | null }) {
  const { locale } = useI18n();
  if (amount === null || !currency) return null;
  return <>{currency === "JPY" ? formatYen(amount, locale) : formatMoney(amount, currency, locale)}</>;
}

/** The dated timeline: each step with when, by whom, the state it left the interest in and its note. */
function History({ i }: { i: Interest }) {
  const { t, pick } = useI18n();
  const stepText = (h: Interest["history"][number]) =>
    h.step === "declined" ? t(h.fromState === "submitted" ? "matchmaking.declinedBy.broker" : "matchmaking.declinedBy.recipient") : pick(h.stepLabel);
  return (
    <section className="panel" aria-labelledby="mm-history">
      <h2 id="mm-history">{t("matchmaking.history")}</h2>
      {i.history.length ? (
        <ol className="mm-history" aria-labelledby="mm-history">
          {i.history.map((h, n) => (
            <li key={n}>
              <span className="mm-history-date">{h.at ? <TimestampText value={h.at} /> : t("matchmaking.history.noDate")}</span> <strong>{stepText(h)}</strong>{" "}
              <span className={`badge mm-state-${h.toState}`}>{pick(h.label)}</span>
              {h.by ? <span className="muted small"> {t("matchmaking.history.by", { name: h.by.displayName })}</span> : null}
              {h.backfilled ? <span className="muted small"> ({t("matchmaking.history.backfilled")})</span> : null}
              {h.note ? <p className="mm-history-note">{h.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t("matchmaking.none")}</p>
      )}
    </section>
  );
}

function NextStep({ i, onDone }: { i: Interest; onDone: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const recipient = i.fromSide === "company" ? i.opportunityOwner : i.company;
  const isBroker = canEdit(user, i.broker.id);
  const isRecipient = canEdit(user, recipient.id);
  const post = (action: string) => (body: Record<string, unknown>) => api<Interest>("POST", `/api/interests/${i.id}/${action}`, body);
  const accept = async () => {
    setBusy(true);
    try {
      await post("accept")({});
      setProblem(null);
      onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.problem : { status: 0, title: String(e), errors: [] });
    } finally {
      setBusy(false);
    }
  };
  if (i.state !== "submitted" && i.state !== "forwarded") return null;
  const declineFields: WorkflowField[] = [{ name: "reason", label: "matchmaking.reasonOptional", kind: "textarea" }];
  return (
    <section className="panel" aria-labelledby="mm-next">
      <h2 id="mm-next">{t("matchmaking.next")}</h2>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {i.state === "submitted" && isBroker ? (
        <div className="mm-steps">
          <WorkflowForm idPrefix="mm-forward" legend="matchmaking.forward" fields={[{ name: "note", label: "matchmaking.forwardNote", kind: "textarea" }]} submitLabel="matchmaking.forward" submit={post("forward")} onDone={onDone} />
          <WorkflowForm idPrefix="mm-decline" legend="matchmaking.decline" fields={declineFields} submitLabel="matchmaking.decline" submit={post("decline")} onDone={onDone} />
        </div>
      ) : i.state === "forwarded" && isRecipient ? (
        <div className="mm-steps">
          <div>
            <button type="button" className="primary" disabled={busy} onClick={() => void accept()}>
              {t("matchmaking.accept")}
            </button>
          </div>
          <WorkflowForm idPrefix="mm-decline" legend="matchmaking.decline" fields={declineFields} submitLabel="matchmaking.decline" submit={post("decline")} onDone={onDone} />
        </div>
      ) : (
        <p className="notice">{t(i.state === "submitted" ? "matchmaking.waitBroker" : "matchmaking.waitRecipient")}</p>
      )}
    </section>
  );
}

const MEETING_FIELDS: WorkflowField[] = [
  { name: "mode", label: "matchmaking.mode", kind: "select", required: true, options: Object.keys(MEETING_MODE_LABELS), optionLabels: MEETING_MODE_LABELS },
  { name: "meetsOn", label: "matchmaking.meetsOn", kind: "date", required: true },
  { name: "eventId", label: "matchmaking.eventId", kind: "text", showIf: (v) => v.mode === "event" },
  { name: "place", label: "matchmaking.place", kind: "text" },
  { name: "note", label: "matchmaking.note", kind: "textarea" },
];

const money: WorkflowField[] = [
  { name: "salesAmount", label: "matchmaking.salesAmount", kind: "number" },
  { name: "currency", label: "matchmaking.currency", kind: "text", hint: "matchmaking.currencyHint" },
  { name: "note", label: "matchmaking.note", kind: "textarea" },
];

function Meetings({ i, editable, onDone }: { i: Interest; editable: boolean; onDone: () => void }) {
  const { t, pick } = useI18n();
  const canAdd = editable && ["accepted", "meeting", "negotiating"].includes(i.state);
  if (!i.meetings.length && !canAdd) return null;
  return (
    <section className="panel" aria-labelledby="mm-meetings">
      <h2 id="mm-meetings">{t("matchmaking.meetings")}</h2>
      {i.meetings.length ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("matchmaking.meetings")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("matchmaking.meetsOn")}</th>
                <th scope="col">{t("matchmaking.mode")}</th>
                <th scope="col">{t("matchmaking.place")}</th>
                <th scope="col">{t("matchmaking.note")}</th>
              </tr>
            </thead>
            <tbody>
              {i.meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <DateText value={m.meetsOn} />
                  </th>
                  <td>{pick(MEETING_MODE_LABELS[m.mode] ?? { ja: m.mode, en: m.mode })}</td>
                  <td>{m.place}</td>
                  <td>{m.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("matchmaking.none")}</p>
      )}
      {canAdd ? (
        <WorkflowForm
          idPrefix="mm-meeting"
          legend="matchmaking.recordMeeting"
          fields={MEETING_FIELDS}
          initial={{ mode: "in_person", meetsOn: today() }}
          submitLabel="matchmaking.recordMeeting"
          submit={(body) => api<Interest>("POST", `/api/interests/${i.id}/meetings`, body)}
          onDone={onDone}
        />
      ) : null}
    </section>
  );
}

function Outcomes({ i, editable, onDone }: { i: Interest; editable: boolean; onDone: () => void }) {
  const { t, pick, locale } = useI18n();
  const kinds = editable ? outcomeKindsFor(i.state) : [];
  const openFollowUps = editable && i.state === "agreed" ? i.followUps.filter((f) => !f.done).map((f) => f.milestone) : [];
  if (!i.outcomes.length && !kinds.length) return null;
  return (
    <section className="panel" aria-labelledby="mm-outcomes">
      <h2 id="mm-outcomes">{t("matchmaking.outcomes")}</h2>
      {i.outcomes.length ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("matchmaking.outcomes")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("matchmaking.occurredOn")}</th>
                <th scope="col">{t("matchmaking.outcomeKind")}</th>
                <th scope="col" className="num">
                  {t("matchmaking.salesAmount")}
                </th>
                <th scope="col" className="num">
                  {t("matchmaking.kpiSales")}
                </th>
                <th scope="col">{t("matchmaking.note")}</th>
              </tr>
            </thead>
            <tbody>
              {i.outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <DateText value={o.occurredOn} />
                  </th>
                  <td>{pick(OUTCOME_KIND_LABELS[o.kind] ?? { ja: o.kind, en: o.kind })}</td>
                  <td className="num">
                    <Money amount={o.salesAmount} currency={o.currency} />
                  </td>
                  <td className="num">{o.kpiSalesJpy !== null ? formatYen(o.kpiSalesJpy, locale) : ""}</td>
                  <td>{o.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("matchmaking.none")}</p>
      )}
      {kinds.length ? (
        <WorkflowForm
          key={i.state}
          idPrefix="mm-outcome"
          legend="matchmaking.recordOutcome"
          fields={[{ name: "kind", label: "matchmaking.outcomeKind", kind: "select", required: true, options: kinds, optionLabels: OUTCOME_KIND_LABELS }, { name: "occurredOn", label: "matchmaking.occurredOn", kind: "date", required: true }, ...money]}
          initial={{ kind: kinds[0]!, occurredOn: today() }}
          submitLabel="matchmaking.recordOutcome"
          submit={(body) => api<Interest>("POST", `/api/interests/${i.id}/outcomes`, body)}
          onDone={onDone}
        />
      ) : null}
      {i.followUps.length ? (
        <>
          <h3>{t("matchmaking.followUps")}</h3>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t("matchmaking.followUps")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("matchmaking.milestone")}</th>
                  <th scope="col">{t("matchmaking.due")}</th>
                  <th scope="col">{t("matchmaking.state")}</th>
                </tr>
              </thead>
              <tbody>
                {i.followUps.map((f) => (
                  <tr key={f.milestone}>
                    <th scope="row">{pick(MILESTONE_LABELS[f.milestone]!)}</th>
                    <td>
                      <DateText value={f.due} />
                    </td>
                    <td>{f.done ? <span className="badge mm-status-published">{t("matchmaking.done")}</span> : t("matchmaking.notDone")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {openFollowUps.length ? (
        <WorkflowForm
          key={openFollowUps.join()}
          idPrefix="mm-follow-up"
          legend="matchmaking.recordFollowUp"
          fields={[{ name: "milestone", label: "matchmaking.milestone", kind: "select", required: true, options: openFollowUps, optionLabels: MILESTONE_LABELS }, { name: "occurredOn", label: "matchmaking.occurredOn", kind: "date", required: true }, ...money]}
          initial={{ milestone: openFollowUps[0]!, occurredOn: today() }}
          submitLabel="matchmaking.recordFollowUp"
          submit={(body) => api<Interest>("POST", `/api/interests/${i.id}/follow-ups`, body)}
          onDone={onDone}
        />
      ) : null}
    </section>
  );
}

export function InterestPage({ id }: { id: string }) {
  const { t, name, pick } = useI18n();
  const { user } = useSession();
  const { data: i, error, reload } = useFetch<Interest>(user ? `/api/interests/${id}` : null);
  if (!user) {
    return (
      <p className="notice">
        <Link to="/sign-in">{t("auth.signIn")}</Link>
      </p>
    );
  }
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!i) return <Loading />;
  const editable = [i.company.id, i.opportunityOwner.id, i.broker.id].some((o) => canEdit(user, o));
  // The message, the government's note and the reason for declining stand at their step in the timeline.
  const inTimeline = (text: string | null) => !!text && i.history.some((h) => h.note === text);
  return (
    <>
      <PageHeader kicker={t("matchmaking.interest")} title={t("matchmaking.interestTitle", { company: name(i.company.nameJa, i.company.nameEn), owner: name(i.opportunityOwner.nameJa, i.opportunityOwner.nameEn) })}>
        <span className={`badge mm-state-${i.state}`}>{pick(INTEREST_STATE_LABELS[i.state] ?? { ja: i.state, en: i.state })}</span>
      </PageHeader>
      <MatchingTabs />
      <div className="detail-grid">
        <section className="panel">
          <h2>{t("common.details")}</h2>
          <Details
            rows={[
              { label: "matchmaking.company", value: <Link to={`/matching/companies/${i.company.id}`}>{name(i.company.nameJa, i.company.nameEn)}</Link> },
              { label: "matchmaking.opportunity", value: <Link to={`/matching/opportunities/${i.opportunityId}`}>{opportunityTitle(i.opportunity, name, pick)}</Link> },
              { label: "matchmaking.owner", value: <OrgLink id={i.opportunityOwner.id} ja={i.opportunityOwner.nameJa} en={i.opportunityOwner.nameEn} /> },
              { label: "matchmaking.broker", value: <OrgLink id={i.broker.id} ja={i.broker.nameJa} en={i.broker.nameEn} /> },
              { label: "matchmaking.fromSide", value: t(i.fromSide === "company" ? "matchmaking.fromSide.company" : "matchmaking.fromSide.opportunity") },
              { label: "matchmaking.message", value: inTimeline(i.message) ? null : i.message },
              { label: "matchmaking.brokerNote", value: inTimeline(i.brokerNote) ? null : i.brokerNote },
              { label: "matchmaking.declineReason", value: i.state === "declined" && !inTimeline(i.declineReason) ? [i.declinedBy ? t(i.declinedBy === "broker" ? "matchmaking.declinedBy.broker" : "matchmaking.declinedBy.recipient") : "", i.declineReason].filter(Boolean).join(" — ") : null },
            ]}
          />
        </section>
        <History i={i} />
      </div>
      <NextStep i={i} onDone={reload} />
      <Meetings i={i} editable={editable} onDone={reload} />
      <Outcomes i={i} editable={editable} onDone={reload} />
    </>
  );
}
