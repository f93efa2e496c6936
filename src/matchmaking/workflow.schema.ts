/**
 * @module matchmaking/workflow.schema
 * Schemas of the brokered workflow: expressions of interest and their transitions, meetings, outcomes and
 * follow-ups, notifications and the office dashboard's funnel.
 */
import { z } from "zod";
import { optionalText } from "../core/schema-fields.ts";
import { HISTORY_STEPS, INTEREST_STATES } from "./interest-states.ts";
import { OPPORTUNITY_KINDS } from "./matchmaking.schema.ts";

export { INTEREST_STATES, type InterestState } from "./interest-states.ts";
export const MEETING_MODES = ["in_person", "online", "event"] as const;
export const OUTCOME_KINDS = ["negotiation", "agreement", "contract", "no_deal"] as const;
export const FOLLOW_UP_KINDS = ["follow_up_6m", "follow_up_12m"] as const;

const ZIsoDate = z.iso.date();
const ZCurrency = z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code such as JPY or USD").describe("ISO 4217 currency");

export const ZInterestCreate = z.strictObject({
  opportunityId: z.uuid().describe("The opportunity"),
  companyOrgId: z.uuid().describe("The company (its profile)"),
  fromSide: z.enum(["company", "opportunity"]).describe("Who expresses the interest: the company, or the opportunity's owner"),
  message: optionalText(4000, "Message to the other side, passed through the responsible government"),
});
export type TInterestCreate = z.infer<typeof ZInterestCreate>;
export const ZForward = z.strictObject({
  note: optionalText(4000, "The government's note to the recipient"),
  officeId: z.uuid().nullable().optional().describe("The government's overseas office responsible (its KPIs count the outcomes)"),
});
export const ZDecline = z.strictObject({ reason: optionalText(2000, "Why it is declined") });
export const ZAccept = z.strictObject({});
export const ZMeetingCreate = z
  .strictObject({
    mode: z.enum(MEETING_MODES).describe("In person, online, or at an event"),
    eventId: z.uuid().nullable().optional().describe("The event (trade fair, mission) when mode is event"),
    meetsOn: ZIsoDate.describe("Date of the meeting"),
    place: optionalText(300, "Where"),
    note: optionalText(4000, "Notes"),
  })
  .refine((m) => m.mode === "event" || !m.eventId, { path: ["eventId"], message: "only for mode event" });
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;
const outcomeFields = {
  occurredOn: ZIsoDate.describe("When it happened (files the KPI period)"),
  salesAmount: z.number().finite().min(0).nullable().optional().describe("Sales agreed or realised"),
  currency: ZCurrency.nullable().optional(),
  note: optionalText(4000, "Notes"),
};
const salesNeedCurrency = (o: { salesAmount?: number | null; currency?: string | null }) => (o.salesAmount == null) === (o.currency == null);
export const ZOutcomeCreate = z
  .strictObject({ kind: z.enum(OUTCOME_KINDS).describe("negotiation, agreement, contract or no_deal"), ...outcomeFields })
  .refine(salesNeedCurrency, { path: ["currency"], message: "give salesAmount and currency together" });
export type TOutcomeCreate = z.infer<typeof ZOutcomeCreate>;
export const ZFollowUpCreate = z
  .strictObject({ milestone: z.enum(["6m", "12m"]).describe("The 6- or 12-month follow-up after the agreement"), ...outcomeFields })
  .refine(salesNeedCurrency, { path: ["currency"], message: "give salesAmount and currency together" });
export type TFollowUpCreate = z.infer<typeof ZFollowUpCreate>;

const ZOrgRef = z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string() });
const ZLabel = z.object({ ja: z.string(), en: z.string() });
export const ZHistoryEntry = z.object({
  step: z.enum(HISTORY_STEPS).describe("What happened: created, forwarded, declined, accepted, a meeting, an outcome or a follow-up"),
  stepLabel: ZLabel.describe("The step in Japanese and English"),
  fromState: z.enum(INTEREST_STATES).nullable().describe("The state before (null for the creation)"),
  toState: z.enum(INTEREST_STATES).describe("The state after (unchanged by a second meeting, a further outcome or a follow-up)"),
  label: ZLabel.describe("The state after, in Japanese and English"),
  at: z.string().nullable().describe("When it happened (ISO 8601); null only for steps before the history was kept whose time was never recorded"),
  by: z.object({ id: z.uuid(), displayName: z.string() }).nullable().describe("Who did it (null when not recorded or the user was deleted)"),
  note: z.string().nullable().describe("The note or reason given: the government's note, the reason for declining, the meeting's or outcome's note"),
  backfilled: z.boolean().describe("Reconstructed from earlier records when the history was introduced"),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
export const ZInterest = z.object({
  id: z.uuid(),
  opportunityId: z.uuid(),
  opportunity: z
    .object({ id: z.uuid(), kind: z.enum(OPPORTUNITY_KINDS), titleJa: z.string().nullable(), titleEn: z.string().nullable() })
    .describe("The opportunity's kind and title (ja/en), so lists need not fetch it"),
  company: ZOrgRef,
  opportunityOwner: ZOrgRef,
  broker: ZOrgRef.describe("The responsible local government (the company's sponsor)"),
  officeId: z.uuid().nullable(),
  fromSide: z.enum(["company", "opportunity"]),
  state: z.enum(INTEREST_STATES),
  message: z.string().nullable(),
  brokerNote: z.string().nullable(),
  declineReason: z.string().nullable(),
  declinedBy: z.enum(["broker", "recipient"]).nullable(),
  meetings: z.array(z.object({ id: z.uuid(), mode: z.enum(MEETING_MODES), eventId: z.uuid().nullable(), meetsOn: z.string(), place: z.string().nullable(), note: z.string().nullable() })),
  outcomes: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum([...OUTCOME_KINDS, ...FOLLOW_UP_KINDS]),
      occurredOn: z.string(),
      salesAmount: z.number().nullable(),
      currency: z.string().nullable(),
      kpiSalesJpy: z.number().nullable().describe("The amount fed to the sales_jpy KPI (JPY amounts only)"),
      note: z.string().nullable(),
    }),
  ),
  followUps: z.array(z.object({ milestone: z.enum(["6m", "12m"]), due: z.string(), done: z.boolean() })).describe("Due 6 and 12 months after the first agreement"),
  history: z.array(ZHistoryEntry).describe("Every step so far, oldest first"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInterest = z.infer<typeof ZInterest>;
export const ZInterestListQuery = z.strictObject({
  state: z.enum(INTEREST_STATES).optional(),
  role: z.enum(["company", "opportunity", "broker"]).optional().describe("Only interests where one of my organisations plays this part"),
});

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  orgId: z.uuid().nullable(),
  interestId: z.uuid().nullable(),
  title: z.object({ ja: z.string(), en: z.string() }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const ZNotificationQuery = z.strictObject({ unread: z.enum(["true", "false"]).optional().describe("Only unread ones") });
export const ZMarkRead = z.strictObject({ ids: z.array(z.uuid()).max(500).optional().describe("Which to mark read; omitted: all") });

export const ZFunnel = z.object({
  govOrgId: z.uuid(),
  profiles: z.number().int().describe("Company profiles the government sponsors"),
  vetted: z.number().int().describe("Of which published (endorsed)"),
  opportunities: z.number().int(),
  interests: z.number().int().describe("Expressions of interest it brokers"),
  meetings: z.number().int().describe("Interests that reached a meeting"),
  agreements: z.number().int().describe("Interests that reached an agreement or contract"),
});
