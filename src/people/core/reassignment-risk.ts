/**
 * @module people/core/reassignment-risk
 * The paper's warning that "personnel with international expertise may be reassigned to positions unrelated
 * to their skills, leading to loss of motivation and, in some cases, career changes": people with
 * international postings or the paper's competencies whose current post makes no use of them, with how long
 * it has been since their last international posting — for their organisation's admins to act on. Pure.
 */
import type { Bilingual } from "../../core/domain.ts";
import { COMPETENCY_LABELS, isCurrentOn, isInternationalPosting, nextDay, parseAsOf, parsePeople, periodEnd, wholeMonthsBetween } from "./person.ts";
import type { Competency, Person, Posting } from "./person.ts";
import type { LanguageSkill } from "./languages.ts";

export type RiskReason = "international_postings" | "competencies";

export interface ReassignmentRisk {
  personId: string;
  organisationId: string;
  name: string;
  currentPostings: Posting[];
  reasons: RiskReason[];
  lastInternationalPosting: Posting | null;
  /** Whole months from the day after the last international posting ended to asOf; null with none. */
  monthsSinceInternationalPosting: number | null;
  competencies: Competency[];
  languages: LanguageSkill[];
  text: Bilingual;
}

function describe(r: Omit<ReassignmentRisk, "text">): Bilingual {
  const competencies = r.competencies.map((c) => COMPETENCY_LABELS[c]);
  const ja: string[] = [];
  const en: string[] = [];
  if (r.monthsSinceInternationalPosting !== null) {
    ja.push(`最後の国際関係の勤務の終了から${r.monthsSinceInternationalPosting}か月`);
    en.push(`${r.monthsSinceInternationalPosting} months since the last international posting`);
  }
  if (competencies.length > 0) {
    ja.push(`能力：${competencies.map((c) => c.ja).join("、")}`);
    en.push(`competencies: ${competencies.map((c) => c.en).join(", ")}`);
  }
  return {
    ja: `国際的な経験・能力が現在の所属で活かされていない（${ja.join("／")}）`,
    en: `International experience is not used in the current post (${en.join("; ")})`,
  };
}

/**
 * Flags each person who has held an international posting (ended by `asOf`) or holds one of the paper's
 * competencies, has at least one posting current on `asOf`, and none of whose current postings is
 * international (see `isInternationalPosting`). People with no current posting (leave, secondment not
 * recorded) are not flagged. Sorted by months since the last international posting, longest first (people
 * flagged on competencies alone last), then by id.
 */
export function reassignmentRisks(peopleInput: unknown, asOf: string): ReassignmentRisk[] {
  const people: Person[] = parsePeople(peopleInput);
  const day = parseAsOf(asOf);
  const flagged: ReassignmentRisk[] = [];
  for (const person of people) {
    const current = person.postings.filter((p) => isCurrentOn(p, day));
    if (current.length === 0 || current.some(isInternationalPosting)) continue;
    const pastInternational = person.postings
      .filter((p) => isInternationalPosting(p) && p.to !== undefined && periodEnd(p.to) < day)
      .sort((a, b) => (periodEnd(a.to ?? "") < periodEnd(b.to ?? "") ? -1 : 1));
    const last = pastInternational.at(-1) ?? null;
    const competencies = [...new Set(person.competencies.map((c) => c.code))];
    const reasons: RiskReason[] = [];
    if (last) reasons.push("international_postings");
    if (competencies.length > 0) reasons.push("competencies");
    if (reasons.length === 0) continue;
    const risk = {
      personId: person.id,
      organisationId: person.organisationId,
      name: person.name,
      currentPostings: current,
      reasons,
      lastInternationalPosting: last,
      monthsSinceInternationalPosting: last?.to ? wholeMonthsBetween(nextDay(periodEnd(last.to)), day) : null,
      competencies,
      languages: person.languages,
    };
    flagged.push({ ...risk, text: describe(risk) });
  }
  return flagged.sort((a, b) => {
    const ma = a.monthsSinceInternationalPosting ?? -1;
    const mb = b.monthsSinceInternationalPosting ?? -1;
    return ma !== mb ? mb - ma : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
  });
}
