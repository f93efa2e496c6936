/**
 * @module core/codes
 * Identifier checks shared by the API, imports and the seed: Japanese local government codes
 * (JIS X 0401/0402, 6 digits with a check digit) and ISO 3166-1 alpha-2 country codes with their
 * Japanese and English names.
 */
import countries from "i18n-iso-countries";
import { createRequire } from "node:module";
import { z } from "zod";
import { isValidLocalGovCode } from "./local-gov-code.ts";

export { isValidLocalGovCode, localGovCheckDigit } from "./local-gov-code.ts";

const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/ja.json"));

/** Prefecture number (1–47) of a local government code. */
export function prefectureOfCode(code: string): number {
  return Number(code.slice(0, 2));
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && /^[A-Z]{2}$/.test(code);
}

export function countryName(code: string, locale: "ja" | "en"): string {
  return countries.getName(code, locale) ?? code;
}

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: "must be an ISO 3166-1 alpha-2 country code such as JP, SG or TH" })
  .describe("ISO 3166-1 alpha-2 country code");

export const ZLocalGovCode = z
  .string()
  .trim()
  .refine(isValidLocalGovCode, { message: "must be a 6-digit local government code with a valid check digit (e.g. 011002)" })
  .describe("Japanese local government code (JIS X 0401/0402), 6 digits with check digit");
