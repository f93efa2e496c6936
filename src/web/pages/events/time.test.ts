import { describe, expect, it } from "vitest";
import { dayKey, formatDay, formatSlot, formatTime, formatTimeRange, gapShare, groupByDay, zoneOffset, zonedInstant } from "./time.ts";

describe("event times", () => {
  const start = "2026-03-10T10:00:00+07:00";
  const end = "2026-03-10T10:20:00+07:00";

  it("writes slot times in the event's zone, whatever the reader's", () => {
    expect(formatTime(start, "Asia/Bangkok", "en")).toBe("10:00");
    expect(formatTime(start, "Asia/Tokyo", "ja")).toBe("12:00");
    expect(formatTimeRange(start, end, "Asia/Bangkok", "ja")).toBe("10:00–10:20");
  });

  it("names the day in the reader's language", () => {
    expect(formatDay(start, "Asia/Bangkok", "ja")).toBe("2026年3月10日(火)");
    expect(formatDay(start, "Asia/Bangkok", "en")).toBe("Tue, 10 March 2026");
    expect(formatSlot(start, end, "Asia/Bangkok", "en")).toBe("Tue, 10 March 2026 10:00–10:20");
  });

  it("keys days in the event's zone (late evening UTC is the next morning in Tokyo)", () => {
    expect(dayKey("2026-03-09T23:30:00Z", "Asia/Tokyo")).toBe("2026-03-10");
    expect(dayKey("2026-03-09T23:30:00Z", "UTC")).toBe("2026-03-09");
    expect(zoneOffset(start, "Asia/Bangkok")).toBe("GMT+7");
  });

  it("falls back to UTC for an unknown zone and returns bad input unchanged", () => {
    expect(formatTime("2026-03-10T10:00:00Z", "Nowhere/Else", "en")).toBe("10:00");
    expect(formatTime("not a date", "UTC", "en")).toBe("not a date");
  });

  it("groups slots by local day in order", () => {
    const slots = ["2026-03-10T09:00:00+07:00", "2026-03-10T16:00:00+07:00", "2026-03-11T09:00:00+07:00"];
    const groups = groupByDay(slots, (s) => s, "Asia/Bangkok");
    expect(groups.map((g) => [g.day, g.items.length])).toEqual([
      ["2026-03-10", 2],
      ["2026-03-11", 1],
    ]);
  });

  it("computes the gap to the bound", () => {
    expect(gapShare(23, 23)).toBe(0);
    expect(gapShare(9, 10)).toBeCloseTo(0.1);
    expect(gapShare(0, 0)).toBe(0);
  });
});

describe("zonedInstant", () => {
  it("writes a local time with the zone's offset", () => {
    expect(zonedInstant("2026-03-10", "10:00", "Asia/Bangkok")).toBe("2026-03-10T10:00:00+07:00");
    expect(zonedInstant("2026-03-10", "9:30", "Asia/Tokyo")).toBe("2026-03-10T09:30:00+09:00");
    expect(zonedInstant("2026-07-01", "14:00", "Europe/London")).toBe("2026-07-01T14:00:00+01:00");
    expect(zonedInstant("2026-01-15", "14:00", "America/New_York")).toBe("2026-01-15T14:00:00-05:00");
    expect(zonedInstant("2026-01-15", "14:00", "Asia/Kolkata")).toBe("2026-01-15T14:00:00+05:30");
  });
  it("refuses what it cannot read", () => {
    expect(zonedInstant("2026-3-10", "10:00", "Asia/Tokyo")).toBeNull();
    expect(zonedInstant("2026-03-10", "25:00", "Asia/Tokyo")).toBeNull();
  });
});
