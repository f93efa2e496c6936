/**
 * @module offices/operations-settings.service
 * An office's operations settings: who sees its operations data (confidential to the owner, or shared with
 * the co-owners), the key a joint office's cost is shared by, and the arrangement the comparison reads
 * (head count by kind, host, partner, contract scope). Without a stored row the defaults apply.
 */
import { inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import { officeOperations } from "./offices.table.ts";
import type { TOperationsSettingsInput } from "./offices.schema.ts";
import { loadOfficeOps } from "./operations-access.ts";
import type { OfficeOps } from "./operations-access.ts";
import { ZSharingKey, shareCost } from "./operations/cost.ts";
import type { SharingKey } from "./operations/cost.ts";
import type { HostKind, JointPartnerKind, WorkCategory } from "./operations/labels.ts";

export const DEFAULT_SHARING_KEY: SharingKey = { kind: "equal" };

export interface Member {
  orgId: string;
  nameJa: string;
  nameEn: string;
  kind: string;
  role: "owner" | "co_owner";
}

/** The owner and co-owners with their names, in the order costs are shared (owner first). */
export async function membersOf(db: Executor, ops: OfficeOps): Promise<Member[]> {
  const rows = await db
    .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, ops.memberIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ops.memberIds.map((orgId, i) => ({
    orgId,
    nameJa: byId.get(orgId)?.nameJa ?? "",
    nameEn: byId.get(orgId)?.nameEn ?? "",
    kind: byId.get(orgId)?.kind ?? "",
    role: i === 0 ? "owner" : "co_owner",
  }));
}

/** The stored sharing key, or equal shares. */
export function sharingKeyOf(ops: OfficeOps): SharingKey {
  const parsed = ZSharingKey.safeParse(ops.settings?.sharingKey);
  return parsed.success ? parsed.data : DEFAULT_SHARING_KEY;
}

/** Checks a key against the office's members, reporting paths under `sharingKey`. */
export function checkSharingKey(key: SharingKey, memberIds: string[]): void {
  try {
    shareCost(key.kind === "base_plus_usage" ? key.baseJpy : 0, memberIds, key);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const errors = error.errors.map((e) => ({ ...e, path: e.path.replace(/^key/, "sharingKey") }));
    throw new AppError("validation_failed", `sharingKey does not fit the office's members (owner and co-owners): ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`, errors);
  }
}

export async function presentSettings(db: Executor, ops: OfficeOps) {
  const s = ops.settings;
  return {
    officeId: ops.office.id,
    visibility: (s?.visibility ?? "confidential") as "confidential" | "shared",
    sharingKey: sharingKeyOf(ops),
    staff: s && s.dispatchedStaff !== null && s.localStaff !== null ? { dispatched: s.dispatchedStaff, local: s.localStaff } : null,
    host: (s?.host ?? null) as HostKind | null,
    jointPartnerKind: (s?.jointPartnerKind ?? null) as JointPartnerKind | null,
    contractScope: (s?.contractScope ?? null) as WorkCategory[] | null,
    members: await membersOf(db, ops),
    source: s?.source ?? null,
    unverified: s?.unverified ?? false,
    stored: s !== null,
  };
}

export async function getOperationsSettings(db: Executor, actor: Actor, officeId: string) {
  return presentSettings(db, await loadOfficeOps(db, actor, officeId, "read"));
}

export async function putOperationsSettings(db: Executor, actor: Actor, officeId: string, input: TOperationsSettingsInput) {
  const ops = await loadOfficeOps(db, actor, officeId, "edit");
  if (input.sharingKey) checkSharingKey(input.sharingKey, ops.memberIds);
  const values = {
    visibility: input.visibility,
    sharingKey: input.sharingKey ?? null,
    dispatchedStaff: input.staff?.dispatched ?? null,
    localStaff: input.staff?.local ?? null,
    host: input.host ?? null,
    jointPartnerKind: input.jointPartnerKind ?? null,
    contractScope: input.contractScope ?? null,
    source: input.source ?? null,
    unverified: input.unverified,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(officeOperations)
    .values({ officeId, ...values })
    .onConflictDoUpdate({ target: officeOperations.officeId, set: values })
    .returning();
  return presentSettings(db, { ...ops, settings: row! });
}
