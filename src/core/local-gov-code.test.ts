import { describe, it, expect } from "vitest";
import { isPrefectureCode, isValidLocalGovCode, localGovCheckDigit, prefectureLocalGovCode } from "./local-gov-code.ts";

describe("local government check digit (JIS X 0402)", () => {
  it("reproduces known codes", () => {
    for (const code of ["011002", "141003", "271004", "401307", "131041", "092088"]) {
      expect(localGovCheckDigit(code.slice(0, 5))).toBe(Number(code[5]));
    }
  });

  it("gives 1 when the weighted sum is divisible by 11 and 0 when the remainder is 1", () => {
    // Tomakomai 01213: 0·6+1·5+2·4+1·3+3·2 = 22 ≡ 0 (mod 11) → 11 → 1.
    expect(localGovCheckDigit("01213")).toBe(1);
    expect(isValidLocalGovCode("012131")).toBe(true);
    // 01000: 5 ≡ 5 → 6 (Hokkaido 010006); 13000: 21 ≡ 10 → 1 (Tokyo 130001).
    expect(prefectureLocalGovCode(1)).toBe("010006");
    expect(prefectureLocalGovCode(13)).toBe("130001");
    expect(prefectureLocalGovCode(47)).toBe("470007");
  });

  it("rejects a wrong digit, wrong length and non-digits", () => {
    expect(isValidLocalGovCode("011003")).toBe(false);
    expect(isValidLocalGovCode("01100")).toBe(false);
    expect(isValidLocalGovCode("0110020")).toBe(false);
    expect(isValidLocalGovCode("01100a")).toBe(false);
    expect(() => localGovCheckDigit("1234")).toThrow(/five digits/);
    expect(() => prefectureLocalGovCode(48)).toThrow(/1–47/);
  });

  it("tells prefecture codes from municipal ones", () => {
    expect(isPrefectureCode("010006")).toBe(true);
    expect(isPrefectureCode("011002")).toBe(false);
    expect(isPrefectureCode("010007")).toBe(false);
  });
});
