import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerMatchCommands } from "./match.cli.ts";

const dir = mkdtempSync(join(tmpdir(), "renkei-match-"));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const companies = file("companies.csv", [
  "id,name,description,hs_codes,certifications,markets,vetted",
  "c1,青森りんご農園,青森県産のりんご（ふじ・王林）を香港・台湾へ輸出,080810,jgap,HK;TW;SG,true",
  "c2,鹿児島水産,鹿児島県産のぶり（ハマチ）を養殖・加工。冷凍フィレ,,haccp,SG;US,true",
  "c3,大分ぶり,大分県のぶり養殖,,,SG,false",
  'c7,Sakai Blades,"Hand-forged kitchen knives (gyuto, santoku)",8211,,US;DE,false',
]);
const requests = file("requests.csv", [
  "id,buyer,country,description,hs_codes,required_certifications",
  'r2,FreshMart,SG,"Frozen yellowtail fillets, sashimi grade",,haccp',
  "r1,Chef Supply,US,,8211,",
  "r3,Bangkok Foods,TH,We import fresh apples,,",
  "r4,Nobody,DE,industrial robots,,",
]);

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const program = new Command("renkei").exitOverride();
    registerMatchCommands(program);
    await program.parseAsync(args, { from: "user" });
    return { out, err, code: Number(process.exitCode ?? 0) };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = 0;
  }
}

afterEach(() => {
  process.exitCode = 0;
});

describe("renkei match (batch contract)", () => {
  it("prints results for every request in file order, best matches first, with reasons", async () => {
    const { out, code } = await run("match", "--companies", companies, "--requests", requests, "--top", "2", "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(out) as { results: { request: string; matches: { company: string; score: number; reasons: { kind: string; contribution: number; label: { ja: string; en: string } }[] }[] }[] };
    expect(doc.results.map((r) => r.request)).toEqual(["r2", "r1", "r3", "r4"]);
    const [r2, r1, r3, r4] = doc.results;
    // HACCP is required: c3 (also yellowtail) has none, so only c2 qualifies.
    expect(r2?.matches.map((m) => m.company)).toEqual(["c2"]);
    expect(r1?.matches[0]?.company).toBe("c7");
    expect(r3?.matches[0]?.company).toBe("c1");
    expect(r4?.matches).toEqual([]);
    for (const r of doc.results) {
      const scores = r.matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const m of r.matches) {
        expect(m.score).toBeGreaterThan(0);
        expect(m.reasons.length).toBeGreaterThan(0);
        for (const x of m.reasons) expect(x.label.ja && x.label.en).toBeTruthy();
      }
    }
    expect(r2?.matches[0]?.reasons.map((x) => x.kind)).toEqual(expect.arrayContaining(["hs", "concept", "market", "vetting", "certification"]));
  });

  it("limits matches with --top and prints readable text without --json", async () => {
    const { out, code } = await run("match", "--companies", companies, "--requests", requests, "--top", "1", "--lang", "ja");
    expect(code).toBe(0);
    expect(out).toContain("r2 (FreshMart)\n  1. c2");
    expect(out).toContain("該当なし");
    expect(out).not.toContain("  2. ");
  });

  it("reports every malformed row of both files with row, column and reason, and exits 2", async () => {
    const badCompanies = file("bad-companies.csv", [
      "id,name,description,hs_codes,certifications,markets,vetted",
      "c1,A,apples,0899,haccp,SG,maybe",
      "c1,B,pears,0808,,Japan,false",
    ]);
    const badRequests = file("bad-requests.csv", ["id,buyer,country,description,hs_codes,required_certifications", "r1,X,SG,apples,,iso27001"]);
    const { out, err, code } = await run("match", "--companies", badCompanies, "--requests", badRequests, "--json");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("row 2, column vetted: companies.csv: must be true or false");
    expect(err).toContain('row 2, column hs_codes: companies.csv: 0899 is not in the HS 2022 nomenclature (value: "0899")');
    expect(err).toContain("row 3, column markets: companies.csv: not an ISO 3166 alpha-2 country code");
    expect(err).toContain("row 3, column id: companies.csv: duplicate id (first on row 2)");
    expect(err).toContain("row 2, column required_certifications: requests.csv: unknown certification");
  });

  it("exits 2 for a missing file, a wrong header and a bad --top", async () => {
    const header = file("header.csv", ["id,name,description", "c1,a,b"]);
    const { err, code } = await run("match", "--companies", join(dir, "nope.csv"), "--requests", header, "--top", "0");
    expect(code).toBe(2);
    expect(err).toContain("--top: must be an integer from 1 to 1000");
    expect(err).toContain("file not found");
    expect(err).toContain("row 1, column country: requests.csv: missing column");
  });
});
