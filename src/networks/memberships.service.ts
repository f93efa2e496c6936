/**
 * @module networks/memberships.service
 * Network membership details: the role history of a membership tie (member, board, chair, vice chair,
 * secretariat), the themes a network covers, and the network profile that gathers its members, roles,
 * themes and reporting obligations. A membership is a registry tie of kind `network_membership`; the
 * network is the end whose organisation is of kind `network` (else `bOrgId`).
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { canRead, requireEdit, type Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { notFound } from "../registry/references.ts";
import { organisations, ties } from "../registry/registry.table.ts";
import { networkThemes, tieRoles } from "./networks.table.ts";
import { listObligationsOf } from "./obligations.service.ts";
import { themeLabel } from "./themes.ts";
import { loadTie, tieSummaries, type TieRow } from "./tie-records.ts";
import { NETWORK_ROLE_LABELS, type NetworkRole, type TRoleHistory, type TRoleHistoryInput } from "./tie-life.schema.ts";
import type { TNetworkProfile } from "./membership.schema.ts";

type OrgRow = typeof organisations.$inferSelect;

/** The network organisation, or 404 when it does not exist, is not visible or is not a network. */
export async function loadNetwork(db: Executor, actor: Actor, id: string, mode: "read" | "edit" = "read"): Promise<OrgRow> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org || !canRead(actor, org) || org.kind !== "network") throw notFound("network", id);
  if (mode === "edit") requireEdit(actor, org, "network");
  return org;
}

type RoleRow = typeof tieRoles.$inferSelect;
function presentPeriods(rows: RoleRow[]): TRoleHistory["periods"] {
  return rows.map((r) => ({
    role: r.role as NetworkRole,
    label: NETWORK_ROLE_LABELS[r.role as NetworkRole],
    from: r.starts,
    until: r.ends,
    note: r.note,
    source: r.source,
  }));
}

async function roleRows(db: Executor, tieIds: string[]): Promise<Map<string, RoleRow[]>> {
  const out = new Map<string, RoleRow[]>();
  if (!tieIds.length) return out;
  const rows = await db.select().from(tieRoles).where(inArray(tieRoles.tieId, tieIds)).orderBy(tieRoles.tieId, tieRoles.position);
  for (const r of rows) out.set(r.tieId, [...(out.get(r.tieId) ?? []), r]);
  return out;
}

export async function getRoleHistory(db: Executor, actor: Actor, tieId: string): Promise<TRoleHistory> {
  const tie = await loadTie(db, actor, tieId);
  const rows = (await roleRows(db, [tieId])).get(tieId) ?? [];
  return { tieId, currentRole: (tie.role as NetworkRole | null) ?? null, periods: presentPeriods(rows) };
}

/** Replaces the role history; the registry's `role` becomes the latest period's role. */
export async function putRoleHistory(db: Executor, actor: Actor, tieId: string, input: TRoleHistoryInput): Promise<TRoleHistory> {
  const tie = await loadTie(db, actor, tieId, "edit");
  if (tie.kind !== "network_membership") {
    throw new AppError("validation_failed", "Roles belong to network memberships.", [{ path: "(tie).kind", message: `roles need a network_membership tie; this one is ${tie.kind}` }]);
  }
  await db.delete(tieRoles).where(eq(tieRoles.tieId, tieId));
  if (input.periods.length) {
    await db.insert(tieRoles).values(
      input.periods.map((p, position) => ({ tieId, position, role: p.role, starts: p.from, ends: p.until ?? null, note: p.note ?? null, source: p.source ?? null })),
    );
    await db.update(ties).set({ role: input.periods.at(-1)!.role, updatedAt: new Date() }).where(eq(ties.id, tieId));
  }
  return getRoleHistory(db, actor, tieId);
}

export async function getNetworkThemes(db: Executor, actor: Actor, networkId: string) {
  await loadNetwork(db, actor, networkId);
  return { networkOrgId: networkId, themes: await themesOf(db, networkId) };
}

async function themesOf(db: Executor, networkId: string) {
  const rows = await db.select().from(networkThemes).where(eq(networkThemes.networkOrgId, networkId)).orderBy(networkThemes.theme);
  return rows.map((r) => ({ theme: r.theme, label: themeLabel(r.theme) }));
}

export async function putNetworkThemes(db: Executor, actor: Actor, networkId: string, themes: readonly string[]) {
  await loadNetwork(db, actor, networkId, "edit");
  await db.delete(networkThemes).where(eq(networkThemes.networkOrgId, networkId));
  if (themes.length) await db.insert(networkThemes).values(themes.map((theme) => ({ networkOrgId: networkId, theme })));
  return getNetworkThemes(db, actor, networkId);
}

/** The member end of a membership tie (the other end being `networkId`). */
export function memberOf(tie: Pick<TieRow, "aOrgId" | "bOrgId">, networkId: string): string {
  return tie.aOrgId === networkId ? tie.bOrgId : tie.aOrgId;
}

export function isCurrent(tie: Pick<TieRow, "until">, state: string | null, today: string): boolean {
  return state !== "ended" && (!tie.until || periodStart(tie.until) > today);
}

export async function getNetworkProfile(db: Executor, actor: Actor, networkId: string): Promise<TNetworkProfile> {
  const network = await loadNetwork(db, actor, networkId);
  const rows = await db
    .select()
    .from(ties)
    .where(and(visibleTo(actor, ties), eq(ties.kind, "network_membership"), or(eq(ties.aOrgId, networkId), eq(ties.bOrgId, networkId))));
  const memberIds = rows.map((r) => memberOf(r, networkId));
  const members = memberIds.length ? await db.select().from(organisations).where(inArray(organisations.id, memberIds)) : [];
  const visibleMembers = new Map(members.filter((m) => canRead(actor, m)).map((m) => [m.id, m]));
  const shown = rows.filter((r) => visibleMembers.has(memberOf(r, networkId)));
  const summaries = await tieSummaries(db, shown);
  const roles = await roleRows(db, shown.map((r) => r.id));
  const today = new Date().toISOString().slice(0, 10);
  return {
    network: {
      id: network.id,
      kind: network.kind as TNetworkProfile["network"]["kind"],
      name: { ja: network.nameJa, en: network.nameEn },
      country: network.country,
      networkField: network.networkField,
      websiteUrl: network.websiteUrl,
    },
    themes: await themesOf(db, networkId),
    members: shown
      .map((r, i) => {
        const m = visibleMembers.get(memberOf(r, networkId))!;
        return {
          tie: summaries[i]!,
          member: { orgId: m.id, name: { ja: m.nameJa, en: m.nameEn }, kind: m.kind, country: m.country },
          role: (r.role as NetworkRole | null) ?? null,
          roleHistory: presentPeriods(roles.get(r.id) ?? []),
          current: isCurrent(r, summaries[i]!.state, today),
        };
      })
      .sort((a, b) => (a.tie.since ?? "9999").localeCompare(b.tie.since ?? "9999") || a.member.name.en.localeCompare(b.member.name.en)),
    obligations: await listObligationsOf(db, actor, networkId),
  };
}
