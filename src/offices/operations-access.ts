/**
 * @module offices/operations-access
 * Who may see and change an office's operations data (time logs, costs and their sharing, model history,
 * the comparison). The data belongs to the office's owner organisation: confidential to it by default, or
 * shared with the office's co-owners (office_owners) when its settings say `shared`; never public. Reading
 * also needs the office itself to be visible. Only the owner's admins and staff (and system administrators)
 * change it; co-owners read.
 */
import { eq } from "drizzle-orm";
import { canRead, requireEdit } from "../auth/actor.ts";
import type { Actor, OwnedRecord } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { getOfficeRow } from "../registry/offices.service.ts";
import type { OfficeRow } from "../registry/offices.service.ts";
import { officeOwners } from "../registry/registry.table.ts";
import { officeOperations } from "./offices.table.ts";

export type OperationsRow = typeof officeOperations.$inferSelect;

export interface OfficeOps {
  office: OfficeRow;
  settings: OperationsRow | null;
  /** The owner first, then the co-owners in id order: the members a joint office's cost is shared among. */
  memberIds: string[];
  /** The access record the rule is checked against. */
  access: OwnedRecord;
}

export const OPERATIONS_READ_RULE =
  "the office's owner organisation; its co-owners too when the office's operations visibility is shared; never public";
export const OPERATIONS_WRITE_RULE = "admins and staff of the office's owner organisation, and system administrators";

/**
 * Loads an office with its operations settings and checks the actor may read (or edit) its operations data:
 * an office the actor cannot see is a 404; a visible office whose operations are not shared with the actor
 * is a 403, as is a write by anyone but the owner's admins and staff.
 */
export async function loadOfficeOps(db: Executor, actor: Actor, officeId: string, mode: "read" | "edit"): Promise<OfficeOps> {
  const office = await getOfficeRow(db, actor, officeId);
  const [settings] = await db.select().from(officeOperations).where(eq(officeOperations.officeId, officeId));
  const coOwners = (await db.select({ orgId: officeOwners.orgId }).from(officeOwners).where(eq(officeOwners.officeId, officeId)))
    .map((o) => o.orgId)
    .filter((id) => id !== office.ownerOrgId)
    .sort();
  const access: OwnedRecord = {
    ownerOrgId: office.ownerOrgId,
    visibility: settings?.visibility ?? "confidential",
    sharedWith: coOwners,
  };
  if (mode === "edit") requireEdit(actor, access, "office's operations data");
  else if (!canRead(actor, access)) {
    throw new AppError(
      "forbidden",
      access.visibility === "shared"
        ? "This office's operations data is shared only with its owner and co-owners."
        : "This office's operations data is confidential to its owner organisation.",
    );
  }
  return { office, settings: settings ?? null, memberIds: [office.ownerOrgId, ...coOwners], access };
}
