import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { registerGraphCommands } from "./graph.cli.ts";
import { findAll, readXml } from "./export/xml-reader.ts";

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "renkei-graph-"));
  await writeFile(
    file("edges.csv"),
    "source,target,weight,kind,purpose\nfukuoka,busan,2,sister_city,cultural\nkitakyushu,busan,,sister_city,\nfukuoka,kitakyushu,1,,\n",
  );
  await writeFile(file("nodes.csv"), "id,group\nfukuoka,JP\nkitakyushu,JP\nbusan,KR\n");
  await writeFile(file("bad-edges.csv"), "source,target,weight\nfukuoka,fukuoka,1\nfukuoka,seoul,abc\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const program = new Command("renkei").exitOverride();
  registerGraphCommands(program);
  await program.parseAsync(["graph", ...args], { from: "user" });
  const exitCode = process.exitCode ?? 0;
  vi.restoreAllMocks();
  return { stdout, stderr, exitCode };
}

describe("renkei graph metrics", () => {
  it("prints the documented JSON", async () => {
    const { stdout, exitCode } = await run("metrics", "--edges", file("edges.csv"), "--nodes", file("nodes.csv"), "--json");
    expect(exitCode).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.nodes[0]).toEqual({
      id: "fukuoka", label: null, group: "JP", degree: 2, weightedDegree: 3, closeness: 1, betweenness: 0,
      brokerage: { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 },
    });
    expect(out.pipelines[0]).toMatchObject({ from: "JP", to: "KR", ties: 2, byKind: { sister_city: 2 } });
    expect(out.graph).toMatchObject({ nodes: 3, edges: 3, directed: false });
  });

  it("prints tables in English or Japanese", async () => {
    const en = await run("metrics", "--edges", file("edges.csv"), "--nodes", file("nodes.csv"));
    expect(en.stdout).toMatch(/3 nodes, 3 edges/);
    expect(en.stdout).toMatch(/Pipelines between groups/);
    const ja = await run("metrics", "--edges", file("edges.csv"), "--lang", "ja", "--directed");
    expect(ja.stdout).toMatch(/媒介中心性/);
    expect(ja.stdout).toMatch(/有向/);
  });

  it("exits 2 with every row error of a bad file", async () => {
    const { stderr, exitCode, stdout } = await run("metrics", "--edges", file("bad-edges.csv"), "--nodes", file("nodes.csv"));
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/row 2, column target: .*self-loop/);
    expect(stderr).toMatch(/row 3, column weight: .*not a number \(value: "abc"\)/);
    expect(stderr).toMatch(/row 3, column target: .*not in the nodes file \(value: "seoul"\)/);
  });

  it("exits 2 for a missing file or a bad option value", async () => {
    expect((await run("metrics", "--edges", file("missing.csv"))).exitCode).toBe(2);
    expect((await run("metrics", "--edges", file("edges.csv"), "--path-weights", "km")).exitCode).toBe(2);
  });
});

describe("renkei graph export", () => {
  it("writes GraphML to a file that parses back", async () => {
    const out = file("g.graphml");
    const { exitCode, stdout } = await run("export", "--edges", file("edges.csv"), "--nodes", file("nodes.csv"), "--format", "graphml", "--out", out);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/3 nodes, 3 edges/);
    const doc = readXml(await readFile(out, "utf8"));
    expect(findAll(doc, "node").map((n) => n.attributes.id)).toEqual(["fukuoka", "kitakyushu", "busan"]);
    expect(findAll(doc, "edge")).toHaveLength(3);
  });

  it("prints GEXF and CSV to standard output", async () => {
    const gexf = await run("export", "--edges", file("edges.csv"), "--format", "gexf", "--path-weights", "distance");
    expect(findAll(readXml(gexf.stdout), "edge")).toHaveLength(3);
    const csv = await run("export", "--edges", file("edges.csv"), "--format", "edges-csv");
    expect(csv.stdout.split("\r\n")[0]).toBe("source,target,weight,kind,purpose");
  });

  it("exits 2 for an unknown format", async () => {
    const { exitCode, stderr } = await run("export", "--edges", file("edges.csv"), "--format", "dot");
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/--format must be one of/);
  });
});
