/**
 * @module web/pages/governance/governance-labels
 * Labels of the governance and evaluation enums that enum-labels.ts does not have. The evaluation's own
 * vocabularies (themes, statuses, units, directions, period kinds, metrics) come with their labels from
 * evaluation/vocabulary.ts, a pure module shared with the server.
 */
import type { Bilingual } from "../../../core/domain.ts";
import type { PartnerRole, RecommendationArea } from "../../../governance/vocabulary.ts";

export {
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_THEME_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_DIRECTIONS,
  KPI_UNIT_LABELS,
  KPI_UNITS,
  METRIC_LABELS,
  METRICS,
  PERIOD_KIND_LABELS,
  PERIOD_KINDS,
  type InitiativeStatus,
  type KpiUnit,
  type PeriodKind,
} from "../../../evaluation/vocabulary.ts";

export const RECOMMENDATION_AREA_LABELS: Record<RecommendationArea, Bilingual> = {
  leadership: { ja: "リーダーシップ", en: "Leadership" },
  policy_evaluation: { ja: "政策評価", en: "Policy evaluation" },
  human_resources: { ja: "人材育成", en: "Human resources" },
  office_operations: { ja: "事務所運営", en: "Office operations" },
};

export const PARTNER_ROLE_LABELS: Record<PartnerRole, Bilingual> = {
  partner: { ja: "連携先", en: "Partner" },
  contractor: { ja: "委託先", en: "Contractor" },
};

