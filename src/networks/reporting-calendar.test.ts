import { describe, expect, it } from "vitest";
import { dueDates } from "./reporting-calendar.ts";

describe("reporting calendar", () => {
  it("gives an annual report due each March on the last day of the month, within the window", () => {
    const s = { frequency: "annual" as const, dueMonth: 3, dueDay: null, startYear: 2020, endYear: null };
    expect(dueDates(s, "2023-01-01", "2025-12-31")).toEqual(["2023-03-31", "2024-03-31", "2025-03-31"]);
    expect(dueDates(s, "2023-04-01", "2024-03-30")).toEqual([]);
    expect(dueDates(s, "2019-01-01", "2020-12-31")).toEqual(["2020-03-31"]);
  });

  it("clamps a day past the month's end and steps quarterly, semiannually and biennially", () => {
    expect(dueDates({ frequency: "quarterly", dueMonth: 2, dueDay: 30, startYear: 2024, endYear: null }, "2024-01-01", "2024-12-31")).toEqual([
      "2024-02-29",
      "2024-05-30",
      "2024-08-30",
      "2024-11-30",
    ]);
    expect(dueDates({ frequency: "semiannual", dueMonth: 9, dueDay: 15, startYear: 2023, endYear: null }, "2023-01-01", "2024-12-31")).toEqual([
      "2023-09-15",
      "2024-03-15",
      "2024-09-15",
    ]);
    expect(dueDates({ frequency: "biennial", dueMonth: 6, dueDay: 1, startYear: 2021, endYear: null }, "2020-01-01", "2026-01-01")).toEqual(["2021-06-01", "2023-06-01", "2025-06-01"]);
  });

  it("stops at the end year, and a one-off obligation is due once", () => {
    expect(dueDates({ frequency: "annual", dueMonth: 12, dueDay: 1, startYear: 2020, endYear: 2022 }, "2000-01-01", "2030-12-31")).toEqual(["2020-12-01", "2021-12-01", "2022-12-01"]);
    expect(dueDates({ frequency: "once", dueMonth: 7, dueDay: 10, startYear: 2025, endYear: null }, "2000-01-01", "2030-12-31")).toEqual(["2025-07-10"]);
  });
});
