import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { compileModel, parseGovernanceModel, type TGovernanceModel } from "./model.ts";
import { loadGovernanceModel } from "./model-file.ts";

let model: TGovernanceModel;
beforeAll(async () => {
  model = await loadGovernanceModel();
});

const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(model)) as Record<string, unknown>;

function errorPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).errors.map((e) => e.path);
  }
  throw new Error("expected a validation error");
}

describe("the shipped model file", () => {
  it("holds Table 3: six dimensions × three stages, each cell in ja and en", () => {
    expect(model.version).toMatch(/^1\.\d+\.\d+$/);
    for (const d of GOVERNANCE_DIMENSIONS) {
      for (const s of GOVERNANCE_STAGES) {
        expect(model.dimensions[d].cells[s].ja.length).toBeGreaterThan(0);
        expect(model.dimensions[d].cells[s].en.length).toBeGreaterThan(0);
      }
    }
    expect(model.dimensions.organisational_principle.cells.new_public_management.en).toBe("Market");
    expect(model.dimensions.office_model.cells.traditional_administration.en).toBe("Directly Operated");
  });

  it("has a rule for every dimension", () => {
    const dims = new Set(model.rules.map((r) => r.dimension));
    expect([...dims].sort()).toEqual([...GOVERNANCE_DIMENSIONS].sort());
  });

  it("compiles to one lookup per source and value, memoised per model object", () => {
    const c = compileModel(model);
    expect(compileModel(model)).toBe(c);
    expect(c.bySource.office.get("independent")?.map((r) => r.dimension)).toEqual([
      "organisational_principle",
      "interorganisational_relations",
      "office_model",
    ]);
  });
});

describe("model validation", () => {
  it("names a missing Table 3 cell", () => {
    const m = clone();
    delete (m.dimensions as Record<string, { cells: Record<string, unknown> }>).office_model!.cells.network_governance;
    expect(errorPaths(() => parseGovernanceModel(m))).toContain("dimensions.office_model.cells.network_governance");
  });

  it("rejects duplicate rule ids and two rules placing one value on one dimension", () => {
    const m = clone();
    const rules = m.rules as Record<string, unknown>[];
    rules.push({ ...rules[0], stage: "network_governance" });
    const paths = errorPaths(() => parseGovernanceModel(m));
    expect(paths).toContain(`rules[${rules.length - 1}].id`);
    expect(paths).toContain(`rules[${rules.length - 1}].when.operationalModel`);
  });

  it("rejects a placeholder the rule's source does not have", () => {
    const m = clone();
    (m.rules as { why: { en: string } }[])[0]!.why.en = "Office in {town}";
    expect(errorPaths(() => parseGovernanceModel(m))).toContain("rules[0].why.en");
  });

  it("rejects a `when` field that does not belong to the source, and unknown values", () => {
    const m = clone();
    (m.rules as Record<string, unknown>[])[0]!.when = { kind: ["sister_city"] };
    (m.rules as Record<string, unknown>[])[1]!.when = { operationalModel: ["embassy"] };
    const paths = errorPaths(() => parseGovernanceModel(m));
    expect(paths.some((p) => p.startsWith("rules[0].when"))).toBe(true);
    expect(paths).toContain("rules[1].when.operationalModel[0]");
  });

  it("requires a text for every recommendation code and a label for every value", () => {
    const m = clone();
    delete (m.recommendations as Record<string, unknown>).expertise_reassigned;
    delete (m.labels as Record<string, Record<string, unknown>>).kind!.hosting;
    const paths = errorPaths(() => parseGovernanceModel(m));
    expect(paths).toContain("recommendations.expertise_reassigned");
    expect(paths).toContain("labels.kind.hosting");
  });

  it("reports unreadable and non-JSON files by path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "renkei-model-"));
    const file = join(dir, "bad.json");
    await writeFile(file, "{ nope");
    await expect(loadGovernanceModel(file)).rejects.toThrow(/not valid JSON/);
    await expect(loadGovernanceModel(join(dir, "missing.json"))).rejects.toThrow(/cannot read/);
    const edited = clone();
    edited.version = "two";
    await writeFile(file, JSON.stringify(edited));
    await expect(loadGovernanceModel(file)).rejects.toMatchObject({ errors: [{ path: "version" }] });
  });
});
