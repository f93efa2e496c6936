import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, daysInMonth } from "./calendar-days.ts";

describe("calendar days", () => {
  it("adds months, clamping to the month's last day, across years both ways", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2026-03-11", 6)).toBe("2026-09-11");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(addMonths("0099-12-01", 1)).toBe("0100-01-01");
  });

  it("knows leap years and counts days", () => {
    expect([2000, 1900, 2024, 2026].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28]);
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
  });
});
