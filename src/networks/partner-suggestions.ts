/**
 * @module networks/partner-suggestions
 * Answers a request for partners ("we seek a city that has solved X") with organisations ranked by
 * four signals the paper names, each scaled to 0–1 and combined with documented weights:
 *
 * - theme fit (0.40): share of the requested themes the candidate works on (its own themes and
 *   those of its cases);
 * - case evidence (0.30): its best case, scored 0.5 × (case theme requested) + 0.5 × text similarity
 *   of the case to the request (TF-IDF cosine over all cases, Japanese and English);
 * - warm introduction (0.15): 1 if the requester already has a live tie with it, otherwise
 *   1 − 0.5^k for k organisations tied to both (a friend of a friend);
 * - network co-membership (0.15): 1 − 0.5^k for k networks both belong to.
 *
 * A candidate needs some theme fit or case evidence to be suggested at all: ties alone do not say
 * who has solved the problem. Every suggestion carries its reasons in Japanese and English.
 */
import type { Bilingual } from "../core/domain.ts";
import { themeLabel } from "./themes.ts";
import { cosine, inverseDocumentFrequency, sharedTerms, terms, tfidf, type TermVector } from "./text.ts";
import type { TieState } from "./tie-lifecycle.ts";

export interface PartnerRequest {
  requesterId: string;
  themes: readonly string[];
  /** The request in the requester's words, Japanese or English. */
  text: string;
}

export interface CandidateOrg {
  id: string;
  name: Bilingual;
  themes: readonly string[];
}

export interface CaseRecord {
  id: string;
  orgId: string;
  theme: string;
  title: Bilingual;
  /** Problem, approach and results, in any language. */
  text: string;
}

export interface TieLink {
  source: string;
  target: string;
  /** Only signed and active ties (or ties without a state) count as live. */
  state?: TieState;
}

/** A current membership; the caller leaves out those that have ended. */
export interface Membership {
  orgId: string;
  networkId: string;
}

export interface SuggestionContext {
  candidates: readonly CandidateOrg[];
  cases: readonly CaseRecord[];
  ties: readonly TieLink[];
  memberships: readonly Membership[];
  /** Names of introducers and networks for the reasons; ids are shown when missing. */
  names?: Readonly<Record<string, Bilingual>>;
}

export const SUGGESTION_WEIGHTS = { themeFit: 0.4, caseEvidence: 0.3, warmIntroduction: 0.15, networkCoMembership: 0.15 } as const;
export type SuggestionComponent = keyof typeof SUGGESTION_WEIGHTS;

export interface SuggestionOptions {
  limit?: number;
  weights?: Partial<Record<SuggestionComponent, number>>;
}

export type ReasonCode = "theme_fit" | "case_evidence" | "direct_tie" | "warm_introduction" | "network_co_membership";

export interface SuggestionReason extends Bilingual {
  code: ReasonCode;
  /** Weighted points this reason adds to the score. */
  contribution: number;
}

export interface Suggestion {
  orgId: string;
  name: Bilingual;
  score: number;
  components: Record<SuggestionComponent, number>;
  reasons: SuggestionReason[];
  matchedThemes: string[];
  /** Supporting cases, best first. */
  caseIds: string[];
  introducers: string[];
  sharedNetworks: string[];
}

const LIVE: readonly (TieState | undefined)[] = [undefined, "signed", "active"];

function nameOf(id: string, names: Readonly<Record<string, Bilingual>> | undefined): Bilingual {
  return names?.[id] ?? { ja: id, en: id };
}

function list(items: Bilingual[]): Bilingual {
  return { ja: items.map((i) => i.ja).join("、"), en: items.map((i) => i.en).join(", ") };
}

const saturate = (k: number) => 1 - 0.5 ** k;

export function suggestPartners(request: PartnerRequest, context: SuggestionContext, options: SuggestionOptions = {}): Suggestion[] {
  const weights = { ...SUGGESTION_WEIGHTS, ...options.weights };
  const wanted = new Set(request.themes);

  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
  for (const tie of context.ties) {
    if (!LIVE.includes(tie.state) || tie.source === tie.target) continue;
    link(tie.source, tie.target);
    link(tie.target, tie.source);
  }
  const mine = neighbours.get(request.requesterId) ?? new Set<string>();
  const networksOf = new Map<string, Set<string>>();
  for (const m of context.memberships) networksOf.set(m.orgId, (networksOf.get(m.orgId) ?? new Set()).add(m.networkId));
  const myNetworks = networksOf.get(request.requesterId) ?? new Set<string>();

  const caseTerms = context.cases.map((c) => terms(`${c.title.ja} ${c.title.en} ${c.text}`));
  const requestTerms = terms(request.text);
  const idf = inverseDocumentFrequency([...caseTerms, requestTerms]);
  const requestVector = tfidf(requestTerms, idf);
  const caseVectors = new Map<string, TermVector>(context.cases.map((c, i) => [c.id, tfidf(caseTerms[i]!, idf)]));

  const suggestions: Suggestion[] = [];
  for (const candidate of context.candidates) {
    if (candidate.id === request.requesterId) continue;
    const cases = context.cases.filter((c) => c.orgId === candidate.id);
    const covered = new Set([...candidate.themes, ...cases.map((c) => c.theme)]);
    const matchedThemes = request.themes.filter((t) => covered.has(t));
    const themeFit = wanted.size > 0 ? matchedThemes.length / wanted.size : 0;

    const scoredCases = cases
      .map((c) => {
        const vector = caseVectors.get(c.id)!;
        const similarity = cosine(requestVector, vector);
        return { c, similarity, score: 0.5 * (wanted.has(c.theme) ? 1 : 0) + 0.5 * similarity, shared: sharedTerms(requestVector, vector, 3) };
      })
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || (a.c.id < b.c.id ? -1 : 1));
    const caseEvidence = scoredCases[0]?.score ?? 0;
    if (themeFit === 0 && caseEvidence === 0) continue;

    const direct = mine.has(candidate.id);
    const introducers = direct ? [] : [...(neighbours.get(candidate.id) ?? [])].filter((m) => mine.has(m) && m !== request.requesterId).sort();
    const warmIntroduction = direct ? 1 : saturate(introducers.length);
    const sharedNetworks = [...(networksOf.get(candidate.id) ?? [])].filter((n) => myNetworks.has(n)).sort();
    const networkCoMembership = saturate(sharedNetworks.length);

    const components = { themeFit, caseEvidence, warmIntroduction, networkCoMembership };
    const score =
      weights.themeFit * themeFit +
      weights.caseEvidence * caseEvidence +
      weights.warmIntroduction * warmIntroduction +
      weights.networkCoMembership * networkCoMembership;

    const reasons: SuggestionReason[] = [];
    if (themeFit > 0) {
      const themes = list(matchedThemes.map(themeLabel));
      reasons.push({
        code: "theme_fit",
        contribution: weights.themeFit * themeFit,
        ja: `依頼のテーマに取り組んでいます：${themes.ja}`,
        en: `Works on the requested theme(s): ${themes.en}`,
      });
    }
    const best = scoredCases[0];
    if (best) {
      const theme = themeLabel(best.c.theme);
      const words = best.shared.length > 0 ? best.shared.join(", ") : null;
      reasons.push({
        code: "case_evidence",
        contribution: weights.caseEvidence * caseEvidence,
        ja: `事例「${best.c.title.ja}」（${theme.ja}）が依頼内容に合致${words ? `（共通語：${words}）` : ""}`,
        en: `Case "${best.c.title.en}" (${theme.en}) matches the request${words ? ` (shared terms: ${words})` : ""}`,
      });
    }
    if (direct) {
      reasons.push({ code: "direct_tie", contribution: weights.warmIntroduction, ja: "既に連携関係があります", en: "Already tied with you" });
    } else if (introducers.length > 0) {
      const via = list(introducers.map((id) => nameOf(id, context.names)));
      reasons.push({
        code: "warm_introduction",
        contribution: weights.warmIntroduction * warmIntroduction,
        ja: `${via.ja}を通じて紹介を受けられます`,
        en: `Warm introduction possible through ${via.en}`,
      });
    }
    if (sharedNetworks.length > 0) {
      const nets = list(sharedNetworks.map((id) => nameOf(id, context.names)));
      reasons.push({
        code: "network_co_membership",
        contribution: weights.networkCoMembership * networkCoMembership,
        ja: `同じネットワークに加盟しています：${nets.ja}`,
        en: `Fellow member of ${nets.en}`,
      });
    }
    reasons.sort((a, b) => b.contribution - a.contribution);

    suggestions.push({
      orgId: candidate.id,
      name: candidate.name,
      score,
      components,
      reasons,
      matchedThemes,
      caseIds: scoredCases.map((s) => s.c.id),
      introducers,
      sharedNetworks,
    });
  }
  suggestions.sort((a, b) => b.score - a.score || b.components.themeFit - a.components.themeFit || (a.orgId < b.orgId ? -1 : 1));
  return suggestions.slice(0, options.limit ?? 10);
}
