/**
 * @module web/pages/offices-ops/labels
 * Labels and colours the office-operations pages need beyond the app's enum labels: the time-use categories,
 * cost components, operating models and hosts come from the pure core (`src/offices/operations/labels.ts`,
 * written once for the API, the XLSX export and the CLI); the rest — where an assumption's value comes from,
 * cost-sharing keys, the settings' choices — are defined here against the core's types.
 */
import type { Bilingual } from "../../../core/domain.ts";
import type { SourceBasis, Origin } from "../../../offices/operations/assumptions.ts";
import type { SharingKeyKind } from "../../../offices/operations/cost.ts";
import type { TimeCategory } from "../../../offices/operations/labels.ts";

export {
  COST_COMPONENT_LABELS,
  COST_COMPONENTS,
  HOST_KINDS,
  HOST_LABELS,
  JOINT_PARTNER_KINDS,
  JOINT_PARTNER_LABELS,
  OFFICE_MODEL_LABELS as MODEL_LONG_LABELS,
  TIME_CATEGORIES,
  TIME_CATEGORY_LABELS,
  WORK_CATEGORIES,
} from "../../../offices/operations/labels.ts";
export type { CostComponent, HostKind, JointPartnerKind, TimeCategory, WorkCategory } from "../../../offices/operations/labels.ts";

/** Where a figure of the comparison rests: the paper, a public fact, an estimate, a reading of the paper, or a modelling choice. */
export const BASIS_LABELS: Record<SourceBasis | "unsourced", Bilingual> = {
  paper: { ja: "論文", en: "Paper" },
  public_fact: { ja: "公開情報", en: "Public fact" },
  estimate: { ja: "推計", en: "Estimate" },
  interpretation: { ja: "論文の解釈", en: "Interpretation of the paper" },
  setting: { ja: "設定", en: "Setting" },
  unsourced: { ja: "出典なし", en: "No source" },
};

/** Which layer a value used came from: the shipped file, the office's own record, or the what-if. */
export const ORIGIN_LABELS: Record<Origin, Bilingual> = {
  default: { ja: "既定値", en: "Default" },
  office: { ja: "事務所の設定", en: "Office" },
  override: { ja: "試算で変更", en: "What-if" },
};

export const SHARING_KEY_KINDS = ["equal", "fixed_shares", "by_usage", "base_plus_usage"] as const satisfies readonly SharingKeyKind[];
export const SHARING_KEY_LABELS: Record<SharingKeyKind, Bilingual> = {
  equal: { ja: "均等割", en: "Equal shares" },
  fixed_shares: { ja: "固定割合", en: "Fixed shares" },
  by_usage: { ja: "利用実績割", en: "By usage" },
  base_plus_usage: { ja: "均等割＋利用実績割", en: "Base fee plus usage" },
};

export const OPERATIONS_VISIBILITY_LABELS: Record<"confidential" | "shared", Bilingual> = {
  confidential: { ja: "非公開（所有団体のみ）", en: "Confidential (the owner only)" },
  shared: { ja: "共同設置者と共有", en: "Shared with the co-owners" },
};

export const MEMBER_ROLE_LABELS: Record<"owner" | "co_owner", Bilingual> = {
  owner: { ja: "設置者", en: "Owner" },
  co_owner: { ja: "共同設置者", en: "Co-owner" },
};

export const PERIOD_END_LABELS: Record<"transition" | "closed" | "merged", Bilingual> = {
  transition: { ja: "運営形態の変更", en: "Model changed" },
  closed: { ja: "閉鎖", en: "Closed" },
  merged: { ja: "統合", en: "Merged" },
};

/**
 * One colour per time category: office management stands out (the share measured against 30 %), the four
 * primary functions in blues and greens, the other duties in muted tones.
 */
export const TIME_CATEGORY_COLORS: Record<TimeCategory, string> = {
  office_management: "#c8102e",
  information_gathering: "#24508a",
  regional_promotion: "#3f7fbf",
  educational_cultural_exchange: "#2a9d8f",
  economic_exchange_business_support: "#17375e",
  human_networks: "#8ab17d",
  vip_visits: "#e9c46a",
  trade_fair_support: "#f4a261",
  port_airport_marketing: "#9c6644",
  japanese_language_education: "#a78bfa",
  staff_development: "#94a3b8",
};

export const COST_COMPONENT_COLORS: Record<string, string> = {
  rent: "#6d597a",
  local_staff: "#3f7fbf",
  dispatched_staff: "#24508a",
  host_or_membership_fees: "#2a9d8f",
  contract_fees: "#8ab17d",
  travel: "#e9c46a",
  events: "#f4a261",
  other: "#94a3b8",
};
