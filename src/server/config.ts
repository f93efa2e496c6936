/**
 * @module server/config
 * Settings from the environment: PORT (3000), HOST (0.0.0.0), RENKEI_DATA_DIR (./data; the embedded
 * database lives in its pglite/ folder) and DATABASE_URL (postgres://… to use a server instead).
 */
import { resolve } from "node:path";
import { AppError } from "../core/errors.ts";
import { openDatabase, type Database } from "../db/connection.ts";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw settingError("PORT", "must be a port number (0–65535)", env.PORT);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw settingError("DATABASE_URL", "must start with postgres:// or postgresql://", databaseUrl.replace(/:[^:@/]*@/, ":***@"));
  return { port, host: env.HOST ?? "0.0.0.0", dataDir: resolve(env.RENKEI_DATA_DIR ?? "data"), databaseUrl };
}

/** A bad environment setting: the CLI prints it without a stack trace and exits 2. */
export function settingError(name: string, reason: string, value: string | undefined): AppError {
  return new AppError("validation_failed", `${name} ${reason}, got ${JSON.stringify(value)}`, [{ path: name, message: reason, value }]);
}

export function describeDatabase(config: Config): string {
  return config.databaseUrl ? `PostgreSQL at ${config.databaseUrl.replace(/:[^:@/]*@/, ":***@")}` : `embedded PGlite in ${config.dataDir}/pglite`;
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openDatabase({ url: config.databaseUrl }) : openDatabase({ dataDir: `${config.dataDir}/pglite` });
}
