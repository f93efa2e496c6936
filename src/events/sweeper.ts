/**
 * @module events/sweeper
 * Runs the events sweep on a timer inside the server (`RENKEI_SWEEP_SECONDS`, 60 by default; 0 turns it
 * off, e.g. when cron runs `renkei events sweep` instead). Runs never overlap, a failed run is logged and
 * the next one tries again, and the timer does not keep the process alive.
 */
import type { Database } from "../db/connection.ts";
import { settingError } from "../server/config.ts";
import { sweepEvents, type SweepReport } from "./sweep.service.ts";

export interface Sweeper {
  /** One sweep now (also what the timer calls); resolves when it is done. */
  runOnce(): Promise<SweepReport | null>;
  stop(): Promise<void>;
}

export function sweepInterval(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.RENKEI_SWEEP_SECONDS?.trim();
  if (!raw) return 60;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) throw settingError("RENKEI_SWEEP_SECONDS", "must be a whole number of seconds from 0 to 86400", raw);
  return seconds;
}

export function startSweeper(database: Database, seconds: number, log: (line: string) => void = console.log, now: () => Date = () => new Date()): Sweeper {
  let running: Promise<SweepReport | null> | null = null;
  const runOnce = () => {
    running ??= sweepEvents(database, now())
      .then((report) => {
        const sent = report.reminders + report.expired + report.followUps;
        if (sent) log(`Events sweep: ${report.reminders} reminders, ${report.expired} expiry notices, ${report.followUps} follow-up notices / リマインダー等を送信しました`);
        return report;
      })
      .catch((error: unknown) => {
        log(`Events sweep failed (will retry) / 送信処理に失敗しました: ${(error as Error).message}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = seconds > 0 ? setInterval(() => void runOnce(), seconds * 1000) : null;
  timer?.unref();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
