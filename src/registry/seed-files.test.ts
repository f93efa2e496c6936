import { describe, it, expect } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppError } from "../core/errors.ts";
import {
  DEFAULT_SEED_DIR,
  checkSeedIntegrity,
  isValidLocalGovCode,
  loadJpMunicipalities,
  loadSeedFiles,
  localGovCheckDigit,
  prefectureLocalGovCode,
  type SeedData,
} from "./seed-files.ts";

const seed = loadSeedFiles();
const municipalities = loadJpMunicipalities();
const orgByKey = new Map(seed.organisations.map((o) => [o.key, o]));
const DESIGNATED = ["Sapporo", "Sendai", "Saitama", "Chiba", "Yokohama", "Kawasaki", "Sagamihara", "Niigata", "Shizuoka", "Hamamatsu",
  "Nagoya", "Kyoto", "Osaka", "Sakai", "Kobe", "Okayama", "Hiroshima", "Kitakyushu", "Fukuoka", "Kumamoto"];

/** The seed rounds the list's coordinates to six decimals (about 0.1 m). */
function expectSamePlace(a: { lat?: number; lon?: number }, b: { lat: number; lon: number }): void {
  expect(a.lat).toBeCloseTo(b.lat, 5);
  expect(a.lon).toBeCloseTo(b.lon, 5);
}

/** Runs loadSeedFiles on a copy of the dataset after `edit` changed one file (or replaced its text). */
function loadEdited(file: string, edit: ((records: Record<string, unknown>[]) => void) | { text: string }): AppError {
  const dir = mkdtempSync(join(tmpdir(), "renkei-seed-"));
  try {
    cpSync(DEFAULT_SEED_DIR, dir, { recursive: true });
    const records = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>[];
    if (typeof edit === "function") edit(records);
    writeFileSync(join(dir, file), typeof edit === "function" ? JSON.stringify(records) : edit.text);
    loadSeedFiles(dir);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error("expected the edited dataset to be rejected");
}

describe("shipped seed dataset", () => {
  it("loads and passes every schema and integrity rule", () => {
    expect(seed.organisations.length).toBeGreaterThan(100);
    expect(checkSeedIntegrity(seed)).toEqual([]);
  });

  it("has all 47 prefectures with their JIS codes and the capital's coordinates", () => {
    const prefs = seed.organisations.filter((o) => o.kind === "prefecture");
    expect(prefs).toHaveLength(47);
    const byCode = new Map(prefs.map((p) => [p.localGovCode, p]));
    for (let n = 1; n <= 47; n++) {
      const pref = byCode.get(prefectureLocalGovCode(n));
      expect(pref, `prefecture ${n}`).toBeDefined();
      const sample = municipalities.find((m) => m.prefectureNumber === n)!;
      expect(pref!.nameJa).toBe(sample.prefectureJa);
      const capital = municipalities.find((m) => m.prefectureNumber === n && m.nameJa === pref!.cityJa);
      expect(capital, `capital of ${pref!.key}`).toBeDefined();
      expectSamePlace(pref!, capital!);
    }
    expect(orgByKey.get("pref-hokkaido")?.localGovCode).toBe("010006");
    expect(orgByKey.get("pref-tokyo")?.localGovCode).toBe("130001");
  });

  it("has all 20 designated cities with the codes and coordinates of jp-municipalities.json", () => {
    const cities = seed.organisations.filter((o) => o.kind === "designated_city");
    expect(cities.map((c) => c.nameEn.replace(/ City$/, "")).sort()).toEqual([...DESIGNATED].sort());
    for (const c of cities) {
      const m = municipalities.find((x) => x.code === c.localGovCode);
      expect(m?.nameJa, c.key).toBe(c.nameJa);
      expectSamePlace(c, m!);
      expect(orgByKey.get(c.parentKey!)?.localGovCode?.slice(0, 2)).toBe(c.localGovCode!.slice(0, 2));
    }
    expect(orgByKey.get("city-sapporo")?.localGovCode).toBe("011002");
    expect(orgByKey.get("city-fukuoka")?.localGovCode).toBe("401307");
  });

  it("gives every municipal code as it is in jp-municipalities.json", () => {
    // Sasayama became Tamba-Sasayama in 2019 under the same code; the 2018 list has the old name.
    const renamed: Record<string, string> = { "282219": "篠山市" };
    const municipal = seed.organisations.filter((o) => o.kind === "municipality" && o.localGovCode);
    expect(municipal.length).toBeGreaterThanOrEqual(20);
    for (const o of municipal) {
      const m = municipalities.find((x) => x.code === o.localGovCode);
      expect(m?.nameJa, o.key).toBe(renamed[o.localGovCode!] ?? o.nameJa);
    }
  });

  it("reproduces Table 2's counts from the data: 35 of 47 prefectures, 14 of 20 designated cities", () => {
    const kindOf = (s: SeedData["strategies"][number]) => orgByKey.get(s.ownerKey)!.kind;
    const pref = seed.strategies.filter((s) => kindOf(s) === "prefecture");
    const city = seed.strategies.filter((s) => kindOf(s) === "designated_city");
    // The paper's 35 counts Table 2's prefecture entries; Akita has two, so 34 prefectures are distinct.
    expect(pref).toHaveLength(35);
    expect(new Set(pref.map((s) => s.ownerKey)).size).toBe(34);
    expect(pref.filter((s) => s.ownerKey === "pref-akita").map((s) => s.year)).toEqual([2011, 2018]);
    expect(city).toHaveLength(14);
    expect(new Set(city.map((s) => s.ownerKey)).size).toBe(14);
    expect(seed.strategies.every((s) => s.source.startsWith("paper Table 2") && s.titleJaUnverified)).toBe(true);
  });

  it("records Table 1's 13 offices with the operational models the table gives", () => {
    const expected: Record<string, [string, string, string, string?]> = {
      "LG-1": ["pref-hokkaido", "Singapore", "joint_industry_academia", "bank-hokkaido-partner"],
      "LG-2": ["pref-nagano", "Singapore", "hosted", "clair"],
      "LG-3": ["pref-kochi", "Singapore", "independent"],
      "LG-4": ["pref-okinawa", "Singapore", "independent"],
      "LG-5": ["pref-shizuoka", "Singapore", "independent"],
      "LG-6": ["pref-ishikawa", "Singapore", "hosted", "jetro"],
      "LG-7": ["pref-aichi", "Bangkok", "hosted", "jetro"],
      "LG-8": ["pref-tokyo", "Bangkok", "independent"],
      "LG-9": ["pref-shimane", "Bangkok", "hosted", "th-gov-agency"],
      "LG-10": ["pref-wakayama", "Bangkok", "hosted", "th-gov-agency"],
      "LG-11": ["pref-fukui", "Bangkok", "joint_industry_academia", "bank-fukui-partner"],
      "LG-12": ["pref-fukuoka", "Bangkok", "independent"],
      "LG-13": ["city-oyama-tochigi", "Singapore", "hosted", "clair"],
    };
    const interviewed = seed.offices.filter((o) => o.interviewId);
    expect(interviewed).toHaveLength(13);
    for (const o of interviewed) {
      const [owner, city, model, host] = expected[o.interviewId!]!;
      expect([o.ownerKeys, o.cityEn, o.operationalModel, o.hostKey], o.interviewId).toEqual([[owner], city, model, host]);
    }
    expect(seed.offices.find((o) => o.interviewId === "LG-3")?.modelNote).toMatch(/later joint CLAIR/);
  });

  it("keeps one record where Table 1 and the public facts name the same office", () => {
    const shizuoka = seed.offices.filter((o) => o.ownerKeys[0] === "pref-shizuoka" && o.cityEn === "Singapore");
    expect(shizuoka).toHaveLength(1);
    expect(shizuoka[0]).toMatchObject({ interviewId: "LG-5", opened: "2013-06-03" });
    expect(shizuoka[0]!.source).toMatch(/Table 1.*facts\.md/);
  });

  it("has LG-1…LG-16 and NG-1…NG-3 as confidential interview records with Table 1's dates", () => {
    const ids = seed.interviews.map((iv) => iv.id);
    expect(ids).toEqual([...Array.from({ length: 16 }, (_, i) => `LG-${i + 1}`), "NG-1", "NG-2", "NG-3"]);
    expect(seed.interviews.every((iv) => iv.confidential)).toBe(true);
    const dates = Object.fromEntries(seed.interviews.map((iv) => [iv.id, iv.dates]));
    expect(dates["NG-1"]).toEqual(["2022-02", "2023-08"]);
    expect(dates["NG-2"]).toEqual(["2020-02", "2022-08", "2023-11"]);
  });

  it("flags every (?) fact of facts.md as unverified", () => {
    const unesco = seed.ties.filter((t) => t.bKey === "net-unesco-ccn");
    expect(unesco.filter((t) => t.unverified).map((t) => t.aKey).sort()).toEqual(["city-nagoya", "city-sapporo", "city-yamagata"]);
    expect(seed.ties.find((t) => t.aKey === "city-yokohama" && t.bKey === "net-c40")?.unverified).toBe(true);
    expect(seed.offices.find((o) => o.key === "office-gunma-shanghai")?.unverified).toBe(true);
  });
});

describe("jp-municipalities.json", () => {
  it("has 1,736 codes, every one with a valid check digit", () => {
    expect(municipalities).toHaveLength(1736);
    for (const m of municipalities) {
      expect(isValidLocalGovCode(m.code), m.code).toBe(true);
      expect(localGovCheckDigit(m.code.slice(0, 5))).toBe(Number(m.code[5]));
    }
  });
});

describe("seed validation errors", () => {
  it("names file, index and field of a bad check digit", () => {
    const err = loadEdited("organisations.json", (r) => {
      r[0]!.localGovCode = "010007";
    });
    expect(err.code).toBe("validation_failed");
    expect(err.errors).toContainEqual(expect.objectContaining({ path: "organisations.json[0].localGovCode", column: "localGovCode", value: "010007" }));
    expect(err.message).toMatch(/organisations\.json\[0\]\.localGovCode: .*check digit/);
  });

  it("names an unknown field and a wrong enum", () => {
    const err = loadEdited("offices.json", (r) => {
      r[2]!.colour = "red";
      r[3]!.operationalModel = "franchise";
    });
    expect(err.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["offices.json[2].colour", "offices.json[3].operationalModel"]));
    expect(err.errors.find((e) => e.path === "offices.json[2].colour")?.message).toBe("unknown field");
  });

  it("names a reference to a missing organisation", () => {
    const err = loadEdited("ties.json", (r) => {
      r[5]!.bKey = "city-atlantis";
    });
    expect(err.errors).toEqual([expect.objectContaining({ path: "ties.json[5].bKey", value: "city-atlantis" })]);
    expect(err.errors[0]!.message).toMatch(/no organisation with key "city-atlantis"/);
  });

  it("names a duplicate natural key", () => {
    const err = loadEdited("strategies.json", (r) => {
      r.push({ ...r[0]! });
    });
    expect(err.errors).toEqual([expect.objectContaining({ path: "strategies.json[49].titleEn" })]);
    expect(err.errors[0]!.message).toMatch(/duplicate strategy .*index 0/);
  });

  it("names a file that is not JSON", () => {
    const err = loadEdited("interviews.json", { text: "[{" });
    expect(err.errors[0]).toMatchObject({ path: "interviews.json" });
    expect(err.errors[0]!.message).toMatch(/not valid JSON/);
  });
});

describe("checkSeedIntegrity", () => {
  it("catches an office whose hosting tie does not match it, and a code outside its prefecture", () => {
    const broken: SeedData = structuredClone(seed);
    const tie = broken.ties.find((t) => t.kind === "hosting" && t.officeKey === "office-nagano-singapore")!;
    tie.aKey = "jetro";
    const sapporo = broken.organisations.find((o) => o.key === "city-sapporo")!;
    sapporo.parentKey = "pref-aomori";
    const paths = checkSeedIntegrity(broken).map((e) => e.path);
    expect(paths).toContain(`ties.json[${broken.ties.indexOf(tie)}].officeKey`);
    expect(paths).toContain(`organisations.json[${broken.organisations.indexOf(sapporo)}].localGovCode`);
  });
});
