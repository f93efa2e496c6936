/**
 * @module networks/graph.cli
 * `renkei graph metrics` and `renkei graph export`: the network analytics on CSV files, as documented
 * in docs/networks.md. Reads the files, hands their text to the pure readers, prints or writes.
 * Bad files end with row-level errors and exit code 2 (through `action`).
 */
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { action, printJson } from "../cli/cli-io.ts";
import { LOCALES, type Locale } from "../core/domain.ts";
import { AppError } from "../core/errors.ts";
import { toEdgesCsv, toNodesCsv } from "./export/csv.ts";
import { toGexf } from "./export/gexf.ts";
import { toGraphml } from "./export/graphml.ts";
import { graphMetrics } from "./graph/metrics.ts";
import { graphFromCsv } from "./io/graph-csv.ts";
import { formatGraphReport } from "./graph-report.ts";
import type { ExportInput } from "./export/attributes.ts";

const EXPORT_FORMATS = {
  graphml: toGraphml,
  gexf: toGexf,
  csv: toNodesCsv,
  "edges-csv": toEdgesCsv,
} satisfies Record<string, (input: ExportInput) => string>;
type ExportFormat = keyof typeof EXPORT_FORMATS;

const PATH_WEIGHTS = ["hops", "distance"] as const;

interface GraphInputOptions {
  edges: string;
  nodes?: string;
  directed?: boolean;
  pathWeights: string;
}

async function readText(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new AppError("validation_failed", `cannot read ${flag} ${path}: ${reason}`, [
      { path: flag, message: reason, value: path },
    ]);
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError("validation_failed", `${flag} must be one of ${allowed.join(", ")}`, [
    { path: flag, message: `must be one of ${allowed.join(", ")}`, value },
  ]);
}

async function load(options: GraphInputOptions): Promise<ExportInput> {
  const pathWeights = oneOf(options.pathWeights, PATH_WEIGHTS, "--path-weights");
  const edgesCsv = await readText(options.edges, "--edges");
  const nodesCsv = options.nodes === undefined ? undefined : await readText(options.nodes, "--nodes");
  const graph = graphFromCsv({
    edgesCsv,
    nodesCsv,
    directed: options.directed ?? false,
    edgesFile: options.edges,
    nodesFile: options.nodes,
  });
  return { graph, metrics: graphMetrics(graph, { pathWeights }) };
}

function withGraphInput(command: Command): Command {
  return command
    .requiredOption("--edges <file>", "edges.csv: source,target[,weight][,kind][,purpose] with a header row")
    .option("--nodes <file>", "nodes.csv: id[,group][,label]; fixes the node set (edges must use these ids)")
    .option("--directed", "keep edge direction (source = tie initiator); undirected by default")
    .option("--path-weights <mode>", "shortest paths in hops, or with weights as distances: hops|distance", "hops");
}

export function registerGraphCommands(program: Command): void {
  const graph = program
    .command("graph")
    .description("network analytics on tie files: centrality, brokerage, pipelines, GraphML/GEXF export (ネットワーク分析)");

  withGraphInput(graph.command("metrics"))
    .description("degree, weighted degree, closeness, betweenness and brokerage per node; pipelines between groups")
    .option("--json", "print JSON instead of tables")
    .option("--lang <locale>", "table labels: ja|en", "en")
    .action(
      action(async (options: GraphInputOptions & { json?: boolean; lang: string }) => {
        const locale = oneOf<Locale>(options.lang, LOCALES, "--lang");
        const { metrics } = await load(options);
        if (options.json) printJson(metrics);
        else process.stdout.write(formatGraphReport(metrics, locale));
      }),
    );

  withGraphInput(graph.command("export"))
    .description("write the graph with its metrics as GraphML, GEXF, a node CSV or an edge CSV")
    .requiredOption("--format <format>", `one of ${Object.keys(EXPORT_FORMATS).join("|")}`)
    .option("--out <file>", "write to this file instead of standard output")
    .action(
      action(async (options: GraphInputOptions & { format: string; out?: string }) => {
        const format = oneOf(options.format, Object.keys(EXPORT_FORMATS) as ExportFormat[], "--format");
        const input = await load(options);
        const text = EXPORT_FORMATS[format](input);
        if (options.out === undefined) {
          process.stdout.write(text);
          return;
        }
        await writeFile(options.out, text, "utf8");
        process.stdout.write(
          `${format}: ${input.graph.ids.length} nodes, ${input.graph.edges.length} edges → ${options.out}\n`,
        );
      }),
    );
}
