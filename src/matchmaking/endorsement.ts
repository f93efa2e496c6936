/**
 * @module matchmaking/endorsement
 * The endorsement a buyer sees on a published profile or opportunity: which government vetted it, who
 * reviewed it, when, and until when it holds.
 */
import { inArray } from "drizzle-orm";
import { users } from "../auth/auth.table.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import type { OrgRef } from "./shared.ts";
import { today } from "./shared.ts";

export interface EndorsedRow {
  status: string;
  vettedBy: string;
  endorsedByUser: string | null;
  endorsedAt: Date | null;
  endorsementExpires: string | null;
}

export async function reviewerNames(db: Executor, rows: EndorsedRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.endorsedByUser).filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const found = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u.name]));
}

export function presentEndorsement(row: EndorsedRow, gov: OrgRef, names: Map<string, string>) {
  if (row.status !== "published" || !row.endorsedAt) return null;
  return {
    by: gov,
    reviewerName: row.endorsedByUser ? (names.get(row.endorsedByUser) ?? null) : null,
    at: iso(row.endorsedAt),
    expires: row.endorsementExpires,
    current: row.endorsementExpires === null || row.endorsementExpires >= today(),
  };
}
