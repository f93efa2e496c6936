import { describe, it, expect } from "vitest";
import { AppError, type FieldError } from "../../core/errors.ts";
import { graphFromCsv, parseEdgesCsv, parseNodesCsv } from "./graph-csv.ts";

const brief = (errors: FieldError[]) => errors.map((e) => [e.row, e.column ?? null, e.value ?? null]);

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("edges.csv", () => {
  it("reads source, target, optional weight, kind and purposes; header case and spaces are ignored", () => {
    const { edges, errors } = parseEdgesCsv(
      "\uFEFFSource, Target ,weight,kind,purpose\nfukuoka,busan,2.5,sister_city,cultural; economic\n\n kobe ,seattle,,,\n",
    );
    expect(errors).toEqual([]);
    expect(edges).toEqual([
      { source: "fukuoka", target: "busan", weight: 2.5, kind: "sister_city", purposes: ["cultural", "economic"] },
      { source: "kobe", target: "seattle" },
    ]);
  });

  it("reports every bad row at once with row, column, value and reason", () => {
    const text = [
      "source,target,weight",
      "a,b,1", // row 2 fine
      ",b,1", // row 3 empty source
      "a,b,heavy", // row 4 not a number
      "a,b,-2", // row 5 negative
      "a,a,1", // row 6 self-loop
      "a,b,0", // row 7 zero
      "a,b,1,extra", // row 8 too many fields
      '"multi', 'line",b,1e999', // rows 9-10: infinite weight, reported at the record's first line
    ].join("\n");
    const { edges, errors } = parseEdgesCsv(text);
    expect(edges).toHaveLength(1);
    expect(brief(errors)).toEqual([
      [3, "source", ""],
      [4, "weight", "heavy"],
      [5, "weight", "-2"],
      [6, "target", "a"],
      [7, "weight", "0"],
      [8, null, "extra"],
      [9, "weight", "1e999"],
    ]);
    expect(errors[0]!.message).toBe("edges.csv: source is empty");
    expect(errors[2]!.message).toMatch(/negative/);
    expect(errors[3]!.message).toMatch(/self-loop/);
  });

  it("requires a header with source and target and rejects unknown or repeated columns", () => {
    expect(brief(parseEdgesCsv("").errors)).toEqual([[1, null, null]]);
    expect(parseEdgesCsv("a,b\nc,d\n").errors.map((e) => e.column)).toEqual(["a", "b", "source", "target"]);
    expect(parseEdgesCsv("source,target,wieght\n").errors[0]!.message).toMatch(/unknown column/);
    expect(parseEdgesCsv("source,target,source\n").errors[0]!.message).toMatch(/twice/);
  });

  it("reports malformed CSV with its line", () => {
    const { errors } = parseEdgesCsv('source,target\na,"b\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/not valid CSV/);
  });

  it("checks edges against the nodes file when one is given", () => {
    const { errors } = parseEdgesCsv("source,target\na,b\na,zz\n", { knownNodes: new Set(["a", "b"]) });
    expect(brief(errors)).toEqual([[3, "target", "zz"]]);
    expect(errors[0]!.message).toMatch(/not in the nodes file/);
  });
});

describe("nodes.csv", () => {
  it("reads id, group and label; group and label may be empty", () => {
    const { nodes, errors } = parseNodesCsv("id,group,label\nfukuoka,JP,Fukuoka City\nc40,,\n");
    expect(errors).toEqual([]);
    expect(nodes).toEqual([
      { id: "fukuoka", group: "JP", label: "Fukuoka City" },
      { id: "c40", group: null, label: null },
    ]);
  });

  it("reports empty and duplicate ids", () => {
    const { errors } = parseNodesCsv("id,group\na,JP\n,JP\na,KR\n");
    expect(brief(errors)).toEqual([
      [3, "id", ""],
      [4, "id", "a"],
    ]);
    expect(errors[1]!.message).toMatch(/first at row 2/);
  });
});

describe("graphFromCsv", () => {
  it("builds the graph from both files", () => {
    const g = graphFromCsv({ edgesCsv: "source,target\na,b\n", nodesCsv: "id,group\na,X\nb,Y\nc,Y\n", directed: true });
    expect(g.ids).toEqual(["a", "b", "c"]);
    expect(g.directed).toBe(true);
  });

  it("throws one validation error naming the problems of both files", () => {
    const error = thrown(() =>
      graphFromCsv({ edgesCsv: "source,target,weight\na,b,x\n", nodesCsv: "id\na\na\n", nodesFile: "n.csv" }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/n\.csv: 1; edges\.csv: 1/);
    expect(error.errors.map((e) => e.path)).toEqual(["n.csv row 3, column id", "edges.csv row 2, column weight"]);
  });
});
