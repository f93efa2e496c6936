/**
 * @module registry/local-gov-code
 * Japanese local government codes (全国地方公共団体コード, JIS X 0401/0402): five digits — two for the
 * prefecture, three for the municipality — and a check digit. Pure; no I/O.
 */

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * Check digit from the first five digits: s = Σ dᵢ·(6,5,4,3,2); the digit is the last digit of 11 − (s mod 11).
 * So a remainder of 0 gives 1 (11 → "1") and a remainder of 1 gives 0 (10 → "0"); the ministry's own
 * codes rely on both cases (Tomakomai 012131 has remainder 0).
 */
export function localGovCheckDigit(first5: string): number {
  if (!/^\d{5}$/.test(first5)) throw new Error(`expected five digits, got "${first5}"`);
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(first5[i]) * WEIGHTS[i]!;
  return (11 - (sum % 11)) % 10;
}

/** True for six digits whose last is the check digit of the first five. */
export function isValidLocalGovCode(code: string): boolean {
  return /^\d{6}$/.test(code) && localGovCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/** The code of a prefecture (1–47): its number, "000", and the check digit — e.g. 1 → 010006, 13 → 130001. */
export function prefectureLocalGovCode(prefectureNumber: number): string {
  if (!Number.isInteger(prefectureNumber) || prefectureNumber < 1 || prefectureNumber > 47) {
    throw new Error(`prefecture number must be 1–47, got ${prefectureNumber}`);
  }
  const first5 = `${String(prefectureNumber).padStart(2, "0")}000`;
  return `${first5}${localGovCheckDigit(first5)}`;
}

/** A prefecture's code ends in 000 before the check digit; a municipality's does not. */
export function isPrefectureCode(code: string): boolean {
  return isValidLocalGovCode(code) && code.slice(2, 5) === "000";
}
