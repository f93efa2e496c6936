/**
 * @module matchmaking/match-index
 * One in-process matching engine per database, built lazily from the published company profiles and the
 * published, unexpired request-type opportunities, then kept current incrementally: every write that can
 * change what is matchable calls `syncCompany` / `syncOpportunity` after its transaction commits, and the
 * engine adds, replaces or removes that one record without a rebuild. Only published (public) records are
 * indexed, so every indexed record is visible to every caller; an unpublished query is matched ad hoc.
 *
 * The index lives in this process: several server processes on one database each keep their own and see
 * each other's writes only after a restart (documented in docs/matchmaking.md).
 */
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Database, Executor } from "../db/connection.ts";
import { organisations } from "../registry/registry.table.ts";
import type { MatchEngine } from "./engine/engine.ts";
import { createMatchEngine } from "./engine/engine.ts";
import type { BuyerRequestInput, CompanyProfileInput } from "./engine/types.ts";
import { REQUEST_KINDS } from "./matchmaking.schema.ts";
import { companyProfiles, opportunities } from "./matchmaking.table.ts";
import { hsNomenclature, productGlossary } from "./nomenclature.ts";
import type { OpportunityRow } from "./opportunities.service.ts";
import type { ProfileRow } from "./profiles.service.ts";
import { massKg, today } from "./shared.ts";

const joined = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join("\n");

export function companyInput(row: ProfileRow, name: { nameJa: string; nameEn: string } | undefined): CompanyProfileInput {
  return {
    id: row.orgId,
    name: name ? joined(name.nameJa, name.nameEn) : "",
    description: joined(row.descriptionJa, row.descriptionEn),
    hsCodes: row.hsCodes,
    certifications: row.certifications,
    markets: row.targetMarkets,
    exportExperience: row.exportExperience,
    vetted: row.status === "published",
    capacity: massKg(row.capacityAmount, row.capacityUnit),
  };
}

export function requestInput(row: OpportunityRow, buyer: string): BuyerRequestInput {
  return {
    id: row.id,
    buyer,
    country: row.country,
    description: joined(row.titleJa, row.titleEn, row.descriptionJa, row.descriptionEn),
    hsCodes: row.hsCodes,
    requiredCertifications: row.requiredCertifications,
    volume: massKg(row.volumeAmount, row.volumeUnit),
  };
}

/** An offer read as the supply side of a match (to find requests it answers). */
export function offerAsCompany(row: OpportunityRow): CompanyProfileInput {
  return {
    id: row.id,
    description: joined(row.titleJa, row.titleEn, row.descriptionJa, row.descriptionEn),
    hsCodes: row.hsCodes,
    certifications: row.requiredCertifications,
    markets: [row.country],
    vetted: row.status === "published",
    capacity: massKg(row.volumeAmount, row.volumeUnit),
  };
}

export const isMatchableRequest = (row: OpportunityRow, day = today()) =>
  row.status === "published" && REQUEST_KINDS.includes(row.kind as never) && row.expiresOn >= day;

async function names(db: Executor, ids: string[]): Promise<Map<string, { nameJa: string; nameEn: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export class MatchIndex {
  private engine: MatchEngine | undefined;
  private building: Promise<MatchEngine> | undefined;
  /** Expiry date of each indexed request, so expired ones drop out at query time. */
  private readonly expiries = new Map<string, string>();

  constructor(private readonly db: Executor) {}

  get isBuilt(): boolean {
    return this.engine !== undefined;
  }

  /** The engine, built on first use; expired requests are removed before it answers. */
  async ready(): Promise<MatchEngine> {
    const engine = this.engine ?? (await (this.building ??= this.build()));
    const day = today();
    for (const [id, expires] of this.expiries) {
      if (expires < day) {
        engine.removeRequest(id);
        this.expiries.delete(id);
      }
    }
    return engine;
  }

  private async build(): Promise<MatchEngine> {
    const engine = createMatchEngine({ hs: hsNomenclature(), glossary: productGlossary() });
    const profiles = await this.db.select().from(companyProfiles).where(eq(companyProfiles.status, "published"));
    const requests = (await this.db.select().from(opportunities).where(and(eq(opportunities.status, "published"), gte(opportunities.expiresOn, today())))).filter((r) =>
      isMatchableRequest(r),
    );
    const orgNames = await names(this.db, [...profiles.map((p) => p.orgId), ...requests.map((r) => r.ownerOrgId)]);
    for (const p of profiles) engine.upsertCompany(companyInput(p, orgNames.get(p.orgId)));
    for (const r of requests) {
      engine.upsertRequest(requestInput(r, orgNames.get(r.ownerOrgId)?.nameEn ?? ""));
      this.expiries.set(r.id, r.expiresOn);
    }
    this.engine = engine;
    return engine;
  }

  /** Re-reads one company profile and adds, replaces or removes it. A no-op before the first build. */
  async syncCompany(orgId: string): Promise<void> {
    if (!this.engine && !this.building) return;
    const engine = await this.ready();
    const [row] = await this.db.select().from(companyProfiles).where(eq(companyProfiles.orgId, orgId));
    if (row && row.status === "published") {
      engine.upsertCompany(companyInput(row, (await names(this.db, [orgId])).get(orgId)));
    } else engine.removeCompany(orgId);
  }

  /** Re-reads one opportunity and adds, replaces or removes it. A no-op before the first build. */
  async syncOpportunity(id: string): Promise<void> {
    if (!this.engine && !this.building) return;
    const engine = await this.ready();
    const [row] = await this.db.select().from(opportunities).where(eq(opportunities.id, id));
    if (row && isMatchableRequest(row)) {
      engine.upsertRequest(requestInput(row, (await names(this.db, [row.ownerOrgId])).get(row.ownerOrgId)?.nameEn ?? ""));
      this.expiries.set(id, row.expiresOn);
    } else {
      engine.removeRequest(id);
      this.expiries.delete(id);
    }
  }
}

const indexes = new WeakMap<Database, MatchIndex>();

export function matchIndexFor(database: Database): MatchIndex {
  let index = indexes.get(database);
  if (!index) {
    index = new MatchIndex(database.db);
    indexes.set(database, index);
  }
  return index;
}
