/**
 * @module web/pages/governance/kpi-view
 * Pure helpers of the KPI pages: the API's field errors moved onto the form's fields (`target.value` →
 * `targetValue`, `params.period` → `period`) and put into the reader's language where the shared
 * translations do not know them; the KPI form's body from its flat fields; KPIs grouped by level.
 */
import { LOGIC_MODEL_LEVELS, type Bilingual, type Locale, type LogicModelLevel } from "../../../core/domain.ts";
import { ApiError, type Problem, type ProblemFieldError } from "../../lib/api.ts";

/** The evaluation's reasons that the app's shared translations do not cover. `{1}` is the first capture. */
const REASONS: Array<{ pattern: RegExp; text: Bilingual }> = [
  {
    pattern: /^must be a year \(2024\), a fiscal year \(FY2024\) or a month \(2024-05\)$/,
    text: { ja: "年（2024）、年度（FY2024）または月（2024-05）で入力してください", en: "Enter a year (2024), a fiscal year (FY2024) or a month (2024-05)" },
  },
  {
    pattern: /^must be a \w+ period like (\S+)$/,
    text: { ja: "このKPIの期間の種類で入力してください（例: {1}）", en: "Use this KPI's kind of period (e.g. {1})" },
  },
  { pattern: /^must be after since$/, text: { ja: "開始より後の日付にしてください", en: "Must be after the start" } },
  { pattern: /^must be after from$/, text: { ja: "開始より後の日付にしてください", en: "Must be after the start" } },
  // A term of office that overlaps another of the same government (409).
  { pattern: /^overlaps the term of (.+) from (\S+)$/, text: { ja: "{1} の任期（{2}〜）と重なっています", en: "Overlaps the term of {1} (from {2})" } },
];

/** Moves each error to the form field it belongs to and words the evaluation's reasons in `locale`. */
export function adaptProblem(problem: Problem, paths: Record<string, string>, locale: Locale): Problem {
  const errors: ProblemFieldError[] = problem.errors.map((e) => {
    const bare = e.path.replace(/^body\./, "");
    const path = paths[bare] ?? bare;
    for (const reason of REASONS) {
      const m = reason.pattern.exec(e.message);
      if (m) return { path, message: reason.text[locale].replace("{1}", m[1] ?? "").replace("{2}", m[2] ?? "") };
    }
    return { ...e, path };
  });
  return { ...problem, errors };
}

/** The KPI form's flat `targetValue`/`targetPeriod` as the API's `target` object (left out when both are empty). */
export function kpiBody(body: Record<string, unknown>, ownerOrgId: string): Record<string, unknown> {
  const { targetValue, targetPeriod, ...rest } = body;
  const out: Record<string, unknown> = { ...rest, ownerOrgId };
  const empty = (v: unknown) => v === undefined || v === null || v === "";
  if (!empty(targetValue) || !empty(targetPeriod)) out.target = { value: empty(targetValue) ? "" : targetValue, period: empty(targetPeriod) ? "" : targetPeriod };
  return out;
}

/** Items grouped by logic-model level, in the model's order (input → impact), empty levels left out. */
export function byLevel<T>(items: readonly T[], levelOf: (item: T) => LogicModelLevel): Array<{ level: LogicModelLevel; items: T[] }> {
  return LOGIC_MODEL_LEVELS.map((level) => ({ level, items: items.filter((i) => levelOf(i) === level) })).filter((g) => g.items.length > 0);
}

/** Whether a change is good news for a KPI of this direction (null for no change). */
export function isImprovement(change: number, direction: "increase" | "decrease"): boolean | null {
  if (change === 0) return null;
  return direction === "increase" ? change > 0 : change < 0;
}

/** Calls the API and moves its field errors onto the form's fields, in the reader's language. */
export async function adapted<T>(call: () => Promise<T>, paths: Record<string, string>, locale: "ja" | "en"): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(adaptProblem(error.problem, paths, locale));
    throw error;
  }
}
