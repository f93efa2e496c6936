import { describe, expect, it } from "vitest";
import { formatPartialDate, formatShare, formatYen, japaneseEra, joinPartialDate, splitPartialDate, countryName, formatNumber } from "./format.ts";

describe("partial dates", () => {
  it("shows a full date with its Japanese era to Japanese readers", () => {
    expect(formatPartialDate("2013-06-03", "ja")).toBe("2013年6月3日 (平成25年)");
    expect(formatPartialDate("2013-06-03", "en")).toBe("3 June 2013");
  });

  it("keeps the precision of year-only and year-month dates", () => {
    expect(formatPartialDate("2013-06", "ja")).toBe("2013年6月 (平成25年)");
    expect(formatPartialDate("2013", "ja")).toBe("2013年 (平成25年)");
    expect(formatPartialDate("2013-06", "en")).toBe("June 2013");
    expect(formatPartialDate("2013", "en")).toBe("2013");
  });

  it("names both eras when the period straddles a change of era", () => {
    expect(formatPartialDate("2019", "ja")).toBe("2019年 (平成31年/令和元年)");
    expect(formatPartialDate("2019-04", "ja")).toBe("2019年4月 (平成31年)");
    expect(formatPartialDate("2019-05", "ja")).toBe("2019年5月 (令和元年)");
    expect(formatPartialDate("1989-01", "ja")).toBe("1989年1月 (昭和64年/平成元年)");
    expect(japaneseEra(new Date(Date.UTC(2019, 4, 1)), new Date(Date.UTC(2019, 4, 1)))).toBe("令和元年");
  });

  it("returns text that is not a real partial date unchanged", () => {
    expect(formatPartialDate("2013-13", "ja")).toBe("2013-13");
    expect(formatPartialDate("2013-02-30", "en")).toBe("2013-02-30");
    expect(formatPartialDate("soon", "en")).toBe("soon");
    expect(formatPartialDate(null, "en")).toBe("");
  });

  it("splits into and joins from the form's year, month and day", () => {
    expect(splitPartialDate("2024-04")).toEqual({ year: "2024", month: "04", day: "" });
    expect(joinPartialDate({ year: "2024", month: "04", day: "" })).toBe("2024-04");
    expect(joinPartialDate({ year: " 2024 ", month: "", day: "" })).toBe("2024");
    expect(joinPartialDate({ year: "", month: "", day: "" })).toBeNull();
    expect(joinPartialDate({ year: "2024", month: "", day: "05" }), "a day without a month goes to the API as typed").toBe("2024--05");
  });
});

describe("numbers", () => {
  it("formats yen, shares and counts in the reader's locale", () => {
    expect(formatYen(12_345_678, "ja")).toBe("￥12,345,678");
    expect(formatYen(12_345_678, "en")).toBe("¥12,345,678");
    expect(formatShare(0.35, "en")).toBe("35%");
    expect(formatNumber(1234.5, "ja", 1)).toBe("1,234.5");
    expect(formatYen(null, "ja")).toBe("");
  });

  it("names countries in the reader's language", () => {
    expect(countryName("VN", "ja")).toBe("ベトナム");
    expect(countryName("VN", "en")).toBe("Vietnam");
  });
});
