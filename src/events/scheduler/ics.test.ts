import { describe, expect, it } from "vitest";
import { eventCalendar, escapeText, foldLine, participantCalendar } from "./ics.ts";
import { parseIcs, parseUtc, textOf } from "./ics-parse.ts";
import type { TInstance } from "./instance.ts";
import type { Meeting } from "./schedule.ts";

const instance: TInstance = {
  slots: [
    { id: "s1", start: "2026-03-10T10:00:00+07:00", end: "2026-03-10T10:20:00+07:00" },
    { id: "s2", start: "2026-03-10T10:25:00+07:00", end: "2026-03-10T10:45:00+07:00" },
  ],
  tables: ["A-1", "A-2"],
  participants: [
    { id: "p1", name: "北海道フーズ株式会社, Sapporo; 食品輸出 — a very long company name that needs folding", available: ["s1", "s2"] },
    { id: "p2", name: "Bangkok Retail\\Import", available: ["s1", "s2"] },
    { id: "p3", available: ["s2"] },
  ],
  requests: [
    { id: "r1", from: "p1", to: "p2", priority: 2 },
    { id: "r2", from: "p3", to: "p1", priority: 3 },
  ],
};
const meetings: Meeting[] = [
  { request: "r1", slot: "s1", table: 1, tableId: "A-1" },
  { request: "r2", slot: "s2", table: 2, tableId: "A-2" },
];
const options = { eventId: "thaifex-2026", eventName: "THAIFEX 2026", venue: "IMPACT, Hall 5", dtstamp: new Date("2026-02-01T00:00:00Z") };

describe("iCalendar output", () => {
  it("writes a participant agenda that parses back", () => {
    const text = participantCalendar(instance, { meetings }, "p1", options);
    const [cal] = parseIcs(text);
    expect(cal!.name).toBe("VCALENDAR");
    expect(textOf(cal!, "VERSION")).toBe("2.0");
    const events = cal!.components.filter((c) => c.name === "VEVENT");
    expect(events).toHaveLength(2);
    const first = events[0]!;
    expect(textOf(first, "UID")).toBe("thaifex-2026-r1@renkei.invalid");
    expect(parseUtc(textOf(first, "DTSTART")!).toISOString()).toBe("2026-03-10T03:00:00.000Z");
    expect(parseUtc(textOf(first, "DTEND")!).toISOString()).toBe("2026-03-10T03:20:00.000Z");
    expect(textOf(first, "DTSTAMP")).toBe("20260201T000000Z");
    expect(textOf(first, "SUMMARY")).toBe("Meeting with Bangkok Retail\\Import");
    expect(textOf(first, "LOCATION")).toBe("IMPACT, Hall 5, Table A-1");
    expect(textOf(first, "DESCRIPTION")).toBe("THAIFEX 2026\nRequest: r1\nPriority: 2");
    expect(textOf(events[1]!, "SUMMARY")).toBe("Meeting with p3");
  });

  it("writes the whole event in Japanese, escaped and folded", () => {
    const text = eventCalendar(instance, { meetings }, { ...options, lang: "ja" });
    const [cal] = parseIcs(text);
    const events = cal!.components.filter((c) => c.name === "VEVENT");
    expect(events.map((e) => textOf(e, "SUMMARY"))).toEqual([
      `商談: ${instance.participants[0]!.name} – Bangkok Retail\\Import`,
      `商談: p3 – ${instance.participants[0]!.name}`,
    ]);
    expect(textOf(events[1]!, "LOCATION")).toBe("IMPACT, Hall 5, テーブル A-2");
    expect(textOf(cal!, "X-WR-CALNAME")).toBe("THAIFEX 2026");
    // The raw text escapes the comma, semicolon and backslash in names.
    expect(text).toContain("\\, Sapporo\\; 食品輸出");
    expect(text).toContain("Retail\\\\Import");
  });

  it("follows RFC 5545 line rules: CRLF only, at most 75 octets, folds not splitting characters", () => {
    const text = eventCalendar(instance, { meetings }, options);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    // Every physical line is valid UTF-8 on its own (no character cut in half).
    for (const line of lines) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
  });

  it("folds and escapes per the RFC", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"あ".repeat(40)}`);
    const parts = folded.split("\r\n");
    expect(parts.length).toBe(2);
    expect(new TextEncoder().encode(parts[0]!).length).toBe(74); // 8 + 22×3; one more あ would be 77
    expect(parts[1]!.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"あ".repeat(40)}`);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("rejects an unknown participant and a meeting from another instance", () => {
    expect(() => participantCalendar(instance, { meetings }, "nobody", options)).toThrow(/unknown participant/);
    expect(() => eventCalendar(instance, { meetings: [{ request: "r9", slot: "s1", table: 1 }] }, options)).toThrow(/r9/);
  });

  it("the parser rejects broken nesting", () => {
    expect(() => parseIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")).toThrow(/closes VEVENT/);
    expect(() => parseIcs("BEGIN:VCALENDAR\r\n")).toThrow(/unclosed/);
  });
});
