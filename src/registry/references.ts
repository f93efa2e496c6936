/**
 * @module registry/references
 * Checks that records a write refers to exist, so a missing reference is a 400 naming the field rather
 * than a foreign-key failure, and presents rows without leaking database types.
 */
import { inArray } from "drizzle-orm";
import { AppError, type FieldError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { organisations } from "./registry.table.ts";

export interface Reference {
  path: string;
  id: string | null | undefined;
}

/** Throws a validation error listing every reference to an organisation that does not exist. */
export async function assertOrganisationsExist(db: Executor, refs: Reference[]): Promise<void> {
  const ids = [...new Set(refs.map((r) => r.id).filter((id): id is string => !!id))];
  if (!ids.length) return;
  const found = new Set((await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))).map((r) => r.id));
  const errors: FieldError[] = refs
    .filter((r) => r.id && !found.has(r.id))
    .map((r) => ({ path: r.path, message: `no organisation with id ${r.id}` }));
  if (errors.length) throw new AppError("validation_failed", "A referenced organisation does not exist.", errors);
}

export function notFound(what: string, id: string): AppError {
  return new AppError("not_found", `No ${what} with id ${id}, or it is not visible to you.`);
}

export function iso(date: Date | string): string {
  return date instanceof Date ? date.toISOString() : new Date(date).toISOString();
}

/** Removes the search vector and turns timestamps into ISO strings. */
export function presentRow<T extends { search?: unknown; createdAt: Date; updatedAt?: Date }>(row: T) {
  const { search: _search, createdAt, updatedAt, ...rest } = row;
  return { ...rest, createdAt: iso(createdAt), updatedAt: iso(updatedAt ?? createdAt) };
}
