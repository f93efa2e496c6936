/**
 * @module events/scheduler/brute-force
 * An exhaustive solver written straight from the rules, sharing no code with the real methods: the
 * reference the tests compare them with on tiny instances (it tries every slot or none for every
 * request, so keep instances to about ten requests).
 */
import type { TInstance } from "./instance.ts";

export interface BruteForceResult {
  priority: number;
  unmetParticipants: number;
  /** Slot id per request id (null = unscheduled) of one optimal schedule. */
  assignment: Map<string, string | null>;
}

export function bruteForce(instance: TInstance): BruteForceResult {
  const slots = new Map(instance.slots.map((s) => [s.id, s]));
  const baseTables = typeof instance.tables === "number" ? instance.tables : instance.tables.length;
  const people = new Map(instance.participants.map((p) => [p.id, p]));
  const clash = (a: string, b: string) => {
    const x = slots.get(a)!;
    const y = slots.get(b)!;
    return Date.parse(x.start) < Date.parse(y.end) && Date.parse(y.start) < Date.parse(x.end);
  };
  const inSlot = new Map<string, number>();
  const agenda = new Map<string, string[]>(instance.participants.map((p) => [p.id, []]));
  const choice: (string | null)[] = [];
  let best: BruteForceResult = { priority: -1, unmetParticipants: Infinity, assignment: new Map() };

  const fits = (pid: string, sid: string) => {
    const p = people.get(pid)!;
    const mine = agenda.get(pid)!;
    if (!p.available.includes(sid) || mine.some((t) => clash(t, sid))) return false;
    if (p.maxMeetings !== undefined && mine.length >= p.maxMeetings) return false;
    const session = slots.get(sid)!.session ?? "";
    const sameSession = mine.filter((t) => (slots.get(t)!.session ?? "") === session).length;
    return p.maxPerSession === undefined || sameSession < p.maxPerSession;
  };

  const visit = (i: number) => {
    if (i === instance.requests.length) {
      let priority = 0;
      const met = new Set<string>();
      instance.requests.forEach((r, k) => {
        if (choice[k] === null) return;
        priority += r.priority;
        met.add(r.from);
        met.add(r.to);
      });
      const asking = new Set(instance.requests.flatMap((r) => [r.from, r.to]));
      const unmet = [...asking].filter((p) => !met.has(p)).length;
      if (priority > best.priority || (priority === best.priority && unmet < best.unmetParticipants)) {
        best = { priority, unmetParticipants: unmet, assignment: new Map(instance.requests.map((r, k) => [r.id, choice[k]!])) };
      }
      return;
    }
    const r = instance.requests[i]!;
    const options = r.fixed ? [r.fixed.slot] : instance.slots.map((s) => s.id);
    for (const sid of options) {
      const tables = slots.get(sid)!.tables ?? baseTables;
      if ((inSlot.get(sid) ?? 0) >= tables || !fits(r.from, sid) || !fits(r.to, sid)) continue;
      inSlot.set(sid, (inSlot.get(sid) ?? 0) + 1);
      agenda.get(r.from)!.push(sid);
      agenda.get(r.to)!.push(sid);
      choice[i] = sid;
      visit(i + 1);
      agenda.get(r.from)!.pop();
      agenda.get(r.to)!.pop();
      inSlot.set(sid, inSlot.get(sid)! - 1);
    }
    if (!r.fixed) {
      choice[i] = null;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}
