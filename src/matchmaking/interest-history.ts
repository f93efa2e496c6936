/**
 * @module matchmaking/interest-history
 * The dated history of expressions of interest: every step of the workflow appends one row (state before
 * and after, when, by whom, the note or reason) in the transaction that makes the step, so a refused or
 * failed step leaves no trace. Read back oldest first, with ja/en labels of the step and the state.
 */
import { asc, inArray, sql } from "drizzle-orm";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor.ts";
import { users } from "../auth/auth.table.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import { HISTORY_STEP_LABELS, INTEREST_STATE_LABELS, type HistoryStep, type InterestState } from "./interest-states.ts";
import { matchInterestHistory } from "./matchmaking.table.ts";
import type { THistoryEntry } from "./workflow.schema.ts";

export interface StepRecord {
  step: HistoryStep;
  from: InterestState | null;
  to: InterestState;
  note?: string | null;
}

/**
 * Appends a step after the interest's last one. Callers hold the interest's row lock (or have just
 * created it), so two steps on one interest cannot take the same position.
 */
export async function recordStep(db: Executor, actor: Actor, interestId: string, s: StepRecord): Promise<void> {
  const next = sql<number>`(SELECT coalesce(max(${matchInterestHistory.position}), 0) + 1 FROM ${matchInterestHistory} WHERE ${matchInterestHistory.interestId} = ${interestId})`;
  await db.insert(matchInterestHistory).values({
    interestId,
    position: next,
    step: s.step,
    fromState: s.from,
    toState: s.to,
    // The platform itself (seed, CLI) is no user row.
    byUser: actor.userId && actor.userId !== SYSTEM_ACTOR.userId ? actor.userId : null,
    note: s.note ?? null,
  });
}

/** The history of each interest given, oldest first. */
export async function historiesOf(db: Executor, interestIds: string[]): Promise<Map<string, THistoryEntry[]>> {
  const out = new Map<string, THistoryEntry[]>(interestIds.map((id) => [id, []]));
  if (!interestIds.length) return out;
  const rows = await db
    .select()
    .from(matchInterestHistory)
    .where(inArray(matchInterestHistory.interestId, interestIds))
    .orderBy(asc(matchInterestHistory.interestId), asc(matchInterestHistory.position));
  const userIds = [...new Set(rows.map((r) => r.byUser).filter((id): id is string => !!id))];
  const names = new Map(userIds.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))).map((u) => [u.id, u.name]) : []);
  for (const r of rows) {
    const step = r.step as HistoryStep;
    const to = r.toState as InterestState;
    const name = r.byUser ? names.get(r.byUser) : undefined;
    out.get(r.interestId)!.push({
      step,
      stepLabel: HISTORY_STEP_LABELS[step],
      fromState: r.fromState as InterestState | null,
      toState: to,
      label: INTEREST_STATE_LABELS[to],
      at: r.at ? iso(r.at) : null,
      by: r.byUser && name !== undefined ? { id: r.byUser, displayName: name } : null,
      note: r.note,
      backfilled: r.backfilled,
    });
  }
  return out;
}
