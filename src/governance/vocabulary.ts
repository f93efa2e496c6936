/**
 * @module governance/vocabulary
 * Enums the assessment adds to the shared domain vocabulary: who hosts a one-person office, the role of an
 * initiative's partner, how an initiative's partners are mixed (what the organisational-principle rules
 * look at), and the recommendation areas and codes.
 */

/** Organisations that host one-person offices (paper: CLAIR, JETRO, JNTO, a host-country agency). */
export const OFFICE_HOSTS = ["clair", "jetro", "jnto", "host_government", "other"] as const;
export type OfficeHost = (typeof OFFICE_HOSTS)[number];

export const PARTNER_ROLES = ["partner", "contractor"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** An initiative's partners as a whole: none, only contractors, or at least one real partner. */
export const PARTNER_MIXES = ["none", "contractors_only", "includes_partner"] as const;
export type PartnerMix = (typeof PARTNER_MIXES)[number];

/** The paper's recommendation areas (leadership, policy evaluation, human resources) plus office operations. */
export const RECOMMENDATION_AREAS = ["leadership", "policy_evaluation", "human_resources", "office_operations"] as const;
export type RecommendationArea = (typeof RECOMMENDATION_AREAS)[number];

export const RECOMMENDATION_CODES = [
  "outcome_kpis_missing",
  "long_term_kpis_missing",
  "discontinued_after_leader_change",
  "consider_shared_office_model",
  "hosted_office_scope_exceeds_host",
  "expertise_reassigned",
] as const;
export type RecommendationCode = (typeof RECOMMENDATION_CODES)[number];
