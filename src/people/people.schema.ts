/**
 * @module people/people.schema
 * Request and response schemas of the international-HR API: people with their postings, languages and
 * competencies, contacts, reassignment risks, the roster and handover packs. Field rules come from the pure
 * core (src/people/core); posting ids are UUIDs (a client may choose them, so that competency evidence in the
 * same request can name its posting).
 */
import { z } from "zod";
import { ZCountryCode } from "../core/codes.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../core/domain.ts";
import { ZListQueryBase } from "../db/list-query.ts";
import { HANDOVER_STATUSES, ZHandoverInput } from "./core/handover.ts";
import { LANGUAGE_SCALES, ZLanguageSkill } from "./core/languages.ts";
import { COMPETENCIES, DISPATCH_TARGETS, POSTING_KINDS, ZCompetencyRecord, ZPosting } from "./core/person.ts";

const ZBilingual = z.object({ ja: z.string(), en: z.string() });
const optionalText = (max: number, what: string) => z.string().trim().max(max).nullable().optional().describe(what);

export const ZOrgParams = z.strictObject({ id: z.uuid().describe("Organisation id") });
export const ZPersonParams = z.strictObject({ id: z.uuid().describe("Person id") });
export const ZPostingParams = z.strictObject({ id: z.uuid().describe("Person id"), postingId: z.uuid().describe("Posting id") });
export const ZContactParams = z.strictObject({ id: z.uuid().describe("Person id"), contactId: z.uuid().describe("Contact id") });
export const ZHandoverParams = z.strictObject({ id: z.uuid().describe("Handover id") });

/** A posting as the API takes it: the core's fields, with a UUID id the server assigns when omitted. */
export const ZPostingInput = z
  .strictObject({ ...ZPosting.shape, id: z.uuid().optional().describe("Posting id; assigned when omitted") })
  .describe("A post held over time: department, overseas office, dispatch or training");
export type TPostingInput = z.infer<typeof ZPostingInput>;
export const ZPostingPatch = z.strictObject({ ...ZPosting.shape }).omit({ id: true }).partial().describe("Posting fields to change");
export type TPostingPatch = z.infer<typeof ZPostingPatch>;

// The route checks each item's shape; the rules across fields (a dispatch names its target, a level fits its
// scale, evidence names one of the postings) are the core's, checked on the whole record so that every error
// is reported at once.
const ZLanguageInput = z.strictObject({ ...ZLanguageSkill.shape }).describe("A language with its level");

const personFields = {
  name: z.string().trim().min(1).max(200).describe("Name as the organisation writes it"),
  nameEn: optionalText(200, "Name in Latin letters"),
  userId: z.uuid().nullable().optional().describe("The person's user account (a member of the organisation): they may read their own record"),
  postings: z.array(ZPostingInput).max(200).describe("Posts over time"),
  languages: z.array(ZLanguageInput).max(50).describe("Languages with level (CEFR, JLPT-style for Japanese, or native)"),
  competencies: z.array(ZCompetencyRecord).max(10).describe("The paper's competencies, each with evidence"),
  source: optionalText(500, "Where the record comes from (personnel file, self-declared…)"),
  unverified: z.boolean().describe("True where the record is uncertain"),
};

export const ZPersonCreate = z
  .strictObject({
    ...personFields,
    postings: personFields.postings.default([]),
    languages: personFields.languages.default([]),
    competencies: personFields.competencies.default([]),
    unverified: personFields.unverified.default(false),
  })
  .describe("A new person (official) of the organisation");
export type TPersonCreate = z.infer<typeof ZPersonCreate>;
export const ZPersonUpdate = z
  .strictObject(personFields)
  .partial()
  .describe("Fields to change; a list given replaces the whole list (postings keep their ids)");
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZPostingOut = z.object({
  id: z.uuid(),
  kind: z.enum(POSTING_KINDS),
  dispatchTarget: z.enum(DISPATCH_TARGETS).nullable(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  officeId: z.uuid().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  functions: z.array(z.enum([...OFFICE_FUNCTIONS, ...OFFICE_DUTIES])),
  international: z.boolean().nullable(),
  from: z.string(),
  to: z.string().nullable(),
  isInternational: z.boolean().describe("Whether the posting counts as international work (see docs/people.md)"),
  current: z.boolean().describe("Whether the posting covers today (UTC)"),
});

export const ZPerson = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  postings: z.array(ZPostingOut),
  languages: z.array(z.object({ language: z.string(), scale: z.enum(LANGUAGE_SCALES), level: z.string(), evidence: z.string().optional() })),
  competencies: z.array(z.object({ code: z.enum(COMPETENCIES), label: ZBilingual, evidence: z.array(z.looseObject({ kind: z.string(), note: z.string() })) })),
  visibility: z.literal("confidential"),
  source: z.string().nullable(),
  unverified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZPeopleListQuery = ZListQueryBase.extend({}).strict();

export const ZRiskQuery = z.strictObject({
  asOf: z.iso.date().optional().describe("Day the risk is judged on (YYYY-MM-DD); today (UTC) by default"),
});
export const ZRisks = z.object({
  organisationId: z.uuid(),
  asOf: z.string(),
  items: z.array(
    z.looseObject({
      personId: z.string(),
      name: z.string(),
      reasons: z.array(z.string()),
      monthsSinceInternationalPosting: z.number().int().nullable(),
      text: ZBilingual,
    }),
  ),
});

export const ZRosterQuery = z.strictObject({
  country: ZCountryCode.optional().describe("Experience of this country (ISO 3166-1 alpha-2)"),
  function: z.enum([...OFFICE_FUNCTIONS, ...OFFICE_DUTIES]).optional().describe("Experience of this function or duty"),
  asOf: z.iso.date().optional().describe("Day open postings are counted to (YYYY-MM-DD); today (UTC) by default"),
});
export const ZRoster = z.object({
  organisationId: z.uuid(),
  items: z.array(z.looseObject({ personId: z.string(), name: z.string(), totalMonths: z.number().int(), currentlyInPost: z.boolean() })),
});

// ---------- contacts ----------
const contactFields = {
  name: z.string().trim().min(1).max(200).describe("Contact's name"),
  organisation: optionalText(200, "Their organisation"),
  role: optionalText(200, "Their role"),
  email: z.email().max(320).nullable().optional().describe("E-mail"),
  phone: optionalText(50, "Telephone"),
  note: optionalText(2000, "Note"),
};
export const ZContactCreate = z.strictObject(contactFields).describe("A contact in the person's address book");
export type TContactCreate = z.infer<typeof ZContactCreate>;
export const ZContactUpdate = z.strictObject(contactFields).partial().describe("Fields to change");
export type TContactUpdate = z.infer<typeof ZContactUpdate>;
export const ZContact = z.object({
  id: z.uuid(),
  ownerPersonId: z.uuid(),
  name: z.string(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TContact = z.infer<typeof ZContact>;
export const ZContactList = z.object({ items: z.array(ZContact) });

// ---------- handovers ----------
const coreHandover = ZHandoverInput.shape;
export const ZHandoverCreate = z
  .strictObject({
    postingId: z.uuid().describe("The person's posting that ends (it must have its last day set)"),
    successorId: z.uuid().describe("The person taking over, in the same organisation"),
    contactIds: z.array(z.uuid()).max(500).default([]).describe("The person's contacts that pass to the successor"),
    ongoingMatters: coreHandover.ongoingMatters.max(200).default([]).describe("Matters in progress: id, title, status, next step, due"),
    ties: coreHandover.ties.max(200).default([]).describe("Registry ties the successor looks after"),
    openMatchmakingCases: coreHandover.openMatchmakingCases.max(200).default([]).describe("Open matchmaking cases, as free references"),
  })
  .describe("A handover pack for the end of a posting");
export type THandoverCreate = z.infer<typeof ZHandoverCreate>;
export const ZHandoverAcknowledge = z
  .strictObject({ note: z.string().trim().max(2000).optional().describe("The successor's note") })
  .describe("The successor's acknowledgement");

const ZPersonRef = z.object({ id: z.uuid(), name: z.string() });
export const ZHandover = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  predecessor: ZPersonRef,
  successor: ZPersonRef,
  postingId: z.uuid(),
  postingEnd: z.string(),
  status: z.enum(HANDOVER_STATUSES),
  statusLabel: ZBilingual,
  contacts: z.array(z.looseObject({ contactId: z.string(), name: z.string(), ownerId: z.string() })),
  ongoingMatters: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  ties: z.array(z.looseObject({ tieId: z.string() })),
  openMatchmakingCases: z.array(z.looseObject({ caseId: z.string() })),
  acknowledgement: z.object({ at: z.string(), note: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type THandover = z.infer<typeof ZHandover>;
export const ZHandoverListQuery = z.strictObject({ status: z.enum(HANDOVER_STATUSES).optional().describe("Only pending or acknowledged packs") });
export const ZHandoverList = z.object({ items: z.array(ZHandover) });
export const ZAcknowledgement = z.object({
  handover: ZHandover,
  transferredContactIds: z.array(z.uuid()).describe("Contacts now owned by the successor"),
});
