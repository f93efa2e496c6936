/**
 * @module cli/cli-io
 * Shared CLI plumbing: print JSON or text, and turn errors into a readable report with exit code 2
 * for bad input (1 for anything unexpected).
 */
import { AppError } from "../core/errors.ts";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error the way a person can act on it and sets the exit code. */
export function reportCliError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const e of error.errors) {
      const where = e.row !== undefined ? `row ${e.row}${e.column ? `, column ${e.column}` : ""}` : e.path;
      const value = e.value !== undefined ? ` (value: ${JSON.stringify(e.value)})` : "";
      process.stderr.write(`  ${where}: ${e.message}${value}\n`);
    }
    process.exitCode = error.status >= 500 ? 1 : 2;
    return;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}

/** Wraps a command action so any thrown error is reported rather than crashing with a stack. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      reportCliError(error);
    }
  };
}
