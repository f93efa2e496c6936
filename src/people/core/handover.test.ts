import { describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import { buildPerson, buildPosting } from "./fixtures.ts";
import { acknowledgeHandover, applyContactTransfers, buildHandover } from "./handover.ts";

const leaving = buildPerson({
  id: "sato",
  postings: [
    buildPosting({ id: "bkk", kind: "overseas_office", country: "TH", from: "2021-04-01", to: "2024-03-31" }),
    buildPosting({ id: "roads", department: "Roads", from: "2024-04-01" }),
  ],
});

function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "ho-1",
    person: leaving,
    postingId: "bkk",
    successorId: "kato",
    createdAt: "2024-03-20",
    contacts: [
      { contactId: "c-boi", name: "Investment officer", organisation: "Board of Investment", ownerId: "sato" },
      { contactId: "c-buyer", name: "Buyer", organisation: "Importer Co.", ownerId: "sato" },
    ],
    ongoingMatters: [{ id: "m-fair", title: "Food fair booth, June", nextStep: "confirm exhibitors", due: "2024-05" }],
    ties: [{ tieId: "tie-bkk-mou" }],
    openMatchmakingCases: [{ caseId: "mm-42", stage: "meeting_scheduled" }],
    ...overrides,
  };
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an error");
}

describe("buildHandover", () => {
  it("builds a pending pack from the end of a posting", () => {
    const pack = buildHandover(input());
    expect(pack).toMatchObject({
      id: "ho-1",
      predecessorId: "sato",
      organisationId: "pref-fukuoka",
      successorId: "kato",
      postingId: "bkk",
      postingEnd: "2024-03-31",
      status: "pending",
    });
    expect(pack.contacts).toHaveLength(2);
    expect(pack.openMatchmakingCases[0]?.caseId).toBe("mm-42");
  });

  it("refuses a posting that has not ended or is not the person's", () => {
    expect(errorOf(() => buildHandover(input({ postingId: "roads" }))).errors[0]).toMatchObject({ path: "handover.postingId" });
    expect(errorOf(() => buildHandover(input({ postingId: "paris" }))).errors[0]?.message).toContain("no posting paris");
  });

  it("refuses handing over to oneself, contacts owned by others and duplicates", () => {
    const e = errorOf(() =>
      buildHandover(
        input({
          successorId: "sato",
          contacts: [
            { contactId: "c1", name: "A", ownerId: "ito" },
            { contactId: "c2", name: "B", ownerId: "sato" },
            { contactId: "c2", name: "B again", ownerId: "sato" },
          ],
        }),
      ),
    );
    expect(e.code).toBe("validation_failed");
    expect(e.errors.map((x) => x.path).sort()).toEqual(["handover.contacts[0].ownerId", "handover.contacts[2]", "handover.successorId"]);
  });

  it("names malformed fields", () => {
    expect(errorOf(() => buildHandover(input({ createdAt: "yesterday", ties: [{}] }))).errors.map((x) => x.path).sort()).toEqual([
      "handover.createdAt",
      "handover.ties[0].tieId",
    ]);
  });
});

describe("acknowledgeHandover", () => {
  const pack = buildHandover(input());

  it("lets the named successor acknowledge, returning the transfers of contact ownership", () => {
    const { pack: done, transfers } = acknowledgeHandover(pack, { personId: "kato", at: "2024-04-02T09:00:00+07:00", note: "met the BOI officer" });
    expect(done.status).toBe("acknowledged");
    expect(done.acknowledgement).toEqual({ by: "kato", at: "2024-04-02T09:00:00+07:00", note: "met the BOI officer" });
    expect(pack.status).toBe("pending");
    expect(transfers).toEqual([
      { contactId: "c-boi", fromOwnerId: "sato", toOwnerId: "kato" },
      { contactId: "c-buyer", fromOwnerId: "sato", toOwnerId: "kato" },
    ]);
  });

  it("refuses anyone but the named successor", () => {
    const e = errorOf(() => acknowledgeHandover(pack, { personId: "ito", at: "2024-04-02" }));
    expect(e.code).toBe("forbidden");
    expect(e.errors[0]).toMatchObject({ path: "personId", value: "ito" });
    expect(errorOf(() => acknowledgeHandover(pack, { personId: "sato", at: "2024-04-02" })).code).toBe("forbidden");
  });

  it("refuses a second acknowledgement", () => {
    const { pack: done } = acknowledgeHandover(pack, { personId: "kato", at: "2024-04-02" });
    const e = errorOf(() => acknowledgeHandover(done, { personId: "kato", at: "2024-04-03" }));
    expect(e.code).toBe("conflict");
    expect(e.message).toContain("already acknowledged on 2024-04-02");
  });

  it("refuses an acknowledgement dated before the pack", () => {
    expect(errorOf(() => acknowledgeHandover(pack, { personId: "kato", at: "2024-03-01" })).errors[0]?.path).toBe("at");
  });
});

describe("applyContactTransfers", () => {
  const contacts = [
    { contactId: "c-boi", ownerId: "sato", name: "Investment officer" },
    { contactId: "c-buyer", ownerId: "sato", name: "Buyer" },
    { contactId: "c-other", ownerId: "ito", name: "Other" },
  ];
  const { transfers } = acknowledgeHandover(buildHandover(input()), { personId: "kato", at: "2024-04-02" });

  it("moves the handed-over contacts to the successor and leaves the rest", () => {
    const after = applyContactTransfers(contacts, transfers);
    expect(after.map((c) => [c.contactId, c.ownerId])).toEqual([
      ["c-boi", "kato"],
      ["c-buyer", "kato"],
      ["c-other", "ito"],
    ]);
    expect(after[0]?.name).toBe("Investment officer");
    expect(contacts[0]?.ownerId).toBe("sato");
  });

  it("is all or nothing: a contact reassigned meanwhile or missing stops the whole transfer", () => {
    const moved = contacts.map((c) => (c.contactId === "c-buyer" ? { ...c, ownerId: "ito" } : c));
    const e = errorOf(() => applyContactTransfers(moved, transfers));
    expect(e.code).toBe("conflict");
    expect(e.errors).toMatchObject([{ path: "transfers[1].fromOwnerId", value: "ito" }]);
    expect(errorOf(() => applyContactTransfers(contacts.slice(1), transfers)).errors[0]?.path).toBe("transfers[0].contactId");
  });
});
