/**
 * @module networks/map.service
 * Data for the web map: arcs between organisations with coordinates, by tie kind and the years each tie
 * was active; overseas offices with the years they were open; and, per year, the ties active and begun
 * by kind and the offices open — what a time slider needs to show the shift from sister cities to
 * networks. A tie counts as active during a year when it began on or before the year's last day and had
 * not ended by its first day (partial dates stand for the first day of their period).
 */
import { inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { periodStart } from "../core/dates.ts";
import type { OfficeModel, TieKind } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { visibleTo } from "../db/list-query.ts";
import { offices, organisations } from "../registry/registry.table.ts";
import type { TMap } from "./graph-api.schema.ts";
import { visibleNetwork, type OrgRow } from "./graph.service.ts";

const MAX_YEARS = 300;

const startYear = (date: string | null) => (date ? Number(periodStart(date).slice(0, 4)) : null);
/** The last year something ending on `until` was active (an end on 1 January leaves the year before). */
function lastYear(until: string | null): number | null {
  if (!until) return null;
  const day = periodStart(until);
  const year = Number(day.slice(0, 4));
  return day.endsWith("-01-01") ? year - 1 : year;
}

function end(o: OrgRow) {
  return { orgId: o.id, name: { ja: o.nameJa, en: o.nameEn }, kind: o.kind, country: o.country, lat: o.lat!, lon: o.lon! };
}

export async function mapView(db: Executor, actor: Actor, query: { from?: number; to?: number; kind?: TieKind }): Promise<TMap> {
  const { ties, orgs } = await visibleNetwork(db, actor, { kind: query.kind });
  const officeRows = await db.select().from(offices).where(visibleTo(actor, offices));
  const thisYear = new Date().getUTCFullYear();
  const dated = ties.map((t) => startYear(t.since)).filter((y): y is number => y !== null);
  const from = query.from ?? (dated.length ? Math.min(...dated) : thisYear);
  const to = query.to ?? Math.max(thisYear, from);
  if (to < from) throw new AppError("validation_failed", "The period ends before it starts.", [{ path: "query.to", message: "must not be before from" }]);
  if (to - from + 1 > MAX_YEARS) throw new AppError("validation_failed", "The period is too long.", [{ path: "query.to", message: `at most ${MAX_YEARS} years after from` }]);

  const overlaps = (first: number | null, last: number | null) => (first === null || first <= to) && (last === null || last >= from);
  const years = new Map<number, { year: number; activeByKind: Record<string, number>; newByKind: Record<string, number>; openOffices: number }>();
  for (let y = from; y <= to; y++) years.set(y, { year: y, activeByKind: {}, newByKind: {}, openOffices: 0 });

  const arcs: TMap["arcs"] = [];
  let undatedTies = 0;
  let tiesWithoutCoordinates = 0;
  for (const t of ties) {
    const first = startYear(t.since);
    const last = lastYear(t.until);
    if (first === null) undatedTies++;
    else {
      for (let y = Math.max(first, from); y <= Math.min(last ?? to, to); y++) years.get(y)!.activeByKind[t.kind] = (years.get(y)!.activeByKind[t.kind] ?? 0) + 1;
      const begun = years.get(first);
      if (begun) begun.newByKind[t.kind] = (begun.newByKind[t.kind] ?? 0) + 1;
    }
    if (!overlaps(first, last)) continue;
    const a = orgs.get(t.aOrgId)!;
    const b = orgs.get(t.bOrgId)!;
    if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) {
      tiesWithoutCoordinates++;
      continue;
    }
    arcs.push({ tieId: t.id, kind: t.kind as TieKind, purposes: t.purposes, since: t.since, until: t.until, startYear: first, endYear: last, a: end(a), b: end(b) });
  }

  const ownerIds = [...new Set(officeRows.map((o) => o.ownerOrgId))];
  const owners = new Map(
    (ownerIds.length ? await db.select().from(organisations).where(inArray(organisations.id, ownerIds)) : []).map((o) => [o.id, o]),
  );
  const officesOut: TMap["offices"] = [];
  let undatedOffices = 0;
  let officesWithoutCoordinates = 0;
  for (const o of officeRows) {
    const first = startYear(o.opened);
    const last = lastYear(o.closed);
    if (first === null) undatedOffices++;
    else for (let y = Math.max(first, from); y <= Math.min(last ?? to, to); y++) years.get(y)!.openOffices += 1;
    if (!overlaps(first, last)) continue;
    if (o.lat === null || o.lon === null) {
      officesWithoutCoordinates++;
      continue;
    }
    const owner = owners.get(o.ownerOrgId);
    officesOut.push({
      id: o.id,
      name: { ja: o.nameJa, en: o.nameEn },
      ownerOrgId: o.ownerOrgId,
      ownerName: { ja: owner?.nameJa ?? "", en: owner?.nameEn ?? "" },
      city: { ja: o.cityJa ?? o.cityEn, en: o.cityEn },
      country: o.country,
      lat: o.lat,
      lon: o.lon,
      operationalModel: o.operationalModel as OfficeModel,
      openedYear: first,
      closedYear: last,
    });
  }
  return {
    from,
    to,
    arcs,
    offices: officesOut,
    years: [...years.values()],
    undated: { ties: undatedTies, offices: undatedOffices },
    withoutCoordinates: { ties: tiesWithoutCoordinates, offices: officesWithoutCoordinates },
  };
}

