/**
 * @module web/pages/events/events-pages
 * Trade fairs, business missions, seminars and online sessions: the list of events (public ones for
 * everyone), and one event's page — its dates in the event's time zone and the reader's language, venue,
 * organisers and sessions; registration for a signed-in organisation; the reader's own participation; and
 * for the organisers the participants with approval, and links to the grid, calendar, XLSX and report.
 */
import { useState, type FormEvent } from "react";
import { DateText, Details, LoadError, Loading, OrgLink, PageHeader } from "../../components/display.tsx";
import { ListView, SearchAndFilters, useListParams, type Column, type FilterSpec } from "../../components/list-view.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { countryName, formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canCreate, useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_STATUS_LABELS,
  EVENT_STATUSES,
  ORGANISER_ROLE_LABELS,
  PARTICIPANT_STATUS_LABELS,
  PARTICIPANT_TYPE_LABELS,
  PARTICIPANT_TYPES,
  SlotText,
  toProblem,
  ZoneNote,
  type TEvent,
  type TParticipant,
  type TSession,
} from "./common.tsx";
import { AddSession, SlotList } from "./organiser-pages.tsx";

const eventFilters: FilterSpec[] = [
  { name: "kind", label: "events.kind", kind: "select", options: EVENT_KINDS, optionLabels: EVENT_KIND_LABELS },
  { name: "status", label: "events.status", kind: "select", options: EVENT_STATUSES, optionLabels: EVENT_STATUS_LABELS },
  { name: "from", label: "events.fromDate", kind: "date" },
];

/** First and last day, as local dates at the venue (one date when the event lasts a day). */
function EventDates({ event }: { event: Pick<TEvent, "startsOn" | "endsOn"> }) {
  if (event.startsOn === event.endsOn) return <DateText value={event.startsOn} />;
  return (
    <span className="nowrap-dates">
      <DateText value={event.startsOn} /> – <DateText value={event.endsOn} />
    </span>
  );
}

function EventName({ event }: { event: TEvent }) {
  const { name } = useI18n();
  return <Link to={`/events/${event.id}`}>{name(event.nameJa, event.nameEn)}</Link>;
}

function Place({ event }: { event: TEvent }) {
  const { name, locale } = useI18n();
  const parts = [name(event.venueJa, event.venueEn), event.cityEn, event.country ? countryName(event.country, locale) : null].filter(Boolean);
  return <>{parts.join(", ")}</>;
}

function eventColumns(): Column<TEvent>[] {
  return [
    { key: "name", label: "events.name", sort: "nameEn", render: (e) => <EventName event={e} /> },
    { key: "kind", label: "events.kind", render: (e) => <KindText event={e} /> },
    { key: "dates", label: "events.dates", sort: "startsOn", render: (e) => <EventDates event={e} /> },
    { key: "place", label: "events.place", render: (e) => <Place event={e} /> },
    { key: "organisers", label: "events.organisers", render: (e) => <OrgLink id={e.ownerOrgId} ja={e.ownerNameJa} en={e.ownerNameEn} /> },
    { key: "status", label: "events.status", render: (e) => <StatusBadge event={e} /> },
  ];
}

function KindText({ event }: { event: TEvent }) {
  const { pick } = useI18n();
  return <>{pick(EVENT_KIND_LABELS[event.kind])}</>;
}

function StatusBadge({ event }: { event: Pick<TEvent, "status"> }) {
  const { pick } = useI18n();
  return <span className={`badge event-status ${event.status}`}>{pick(EVENT_STATUS_LABELS[event.status])}</span>;
}

export function EventsPage() {
  const { t } = useI18n();
  const params = useListParams(eventFilters);
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title={t("events.title")}
        actions={
          canCreate(user) ? (
            <Link to="/events/new" className="button primary">
              {t("events.new")}
            </Link>
          ) : null
        }
      >
        <p className="subtitle">{t("events.intro")}</p>
      </PageHeader>
      <SearchAndFilters filters={eventFilters} idPrefix="events" />
      <ListView<TEvent> path="/api/events" columns={eventColumns()} rowKey={(e) => e.id} caption="events.listCaption" params={{ sort: "startsOn", ...params }} />
    </>
  );
}

function Sessions({ event }: { event: TEvent }) {
  const { t, name, locale } = useI18n();
  const { data, error, reload } = useFetch<TSession[]>(`/api/events/${event.id}/sessions`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  if (!data.length) return <p className="empty">{t("events.noSessions")}</p>;
  return (
    <>
      <ZoneNote timeZone={event.timeZone} at={data[0]!.startsAt} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("events.sessions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("events.session")}</th>
              <th scope="col">{t("events.time")}</th>
              <th scope="col">{t("events.room")}</th>
              <th scope="col" className="num">{t("events.slotCount")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr key={s.id}>
                <th scope="row">{name(s.nameJa, s.nameEn)}</th>
                <td>
                  <SlotText slot={{ startsAt: s.startsAt, endsAt: s.endsAt }} timeZone={event.timeZone} />
                </td>
                <td>{s.room ?? ""}</td>
                <td className="num">{formatNumber(s.slotCount, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** A signed-in member (admin or staff) registers their organisation while registration is open. */
function Registration({ event, registered, onDone }: { event: TEvent; registered: ReadonlySet<string | null>; onDone: (p: TParticipant) => void }) {
  const { t, pick, name } = useI18n();
  const { user } = useSession();
  const orgs = writableMemberships(user).filter((m) => !registered.has(m.orgId));
  const [orgId, setOrgId] = useState(orgs[0]?.orgId ?? "");
  const [type, setType] = useState<(typeof PARTICIPANT_TYPES)[number]>("seller");
  const [offer, setOffer] = useState("");
  const [seek, setSeek] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!user) {
    return (
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(`/events/${event.id}`)}`}>{t("events.signInToRegister")}</Link>
      </p>
    );
  }
  if (!orgs.length) return registered.size ? null : <p className="muted">{t("auth.noOrganisation")}</p>;
  const chosen = orgs.some((m) => m.orgId === orgId) ? orgId : (orgs[0]?.orgId ?? "");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const created = await api<TParticipant>("POST", `/api/events/${event.id}/participants`, { orgId: chosen, participantType: type, offer: offer || null, seek: seek || null });
      onDone(created);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="events-form" onSubmit={submit} aria-labelledby="register-heading">
      <h3 id="register-heading">{t("events.register")}</h3>
      {problem ? <ProblemAlert problem={problem} /> : null}
      <div className="form-grid">
        <div className="field half">
          <label htmlFor="reg-org">{t("events.registerAs")}</label>
          <select id="reg-org" value={chosen} onChange={(e) => setOrgId(e.target.value)}>
            {orgs.map((m) => (
              <option key={m.orgId} value={m.orgId}>
                {name(m.orgNameJa, m.orgNameEn)}
              </option>
            ))}
          </select>
        </div>
        <div className="field half">
          <label htmlFor="reg-type">{t("events.participantType")}</label>
          <select id="reg-type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            {PARTICIPANT_TYPES.map((p) => (
              <option key={p} value={p}>
                {pick(PARTICIPANT_TYPE_LABELS[p])}
              </option>
            ))}
          </select>
        </div>
        <div className="field half">
          <label htmlFor="reg-offer">{t("events.offer")}</label>
          <textarea id="reg-offer" rows={2} value={offer} onChange={(e) => setOffer(e.target.value)} />
        </div>
        <div className="field half">
          <label htmlFor="reg-seek">{t("events.seek")}</label>
          <textarea id="reg-seek" rows={2} value={seek} onChange={(e) => setSeek(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t("events.registerHint")}</p>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("common.saving") : t("events.registerButton")}
      </button>
    </form>
  );
}

/** The reader's own participants in this event (linked user or member of the organisation). */
function YourParticipation({ event, participants }: { event: TEvent; participants: TParticipant[] }) {
  const { t, pick } = useI18n();
  if (!participants.length) return null;
  return (
    <ul className="events-mine">
      {participants.map((p) => (
        <li key={p.id}>
          <Link to={`/events/${event.id}/participants/${p.id}`}>{p.name}</Link> <span className="muted">{pick(PARTICIPANT_TYPE_LABELS[p.participantType])}</span>{" "}
          <span className={`badge participant-status ${p.status}`}>{pick(PARTICIPANT_STATUS_LABELS[p.status])}</span>
          {p.status === "approved" ? (
            <>
              {" · "}
              <Link to={`/events/${event.id}/participants/${p.id}/agenda`}>{t("events.agenda")}</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Organisers: every participant, with approval of pending registrations. */
function ManageParticipants({ event }: { event: TEvent }) {
  const { t, pick } = useI18n();
  const { data, error, reload } = useFetch<TParticipant[]>(`/api/events/${event.id}/participants`);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const decide = async (p: TParticipant, status: "approved" | "rejected") => {
    setBusy(p.id);
    setProblem(null);
    try {
      await api("POST", `/api/events/${event.id}/participants/${p.id}/decision`, { status });
      reload();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(null);
    }
  };
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {data.length ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("events.participants")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.participant")}</th>
                <th scope="col">{t("events.participantType")}</th>
                <th scope="col">{t("events.organisation")}</th>
                <th scope="col">{t("events.contact")}</th>
                <th scope="col">{t("events.status")}</th>
                <th scope="col">{t("events.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/events/${event.id}/participants/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{pick(PARTICIPANT_TYPE_LABELS[p.participantType])}</td>
                  <td>{p.orgId ? <OrgLink id={p.orgId} ja={p.orgNameJa} en={p.orgNameEn} /> : ""}</td>
                  <td>{[p.contactName, p.contactEmail].filter(Boolean).join(" · ")}</td>
                  <td>
                    <span className={`badge participant-status ${p.status}`}>{pick(PARTICIPANT_STATUS_LABELS[p.status])}</span>
                  </td>
                  <td className="actions-cell">
                    {p.status === "pending" || p.status === "rejected" ? (
                      <button type="button" className="small" disabled={busy === p.id} onClick={() => void decide(p, "approved")} aria-label={t("events.approveNamed", { name: p.name })}>
                        {t("events.approve")}
                      </button>
                    ) : null}
                    {p.status === "pending" || p.status === "approved" ? (
                      <button type="button" className="small danger" disabled={busy === p.id} onClick={() => void decide(p, "rejected")} aria-label={t("events.rejectNamed", { name: p.name })}>
                        {t("events.reject")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("events.noParticipants")}</p>
      )}
    </>
  );
}

/** Links to the organisers' tools and files. */
function OrganiserLinks({ event }: { event: TEvent }) {
  const { t, locale } = useI18n();
  return (
    <ul className="events-links">
      <li>
        <Link to={`/events/${event.id}/grid`} className="button primary">
          {t("events.grid")}
        </Link>
      </li>
      <li>
        <Link to={`/events/${event.id}/edit`} className="button">
          {t("events.edit")}
        </Link>
      </li>
      <li>
        <Link to={`/events/${event.id}/report`} className="button">
          {t("events.report")}
        </Link>
      </li>
      <li>
        <Link to={`/events/${event.id}/import`} className="button">
          {t("events.importTitle")}
        </Link>
      </li>
      <li>
        <a className="button" href={`/api/events/${event.id}/participants.xlsx`} download>
          {t("events.participantsXlsx")}
        </a>
      </li>
      <li>
        <a className="button" href={`/api/events/${event.id}/badges.pdf`} download>
          {t("events.badgesPdf")}
        </a>
      </li>
      <li>
        <a className="button" href={`/api/events/${event.id}/participants.pdf`} download>
          {t("events.participantsPdf")}
        </a>
      </li>
      <li>
        <a className="button" href={`/api/events/${event.id}/agenda.ics?lang=${locale}`} download>
          {t("events.eventIcs")}
        </a>
      </li>
    </ul>
  );
}

export function EventPage({ id }: { id: string }) {
  const { t, pick, name, locale } = useI18n();
  const { data: event, error, reload } = useFetch<TEvent>(`/api/events/${id}`);
  const [version, setVersion] = useState(0);
  const ids = event?.you.participantIds ?? [];
  const mine = useLoader<TParticipant[]>(ids.length ? `${id}:${ids.join(",")}` : null, () => Promise.all(ids.map((pid) => api<TParticipant>("GET", `/api/events/${id}/participants/${pid}`))));
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!event) return <Loading />;
  const myParticipants = mine.data ?? [];
  return (
    <>
      <p className="events-crumb">
        <Link to="/events">{t("events.title")}</Link>
      </p>
      <PageHeader title={name(event.nameJa, event.nameEn)} kicker={pick(EVENT_KIND_LABELS[event.kind])} actions={<StatusBadge event={event} />}>
        {name(event.descriptionJa, event.descriptionEn) ? <p className="subtitle">{name(event.descriptionJa, event.descriptionEn)}</p> : null}
      </PageHeader>
      <div className="detail-grid">
        <section className="panel" aria-labelledby="event-about">
          <h2 id="event-about">{t("events.about")}</h2>
          <Details
            rows={[
              { label: "events.dates", value: <EventDates event={event} /> },
              { label: "events.timeZone", value: event.timeZone },
              { label: "events.venue", value: name(event.venueJa, event.venueEn) || null },
              { label: "events.city", value: event.cityEn },
              { label: "events.country", value: event.country ? countryName(event.country, locale) : null },
              { label: "events.online", value: event.onlineUrl ? <a href={event.onlineUrl}>{event.onlineUrl}</a> : null },
              { label: "events.meetingLength", value: t("events.minutes", { n: formatNumber(event.meetingMinutes, locale) }) },
              { label: "events.tables", value: event.tables.count ? formatNumber(event.tables.count, locale) : null },
            ]}
          />
        </section>
        <section className="panel" aria-labelledby="event-organisers">
          <h2 id="event-organisers">{t("events.organisers")}</h2>
          <ul className="events-organisers">
            {event.organisers.map((o) => (
              <li key={o.orgId}>
                <OrgLink id={o.orgId} ja={o.nameJa} en={o.nameEn} /> <span className="muted">{pick(ORGANISER_ROLE_LABELS[o.role])}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="panel" aria-labelledby="event-sessions">
        <h2 id="event-sessions">{t("events.sessions")}</h2>
        <Sessions key={version} event={event} />
        <h3>{t("events.slots")}</h3>
        <SlotList key={`slots-${version}`} event={event} />
        {event.you.canManage ? <AddSession event={event} onAdded={() => setVersion((v) => v + 1)} /> : null}
      </section>
      <section className="panel" aria-labelledby="event-participation">
        <h2 id="event-participation">{t("events.participation")}</h2>
        <YourParticipation event={event} participants={myParticipants} />
        {event.status === "registration_open" ? (
          <Registration event={event} registered={new Set(myParticipants.map((p) => p.orgId))} onDone={(p) => navigate(`/events/${event.id}/participants/${p.id}`)} />
        ) : (
          <p className="muted">{t("events.registrationClosed", { status: pick(EVENT_STATUS_LABELS[event.status]) })}</p>
        )}
      </section>
      {event.you.canManage ? (
        <section className="panel" aria-labelledby="event-manage">
          <h2 id="event-manage">{t("events.manage")}</h2>
          <OrganiserLinks event={event} />
          <h3>{t("events.participants")}</h3>
          <ManageParticipants event={event} />
        </section>
      ) : null}
    </>
  );
}
