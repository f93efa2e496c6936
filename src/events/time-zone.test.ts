import { describe, expect, it } from "vitest";
import { addMonths } from "../core/calendar-days.ts";
import { canonicalTimeZone, generateSlots, isoInZone, localDate, offsetMinutes } from "./time-zone.ts";

describe("event time zones", () => {
  it("accepts IANA zones (canonical) and refuses offsets, abbreviations and nonsense", () => {
    expect(canonicalTimeZone("Asia/Bangkok")).toBe("Asia/Bangkok");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    for (const bad of ["+07:00", "JST", "Asia/Nowhere", "", "Bangkok"]) expect(canonicalTimeZone(bad), bad).toBeNull();
  });

  it("renders instants with the local offset, across daylight saving time", () => {
    const t = new Date("2026-03-10T03:00:00Z");
    expect(isoInZone(t, "Asia/Bangkok")).toBe("2026-03-10T10:00:00+07:00");
    expect(isoInZone(t, "Asia/Tokyo")).toBe("2026-03-10T12:00:00+09:00");
    expect(isoInZone(t, "America/Los_Angeles")).toBe("2026-03-09T20:00:00-07:00");
    expect(isoInZone(new Date("2026-01-10T03:00:00Z"), "America/Los_Angeles")).toBe("2026-01-09T19:00:00-08:00");
    expect(isoInZone(t, "Asia/Kolkata")).toBe("2026-03-10T08:30:00+05:30");
    expect(offsetMinutes(t, "UTC")).toBe(0);
    expect(localDate(new Date("2026-03-10T18:00:00Z"), "Asia/Tokyo")).toBe("2026-03-11");
  });

  it("generates back-to-back slots with pauses, skipping breaks, only whole slots", () => {
    const at = (hm: string) => new Date(`2026-03-10T${hm}:00+07:00`);
    const slots = generateSlots({ start: at("10:00"), end: at("12:00") }, 20, 5, [{ start: at("11:00"), end: at("11:15") }]);
    expect(slots.map((s) => isoInZone(s.start, "Asia/Bangkok").slice(11, 16))).toEqual(["10:00", "10:25", "11:15", "11:40"]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 20 * 60_000)).toBe(true);
    expect(generateSlots({ start: at("10:00"), end: at("10:15") }, 20, 0)).toEqual([]);
  });

  it("adds months, clamping to the end of shorter months", () => {
    expect(addMonths("2026-03-11", 6)).toBe("2026-09-11");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });
});
