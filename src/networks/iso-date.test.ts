import { describe, it, expect } from "vitest";
import { addMonths, isIsoDate, parseIsoDate, wholeMonthsBetween } from "./iso-date.ts";

describe("ISO dates", () => {
  it("accepts real calendar dates only", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-2-1")).toBe(false);
    expect(isIsoDate(20230201)).toBe(false);
  });

  it("adds months with end-of-month clamping", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-11-15", 3)).toBe("2024-02-15");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
  });

  it("counts whole months", () => {
    expect(wholeMonthsBetween("2022-01-15", "2024-01-14")).toBe(23);
    expect(wholeMonthsBetween("2022-01-15", "2024-01-15")).toBe(24);
    expect(wholeMonthsBetween("2024-01-31", "2024-02-29")).toBe(1);
    expect(wholeMonthsBetween("2024-05-01", "2024-04-01")).toBe(0);
  });
});
