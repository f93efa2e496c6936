/**
 * @module web/pages/events/report-page
 * The event report for the organisers: participants by type and status, requests by status, meetings
 * planned, placed, held, no-show and cancelled, feedback, the follow-up survey's outcomes, and the stored
 * schedule's objective, bound and gap.
 */
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { formatNumber, formatShare, formatYen } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { useFetch } from "../../lib/use-fetch.ts";
import { AttendanceTable, FEEDBACK_OUTCOME_LABELS, FEEDBACK_OUTCOMES } from "./meeting-actions.tsx";
import { EventCrumb, MEETING_STATUS_LABELS, PARTICIPANT_STATUS_LABELS, PARTICIPANT_TYPE_LABELS, PARTICIPANT_TYPES, REQUEST_STATUS_LABELS, type TEvent, type TReport } from "./common.tsx";

function Counts({ caption, rows }: { caption: MessageKey; rows: { label: string; value: number | string }[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="summary-table">
      <caption>{t(caption)}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{typeof r.value === "number" ? formatNumber(r.value, locale, 2) : r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportPage({ eventId }: { eventId: string }) {
  const { t, pick, name, locale } = useI18n();
  const event = useFetch<TEvent>(`/api/events/${eventId}`);
  const report = useFetch<TReport>(`/api/events/${eventId}/report`);
  const error = event.error ?? report.error;
  if (error) return <LoadError error={error} onRetry={() => (event.reload(), report.reload())} />;
  if (!event.data || !report.data) return <Loading />;
  const r = report.data;
  const statuses = Object.keys(PARTICIPANT_STATUS_LABELS) as (keyof typeof PARTICIPANT_STATUS_LABELS)[];
  const schedule = r.schedule as { objective?: { priority?: number; unmetParticipants?: number }; bound?: number; gap?: number; optimal?: boolean; method?: string } | null;
  return (
    <>
      <EventCrumb event={event.data} />
      <PageHeader title={t("events.report")} kicker={name(event.data.nameJa, event.data.nameEn)} />
      <section className="panel">
        <div className="table-wrap">
          <table>
            <caption>{t("events.participantsByType")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.participantType")}</th>
                {statuses.map((s) => (
                  <th scope="col" className="num" key={s}>
                    {pick(PARTICIPANT_STATUS_LABELS[s])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PARTICIPANT_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">{pick(PARTICIPANT_TYPE_LABELS[type])}</th>
                  {statuses.map((s) => (
                    <td className="num" key={s}>
                      {formatNumber(r.participants[type]?.[s] ?? 0, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="detail-grid">
        <section className="panel">
          <Counts caption="events.requests" rows={Object.entries(r.requests).map(([k, v]) => ({ label: pick(REQUEST_STATUS_LABELS[k as keyof typeof REQUEST_STATUS_LABELS]), value: v }))} />
        </section>
        <section className="panel">
          <Counts
            caption="events.meetings"
            rows={[
              ...Object.entries(r.meetings)
                .filter(([k]) => k !== "placed")
                .map(([k, v]) => ({ label: pick(MEETING_STATUS_LABELS[k as keyof typeof MEETING_STATUS_LABELS]), value: v })),
              { label: t("events.placed"), value: r.meetings.placed },
              { label: t("events.withoutMeeting"), value: r.participantsWithoutMeeting },
            ]}
          />
        </section>
        <section className="panel">
          <Counts
            caption="events.feedback"
            rows={[
              { label: t("events.answers"), value: r.feedback.answers },
              { label: t("events.averageRating"), value: r.feedback.averageRating ?? "—" },
              ...FEEDBACK_OUTCOMES.map((o) => ({ label: `${t("events.outcome")}: ${pick(FEEDBACK_OUTCOME_LABELS[o])}`, value: r.feedback.outcomes[o] })),
            ]}
          />
        </section>
        <section className="panel">
          <Counts
            caption="events.followUp"
            rows={[
              { label: t("events.asked"), value: r.followUp.asked },
              { label: t("events.answered"), value: r.followUp.answered },
              { label: t("events.negotiations"), value: r.followUp.negotiations },
              { label: t("events.contracts"), value: r.followUp.contracts },
              { label: t("events.sales"), value: formatYen(r.followUp.salesJpy, locale) },
            ]}
          />
        </section>
      </div>
      <section className="panel">
        <AttendanceTable eventId={eventId} timeZone={event.data.timeZone} onChanged={report.reload} />
      </section>
      <section className="panel">
        {schedule ? (
          <Counts
            caption="events.storedSchedule"
            rows={[
              { label: t("events.objectivePriority"), value: schedule.objective?.priority ?? "—" },
              { label: t("events.unmetParticipants"), value: schedule.objective?.unmetParticipants ?? "—" },
              { label: t("events.bound"), value: schedule.bound ?? "—" },
              { label: t("events.gap"), value: schedule.gap !== undefined ? formatShare(schedule.gap, locale) : "—" },
              { label: t("events.optimalQ"), value: schedule.optimal ? t("common.yes") : t("common.no") },
            ]}
          />
        ) : (
          <p className="empty">{t("events.notScheduled")}</p>
        )}
      </section>
    </>
  );
}
