/**
 * @module networks/themes
 * The themes of cases, networks and partner requests, from the paper's examples (environment,
 * historical preservation, regional branding, disaster prevention, smart city…) and the list.
 * Themes stay open strings elsewhere in this capability; these are the ones with labels. (Belongs in
 * core/domain next to TIE_KINDS once other capabilities use it.)
 */
import type { Bilingual } from "../core/domain.ts";

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

export const CASE_THEME_LABELS: Record<CaseTheme, Bilingual> = {
  environment: { ja: "環境", en: "Environment" },
  climate: { ja: "気候変動対策", en: "Climate action" },
  historical_preservation: { ja: "歴史的景観の保全", en: "Historical preservation" },
  regional_branding: { ja: "地域ブランディング", en: "Regional branding" },
  disaster_prevention: { ja: "防災", en: "Disaster prevention" },
  smart_city: { ja: "スマートシティ", en: "Smart city" },
  tourism: { ja: "観光", en: "Tourism" },
  food_export: { ja: "食品輸出", en: "Food export" },
  creative_city: { ja: "創造都市", en: "Creative city" },
  culture: { ja: "文化交流", en: "Cultural exchange" },
  youth_exchange: { ja: "青少年交流", en: "Youth exchange" },
  urban_planning: { ja: "都市計画", en: "Urban planning" },
  public_health: { ja: "公衆衛生", en: "Public health" },
  industry_innovation: { ja: "産業・イノベーション", en: "Industry and innovation" },
};

/** The label of a theme; an unlisted theme is shown as written in both languages. */
export function themeLabel(theme: string): Bilingual {
  return (CASE_THEME_LABELS as Record<string, Bilingual>)[theme] ?? { ja: theme, en: theme };
}
