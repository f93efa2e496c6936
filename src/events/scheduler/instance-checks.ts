/**
 * @module events/scheduler/instance-checks
 * Semantic checks of a structurally valid instance. Two slots of the same room that overlap in time are an
 * error: a table cannot hold two meetings at once, and an organiser who runs parallel areas says so with
 * distinct `room` values (participants are still kept out of two overlapping slots by the solver).
 */
import type { FieldError } from "../../core/errors.ts";
import type { TInstance } from "./instance.ts";

/** Tables usable in a slot: its own count, or the event-wide count / number of table ids. */
export function slotTableCount(instance: TInstance, slotIndex: number): number {
  const base = typeof instance.tables === "number" ? instance.tables : instance.tables.length;
  return instance.slots[slotIndex]?.tables ?? base;
}

export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

function duplicates(ids: readonly string[], collection: string, what: string, errors: FieldError[]): Map<string, number> {
  const first = new Map<string, number>();
  ids.forEach((value, i) => {
    const seen = first.get(value);
    if (seen === undefined) first.set(value, i);
    else errors.push({ path: `${collection}[${i}].id`, message: `duplicate ${what} id "${value}" (also ${collection}[${seen}])`, code: "duplicate", value });
  });
  return first;
}

export function semanticErrors(instance: TInstance): FieldError[] {
  const errors: FieldError[] = [];
  const { slots, participants, requests } = instance;
  const slotIndex = duplicates(slots.map((s) => s.id), "slots", "slot", errors);
  const partIndex = duplicates(participants.map((p) => p.id), "participants", "participant", errors);
  duplicates(requests.map((r) => r.id), "requests", "request", errors);
  if (Array.isArray(instance.tables)) {
    const seen = new Map<string, number>();
    instance.tables.forEach((t, i) => {
      const j = seen.get(t);
      if (j === undefined) seen.set(t, i);
      else errors.push({ path: `tables[${i}]`, message: `duplicate table id "${t}" (also tables[${j}])`, code: "duplicate", value: t });
    });
  }

  slots.forEach((s, i) => {
    if (Date.parse(s.end) <= Date.parse(s.start)) {
      errors.push({ path: `slots[${i}].end`, message: `slot "${s.id}" ends (${s.end}) at or before it starts (${s.start})`, code: "end_before_start", value: s.end });
    }
    if (Array.isArray(instance.tables) && s.tables !== undefined && s.tables > instance.tables.length) {
      errors.push({ path: `slots[${i}].tables`, message: `slot "${s.id}" asks for ${s.tables} tables but only ${instance.tables.length} table ids are listed`, code: "too_many_tables", value: s.tables });
    }
  });
  // Sorting by room then start finds every overlapping pair in one sweep; each later slot is reported once.
  const order = slots.map((_, i) => i).filter((i) => Date.parse(slots[i]!.end) > Date.parse(slots[i]!.start));
  order.sort((a, b) => (slots[a]!.room ?? "").localeCompare(slots[b]!.room ?? "") || Date.parse(slots[a]!.start) - Date.parse(slots[b]!.start));
  let open: number | undefined;
  for (const i of order) {
    const s = slots[i]!;
    const o = open === undefined ? undefined : slots[open]!;
    if (o && (o.room ?? "") === (s.room ?? "") && overlaps(o, s)) {
      const room = s.room === undefined ? "the main room" : `room "${s.room}"`;
      errors.push({ path: `slots[${i}]`, message: `slot "${s.id}" overlaps slot "${o.id}" in ${room}; a table cannot hold both — give them different "room" values if they are in separate rooms`, code: "overlap", value: s.id });
    }
    if (!o || (o.room ?? "") !== (s.room ?? "") || Date.parse(s.end) > Date.parse(o.end)) open = i;
  }

  participants.forEach((p, i) => {
    const seen = new Set<string>();
    p.available.forEach((sid, k) => {
      if (!slotIndex.has(sid)) errors.push({ path: `participants[${i}].available[${k}]`, message: `participant "${p.id}" lists unknown slot "${sid}"`, code: "unknown_slot", value: sid });
      else if (seen.has(sid)) errors.push({ path: `participants[${i}].available[${k}]`, message: `participant "${p.id}" lists slot "${sid}" twice`, code: "duplicate", value: sid });
      seen.add(sid);
    });
  });

  const pairs = new Map<string, number>();
  requests.forEach((r, i) => {
    for (const side of ["from", "to"] as const) {
      if (!partIndex.has(r[side])) errors.push({ path: `requests[${i}].${side}`, message: `request "${r.id}" names unknown participant "${r[side]}"`, code: "unknown_participant", value: r[side] });
    }
    if (r.from === r.to) errors.push({ path: `requests[${i}].to`, message: `request "${r.id}" is a request from "${r.from}" to themself`, code: "self_request", value: r.to });
    const key = r.from < r.to ? `${r.from}\u0000${r.to}` : `${r.to}\u0000${r.from}`;
    const other = pairs.get(key);
    if (other === undefined) pairs.set(key, i);
    else if (r.from !== r.to) {
      errors.push({ path: `requests[${i}]`, message: `requests "${requests[other]!.id}" and "${r.id}" are for the same pair "${r.from}" and "${r.to}"; keep one`, code: "duplicate_pair", value: r.id });
    }
  });
  fixedErrors(instance, slotIndex, partIndex, errors);
  return errors;
}

/** Organiser-fixed meetings must be possible on their own: available parties, free tables, caps. */
function fixedErrors(instance: TInstance, slotIndex: Map<string, number>, partIndex: Map<string, number>, errors: FieldError[]): void {
  const { slots, participants, requests } = instance;
  const perSlot = new Map<number, number[]>();
  const perPart = new Map<string, number[]>();
  requests.forEach((r, i) => {
    if (!r.fixed) return;
    const s = slotIndex.get(r.fixed.slot);
    if (s === undefined) {
      errors.push({ path: `requests[${i}].fixed.slot`, message: `request "${r.id}" is fixed to unknown slot "${r.fixed.slot}"`, code: "unknown_slot", value: r.fixed.slot });
      return;
    }
    for (const pid of [r.from, r.to]) {
      const p = participants[partIndex.get(pid) ?? -1];
      if (p && !p.available.includes(r.fixed.slot)) {
        errors.push({ path: `requests[${i}].fixed.slot`, message: `request "${r.id}" is fixed to slot "${r.fixed.slot}" but participant "${pid}" is not available then`, code: "unavailable", value: r.fixed.slot });
      }
      perPart.set(pid, [...(perPart.get(pid) ?? []), i]);
    }
    const cap = slotTableCount(instance, s);
    if (r.fixed.table !== undefined && r.fixed.table > cap) {
      errors.push({ path: `requests[${i}].fixed.table`, message: `request "${r.id}" is fixed to table ${r.fixed.table} but slot "${r.fixed.slot}" has ${cap} tables`, code: "unknown_table", value: r.fixed.table });
    }
    const inSlot = perSlot.get(s) ?? [];
    const clash = r.fixed.table === undefined ? undefined : inSlot.find((j) => requests[j]!.fixed?.table === r.fixed?.table);
    if (clash !== undefined) {
      errors.push({ path: `requests[${i}].fixed.table`, message: `requests "${requests[clash]!.id}" and "${r.id}" are both fixed to table ${r.fixed.table} in slot "${r.fixed.slot}"`, code: "table_taken", value: r.fixed.table });
    }
    inSlot.push(i);
    perSlot.set(s, inSlot);
    if (inSlot.length === cap + 1) {
      errors.push({ path: `requests[${i}].fixed`, message: `slot "${r.fixed.slot}" has ${cap} tables but more fixed meetings than that`, code: "too_many_fixed", value: r.id });
    }
  });
  for (const [pid, list] of perPart) {
    const p = participants[partIndex.get(pid) ?? -1];
    if (!p) continue;
    const pi = partIndex.get(pid)!;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const ra = requests[list[a]!]!;
        const rb = requests[list[b]!]!;
        const sa = slots[slotIndex.get(ra.fixed!.slot) ?? -1];
        const sb = slots[slotIndex.get(rb.fixed!.slot) ?? -1];
        if (sa && sb && overlaps(sa, sb)) {
          errors.push({ path: `requests[${list[b]}].fixed.slot`, message: `participant "${pid}" would be in two places: fixed requests "${ra.id}" (slot "${sa.id}") and "${rb.id}" (slot "${sb.id}")`, code: "double_booked", value: rb.fixed!.slot });
        }
      }
    }
    if (p.maxMeetings !== undefined && list.length > p.maxMeetings) {
      errors.push({ path: `participants[${pi}].maxMeetings`, message: `participant "${pid}" has ${list.length} fixed meetings but maxMeetings is ${p.maxMeetings}`, code: "cap_exceeded", value: p.maxMeetings });
    }
    if (p.maxPerSession !== undefined) {
      const bySession = new Map<string, number>();
      for (const j of list) {
        const s = slots[slotIndex.get(requests[j]!.fixed!.slot) ?? -1];
        if (s) bySession.set(s.session ?? "", (bySession.get(s.session ?? "") ?? 0) + 1);
      }
      for (const [session, n] of bySession) {
        if (n > p.maxPerSession) {
          const label = session === "" ? "the event" : `session "${session}"`;
          errors.push({ path: `participants[${pi}].maxPerSession`, message: `participant "${pid}" has ${n} fixed meetings in ${label} but maxPerSession is ${p.maxPerSession}`, code: "cap_exceeded", value: p.maxPerSession });
        }
      }
    }
  }
}
