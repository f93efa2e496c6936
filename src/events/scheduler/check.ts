/**
 * @module events/scheduler/check
 * Checks a schedule against its instance — the rules every method must keep, and what the organiser
 * grid re-validates after a drag-to-move: known request and slot, both parties available, nobody in two
 * overlapping slots, one meeting per table, tables that exist, caps per event and per session, and
 * organiser-fixed meetings where they were fixed. Every violation names the meeting.
 */
import type { FieldError } from "../../core/errors.ts";
import type { Model } from "./model.ts";

export interface MeetingInput {
  request: string;
  slot: string;
  table: number;
}

export function scheduleErrors(m: Model, meetings: readonly MeetingInput[]): FieldError[] {
  const errors: FieldError[] = [];
  const slotIndex = new Map(m.slotIds.map((id, i) => [id, i]));
  const seenRequest = new Map<number, number>();
  const tableAt = new Map<string, number>();
  const busy = new Map<number, { slot: number; meeting: number }[]>();
  const load = new Int32Array(m.nP);
  const sessLoad = new Int32Array(m.nP * m.nSessions);

  meetings.forEach((mt, i) => {
    const at = `meetings[${i}]`;
    const r = m.reqIndex.get(mt.request);
    const s = slotIndex.get(mt.slot);
    if (r === undefined) errors.push({ path: `${at}.request`, message: `unknown request "${mt.request}"`, code: "unknown_request", value: mt.request });
    if (s === undefined) errors.push({ path: `${at}.slot`, message: `unknown slot "${mt.slot}"`, code: "unknown_slot", value: mt.slot });
    if (r === undefined || s === undefined) return;
    const first = seenRequest.get(r);
    if (first !== undefined) {
      errors.push({ path: `${at}.request`, message: `request "${mt.request}" is scheduled twice (also meetings[${first}])`, code: "duplicate", value: mt.request });
      return;
    }
    seenRequest.set(r, i);
    if (m.fixedSlot[r]! >= 0 && m.fixedSlot[r] !== s) {
      errors.push({ path: `${at}.slot`, message: `request "${mt.request}" is fixed by the organiser to slot "${m.slotIds[m.fixedSlot[r]!]}"`, code: "fixed", value: mt.slot });
    }
    if (m.fixedTable[r]! > 0 && m.fixedSlot[r] === s && m.fixedTable[r] !== mt.table) {
      errors.push({ path: `${at}.table`, message: `request "${mt.request}" is fixed by the organiser to table ${m.fixedTable[r]}`, code: "fixed", value: mt.table });
    }
    if (!Number.isInteger(mt.table) || mt.table < 1 || mt.table > m.tableCap[s]!) {
      errors.push({ path: `${at}.table`, message: `slot "${mt.slot}" has tables 1–${m.tableCap[s]}, not ${mt.table}`, code: "unknown_table", value: mt.table });
    } else {
      const key = `${s}:${mt.table}`;
      const other = tableAt.get(key);
      if (other !== undefined) {
        errors.push({ path: `${at}.table`, message: `table ${mt.table} in slot "${mt.slot}" already holds meetings[${other}] (request "${meetings[other]!.request}")`, code: "table_taken", value: mt.table });
      } else tableAt.set(key, i);
    }
    for (const p of [m.from[r]!, m.to[r]!]) {
      const pid = m.partIds[p]!;
      if (!m.available[p * m.nS + s]) {
        errors.push({ path: `${at}.slot`, message: `participant "${pid}" is not available in slot "${mt.slot}"`, code: "unavailable", value: mt.slot });
      }
      const mine = busy.get(p) ?? [];
      const clash = mine.find((b) => m.overlapping[s]!.includes(b.slot));
      if (clash) {
        errors.push({ path: `${at}.slot`, message: `participant "${pid}" would be in two places: meetings[${clash.meeting}] (slot "${m.slotIds[clash.slot]}") and this one (slot "${mt.slot}")`, code: "double_booked", value: mt.slot });
      }
      mine.push({ slot: s, meeting: i });
      busy.set(p, mine);
      load[p]!++;
      if (load[p] === m.cap[p]! + 1) {
        errors.push({ path: `${at}.request`, message: `participant "${pid}" has more than maxMeetings (${m.cap[p]}) meetings`, code: "cap_exceeded", value: mt.request });
      }
      const k = p * m.nSessions + m.sessionOf[s]!;
      sessLoad[k]!++;
      if (sessLoad[k] === m.sessionCap[p]! + 1) {
        errors.push({ path: `${at}.request`, message: `participant "${pid}" has more than maxPerSession (${m.sessionCap[p]}) meetings in this session`, code: "cap_exceeded", value: mt.request });
      }
    }
  });
  for (let r = 0; r < m.nR; r++) {
    if (m.fixedSlot[r]! >= 0 && !seenRequest.has(r)) {
      errors.push({ path: "meetings", message: `organiser-fixed request "${m.reqIds[r]}" is missing`, code: "fixed_missing", value: m.reqIds[r] });
    }
  }
  return errors;
}

/** Slot per request (-1 when absent) from a checked meeting list. */
export function slotsFromMeetings(m: Model, meetings: readonly MeetingInput[]): { slotOf: Int32Array; table: Int32Array } {
  const slotIndex = new Map(m.slotIds.map((id, i) => [id, i]));
  const slotOf = new Int32Array(m.nR).fill(-1);
  const table = new Int32Array(m.nR);
  for (const mt of meetings) {
    const r = m.reqIndex.get(mt.request);
    const s = slotIndex.get(mt.slot);
    if (r === undefined || s === undefined) continue;
    slotOf[r] = s;
    table[r] = mt.table;
  }
  return { slotOf, table };
}
