/**
 * @module events/scheduler/instance
 * The scheduling instance: its zod schema (the JSON contract of `renkei events schedule`) and the
 * semantic checks zod cannot express — unknown ids, duplicates, requests to oneself, overlapping slots,
 * impossible organiser-fixed meetings. `parseInstance` reports every problem at once, each naming the
 * item, so an organiser can fix a file in one pass.
 */
import { z } from "zod";
import { AppError, fieldErrorsFromZod, type FieldError } from "../../core/errors.ts";
import { semanticErrors } from "./instance-checks.ts";

const id = z.string().trim().min(1, "must be a non-empty id").max(200);
const count = (what: string) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(0, `${what} must not be negative`);

export const ZSlot = z.strictObject({
  id: id.describe("Slot id, unique in the instance"),
  start: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with an offset, e.g. 2026-03-10T10:00:00+07:00" }),
  end: z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time with an offset, e.g. 2026-03-10T10:20:00+07:00" }),
  room: id
    .optional()
    .describe("Room or area whose tables this slot uses; slots in different rooms may overlap in time. Absent = the main room"),
  session: id.optional().describe("Session the slot belongs to, for per-session caps (maxPerSession). Absent = one session"),
  tables: count("tables").optional().describe("Tables available in this slot when it differs from the event-wide count"),
});

export const ZParticipant = z.strictObject({
  id: id.describe("Participant id, unique in the instance"),
  name: z.string().max(300).optional().describe("Display name for agendas and the grid"),
  available: z.array(id).describe("Ids of the slots in which the participant can meet"),
  maxMeetings: count("maxMeetings").optional().describe("Most meetings for this participant over the event; absent = no cap"),
  maxPerSession: count("maxPerSession").optional().describe("Most meetings for this participant in any one session; absent = no cap"),
});

export const ZFixed = z.strictObject({
  slot: id.describe("Slot the organiser has placed this meeting in"),
  table: z.number().int("table must be a whole number").min(1, "table numbers start at 1").optional()
    .describe("1-based table the organiser has chosen; absent = any free table"),
});

export const ZRequest = z.strictObject({
  id: id.describe("Request id, unique in the instance"),
  from: id.describe("Participant who asked for the meeting"),
  to: id.describe("Participant who accepted it"),
  priority: z.number().int("priority must be a whole number").min(1, "priority must be 1, 2 or 3").max(3, "priority must be 1, 2 or 3"),
  fixed: ZFixed.optional().describe("Organiser-made meeting: it must take place in this slot (and table)"),
});

export const ZInstance = z.strictObject({
  slots: z.array(ZSlot),
  tables: z
    .union([count("tables"), z.array(id)], { error: "tables must be a count (≥ 0) or an array of table ids" })
    .describe("Number of tables in each slot, or the table ids (their count is the number of tables)"),
  participants: z.array(ZParticipant),
  requests: z.array(ZRequest).describe("Accepted meeting requests"),
});

export type TSlot = z.infer<typeof ZSlot>;
export type TParticipant = z.infer<typeof ZParticipant>;
export type TRequest = z.infer<typeof ZRequest>;
export type TInstance = z.infer<typeof ZInstance>;

// The same shape without ranges, formats or strictness: when the strict parse fails, the semantic checks
// still run on whatever has this shape, so one pass reports e.g. a negative cap and an unknown id.
// A time without an offset becomes "" (NaN when parsed), which the time checks skip.
const looseTime = z.string().transform((v) => (ZSlot.shape.start.safeParse(v).success ? v : ""));
const ZLooseInstance = z.object({
  slots: z.array(z.object({ id: z.string(), start: looseTime, end: looseTime, room: z.string().optional(), session: z.string().optional(), tables: z.number().optional() })),
  tables: z.union([z.number(), z.array(z.string())]),
  participants: z.array(z.object({ id: z.string(), available: z.array(z.string()), maxMeetings: z.number().optional(), maxPerSession: z.number().optional() })),
  requests: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), priority: z.number(), fixed: z.object({ slot: z.string(), table: z.number().optional() }).optional() })),
});

/** Structural and semantic errors of an instance, all at once (empty when it is valid). */
export function instanceErrors(input: unknown): FieldError[] {
  const parsed = ZInstance.safeParse(input);
  if (parsed.success) return semanticErrors(parsed.data);
  const errors = fieldErrorsFromZod(parsed.error);
  const loose = ZLooseInstance.safeParse(input);
  if (loose.success) {
    const reported = new Set(errors.map((e) => e.path));
    for (const e of semanticErrors(loose.data)) if (!reported.has(e.path)) errors.push(e);
  }
  return errors;
}

/** Parses and checks an instance; throws `AppError("validation_failed")` naming every bad item. */
export function parseInstance(input: unknown): TInstance {
  const parsed = ZInstance.safeParse(input);
  const errors = parsed.success ? semanticErrors(parsed.data) : instanceErrors(input);
  if (!parsed.success || errors.length > 0) {
    const head = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join("; ");
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : "";
    throw new AppError("validation_failed", `scheduling instance is invalid: ${head}${more}`, errors);
  }
  return parsed.data;
}
