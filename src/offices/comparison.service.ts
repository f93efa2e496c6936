/**
 * @module offices/comparison.service
 * The operating-model comparison for a registered office: builds the office as the pure core takes it
 * (`ZOfficeComparisonInput`) from the registry record, its time logs, its operations settings, its host and
 * its co-owners, then runs `compareModels` with any what-if. How each input was obtained is reported in
 * `inputBasis`; the rules (latest complete fiscal year, annualised months, staff estimate) are in
 * docs/offices.md.
 */
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { OFFICE_DUTIES, OFFICE_FUNCTIONS } from "../core/domain.ts";
import type { OfficeDuty, OfficeFunction, OfficeModel } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import type { TComparisonWhatIf } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import type { OfficeOps } from "./operations-access.ts";
import { membersOf } from "./operations-settings.service.ts";
import { timeEntriesOf } from "./time-logs.service.ts";
import { DEFAULT_ASSUMPTIONS, valueAt } from "./operations/assumptions.ts";
import { compareModels } from "./operations/compare-models.ts";
import type { ModelComparison } from "./operations/compare-models.ts";
import { isWorkCategory } from "./operations/labels.ts";
import type { HostKind, JointPartnerKind, WorkCategory } from "./operations/labels.ts";
import { yearOfMonth } from "./operations/time-use.ts";

type Workload = Partial<Record<WorkCategory, number>>;

export type WorkloadBasis =
  | { kind: "fiscal_year"; period: string; months: number }
  | { kind: "annualised_months"; from: string; to: string; months: number; factor: number }
  | { kind: "staff_estimate"; people: number; hoursPerPerson: number; managementShare: number; managementShareFrom: "office" | "assumptions"; categories: WorkCategory[] };

export interface InputBasis {
  workload: WorkloadBasis;
  staff: "operations_settings" | "staff_count" | "default";
  functions: "registry" | "time_logs";
  host: "operations_settings" | "host_organisation" | null;
  jointPartnerKind: "operations_settings" | "co_owner" | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Hours of substantive work (office management excluded) by category, from the chosen months. */
function sumWork(entries: Array<{ month: string; category: string; hours: number }>, months: Set<string>, factor: number): Workload {
  const w: Workload = {};
  for (const e of entries) {
    if (!months.has(e.month) || !isWorkCategory(e.category)) continue;
    w[e.category] = (w[e.category] ?? 0) + e.hours;
  }
  for (const c of Object.keys(w) as WorkCategory[]) w[c] = round1((w[c] ?? 0) * factor);
  return w;
}

/**
 * Annual workload from the time logs: the latest fiscal year with logs in all twelve months; failing that,
 * the most recent (up to twelve) logged months scaled to a year; null without logs.
 */
export function workloadFromLogs(entries: Array<{ month: string; category: string; hours: number }>): { workload: Workload; basis: WorkloadBasis } | null {
  if (entries.length === 0) return null;
  const monthsByYear = new Map<string, Set<string>>();
  for (const e of entries) {
    const fy = yearOfMonth(e.month, "fiscal");
    monthsByYear.set(fy, (monthsByYear.get(fy) ?? new Set()).add(e.month));
  }
  const complete = [...monthsByYear].filter(([, ms]) => ms.size === 12).sort(([a], [b]) => (a < b ? 1 : -1))[0];
  if (complete) {
    const [period, months] = complete;
    return { workload: sumWork(entries, months, 1), basis: { kind: "fiscal_year", period, months: 12 } };
  }
  const recent = [...new Set(entries.map((e) => e.month))].sort().reverse().slice(0, 12);
  const factor = 12 / recent.length;
  return {
    workload: sumWork(entries, new Set(recent), factor),
    basis: { kind: "annualised_months", from: recent.at(-1) ?? "", to: recent[0] ?? "", months: recent.length, factor },
  };
}

/** Head count by kind: the settings, else the registry's staff count as one dispatched head plus local staff. */
function staffOf(ops: OfficeOps): { staff: { dispatched: number; local: number }; basis: InputBasis["staff"] } {
  const s = ops.settings;
  if (s && s.dispatchedStaff !== null && s.localStaff !== null) return { staff: { dispatched: s.dispatchedStaff, local: s.localStaff }, basis: "operations_settings" };
  const n = ops.office.staffCount;
  if (n === null) return { staff: { dispatched: 1, local: 0 }, basis: "default" };
  const dispatched = Math.min(1, n);
  return { staff: { dispatched, local: n - dispatched }, basis: "staff_count" };
}

/** JETRO, CLAIR or a host-country agency, from the settings or recognised from the host organisation. */
async function hostOf(db: Executor, ops: OfficeOps): Promise<{ host?: HostKind; basis: InputBasis["host"] }> {
  if (ops.settings?.host) return { host: ops.settings.host as HostKind, basis: "operations_settings" };
  if (!ops.office.hostOrgId) return { basis: null };
  const [org] = await db.select().from(organisations).where(eq(organisations.id, ops.office.hostOrgId));
  if (!org) return { basis: null };
  const names = `${org.nameEn} ${org.nameJa}`;
  if (org.kind === "host_government_agency") return { host: "host_government_agency", basis: "host_organisation" };
  if (/\bJETRO\b|Japan External Trade|ジェトロ|日本貿易振興機構/i.test(names)) return { host: "jetro", basis: "host_organisation" };
  if (/\bCLAIR\b|Council of Local Authorities for International Relations|クレア|自治体国際化協会/i.test(names)) return { host: "clair", basis: "host_organisation" };
  return { basis: null };
}

function overrideNumber(overrides: unknown, path: string): number | undefined {
  const v = valueAt(overrides, path);
  return typeof v === "number" ? v : undefined;
}

/**
 * The office as the comparison takes it, and where each part came from. `assumptionOverrides` (a what-if)
 * also feed the staff estimate of the workload when the office has no time logs.
 */
export async function comparisonInput(db: Executor, actor: Actor, officeId: string, assumptionOverrides?: unknown) {
  const ops = await loadOfficeOps(db, actor, officeId, "read");
  const o = ops.office;
  const model = o.operationalModel as OfficeModel;
  const entries = await timeEntriesOf(db, officeId);
  const { staff, basis: staffBasis } = staffOf(ops);

  let functions = o.functions.filter((f): f is OfficeFunction => (OFFICE_FUNCTIONS as readonly string[]).includes(f));
  let functionsBasis: InputBasis["functions"] = "registry";
  if (functions.length === 0) {
    functions = OFFICE_FUNCTIONS.filter((f) => entries.some((e) => e.category === f && e.hours > 0));
    functionsBasis = "time_logs";
  }
  if (functions.length === 0) {
    throw new AppError("validation_failed", "The office has no primary functions recorded: set them on the office first.", [
      { path: "office.functions", message: "record at least one of the four primary functions on the office (PATCH /api/offices/:id)" },
    ]);
  }
  const duties = o.duties.filter((d): d is OfficeDuty => (OFFICE_DUTIES as readonly string[]).includes(d));

  let workload: Workload;
  let workloadBasis: WorkloadBasis;
  const fromLogs = workloadFromLogs(entries);
  if (fromLogs) ({ workload, basis: workloadBasis } = fromLogs);
  else {
    const hoursPerPerson = overrideNumber(assumptionOverrides, "annualHoursPerPerson") ?? DEFAULT_ASSUMPTIONS.annualHoursPerPerson;
    const shareFromOffice = o.managementShare !== null;
    const managementShare = o.managementShare ?? overrideNumber(assumptionOverrides, `models.${model}.managementShare`) ?? DEFAULT_ASSUMPTIONS.models[model].managementShare;
    const people = staff.dispatched + staff.local;
    const categories: WorkCategory[] = [...functions, ...duties];
    const each = round1((people * hoursPerPerson * (1 - managementShare)) / categories.length);
    workload = Object.fromEntries(categories.map((c) => [c, each]));
    workloadBasis = { kind: "staff_estimate", people, hoursPerPerson, managementShare, managementShareFrom: shareFromOffice ? "office" : "assumptions", categories };
  }

  const { host, basis: hostBasis } = await hostOf(db, ops);
  const members = await membersOf(db, ops);
  let jointPartnerKind = (ops.settings?.jointPartnerKind ?? undefined) as JointPartnerKind | undefined;
  let partnerBasis: InputBasis["jointPartnerKind"] = jointPartnerKind ? "operations_settings" : null;
  if (!jointPartnerKind && model === "joint_industry_academia") {
    const partner = members.find((m) => m.kind === "regional_bank" || m.kind === "university");
    if (partner) {
      jointPartnerKind = partner.kind as JointPartnerKind;
      partnerBasis = "co_owner";
    }
  }

  const input = {
    id: o.id,
    name: { ja: o.nameJa, en: o.nameEn },
    country: o.country,
    city: o.cityEn,
    currentModel: model,
    functions,
    duties,
    focusAreas: o.focusAreas,
    workloadHours: workload,
    staff,
    ...(host ? { host } : {}),
    ...(model.startsWith("joint_") && members.length >= 2 ? { jointMembers: members.length } : {}),
    ...(jointPartnerKind ? { jointPartnerKind } : {}),
    ...(ops.settings?.contractScope?.length ? { contractScope: ops.settings.contractScope as WorkCategory[] } : {}),
  };
  const basis: InputBasis = { workload: workloadBasis, staff: staffBasis, functions: functionsBasis, host: hostBasis, jointPartnerKind: partnerBasis };
  return { input, basis };
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The comparison for a registered office, with a what-if over its inputs and the assumptions. */
export async function officeComparison(
  db: Executor,
  actor: Actor,
  officeId: string,
  whatIf: TComparisonWhatIf = {},
): Promise<ModelComparison & { input: Record<string, unknown>; inputBasis: InputBasis }> {
  const built = await comparisonInput(db, actor, officeId, whatIf.assumptions);
  const input: Record<string, unknown> = { ...built.input };
  for (const [k, v] of Object.entries(whatIf.office ?? {})) {
    // workloadHours and staff merge key by key, so a what-if can change one category or one head count.
    input[k] = (k === "workloadHours" || k === "staff") && isPlain(v) && isPlain(input[k]) ? { ...input[k], ...v } : v;
  }
  const comparison = compareModels(input, { overrides: whatIf.assumptions });
  return { ...comparison, input, inputBasis: built.basis };
}
