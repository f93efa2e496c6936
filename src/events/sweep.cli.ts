/**
 * @module events/sweep.cli
 * `renkei events sweep [--as-of ISO] [--event ID] [--json]`: one run of the reminders / expiry / follow-up
 * sweep against the configured database — for cron when the server runs with RENKEI_SWEEP_SECONDS=0, or to
 * catch up after the server was down (notices are sent once, whenever the sweep runs).
 */
import type { Command } from "commander";
import { z } from "zod";
import { action, printJson } from "../cli/cli-io.ts";
import { withDatabase } from "../cli/with-database.ts";
import { AppError } from "../core/errors.ts";
import { sweepEvents } from "./sweep.service.ts";

const ZSweepOptions = z.strictObject({
  asOf: z.iso.datetime({ offset: true, error: "must be an ISO date-time with an offset, e.g. 2026-03-10T09:00:00+07:00" }).optional(),
  event: z.array(z.uuid({ error: "must be an event id (UUID)" })).optional(),
  json: z.boolean().optional(),
});

export function registerSweepCommand(events: Command): void {
  events
    .command("sweep")
    .description("Send due request reminders, expiry notices and follow-up survey notices / リマインダー・期限切れ・アンケートのお知らせを送信")
    .option("--as-of <datetime>", "the time to sweep as of (default: now)")
    .option("--event <id...>", "only these events")
    .option("--json", "print the report as JSON")
    .action(
      action(async (raw: { asOf?: string; event?: string[]; json?: boolean }) => {
        const parsed = ZSweepOptions.safeParse(raw);
        if (!parsed.success) {
          const errors = parsed.error.issues.map((i) => ({ path: `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, message: i.message, value: raw[i.path[0] as keyof typeof raw] }));
          throw new AppError("validation_failed", `invalid options: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}`, errors);
        }
        const o = parsed.data;
        const report = await withDatabase((database) => sweepEvents(database, o.asOf ? new Date(o.asOf) : new Date(), o.event));
        if (o.json) return printJson(report);
        console.log(`Swept ${report.events} events as of ${report.asOf} / ${report.events} 件の催事を処理しました`);
        console.log(`  reminders / リマインダー: ${report.reminders}`);
        console.log(`  expiry notices / 期限切れのお知らせ: ${report.expired}`);
        console.log(`  follow-up notices / アンケートのお知らせ: ${report.followUps}`);
        for (const e of report.byEvent) console.log(`  ${e.nameJa} / ${e.nameEn}: ${e.reminders} · ${e.expired} · ${e.followUps}`);
      }),
    );
}
