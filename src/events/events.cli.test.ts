import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerEventsCommands } from "./events.cli.ts";
import { parseIcs } from "./scheduler/ics-parse.ts";

const dir = mkdtempSync(join(tmpdir(), "renkei-events-"));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

const instance = {
  slots: [
    { id: "s1", start: "2026-03-10T10:00:00+07:00", end: "2026-03-10T10:20:00+07:00" },
    { id: "s2", start: "2026-03-10T10:25:00+07:00", end: "2026-03-10T10:45:00+07:00" },
  ],
  tables: 40,
  participants: [
    { id: "p1", available: ["s1", "s2"], maxMeetings: 6 },
    { id: "p2", available: ["s1", "s2"] },
    { id: "p3", available: ["s2"] },
  ],
  requests: [
    { id: "r1", from: "p1", to: "p2", priority: 2 },
    { id: "r2", from: "p3", to: "p1", priority: 3 },
  ],
};

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    const program = new Command("renkei").exitOverride();
    registerEventsCommands(program);
    await program.parseAsync(args, { from: "user" });
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  const code = Number(process.exitCode ?? 0);
  return { code, out: out.join(""), err: err.join("") };
}

afterEach(() => {
  process.exitCode = 0;
});

describe("renkei events schedule", () => {
  let good = "";
  beforeAll(() => {
    good = file("instance.json", instance);
  });

  it("prints the JSON contract", async () => {
    const { code, out } = await run("events", "schedule", "--instance", good, "--json");
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["meetings", "unscheduled", "objective", "bound", "optimal", "gap", "method"]);
    expect(result).toEqual({
      meetings: [{ request: "r1", slot: "s1", table: 1 }, { request: "r2", slot: "s2", table: 1 }],
      unscheduled: [],
      objective: { priority: 5, unmetParticipants: 0 },
      bound: 5,
      optimal: true,
      gap: 0,
      method: "exact",
    });
  });

  it("prints a readable grid in English or Japanese, with --method and --time-limit", async () => {
    const en = await run("events", "schedule", "--instance", good, "--method", "fast", "--time-limit", "500");
    expect(en.code).toBe(0);
    expect(en.out).toContain("method: fast");
    expect(en.out).toMatch(/s1\s+\| 10:00–10:20 \| p1–p2/);
    const ja = await run("events", "schedule", "--instance", good, "--lang", "ja");
    expect(ja.out).toContain("優先度の合計: 5");
    expect(ja.out).toContain("卓1");
  });

  it("exits 2 naming the file for a missing file or bad JSON", async () => {
    const missing = await run("events", "schedule", "--instance", join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("--instance");
    expect(missing.err).toContain("file not found");
    const broken = await run("events", "schedule", "--instance", file("broken.json", "{\"slots\": ["));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("not valid JSON");
  });

  it("exits 2 naming every invalid item", async () => {
    const bad = structuredClone(instance) as typeof instance & { slots: Record<string, unknown>[] };
    bad.slots.push({ id: "s3", start: "2026-03-10T10:10:00+07:00", end: "2026-03-10T10:30:00+07:00" });
    bad.participants[0]!.maxMeetings = -1;
    bad.requests.push({ id: "r3", from: "p2", to: "p2", priority: 1 }, { id: "r4", from: "p9", to: "p1", priority: 2 });
    const { code, err, out } = await run("events", "schedule", "--instance", file("bad.json", bad), "--json");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("participants[0].maxMeetings: maxMeetings must not be negative");
    bad.participants[0]!.maxMeetings = 2;
    const semantic = await run("events", "schedule", "--instance", file("bad2.json", bad), "--json");
    expect(semantic.code).toBe(2);
    expect(semantic.err).toContain('slots[2]: slot "s3" overlaps slot "s1"');
    expect(semantic.err).toContain('requests[2].to: request "r3" is a request from "p2" to themself');
    expect(semantic.err).toContain('requests[3].from: request "r4" names unknown participant "p9"');
  });

  it("exits 2 on a bad option value", async () => {
    expect((await run("events", "schedule", "--instance", good, "--method", "magic")).code).toBe(2);
    expect((await run("events", "schedule", "--instance", good, "--time-limit", "-5")).code).toBe(2);
  });

  it("exits 2 from a real process too", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const script = 'import {Command} from "commander"; import {registerEventsCommands} from "./src/events/events.cli.ts"; const p = new Command("renkei"); registerEventsCommands(p); await p.parseAsync(process.argv.slice(1), {from: "user"});';
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, "--", "events", "schedule", "--instance", file("self.json", { ...instance, requests: [{ id: "r1", from: "p1", to: "p1", priority: 1 }] })], { cwd: root, encoding: "utf8" });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain("requests[0].to");
  });
});

describe("renkei events reschedule and ics", () => {
  it("reschedules after a change and writes .ics agendas", async () => {
    const inst = file("inst.json", instance);
    const first = JSON.parse((await run("events", "schedule", "--instance", inst, "--json")).out) as unknown;
    const schedule = file("schedule.json", first);
    const changes = file("changes.json", [{ kind: "cancel-meeting", request: "r1" }]);
    const re = await run("events", "reschedule", "--instance", inst, "--schedule", schedule, "--changes", changes, "--json");
    expect(re.code).toBe(0);
    const body = JSON.parse(re.out) as { result: { meetings: unknown[]; moves: number }; instance: { requests: unknown[] } };
    expect(body.result.meetings).toEqual([{ request: "r2", slot: "s2", table: 1 }]);
    expect(body.result.moves).toBe(0);
    expect(body.instance.requests).toHaveLength(1);

    const ics = await run("events", "ics", "--instance", inst, "--schedule", schedule, "--event-id", "fair-1", "--participant", "p1", "--lang", "ja");
    expect(ics.code).toBe(0);
    const events = parseIcs(ics.out)[0]!.components.filter((c) => c.name === "VEVENT");
    expect(events).toHaveLength(2);
    const unknown = await run("events", "ics", "--instance", inst, "--schedule", schedule, "--event-id", "fair-1", "--participant", "zz");
    expect(unknown.code).toBe(2);
    const misfit = await run("events", "ics", "--instance", inst, "--schedule", file("misfit.json", { meetings: [{ request: "r1", slot: "s9", table: 1 }] }), "--event-id", "x");
    expect(misfit.code).toBe(2);
    expect(misfit.err).toContain('unknown slot "s9"');
    const badChange = await run("events", "reschedule", "--instance", inst, "--schedule", schedule, "--changes", file("c2.json", [{ kind: "remove-slot", slot: "zz" }]));
    expect(badChange.code).toBe(2);
    expect(badChange.err).toContain("changes[0].slot");
  });
});
