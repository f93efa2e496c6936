/**
 * @module web/pages/governance/term-view
 * Pure helpers of the term-of-office actions: the term's period in the reader's language, the edit
 * page's address, and which deletion question to ask. Deleting a term is never refused by the API: the
 * initiatives begun under it stay, unlinked, so the question says how many there are.
 */
import type { Locale } from "../../../core/domain.ts";
import { formatPartialDate } from "../../i18n/format.ts";

export const termEditPath = (orgId: string, id: string): string => `/continuity/${orgId}/terms/${id}/edit`;

/** `from – until`, or `from – <inOffice>` for a term not yet ended. */
export function termPeriod(term: { from: string; until: string | null }, locale: Locale, inOffice: string): string {
  return `${formatPartialDate(term.from, locale)} – ${term.until ? formatPartialDate(term.until, locale) : inOffice}`;
}

export type TermDeleteQuestion = "governance.term.deleteConfirm.none" | "governance.term.deleteConfirm.one" | "governance.term.deleteConfirm.many";

/** The confirmation to ask, by how many initiatives are linked to the term (and so lose their link). */
export function termDeleteQuestion(linked: number): TermDeleteQuestion {
  if (linked <= 0) return "governance.term.deleteConfirm.none";
  return linked === 1 ? "governance.term.deleteConfirm.one" : "governance.term.deleteConfirm.many";
}
