/**
 * @module evaluation/initiatives.service
 * Initiatives and projects: owner, partners (partner or contractor), pillar, theme, purposes, start, a
 * dated status history (the current status and the end date follow from it), the administration under
 * which it began (derived from the start unless set), an optional office and the networks case it came
 * from. `createInitiative` is also how other capabilities create initiatives (call it in a transaction).
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { canRead, requireActFor, requireEdit, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import type { StrategyPillar, TiePurpose } from "../core/domain.ts";
import { AppError, parseOrThrow } from "../core/errors.ts";
import { searchDocument } from "../core/text-search.ts";
import type { Executor } from "../db/connection.ts";
import { listPage, matchesSearch, periodStartSql, visibleTo } from "../db/list-query.ts";
import type { PartnerRole } from "../governance/vocabulary.ts";
import { assertOrganisationsExist, notFound, presentRow } from "../registry/references.ts";
import { offices, organisations } from "../registry/registry.table.ts";
import { termContaining, termsOf } from "./administration-link.ts";
import {
  ZInitiativeCreate,
  type TInitiative,
  type TInitiativeCreate,
  type TInitiativeUpdate,
  type TStatusChange,
  type ZInitiativeListQuery,
} from "./evaluation.schema.ts";
import { administrations, initiativePartners, initiatives, initiativeStatusEvents } from "./evaluation.table.ts";
import { defaultHistory, resolveHistory, type StatusEvent } from "./status-history.ts";
import type { InitiativeStatus, InitiativeTheme } from "./vocabulary.ts";

export type InitiativeRow = typeof initiatives.$inferSelect;
type Partner = { orgId: string; role: PartnerRole };

export async function presentInitiatives(db: Executor, rows: InitiativeRow[]): Promise<TInitiative[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const partners = await db.select().from(initiativePartners).where(inArray(initiativePartners.initiativeId, ids));
  const events = await db.select().from(initiativeStatusEvents).where(inArray(initiativeStatusEvents.initiativeId, ids)).orderBy(initiativeStatusEvents.seq);
  const orgIds = [...new Set([...rows.map((r) => r.ownerOrgId), ...partners.map((p) => p.orgId)])];
  const names = new Map(
    (await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, orgIds))).map((o) => [o.id, o]),
  );
  const adminIds = [...new Set(rows.map((r) => r.administrationId).filter((a): a is string => !!a))];
  const terms = new Map(
    adminIds.length
      ? (await db.select().from(administrations).where(inArray(administrations.id, adminIds))).map((a) => [
          a.id,
          { id: a.id, leaderJa: a.leaderJa, leaderEn: a.leaderEn, from: a.termFrom, until: a.termUntil },
        ])
      : [],
  );
  return rows.map((row) => {
    const { seedKey: _seedKey, ...rest } = presentRow(row);
    return {
      ...rest,
      pillar: row.pillar as StrategyPillar | null,
      theme: row.theme as InitiativeTheme | null,
      purposes: row.purposes as TiePurpose[],
      status: row.status as InitiativeStatus,
      visibility: row.visibility as TInitiative["visibility"],
      ownerNameJa: names.get(row.ownerOrgId)?.nameJa ?? "",
      ownerNameEn: names.get(row.ownerOrgId)?.nameEn ?? "",
      partners: partners
        .filter((p) => p.initiativeId === row.id)
        .map((p) => ({ orgId: p.orgId, role: p.role as PartnerRole, nameJa: names.get(p.orgId)?.nameJa ?? "", nameEn: names.get(p.orgId)?.nameEn ?? "" }))
        .sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
      statusHistory: events
        .filter((e) => e.initiativeId === row.id)
        .map((e) => ({ id: e.id, status: e.status as InitiativeStatus, on: e.onDate, reason: e.reason, source: e.source })),
      administration: row.administrationId ? (terms.get(row.administrationId) ?? null) : null,
    };
  });
}

const searchFor = (i: { nameJa: string; nameEn: string; descriptionJa?: string | null; descriptionEn?: string | null; theme?: string | null }) =>
  sql`to_tsvector('simple', ${searchDocument(i.nameJa, i.nameEn, i.descriptionJa, i.descriptionEn, i.theme)})`;

async function checkReferences(db: Executor, actor: Actor, ownerOrgId: string, input: Partial<TInitiativeUpdate>): Promise<void> {
  await assertOrganisationsExist(db, [
    { path: "ownerOrgId", id: input.ownerOrgId },
    ...(input.partners ?? []).map((p, i) => ({ path: `partners[${i}].orgId`, id: p.orgId })),
    ...(input.sharedWith ?? []).map((id, i) => ({ path: `sharedWith[${i}]`, id })),
  ]);
  const self = (input.partners ?? []).findIndex((p) => p.orgId === ownerOrgId);
  if (self >= 0) throw new AppError("validation_failed", "The owner cannot be its own partner.", [{ path: `partners[${self}].orgId`, message: "is the owner" }]);
  if (input.officeId) {
    const [office] = await db.select().from(offices).where(eq(offices.id, input.officeId));
    if (!office || !canRead(actor, office)) throw new AppError("validation_failed", "The office does not exist.", [{ path: "officeId", message: `no office with id ${input.officeId}` }]);
  }
  if (input.administrationId) {
    const [term] = await db.select().from(administrations).where(eq(administrations.id, input.administrationId));
    if (!term || !canRead(actor, term)) throw new AppError("validation_failed", "The administration does not exist.", [{ path: "administrationId", message: `no administration with id ${input.administrationId}` }]);
    if (term.orgId !== ownerOrgId) throw new AppError("validation_failed", "The administration is another government's.", [{ path: "administrationId", message: "must be a term of the owner organisation" }]);
  }
}

async function assertNaturalKeyFree(db: Executor, i: { ownerOrgId: string; nameEn: string; since?: string | null }, exceptId?: string): Promise<void> {
  const [clash] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.ownerOrgId, i.ownerOrgId), sql`lower(${initiatives.nameEn}) = lower(${i.nameEn})`, sql`coalesce(${initiatives.since}, '') = ${i.since ?? ""}`));
  if (clash && clash.id !== exceptId) {
    throw new AppError("conflict", "This owner already has an initiative of this name starting then.", [{ path: "nameEn", message: "owner + nameEn + since already registered" }]);
  }
}

async function writePartners(db: Executor, id: string, partners: readonly Partner[]): Promise<void> {
  await db.delete(initiativePartners).where(eq(initiativePartners.initiativeId, id));
  if (partners.length) await db.insert(initiativePartners).values(partners.map((p) => ({ initiativeId: id, orgId: p.orgId, role: p.role })));
}

/** Replaces the history and stores the current status and end date it implies. */
async function writeHistory(db: Executor, id: string, events: readonly StatusEvent[], since: string | null | undefined): Promise<void> {
  const resolved = resolveHistory(events, since);
  await db.delete(initiativeStatusEvents).where(eq(initiativeStatusEvents.initiativeId, id));
  await db.insert(initiativeStatusEvents).values(
    resolved.events.map((e, seq) => ({ id: randomUUID(), initiativeId: id, seq, status: e.status, onDate: e.on, reason: e.reason ?? null, source: e.source ?? null })),
  );
  await db.update(initiatives).set({ status: resolved.status, until: resolved.until }).where(eq(initiatives.id, id));
}

async function storedHistory(db: Executor, id: string): Promise<StatusEvent[]> {
  const rows = await db.select().from(initiativeStatusEvents).where(eq(initiativeStatusEvents.initiativeId, id)).orderBy(initiativeStatusEvents.seq);
  return rows.map((e) => ({ status: e.status as InitiativeStatus, on: e.onDate, reason: e.reason, source: e.source }));
}

/**
 * Creates an initiative (validating `input` with `ZInitiativeCreate`, so callers outside HTTP get the same
 * field errors). Runs several writes: call it inside `db.transaction`.
 */
export async function createInitiative(db: Executor, actor: Actor, input: TInitiativeCreate, seedKey?: string): Promise<TInitiative> {
  const data = parseOrThrow(ZInitiativeCreate, input, "The initiative");
  requireActFor(actor, data.ownerOrgId);
  await checkReferences(db, actor, data.ownerOrgId, data);
  await assertNaturalKeyFree(db, data);
  const history = data.statusHistory ?? defaultHistory(data.since);
  const resolved = resolveHistory(history, data.since);
  const { partners, statusHistory: _h, administrationId, ...fields } = data;
  const id = randomUUID();
  const auto = !administrationId;
  const derived = auto ? termContaining(await termsOf(db, data.ownerOrgId), data.since) : administrationId;
  await db.insert(initiatives).values({
    ...fields,
    id,
    status: resolved.status,
    until: resolved.until,
    administrationId: derived,
    administrationAuto: auto,
    seedKey: seedKey ?? null,
    search: searchFor(fields) as never,
  });
  await writePartners(db, id, partners);
  await writeHistory(db, id, resolved.events, data.since);
  return getInitiative(db, actor, id);
}

export async function getInitiativeRow(db: Executor, actor: Actor, id: string): Promise<InitiativeRow> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  if (!row || !canRead(actor, row)) throw notFound("initiative", id);
  return row;
}

export async function getInitiative(db: Executor, actor: Actor, id: string): Promise<TInitiative> {
  return (await presentInitiatives(db, [await getInitiativeRow(db, actor, id)]))[0]!;
}

export async function updateInitiative(db: Executor, actor: Actor, id: string, patch: TInitiativeUpdate): Promise<TInitiative> {
  const current = await getInitiativeRow(db, actor, id);
  requireEdit(actor, current, "initiative");
  if (patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) requireActFor(actor, patch.ownerOrgId);
  const next = { ...current, ...patch };
  await checkReferences(db, actor, next.ownerOrgId, patch);
  await assertNaturalKeyFree(db, next, id);
  const { partners, statusHistory, administrationId, ...fields } = patch;
  const auto = administrationId === undefined ? current.administrationAuto : administrationId === null;
  let linked = auto ? current.administrationId : administrationId!;
  if (administrationId === undefined && !auto && patch.ownerOrgId && patch.ownerOrgId !== current.ownerOrgId) {
    throw new AppError("validation_failed", "The administration belongs to the previous owner.", [{ path: "administrationId", message: "give the new owner's administration, or null to derive it" }]);
  }
  if (auto) linked = termContaining(await termsOf(db, next.ownerOrgId), next.since);
  await db
    .update(initiatives)
    .set({ ...fields, administrationId: linked, administrationAuto: auto, search: searchFor(next) as never, updatedAt: new Date() })
    .where(eq(initiatives.id, id));
  if (partners !== undefined) await writePartners(db, id, partners);
  if (statusHistory !== undefined || patch.since !== undefined) await writeHistory(db, id, statusHistory ?? (await storedHistory(db, id)), next.since);
  return getInitiative(db, actor, id);
}

/** Appends a dated status change (the usual way to suspend, discontinue or complete an initiative). */
export async function changeInitiativeStatus(db: Executor, actor: Actor, id: string, change: TStatusChange): Promise<TInitiative> {
  const current = await getInitiativeRow(db, actor, id);
  requireEdit(actor, current, "initiative");
  const history = await storedHistory(db, id);
  try {
    resolveHistory([...history, change], current.since);
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError("validation_failed", `The status change does not fit the history: ${error.errors.map((e) => e.message).join("; ")}`, [
        { path: "on", message: error.errors[0]?.message ?? "does not fit the history" },
      ]);
    }
    throw error;
  }
  await writeHistory(db, id, [...history, change], current.since);
  return getInitiative(db, actor, id);
}

export async function deleteInitiative(db: Executor, actor: Actor, id: string): Promise<void> {
  requireEdit(actor, await getInitiativeRow(db, actor, id), "initiative");
  await db.delete(initiatives).where(eq(initiatives.id, id));
}

export async function listInitiatives(db: Executor, actor: Actor, query: z.infer<typeof ZInitiativeListQuery>) {
  const on = query.activeOn ? periodStart(query.activeOn) : undefined;
  const page = await listPage<InitiativeRow>(db, {
    table: initiatives,
    idColumn: initiatives.id,
    sortable: {
      since: sql`coalesce(${initiatives.since}, '9999')`,
      nameEn: initiatives.nameEn,
      nameJa: initiatives.nameJa,
      status: initiatives.status,
      createdAt: initiatives.createdAt,
    },
    defaultSort: "since",
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
    where: [
      visibleTo(actor, initiatives),
      matchesSearch(initiatives.search, query.q),
      query.ownerOrgId ? eq(initiatives.ownerOrgId, query.ownerOrgId) : undefined,
      query.partnerOrgId ? sql`${initiatives.id} IN (SELECT initiative_id FROM initiative_partners WHERE org_id = ${query.partnerOrgId}::uuid)` : undefined,
      query.pillar ? eq(initiatives.pillar, query.pillar) : undefined,
      query.theme ? eq(initiatives.theme, query.theme) : undefined,
      query.purpose ? sql`${query.purpose} = ANY(${initiatives.purposes})` : undefined,
      query.status ? eq(initiatives.status, query.status) : undefined,
      query.administrationId ? eq(initiatives.administrationId, query.administrationId) : undefined,
      query.officeId ? eq(initiatives.officeId, query.officeId) : undefined,
      on ? and(sql`${periodStartSql(initiatives.since)} <= ${on}`, or(isNull(initiatives.until), sql`${periodStartSql(initiatives.until)} > ${on}`)) : undefined,
    ],
  });
  return { items: await presentInitiatives(db, page.rows), total: page.total, nextCursor: page.nextCursor };
}
