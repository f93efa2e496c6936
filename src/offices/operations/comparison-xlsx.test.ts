import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compareModels } from "./compare-models.ts";
import { toXlsx } from "./comparison-xlsx.ts";

const office = {
  id: "bkk",
  name: { ja: "バンコク事務所", en: "Bangkok Office" },
  country: "TH",
  city: "Bangkok",
  currentModel: "independent",
  functions: ["economic_exchange_business_support", "educational_cultural_exchange"],
  workloadHours: { economic_exchange_business_support: 1500, educational_cultural_exchange: 200 },
  staff: { dispatched: 1, local: 2 },
};

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

function rowByLabel(ws: ExcelJS.Worksheet, prefix: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (String(row.getCell(1).value).startsWith(prefix)) found ??= row;
  });
  if (!found) throw new Error(`no row starting ${prefix}`);
  return found;
}

describe("toXlsx", () => {
  const comparison = compareModels(office, { overrides: { models: { hosted: { host: "clair" } } } });

  it("writes the models side by side with bilingual headers, Japanese first for ja", async () => {
    const wb = await read(await toXlsx(comparison, "ja"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["比較 Comparison", "前提条件 Assumptions", "出典 Sources"]);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    expect(ws.getRow(3).getCell(1).value).toBe("項目 / Item");
    expect(ws.getRow(3).getCell(2).value).toBe("単独設置（直営） / Independent (directly operated)（現行）");
    const cost = rowByLabel(ws, "年間経費（円） / Annual cost (JPY)");
    expect(cost.getCell(2).value).toBe(comparison.models[0]?.annualCostJpy);
    expect(cost.getCell(2).numFmt).toBe("#,##0");
    const risks = rowByLabel(ws, "リスク / Risks");
    expect(String(risks.getCell(2).value)).toContain("固定費が大きい");
    expect(ws.pageSetup.orientation).toBe("landscape");
  });

  it("writes English contents with English-first headers for en, and the assumptions with their origin", async () => {
    const wb = await read(await toXlsx(comparison, "en"));
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no sheet");
    const notServed = rowByLabel(ws, "Functions not served / 対応できない業務");
    expect(notServed.getCell(5).value).toBe(""); // hosted in CLAIR: broader scope
    const outsourcedCol = comparison.models.findIndex((m) => m.model === "outsourced") + 2;
    expect(String(notServed.getCell(outsourcedCol).value)).toBe("Educational and cultural exchange");

    const assumptions = wb.worksheets[1];
    if (!assumptions) throw new Error("no sheet");
    const host = rowByLabel(assumptions, "models.hosted.host");
    expect(host.getCell(3).value).toBe('"clair"');
    expect(host.getCell(5).value).toBe("override");
    const benchmark = rowByLabel(assumptions, "managementShareBenchmark");
    expect(benchmark.getCell(2).value).toBe("*");
    expect(benchmark.getCell(4).value).toBe("paper");

    const facts = wb.worksheets[2];
    if (!facts) throw new Error("no sheet");
    const thirty = rowByLabel(facts, "paper_management_over_30pct");
    expect(String(thirty.getCell(3).value)).toContain("Fujiwara");
  });
});
