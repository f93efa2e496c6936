/**
 * @module events/outputs.schema
 * Schemas of what the event produces: a participant's personal agenda, the organiser grid (tables ×
 * slots), the event report, and match suggestions.
 */
import { z } from "zod";
import { ZSlot } from "./events.schema.ts";
import { FEEDBACK_OUTCOMES, MEETING_STATUSES, PARTICIPANT_STATUSES, PARTICIPANT_TYPES, REQUEST_VIEW_STATUSES } from "./vocabulary.ts";

export const ZLangQuery = z.strictObject({ lang: z.enum(["ja", "en"]).optional().describe("Language of the calendar (default: yours)") });

const ZOther = z.object({
  id: z.uuid(),
  name: z.string(),
  participantType: z.enum(PARTICIPANT_TYPES),
  orgNameJa: z.string().nullable(),
  orgNameEn: z.string().nullable(),
  country: z.string().nullable(),
});

export const ZAgenda = z.object({
  event: z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string(), timeZone: z.string(), venueJa: z.string().nullable(), venueEn: z.string().nullable(), startsOn: z.string(), endsOn: z.string() }),
  participant: z.object({ id: z.uuid(), name: z.string(), participantType: z.enum(PARTICIPANT_TYPES) }),
  revision: z.number().int().describe("Schedule revision the agenda reflects"),
  meetings: z.array(
    z.object({
      meetingId: z.uuid(),
      status: z.enum(MEETING_STATUSES),
      slot: ZSlot,
      table: z.number().int().nullable(),
      tableName: z.string().nullable(),
      with: ZOther,
      priority: z.number().int(),
    }),
  ).describe("Placed meetings in time order"),
  unscheduled: z.array(z.object({ meetingId: z.uuid(), with: ZOther })).describe("Accepted meetings without a place yet"),
});
export type TAgenda = z.infer<typeof ZAgenda>;

const ZCell = z.object({
  meetingId: z.uuid(),
  participants: z.array(z.object({ id: z.uuid(), name: z.string() })),
  status: z.enum(MEETING_STATUSES),
  fixed: z.boolean(),
  priority: z.number().int(),
});
export const ZGrid = z.object({
  revision: z.number().int(),
  tables: z.array(z.object({ number: z.number().int(), name: z.string().nullable() })).describe("Columns"),
  rows: z.array(z.object({ slot: ZSlot, tables: z.number().int().describe("Tables in this slot"), cells: z.array(ZCell.nullable()).describe("One per table column; null = free") })).describe("One row per slot"),
  unscheduled: z.array(ZCell).describe("Planned meetings without a place"),
});
export type TGrid = z.infer<typeof ZGrid>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const ZReport = z.object({
  participants: z.record(z.enum(PARTICIPANT_TYPES), countsOf(PARTICIPANT_STATUSES)).describe("By type and status"),
  requests: countsOf(REQUEST_VIEW_STATUSES),
  meetings: countsOf(MEETING_STATUSES).extend({ placed: z.number().int().describe("Planned meetings with a slot") }),
  participantsWithoutMeeting: z.number().int().describe("Approved participants with accepted meetings of which none is placed or held"),
  feedback: z.object({
    answers: z.number().int(),
    averageRating: z.number().nullable(),
    averageRatingByType: z.record(z.string(), z.number()),
    outcomes: countsOf(FEEDBACK_OUTCOMES),
  }),
  followUp: z.object({
    dueOn: z.string(),
    asked: z.number().int(),
    answered: z.number().int(),
    negotiations: z.number().int(),
    contracts: z.number().int(),
    salesJpy: z.number(),
  }).describe("Outcomes reported months later"),
  schedule: z.record(z.string(), z.unknown()).nullable().describe("Objective, bound, gap, optimality and method of the stored schedule"),
});
export type TReport = z.infer<typeof ZReport>;

export const ZSuggestion = z.object({
  participantId: z.uuid(),
  name: z.string(),
  participantType: z.enum(PARTICIPANT_TYPES),
  score: z.number(),
  direction: z.enum(["offers_what_you_seek", "seeks_what_you_offer"]),
  reasons: z.array(z.object({ kind: z.string(), contribution: z.number(), label: z.object({ ja: z.string(), en: z.string() }), detail: z.string() })),
  alreadyInContact: z.boolean().describe("A pending request or a meeting exists for the pair"),
});
export const ZSuggestionQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10).describe("Most suggestions") });
