/**
 * @module registry/seed-integrity
 * Rules of the shipped dataset that span records or files: keys are unique and every key referred to
 * exists, codes agree with kinds and parents, natural keys (the ones imports upsert on) do not repeat,
 * and Table 1's offices and interview records agree. Pure: takes parsed data, returns the failures.
 */
import { LOCAL_GOVERNMENT_KINDS, type OrganisationKind } from "../core/domain.ts";
import type { FieldError } from "../core/errors.ts";
import { isPrefectureCode } from "../core/local-gov-code.ts";
import { SEED_FILES, type SeedData, type SeedFileName, type TSeedOrganisation } from "./seed-schemas.ts";

const HOST_KINDS: Record<string, readonly OrganisationKind[]> = {
  hosted: ["national_agency", "host_government_agency", "regional_bank", "university", "npo"],
  outsourced: ["service_provider", "company"],
  joint_industry_academia: ["regional_bank", "university", "company"],
};

class Collector {
  readonly errors: FieldError[] = [];
  add(file: SeedFileName, index: number, field: string, message: string, value?: unknown): void {
    const path = `${SEED_FILES[file].file}[${index}].${field}`;
    this.errors.push({ path, message, column: field, ...(value === undefined ? {} : { value }) });
  }
  /** Reports every index after the first that repeats a natural key. */
  unique<T>(file: SeedFileName, items: readonly T[], field: string, keyOf: (t: T) => string | undefined, what: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = keyOf(item);
      if (k === undefined) return;
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else this.add(file, i, field, `duplicate ${what}: already at index ${first}`, k);
    });
  }
}

const isLocalGov = (kind: string) => (LOCAL_GOVERNMENT_KINDS as readonly string[]).includes(kind);

/** Every cross-record failure in the dataset, each naming file, index and field; empty when it is sound. */
export function checkSeedIntegrity(seed: SeedData): FieldError[] {
  const c = new Collector();
  const orgs = new Map<string, TSeedOrganisation>(seed.organisations.map((o) => [o.key, o]));
  const officeByKey = new Map(seed.offices.map((o) => [o.key, o]));
  const interviewById = new Map(seed.interviews.map((iv) => [iv.id, iv]));
  const org = (file: SeedFileName, i: number, field: string, key: string | undefined) => {
    if (key === undefined) return undefined;
    const found = orgs.get(key);
    if (!found) c.add(file, i, field, `no organisation with key "${key}"`, key);
    return found;
  };

  // organisations
  c.unique("organisations", seed.organisations, "key", (o) => o.key, "key");
  c.unique("organisations", seed.organisations, "localGovCode", (o) => o.localGovCode, "local government code");
  seed.organisations.forEach((o, i) => {
    if (o.localGovCode && isPrefectureCode(o.localGovCode) !== (o.kind === "prefecture")) {
      c.add("organisations", i, "localGovCode", o.kind === "prefecture" ? "a prefecture's code has 000 in digits 3–5" : "is a prefecture's code", o.localGovCode);
    }
    if (o.kind === "prefecture" && o.parentKey) c.add("organisations", i, "parentKey", "a prefecture has no parent", o.parentKey);
    if (o.parentKey === o.key) c.add("organisations", i, "parentKey", "must not be the record itself", o.parentKey);
    const parent = org("organisations", i, "parentKey", o.parentKey);
    if (!parent) return;
    if (isLocalGov(o.kind) && parent.kind !== "prefecture") {
      c.add("organisations", i, "parentKey", `the parent of a ${o.kind} is its prefecture, not a ${parent.kind}`, o.parentKey);
    } else if (o.kind === "network" && parent.kind !== "network") {
      c.add("organisations", i, "parentKey", `the parent of a network (chapter) is a network, not a ${parent.kind}`, o.parentKey);
    } else if (isLocalGov(o.kind) && o.localGovCode && parent.localGovCode && o.localGovCode.slice(0, 2) !== parent.localGovCode.slice(0, 2)) {
      c.add("organisations", i, "localGovCode", `does not start with the prefecture number of ${parent.key} (${parent.localGovCode.slice(0, 2)})`, o.localGovCode);
    }
  });

  // strategies
  c.unique("strategies", seed.strategies, "titleEn", (s) => `${s.ownerKey}|${s.titleEn}|${s.year}`, "strategy (owner, title, year)");
  seed.strategies.forEach((s, i) => {
    const owner = org("strategies", i, "ownerKey", s.ownerKey);
    if (owner && !isLocalGov(owner.kind)) c.add("strategies", i, "ownerKey", `a strategy belongs to a local government, not a ${owner.kind}`, s.ownerKey);
  });

  // offices
  c.unique("offices", seed.offices, "key", (o) => o.key, "key");
  c.unique("offices", seed.offices, "opened", (o) => `${o.ownerKeys[0]}|${o.cityEn.toLowerCase()}|${o.opened ?? ""}`, "office (first owner, city, opened)");
  c.unique("offices", seed.offices, "interviewId", (o) => o.interviewId, "interviewId");
  seed.offices.forEach((o, i) => {
    o.ownerKeys.forEach((k, j) => org("offices", i, `ownerKeys[${j}]`, k));
    const host = org("offices", i, "hostKey", o.hostKey);
    if (host && o.ownerKeys.includes(host.key)) c.add("offices", i, "hostKey", "the host is not also an owner", o.hostKey);
    const allowed = HOST_KINDS[o.operationalModel];
    if (host && allowed && !allowed.includes(host.kind)) {
      c.add("offices", i, "hostKey", `a ${o.operationalModel} office's host is one of ${allowed.join(", ")}, not a ${host.kind}`, o.hostKey);
    }
    if (o.mergedIntoKey !== undefined && (o.mergedIntoKey === o.key || !officeByKey.has(o.mergedIntoKey))) {
      c.add("offices", i, "mergedIntoKey", o.mergedIntoKey === o.key ? "must not be the office itself" : `no office with key "${o.mergedIntoKey}"`, o.mergedIntoKey);
    }
    if (o.interviewId === undefined) return;
    const iv = interviewById.get(o.interviewId);
    if (!iv) return c.add("offices", i, "interviewId", `no interview with id "${o.interviewId}"`, o.interviewId);
    if (iv.organisationKey && !o.ownerKeys.includes(iv.organisationKey)) {
      c.add("offices", i, "interviewId", `the interview's organisation (${iv.organisationKey}) does not own this office`, o.interviewId);
    }
    if (iv.operationalModel !== o.operationalModel) {
      c.add("offices", i, "operationalModel", `differs from interview ${iv.id} (${iv.operationalModel ?? "none"})`, o.operationalModel);
    }
    if (o.interviewDate && !iv.dates.includes(o.interviewDate)) {
      c.add("offices", i, "interviewDate", `is not one of interview ${iv.id}'s dates (${iv.dates.join(", ")})`, o.interviewDate);
    }
  });

  // ties
  c.unique("ties", seed.ties, "since", (t) => `${[t.aKey, t.bKey].sort().join("|")}|${t.kind}|${t.since ?? ""}`, "tie (ends, kind, since)");
  seed.ties.forEach((t, i) => {
    org("ties", i, "aKey", t.aKey);
    const b = org("ties", i, "bKey", t.bKey);
    if (b && t.kind === "network_membership" && b.kind !== "network") {
      c.add("ties", i, "bKey", `a network membership's second end is a network, not a ${b.kind}`, t.bKey);
    }
    if (t.officeKey === undefined) return;
    const office = officeByKey.get(t.officeKey);
    if (!office) return c.add("ties", i, "officeKey", `no office with key "${t.officeKey}"`, t.officeKey);
    if (t.kind === "hosting" && (office.hostKey !== t.aKey || !office.ownerKeys.includes(t.bKey))) {
      c.add("ties", i, "officeKey", `office ${office.key} is not hosted by ${t.aKey} for ${t.bKey}`, t.officeKey);
    }
  });

  // interviews
  c.unique("interviews", seed.interviews, "id", (iv) => iv.id, "interview id");
  const interviewedOffices = new Set(seed.offices.map((o) => o.interviewId));
  seed.interviews.forEach((iv, i) => {
    org("interviews", i, "organisationKey", iv.organisationKey);
    if (iv.operationalModel && !interviewedOffices.has(iv.id)) {
      c.add("interviews", i, "operationalModel", `no office records interview ${iv.id}`, iv.operationalModel);
    }
  });
  return c.errors;
}
