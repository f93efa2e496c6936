/**
 * @module events/participants.schema
 * Schemas of event participants: registration (by the participant) or addition (by an organiser),
 * approval, availability per slot, and the CSV/XLSX import with its column mapping.
 */
import { z } from "zod";
import { ZCountryCode } from "../core/codes.ts";
import { optionalText, withoutDefaults } from "../core/schema-fields.ts";
import { PARTICIPANT_STATUSES, PARTICIPANT_TYPES } from "./vocabulary.ts";

export const ZHsCode = z.string().regex(/^\d{2}(\d{2}){0,2}$/, "must be an HS code of 2, 4 or 6 digits");

const participantFields = {
  orgId: z.uuid().nullable().optional().describe("The registry organisation taking part (a company, a government, a partner)"),
  name: optionalText(300, "Display name; defaults to the organisation's name (required without orgId)"),
  participantType: z.enum(PARTICIPANT_TYPES).describe("seller, buyer, government or support_organisation"),
  contactName: optionalText(200, "Contact person"),
  contactEmail: z.email().max(300).nullable().optional().describe("Contact person's e-mail (seen only by the organisers and the participant's side)"),
  maxMeetings: z.number().int().min(0).max(1000).nullable().optional().describe("Most meetings (default: the event's)"),
  maxPerSession: z.number().int().min(0).max(1000).nullable().optional().describe("Most meetings in any one session"),
  offer: optionalText(4000, "What the participant offers (products, services), in Japanese or English"),
  seek: optionalText(4000, "What the participant is looking for"),
  hsCodes: z.array(ZHsCode).max(50).default([]).describe("HS 2022 codes of the products offered or sought"),
  country: ZCountryCode.nullable().optional(),
};

function nameOrOrg(p: { orgId?: string | null; name?: string | null }, ctx: z.RefinementCtx): void {
  if (!p.orgId && !p.name) ctx.addIssue({ code: "custom", path: ["name"], message: "give orgId or a name" });
}

export const ZParticipantCreate = z
  .strictObject({
    ...participantFields,
    status: z.enum(PARTICIPANT_STATUSES).optional().describe("Organisers only: the status to add with (default approved); a self-registration is pending"),
  })
  .superRefine(nameOrOrg)
  .describe("A participant: an organiser adds one, or a member of an organisation registers it");
export type TParticipantCreate = z.infer<typeof ZParticipantCreate>;

export const ZParticipantUpdate = z
  .strictObject(withoutDefaults(participantFields))
  .partial()
  .describe("Fields to change (type and organisation: organisers only)");
export type TParticipantUpdate = z.infer<typeof ZParticipantUpdate>;

export const ZDecision = z.strictObject({
  status: z.enum(["approved", "rejected"]).describe("The organisers' decision on the registration"),
});

export const ZWithdraw = z.strictObject({ reason: optionalText(500, "Why the participant withdraws") });

export const ZAvailabilityPut = z.strictObject({
  availableSlotIds: z
    .array(z.uuid())
    .max(5000)
    .refine((a) => new Set(a).size === a.length, { message: "must not repeat a slot" })
    .describe("The slots the participant can meet in; every other slot of the event is unavailable"),
});

export const ZParticipant = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  orgId: z.uuid().nullable(),
  orgNameJa: z.string().nullable(),
  orgNameEn: z.string().nullable(),
  name: z.string(),
  participantType: z.enum(PARTICIPANT_TYPES),
  status: z.enum(PARTICIPANT_STATUSES),
  contactName: z.string().nullable().describe("Only for the organisers and the participant's side"),
  contactEmail: z.string().nullable().describe("Only for the organisers and the participant's side"),
  linkedUser: z.boolean().describe("A user answers for the participant"),
  maxMeetings: z.number().int().nullable(),
  maxPerSession: z.number().int().nullable(),
  offer: z.string().nullable(),
  seek: z.string().nullable(),
  hsCodes: z.array(z.string()),
  country: z.string().nullable(),
  availableSlotIds: z.array(z.uuid()).nullable().describe("Only for the organisers and the participant's side"),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

export const ZParticipantListQuery = z.strictObject({
  status: z.enum(PARTICIPANT_STATUSES).optional(),
  participantType: z.enum(PARTICIPANT_TYPES).optional(),
});

// ---------- import ----------
export const IMPORT_FIELDS = [
  "organisation",
  "name",
  "type",
  "contactName",
  "contactEmail",
  "maxMeetings",
  "maxPerSession",
  "offer",
  "seek",
  "hsCodes",
  "country",
  "status",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const ZParticipantImport = z.strictObject({
  format: z.enum(["csv", "xlsx"]).describe("Format of the file"),
  data: z.base64().max(2_700_000).describe("The file, base64-encoded"),
  mapping: z
    .record(z.string().min(1).max(200), z.enum(IMPORT_FIELDS))
    .refine((m) => Object.keys(m).length > 0, { message: "map at least one column" })
    .describe('File column → participant field, e.g. {"会社名":"organisation","区分":"type","担当者":"contactName"}; unmapped columns are ignored'),
  defaults: z
    .strictObject({
      participantType: z.enum(PARTICIPANT_TYPES).optional().describe("Type of rows without a type column"),
      status: z.enum(PARTICIPANT_STATUSES).optional().describe("Status of rows without a status column (default approved)"),
    })
    .default({})
    .describe("Values for fields the file does not give"),
});
export type TParticipantImport = z.infer<typeof ZParticipantImport>;

export const ZImportPreviewBody = ZParticipantImport.pick({ format: true, data: true }).describe("The file to look into before mapping it");

export const ZImportPreview = z.object({
  columns: z.array(z.string()).describe("The header row: the columns a mapping may name"),
  rows: z.number().int().describe("Data rows in the file (blank rows skipped)"),
  sample: z.array(z.record(z.string(), z.string())).describe("The first rows, column → text"),
  suggested: z.record(z.string(), z.enum(IMPORT_FIELDS)).describe("A mapping guessed from the column names (column → field), to be checked by the organiser"),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = z.object({
  rows: z.number().int().describe("Data rows read"),
  created: z.number().int().describe("Participants created"),
  participantIds: z.array(z.uuid()),
});
