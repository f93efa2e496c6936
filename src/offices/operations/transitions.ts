/**
 * @module offices/operations/transitions
 * An overseas office's history through operating models — a one-person hosted office becoming independent,
 * an independent one going joint, closure, consolidation into another office (Osaka City's Shanghai office
 * merged with the prefecture's in 2012) — as dated periods with reasons; its validation; the transitions it
 * implies; and the model in force on a date. Dates may be partial (`1958`, `2012-03`, `2012-03-31`), as
 * sources give them; a check fails only when a gap or overlap is certain whatever day a partial date means.
 */
import { z } from "zod";
import { ZPartialDate } from "../../core/dates.ts";
import { OFFICE_MODELS } from "../../core/domain.ts";
import type { Bilingual, OfficeModel } from "../../core/domain.ts";
import { AppError, fieldErrorsFromZod } from "../../core/errors.ts";
import type { FieldError } from "../../core/errors.ts";
import { HOST_KINDS } from "./labels.ts";
import type { HostKind } from "./labels.ts";

export const PERIOD_END_KINDS = ["transition", "closed", "merged"] as const;

export const ZModelPeriod = z
  .object({
    model: z.enum(OFFICE_MODELS).describe("Operating model in this period"),
    host: z.enum(HOST_KINDS).optional().describe("Host organisation while hosted"),
    from: ZPartialDate.describe("First day under this model"),
    to: ZPartialDate.optional().describe("Last day under this model; absent while it lasts"),
    reason: z.string().trim().min(1).optional().describe("Why this period began"),
    end: z
      .object({
        kind: z.enum(PERIOD_END_KINDS),
        reason: z.string().trim().min(1).optional(),
        mergedIntoOfficeId: z.string().trim().min(1).optional().describe("The office it was consolidated into"),
      })
      .strict()
      .optional()
      .describe("How the period ended: a transition to the next model, a closure, or a merger"),
    reopened: z.boolean().optional().describe("This period reopens the office after a closure or merger"),
    discontinuity: z
      .object({ kind: z.enum(["gap", "overlap"]), reason: z.string().trim().min(1, "must say why") })
      .strict()
      .optional()
      .describe("Documents a gap or overlap with the previous period"),
  })
  .strict();
export type ModelPeriod = z.infer<typeof ZModelPeriod>;

/** yyyymmdd of the first and last day a partial date can mean. */
function firstDay(d: string): number {
  const [y, m, day] = d.split("-").map(Number);
  return (y ?? 0) * 10000 + (m ?? 1) * 100 + (day ?? 1);
}
function lastDay(d: string): number {
  const [y = 0, m, day] = d.split("-").map(Number);
  if (day !== undefined && m !== undefined) return y * 10000 + m * 100 + day;
  const month = m ?? 12;
  return y * 10000 + month * 100 + new Date(Date.UTC(y, month, 0)).getUTCDate();
}
function dayAfter(n: number): number {
  const d = new Date(Date.UTC(Math.floor(n / 10000), (Math.floor(n / 100) % 100) - 1, (n % 100) + 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

function isFinal(p: ModelPeriod): boolean {
  return p.end?.kind === "closed" || p.end?.kind === "merged";
}

/**
 * Validates a history, naming the period and field (`history[2].reopened`). Rules: periods in chronological
 * order; only the last may be open-ended; a period's `to` is not before its `from`; the next period starts the
 * day the previous ends or the day after — a gap or overlap needs `discontinuity` documenting it; a closure or
 * merger is final unless the next period is marked `reopened`; a merger names the office merged into; a
 * finished history ends in a closure or merger; a transition changes the model or the host.
 */
export function validateHistory(input: unknown, prefix = "history"): ModelPeriod[] {
  const parsed = z.array(ZModelPeriod).safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error, prefix);
    throw new AppError("validation_failed", `${prefix} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  const h = parsed.data;
  const errors: FieldError[] = [];
  const at = (i: number, field: string, message: string, value?: unknown) =>
    errors.push({ path: `${prefix}[${i}]${field ? `.${field}` : ""}`, message, ...(value !== undefined ? { value } : {}) });

  h.forEach((p, i) => {
    const last = i === h.length - 1;
    if (p.to !== undefined && lastDay(p.to) < firstDay(p.from)) at(i, "to", `is before from (${p.from})`, p.to);
    if (p.to === undefined && !last) at(i, "to", "only the last period may be open-ended");
    if (p.end && p.to === undefined) at(i, "end", "a period that ended needs its last day in `to`");
    if (p.end?.kind === "merged" && !p.end.mergedIntoOfficeId) at(i, "end.mergedIntoOfficeId", "a merger names the office merged into");
    if (p.end?.mergedIntoOfficeId && p.end.kind !== "merged") at(i, "end.mergedIntoOfficeId", "only for an end of kind merged");
    if (last && p.to !== undefined && !isFinal(p)) at(i, "end", "the history ends here, so this period ends in a closure or merger");
    if (!last && isFinal(p) && !h[i + 1]?.reopened) at(i + 1, "reopened", `the office ${p.end?.kind === "merged" ? "was merged" : "closed"} on ${p.to}; a later period must be marked reopened`);
    if (p.host && p.model !== "hosted") at(i, "host", "only for a hosted period");

    const prev = h[i - 1];
    if (!prev) {
      if (p.reopened) at(i, "reopened", "the first period cannot reopen the office");
      if (p.discontinuity) at(i, "discontinuity", "the first period has nothing before it");
      return;
    }
    if (firstDay(p.from) < firstDay(prev.from)) {
      at(i, "from", `is before the previous period's start (${prev.from}); list periods in chronological order`, p.from);
      return;
    }
    if (prev.to === undefined) return;
    if (isFinal(prev)) {
      if (p.reopened && lastDay(p.from) < firstDay(prev.to)) at(i, "from", `reopens before the ${prev.end?.kind === "merged" ? "merger" : "closure"} on ${prev.to}`, p.from);
      return;
    }
    if (p.reopened) at(i, "reopened", "only after a closure or merger");
    const gap = firstDay(p.from) > dayAfter(lastDay(prev.to));
    const overlap = lastDay(p.from) < firstDay(prev.to);
    if (gap && p.discontinuity?.kind !== "gap") at(i, "from", `leaves a gap after ${prev.to}; document it in discontinuity`, p.from);
    if (overlap && p.discontinuity?.kind !== "overlap") at(i, "from", `overlaps the previous period (to ${prev.to}); document it in discontinuity`, p.from);
    if (p.discontinuity && !gap && !overlap) at(i, "discontinuity", `there is no ${p.discontinuity.kind} with the previous period to document`);
    if (p.model === prev.model && p.host === prev.host) at(i, "model", "repeats the previous period; a transition changes the model or the host", p.model);
  });
  if (errors.length > 0) {
    throw new AppError("validation_failed", `${prefix} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  return h;
}

export const TRANSITION_KINDS = ["opened", "model_changed", "closed", "merged", "reopened"] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const TRANSITION_KIND_LABELS: Record<TransitionKind, Bilingual> = {
  opened: { ja: "開設", en: "Opened" },
  model_changed: { ja: "運営形態の変更", en: "Operating model changed" },
  closed: { ja: "閉鎖", en: "Closed" },
  merged: { ja: "統合", en: "Merged into another office" },
  reopened: { ja: "再開", en: "Reopened" },
};

export interface Transition {
  date: string;
  kind: TransitionKind;
  fromModel?: OfficeModel;
  fromHost?: HostKind;
  toModel?: OfficeModel;
  toHost?: HostKind;
  mergedIntoOfficeId?: string;
  reason?: string;
}

function withHosts(t: Transition, from?: ModelPeriod, to?: ModelPeriod): Transition {
  return {
    ...t,
    ...(from ? { fromModel: from.model, ...(from.host ? { fromHost: from.host } : {}) } : {}),
    ...(to ? { toModel: to.model, ...(to.host ? { toHost: to.host } : {}) } : {}),
  };
}

/** The events a (validated) history implies, in order: opening, model changes, closures, mergers, reopenings. */
export function transitionsOf(input: unknown): Transition[] {
  const h = validateHistory(input);
  const out: Transition[] = [];
  h.forEach((p, i) => {
    const prev = h[i - 1];
    const reason = p.reason !== undefined ? { reason: p.reason } : {};
    if (!prev) out.push(withHosts({ date: p.from, kind: "opened", ...reason }, undefined, p));
    else if (p.reopened) out.push(withHosts({ date: p.from, kind: "reopened", ...reason }, undefined, p));
    else {
      const why = p.reason ?? prev.end?.reason;
      out.push(withHosts({ date: p.from, kind: "model_changed", ...(why !== undefined ? { reason: why } : {}) }, prev, p));
    }
    if (p.to !== undefined && isFinal(p)) {
      out.push(
        withHosts(
          {
            date: p.to,
            kind: p.end?.kind === "merged" ? "merged" : "closed",
            ...(p.end?.mergedIntoOfficeId ? { mergedIntoOfficeId: p.end.mergedIntoOfficeId } : {}),
            ...(p.end?.reason !== undefined ? { reason: p.end.reason } : {}),
          },
          p,
        ),
      );
    }
  });
  return out;
}

/**
 * The period in force on a date (a partial date means its first day), or null when the office was not yet
 * open or was closed. On a handover day shared by two periods the later one applies.
 */
export function periodAt(history: ModelPeriod[], date: string): ModelPeriod | null {
  const d = firstDay(date);
  for (let i = history.length - 1; i >= 0; i--) {
    const p = history[i];
    if (p && firstDay(p.from) <= d && (p.to === undefined || d <= lastDay(p.to))) return p;
  }
  return null;
}
