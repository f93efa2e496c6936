import { describe, expect, it } from "vitest";
import { dayOf, stateSegments, yearTicks } from "./timeline-model.ts";

describe("dayOf", () => {
  it("reads partial dates as their first day", () => {
    expect(dayOf("2022-11")).toBe(Date.UTC(2022, 10, 1));
    expect(dayOf("1957")).toBe(Date.UTC(1957, 0, 1));
    expect(dayOf("2020-02-29")).toBe(Date.UTC(2020, 1, 29));
    expect(dayOf("soon")).toBeNaN();
  });
});

describe("stateSegments", () => {
  const end = Date.UTC(2026, 0, 1);
  it("runs each state to the next change and the last one to the end", () => {
    const segments = stateSegments(
      [
        { state: "signed", date: "2000-04-01" },
        { state: "active", date: "2001-01-01" },
        { state: "dormant", date: "2015-06-30" },
      ],
      end,
    );
    expect(segments.map((s) => [s.state, s.from, s.to])).toEqual([
      ["signed", Date.UTC(2000, 3, 1), Date.UTC(2001, 0, 1)],
      ["active", Date.UTC(2001, 0, 1), Date.UTC(2015, 5, 30)],
      ["dormant", Date.UTC(2015, 5, 30), end],
    ]);
  });

  it("ends an ended tie at its end", () => {
    const segments = stateSegments(
      [
        { state: "active", date: "2000" },
        { state: "ended", date: "2010-03-31" },
      ],
      end,
    );
    expect(segments[1]).toEqual({ state: "ended", from: Date.UTC(2010, 2, 31), to: Date.UTC(2010, 2, 31) });
  });
});

describe("yearTicks", () => {
  it("picks round steps", () => {
    expect(yearTicks(Date.UTC(1957, 0, 1), Date.UTC(2026, 0, 1))).toEqual([1960, 1980, 2000, 2020]);
    expect(yearTicks(Date.UTC(2020, 5, 1), Date.UTC(2024, 0, 1))).toEqual([2021, 2022, 2023, 2024]);
  });
});
