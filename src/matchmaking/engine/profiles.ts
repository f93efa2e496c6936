/**
 * @module matchmaking/engine/profiles
 * Validates company profiles and buyer requests before they reach the index: ids, HS codes against
 * the nomenclature, certifications against the documented list, ISO 3166 countries, non-negative
 * capacities and volumes. Every problem is reported with its field path, all at once.
 */
import type { FieldError } from "../../core/errors.ts";
import { AppError } from "../../core/errors.ts";
import type { HsNomenclature } from "./hs.ts";
import type { BuyerRequest, BuyerRequestInput, CompanyProfile, CompanyProfileInput } from "./types.ts";
import type { CertificationCode } from "./validators.ts";
import { CERTIFICATION_CODES, normaliseCertification, normaliseCountry } from "./validators.ts";

function checkId(id: unknown, errors: FieldError[]): string {
  if (typeof id !== "string" || !id.trim()) {
    errors.push({ path: "id", message: "an id is required", value: id });
    return "";
  }
  return id.trim();
}

function checkCodes(codes: readonly string[] | undefined, path: string, hs: HsNomenclature, errors: FieldError[]): string[] {
  const out: string[] = [];
  (codes ?? []).forEach((raw, i) => {
    const v = hs.validate(raw);
    if (v.ok) {
      if (!out.includes(v.code)) out.push(v.code);
    } else errors.push({ path: `${path}[${i}]`, message: v.message.en, code: `hs_${v.reason}`, value: raw });
  });
  return out;
}

function checkCerts(certs: readonly string[] | undefined, path: string, errors: FieldError[]): CertificationCode[] {
  const out: CertificationCode[] = [];
  (certs ?? []).forEach((raw, i) => {
    const c = normaliseCertification(raw);
    if (c) {
      if (!out.includes(c)) out.push(c);
    } else {
      errors.push({ path: `${path}[${i}]`, message: `unknown certification (one of ${CERTIFICATION_CODES.join(", ")})`, code: "certification", value: raw });
    }
  });
  return out;
}

function checkCountries(list: readonly string[] | undefined, path: string, errors: FieldError[]): string[] {
  const out: string[] = [];
  (list ?? []).forEach((raw, i) => {
    const c = normaliseCountry(raw);
    if (c) {
      if (!out.includes(c)) out.push(c);
    } else errors.push({ path: `${path}[${i}]`, message: "not an ISO 3166 alpha-2 country code", code: "country", value: raw });
  });
  return out;
}

function checkAmount(v: number | null | undefined, path: string, errors: FieldError[]): number | null {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v) || v < 0) {
    errors.push({ path, message: "must be a non-negative number", value: v });
    return null;
  }
  return v;
}

export function checkCompany(input: CompanyProfileInput, hs: HsNomenclature): { profile: CompanyProfile; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = checkId(input.id, errors);
  const description = typeof input.description === "string" ? input.description : "";
  const hsCodes = checkCodes(input.hsCodes, "hsCodes", hs, errors);
  if (!description.trim() && !(input.name ?? "").trim() && hsCodes.length === 0) {
    errors.push({ path: "description", message: "a profile needs a description, a name or HS codes to be matched" });
  }
  const profile: CompanyProfile = {
    id,
    name: input.name ?? "",
    description,
    hsCodes,
    certifications: checkCerts(input.certifications, "certifications", errors),
    markets: checkCountries(input.markets, "markets", errors),
    exportExperience: checkCountries(input.exportExperience, "exportExperience", errors),
    vetted: input.vetted === true,
    capacity: checkAmount(input.capacity, "capacity", errors),
  };
  return { profile, errors };
}

export function checkRequest(input: BuyerRequestInput, hs: HsNomenclature): { profile: BuyerRequest; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const id = checkId(input.id, errors);
  const description = typeof input.description === "string" ? input.description : "";
  const hsCodes = checkCodes(input.hsCodes, "hsCodes", hs, errors);
  if (!description.trim() && hsCodes.length === 0) {
    errors.push({ path: "description", message: "a request needs a description or HS codes to be matched" });
  }
  let country: string | null = null;
  if (input.country) {
    country = normaliseCountry(input.country) ?? null;
    if (!country) errors.push({ path: "country", message: "not an ISO 3166 alpha-2 country code", code: "country", value: input.country });
  }
  const profile: BuyerRequest = {
    id,
    buyer: input.buyer ?? "",
    country,
    description,
    hsCodes,
    requiredCertifications: checkCerts(input.requiredCertifications, "requiredCertifications", errors),
    volume: checkAmount(input.volume, "volume", errors),
  };
  return { profile, errors };
}

export function validCompany(input: CompanyProfileInput, hs: HsNomenclature): CompanyProfile {
  const { profile, errors } = checkCompany(input, hs);
  if (errors.length) throw new AppError("validation_failed", `company ${String(input.id)} is invalid`, errors);
  return profile;
}

export function validRequest(input: BuyerRequestInput, hs: HsNomenclature): BuyerRequest {
  const { profile, errors } = checkRequest(input, hs);
  if (errors.length) throw new AppError("validation_failed", `request ${String(input.id)} is invalid`, errors);
  return profile;
}
