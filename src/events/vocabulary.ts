/**
 * @module events/vocabulary
 * The closed vocabularies of events — kinds, statuses, organiser roles, participant types, request and
 * meeting statuses, feedback outcomes, notification kinds — each with its Japanese and English label,
 * used by the zod schemas, the migration's CHECK constraints, the import and the exports alike.
 */
import type { Bilingual } from "../core/domain.ts";

export const EVENT_KINDS = ["trade_fair", "business_mission", "seminar", "online_session"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, Bilingual> = {
  trade_fair: { ja: "見本市・展示会", en: "Trade fair" },
  business_mission: { ja: "経済ミッション", en: "Business mission" },
  seminar: { ja: "セミナー", en: "Seminar" },
  online_session: { ja: "オンライン商談会", en: "Online session" },
};

export const EVENT_STATUSES = ["planned", "registration_open", "registration_closed", "held", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, Bilingual> = {
  planned: { ja: "計画中", en: "Planned" },
  registration_open: { ja: "参加受付中", en: "Registration open" },
  registration_closed: { ja: "受付終了", en: "Registration closed" },
  held: { ja: "開催済み", en: "Held" },
  cancelled: { ja: "中止", en: "Cancelled" },
};

export const ORGANISER_ROLES = ["lead", "co_organiser", "partner", "supporter"] as const;
export type OrganiserRole = (typeof ORGANISER_ROLES)[number];
export const ORGANISER_ROLE_LABELS: Record<OrganiserRole, Bilingual> = {
  lead: { ja: "主催", en: "Lead organiser" },
  co_organiser: { ja: "共催", en: "Co-organiser" },
  partner: { ja: "協力", en: "Partner" },
  supporter: { ja: "後援", en: "Supporter" },
};

export const PARTICIPANT_TYPES = ["seller", "buyer", "government", "support_organisation"] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];
export const PARTICIPANT_TYPE_LABELS: Record<ParticipantType, Bilingual> = {
  seller: { ja: "出展者（売り手）", en: "Seller" },
  buyer: { ja: "バイヤー", en: "Buyer" },
  government: { ja: "行政機関", en: "Government" },
  support_organisation: { ja: "支援機関", en: "Support organisation" },
};

export const PARTICIPANT_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export const PARTICIPANT_STATUS_LABELS: Record<ParticipantStatus, Bilingual> = {
  pending: { ja: "承認待ち", en: "Pending approval" },
  approved: { ja: "承認済み", en: "Approved" },
  rejected: { ja: "不承認", en: "Rejected" },
  withdrawn: { ja: "辞退", en: "Withdrawn" },
};

/** Stored statuses of a request; "expired" is derived (pending past its expiry). */
export const REQUEST_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_VIEW_STATUSES = [...REQUEST_STATUSES, "expired"] as const;
export type RequestViewStatus = (typeof REQUEST_VIEW_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestViewStatus, Bilingual> = {
  pending: { ja: "回答待ち", en: "Awaiting answer" },
  accepted: { ja: "承諾", en: "Accepted" },
  declined: { ja: "辞退", en: "Declined" },
  withdrawn: { ja: "取り下げ", en: "Withdrawn" },
  expired: { ja: "期限切れ", en: "Expired" },
};

export const MEETING_STATUSES = ["planned", "held", "no_show", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, Bilingual> = {
  planned: { ja: "予定", en: "Planned" },
  held: { ja: "実施", en: "Held" },
  no_show: { ja: "不参加", en: "No-show" },
  cancelled: { ja: "キャンセル", en: "Cancelled" },
};

export const FEEDBACK_OUTCOMES = ["none", "follow_up", "negotiation", "agreement"] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];
export const FEEDBACK_OUTCOME_LABELS: Record<FeedbackOutcome, Bilingual> = {
  none: { ja: "特になし", en: "None" },
  follow_up: { ja: "継続連絡", en: "Follow-up" },
  negotiation: { ja: "商談継続", en: "Negotiation" },
  agreement: { ja: "合意・成約", en: "Agreement" },
};

export const NOTIFICATION_KINDS = [
  "request_received",
  "request_reminder",
  "request_expired",
  "request_accepted",
  "request_declined",
  "meeting_scheduled",
  "meeting_moved",
  "meeting_cancelled",
  "follow_up_due",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_LABELS: Record<NotificationKind, Bilingual> = {
  request_received: { ja: "商談リクエストが届きました", en: "You have a meeting request" },
  request_reminder: { ja: "未回答の商談リクエストがあります", en: "A meeting request awaits your answer" },
  request_expired: { ja: "商談リクエストが回答のないまま期限切れになりました", en: "Your meeting request expired unanswered" },
  request_accepted: { ja: "商談リクエストが承諾されました", en: "Your meeting request was accepted" },
  request_declined: { ja: "商談リクエストが辞退されました", en: "Your meeting request was declined" },
  meeting_scheduled: { ja: "商談の時間が決まりました", en: "A meeting has been scheduled" },
  meeting_moved: { ja: "商談の時間または席が変更されました", en: "A meeting has moved" },
  meeting_cancelled: { ja: "商談がキャンセルされました", en: "A meeting was cancelled" },
  follow_up_due: { ja: "商談会後のアンケートにご回答ください", en: "Please answer the follow-up survey" },
};
