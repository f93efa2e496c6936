/**
 * @module people/core/handover
 * Handover packs as pure state transitions. When a posting ends, the person leaving builds a pack of what the
 * successor takes over — contacts, ongoing matters, ties, open matchmaking cases; the named successor (and
 * only they) acknowledges it, once; acknowledgement yields the contact-ownership transfers, which are applied
 * all or nothing. Expertise that lives in one person's address book is what the paper's reassignments lose.
 */
import { z } from "zod";
import { ZPartialDate, periodStart } from "../../core/dates.ts";
import type { Bilingual } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import type { FieldError } from "../../core/errors.ts";
import { ZPerson } from "./person.ts";

/** A timestamp or day: 2024-03-31 or 2024-03-31T09:00:00Z. Compared as text, so keep one form per pack. */
const ZInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be YYYY-MM-DD or an ISO 8601 timestamp");

export const ZHandoverContact = z
  .object({
    contactId: z.string().trim().min(1),
    name: z.string().trim().min(1),
    organisation: z.string().trim().min(1).optional(),
    role: z.string().trim().min(1).optional(),
    ownerId: z.string().trim().min(1).describe("Who owns the contact now; must be the person handing over"),
    note: z.string().optional(),
  })
  .strict();

export const ZHandoverInput = z
  .object({
    id: z.string().trim().min(1),
    person: ZPerson.describe("The person handing over"),
    postingId: z.string().trim().min(1).describe("The posting that ends"),
    successorId: z.string().trim().min(1),
    createdAt: ZInstant,
    contacts: z.array(ZHandoverContact),
    ongoingMatters: z.array(
      z
        .object({
          id: z.string().trim().min(1),
          title: z.string().trim().min(1),
          status: z.string().optional(),
          nextStep: z.string().optional(),
          due: ZPartialDate.optional(),
        })
        .strict(),
    ),
    ties: z.array(z.object({ tieId: z.string().trim().min(1), note: z.string().optional() }).strict()),
    openMatchmakingCases: z.array(
      z.object({ caseId: z.string().trim().min(1), stage: z.string().optional(), note: z.string().optional() }).strict(),
    ),
  })
  .strict();
export type HandoverInput = z.input<typeof ZHandoverInput>;

export const HANDOVER_STATUSES = ["pending", "acknowledged"] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, Bilingual> = {
  pending: { ja: "引継ぎ確認待ち", en: "Awaiting acknowledgement" },
  acknowledged: { ja: "引継ぎ確認済み", en: "Acknowledged" },
};

type Parsed = z.infer<typeof ZHandoverInput>;

export interface HandoverPack {
  id: string;
  predecessorId: string;
  organisationId: string;
  successorId: string;
  postingId: string;
  /** The posting's last day. */
  postingEnd: string;
  createdAt: string;
  status: HandoverStatus;
  contacts: Parsed["contacts"];
  ongoingMatters: Parsed["ongoingMatters"];
  ties: Parsed["ties"];
  openMatchmakingCases: Parsed["openMatchmakingCases"];
  acknowledgement?: { by: string; at: string; note?: string };
}

export interface ContactTransfer {
  contactId: string;
  fromOwnerId: string;
  toOwnerId: string;
}

function invalid(what: string, errors: FieldError[]): never {
  throw new AppError("validation_failed", `${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
}

function duplicates<T>(items: T[], key: (t: T) => string, path: string, errors: FieldError[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) errors.push({ path: `${path}[${i}]`, message: `${k} is listed twice`, value: k });
    seen.add(k);
  });
}

/**
 * Builds a pending handover pack from the end of a posting. The posting must be the person's and must have
 * ended (have a last day); the successor must be someone else; every contact must be owned by the person
 * handing over; no item may be listed twice.
 */
export function buildHandover(input: unknown): HandoverPack {
  const parsed = ZHandoverInput.safeParse(input);
  if (!parsed.success) invalid("handover", fieldErrorsFromZod(parsed.error, "handover"));
  const h = parsed.data;
  const errors: FieldError[] = [];
  const posting = h.person.postings.find((p) => p.id === h.postingId);
  if (!posting) errors.push({ path: "handover.postingId", message: `${h.person.id} has no posting ${h.postingId}`, value: h.postingId });
  else if (posting.to === undefined) errors.push({ path: "handover.postingId", message: "the posting has not ended: set its last day first", value: h.postingId });
  if (h.successorId === h.person.id) errors.push({ path: "handover.successorId", message: "the successor must be someone other than the person handing over", value: h.successorId });
  h.contacts.forEach((c, i) => {
    if (c.ownerId !== h.person.id) {
      errors.push({ path: `handover.contacts[${i}].ownerId`, message: `owned by ${c.ownerId}, not by ${h.person.id} who is handing over`, value: c.ownerId });
    }
  });
  duplicates(h.contacts, (c) => c.contactId, "handover.contacts", errors);
  duplicates(h.ongoingMatters, (m) => m.id, "handover.ongoingMatters", errors);
  duplicates(h.ties, (t) => t.tieId, "handover.ties", errors);
  duplicates(h.openMatchmakingCases, (c) => c.caseId, "handover.openMatchmakingCases", errors);
  if (errors.length > 0) invalid("handover", errors);
  return {
    id: h.id,
    predecessorId: h.person.id,
    organisationId: h.person.organisationId,
    successorId: h.successorId,
    postingId: h.postingId,
    postingEnd: posting?.to ?? "",
    createdAt: h.createdAt,
    status: "pending",
    contacts: h.contacts,
    ongoingMatters: h.ongoingMatters,
    ties: h.ties,
    openMatchmakingCases: h.openMatchmakingCases,
  };
}

/**
 * The successor acknowledges the pack. Only the named successor may (otherwise `forbidden`), only once
 * (otherwise `conflict`), and not before the pack was made. Returns the acknowledged pack — a new object, the
 * input is untouched — and the contact transfers from predecessor to successor that go with it.
 */
export function acknowledgeHandover(
  pack: HandoverPack,
  by: { personId: string; at: string; note?: string },
): { pack: HandoverPack; transfers: ContactTransfer[] } {
  if (by.personId !== pack.successorId) {
    throw new AppError("forbidden", `only the named successor (${pack.successorId}) can acknowledge handover ${pack.id}`, [
      { path: "personId", message: `must be the named successor ${pack.successorId}`, value: by.personId },
    ]);
  }
  if (pack.status === "acknowledged") {
    throw new AppError("conflict", `handover ${pack.id} was already acknowledged on ${pack.acknowledgement?.at ?? "an earlier date"}`, [
      { path: "status", message: "already acknowledged", value: pack.status },
    ]);
  }
  if (!ZInstant.safeParse(by.at).success) invalid("acknowledgement", [{ path: "at", message: "must be YYYY-MM-DD or an ISO 8601 timestamp", value: by.at }]);
  if (periodStart(by.at.slice(0, 10)) < periodStart(pack.createdAt.slice(0, 10))) {
    invalid("acknowledgement", [{ path: "at", message: `is before the handover was made (${pack.createdAt})`, value: by.at }]);
  }
  const acknowledged: HandoverPack = {
    ...pack,
    status: "acknowledged",
    acknowledgement: { by: by.personId, at: by.at, ...(by.note !== undefined ? { note: by.note } : {}) },
  };
  const transfers = pack.contacts.map((c) => ({ contactId: c.contactId, fromOwnerId: pack.predecessorId, toOwnerId: pack.successorId }));
  return { pack: acknowledged, transfers };
}

/**
 * Applies ownership transfers to a contact list, all or nothing: every contact must exist and still be owned
 * by the transfer's `fromOwnerId` (someone may have reassigned it since the pack was made — a `conflict`).
 * Returns a new list; contacts not transferred are returned as they were.
 */
export function applyContactTransfers<C extends { contactId: string; ownerId: string }>(contacts: C[], transfers: ContactTransfer[]): C[] {
  const byId = new Map(contacts.map((c) => [c.contactId, c]));
  const errors: FieldError[] = [];
  transfers.forEach((t, i) => {
    const c = byId.get(t.contactId);
    if (!c) errors.push({ path: `transfers[${i}].contactId`, message: `no contact ${t.contactId}`, value: t.contactId });
    else if (c.ownerId !== t.fromOwnerId) {
      errors.push({ path: `transfers[${i}].fromOwnerId`, message: `${t.contactId} is owned by ${c.ownerId} now, not ${t.fromOwnerId}`, value: c.ownerId });
    }
  });
  if (errors.length > 0) {
    throw new AppError("conflict", `contact ownership cannot be transferred: ${errors.map((e) => e.message).join("; ")}`, errors);
  }
  const to = new Map(transfers.map((t) => [t.contactId, t.toOwnerId]));
  return contacts.map((c) => {
    const owner = to.get(c.contactId);
    return owner === undefined ? c : { ...c, ownerId: owner };
  });
}
