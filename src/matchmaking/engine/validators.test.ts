import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import type { VettingScores } from "./validators.ts";
import {
  CERTIFICATIONS,
  corporateNumberCheckDigit,
  countryName,
  decideVetting,
  normaliseCertification,
  normaliseCountry,
  validateCorporateNumber,
} from "./validators.ts";

describe("corporate number (法人番号)", () => {
  it("computes the check digit with the National Tax Agency formula", () => {
    // 12 base digits from the lowest: 8,7,6,5,4,3,2,1,0,0,0,0 weighted 1,2,1,2…: 52; 9 − 52 mod 9 = 2.
    expect(corporateNumberCheckDigit("000012345678")).toBe(2);
    // Σ = 162, a multiple of 9, so the check digit is 9 (never 0).
    expect(corporateNumberCheckDigit("999999999999")).toBe(9);
    expect(corporateNumberCheckDigit("000000000000")).toBe(9);
    expect(corporateNumberCheckDigit("180301018771")).toBe(1);
  });

  it("accepts valid numbers, with spaces, hyphens or full-width digits", () => {
    for (const n of ["1180301018771", "2000012345678", "9999999999999", "8010001008843", "1-1803-0101-8771", "１１８０３０１０１８７７１"]) {
      expect(validateCorporateNumber(n).ok, n).toBe(true);
    }
  });

  it("rejects a wrong check digit and says which digit is expected", () => {
    const r = validateCorporateNumber("2180301018771");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe("check_digit");
      expect(r.message.en).toContain("1");
      expect(r.message.ja).toContain("チェックデジット");
    }
    expect(validateCorporateNumber("3000012345678").ok).toBe(false);
  });

  it("rejects anything but 13 digits", () => {
    for (const n of ["118030101877", "11803010187712", "118030101877A", ""]) {
      const r = validateCorporateNumber(n);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toBe("format");
    }
  });
});

describe("certifications and countries", () => {
  it("lists the thirteen documented certifications with ja/en labels", () => {
    expect(CERTIFICATIONS.map((c) => c.code)).toEqual([
      "haccp",
      "halal",
      "organic_jas",
      "jas",
      "iso22000",
      "fssc22000",
      "jgap",
      "globalgap",
      "kosher",
      "iso9001",
      "iso14001",
      "ce",
      "fda_registered",
    ]);
    for (const c of CERTIFICATIONS) expect(c.label.ja && c.label.en).toBeTruthy();
  });

  it("normalises the ways people write them", () => {
    expect(normaliseCertification("HACCP")).toBe("haccp");
    expect(normaliseCertification("Organic JAS")).toBe("organic_jas");
    expect(normaliseCertification("GLOBALG.A.P.")).toBe("globalgap");
    expect(normaliseCertification("FDA registered")).toBe("fda_registered");
    expect(normaliseCertification("ISO 22000")).toBe("iso22000");
    expect(normaliseCertification("iso27001")).toBeUndefined();
  });

  it("checks ISO 3166 alpha-2 codes and names them in both languages", () => {
    expect(normaliseCountry("sg")).toBe("SG");
    expect(normaliseCountry(" TH ")).toBe("TH");
    expect(normaliseCountry("XX")).toBeUndefined();
    expect(normaliseCountry("SGP")).toBeUndefined();
    expect(countryName("SG")).toEqual({ en: "Singapore", ja: "シンガポール" });
  });
});

const scores = (a: number, b: number, c: number, d: number): VettingScores => ({ advantages: a, clarity: b, cooperation: c, accuracy: d });

describe("vetting policy (EEN default: publish ≥ 10, hold 5–9, reject < 5)", () => {
  it("rejects at 4 and holds at 5", () => {
    expect(decideVetting(scores(1, 1, 1, 1)).decision).toBe("reject");
    expect(decideVetting(scores(2, 1, 1, 1)).decision).toBe("hold");
  });

  it("holds at 9 and publishes at 10", () => {
    expect(decideVetting(scores(3, 2, 2, 2)).decision).toBe("hold");
    const r = decideVetting(scores(3, 3, 2, 2));
    expect(r).toMatchObject({ decision: "publish", total: 10, maximum: 20 });
    expect(r.reasons[0]?.code).toBe("total_publish");
  });

  it("holds a profile with a 0 on any criterion whatever the total, and says why", () => {
    const r = decideVetting(scores(5, 5, 5, 0));
    expect(r.decision).toBe("hold");
    expect(r.reasons.some((x) => x.code === "criterion_zero" && x.criterion === "accuracy")).toBe(true);
    expect(decideVetting(scores(5, 5, 5, 0), { publishAt: 10, holdAt: 5, zeroHolds: false }).decision).toBe("publish");
    expect(decideVetting(scores(0, 0, 0, 4)).decision).toBe("reject");
  });

  it("uses configurable thresholds", () => {
    const policy = { publishAt: 14, holdAt: 8, zeroHolds: true };
    expect(decideVetting(scores(2, 2, 2, 1), policy).decision).toBe("reject");
    expect(decideVetting(scores(2, 2, 2, 2), policy).decision).toBe("hold");
    expect(decideVetting(scores(4, 3, 3, 3), policy).decision).toBe("hold");
    expect(decideVetting(scores(4, 4, 3, 3), policy).decision).toBe("publish");
  });

  it("labels every reason in Japanese and English and notes weak criteria", () => {
    const r = decideVetting(scores(5, 2, 4, 4));
    const weak = r.reasons.find((x) => x.code === "criterion_weak");
    expect(weak?.criterion).toBe("clarity");
    for (const x of r.reasons) expect(x.label.ja && x.label.en).toBeTruthy();
  });

  it("refuses scores outside 0–5 and inconsistent policies, naming the field", () => {
    try {
      decideVetting(scores(6, 1, 1.5, -1));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).errors.map((x) => x.path)).toEqual(["scores.advantages", "scores.cooperation", "scores.accuracy"]);
    }
    expect(() => decideVetting(scores(3, 3, 3, 3), { publishAt: 5, holdAt: 5, zeroHolds: true })).toThrow(AppError);
  });
});
