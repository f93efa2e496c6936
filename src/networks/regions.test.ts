import { describe, expect, it } from "vitest";
import { groupLabel, groupOf } from "./regions.ts";

describe("graph groups by country or region", () => {
  it("puts Japanese organisations in their region by prefecture number, others in UN M49 sub-regions", () => {
    expect(groupOf({ country: "JP", localGovCode: "401307" }, "region")).toBe("jp:kyushu_okinawa");
    expect(groupOf({ country: "JP", localGovCode: "011002" }, "region")).toBe("jp:hokkaido");
    expect(groupOf({ country: "JP", localGovCode: "130001" }, "region")).toBe("jp:kanto");
    expect(groupOf({ country: "JP", localGovCode: null }, "region")).toBe("jp:unknown");
    expect(groupOf({ country: "KR", localGovCode: null }, "region")).toBe("m49:030");
    expect(groupOf({ country: "TH", localGovCode: null }, "region")).toBe("m49:035");
    expect(groupOf({ country: "US", localGovCode: null }, "region")).toBe("m49:021");
    expect(groupOf({ country: "GB", localGovCode: null }, "region")).toBe("m49:154");
    expect(groupOf({ country: "BR", localGovCode: null }, "region")).toBe("m49:005");
    expect(groupOf({ country: "KR", localGovCode: null }, "country")).toBe("KR");
  });

  it("labels groups in Japanese and English, falling back to the country name", () => {
    expect(groupLabel("jp:kyushu_okinawa")).toEqual({ ja: "九州・沖縄地方", en: "Kyushu and Okinawa" });
    expect(groupLabel("m49:035")).toEqual({ ja: "東南アジア", en: "South-eastern Asia" });
    expect(groupLabel("AQ").en).toBe("Antarctica");
    expect(groupLabel("JP").ja).toBe("日本");
  });
});
