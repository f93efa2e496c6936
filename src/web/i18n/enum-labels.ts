/**
 * @module web/i18n/enum-labels
 * Japanese and English labels for every enum of the domain. Each table is a `Record` over the enum in
 * core/domain, so adding a value there fails the type check here until it has both labels.
 */
import type {
  Bilingual,
  FocusArea,
  GovernanceDimension,
  GovernanceStage,
  KpiHorizon,
  LogicModelLevel,
  MemberRole,
  OfficeDuty,
  OfficeFunction,
  OfficeModel,
  OrganisationKind,
  StrategyPillar,
  TieKind,
  TiePurpose,
  Visibility,
} from "../../core/domain.ts";

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, Bilingual> = {
  prefecture: { ja: "都道府県", en: "Prefecture" },
  designated_city: { ja: "政令指定都市", en: "Designated city" },
  municipality: { ja: "市区町村", en: "Municipality" },
  national_agency: { ja: "国の機関", en: "National agency" },
  host_government_agency: { ja: "現地政府機関", en: "Host-country agency" },
  foreign_city: { ja: "海外の都市", en: "Foreign city" },
  foreign_region: { ja: "海外の州・地域", en: "Foreign region" },
  regional_bank: { ja: "地方銀行", en: "Regional bank" },
  university: { ja: "大学", en: "University" },
  company: { ja: "企業", en: "Company" },
  service_provider: { ja: "委託事業者", en: "Service provider" },
  network: { ja: "都市ネットワーク", en: "City network" },
  npo: { ja: "NPO・団体", en: "NPO" },
};

export const STRATEGY_PILLAR_LABELS: Record<StrategyPillar, Bilingual> = {
  acquisition_of_external_demand: { ja: "外需の獲得", en: "Acquiring external demand" },
  attraction_of_external_demand: { ja: "外需の取り込み", en: "Attracting external demand" },
  human_resource_development: { ja: "人材育成", en: "Human-resource development" },
};

export const OFFICE_MODEL_LABELS: Record<OfficeModel, Bilingual> = {
  independent: { ja: "単独設置（直営）", en: "Independent (directly run)" },
  joint_municipal: { ja: "自治体共同設置", en: "Joint with other governments" },
  joint_industry_academia: { ja: "産学官共同（地銀・大学）", en: "Joint with bank or university" },
  hosted: { ja: "他機関内駐在", en: "Hosted in another body" },
  outsourced: { ja: "業務委託", en: "Outsourced desk" },
};

export const OFFICE_FUNCTION_LABELS: Record<OfficeFunction, Bilingual> = {
  information_gathering: { ja: "情報収集・提供", en: "Gathering and providing information" },
  regional_promotion: { ja: "地域情報の発信", en: "Disseminating regional information" },
  educational_cultural_exchange: { ja: "教育・文化交流", en: "Educational and cultural exchange" },
  economic_exchange_business_support: { ja: "経済交流・ビジネス支援", en: "Economic exchange and business support" },
};

export const OFFICE_DUTY_LABELS: Record<OfficeDuty, Bilingual> = {
  human_networks: { ja: "人的ネットワーク構築", en: "Building human networks" },
  vip_visits: { ja: "要人訪問対応", en: "VIP visits" },
  trade_fair_support: { ja: "見本市出展支援", en: "Trade-fair support" },
  port_airport_marketing: { ja: "港湾・空港のセールス", en: "Port and airport marketing" },
  japanese_language_education: { ja: "日本語教育", en: "Japanese-language education" },
  staff_development: { ja: "職員の育成", en: "Staff development" },
};

export const FOCUS_AREA_LABELS: Record<FocusArea, Bilingual> = {
  food_export: { ja: "食品輸出", en: "Food export" },
  craft_export: { ja: "工芸品輸出", en: "Craft export" },
  tourism: { ja: "観光", en: "Tourism" },
  lcc_attraction: { ja: "LCC誘致", en: "LCC attraction" },
  sme_internationalisation: { ja: "中小企業の海外展開", en: "SME internationalisation" },
  technology_development: { ja: "技術開発", en: "Technology development" },
  startup_attraction: { ja: "スタートアップ誘致", en: "Start-up attraction" },
  general_affairs: { ja: "一般業務", en: "General affairs" },
};

export const TIE_KIND_LABELS: Record<TieKind, Bilingual> = {
  sister_city: { ja: "姉妹都市", en: "Sister city" },
  friendship: { ja: "友好都市", en: "Friendship city" },
  business_partner: { ja: "ビジネスパートナー都市", en: "Business-partner city" },
  purpose_specific: { ja: "目的別提携", en: "Purpose-specific tie" },
  network_membership: { ja: "ネットワーク加盟", en: "Network membership" },
  mou: { ja: "覚書（MoU）", en: "MoU" },
  partnership: { ja: "パートナーシップ", en: "Partnership" },
  outsourcing_contract: { ja: "業務委託契約", en: "Outsourcing contract" },
  hosting: { ja: "駐在受入れ", en: "Hosting" },
};

export const TIE_PURPOSE_LABELS: Record<TiePurpose, Bilingual> = {
  administrative: { ja: "行政交流", en: "Administrative" },
  cultural: { ja: "文化交流", en: "Cultural" },
  youth: { ja: "青少年交流", en: "Youth" },
  economic: { ja: "経済交流", en: "Economic" },
  social: { ja: "社会", en: "Social" },
  urban_problem_solving: { ja: "都市課題の解決", en: "Urban problem solving" },
  innovation: { ja: "イノベーション", en: "Innovation" },
  project_making: { ja: "プロジェクト創出", en: "Project making" },
};

export const TIE_ROLES = ["member", "board", "chair", "vice_chair", "secretariat"] as const;
export type TieRole = (typeof TIE_ROLES)[number];
export const TIE_ROLE_LABELS: Record<TieRole, Bilingual> = {
  member: { ja: "会員", en: "Member" },
  board: { ja: "理事", en: "Board" },
  chair: { ja: "議長・会長", en: "Chair" },
  vice_chair: { ja: "副議長・副会長", en: "Vice-chair" },
  secretariat: { ja: "事務局", en: "Secretariat" },
};

export const VISIBILITY_LABELS: Record<Visibility, Bilingual> = {
  public: { ja: "公開", en: "Public" },
  shared: { ja: "共有（指定組織）", en: "Shared (named organisations)" },
  confidential: { ja: "非公開（所有組織のみ）", en: "Confidential (owner only)" },
};

export const MEMBER_ROLE_LABELS: Record<MemberRole, Bilingual> = {
  admin: { ja: "管理者", en: "Admin" },
  staff: { ja: "職員", en: "Staff" },
  partner: { ja: "パートナー", en: "Partner" },
  viewer: { ja: "閲覧者", en: "Viewer" },
};

export const OFFICE_STATUSES = ["all", "open", "closed"] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];
export const OFFICE_STATUS_LABELS: Record<OfficeStatus, Bilingual> = {
  all: { ja: "すべて", en: "All" },
  open: { ja: "開設中", en: "Open" },
  closed: { ja: "閉鎖済み", en: "Closed" },
};

export const GOVERNANCE_STAGE_LABELS: Record<GovernanceStage, Bilingual> = {
  traditional_administration: { ja: "伝統的行政", en: "Traditional Administration" },
  new_public_management: { ja: "新公共管理（NPM）", en: "New Public Management" },
  network_governance: { ja: "ネットワーク・ガバナンス", en: "Network Governance" },
};

export const GOVERNANCE_DIMENSION_LABELS: Record<GovernanceDimension, Bilingual> = {
  governance_purpose: { ja: "ガバナンスの目的", en: "Governance purpose" },
  organisational_principle: { ja: "組織原理", en: "Organisational principle" },
  interorganisational_relations: { ja: "組織間関係", en: "Inter-organisational relations" },
  exchange_purpose: { ja: "国際交流の目的", en: "Purpose of international exchange" },
  office_model: { ja: "海外事務所の運営形態", en: "Operational model of overseas offices" },
  urban_exchange_form: { ja: "国際都市間交流の形態", en: "Form of international urban exchange" },
};

export const LOGIC_MODEL_LEVEL_LABELS: Record<LogicModelLevel, Bilingual> = {
  input: { ja: "インプット", en: "Input" },
  activity: { ja: "活動", en: "Activity" },
  output: { ja: "アウトプット", en: "Output" },
  outcome: { ja: "アウトカム", en: "Outcome" },
  impact: { ja: "インパクト", en: "Impact" },
};

export const KPI_HORIZON_LABELS: Record<KpiHorizon, Bilingual> = {
  short: { ja: "短期", en: "Short term" },
  long: { ja: "長期", en: "Long term" },
};
