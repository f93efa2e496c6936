import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { assess } from "./assessment.ts";
import { compareAssessments, comparisonToCsv } from "./compare.ts";
import { comparisonToXlsx } from "./compare-xlsx.ts";
import { buildOffice, buildProfile } from "./fixtures/profiles.ts";
import type { TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

function table() {
  return compareAssessments([
    { org: { id: "org-1", name: "Hokkaido", code: "010006" }, assessment: assess(buildProfile({ offices: [buildOffice({ operationalModel: "joint_industry_academia" })] }), model, { asOf: "2022" }) },
    { org: { name: "Kyoto, City of \"Culture\"" }, assessment: assess(buildProfile({ ties: [{ kind: "sister_city", partner: "Paris" }, { kind: "network_membership", partner: "UCCN" }] }), model) },
  ]);
}

describe("compareAssessments", () => {
  it("keeps each government's stage and shares per dimension", () => {
    const t = table();
    expect(t.rows.map((r) => [r.name, r.stage])).toEqual([
      ["Hokkaido", "network_governance"],
      ['Kyoto, City of "Culture"', "traditional_administration"],
    ]);
    expect(t.rows[1]?.dimensions.urban_exchange_form).toEqual({
      stage: "traditional_administration",
      shares: { traditional_administration: 0.5, new_public_management: 0, network_governance: 0.5 },
      evidenceCount: 2,
    });
  });

  it("counts governments per stage on each dimension", () => {
    const t = table();
    expect(t.distribution.office_model).toEqual({ traditional_administration: 0, new_public_management: 0, network_governance: 1, none: 1 });
    expect(t.distribution.overall).toEqual({ traditional_administration: 1, new_public_management: 0, network_governance: 1, none: 0 });
  });
});

describe("CSV export", () => {
  it("writes ids by default, quoting where needed, CRLF line ends", () => {
    const csv = comparisonToCsv(table());
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^id,code,name,as_of,stage,governance_purpose\.stage,governance_purpose\.traditional_administration,/);
    expect(lines[0]?.split(",")).toHaveLength(5 + 6 * 4);
    expect(lines[1]).toMatch(/^org-1,010006,Hokkaido,2022-01-01,network_governance,,0,0,0,/);
    expect(lines[2]).toMatch(/^,,"Kyoto, City of ""Culture""",,traditional_administration,/);
    expect(lines[3]).toBe("");
  });

  it("writes labels in the chosen language, with a BOM on request", () => {
    const csv = comparisonToCsv(table(), { labels: { model, locale: "ja" }, bom: true });
    expect(csv.startsWith("\uFEFFID,団体コード,団体名")).toBe(true);
    expect(csv).toContain("ネットワーク・ガバナンス");
    expect(comparisonToCsv(table(), { labels: { model, locale: "en" } })).toContain("Operational models of overseas offices: NG");
  });
});

describe("XLSX export", () => {
  it("writes a workbook with the comparison and the model legend", async () => {
    const buffer = await comparisonToXlsx(table(), model, "en");
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Comparison");
    expect(sheet?.getRow(2).getCell(3).value).toBe("Hokkaido");
    expect(sheet?.getRow(2).getCell(5).value).toBe("Network Governance");
    expect(sheet?.rowCount).toBe(3);
    expect(wb.getWorksheet("Model (Table 3)")?.getRow(3).getCell(2).value).toContain("Input and Service Delivery Management");
  });
});
