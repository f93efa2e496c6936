import { describe, expect, it } from "vitest";
import { decide, parseCountryList } from "./labels.ts";

const policy = { publishAt: 10, holdAt: 5, zeroHolds: true };

describe("decide", () => {
  it("publishes at the threshold, holds on a zero, rejects below holdAt", () => {
    expect(decide([3, 3, 2, 2], policy)).toEqual({ total: 10, decision: "publish" });
    expect(decide([5, 5, 5, 0], policy)).toEqual({ total: 15, decision: "hold" });
    expect(decide([5, 5, 5, 0], { ...policy, zeroHolds: false }).decision).toBe("publish");
    expect(decide([2, 2, 1, 1], policy).decision).toBe("hold");
    expect(decide([1, 1, 1, 1], policy).decision).toBe("reject");
  });
});

describe("parseCountryList", () => {
  it("splits on commas, ideographic commas and spaces and upper-cases", () => {
    expect(parseCountryList("sg, TH、jp  ")).toEqual(["SG", "TH", "JP"]);
    expect(parseCountryList("")).toEqual([]);
  });
});

import { localiseMessage } from "./labels.ts";

describe("localiseMessage", () => {
  it("translates the validators' messages and leaves others", () => {
    expect(localiseMessage("check digit should be 9", "ja")).toBe("チェックデジットは 9 になるはずです");
    expect(localiseMessage("0899 is not in the HS 2022 nomenclature", "ja")).toBe("0899 はHS 2022に存在しないコードです");
    expect(localiseMessage("something else", "ja")).toBe("something else");
  });
});
