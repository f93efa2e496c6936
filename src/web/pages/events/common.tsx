/**
 * @module web/pages/events/common
 * What the events pages share: the API's types (imported as types from the server schemas), enum labels
 * (from the events vocabulary, which is plain data), the event's breadcrumb, slot times in the event's
 * zone, and the problem of a failed action.
 */
import type { z } from "zod";
import type { ZAgenda, ZGrid, ZReport } from "../../../events/outputs.schema.ts";
import type { TEvent, TSlot } from "../../../events/events.schema.ts";
import type { ZSession } from "../../../events/events.schema.ts";
import type { TMeeting, TRequest } from "../../../events/meetings.schema.ts";
import type { TParticipant } from "../../../events/participants.schema.ts";
import type { TScheduleOutcome } from "../../../events/schedule.service.ts";
import { ApiError, type Problem } from "../../lib/api.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { formatSlot, formatTimeRange, zoneOffset } from "./time.ts";
import "./events.css";

export type { TEvent, TSlot, TMeeting, TRequest, TParticipant, TScheduleOutcome };
export type TSession = z.infer<typeof ZSession>;
export type TAgenda = z.infer<typeof ZAgenda>;
export type TGrid = z.infer<typeof ZGrid>;
export type TReport = z.infer<typeof ZReport>;

export {
  EVENT_KIND_LABELS,
  EVENT_STATUS_LABELS,
  MEETING_STATUS_LABELS,
  ORGANISER_ROLE_LABELS,
  PARTICIPANT_STATUS_LABELS,
  PARTICIPANT_TYPE_LABELS,
  PARTICIPANT_TYPES,
  EVENT_KINDS,
  EVENT_STATUSES,
  REQUEST_STATUS_LABELS,
} from "../../../events/vocabulary.ts";

/** The problem of a failed call, whatever was thrown. */
export function toProblem(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] };
}

/** Link back to the event, above a page's title. */
export function EventCrumb({ event }: { event: Pick<TEvent, "id" | "nameJa" | "nameEn"> }) {
  const { name, t } = useI18n();
  return (
    <nav aria-label={t("events.breadcrumb")} className="events-crumb">
      <Link to="/events">{t("events.title")}</Link> › <Link to={`/events/${event.id}`}>{name(event.nameJa, event.nameEn)}</Link>
    </nav>
  );
}

/** A slot's day and time in the event's zone. */
export function SlotText({ slot, timeZone, short = false }: { slot: Pick<TSlot, "startsAt" | "endsAt">; timeZone: string; short?: boolean }) {
  const { locale } = useI18n();
  return <time dateTime={slot.startsAt}>{short ? formatTimeRange(slot.startsAt, slot.endsAt, timeZone, locale) : formatSlot(slot.startsAt, slot.endsAt, timeZone, locale)}</time>;
}

/** "Times in Asia/Bangkok (GMT+7)". */
export function ZoneNote({ timeZone, at }: { timeZone: string; at: string }) {
  const { t } = useI18n();
  const offset = zoneOffset(at, timeZone);
  return <p className="muted small">{t("events.timesIn", { zone: offset ? `${timeZone} (${offset})` : timeZone })}</p>;
}

/** The text of one scheduler conflict code, for the grid's move errors. */
export const CONFLICT_LABELS: Record<string, { ja: string; en: string }> = {
  unavailable: { ja: "参加者がこの時間帯に参加できません", en: "A participant is not available in this slot" },
  double_booked: { ja: "参加者が同じ時間帯に別の商談を持っています", en: "A participant would be in two meetings at once" },
  table_taken: { ja: "このテーブルは既に使われています", en: "This table is already taken" },
  unknown_table: { ja: "この時間帯にはそのテーブルがありません", en: "This slot has no such table" },
  cap_exceeded: { ja: "参加者の商談数の上限を超えます", en: "A participant's meeting cap would be exceeded" },
};
