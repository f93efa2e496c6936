/**
 * @module events/scheduler/highs
 * A thin layer over the `highs` package (HiGHS compiled to WebAssembly): a row-wise builder for sparse
 * (mixed-integer) linear programs, passed to HiGHS as arrays rather than LP text so that models with
 * 100,000 variables load in milliseconds, and one `runHighs` call that returns status, values and bounds.
 */
import highsModule, { type Highs } from "highs";

// The package's types describe a CommonJS module (the loader under `.default`) while Node's ESM import
// gets the loader itself; accept either shape.
type Loader = typeof highsModule.default;
const loaderExport = highsModule as unknown as Loader | { default: Loader };
const highsLoader: Loader = typeof loaderExport === "function" ? loaderExport : loaderExport.default;

let runtime: Promise<Highs> | undefined;

/** Loads the WebAssembly runtime once per process. */
export function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

export class LinearProgramBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];

  /** Adds a column and returns its index. */
  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds `lower ≤ Σ coef·x ≤ upper`; `coefs` defaults to all ones. Empty rows are skipped. */
  addRow(columns: readonly number[], lower: number, upper: number, coefs?: readonly number[]): void {
    if (columns.length === 0) return;
    for (let k = 0; k < columns.length; k++) {
      this.indices.push(columns[k]!);
      this.values.push(coefs ? coefs[k]! : 1);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  get numCols(): number {
    return this.cost.length;
  }
}

export type RunStatus = "optimal" | "time_limit" | "infeasible" | "failed";

export interface HighsResult {
  status: RunStatus;
  /** Column values of the best solution found, when there is one. */
  values: Float64Array | undefined;
  objective: number;
  /** Best proven bound on the objective (for a maximisation, an upper bound). */
  dualBound: number;
}

export interface RunOptions {
  maximize: boolean;
  /** Solve as a MIP (integrality of the columns flagged integer) or as its LP relaxation. */
  mip: boolean;
  timeLimitMs?: number | undefined;
  /** A feasible starting solution for the MIP (all columns). */
  start?: readonly number[] | undefined;
  /** Absolute MIP gap accepted as optimal; integer objectives are exact with any value below 1. */
  mipAbsGap?: number;
}

export async function runHighs(lp: LinearProgramBuilder, options: RunOptions): Promise<HighsResult> {
  const highs = await loadHighs();
  const n = lp.numCols;
  if (n === 0) return { status: "optimal", values: new Float64Array(0), objective: 0, dualBound: 0 };
  const model = highs.createModel({
    numCols: n,
    numRows: lp.rowLower.length,
    sense: options.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: lp.cost,
    colLower: lp.lower,
    colUpper: lp.upper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: { format: "csr", numRows: lp.rowLower.length, numCols: n, starts: lp.starts, indices: lp.indices, values: lp.values },
    ...(options.mip ? { integrality: Int32Array.from(lp.integer) } : {}),
  });
  try {
    model.options.set({ output_flag: false });
    if (options.timeLimitMs !== undefined) model.options.set({ time_limit: Math.max(0.01, options.timeLimitMs / 1000) });
    if (options.mip) model.options.set({ mip_rel_gap: 0, mip_abs_gap: options.mipAbsGap ?? 0.5 });
    if (options.mip && options.start) model.setSolution({ colValue: options.start });
    const { modelStatus } = model.run();
    const codes = highs.constants.modelStatus;
    const status: RunStatus =
      modelStatus === codes.optimal ? "optimal"
      : modelStatus === codes.timeLimit || modelStatus === codes.interrupted ? "time_limit"
      : modelStatus === codes.infeasible ? "infeasible"
      : "failed";
    const hasPrimal = Number(model.info.get("primal_solution_status")) === highs.constants.solutionStatus.feasible;
    const values = hasPrimal ? model.getSolution().colValue : undefined;
    const objective = hasPrimal ? model.getObjectiveValue() : Number.NaN;
    let dualBound = objective;
    if (options.mip) dualBound = Number(model.info.get("mip_dual_bound"));
    else if (status !== "optimal") dualBound = Number.NaN;
    return { status, values, objective, dualBound };
  } finally {
    model.dispose();
  }
}
