import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, renewedExpiry } from "./calendar.ts";

describe("expiry calendar", () => {
  it("adds months, clamping to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });

  it("counts days either way", () => {
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // across a DST change elsewhere: days are UTC
  });

  it("renews from the expiry while it is ahead, from today once it has passed", () => {
    expect(renewedExpiry("2026-09-30", 6, "2026-06-01")).toBe("2027-03-30");
    expect(renewedExpiry("2020-01-31", 6, "2026-06-01")).toBe("2026-12-01");
    expect(renewedExpiry("2026-06-01", 1, "2026-06-01")).toBe("2026-07-01");
  });
});
