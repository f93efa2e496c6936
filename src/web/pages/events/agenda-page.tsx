/**
 * @module web/pages/events/agenda-page
 * A participant's personal agenda: the placed meetings in time order (day and time in the event's zone,
 * table, the other side with organisation and country), the accepted ones not yet placed, a print button
 * (the print stylesheet leaves out the app's chrome) and the `.ics` file for a calendar.
 */
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { countryName } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EventCrumb, MEETING_STATUS_LABELS, PARTICIPANT_TYPE_LABELS, ZoneNote, type TAgenda, type TMeeting } from "./common.tsx";
import { AgendaMeetingActions } from "./meeting-actions.tsx";
import { formatDay, formatTimeRange, groupByDay } from "./time.ts";

type Other = TAgenda["meetings"][number]["with"];

function OtherSide({ other }: { other: Other }) {
  const { pick, name, locale } = useI18n();
  const org = name(other.orgNameJa, other.orgNameEn);
  return (
    <>
      <strong>{other.name}</strong>
      <span className="muted">
        {" "}
        · {pick(PARTICIPANT_TYPE_LABELS[other.participantType])}
        {org && org !== other.name ? ` · ${org}` : ""}
        {other.country ? ` · ${countryName(other.country, locale)}` : ""}
      </span>
    </>
  );
}

export function AgendaPage({ eventId, pid }: { eventId: string; pid: string }) {
  const { t, pick, name, locale } = useI18n();
  const { data, error, reload } = useFetch<TAgenda>(`/api/events/${eventId}/participants/${pid}/agenda`);
  const meetings = useFetch<TMeeting[]>(`/api/events/${eventId}/meetings?participantId=${pid}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const byId = new Map((meetings.data ?? []).map((m) => [m.id, m]));
  const changed = () => (reload(), meetings.reload());
  const zone = data.event.timeZone;
  const days = groupByDay(data.meetings, (m) => m.slot.startsAt, zone);
  const venue = name(data.event.venueJa, data.event.venueEn);
  return (
    <div className="agenda">
      <EventCrumb event={data.event} />
      <PageHeader
        title={t("events.agendaOf", { name: data.participant.name })}
        kicker={name(data.event.nameJa, data.event.nameEn)}
        actions={
          <>
            <button type="button" onClick={() => window.print()}>
              {t("events.print")}
            </button>
            <a className="button" href={`/api/events/${eventId}/participants/${pid}/agenda.ics?lang=${locale}`} download>
              {t("events.downloadIcs")}
            </a>
          </>
        }
      >
        <p className="subtitle">
          {pick(PARTICIPANT_TYPE_LABELS[data.participant.participantType])}
          {venue ? ` · ${venue}` : ""}
        </p>
      </PageHeader>
      <p className="no-print">
        <Link to={`/events/${eventId}/participants/${pid}`}>{t("events.backToRequests")}</Link>
      </p>
      {data.meetings.length ? (
        <>
          <ZoneNote timeZone={zone} at={data.meetings[0]!.slot.startsAt} />
          {days.map((d) => (
            <section key={d.day} className="agenda-day">
              <div className="table-wrap">
                <table>
                  <caption>{formatDay(d.first, zone, locale)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("events.time")}</th>
                      <th scope="col">{t("events.table")}</th>
                      <th scope="col">{t("events.with")}</th>
                      <th scope="col">{t("events.status")}</th>
                      <th scope="col" className="no-print">{t("events.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((m) => (
                      <tr key={m.meetingId}>
                        <th scope="row" className="nowrap">
                          <time dateTime={m.slot.startsAt}>{formatTimeRange(m.slot.startsAt, m.slot.endsAt, zone, locale)}</time>
                        </th>
                        <td>{m.tableName ?? (m.table !== null ? t("events.tableN", { n: m.table }) : "")}{m.slot.room ? ` · ${m.slot.room}` : ""}</td>
                        <td>
                          <OtherSide other={m.with} />
                        </td>
                        <td>{pick(MEETING_STATUS_LABELS[m.status])}</td>
                        <td className="no-print">
                          {byId.get(m.meetingId) ? <AgendaMeetingActions eventId={eventId} pid={pid} meeting={byId.get(m.meetingId)!} withName={m.with.name} onChanged={changed} /> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      ) : (
        <p className="notice">{t("events.agendaEmpty")}</p>
      )}
      {data.unscheduled.length ? (
        <section className="agenda-day">
          <h2>{t("events.notYetPlaced")}</h2>
          <ul>
            {data.unscheduled.map((u) => (
              <li key={u.meetingId}>
                <OtherSide other={u.with} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted small">{t("events.revision", { n: data.revision })}</p>
    </div>
  );
}
