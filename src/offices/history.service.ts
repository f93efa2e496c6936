/**
 * @module offices/history.service
 * An office's history through operating models — a one-person hosted office becoming independent, an
 * independent one going joint, closure, consolidation into another office — stored as dated periods with
 * reasons, validated by the pure core (`validateHistory`), with the transitions it implies. Saving a history
 * keeps the registry record in line with it: the current model, and the closing date and the office merged
 * into when the registry has none.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canRead } from "../auth/actor.ts";
import type { Bilingual } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { updateOffice } from "../registry/offices.service.ts";
import type { OfficeRow } from "../registry/offices.service.ts";
import type { TOfficeUpdate } from "../registry/registry.schema.ts";
import { offices } from "../registry/registry.table.ts";
import { officeModelPeriods } from "./offices.table.ts";
import type { THistoryInput } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import { TRANSITION_KIND_LABELS, transitionsOf, validateHistory } from "./operations/transitions.ts";
import type { ModelPeriod, Transition } from "./operations/transitions.ts";

type PeriodRow = typeof officeModelPeriods.$inferSelect;
type StoredPeriod = ModelPeriod & { source?: string; unverified?: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fromRow(r: PeriodRow): StoredPeriod {
  return {
    model: r.model as ModelPeriod["model"],
    ...(r.host ? { host: r.host as NonNullable<ModelPeriod["host"]> } : {}),
    from: r.starts,
    ...(r.ends ? { to: r.ends } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.endKind
      ? {
          end: {
            kind: r.endKind as NonNullable<ModelPeriod["end"]>["kind"],
            ...(r.endReason ? { reason: r.endReason } : {}),
            ...(r.mergedIntoId ? { mergedIntoOfficeId: r.mergedIntoId } : {}),
          },
        }
      : {}),
    ...(r.reopened ? { reopened: true } : {}),
    ...(r.discontinuityKind ? { discontinuity: { kind: r.discontinuityKind as "gap" | "overlap", reason: r.discontinuityReason ?? "" } } : {}),
    ...(r.source ? { source: r.source } : {}),
    ...(r.unverified ? { unverified: true } : {}),
  };
}

/** With nothing recorded, the registry record gives a one-period history (when it knows the opening date). */
function derivedHistory(office: OfficeRow): ModelPeriod[] {
  if (!office.opened) return [];
  const ended = office.closed ?? undefined;
  return [
    {
      model: office.operationalModel as ModelPeriod["model"],
      from: office.opened,
      ...(ended ? { to: ended, end: office.mergedIntoId ? { kind: "merged" as const, mergedIntoOfficeId: office.mergedIntoId } : { kind: "closed" as const } } : {}),
    },
  ];
}

function presentTransitions(periods: ModelPeriod[]): Array<Transition & { label: Bilingual }> {
  try {
    return transitionsOf(periods).map((t) => ({ ...t, label: TRANSITION_KIND_LABELS[t.kind] }));
  } catch {
    // A stored history whose merged-into office was deleted since no longer validates; show it without events.
    return [];
  }
}

export async function getHistory(db: Executor, actor: Actor, officeId: string) {
  const ops = await loadOfficeOps(db, actor, officeId, "read");
  const rows = await db.select().from(officeModelPeriods).where(eq(officeModelPeriods.officeId, officeId)).orderBy(asc(officeModelPeriods.position));
  const stored = rows.length > 0;
  const periods: StoredPeriod[] = stored ? rows.map(fromRow) : derivedHistory(ops.office);
  const core = periods.map(({ source: _s, unverified: _u, ...p }) => p);
  return { officeId, stored, periods, transitions: presentTransitions(core) };
}

async function checkMergeTargets(db: Executor, actor: Actor, officeId: string, periods: ModelPeriod[]): Promise<void> {
  const refs = periods.flatMap((p, i) => (p.end?.mergedIntoOfficeId ? [{ i, id: p.end.mergedIntoOfficeId }] : []));
  if (refs.length === 0) return;
  const errors: FieldError[] = [];
  const ids = refs.map((r) => r.id).filter((id) => UUID.test(id));
  const found = ids.length ? await db.select().from(offices).where(inArray(offices.id, ids)) : [];
  for (const r of refs) {
    const path = `periods[${r.i}].end.mergedIntoOfficeId`;
    const target = found.find((o) => o.id === r.id);
    if (r.id === officeId) errors.push({ path, message: "an office cannot merge into itself", value: r.id });
    else if (!target || !canRead(actor, target)) errors.push({ path, message: "no such office in the registry", value: r.id });
  }
  if (errors.length) throw new AppError("validation_failed", "The office merged into does not exist.", errors);
}

/** The registry fields the history implies, where the registry differs or has nothing. */
function registryPatch(office: OfficeRow, periods: ModelPeriod[]): TOfficeUpdate {
  const last = periods.at(-1);
  if (!last) return {};
  const patch: TOfficeUpdate = {};
  if (last.to === undefined) {
    if (office.operationalModel !== last.model) patch.operationalModel = last.model;
    return patch;
  }
  if (!office.closed) patch.closed = last.to;
  if (last.end?.kind === "merged" && last.end.mergedIntoOfficeId && !office.mergedIntoId) patch.mergedIntoId = last.end.mergedIntoOfficeId;
  if (office.operationalModel !== last.model) patch.operationalModel = last.model;
  return patch;
}

/** Replaces the office's history (validated as a whole) and brings the registry record in line with it. */
export async function putHistory(db: Executor, actor: Actor, officeId: string, input: THistoryInput) {
  const ops = await loadOfficeOps(db, actor, officeId, "edit");
  const core = validateHistory(
    input.periods.map(({ source: _s, unverified: _u, ...p }) => p),
    "periods",
  );
  await checkMergeTargets(db, actor, officeId, core);
  await db.delete(officeModelPeriods).where(eq(officeModelPeriods.officeId, officeId));
  if (core.length > 0) {
    await db.insert(officeModelPeriods).values(
      core.map((p, position) => ({
        officeId,
        position,
        model: p.model,
        host: p.host ?? null,
        starts: p.from,
        ends: p.to ?? null,
        reason: p.reason ?? null,
        endKind: p.end?.kind ?? null,
        endReason: p.end?.reason ?? null,
        mergedIntoId: p.end?.mergedIntoOfficeId ?? null,
        reopened: p.reopened ?? false,
        discontinuityKind: p.discontinuity?.kind ?? null,
        discontinuityReason: p.discontinuity?.reason ?? null,
        source: input.periods[position]?.source ?? null,
        unverified: input.periods[position]?.unverified ?? false,
      })),
    );
  }
  const patch = registryPatch(ops.office, core);
  if (Object.keys(patch).length > 0) await updateOffice(db, actor, officeId, patch);
  return getHistory(db, actor, officeId);
}
