import { describe, expect, it } from "vitest";
import { partnerPaths, partnersFromBody, splitPartners } from "./initiative-view.ts";

describe("initiative form partners", () => {
  it("splits the API's partners into two lists and joins them back", () => {
    const split = splitPartners([
      { orgId: "a", role: "partner" },
      { orgId: "b", role: "contractor" },
    ]);
    expect(split).toEqual({ partnerIds: ["a"], contractorIds: ["b"] });
    expect(partnersFromBody({ nameJa: "x", ...split })).toEqual({
      nameJa: "x",
      partners: [
        { orgId: "a", role: "partner" },
        { orgId: "b", role: "contractor" },
      ],
    });
  });

  it("maps partner error paths to the list that sent them", () => {
    const paths = partnerPaths({ partnerIds: ["a"], contractorIds: ["b"] });
    expect(paths["partners[0].orgId"]).toBe("partnerIds");
    expect(paths["partners[1].orgId"]).toBe("contractorIds");
    expect(paths.partners).toBe("partnerIds");
  });
});
