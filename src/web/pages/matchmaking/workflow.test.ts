import { describe, expect, it } from "vitest";
import { formatMoney, localiseMessage, outcomeKindsFor } from "./labels.ts";
import { fieldOfPath, workflowBody, type WorkflowField } from "./workflow-form.tsx";

const fields: WorkflowField[] = [
  { name: "kind", label: "matchmaking.outcomeKind", kind: "select", required: true },
  { name: "occurredOn", label: "matchmaking.occurredOn", kind: "date", required: true },
  { name: "salesAmount", label: "matchmaking.salesAmount", kind: "number" },
  { name: "currency", label: "matchmaking.currency", kind: "text" },
  { name: "eventId", label: "matchmaking.eventId", kind: "text", showIf: (v) => v.kind === "event" },
];

describe("workflowBody", () => {
  it("leaves empty optional fields out, sends required ones empty, parses numbers with separators", () => {
    expect(workflowBody(fields, { kind: "agreement", occurredOn: "", salesAmount: "12,000,000", currency: " JPY ", eventId: "x" })).toEqual({ kind: "agreement", occurredOn: "", salesAmount: 12000000, currency: "JPY" });
    expect(workflowBody(fields, { kind: "agreement", occurredOn: "2026-11-02", salesAmount: "12万" })).toEqual({ kind: "agreement", occurredOn: "2026-11-02", salesAmount: "12万" });
  });
});

describe("fieldOfPath", () => {
  it("maps the API's error paths to fields", () => {
    expect(fieldOfPath(fields, "body.currency")).toBe("currency");
    expect(fieldOfPath(fields, "salesAmount")).toBe("salesAmount");
    expect(fieldOfPath(fields, "state")).toBeUndefined();
  });
});

describe("workflow labels", () => {
  it("offers the outcomes the state allows", () => {
    expect(outcomeKindsFor("accepted")).toEqual([]);
    expect(outcomeKindsFor("meeting")).toContain("no_deal");
    expect(outcomeKindsFor("agreed")).toEqual(["agreement", "contract"]);
  });
  it("formats money with its currency and localises the API's messages", () => {
    expect(formatMoney(1500, "USD", "en")).toContain("1,500");
    expect(formatMoney(1500, "USD", "en")).toContain("USD");
    expect(localiseMessage("give salesAmount and currency together", "ja")).toBe("売上額と通貨は両方とも入力してください");
  });
});
