/**
 * @module core/domain
 * The paper's vocabulary, defined once. zod schemas, database checks, form inputs, the assessment model
 * and the seed data all take their enums from here, so a new value is added in one place.
 */

export const ORGANISATION_KINDS = [
  "prefecture",
  "designated_city",
  "municipality",
  "national_agency",
  "host_government_agency",
  "foreign_city",
  "foreign_region",
  "regional_bank",
  "university",
  "company",
  "service_provider",
  "network",
  "npo",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Kinds that are Japanese local governments and so carry a JIS X 0401/0402 code. */
export const LOCAL_GOVERNMENT_KINDS = ["prefecture", "designated_city", "municipality"] as const;
export type LocalGovernmentKind = (typeof LOCAL_GOVERNMENT_KINDS)[number];

/** The three pillars of a Japanese local government's international strategy (paper, "Results"). */
export const STRATEGY_PILLARS = [
  "acquisition_of_external_demand",
  "attraction_of_external_demand",
  "human_resource_development",
] as const;
export type StrategyPillar = (typeof STRATEGY_PILLARS)[number];

/** How an overseas office is run (paper: independent, joint, outsourced, one-person hosted). */
export const OFFICE_MODELS = [
  "independent",
  "joint_municipal",
  "joint_industry_academia",
  "hosted",
  "outsourced",
] as const;
export type OfficeModel = (typeof OFFICE_MODELS)[number];

/** The four primary functions of an overseas office (paper, "Overseas Offices of Local Governments"). */
export const OFFICE_FUNCTIONS = [
  "information_gathering",
  "regional_promotion",
  "educational_cultural_exchange",
  "economic_exchange_business_support",
] as const;
export type OfficeFunction = (typeof OFFICE_FUNCTIONS)[number];

/** The other duties the paper lists beside the four functions. */
export const OFFICE_DUTIES = [
  "human_networks",
  "vip_visits",
  "trade_fair_support",
  "port_airport_marketing",
  "japanese_language_education",
  "staff_development",
] as const;
export type OfficeDuty = (typeof OFFICE_DUTIES)[number];

export const FOCUS_AREAS = [
  "food_export",
  "craft_export",
  "tourism",
  "lcc_attraction",
  "sme_internationalisation",
  "technology_development",
  "startup_attraction",
  "general_affairs",
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const TIE_KINDS = [
  "sister_city",
  "friendship",
  "business_partner",
  "purpose_specific",
  "network_membership",
  "mou",
  "partnership",
  "outsourcing_contract",
  "hosting",
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export const TIE_PURPOSES = [
  "administrative",
  "cultural",
  "youth",
  "economic",
  "social",
  "urban_problem_solving",
  "innovation",
  "project_making",
] as const;
export type TiePurpose = (typeof TIE_PURPOSES)[number];

/** Table 3's three stages, in developmental order (ties are broken towards the earlier one). */
export const GOVERNANCE_STAGES = [
  "traditional_administration",
  "new_public_management",
  "network_governance",
] as const;
export type GovernanceStage = (typeof GOVERNANCE_STAGES)[number];

/** Table 3's six dimensions. */
export const GOVERNANCE_DIMENSIONS = [
  "governance_purpose",
  "organisational_principle",
  "interorganisational_relations",
  "exchange_purpose",
  "office_model",
  "urban_exchange_form",
] as const;
export type GovernanceDimension = (typeof GOVERNANCE_DIMENSIONS)[number];

export const LOGIC_MODEL_LEVELS = ["input", "activity", "output", "outcome", "impact"] as const;
export type LogicModelLevel = (typeof LOGIC_MODEL_LEVELS)[number];

export const KPI_HORIZONS = ["short", "long"] as const;
export type KpiHorizon = (typeof KPI_HORIZONS)[number];

export const VISIBILITIES = ["public", "shared", "confidential"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MEMBER_ROLES = ["admin", "staff", "partner", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A label in both languages the product speaks. */
export interface Bilingual {
  ja: string;
  en: string;
}
