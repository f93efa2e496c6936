/**
 * @module web/pages/people/skills-model
 * The languages-and-competencies editor as data: the PATCH body built from its rows (competencies not held
 * are left out, empty optional fields are not sent), and the input each API error path points at. A
 * competency's index in the request counts only the competencies held, so paths are mapped back through
 * that order. Pure.
 */
import type { Competency } from "../../../people/core/person.ts";

export interface LanguageDraft {
  language: string;
  scale: string;
  level: string;
  evidence: string;
}

export interface EvidenceDraft {
  kind: string;
  postingId: string;
  note: string;
  date: string;
}

export interface CompetencyDraft {
  code: Competency;
  held: boolean;
  evidence: EvidenceDraft[];
}

export function skillsBody(languages: readonly LanguageDraft[], competencies: readonly CompetencyDraft[]) {
  return {
    languages: languages.map((l) => ({
      language: l.language.trim().toLowerCase(),
      scale: l.scale,
      level: l.level,
      ...(l.evidence.trim() ? { evidence: l.evidence.trim() } : {}),
    })),
    competencies: competencies
      .filter((c) => c.held)
      .map((c) => ({
        code: c.code,
        evidence: c.evidence.map((e) => ({
          kind: e.kind,
          ...(e.kind === "posting" || e.postingId ? (e.postingId ? { postingId: e.postingId } : {}) : {}),
          note: e.note.trim(),
          ...(e.date.trim() ? { date: e.date.trim() } : {}),
        })),
      })),
  };
}

/**
 * The element id an error path belongs to: `languages[1].level` → `lang-1-level`;
 * `competencies[0].evidence[2].note` → `comp-<code>-2-note` (the code of the first competency held);
 * `competencies[0].evidence` → `comp-<code>`.
 */
export function skillsErrorTarget(path: string, competencies: readonly CompetencyDraft[]): string | undefined {
  const bare = path.replace(/^body\./, "");
  const lang = /^languages\[(\d+)\]\.(\w+)$/.exec(bare);
  if (lang) return `lang-${lang[1]}-${lang[2]}`;
  const comp = /^competencies\[(\d+)\](?:\.evidence(?:\[(\d+)\](?:\.(\w+))?)?)?/.exec(bare);
  if (comp) {
    const held = competencies.filter((c) => c.held);
    const code = held[Number(comp[1])]?.code;
    if (!code) return undefined;
    if (comp[2] !== undefined && comp[3]) return `comp-${code}-${comp[2]}-${comp[3]}`;
    return `comp-${code}`;
  }
  return undefined;
}
