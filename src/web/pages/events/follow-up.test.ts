import { describe, expect, it } from "vitest";
import { followUpDue, followUpDueOn } from "./follow-up.tsx";
import { isOver } from "./meeting-actions.tsx";

describe("follow-up due date", () => {
  it("adds months, clamping to the month's last day", () => {
    expect(followUpDueOn("2027-03-11", 6)).toBe("2027-09-11");
    expect(followUpDueOn("2027-08-31", 6)).toBe("2028-02-29");
    expect(followUpDueOn("2027-11-30", 3)).toBe("2028-02-29");
    expect(followUpDueOn("2027-01-15", 12)).toBe("2028-01-15");
  });
  it("is due for approved participants of the asked types from the due day", () => {
    const event = { endsOn: "2026-03-11", followUpMonths: 6, followUpTypes: ["seller" as const] };
    expect(followUpDue(event, { participantType: "seller", status: "approved" }, "2026-09-11")).toBe(true);
    expect(followUpDue(event, { participantType: "seller", status: "approved" }, "2026-09-10")).toBe(false);
    expect(followUpDue(event, { participantType: "buyer", status: "approved" }, "2026-12-01")).toBe(false);
    expect(followUpDue(event, { participantType: "seller", status: "pending" }, "2026-12-01")).toBe(false);
  });
});

describe("meeting over", () => {
  const slot = { id: "s", sessionId: "x", startsAt: "2027-03-10T03:00:00.000Z", endsAt: "2027-03-10T03:20:00.000Z" } as never;
  it("is over when held, or planned with its slot ended", () => {
    expect(isOver({ status: "held", slot: null }, new Date("2020-01-01"))).toBe(true);
    expect(isOver({ status: "planned", slot }, new Date("2027-03-10T03:19:00Z"))).toBe(false);
    expect(isOver({ status: "planned", slot }, new Date("2027-03-10T03:20:00Z"))).toBe(true);
    expect(isOver({ status: "cancelled", slot }, new Date("2028-01-01"))).toBe(false);
  });
});
