/**
 * @module events/events.cli
 * `renkei events …`: schedule 1:1 meetings from an instance file, reschedule after changes, and write
 * iCalendar agendas; import an event's participants into the configured database; run the reminders sweep. Bad files and invalid
 * instances are reported item by item and exit 2.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { action, printJson } from "../cli/cli-io.ts";
import { AppError } from "../core/errors.ts";
import { scheduleErrors } from "./scheduler/check.ts";
import { compile } from "./scheduler/model.ts";
import { registerParticipantImport } from "./participants-import.cli.ts";
import { registerSweepCommand } from "./sweep.cli.ts";
import { eventCalendar, participantCalendar, type Lang } from "./scheduler/ics.ts";
import { parseInstance, type TInstance } from "./scheduler/instance.ts";
import { reschedule } from "./scheduler/reschedule.ts";
import type { ScheduleResult } from "./scheduler/schedule.ts";
import { solve, type SolveMethod } from "./scheduler/solve.ts";
import { z } from "zod";

const L = {
  title: { en: "Meeting schedule", ja: "商談スケジュール" },
  method: { en: "method", ja: "方式" },
  optimal: { en: "proven optimal", ja: "最適性を証明済み" },
  notOptimal: { en: "not proven optimal", ja: "最適性は未証明" },
  priority: { en: "total priority", ja: "優先度の合計" },
  bound: { en: "bound", ja: "上界" },
  gap: { en: "gap", ja: "ギャップ" },
  unmet: { en: "participants without a meeting", ja: "商談のない参加者" },
  unscheduled: { en: "unscheduled requests", ja: "未割当のリクエスト" },
  slot: { en: "slot", ja: "枠" },
  time: { en: "time", ja: "時間" },
  table: { en: "T", ja: "卓" },
  moves: { en: "meetings moved or dropped", ja: "移動・取消された商談" },
} as const;

export async function readJsonFile(file: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new AppError("validation_failed", `cannot read ${option} ${file}: ${reason}`, [{ path: option, message: reason, value: file }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = `not valid JSON: ${(error as Error).message}`;
    throw new AppError("malformed_request", `${option} ${file} is ${reason}`, [{ path: option, message: reason, value: file }]);
  }
}

function parseMethod(value: string | undefined): SolveMethod {
  const v = value ?? "auto";
  if (v === "auto" || v === "exact" || v === "fast") return v;
  throw new AppError("validation_failed", `--method must be auto, exact or fast`, [{ path: "--method", message: "must be auto, exact or fast", value: v }]);
}

function parseTimeLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError("validation_failed", "--time-limit must be a positive number of milliseconds", [{ path: "--time-limit", message: "must be a positive whole number of milliseconds", value }]);
  return n;
}

function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "en" || value === "ja") return value ?? "en";
  throw new AppError("validation_failed", "--lang must be ja or en", [{ path: "--lang", message: "must be ja or en", value }]);
}

/** Terminal columns: East Asian wide characters take two. */
function displayWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** A slots × tables grid, one row per slot, cells "from·to". */
export function renderGrid(instance: TInstance, result: ScheduleResult, lang: Lang): string {
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const tables = Math.max(0, ...result.meetings.map((m) => m.table));
  const header = [L.slot[lang], L.time[lang], ...Array.from({ length: tables }, (_, i) => `${L.table[lang]}${i + 1}`)];
  const rows = instance.slots.map((s) => {
    const cells = Array.from({ length: tables }, () => "·");
    for (const m of result.meetings) {
      if (m.slot !== s.id) continue;
      const r = requests.get(m.request);
      cells[m.table - 1] = r ? `${r.from}–${r.to}` : m.request;
    }
    return [s.id, `${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`, ...cells];
  });
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cols: string[]) => cols.map((c, i) => pad(c, widths[i]!)).join(" | ").trimEnd();
  const status = result.optimal ? L.optimal[lang] : L.notOptimal[lang];
  const summary = [
    `${L.title[lang]} — ${L.method[lang]}: ${result.method}, ${status}`,
    `${L.priority[lang]}: ${result.objective.priority} (${L.bound[lang]} ${result.bound}, ${L.gap[lang]} ${(result.gap * 100).toFixed(2)} %)`,
    `${L.unmet[lang]}: ${result.objective.unmetParticipants} · ${L.unscheduled[lang]}: ${result.unscheduled.length}`,
  ];
  return [...summary, "", line(header), widths.map((w) => "-".repeat(w)).join("-+-"), ...rows.map(line)].join("\n") + "\n";
}

const ZScheduleFile = z.object({
  meetings: z.array(z.object({ request: z.string(), slot: z.string(), table: z.number() })),
});

async function readSchedule(file: string): Promise<z.infer<typeof ZScheduleFile>> {
  const parsed = ZScheduleFile.safeParse(await readJsonFile(file, "--schedule"));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: `--schedule ${i.path.join(".")}`, message: i.message }));
    throw new AppError("validation_failed", `--schedule ${file} is not a schedule`, errors);
  }
  return parsed.data;
}

export function registerEventsCommands(program: Command): void {
  const events = program.command("events").description("Trade fairs and business missions: 1:1 meeting scheduling / 商談会のスケジューリング");

  events
    .command("schedule")
    .description("Schedule 1:1 meetings: maximise total priority, then give as many participants a meeting as possible")
    .requiredOption("--instance <file>", "instance JSON (slots, tables, participants, requests)")
    .option("--json", "print the result as JSON")
    .option("--method <method>", "auto | exact | fast", "auto")
    .option("--time-limit <ms>", "time budget in milliseconds")
    .option("--lang <lang>", "ja | en for the grid", "en")
    .action(action(async (o: { instance: string; json?: boolean; method?: string; timeLimit?: string; lang?: string }) => {
      const method = parseMethod(o.method);
      const timeLimitMs = parseTimeLimit(o.timeLimit);
      const lang = parseLang(o.lang);
      const instance = parseInstance(await readJsonFile(o.instance, "--instance"));
      const result = await solve(instance, { method, ...(timeLimitMs ? { timeLimitMs } : {}) });
      if (o.json) printJson(result);
      else process.stdout.write(renderGrid(instance, result, lang));
    }));

  events
    .command("reschedule")
    .description("Reschedule after changes, moving as few existing meetings as possible")
    .requiredOption("--instance <file>", "instance JSON the schedule was made for")
    .requiredOption("--schedule <file>", "the current schedule (JSON with meetings)")
    .requiredOption("--changes <file>", "JSON array of changes (cancel-meeting, withdraw-participant, remove-slot, add-request, unavailable)")
    .option("--json", "print the result (and the changed instance) as JSON")
    .option("--method <method>", "auto | exact | fast", "auto")
    .option("--time-limit <ms>", "time budget in milliseconds")
    .option("--pin-existing", "keep every surviving meeting where it is")
    .option("--lang <lang>", "ja | en for the grid", "en")
    .action(action(async (o: { instance: string; schedule: string; changes: string; json?: boolean; method?: string; timeLimit?: string; pinExisting?: boolean; lang?: string }) => {
      const method = parseMethod(o.method);
      const timeLimitMs = parseTimeLimit(o.timeLimit);
      const lang = parseLang(o.lang);
      const instanceInput = await readJsonFile(o.instance, "--instance");
      const schedule = await readSchedule(o.schedule);
      const changes = await readJsonFile(o.changes, "--changes");
      const { instance, result } = await reschedule(instanceInput, schedule, changes, {
        method,
        pinExisting: Boolean(o.pinExisting),
        ...(timeLimitMs ? { timeLimitMs } : {}),
      });
      if (o.json) printJson({ result, instance });
      else process.stdout.write(`${renderGrid(instance, result, lang)}${L.moves[lang]}: ${result.moves}\n`);
    }));

  events
    .command("ics")
    .description("Write an iCalendar (.ics) agenda for one participant, or for the whole event")
    .requiredOption("--instance <file>", "instance JSON")
    .requiredOption("--schedule <file>", "schedule JSON (the output of `events schedule --json`)")
    .requiredOption("--event-id <id>", "stable id of the event, used in every UID")
    .option("--participant <id>", "only this participant's meetings")
    .option("--event-name <name>", "event name shown in the calendar")
    .option("--venue <venue>", "venue, prefixed to each table")
    .option("--lang <lang>", "ja | en", "en")
    .action(action(async (o: { instance: string; schedule: string; eventId: string; participant?: string; eventName?: string; venue?: string; lang?: string }) => {
      const lang = parseLang(o.lang);
      const instance = parseInstance(await readJsonFile(o.instance, "--instance"));
      const schedule = await readSchedule(o.schedule);
      const errors = scheduleErrors(compile(instance), schedule.meetings).map((e) => ({ ...e, path: `--schedule ${e.path}` }));
      if (errors.length > 0) throw new AppError("validation_failed", `--schedule ${o.schedule} does not fit the instance`, errors);
      const options = { eventId: o.eventId, lang, ...(o.eventName ? { eventName: o.eventName } : {}), ...(o.venue ? { venue: o.venue } : {}) };
      if (o.participant !== undefined && !instance.participants.some((p) => p.id === o.participant)) {
        throw new AppError("validation_failed", `unknown participant "${o.participant}"`, [{ path: "--participant", message: "unknown participant", value: o.participant }]);
      }
      process.stdout.write(o.participant !== undefined ? participantCalendar(instance, schedule, o.participant, options) : eventCalendar(instance, schedule, options));
    }));

  registerParticipantImport(events);
  registerSweepCommand(events);
}
