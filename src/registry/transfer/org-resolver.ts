/**
 * @module registry/transfer/org-resolver
 * How a spreadsheet names an organisation: its id, its 6-digit local government code, its seed key, or
 * its exact English or Japanese name (when unambiguous). Rows of an organisations import may refer to
 * organisations defined in earlier rows of the same file.
 */
import { organisations } from "../registry.table.ts";
import type { Executor } from "../../db/connection.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class OrganisationResolver {
  private readonly ids = new Set<string>();
  private readonly byKey = new Map<string, string[]>();
  /** Names and codes planned by earlier rows of this import, resolved once those rows are written. */
  private readonly planned = new Set<string>();

  static async load(db: Executor): Promise<OrganisationResolver> {
    const r = new OrganisationResolver();
    const rows = await db
      .select({ id: organisations.id, code: organisations.localGovCode, seedKey: organisations.seedKey, nameEn: organisations.nameEn, nameJa: organisations.nameJa })
      .from(organisations);
    for (const row of rows) {
      r.ids.add(row.id);
      for (const key of [row.code, row.seedKey, row.nameEn.toLowerCase(), row.nameJa]) if (key) r.add(key, row.id);
    }
    return r;
  }

  private add(key: string, id: string): void {
    const list = this.byKey.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    this.byKey.set(key, list);
  }

  private normal(value: string): string {
    return /[A-Za-z]/.test(value) && !UUID.test(value) ? value.toLowerCase() : value;
  }

  /** true, or the reason the reference cannot be used. */
  check(value: string): true | string {
    if (UUID.test(value)) return this.ids.has(value.toLowerCase()) ? true : "no organisation with this id";
    const key = this.normal(value);
    const found = this.byKey.get(key) ?? [];
    if (found.length === 1) return true;
    if (found.length > 1) return `ambiguous: ${found.length} organisations are called this; use the id or code`;
    if (this.planned.has(key)) return true;
    return "no organisation with this id, code, key or name";
  }

  resolve(value: string): string {
    if (UUID.test(value)) return value.toLowerCase();
    const found = this.byKey.get(this.normal(value));
    if (!found?.[0]) throw new Error(`unresolved organisation reference ${value}`);
    return found[0];
  }

  plan(row: { localGovCode?: string; nameEn: string }): void {
    if (row.localGovCode) this.planned.add(row.localGovCode);
    this.planned.add(row.nameEn.toLowerCase());
  }

  learn(row: { localGovCode?: string; nameEn: string }, id: string): void {
    this.ids.add(id);
    if (row.localGovCode) this.add(row.localGovCode, id);
    this.add(row.nameEn.toLowerCase(), id);
  }
}
