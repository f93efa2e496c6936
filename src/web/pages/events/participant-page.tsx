/**
 * @module web/pages/events/participant-page
 * A participant's own page: its status, the meeting requests it received (accept or decline before they
 * expire) and sent (withdraw), a form to ask another approved participant for a meeting with a priority,
 * its availability per time slot, and its notifications (unread count in the header; notifications-panel.tsx).
 * The organisers see the same page for any participant.
 */
import { useEffect, useState, type FormEvent } from "react";
import { Details, LoadError, Loading, PageHeader, TimestampText } from "../../components/display.tsx";
import { FollowUpForm, followUpDue, followUpDueOn } from "./follow-up.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { countryName, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import {
  EventCrumb,
  PARTICIPANT_STATUS_LABELS,
  PARTICIPANT_TYPE_LABELS,
  REQUEST_STATUS_LABELS,
  toProblem,
  ZoneNote,
  type TEvent,
  type TParticipant,
  type TRequest,
  type TSlot,
} from "./common.tsx";
import { NotificationsLink, NotificationsPanel, useNotifications } from "./notifications-panel.tsx";
import { SuggestionsPanel } from "./suggestions-panel.tsx";
import { formatDay, formatTimeRange, groupByDay } from "./time.ts";

function RequestStatus({ request }: { request: TRequest }) {
  const { pick } = useI18n();
  return <span className={`badge request-status ${request.status}`}>{pick(REQUEST_STATUS_LABELS[request.status])}</span>;
}

function Stars({ priority }: { priority: number }) {
  const { t } = useI18n();
  return <span title={t("events.priorityN", { n: priority })}>{t("events.priorityN", { n: priority })}</span>;
}

function Requests({ event, participant, requests, onChanged }: { event: TEvent; participant: TParticipant; requests: TRequest[]; onChanged: () => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (r: TRequest, path: string, body?: unknown) => {
    setBusy(r.id);
    setProblem(null);
    try {
      await api("POST", `/api/events/${event.id}/requests/${r.id}/${path}`, body ?? {});
      onChanged();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(null);
    }
  };
  const incoming = requests.filter((r) => r.toParticipantId === participant.id);
  const outgoing = requests.filter((r) => r.fromParticipantId === participant.id);
  const table = (list: TRequest[], dir: "in" | "out") => (
    <div className="table-wrap">
      <table>
        <caption>{t(dir === "in" ? "events.incoming" : "events.outgoing")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(dir === "in" ? "events.from" : "events.to")}</th>
            <th scope="col">{t("events.priority")}</th>
            <th scope="col">{t("events.message")}</th>
            <th scope="col">{t("events.status")}</th>
            <th scope="col">{t("events.expires")}</th>
            <th scope="col">{t("events.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {list.length ? (
            list.map((r) => {
              const other = dir === "in" ? r.fromName : r.toName;
              return (
                <tr key={r.id} id={`request-${r.id}`} className="request-row">
                  <th scope="row">{other}</th>
                  <td>
                    <Stars priority={r.priority} />
                  </td>
                  <td>{r.message ?? ""}</td>
                  <td>
                    <RequestStatus request={r} />
                  </td>
                  <td>{r.status === "pending" || r.status === "expired" ? <TimestampText value={r.expiresAt} /> : null}</td>
                  <td className="actions-cell">
                    {r.status === "pending" && dir === "in" ? (
                      <>
                        <button type="button" className="small primary" disabled={busy === r.id} onClick={() => void act(r, "answer", { answer: "accept" })} aria-label={t("events.acceptFrom", { name: other })}>
                          {t("events.accept")}
                        </button>
                        <button type="button" className="small danger" disabled={busy === r.id} onClick={() => void act(r, "answer", { answer: "decline" })} aria-label={t("events.declineFrom", { name: other })}>
                          {t("events.decline")}
                        </button>
                      </>
                    ) : null}
                    {r.status === "pending" && dir === "out" ? (
                      <button type="button" className="small" disabled={busy === r.id} onClick={() => void act(r, "withdraw")} aria-label={t("events.withdrawTo", { name: other })}>
                        {t("events.withdraw")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })
          ) : (
            <tr>
              <td colSpan={6} className="empty">
                {t("events.noRequests")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {table(incoming, "in")}
      {table(outgoing, "out")}
    </>
  );
}

function SendRequest({ event, participant, initialTo, onSent }: { event: TEvent; participant: TParticipant; initialTo: string; onSent: () => void }) {
  const { t, pick } = useI18n();
  const others = useFetch<TParticipant[]>(`/api/events/${event.id}/participants?status=approved`);
  const [to, setTo] = useState(initialTo);
  const [priority, setPriority] = useState("2");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const choices = (others.data ?? []).filter((p) => p.id !== participant.id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setSent(null);
    try {
      const created = await api<TRequest & { merged: boolean }>("POST", `/api/events/${event.id}/requests`, {
        fromParticipantId: participant.id,
        toParticipantId: to,
        priority: Number(priority),
        message: message || null,
      });
      setSent(t(created.merged ? "events.requestMerged" : "events.requestSent", { name: created.toName }));
      setMessage("");
      setTo("");
      onSent();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  if (others.error) return <LoadError error={others.error} onRetry={others.reload} />;
  return (
    <form className="events-form" onSubmit={submit}>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {sent ? (
        <p role="status" className="notice">
          {sent}
        </p>
      ) : null}
      <div className="form-grid">
        <div className="field half">
          <label htmlFor="req-to">{t("events.requestWith")}</label>
          <select id="req-to" value={to} onChange={(e) => setTo(e.target.value)} required>
            <option value="">{t("form.chooseOne")}</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} — {pick(PARTICIPANT_TYPE_LABELS[p.participantType])}
              </option>
            ))}
          </select>
        </div>
        <div className="field half">
          <label htmlFor="req-priority">{t("events.priority")}</label>
          <select id="req-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {["3", "2", "1"].map((n) => (
              <option key={n} value={n}>
                {t(`events.priority${n}` as "events.priority1")}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="req-message">{t("events.message")}</label>
          <textarea id="req-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t("events.expiryHint", { hours: Math.round((event.requestExpiryMinutes / 60) * 10) / 10 })}</p>
      <button type="submit" className="primary" disabled={busy || !to}>
        {t("events.sendRequest")}
      </button>
    </form>
  );
}

function Availability({ event, participant, onSaved }: { event: TEvent; participant: TParticipant; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const slots = useFetch<TSlot[]>(`/api/events/${event.id}/slots`);
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (slots.data) setChosen(new Set(participant.availableSlotIds ?? slots.data.map((s) => s.id)));
  }, [slots.data, participant.availableSlotIds]);
  if (slots.error) return <LoadError error={slots.error} onRetry={slots.reload} />;
  if (!slots.data || !chosen) return <Loading />;
  if (!slots.data.length) return <p className="empty">{t("events.noSlots")}</p>;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await api("PUT", `/api/events/${event.id}/participants/${participant.id}/availability`, { availableSlotIds: slots.data!.filter((s) => chosen.has(s.id)).map((s) => s.id) });
      setSaved(true);
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="events-form" onSubmit={submit}>
      <ZoneNote timeZone={event.timeZone} at={slots.data[0]!.startsAt} />
      {problem ? <ProblemAlert problem={problem} /> : null}
      {groupByDay(slots.data, (s) => s.startsAt, event.timeZone).map((g) => (
        <fieldset key={g.day} className="availability-day">
          <legend>{formatDay(g.first, event.timeZone, locale)}</legend>
          <ul className="availability">
            {g.items.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />{" "}
                  {formatTimeRange(s.startsAt, s.endsAt, event.timeZone, locale)}
                  {s.room ? <span className="muted"> · {s.room}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <button type="submit" disabled={busy}>
        {t("events.saveAvailability")}
      </button>
      {saved ? (
        <p role="status" className="muted">
          {t("events.availabilitySaved")}
        </p>
      ) : null}
    </form>
  );
}

export function ParticipantPage({ eventId, pid }: { eventId: string; pid: string }) {
  const { t, pick, name, locale } = useI18n();
  const event = useFetch<TEvent>(`/api/events/${eventId}`);
  const participant = useFetch<TParticipant>(`/api/events/${eventId}/participants/${pid}`);
  const requests = useFetch<TRequest[]>(`/api/events/${eventId}/requests?participantId=${pid}`);
  const notifications = useNotifications(eventId, pid);
  // A suggestion's "Ask for a meeting" restarts the request form with that participant chosen.
  const [asked, setAsked] = useState({ to: "", n: 0 });
  const error = event.error ?? participant.error;
  if (error) return <LoadError error={error} onRetry={() => (event.reload(), participant.reload())} />;
  if (!event.data || !participant.data) return <Loading />;
  const e = event.data;
  const p = participant.data;
  const approved = p.status === "approved";
  const open = e.status !== "held" && e.status !== "cancelled";
  return (
    <>
      <EventCrumb event={e} />
      <PageHeader
        title={p.name}
        kicker={name(e.nameJa, e.nameEn)}
        actions={
          <>
            <NotificationsLink notifications={notifications} />
            {approved ? (
              <Link className="button primary" to={`/events/${e.id}/participants/${p.id}/agenda`}>
                {t("events.agenda")}
              </Link>
            ) : null}
          </>
        }
      >
        <p className="subtitle">
          {pick(PARTICIPANT_TYPE_LABELS[p.participantType])} · <span className={`badge participant-status ${p.status}`}>{pick(PARTICIPANT_STATUS_LABELS[p.status])}</span>
        </p>
      </PageHeader>
      {p.status === "pending" ? <p className="notice">{t("events.pendingNotice")}</p> : null}
      <section className="panel" aria-labelledby="p-notifications">
        {/* Request rows are anchors only where the requests panel is shown (approved participants). */}
        <NotificationsPanel eventId={e.id} pid={p.id} notifications={notifications} requests={approved ? (requests.data ?? []) : []} />
      </section>
      <section className="panel" aria-labelledby="p-profile">
        <h2 id="p-profile">{t("events.profile")}</h2>
        <Details
          rows={[
            { label: "events.organisation", value: name(p.orgNameJa, p.orgNameEn) || null },
            { label: "events.contact", value: [p.contactName, p.contactEmail].filter(Boolean).join(" · ") || null },
            { label: "events.offer", value: p.offer },
            { label: "events.seek", value: p.seek },
            { label: "events.country", value: p.country ? countryName(p.country, locale) : null },
            { label: "events.maxMeetings", value: p.maxMeetings ?? e.defaultMaxMeetings ?? null },
          ]}
        />
      </section>
      {approved ? (
        <>
          <section className="panel" aria-labelledby="p-requests">
            <h2 id="p-requests">{t("events.requests")}</h2>
            {requests.error ? <LoadError error={requests.error} onRetry={requests.reload} /> : requests.data ? <Requests event={e} participant={p} requests={requests.data} onChanged={() => (requests.reload(), notifications.reload())} /> : <Loading />}
          </section>
          <section className="panel" aria-labelledby="p-suggestions">
            <SuggestionsPanel
              eventId={e.id}
              pid={p.id}
              canAsk={open}
              onAsk={(to) => {
                setAsked((a) => ({ to, n: a.n + 1 }));
                requestAnimationFrame(() => document.getElementById("req-priority")?.focus());
              }}
            />
          </section>
          {open ? (
            <section className="panel" aria-labelledby="p-send">
              <h2 id="p-send">{t("events.askForMeeting")}</h2>
              <SendRequest key={asked.n} event={e} participant={p} initialTo={asked.to} onSent={requests.reload} />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="p-availability">
            <h2 id="p-availability">{t("events.availability")}</h2>
            <p className="muted small">{t("events.availabilityHint")}</p>
            <Availability event={e} participant={p} onSaved={participant.reload} />
          </section>
          {followUpDue(e, p, new Date().toISOString().slice(0, 10)) ? (
            <section className="panel" aria-labelledby="p-follow-up">
              <h2 id="p-follow-up">{t("events.fuTitle")}</h2>
              <p className="muted small">{t("events.fuIntro", { due: formatPartialDate(followUpDueOn(e.endsOn, e.followUpMonths), locale) })}</p>
              <FollowUpForm event={e} participant={p} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
