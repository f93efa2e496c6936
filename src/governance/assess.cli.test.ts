import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Command } from "commander";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerAssessCommands, type AssessCliDeps } from "./assess.cli.ts";
import { DEFAULT_MODEL_PATH } from "./model-file.ts";
import { ZAssessment, ZAssessmentTimeline } from "./profile.schema.ts";

const run = promisify(execFile);
let dir: string;
const profile = {
  actor: { name: "Sapporo", kind: "designated_city" },
  offices: [{ city: "Shenyang", country: "CN", operationalModel: "independent", opened: "1997", managementShare: 0.35 }],
  ties: [
    { kind: "sister_city", partner: "Portland", purposes: ["cultural"], since: "1959" },
    { kind: "network_membership", partner: "UNESCO Creative Cities Network", purposes: ["innovation"], since: "2013-11" },
  ],
  kpis: [{ name: "Foreign tourists", level: "output", horizon: "short" }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "renkei-assess-"));
  await writeFile(join(dir, "profile.json"), JSON.stringify(profile));
  await writeFile(join(dir, "bad-model.json"), JSON.stringify({ ...profile, offices: [{ city: "Seoul", operationalModel: "embassy" }] }));
  await writeFile(join(dir, "unknown-field.json"), JSON.stringify({ ...profile, ties: [{ kind: "mou", partner: "JETRO", signed: "2019" }] }));
  await writeFile(join(dir, "not-json.json"), "{ actor: ");
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs the commands in-process, capturing what they print and the exit code they set. */
async function cli(args: string[], deps: AssessCliDeps = {}): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  const program = new Command("renkei").exitOverride();
  registerAssessCommands(program, deps);
  await program.parseAsync(["node", "renkei", ...args]);
  const code = typeof process.exitCode === "number" ? process.exitCode : 0;
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { out, err, code };
}

describe("renkei assess", () => {
  it("prints the assessment of a profile file as JSON", async () => {
    const r = await cli(["assess", "--profile", join(dir, "profile.json"), "--json"]);
    expect(r.code).toBe(0);
    const a = ZAssessment.parse(JSON.parse(r.out));
    expect(a.dimensions.office_model.stage).toBe("traditional_administration");
    expect(a.recommendations.map((x) => x.code)).toContain("consider_shared_office_model");
  });

  it("applies --as-of", async () => {
    const r = await cli(["assess", "--profile", join(dir, "profile.json"), "--as-of", "2013-10-31", "--json"]);
    const a = ZAssessment.parse(JSON.parse(r.out));
    expect(a.asOf).toBe("2013-10-31");
    expect(a.dimensions.urban_exchange_form.evidence.map((e) => e.ref)).toEqual(["ties[0]"]);
  });

  it("prints a bilingual table without --json", async () => {
    const r = await cli(["assess", "--profile", join(dir, "profile.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("総合段階 / Overall stage");
    expect(r.out).toContain("海外事務所の運営形態");
    expect(r.out).toContain("Operational models of overseas offices");
    expect(r.out).toContain("consider_shared_office_model");
  });

  it("prints a timeline up to --as-of", async () => {
    const r = await cli(["assess", "--profile", join(dir, "profile.json"), "--timeline", "--as-of", "2015", "--json"]);
    const t = ZAssessmentTimeline.parse(JSON.parse(r.out));
    expect([t.from, t.to]).toEqual([1959, 2015]);
    expect(t.points.at(-1)?.asOf).toBe("2015-01-01");
    const text = await cli(["assess", "--profile", join(dir, "profile.json"), "--timeline"], { today: () => "2016-03-01" });
    expect(text.out).toContain("2016-03-01");
  });

  it("uses an evaluator's model file given with --model", async () => {
    const edited = JSON.parse(await readFile(DEFAULT_MODEL_PATH, "utf8")) as { version: string; rules: { id: string; stage: string }[] };
    edited.version = "1.1.0";
    edited.rules.find((x) => x.id === "office_model.directly_operated")!.stage = "new_public_management";
    await writeFile(join(dir, "model.json"), JSON.stringify(edited));
    const r = await cli(["assess", "--profile", join(dir, "profile.json"), "--model", join(dir, "model.json"), "--json"]);
    const a = ZAssessment.parse(JSON.parse(r.out));
    expect(a.modelVersion).toBe("1.1.0");
    expect(a.dimensions.office_model.stage).toBe("new_public_management");
  });

  it("assesses --org through the injected loader, by id or code", async () => {
    const seen: string[] = [];
    const r = await cli(["assess", "--org", "011002", "--json"], {
      loadProfile: async (org) => {
        seen.push(org);
        return { actor: { name: "Sapporo", kind: "designated_city", code: "011002" }, ties: [{ kind: "mou", partner: "JETRO" }] };
      },
    });
    expect(seen).toEqual(["011002"]);
    expect(ZAssessment.parse(JSON.parse(r.out)).dimensions.interorganisational_relations.stage).toBe("network_governance");
  });

  it.each([
    [["assess", "--profile", "BAD"], "offices[0].operationalModel"],
    [["assess", "--profile", "UNKNOWN"], "ties[0].signed"],
    [["assess", "--profile", "NOTJSON"], "--profile"],
    [["assess", "--profile", "MISSING"], "--profile"],
    [["assess", "--profile", "GOOD", "--as-of", "2019-02-30"], "--as-of"],
    [["assess"], "--profile"],
    [["assess", "--org", "130001"], "--org"],
  ])("exits 2 naming the field: %j", async (args, field) => {
    const files: Record<string, string> = {
      BAD: join(dir, "bad-model.json"),
      UNKNOWN: join(dir, "unknown-field.json"),
      NOTJSON: join(dir, "not-json.json"),
      MISSING: join(dir, "missing.json"),
      GOOD: join(dir, "profile.json"),
    };
    const r = await cli(args.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(field);
  });
});

describe("renkei report model", () => {
  it("prints Table 3 in Japanese and English and the Table 1 verdicts", async () => {
    const r = await cli(["report", "model"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("組織原理 / Organizational Principle");
    expect(r.out).toContain("官僚制");
    expect(r.out).toContain("Bureaucracy");
    expect(r.out).toMatch(/LG-11\s+福井県 Fukui.*ネットワーク・ガバナンス \/ Network Governance/);
    expect(r.out).toMatch(/LG-4\s+沖縄県 Okinawa.*伝統的行政 \/ Traditional Administration/);
  });

  it("prints JSON with --json and joins an existing report command", async () => {
    let out = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    const program = new Command("renkei").exitOverride();
    program.command("report").command("continuity");
    registerAssessCommands(program);
    await program.parseAsync(["node", "renkei", "report", "model", "--json"]);
    vi.restoreAllMocks();
    expect(program.commands.filter((c) => c.name() === "report")).toHaveLength(1);
    const json = JSON.parse(out) as { table1: { id: string; officeStage: string }[]; dimensions: Record<string, unknown> };
    expect(json.table1.find((t) => t.id === "LG-1")?.officeStage).toBe("network_governance");
    expect(Object.keys(json.dimensions)).toHaveLength(6);
  });
});

describe("in a real process", () => {
  const main = join("src", "governance", "fixtures", "assess-cli-main.ts");

  it("exits 2 and names the field for an invalid profile", async () => {
    const err = await run(process.execPath, ["--import", "tsx", main, "assess", "--profile", join(dir, "bad-model.json")]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain("offices[0].operationalModel");
  });

  it("exits 0 with JSON for a valid one", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", main, "assess", "--profile", join(dir, "profile.json"), "--json"]);
    expect(ZAssessment.parse(JSON.parse(stdout)).stage).not.toBeNull();
  });
});
