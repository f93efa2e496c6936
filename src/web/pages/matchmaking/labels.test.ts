import { describe, expect, it } from "vitest";
import { decide, localiseMessage, parseCountryList, policyBands } from "./labels.ts";

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

describe("localiseMessage", () => {
  it("translates the validators' messages and leaves others", () => {
    expect(localiseMessage("check digit should be 9", "ja")).toBe("チェックデジットは 9 になるはずです");
    expect(localiseMessage("0899 is not in the HS 2022 nomenclature", "ja")).toBe("0899 はHS 2022に存在しないコードです");
    expect(localiseMessage("something else", "ja")).toBe("something else");
  });
});

describe("policyBands", () => {
  it("splits the totals 0–20 into reject, hold and publish, leaving empty bands out", () => {
    expect(policyBands({ publishAt: 10, holdAt: 5 })).toEqual([
      { from: 0, to: 4, decision: "reject" },
      { from: 5, to: 9, decision: "hold" },
      { from: 10, to: 20, decision: "publish" },
    ]);
    expect(policyBands({ publishAt: 1, holdAt: 0 })).toEqual([
      { from: 0, to: 0, decision: "hold" },
      { from: 1, to: 20, decision: "publish" },
    ]);
  });

  it("reads the policy's ordering error in Japanese", () => {
    expect(localiseMessage("must be below publishAt", "ja")).toBe("公開の基準点より小さくしてください");
  });
});
