/**
 * @module networks/tie-lifecycle
 * A tie's life as a dated history of states — proposed → signed → active ⇄ dormant → ended — with
 * the reason for each change, and its lineage when it is upgraded into a tie of another kind (a
 * sister city that becomes a business partner city, a bilateral tie that continues inside a
 * network). Sister-city directories record that a tie exists; this records why it changed, which is
 * what the paper finds missing. Pure: the database stores the records, this decides what is allowed.
 */
import type { Bilingual, TieKind, TiePurpose } from "../core/domain.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { isIsoDate } from "./iso-date.ts";

export const TIE_STATES = ["proposed", "signed", "active", "dormant", "ended"] as const;
export type TieState = (typeof TIE_STATES)[number];

export const TIE_STATE_LABELS: Record<TieState, Bilingual> = {
  proposed: { ja: "提案中", en: "Proposed" },
  signed: { ja: "締結済み", en: "Signed" },
  active: { ja: "活動中", en: "Active" },
  dormant: { ja: "休眠", en: "Dormant" },
  ended: { ja: "終了", en: "Ended" },
};

/** States a history may start in: imported ties often begin at signing or when activity is seen. */
export const INITIAL_STATES: readonly TieState[] = ["proposed", "signed", "active"];

export const TIE_TRANSITIONS: Record<TieState, readonly TieState[]> = {
  proposed: ["signed", "ended"],
  signed: ["active", "ended"],
  active: ["dormant", "ended"],
  dormant: ["active", "ended"],
  ended: [],
};

/** Moving into these states must say why: the lapse and the end are what the paper wants explained. */
export const REASON_REQUIRED: readonly TieState[] = ["dormant", "ended"];

export const TIE_TRANSITION_REASONS = {
  agreement_signed: { to: ["signed"], ja: "協定締結", en: "Agreement signed" },
  exchange_started: { to: ["active"], ja: "交流開始", en: "Exchange started" },
  exchange_resumed: { to: ["active"], ja: "交流再開", en: "Exchange resumed" },
  no_activity: { to: ["dormant"], ja: "活動実績なし", en: "No recorded activity" },
  leadership_change: { to: ["dormant", "ended"], ja: "首長の交代", en: "Change of governor or mayor" },
  budget_cut: { to: ["dormant", "ended"], ja: "予算削減", en: "Budget cut" },
  staff_reassigned: { to: ["dormant"], ja: "担当職員の異動", en: "Responsible staff reassigned" },
  external_shock: { to: ["dormant", "ended"], ja: "外部要因（感染症・災害・外交関係）", en: "External shock (pandemic, disaster, diplomatic relations)" },
  partner_unresponsive: { to: ["dormant"], ja: "相手方の応答なし", en: "Partner unresponsive" },
  purpose_achieved: { to: ["ended"], ja: "目的達成", en: "Purpose achieved" },
  agreement_expired: { to: ["ended"], ja: "協定期間満了", en: "Agreement expired" },
  mutual_decision: { to: ["ended"], ja: "双方合意による終了", en: "Ended by mutual decision" },
  partner_withdrew: { to: ["ended"], ja: "相手方の離脱", en: "Partner withdrew" },
  municipal_merger: { to: ["ended"], ja: "市町村合併", en: "Municipal merger" },
  proposal_declined: { to: ["ended"], ja: "提案不成立", en: "Proposal declined" },
  superseded: { to: ["ended"], ja: "別形態の連携へ移行", en: "Superseded by a tie of another kind" },
  upgraded_from: { to: ["proposed", "signed", "active"], ja: "既存の連携から移行", en: "Continues an earlier tie" },
  other: { to: ["proposed", "signed", "active", "dormant", "ended"], ja: "その他", en: "Other" },
} as const satisfies Record<string, Bilingual & { to: readonly TieState[] }>;
export type TieTransitionReason = keyof typeof TIE_TRANSITION_REASONS;

export interface TieEvent {
  state: TieState;
  /** ISO date of the change (for `signed`: the agreement's date). */
  date: string;
  reason?: TieTransitionReason;
  note?: string;
  /** For `signed`: the signatories' offices ("Mayor of Fukuoka City", "Governor of Busan"). */
  signatories?: readonly string[];
}

export interface TieRecord {
  id: string;
  kind: TieKind;
  /** Organisation ids; for a network membership, the member and the network. */
  parties: readonly string[];
  purposes?: readonly TiePurpose[];
  /** Chronological; the last event is the current state. */
  history: readonly TieEvent[];
  /** The tie this one continues (upgrade lineage). */
  supersedes?: string | null;
}

export function canTransition(from: TieState | null, to: TieState): boolean {
  return from === null ? INITIAL_STATES.includes(to) : TIE_TRANSITIONS[from].includes(to);
}

/** Problems with appending `next` to `history`; `at` is the index `next` would take. */
export function transitionIssues(history: readonly TieEvent[], next: TieEvent, at = history.length): FieldError[] {
  const path = `history[${at}]`;
  const issues: FieldError[] = [];
  const previous = history[history.length - 1] ?? null;
  const from = previous?.state ?? null;
  if (!(TIE_STATES as readonly string[]).includes(next.state)) {
    return [{ path: `${path}.state`, message: `unknown state; expected one of ${TIE_STATES.join(", ")}`, value: next.state }];
  }
  if (!canTransition(from, next.state)) {
    const allowed = from === null ? INITIAL_STATES : TIE_TRANSITIONS[from];
    issues.push({
      path: `${path}.state`,
      message:
        from === null
          ? `a tie's history must start ${INITIAL_STATES.join(", ")}`
          : `cannot go from ${from} to ${next.state}; allowed: ${allowed.length > 0 ? allowed.join(", ") : "none (ended is final)"}`,
      code: "invalid_transition",
      value: next.state,
    });
  }
  if (!isIsoDate(next.date)) {
    issues.push({ path: `${path}.date`, message: "must be an ISO date (YYYY-MM-DD)", value: next.date });
  } else if (previous && isIsoDate(previous.date) && next.date < previous.date) {
    issues.push({ path: `${path}.date`, message: `is before the previous change (${previous.date})`, value: next.date });
  }
  if (next.reason !== undefined) {
    const reason = TIE_TRANSITION_REASONS[next.reason] as (typeof TIE_TRANSITION_REASONS)[TieTransitionReason] | undefined;
    if (!reason) issues.push({ path: `${path}.reason`, message: "unknown reason", value: next.reason });
    else if (!(reason.to as readonly TieState[]).includes(next.state)) {
      issues.push({ path: `${path}.reason`, message: `is not a reason for becoming ${next.state}`, value: next.reason });
    }
  } else if (REASON_REQUIRED.includes(next.state)) {
    issues.push({ path: `${path}.reason`, message: `a reason is required for becoming ${next.state}`, code: "required" });
  }
  if (next.signatories !== undefined && next.state !== "signed") {
    issues.push({ path: `${path}.signatories`, message: "only a signing has signatories" });
  } else if (next.signatories?.some((s) => s.trim() === "")) {
    issues.push({ path: `${path}.signatories`, message: "a signatory's office is empty" });
  }
  return issues;
}

/** Every problem in a whole history, replayed from the start. */
export function historyIssues(history: readonly TieEvent[]): FieldError[] {
  const issues: FieldError[] = [];
  if (history.length === 0) issues.push({ path: "history", message: "a tie needs at least one state", code: "too_small" });
  history.forEach((event, i) => issues.push(...transitionIssues(history.slice(0, i), event, i)));
  return issues;
}

/** The tie with `event` appended, or a `validation_failed` error naming what is wrong. */
export function applyTransition(tie: TieRecord, event: TieEvent): TieRecord {
  const issues = transitionIssues(tie.history, event);
  if (issues.length > 0) {
    throw new AppError("validation_failed", `tie ${tie.id}: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, issues);
  }
  return { ...tie, history: [...tie.history, event] };
}

export function currentState(tie: TieRecord): TieState | null {
  return tie.history[tie.history.length - 1]?.state ?? null;
}

/** The state on a given day (the last change on or before it), or null before the tie existed. */
export function stateOn(tie: TieRecord, date: string): TieState | null {
  let state: TieState | null = null;
  for (const event of tie.history) {
    if (event.date > date) break;
    state = event.state;
  }
  return state;
}

/** The next states a user may choose, with their labels and the reasons that fit each. */
export function nextStates(tie: TieRecord): { state: TieState; label: Bilingual; reasons: TieTransitionReason[] }[] {
  const from = currentState(tie);
  const states = from === null ? INITIAL_STATES : TIE_TRANSITIONS[from];
  return states.map((state) => ({
    state,
    label: TIE_STATE_LABELS[state],
    reasons: (Object.keys(TIE_TRANSITION_REASONS) as TieTransitionReason[]).filter(
      (r) => r !== "superseded" && r !== "upgraded_from" && (TIE_TRANSITION_REASONS[r].to as readonly TieState[]).includes(state),
    ),
  }));
}
