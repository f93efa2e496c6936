/**
 * @module networks/themes
 * The themes of cases, networks and partner requests, from the paper's examples (environment,
 * historical preservation, regional branding, disaster prevention, smart city…) and the issue's list.
 * Themes stay open strings elsewhere in this capability; these are the ones with labels, a subset of
 * the initiatives' themes whose labels they share.
 */
import type { Bilingual } from "../core/domain.ts";
import { INITIATIVE_THEME_LABELS } from "../evaluation/vocabulary.ts";

export const CASE_THEMES = [
  "environment",
  "climate",
  "historical_preservation",
  "regional_branding",
  "disaster_prevention",
  "smart_city",
  "tourism",
  "food_export",
  "creative_city",
  "culture",
  "youth_exchange",
  "urban_planning",
  "public_health",
  "industry_innovation",
] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];

/** Labels shared with initiatives' themes (a project made from a case keeps its theme). */
export const CASE_THEME_LABELS: Record<CaseTheme, Bilingual> = Object.fromEntries(
  CASE_THEMES.map((theme) => [theme, INITIATIVE_THEME_LABELS[theme]]),
) as Record<CaseTheme, Bilingual>;

/** The label of a theme; an unlisted theme is shown as written in both languages. */
export function themeLabel(theme: string): Bilingual {
  return (CASE_THEME_LABELS as Record<string, Bilingual>)[theme] ?? { ja: theme, en: theme };
}
