/**
 * @module events/scheduler/random-instance
 * A seeded PRNG and a generator of realistic scheduling instances (uneven popularity, partial
 * availability, caps, sessions), shared by the property tests and the benchmark so both are
 * reproducible from a seed.
 */
import { seededRandom } from "../../core/random.ts";
import type { TInstance, TParticipant, TRequest, TSlot } from "./instance.ts";

/** The seeded generator (mulberry32) the property tests and the benchmark share. */
export const prng = seededRandom;

export interface GenerateOptions {
  seed: number;
  participants: number;
  slots: number;
  tables: number;
  requests: number;
  /** Share of slots each participant is available in, drawn uniformly from this range. */
  availability?: [number, number];
  /** maxMeetings drawn uniformly from this integer range; undefined leaves participants uncapped. */
  maxMeetings?: [number, number] | undefined;
  /** Relative weights of priorities 1, 2 and 3. */
  priorityWeights?: [number, number, number];
  /** Popularity skew: the chance a request goes to the top 20 % of participants. */
  popularShare?: number;
  /** Slots per session (sessions get per-session caps when maxPerSession is set). */
  slotsPerSession?: number;
  maxPerSession?: number;
  /** Parallel rooms: each time slot exists once per room, with its own tables. */
  rooms?: number;
}

const BASE = Date.parse("2026-03-10T03:00:00Z");

function iso(ms: number): string {
  // Written in the venue's offset (+07:00), as an organiser in Bangkok would.
  const local = new Date(ms + 7 * 3600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
}

export function generateInstance(o: GenerateOptions): TInstance {
  const rand = prng(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const perSession = o.slotsPerSession ?? o.slots;
  const slots: TSlot[] = [];
  for (let i = 0; i < o.slots; i++) {
    const session = Math.floor(i / perSession);
    // 20-minute meetings, 5 minutes apart, with a 60-minute break between sessions.
    const start = BASE + i * 25 * 60_000 + session * 60 * 60_000;
    for (let room = 0; room < (o.rooms ?? 1); room++) {
      const slot: TSlot = { id: room === 0 ? `s${i + 1}` : `s${i + 1}-room${room + 1}`, start: iso(start), end: iso(start + 20 * 60_000) };
      if (o.rooms && o.rooms > 1) slot.room = `room${room + 1}`;
      if (o.slotsPerSession) slot.session = `session-${session + 1}`;
      slots.push(slot);
    }
  }
  const [aLo, aHi] = o.availability ?? [0.6, 1];
  const participants: TParticipant[] = [];
  for (let i = 0; i < o.participants; i++) {
    const share = aLo + rand() * (aHi - aLo);
    const available = slots.filter(() => rand() < share).map((s) => s.id);
    const p: TParticipant = { id: `p${i + 1}`, available };
    if (o.maxMeetings) p.maxMeetings = int(o.maxMeetings[0], o.maxMeetings[1]);
    if (o.maxPerSession !== undefined) p.maxPerSession = o.maxPerSession;
    participants.push(p);
  }
  const weights = o.priorityWeights ?? [0.5, 0.3, 0.2];
  const total = weights[0] + weights[1] + weights[2];
  const popular = Math.max(1, Math.floor(o.participants * 0.2));
  const popularShare = o.popularShare ?? 0.4;
  const maxPairs = (o.participants * (o.participants - 1)) / 2;
  const target = Math.min(o.requests, maxPairs);
  const pairs = new Set<number>();
  const requests: TRequest[] = [];
  while (requests.length < target) {
    const a = int(0, o.participants - 1);
    const b = rand() < popularShare ? int(0, popular - 1) : int(0, o.participants - 1);
    if (a === b) continue;
    const key = Math.min(a, b) * o.participants + Math.max(a, b);
    if (pairs.has(key)) continue;
    pairs.add(key);
    const w = rand() * total;
    const priority = w < weights[0] ? 1 : w < weights[0] + weights[1] ? 2 : 3;
    requests.push({ id: `r${requests.length + 1}`, from: `p${a + 1}`, to: `p${b + 1}`, priority });
  }
  return { slots, tables: o.tables, participants, requests };
}
