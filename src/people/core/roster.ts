/**
 * @module people/core/roster
 * Who in an organisation has experience of a country or a function, so that a new initiative finds its people:
 * the matching postings of each person, how many months they add up to, and the person's languages and
 * competencies. Pure.
 */
import { z } from "zod";
import { ZCountryCode } from "../../core/codes.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../../core/domain.ts";
import type { LanguageSkill } from "./languages.ts";
import { isCurrentOn, isInternationalPosting, nextDay, parseAsOf, parsePeople, periodEnd, todayUtc, wholeMonthsBetween } from "./person.ts";
import type { Competency, Posting } from "./person.ts";
import { periodStart } from "../../core/dates.ts";

export const ZRosterQuery = z
  .object({
    country: ZCountryCode.optional().describe("Experience of this country (ISO 3166-1 alpha-2)"),
    function: z.enum([...OFFICE_FUNCTIONS, ...OFFICE_DUTIES]).optional().describe("Experience of this function or duty"),
    asOf: z.string().optional().describe("Day that open postings are counted to (YYYY-MM-DD); today (UTC) by default"),
  })
  .strict();
export type RosterQuery = z.input<typeof ZRosterQuery>;

export interface RosterPosting {
  posting: Posting;
  months: number;
  current: boolean;
}

export interface RosterEntry {
  personId: string;
  organisationId: string;
  name: string;
  postings: RosterPosting[];
  totalMonths: number;
  currentlyInPost: boolean;
  languages: LanguageSkill[];
  competencies: Competency[];
}

/**
 * People with matching experience. A posting matches when it is in the country (if given) and lists the
 * function (if given) — both, when both are given; with neither, every international posting matches. Months
 * run from the posting's first day to the day after its last (open postings: to asOf). Sorted by total months,
 * most first, then by id.
 */
export function roster(peopleInput: unknown, queryInput: RosterQuery = {}): RosterEntry[] {
  const parsed = ZRosterQuery.safeParse(queryInput);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error, "query");
    throw new AppError("validation_failed", `query is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  const q = parsed.data;
  const day = parseAsOf(q.asOf ?? todayUtc(), "query.asOf");
  const matches = (p: Posting): boolean => {
    if (periodStart(p.from) > day) return false;
    if (q.country === undefined && q.function === undefined) return isInternationalPosting(p);
    return (q.country === undefined || p.country === q.country) && (q.function === undefined || (p.functions ?? []).includes(q.function));
  };
  const entries: RosterEntry[] = [];
  for (const person of parsePeople(peopleInput)) {
    const postings = person.postings.filter(matches).map((p) => {
      const end = p.to !== undefined && periodEnd(p.to) < day ? nextDay(periodEnd(p.to)) : day;
      return { posting: p, months: wholeMonthsBetween(periodStart(p.from), end), current: isCurrentOn(p, day) };
    });
    if (postings.length === 0) continue;
    entries.push({
      personId: person.id,
      organisationId: person.organisationId,
      name: person.name,
      postings,
      totalMonths: postings.reduce((s, p) => s + p.months, 0),
      currentlyInPost: postings.some((p) => p.current),
      languages: person.languages,
      competencies: [...new Set(person.competencies.map((c) => c.code))],
    });
  }
  return entries.sort((a, b) => b.totalMonths - a.totalMonths || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}
