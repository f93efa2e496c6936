import { describe, expect, it } from "vitest";
import { addMonths, endOfYear, formatDay, isActive, parsePartialDate } from "./dates.ts";

describe("partial dates", () => {
  it("read a year or a month as the first day of the period", () => {
    expect(parsePartialDate("2019")).toBe(20190101);
    expect(parsePartialDate("2019-03")).toBe(20190301);
    expect(parsePartialDate("2019-03-15")).toBe(20190315);
  });

  it("reject what is not a real date", () => {
    for (const bad of ["2019-13", "2019-00", "2019-02-30", "2019-1", "19", "2019/03", "2019-03-1", "", "abcd", "2019-04-31"]) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate("2020-02-29")).toBe(20200229);
    expect(parsePartialDate("2100-02-29")).toBeNull();
  });

  it("add months, clamping the day to the month's length", () => {
    expect(addMonths(20151201, 12)).toBe(20161201);
    expect(addMonths(20190131, 1)).toBe(20190228);
    expect(addMonths(20191115, 3)).toBe(20200215);
  });

  it("format day numbers and ends of years", () => {
    expect(formatDay(20190301)).toBe("2019-03-01");
    expect(endOfYear(2020)).toBe(20201231);
  });
});

describe("isActive", () => {
  it("counts a record from its start day and stops on its end day", () => {
    expect(isActive(20190101, null, 20190101)).toBe(true);
    expect(isActive(20190102, null, 20190101)).toBe(false);
    expect(isActive(null, 20200101, 20200101)).toBe(false);
    expect(isActive(null, 20200101, 20191231)).toBe(true);
    expect(isActive(null, null, 10000101)).toBe(true);
    expect(isActive(20500101, 20000101, null)).toBe(true);
  });
});
