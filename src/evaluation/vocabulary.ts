/**
 * @module evaluation/vocabulary
 * The evaluation's own enums with their ja/en labels: initiative themes and statuses, KPI units,
 * directions and period kinds, and the metric codes through which matchmaking outcomes feed KPIs.
 * (Logic-model levels, horizons, pillars and purposes come from core/domain; partner roles from
 * governance/vocabulary, so the assessment reads initiatives with the same words.)
 */
import type { Bilingual } from "../core/domain.ts";

/**
 * Themes of initiatives: the paper's examples of what multi-city networks organise around (environment,
 * historical preservation, regional branding, disaster prevention, smart cities), the focus areas of
 * overseas offices, and every theme the networks capability gives its cases (networks/themes.ts), so an
 * initiative created from a case keeps the case's theme.
 */
export const INITIATIVE_THEMES = [
  "environment",
  "climate",
  "historical_preservation",
  "regional_branding",
  "disaster_prevention",
  "smart_city",
  "tourism",
  "food_export",
  "craft_export",
  "sme_internationalisation",
  "investment_attraction",
  "foreign_talent",
  "human_resource_development",
  "creative_city",
  "culture",
  "youth_exchange",
  "urban_planning",
  "public_health",
  "industry_innovation",
] as const;
export type InitiativeTheme = (typeof INITIATIVE_THEMES)[number];

export const INITIATIVE_THEME_LABELS: Record<InitiativeTheme, Bilingual> = {
  environment: { ja: "環境", en: "Environment" },
  climate: { ja: "気候変動対策", en: "Climate action" },
  historical_preservation: { ja: "歴史的景観の保全", en: "Historical preservation" },
  regional_branding: { ja: "地域ブランディング", en: "Regional branding" },
  disaster_prevention: { ja: "防災", en: "Disaster prevention" },
  smart_city: { ja: "スマートシティ", en: "Smart city" },
  tourism: { ja: "観光", en: "Tourism" },
  food_export: { ja: "食品輸出", en: "Food export" },
  craft_export: { ja: "工芸品輸出", en: "Craft export" },
  sme_internationalisation: { ja: "中小企業の海外展開", en: "SME internationalisation" },
  investment_attraction: { ja: "投資誘致", en: "Investment attraction" },
  foreign_talent: { ja: "外国人材", en: "Foreign talent" },
  human_resource_development: { ja: "人材育成", en: "Human-resource development" },
  creative_city: { ja: "創造都市", en: "Creative city" },
  culture: { ja: "文化交流", en: "Cultural exchange" },
  youth_exchange: { ja: "青少年交流", en: "Youth exchange" },
  urban_planning: { ja: "都市計画", en: "Urban planning" },
  public_health: { ja: "公衆衛生", en: "Public health" },
  industry_innovation: { ja: "産業・イノベーション", en: "Industry and innovation" },
};

/** An initiative's life: the paper's concern is what a change of leader suspends or discontinues. */
export const INITIATIVE_STATUSES = ["planned", "active", "suspended", "discontinued", "completed"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
/** Statuses that end an initiative: the date of the event that set one is its `until`. */
export const ENDING_STATUSES: ReadonlySet<InitiativeStatus> = new Set(["discontinued", "completed"]);

export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, Bilingual> = {
  planned: { ja: "計画中", en: "Planned" },
  active: { ja: "実施中", en: "Active" },
  suspended: { ja: "休止", en: "Suspended" },
  discontinued: { ja: "廃止", en: "Discontinued" },
  completed: { ja: "完了", en: "Completed" },
};

export const KPI_UNITS = ["count", "persons", "organisations", "jpy", "usd", "percent", "index"] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];
export const KPI_UNIT_LABELS: Record<KpiUnit, Bilingual> = {
  count: { ja: "件", en: "count" },
  persons: { ja: "人", en: "persons" },
  organisations: { ja: "団体・社", en: "organisations" },
  jpy: { ja: "円", en: "yen" },
  usd: { ja: "米ドル", en: "US dollars" },
  percent: { ja: "％", en: "%" },
  index: { ja: "指数", en: "index" },
};

export const KPI_DIRECTIONS = ["increase", "decrease"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export const KPI_DIRECTION_LABELS: Record<KpiDirection, Bilingual> = {
  increase: { ja: "増加が望ましい", en: "Higher is better" },
  decrease: { ja: "減少が望ましい", en: "Lower is better" },
};

/** How a KPI's measurements are dated: calendar year `2024`, Japanese fiscal year `FY2024` (April 2024 – March 2025), or month `2024-05`. */
export const PERIOD_KINDS = ["year", "fiscal_year", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, Bilingual> = {
  year: { ja: "暦年", en: "Calendar year" },
  fiscal_year: { ja: "年度", en: "Fiscal year (April–March)" },
  month: { ja: "月", en: "Month" },
};

/**
 * What a KPI counts, when it counts something other capabilities record: matchmaking outcomes (negotiations,
 * contracts, sales), tourists, partnerships and projects created. `recordMetricValue` adds to every KPI of
 * the metric; a KPI without a metric is only measured by hand or by import.
 */
export const METRICS = [
  "business_negotiations",
  "contracts",
  "sales_jpy",
  "foreign_tourists",
  "partnerships",
  "projects_created",
  "companies_supported",
  "events_held",
] as const;
export type Metric = (typeof METRICS)[number];
export const METRIC_LABELS: Record<Metric, Bilingual & { unit: KpiUnit }> = {
  business_negotiations: { ja: "商談件数", en: "Business negotiations", unit: "count" },
  contracts: { ja: "成約件数", en: "Contracts concluded", unit: "count" },
  sales_jpy: { ja: "売上額", en: "Sales (yen)", unit: "jpy" },
  foreign_tourists: { ja: "外国人観光客数", en: "Foreign tourists", unit: "persons" },
  partnerships: { ja: "継続的な連携関係", en: "Long-lived partnerships", unit: "count" },
  projects_created: { ja: "創出されたプロジェクト", en: "Projects created", unit: "count" },
  companies_supported: { ja: "支援企業数", en: "Companies supported", unit: "organisations" },
  events_held: { ja: "商談会・ミッション等の開催", en: "Trade fairs, missions and seminars held", unit: "count" },
};

/** Warnings of the KPI dashboard: the short-term trap the paper describes. */
export const KPI_WARNINGS = ["outputs_only", "short_term_only"] as const;
export type KpiWarning = (typeof KPI_WARNINGS)[number];
export const KPI_WARNING_TEXTS: Record<KpiWarning, Bilingual> = {
  outputs_only: {
    ja: "成果（アウトカム）や影響（インパクト）を測るKPIがありません。商談件数や来訪者数などの短期的な指標だけでは、長期的な取組が評価されず、首長の交代で打ち切られやすくなります。",
    en: "No KPI measures an outcome or impact. Measuring only short-term outputs such as business negotiations or visitor numbers leaves long-term initiatives unvalued and easy to discontinue when the leader changes.",
  },
  short_term_only: {
    ja: "長期のKPIがありません。国際的なネットワークは社会基盤であり、長期的な視点での評価が必要です。",
    en: "No KPI has a long-term horizon. International networks are social infrastructure and need to be evaluated over the long term.",
  },
};
