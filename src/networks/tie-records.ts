/**
 * @module networks/tie-records
 * The bridge between the registry's ties and the pure lifecycle core: loading a tie with its access
 * checked (its events, activities, roles and lineage take the tie's owner and visibility), turning rows
 * into `TieRecord`s, and presenting tie summaries with names and current state.
 */
import { eq, inArray } from "drizzle-orm";
import { canRead, requireEdit, type Actor } from "../auth/actor.ts";
import type { Bilingual, TieKind } from "../core/domain.ts";
import type { Executor } from "../db/connection.ts";
import { notFound } from "../registry/references.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import { tieEvents, tieLineage } from "./networks.table.ts";
import type { TieEvent, TieRecord, TieState, TieTransitionReason } from "./tie-lifecycle.ts";
import type { TTieSummary } from "./tie-life.schema.ts";

export type TieRow = typeof ties.$inferSelect;
export type TieEventRow = typeof tieEvents.$inferSelect;

export const TIE_READ_RULE = "as the tie: public ties for everyone; shared ties for the owner and the organisations named; confidential ties for the owner's members";
export const TIE_WRITE_RULE = "admins and staff of the tie's owner organisation, and system administrators";

/** The tie, or 404 when it does not exist or the actor may not see it; with `edit`, 401/403 unless the actor may change it. */
export async function loadTie(db: Executor, actor: Actor, id: string, mode: "read" | "edit" = "read"): Promise<TieRow> {
  const [row] = await db.select().from(ties).where(eq(ties.id, id));
  if (!row || !canRead(actor, row)) throw notFound("tie", id);
  if (mode === "edit") requireEdit(actor, row, "tie");
  return row;
}

export function eventOf(row: TieEventRow): TieEvent {
  return {
    state: row.state as TieState,
    date: row.onDate,
    ...(row.reason ? { reason: row.reason as TieTransitionReason } : {}),
    ...(row.note ? { note: row.note } : {}),
    ...(row.state === "signed" ? { signatories: row.signatories } : {}),
  };
}

/** Event rows per tie, in order. */
export async function eventRows(db: Executor, tieIds: readonly string[]): Promise<Map<string, TieEventRow[]>> {
  const out = new Map<string, TieEventRow[]>();
  if (!tieIds.length) return out;
  const rows = await db.select().from(tieEvents).where(inArray(tieEvents.tieId, [...new Set(tieIds)])).orderBy(tieEvents.tieId, tieEvents.seq);
  for (const r of rows) out.set(r.tieId, [...(out.get(r.tieId) ?? []), r]);
  return out;
}

/** tie id → the tie it supersedes. */
export async function supersedesOf(db: Executor, tieIds: readonly string[]): Promise<Map<string, string>> {
  if (!tieIds.length) return new Map();
  const rows = await db.select().from(tieLineage).where(inArray(tieLineage.tieId, [...new Set(tieIds)]));
  return new Map(rows.map((r) => [r.tieId, r.supersedesTieId]));
}

export function tieRecord(row: TieRow, events: readonly TieEventRow[], supersedes: string | null): TieRecord {
  return {
    id: row.id,
    kind: row.kind as TieKind,
    parties: [row.aOrgId, row.bOrgId],
    purposes: row.purposes as TieRecord["purposes"],
    history: events.map(eventOf),
    supersedes,
  };
}

export async function loadRecords(db: Executor, rows: readonly TieRow[]): Promise<TieRecord[]> {
  const ids = rows.map((r) => r.id);
  const [events, links] = await Promise.all([eventRows(db, ids), supersedesOf(db, ids)]);
  return rows.map((r) => tieRecord(r, events.get(r.id) ?? [], links.get(r.id) ?? null));
}

export async function orgNames(db: Executor, ids: readonly string[]): Promise<Map<string, Bilingual>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { ja: r.nameJa, en: r.nameEn }]));
}

export async function tieSummaries(db: Executor, rows: readonly TieRow[]): Promise<TTieSummary[]> {
  const ids = rows.map((r) => r.id);
  const [names, events, links] = await Promise.all([orgNames(db, rows.flatMap((r) => [r.aOrgId, r.bOrgId])), eventRows(db, ids), supersedesOf(db, ids)]);
  const unknown = { ja: "", en: "" };
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TieKind,
    aOrgId: r.aOrgId,
    aName: names.get(r.aOrgId) ?? unknown,
    bOrgId: r.bOrgId,
    bName: names.get(r.bOrgId) ?? unknown,
    since: r.since,
    until: r.until,
    state: ((events.get(r.id) ?? []).at(-1)?.state as TieState | undefined) ?? null,
    supersedesTieId: links.get(r.id) ?? null,
  }));
}

/** Visible tie rows by id, in the order asked (invisible and missing ones left out). */
export async function visibleTies(db: Executor, actor: Actor, ids: readonly string[]): Promise<TieRow[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(ties).where(inArray(ties.id, [...new Set(ids)]));
  const byId = new Map(rows.filter((r) => canRead(actor, r)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is TieRow => r !== undefined);
}
