/**
 * @module offices/operations/model-risks
 * Risks that follow from the numbers rather than from the model's name: management at or above the paper's
 * 30 %, work the model cannot serve, a one-person office that cannot carry the workload, and a host with no
 * office covering the country. The paper's named risks per model live in the assumptions file, so they can be
 * edited; these are computed, with both languages' texts carrying the figures.
 */
import { countryName } from "../../core/codes.ts";
import type { Risk } from "./assumptions.ts";
import { HOST_LABELS, TIME_CATEGORY_LABELS, joinLabels } from "./labels.ts";
import type { HostKind, WorkCategory } from "./labels.ts";

/** Shares within this of the benchmark count as reaching it (floating-point arithmetic). */
const SHARE_TOLERANCE = 1e-9;

export const COMPUTED_RISK_CODES = ["management_burden", "functions_not_served", "capacity_shortfall", "host_absent"] as const;
export type ComputedRiskCode = (typeof COMPUTED_RISK_CODES)[number];

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}`;
}

function hours(x: number): string {
  return Math.round(x).toLocaleString("en-US");
}

export interface RiskInputs {
  managementShare: number;
  benchmark: number;
  functionsNotServed: WorkCategory[];
  workHoursNotServed: number;
  requiredHours: number;
  capacityHours: number | null;
  people: number;
  host: HostKind | undefined;
  hostCountries: string[] | null;
  country: string;
}

export function computedRisks(r: RiskInputs): Risk[] {
  const risks: Risk[] = [];
  if (r.managementShare + SHARE_TOLERANCE >= r.benchmark) {
    risks.push({
      code: "management_burden",
      text: {
        ja: `事務所管理が職員の時間の${pct(r.managementShare)}%を占める（論文は単独事務所の所長で${pct(r.benchmark)}%超と報告）`,
        en: `Office management takes ${pct(r.managementShare)}% of staff time, at or above the ${pct(r.benchmark)}% the paper reports for heads of independent offices`,
      },
    });
  }
  if (r.functionsNotServed.length > 0) {
    const labels = r.functionsNotServed.map((c) => TIME_CATEGORY_LABELS[c]);
    risks.push({
      code: "functions_not_served",
      text: {
        ja: `この形態では担えない業務：${joinLabels(labels, "ja")}（年${hours(r.workHoursNotServed)}時間）`,
        en: `Cannot serve: ${joinLabels(labels, "en")} (${hours(r.workHoursNotServed)} h a year)`,
      },
    });
  }
  if (r.capacityHours !== null && r.requiredHours > r.capacityHours) {
    risks.push({
      code: "capacity_shortfall",
      text: {
        ja: `必要な時間は年${hours(r.requiredHours)}時間だが、${r.people}名では年${hours(r.capacityHours)}時間しかない`,
        en: `Needs ${hours(r.requiredHours)} h a year, but ${r.people} ${r.people === 1 ? "person provides" : "people provide"} ${hours(r.capacityHours)} h`,
      },
    });
  }
  if (r.host && r.hostCountries && !r.hostCountries.includes(r.country)) {
    risks.push({
      code: "host_absent",
      text: {
        ja: `${HOST_LABELS[r.host].ja}には${countryName(r.country, "ja")}を所管する事務所がない（前提条件による）`,
        en: `${HOST_LABELS[r.host].en} has no office covering ${countryName(r.country, "en")} (per the assumptions)`,
      },
    });
  }
  return risks;
}
