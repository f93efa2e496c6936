/**
 * @module registry/seed-files
 * Reads and validates the shipped dataset in data/seed/ — the paper's Tables 1 and 2, the offices, ties
 * and networks its text names, and public facts — and the municipality list in data/jp-municipalities.json
 * used to import other municipalities. Loading fails as a whole, naming file, index and field of every
 * problem, so the database is never seeded from half-valid data.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { z } from "zod";
import { AppError, fieldErrorsFromZod, type FieldError } from "../core/errors.ts";
import { isValidLocalGovCode } from "../core/local-gov-code.ts";
import { checkSeedIntegrity } from "./seed-integrity.ts";
import { SEED_FILES, type SeedData, type SeedFileName } from "./seed-schemas.ts";

export { isValidLocalGovCode, localGovCheckDigit, prefectureLocalGovCode, isPrefectureCode } from "../core/local-gov-code.ts";
export { checkSeedIntegrity } from "./seed-integrity.ts";
export * from "./seed-schemas.ts";

/** data/seed/ of this repository. */
export const DEFAULT_SEED_DIR = fileURLToPath(new URL("../../data/seed/", import.meta.url));
/** data/jp-municipalities.json of this repository. */
export const DEFAULT_MUNICIPALITIES_FILE = fileURLToPath(new URL("../../data/jp-municipalities.json", import.meta.url));

function readJson(path: string, label: string, errors: FieldError[]): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    errors.push({ path: label, message: e instanceof SyntaxError ? `not valid JSON: ${e.message}` : `cannot read ${path}: ${(e as Error).message}` });
    return undefined;
  }
}

/** Adds the value at each failing path, so a report shows what was wrong, not only where. */
function withValues(errors: FieldError[], file: string, records: unknown): FieldError[] {
  return errors.map((err) => {
    const m = /^\[(\d+)\]\.?([^.[]*)/.exec(err.path.slice(file.length));
    if (!m || !Array.isArray(records)) return err;
    const record: unknown = records[Number(m[1])];
    const column = m[2] || undefined;
    const value = column && record && typeof record === "object" ? (record as Record<string, unknown>)[column] : undefined;
    return { ...err, ...(column ? { column } : {}), ...(value === undefined ? {} : { value }) };
  });
}

/**
 * Parses the five seed files of `dir` against their schemas, then checks keys and references across
 * them. Throws AppError("validation_failed") listing every problem (paths like `offices.json[3].hostKey`).
 */
export function loadSeedFiles(dir: string = DEFAULT_SEED_DIR): SeedData {
  const errors: FieldError[] = [];
  const parsed: Partial<Record<SeedFileName, unknown[]>> = {};
  for (const name of Object.keys(SEED_FILES) as SeedFileName[]) {
    const { file, schema } = SEED_FILES[name];
    const raw = readJson(join(dir, file), file, errors);
    if (raw === undefined) continue;
    const result = z.array(schema as z.ZodType).safeParse(raw);
    if (result.success) parsed[name] = result.data;
    else errors.push(...withValues(fieldErrorsFromZod(result.error, file), file, raw));
  }
  if (errors.length) throw invalid(errors);
  const seed = parsed as unknown as SeedData;
  const integrity = checkSeedIntegrity(seed);
  if (integrity.length) throw invalid(integrity);
  return seed;
}

function invalid(errors: FieldError[], what = "The seed dataset"): AppError {
  const shown = errors.slice(0, 10).map((e) => `${e.path}: ${e.message}`).join("; ");
  const more = errors.length > 10 ? ` (and ${errors.length - 10} more)` : "";
  return new AppError("validation_failed", `${what} is invalid: ${shown}${more}`, errors);
}

/** One row of data/jp-municipalities.json (piuccio/open-data-jp-municipalities, MIT). The source mixes
 * string and numeric coordinates and lacks the kana of 29 municipalities, so both are tolerated. */
const ZCoordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const ZMunicipalityRow = z.strictObject({
  code: z.string().refine(isValidLocalGovCode, "must be 6 digits with a valid JIS X 0402 check digit"),
  name_kanji: z.string().min(1),
  name_kana: z.string().min(1).optional(),
  name_romaji: z.string().min(1),
  lat: ZCoordinate,
  lon: ZCoordinate,
  prefecture_kanji: z.string().min(1),
  prefecture_kana: z.string().min(1),
  prefecture_romaji: z.string().min(1),
});

export interface JpMunicipality {
  code: string;
  nameJa: string;
  nameKana?: string;
  nameRomaji: string;
  lat: number;
  lon: number;
  prefectureNumber: number;
  prefectureJa: string;
  prefectureRomaji: string;
}

/** The 1,736 municipalities (cities, towns, villages, Tokyo's special wards) with codes and coordinates. */
export function loadJpMunicipalities(file: string = DEFAULT_MUNICIPALITIES_FILE): JpMunicipality[] {
  const errors: FieldError[] = [];
  const raw = readJson(file, "jp-municipalities.json", errors);
  if (errors.length) throw invalid(errors, "The municipality list");
  const result = z.array(ZMunicipalityRow).safeParse(raw);
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error, "jp-municipalities.json"), "The municipality list");
  return result.data.map((r) => ({
    code: r.code,
    nameJa: r.name_kanji,
    ...(r.name_kana ? { nameKana: r.name_kana } : {}),
    nameRomaji: r.name_romaji,
    lat: r.lat,
    lon: r.lon,
    prefectureNumber: Number(r.code.slice(0, 2)),
    prefectureJa: r.prefecture_kanji,
    prefectureRomaji: r.prefecture_romaji,
  }));
}
