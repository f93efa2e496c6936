/**
 * @module events/suggestions.service
 * Match suggestions for a participant, from the matchmaking engine (src/matchmaking/engine) run over the
 * event's approved participants: what a participant offers (its `offer` text, and its HS codes unless it
 * is a buyer) is indexed as a company profile, what it seeks (`seek`, and a buyer's HS codes) as a
 * buyer request, with the event's country as the companies' target market. A participant is suggested
 * those who offer what it seeks and those who seek what it offers, best first, with the engine's reasons.
 * The HS nomenclature and glossary are loaded once per process.
 */
import { and, eq, gt, ne, or } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/connection.ts";
import { createMatchEngine, type MatchEngine } from "../matchmaking/engine/engine.ts";
import { loadGlossary, type Glossary } from "../matchmaking/engine/glossary.ts";
import { loadHsNomenclature, type HsNomenclature } from "../matchmaking/engine/hs.ts";
import type { Match } from "../matchmaking/engine/types.ts";
import { loadEvent, loadParticipant, type ParticipantRow } from "./event-access.ts";
import { eventMeetingRequests, eventMeetings, eventParticipants } from "./events.table.ts";
import type { ParticipantType } from "./vocabulary.ts";

let shared: { hs: HsNomenclature; glossary: Glossary } | null = null;

function engine(): MatchEngine {
  shared ??= { hs: loadHsNomenclature(), glossary: loadGlossary() };
  return createMatchEngine(shared);
}

const offerCodes = (p: ParticipantRow) => (p.participantType === "buyer" ? [] : p.hsCodes);
const seekCodes = (p: ParticipantRow) => (p.participantType === "buyer" ? p.hsCodes : []);

/** Indexes each participant's offer and request; a profile the engine rejects (e.g. an unknown HS code) is left out. */
function index(e: MatchEngine, people: ParticipantRow[], market: string | null): { offers: Set<string>; seeks: Set<string> } {
  const offers = new Set<string>();
  const seeks = new Set<string>();
  for (const p of people) {
    if (p.offer || offerCodes(p).length) {
      try {
        e.upsertCompany({ id: p.id, name: p.name, description: p.offer ?? "", hsCodes: offerCodes(p), markets: market ? [market] : [] });
        offers.add(p.id);
      } catch {
        // not matchable as an offer
      }
    }
    if (p.seek || seekCodes(p).length) {
      try {
        e.upsertRequest({ id: p.id, buyer: p.name, country: p.country, description: p.seek ?? "", hsCodes: seekCodes(p) });
        seeks.add(p.id);
      } catch {
        // not matchable as a request
      }
    }
  }
  return { offers, seeks };
}

export async function suggestions(db: Executor, actor: Actor, eventId: string, pid: string, limit: number) {
  const access = await loadEvent(db, actor, eventId);
  const me = await loadParticipant(db, actor, access, pid);
  const people = await db.select().from(eventParticipants).where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.status, "approved"), ne(eventParticipants.id, pid)));
  const e = engine();
  const { offers, seeks } = index(e, [...people, me], access.event.country);
  const found = new Map<string, { match: Match; direction: "offers_what_you_seek" | "seeks_what_you_offer" }>();
  const consider = (matches: Match[], direction: "offers_what_you_seek" | "seeks_what_you_offer") => {
    for (const m of matches) {
      if (m.id === pid) continue;
      const best = found.get(m.id);
      if (!best || m.score > best.match.score) found.set(m.id, { match: m, direction });
    }
  };
  if (seeks.has(pid)) consider(e.matchCompaniesForRequest(pid, { k: limit + 1 }), "offers_what_you_seek");
  if (offers.has(pid)) consider(e.matchRequestsForCompany(pid, { k: limit + 1 }), "seeks_what_you_offer");
  const now = new Date();
  const requests = await db
    .select({ a: eventMeetingRequests.fromParticipantId, b: eventMeetingRequests.toParticipantId })
    .from(eventMeetingRequests)
    .where(and(eq(eventMeetingRequests.status, "pending"), gt(eventMeetingRequests.expiresAt, now), or(eq(eventMeetingRequests.fromParticipantId, pid), eq(eventMeetingRequests.toParticipantId, pid))));
  const meetings = await db
    .select({ a: eventMeetings.aParticipantId, b: eventMeetings.bParticipantId })
    .from(eventMeetings)
    .where(and(ne(eventMeetings.status, "cancelled"), or(eq(eventMeetings.aParticipantId, pid), eq(eventMeetings.bParticipantId, pid))));
  const contact = new Set([...requests, ...meetings].map((x) => (x.a === pid ? x.b : x.a)));
  const byId = new Map(people.map((p) => [p.id, p]));
  return [...found.values()]
    .filter((f) => byId.has(f.match.id))
    .sort((x, y) => y.match.score - x.match.score || x.match.id.localeCompare(y.match.id))
    .slice(0, limit)
    .map(({ match, direction }) => {
      const p = byId.get(match.id)!;
      return {
        participantId: p.id,
        name: p.name,
        participantType: p.participantType as ParticipantType,
        score: Math.round(match.score * 1e4) / 1e4,
        direction,
        reasons: match.reasons.map((r) => ({ kind: r.kind, contribution: Math.round(r.contribution * 1e4) / 1e4, label: r.label, detail: r.detail })),
        alreadyInContact: contact.has(p.id),
      };
    });
}
