import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import ExcelJS from "exceljs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { registerOfficesCommands } from "./offices.cli.ts";
import type { OfficesCliDeps } from "./offices.cli.ts";

const dir = mkdtempSync(join(tmpdir(), "renkei-offices-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

const office = {
  id: "bkk",
  name: { ja: "バンコク事務所", en: "Bangkok Office" },
  country: "TH",
  city: "Bangkok",
  currentModel: "hosted",
  host: "host_government_agency",
  functions: ["economic_exchange_business_support", "regional_promotion"],
  workloadHours: { economic_exchange_business_support: 1200, regional_promotion: 400 },
  staff: { dispatched: 1, local: 0 },
};

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

async function run(args: string[], deps?: OfficesCliDeps): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const program = new Command("renkei").exitOverride();
  registerOfficesCommands(program, deps);
  await program.parseAsync(args, { from: "user" });
  vi.restoreAllMocks();
  const code = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = undefined;
  return { out, err, code };
}

describe("renkei offices compare", () => {
  it("--input --json returns each model's cost, management hours, functions, risks and assumptions", async () => {
    const { out, code } = await run(["offices", "compare", "--input", file("office.json", office), "--json"]);
    expect(code).toBe(0);
    const c = JSON.parse(out) as { models: Record<string, unknown>[] };
    expect(c.models).toHaveLength(5);
    for (const m of c.models) {
      for (const key of ["model", "annualCostJpy", "managementHours", "managementShare", "functionsServed", "functionsNotServed", "risks", "assumptionsUsed"]) {
        expect(m).toHaveProperty(key);
      }
    }
    const hosted = c.models.find((m) => m.model === "hosted");
    expect(hosted).toMatchObject({ current: true, host: "host_government_agency", functionsNotServed: [] });
  });

  it("--office loads through the injected loader, and --assumptions applies a what-if", async () => {
    const loadOffice = vi.fn(async (id: string) => (id === "bkk" ? office : null));
    const overrides = file("whatif.json", { models: { independent: { managementShare: 0.25 } } });
    const { out, code } = await run(["offices", "compare", "--office", "bkk", "--assumptions", overrides, "--json"], { loadOffice });
    expect(code).toBe(0);
    expect(loadOffice).toHaveBeenCalledWith("bkk");
    const c = JSON.parse(out) as { overrides: string[]; models: { model: string; managementShare: number }[] };
    expect(c.overrides).toEqual(["models.independent.managementShare"]);
    expect(c.models.find((m) => m.model === "independent")?.managementShare).toBe(0.25);
  });

  it("prints text in the chosen language and writes the XLSX", async () => {
    const out = join(dir, "compare.xlsx");
    const en = await run(["offices", "compare", "--input", file("office.json", office), "--locale", "en", "--xlsx", out]);
    expect(en.code).toBe(0);
    expect(en.out).toContain("Comparison of overseas-office operating models: Bangkok Office");
    expect(en.out).toContain("Outsourced support desk");
    expect(en.err).toContain(`wrote ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(3);
    const ja = await run(["offices", "compare", "--input", file("office.json", office)]);
    expect(ja.out).toContain("海外事務所の運営形態の比較: バンコク事務所");
  });

  it("bad office input names the field and exits 2", async () => {
    const bad = { ...office, staff: { dispatched: -1, local: 0 }, workloadHours: { regional_promotion: -5 } };
    const { err, code } = await run(["offices", "compare", "--input", file("bad.json", bad)]);
    expect(code).toBe(2);
    expect(err).toContain("office.staff.dispatched: must not be negative");
    expect(err).toContain("office.workloadHours.regional_promotion: must not be negative");
  });

  it("a bad what-if names the assumption and exits 2", async () => {
    const { err, code } = await run([
      "offices",
      "compare",
      "--input",
      file("office.json", office),
      "--assumptions",
      file("bad-whatif.json", { models: { outsourced: { costs: { contract_fees: { jpy: "a lot" } } } } }),
    ]);
    expect(code).toBe(2);
    expect(err).toContain("assumptions.models.outsourced.costs.contract_fees.jpy");
  });

  it("exits 2 for a missing file, invalid JSON, both or neither source, no loader, an unknown office or locale", async () => {
    const cases: [string[], string][] = [
      [["offices", "compare", "--input", join(dir, "nope.json")], "--input: no such file"],
      [["offices", "compare", "--input", file("broken.json", "{ not json")], "not valid JSON"],
      [["offices", "compare"], "exactly one of --office"],
      [["offices", "compare", "--office", "bkk", "--input", file("office.json", office)], "exactly one of --office"],
      [["offices", "compare", "--office", "bkk"], "use --input"],
      [["offices", "compare", "--input", file("office.json", office), "--locale", "fr"], "--locale"],
    ];
    for (const [args, message] of cases) {
      const { err, code } = await run(args);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toContain(message);
    }
    const unknown = await run(["offices", "compare", "--office", "nowhere"], { loadOffice: () => null });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no office nowhere");
  });
});
