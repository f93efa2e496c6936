/**
 * @module governance/model-file
 * Reads the governance model file from disk (the shipped `data/governance-model.v1.json` by default, or an
 * evaluator's edited copy) and validates it, so a bad edit fails at load with the field that is wrong.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { AppError } from "../core/errors.ts";
import { parseGovernanceModel, type TGovernanceModel } from "./model.ts";

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../data/governance-model.v1.json", import.meta.url));

/** Loads and validates a model file; errors are `AppError("validation_failed")` naming the file and field. */
export async function loadGovernanceModel(path: string = DEFAULT_MODEL_PATH): Promise<TGovernanceModel> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `cannot read governance model ${path}: ${reason}`, [{ path, message: `cannot read file: ${reason}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `governance model ${path} is not valid JSON: ${reason}`, [{ path, message: `not valid JSON: ${reason}` }]);
  }
  return parseGovernanceModel(raw, `governance model ${path}`);
}
