/**
 * @module networks/tie-lineage
 * Upgrading a tie into one of another kind keeps the lineage: the old tie ends with reason
 * `superseded`, the new one records `supersedes` and starts with reason `upgraded_from`, on the same
 * day. A tie may be continued by several (a bilateral tie continuing as a business partnership and
 * inside a network), so the lineage is a forest; cycles are rejected.
 */
import type { TieKind, TiePurpose } from "../core/domain.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import { isIsoDate } from "./iso-date.ts";
import { applyTransition, currentState, historyIssues, type TieRecord } from "./tie-lifecycle.ts";

export interface UpgradeInput {
  id: string;
  kind: TieKind;
  /** The day the old tie ends and the new one starts. */
  date: string;
  /** Defaults to the old tie's parties (a network membership names the member and the network). */
  parties?: readonly string[];
  purposes?: readonly TiePurpose[];
  /** State the new tie starts in (default `signed`). */
  state?: "proposed" | "signed" | "active";
  signatories?: readonly string[];
  note?: string;
}

const UPGRADABLE = ["signed", "active", "dormant"] as const;

/** Ends `old` as superseded and starts its successor, or throws naming every problem. */
export function upgradeTie(old: TieRecord, next: UpgradeInput): { superseded: TieRecord; successor: TieRecord } {
  const errors: FieldError[] = [];
  const state = currentState(old);
  if (state === null || !(UPGRADABLE as readonly string[]).includes(state)) {
    const message = `only a ${UPGRADABLE.join(", ")} tie can be upgraded; ${old.id} is ${state ?? "empty"}`;
    errors.push({ path: "tie", message, value: state });
  }
  if (next.kind === old.kind) {
    errors.push({ path: "kind", message: `an upgrade changes the kind; ${old.id} is already ${old.kind}`, value: next.kind });
  }
  if (next.id === old.id || next.id.trim() === "") {
    errors.push({ path: "id", message: "the new tie needs its own id", value: next.id });
  }
  if (!isIsoDate(next.date)) errors.push({ path: "date", message: "must be an ISO date (YYYY-MM-DD)", value: next.date });
  if (errors.length > 0) {
    const detail = `cannot upgrade tie ${old.id}: ${errors.map((e) => e.message).join("; ")}`;
    throw new AppError("validation_failed", detail, errors);
  }

  const superseded = applyTransition(old, {
    state: "ended",
    date: next.date,
    reason: "superseded",
    note: `superseded by ${next.id}`,
  });
  const successor: TieRecord = {
    id: next.id,
    kind: next.kind,
    parties: next.parties ?? old.parties,
    purposes: next.purposes ?? old.purposes,
    supersedes: old.id,
    history: [],
  };
  return {
    superseded,
    successor: applyTransition(successor, {
      state: next.state ?? "signed",
      date: next.date,
      reason: "upgraded_from",
      note: next.note ?? `continues ${old.id}`,
      ...(next.signatories ? { signatories: next.signatories } : {}),
    }),
  };
}

export interface Lineage {
  /** From the oldest ancestor to the tie itself. */
  chain: TieRecord[];
  /** Every tie that continues it, directly or not, breadth-first. */
  descendants: TieRecord[];
}

export function lineage(ties: readonly TieRecord[], id: string): Lineage {
  const byId = new Map(ties.map((t) => [t.id, t]));
  const tie = byId.get(id);
  if (!tie) throw new AppError("not_found", `tie ${id} not found`, [{ path: "id", message: "not found", value: id }]);
  const chain = [tie];
  const seen = new Set([id]);
  for (let t = tie; t.supersedes; ) {
    const parent = byId.get(t.supersedes);
    if (!parent) break;
    if (seen.has(parent.id)) throw cycleError(parent.id);
    seen.add(parent.id);
    chain.unshift(parent);
    t = parent;
  }
  const children = new Map<string, TieRecord[]>();
  for (const t of ties) if (t.supersedes) children.set(t.supersedes, [...(children.get(t.supersedes) ?? []), t]);
  const descendants: TieRecord[] = [];
  const queue = [...(children.get(id) ?? [])];
  const visited = new Set([id]);
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (visited.has(t.id)) throw cycleError(t.id);
    visited.add(t.id);
    descendants.push(t);
    queue.push(...(children.get(t.id) ?? []));
  }
  return { chain, descendants };
}

function cycleError(id: string): AppError {
  return new AppError("validation_failed", `tie lineage has a cycle through ${id}`, [
    { path: "supersedes", message: "lineage cycle", value: id },
  ]);
}

/**
 * Checks a set of ties: each history, each `supersedes` reference (exists, another kind, no cycle)
 * and that the predecessor ended as superseded on the day its successor started.
 */
export function lineageIssues(ties: readonly TieRecord[]): FieldError[] {
  const byId = new Map(ties.map((t) => [t.id, t]));
  const issues: FieldError[] = [];
  ties.forEach((tie, i) => {
    for (const issue of historyIssues(tie.history)) issues.push({ ...issue, path: `ties[${i}].${issue.path}` });
    if (!tie.supersedes) return;
    const path = `ties[${i}].supersedes`;
    const parent = byId.get(tie.supersedes);
    if (!parent) {
      issues.push({ path, message: "refers to an unknown tie", value: tie.supersedes });
      return;
    }
    if (parent.kind === tie.kind) issues.push({ path, message: `continues a tie of the same kind (${tie.kind})`, value: tie.supersedes });
    const end = parent.history[parent.history.length - 1];
    const start = tie.history[0];
    if (!end || end.state !== "ended" || end.reason !== "superseded") {
      issues.push({ path, message: `${parent.id} did not end as superseded`, value: tie.supersedes });
    } else if (start && start.date !== end.date) {
      issues.push({ path, message: `starts on ${start.date} but ${parent.id} ended on ${end.date}`, value: tie.supersedes });
    }
    const seen = new Set([tie.id]);
    for (let t: TieRecord | undefined = parent; t; t = t.supersedes ? byId.get(t.supersedes) : undefined) {
      if (seen.has(t.id)) {
        issues.push({ path, message: "lineage cycle", value: tie.supersedes });
        break;
      }
      seen.add(t.id);
    }
  });
  return issues;
}
