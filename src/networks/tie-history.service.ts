/**
 * @module networks/tie-history.service
 * A tie's lifecycle in the database: its dated events (validated by the pure core's `applyTransition`),
 * upgrades into a tie of another kind, and the lineage links between ties (validated by `lineageIssues`).
 * The registry's `since` and `until` follow the history: the first signing or activation fills an empty
 * `since`, an `ended` event sets `until`, so the registry's `activeOn` filter and the graph agree with it.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { TieKind, TiePurpose } from "../core/domain.ts";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { ties } from "../registry/registry.table.ts";
import { createTie } from "../registry/ties.service.ts";
import { tieEvents, tieLineage } from "./networks.table.ts";
import { applyTransition, nextStates, TIE_STATE_LABELS, TIE_TRANSITION_REASONS, type TieEvent, type TieRecord } from "./tie-lifecycle.ts";
import { lineage, lineageIssues, upgradeTie } from "./tie-lineage.ts";
import { eventRows, loadRecords, loadTie, tieSummaries, visibleTies, type TieEventRow, type TieRow } from "./tie-records.ts";
import type { TTieEventCreate, TTieHistory, TTieUpgrade } from "./tie-life.schema.ts";

/** The core names `history[3].reason`; the request body has `reason`. */
function asBodyErrors(error: unknown): never {
  if (error instanceof AppError && error.code === "validation_failed") {
    const errors = error.errors.map((e) => ({ ...e, path: e.path.replace(/^history\[\d+\]\./, "") }));
    throw new AppError("validation_failed", `This change of state is not allowed: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
  throw error;
}

function presentEvent(row: TieEventRow) {
  const reason = row.reason ? (TIE_TRANSITION_REASONS as Record<string, { ja: string; en: string }>)[row.reason] : undefined;
  return {
    id: row.id,
    state: row.state as TieEvent["state"],
    stateLabel: TIE_STATE_LABELS[row.state as TieEvent["state"]],
    date: row.onDate,
    reason: row.reason,
    reasonLabel: reason ? { ja: reason.ja, en: reason.en } : null,
    note: row.note,
    signatories: row.signatories,
    source: row.source,
  };
}

export async function getTieHistory(db: Executor, actor: Actor, tieId: string): Promise<TTieHistory> {
  const row = await loadTie(db, actor, tieId);
  const [record] = await loadRecords(db, [row]);
  const events = (await eventRows(db, [tieId])).get(tieId) ?? [];
  const [summary] = await tieSummaries(db, [row]);
  const successors = (await db.select().from(tieLineage).where(eq(tieLineage.supersedesTieId, tieId))).map((l) => l.tieId).sort();
  const related = await visibleTies(db, actor, [...(record!.supersedes ? [record!.supersedes] : []), ...successors]);
  const relatedSummaries = new Map((await tieSummaries(db, related)).map((s) => [s.id, s]));
  const state = summary!.state;
  return {
    tie: summary!,
    stateLabel: state ? TIE_STATE_LABELS[state] : null,
    events: events.map(presentEvent),
    nextStates: nextStates(record!).map((n) => ({
      state: n.state,
      label: n.label,
      reasons: n.reasons.map((code) => ({ code, label: { ja: TIE_TRANSITION_REASONS[code].ja, en: TIE_TRANSITION_REASONS[code].en } })),
    })),
    supersedes: record!.supersedes ? (relatedSummaries.get(record!.supersedes) ?? null) : null,
    supersededBy: successors.map((id) => relatedSummaries.get(id)).filter((s) => s !== undefined),
  };
}

async function insertEvent(db: Executor, tie: TieRow, seq: number, event: TieEvent, source: string | null = null): Promise<void> {
  await db.insert(tieEvents).values({
    id: randomUUID(),
    tieId: tie.id,
    seq,
    state: event.state,
    onDate: event.date,
    reason: event.reason ?? null,
    note: event.note ?? null,
    signatories: event.state === "signed" ? [...(event.signatories ?? [])] : [],
    source,
  });
  const patch: { since?: string; until?: string | null } = {};
  if (!tie.since && (event.state === "signed" || event.state === "active")) patch.since = event.date;
  if (event.state === "ended") patch.until = event.date;
  if (Object.keys(patch).length) await db.update(ties).set({ ...patch, updatedAt: new Date() }).where(eq(ties.id, tie.id));
}

export async function appendTieEvent(db: Executor, actor: Actor, tieId: string, input: TTieEventCreate): Promise<TTieHistory> {
  const tie = await loadTie(db, actor, tieId, "edit");
  const [record] = await loadRecords(db, [tie]);
  const event: TieEvent = {
    state: input.state,
    date: input.date,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.note ? { note: input.note } : {}),
    ...(input.signatories ? { signatories: input.signatories } : {}),
  };
  try {
    applyTransition(record!, event);
  } catch (error) {
    asBodyErrors(error);
  }
  await insertEvent(db, tie, record!.history.length, event, input.source ?? null);
  return getTieHistory(db, actor, tieId);
}

/** Removes the latest event (to correct a mistake); earlier ones stay, since later ones were validated against them. */
export async function deleteTieEvent(db: Executor, actor: Actor, tieId: string, eventId: string): Promise<TTieHistory> {
  const tie = await loadTie(db, actor, tieId, "edit");
  const events = (await eventRows(db, [tieId])).get(tieId) ?? [];
  const index = events.findIndex((e) => e.id === eventId);
  if (index < 0) throw new AppError("not_found", `No event ${eventId} in tie ${tieId}.`);
  if (index !== events.length - 1) {
    throw new AppError("conflict", "Only the latest event can be removed: later events were validated against this one.", [
      { path: "eventId", message: "not the latest event" },
    ]);
  }
  const removed = events[index]!;
  const link = await db.select().from(tieLineage).where(eq(tieLineage.supersedesTieId, tieId));
  const [own] = await db.select().from(tieLineage).where(eq(tieLineage.tieId, tieId));
  if ((removed.reason === "superseded" && link.length) || (index === 0 && own)) {
    throw new AppError("conflict", "The lineage depends on this event; remove the lineage link first.", [
      { path: "eventId", message: "part of an upgrade lineage" },
    ]);
  }
  await db.delete(tieEvents).where(eq(tieEvents.id, eventId));
  if (removed.state === "ended" && tie.until === removed.onDate) {
    await db.update(ties).set({ until: null, updatedAt: new Date() }).where(eq(ties.id, tieId));
  }
  return getTieHistory(db, actor, tieId);
}

/**
 * Lineage problems of `tieId` and the ties that continue it, reported by tie id. Its ancestors are loaded
 * too (the cycle check walks up through them); other ties' problems are not this change's doing.
 */
async function lineageProblems(db: Executor, tieId: string): Promise<FieldError[]> {
  const links = await db.select().from(tieLineage);
  const parent = new Map(links.map((l) => [l.tieId, l.supersedesTieId]));
  const checked = new Set([tieId, ...links.filter((l) => l.supersedesTieId === tieId).map((l) => l.tieId)]);
  const load = new Set(checked);
  for (let p = parent.get(tieId); p && !load.has(p); p = parent.get(p)) load.add(p);
  const rows = await db.select().from(ties).where(inArray(ties.id, [...load]));
  const records = await loadRecords(db, rows);
  return lineageIssues(records)
    .filter((issue) => issue.path.endsWith(".supersedes"))
    .map((issue) => ({ issue, record: records[Number(/^ties\[(\d+)\]/.exec(issue.path)?.[1])] }))
    .filter(({ record }) => record && checked.has(record.id))
    .map(({ issue, record }) => ({ ...issue, path: "supersedesTieId", message: `tie ${record!.id}: ${issue.message}` }));
}

export async function setSupersedes(db: Executor, actor: Actor, tieId: string, supersedesTieId: string | null): Promise<TTieHistory> {
  await loadTie(db, actor, tieId, "edit");
  await db.delete(tieLineage).where(eq(tieLineage.tieId, tieId));
  if (supersedesTieId) {
    if (supersedesTieId === tieId) throw new AppError("validation_failed", "A tie cannot continue itself.", [{ path: "supersedesTieId", message: "refers to itself" }]);
    const [parent] = await visibleTies(db, actor, [supersedesTieId]);
    if (!parent) throw new AppError("validation_failed", "The tie it continues does not exist.", [{ path: "supersedesTieId", message: `no tie with id ${supersedesTieId}` }]);
    await db.insert(tieLineage).values({ tieId, supersedesTieId });
    const problems = await lineageProblems(db, tieId);
    if (problems.length) throw new AppError("validation_failed", `The lineage is not consistent: ${problems.map((p) => p.message).join("; ")}`, problems);
  }
  return getTieHistory(db, actor, tieId);
}

export async function upgradeTieRecord(db: Executor, actor: Actor, tieId: string, input: TTieUpgrade): Promise<{ superseded: TTieHistory; successor: TTieHistory }> {
  const old = await loadTie(db, actor, tieId, "edit");
  const [record] = await loadRecords(db, [old]);
  const aOrgId = input.aOrgId ?? old.aOrgId;
  const bOrgId = input.bOrgId ?? old.bOrgId;
  if (aOrgId === bOrgId) throw new AppError("validation_failed", "A tie needs two different ends.", [{ path: "bOrgId", message: "must differ from aOrgId" }]);
  let planned: { superseded: TieRecord; successor: TieRecord };
  try {
    planned = upgradeTie(record!, {
      id: `${tieId}:successor`,
      kind: input.kind,
      date: input.date,
      parties: [aOrgId, bOrgId],
      purposes: input.purposes ?? (old.purposes as TiePurpose[]),
      state: input.state,
      ...(input.signatories ? { signatories: input.signatories } : {}),
      ...(input.note ? { note: input.note } : {}),
    });
  } catch (error) {
    // The core names the old tie `tie` and the successor's first event `history[0].…`; the body has neither.
    const path = (p: string) => (p === "tie" ? "(tie)" : p.replace(/^history\[\d+\]\./, ""));
    if (error instanceof AppError) throw new AppError(error.code, error.message, error.errors.map((e) => ({ ...e, path: path(e.path) })));
    throw error;
  }
  const created = await createTie(db, actor, {
    aOrgId,
    bOrgId,
    kind: input.kind as TieKind,
    purposes: [...(planned.successor.purposes ?? [])],
    since: input.date,
    until: null,
    role: input.role ?? null,
    field: input.field ?? old.field,
    ownerOrgId: old.ownerOrgId,
    visibility: old.visibility as "public" | "shared" | "confidential",
    sharedWith: old.sharedWith,
    source: null,
    unverified: false,
  });
  // The plan was made before the successor had an id; its "superseded by" note gets the real one.
  const ended = planned.superseded.history.at(-1)!;
  await insertEvent(db, old, record!.history.length, { ...ended, ...(ended.note ? { note: ended.note.replace(`${tieId}:successor`, created.id) } : {}) });
  const [successorRow] = await db.select().from(ties).where(eq(ties.id, created.id));
  const start = planned.successor.history[0]!;
  await insertEvent(db, successorRow!, 0, { ...start, note: input.note ?? `continues ${tieId}` });
  await db.insert(tieLineage).values({ tieId: created.id, supersedesTieId: tieId });
  const problems = await lineageProblems(db, created.id);
  if (problems.length) throw new AppError("validation_failed", `The lineage is not consistent: ${problems.map((p) => p.message).join("; ")}`, problems);
  return { superseded: await getTieHistory(db, actor, tieId), successor: await getTieHistory(db, actor, created.id) };
}

export async function getTieLineage(db: Executor, actor: Actor, tieId: string) {
  await loadTie(db, actor, tieId);
  const links = await db.select().from(tieLineage);
  const parent = new Map(links.map((l) => [l.tieId, l.supersedesTieId]));
  const children = new Map<string, string[]>();
  for (const l of links) children.set(l.supersedesTieId, [...(children.get(l.supersedesTieId) ?? []), l.tieId]);
  const ids = new Set([tieId]);
  for (let p = parent.get(tieId); p && !ids.has(p); p = parent.get(p)) ids.add(p);
  const queue = [tieId];
  while (queue.length) for (const c of children.get(queue.shift()!) ?? []) if (!ids.has(c)) (ids.add(c), queue.push(c));
  const rows = await visibleTies(db, actor, [...ids]);
  const records = await loadRecords(db, rows);
  const result = lineage(records, tieId);
  const summaries = new Map((await tieSummaries(db, rows)).map((s) => [s.id, s]));
  return {
    tieId,
    chain: result.chain.map((t) => summaries.get(t.id)!),
    descendants: result.descendants.map((t) => summaries.get(t.id)!),
  };
}

