/**
 * @module web/pages/events/organiser-pages
 * What organisers do with an event itself: create it (`/events/new`) and change it (`/events/:id/edit`)
 * through the shared entity form, and add a session on the event page — its date and times are typed
 * in the event's own zone and sent with that zone's offset; the API generates the time slots, which the
 * event page then lists by day.
 */
import { useState } from "react";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec, FormValues } from "../../forms/form-model.ts";
import { VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canCreate, useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EVENT_KIND_LABELS, EVENT_KINDS, EVENT_STATUS_LABELS, EVENT_STATUSES, EventCrumb, SlotText, type TEvent, type TSession, type TSlot } from "./common.tsx";
import { formatDay, groupByDay, zonedInstant } from "./time.ts";

const VISIBILITIES = Object.keys(VISIBILITY_LABELS);

/** Every IANA zone the browser knows (Asia/Tokyo first when it lacks the list). */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? ["Asia/Tokyo"];
  return zones.includes("UTC") ? zones : [...zones, "UTC"];
}

function eventFields(mode: "create" | "update"): FieldSpec[] {
  const zones = timeZones();
  return [
    { name: "kind", label: "events.kind", kind: "select", section: "events.section.event", required: true, options: EVENT_KINDS, optionLabels: EVENT_KIND_LABELS, half: true, omitWhenEmpty: true },
    ...(mode === "update"
      ? [{ name: "status", label: "events.status", kind: "select", section: "events.section.event", options: EVENT_STATUSES, optionLabels: EVENT_STATUS_LABELS, half: true, omitWhenEmpty: true } satisfies FieldSpec]
      : []),
    { name: "nameJa", label: "events.nameJa", kind: "text", section: "events.section.event", required: true, half: true },
    { name: "nameEn", label: "events.nameEn", kind: "text", section: "events.section.event", required: true, half: true },
    { name: "descriptionJa", label: "events.descriptionJa", kind: "textarea", section: "events.section.event", half: true },
    { name: "descriptionEn", label: "events.descriptionEn", kind: "textarea", section: "events.section.event", half: true },
    { name: "startsOn", label: "events.startsOn", kind: "text", section: "events.section.dates", required: true, half: true, hint: "events.dayHint", placeholder: "YYYY-MM-DD", omitWhenEmpty: true },
    { name: "endsOn", label: "events.endsOn", kind: "text", section: "events.section.dates", required: true, half: true, hint: "events.dayHint", placeholder: "YYYY-MM-DD", omitWhenEmpty: true },
    { name: "timeZone", label: "events.timeZone", kind: "select", section: "events.section.dates", required: true, options: zones, hint: "events.timeZoneHint", half: true, omitWhenEmpty: true },
    { name: "country", label: "events.country", kind: "country", section: "events.section.dates", half: true },
    { name: "venueJa", label: "events.venueJa", kind: "text", section: "events.section.dates", half: true },
    { name: "venueEn", label: "events.venueEn", kind: "text", section: "events.section.dates", half: true },
    { name: "cityEn", label: "events.cityEn", kind: "text", section: "events.section.dates", half: true },
    { name: "onlineUrl", label: "events.online", kind: "url", section: "events.section.dates", half: true, placeholder: "https://" },
    { name: "ownerOrgId", label: "events.ownerOrg", kind: "owner", section: "events.section.organisers", required: true, omitWhenEmpty: true },
    { name: "organisers", label: "events.coOrganisers", kind: "orgs", section: "events.section.organisers", hint: "events.coOrganisersHint" },
    { name: "visibility", label: "field.visibility", kind: "select", section: "events.section.organisers", options: VISIBILITIES, optionLabels: VISIBILITY_LABELS, half: true, omitWhenEmpty: true },
    { name: "meetingMinutes", label: "events.meetingMinutes", kind: "integer", section: "events.section.meetings", half: true, omitWhenEmpty: true },
    { name: "breakMinutes", label: "events.breakMinutes", kind: "integer", section: "events.section.meetings", half: true, omitWhenEmpty: true },
    { name: "tables", label: "events.tablesCount", kind: "integer", section: "events.section.meetings", half: true, omitWhenEmpty: true },
  ];
}

/** The form's organiser ids as the API's organisers, keeping the roles already given. */
function withOrganisers(body: Record<string, unknown>, event?: TEvent): Record<string, unknown> {
  const ids = Array.isArray(body.organisers) ? (body.organisers as string[]) : [];
  const owner = typeof body.ownerOrgId === "string" ? body.ownerOrgId : event?.ownerOrgId;
  const roles = new Map((event?.organisers ?? []).map((o) => [o.orgId, o.role]));
  const organisers = ids.map((orgId) => ({ orgId, role: roles.get(orgId) ?? "co_organiser" }));
  if (event && owner && !ids.includes(owner)) organisers.unshift({ orgId: owner, role: roles.get(owner) ?? "lead" });
  return { ...body, organisers };
}

export function NewEventPage() {
  const { t } = useI18n();
  const { me, user } = useSession();
  if (me === undefined) return <Loading />;
  if (!canCreate(user)) {
    return (
      <>
        <PageHeader title={t("events.newTitle")} />
        <p>{user ? t("auth.noOrganisation") : <Link to={`/sign-in?next=${encodeURIComponent("/events/new")}`}>{t("auth.signIn")}</Link>}</p>
      </>
    );
  }
  const memberships = writableMemberships(user);
  const defaults: FormValues = { kind: "trade_fair", timeZone: "Asia/Tokyo", visibility: "public", meetingMinutes: "20", breakMinutes: "0", tables: "10", ownerOrgId: memberships[0]?.orgId ?? "" };
  return (
    <>
      <p className="events-crumb">
        <Link to="/events">{t("events.title")}</Link>
      </p>
      <PageHeader title={t("events.newTitle")} />
      <EntityForm<TEvent>
        fields={eventFields("create")}
        mode="create"
        defaults={defaults}
        submit={(body) => api<TEvent>("POST", "/api/events", withOrganisers(body))}
        onSaved={(saved) => navigate(`/events/${saved.id}`)}
        cancelTo="/events"
      />
    </>
  );
}

export function EditEventPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data: event, error, reload } = useFetch<TEvent>(`/api/events/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!event) return <Loading />;
  const record = { ...event, tables: event.tables.count, organisers: event.organisers.filter((o) => o.orgId !== event.ownerOrgId).map((o) => o.orgId) };
  return (
    <>
      <EventCrumb event={event} />
      <PageHeader title={t("events.edit")} kicker={name(event.nameJa, event.nameEn)} />
      <EntityForm<TEvent>
        fields={eventFields("update")}
        mode="update"
        record={record}
        submit={(body) => api<TEvent>("PATCH", `/api/events/${id}`, withOrganisers(body, event))}
        onSaved={(saved) => navigate(`/events/${saved.id}`)}
        cancelTo={`/events/${id}`}
      />
    </>
  );
}

const SESSION_FIELDS: FieldSpec[] = [
  { name: "nameJa", label: "events.sessionNameJa", kind: "text", section: "events.addSession", required: true, half: true },
  { name: "nameEn", label: "events.sessionNameEn", kind: "text", section: "events.addSession", required: true, half: true },
  { name: "day", label: "events.sessionDay", kind: "text", section: "events.addSession", required: true, hint: "events.dayHint", placeholder: "YYYY-MM-DD", half: true },
  { name: "room", label: "events.room", kind: "text", section: "events.addSession", half: true },
  { name: "startsAt", label: "events.startTime", kind: "text", section: "events.addSession", required: true, hint: "events.timeHint", placeholder: "10:00", half: true },
  { name: "endsAt", label: "events.endTime", kind: "text", section: "events.addSession", required: true, hint: "events.timeHint", placeholder: "12:00", half: true },
];

/**
 * The session's body: the day and times become instants with the event zone's offset. A day that cannot
 * be read makes both times unreadable, so the API names the start and end fields.
 */
export function sessionBody(body: Record<string, unknown>, timeZone: string): Record<string, unknown> {
  const { day, ...rest } = body;
  const at = (time: unknown) => {
    const text = typeof time === "string" ? time : "";
    return zonedInstant(typeof day === "string" ? day : "", text, timeZone) ?? [day, text].filter(Boolean).join(" ");
  };
  return { ...rest, startsAt: at(body.startsAt), endsAt: at(body.endsAt) };
}

/** Organisers: add a session; the API generates its slots from the meeting length and pauses. */
export function AddSession({ event, onAdded }: { event: TEvent; onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [round, setRound] = useState(0);
  const [added, setAdded] = useState<number | null>(null);
  return (
    <details className="events-add-session" open={round > 0 || undefined}>
      <summary>{t("events.addSession")}</summary>
      <p className="hint">{t("events.addSessionHint", { zone: event.timeZone })}</p>
      {added !== null ? (
        <p role="status" className="notice">
          {t("events.sessionAdded", { n: formatNumber(added, locale) })}
        </p>
      ) : null}
      <EntityForm<TSession>
        key={round}
        fields={SESSION_FIELDS}
        mode="create"
        defaults={{ day: event.startsOn, startsAt: "10:00", endsAt: "12:00" }}
        submit={(body) => api<TSession>("POST", `/api/events/${event.id}/sessions`, sessionBody(body, event.timeZone))}
        onSaved={(saved) => {
          setAdded(saved.slotCount);
          setRound((r) => r + 1);
          onAdded();
        }}
        cancelTo={`/events/${event.id}`}
      />
    </details>
  );
}

/** The event's time slots, by day, in the event's zone. */
export function SlotList({ event }: { event: TEvent }) {
  const { t, locale } = useI18n();
  const { data, error, reload } = useFetch<TSlot[]>(`/api/events/${event.id}/slots`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  if (!data.length) return <p className="empty">{t("events.noSlots")}</p>;
  return (
    <>
      {groupByDay(data, (s) => s.startsAt, event.timeZone).map((group) => {
        const day = formatDay(group.first, event.timeZone, locale);
        return (
          <div className="table-wrap" key={group.day}>
            <table>
              <caption>{t("events.slotsCaption", { day })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.time")}</th>
                  <th scope="col">{t("events.room")}</th>
                </tr>
              </thead>
              <tbody>
                {group.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <SlotText slot={s} timeZone={event.timeZone} short />
                    </td>
                    <td>{s.room ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
