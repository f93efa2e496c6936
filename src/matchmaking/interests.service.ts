/**
 * @module matchmaking/interests.service
 * The brokered workflow. An expression of interest from either side goes to the company's sponsoring
 * government, which forwards it (with a note, naming its office) or declines it; the recipient accepts or
 * declines; the parties meet (in person, online, at an event); outcomes follow — negotiation, agreement or
 * contract, no deal — and 6- and 12-month follow-ups after an agreement. Every step notifies the others
 * and is appended to the interest's dated history (interest-history.ts) in the same transaction; steps lock
 * the interest's row first, so two at once cannot both pass the state check.
 * Outcomes feed the responsible government's (and office's) KPIs through evaluation/metric-link.
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, notInArray, or } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canEdit, requireSignedIn } from "../auth/actor.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { recordMetricValue } from "../evaluation/metric-link.ts";
import { events } from "../events/events.table.ts";
import { iso, notFound } from "../registry/references.ts";
import { officeOwners } from "../registry/registry.table.ts";
import { historiesOf, recordStep } from "./interest-history.ts";
import type { OpportunityKind } from "./matchmaking.schema.ts";
import { matchInterests, matchMeetings, matchOutcomes, opportunities } from "./matchmaking.table.ts";
import { notifyOrgs } from "./notifications.service.ts";
import { getOpportunityRow } from "./opportunities.service.ts";
import { getProfileRow } from "./profiles.service.ts";
import { addMonths, orgRefs, refOf, today } from "./shared.ts";
import type { InterestState, TFollowUpCreate, TInterest, TInterestCreate, TMeetingCreate, TOutcomeCreate } from "./workflow.schema.ts";

type InterestRow = typeof matchInterests.$inferSelect & { ownerOrgId: string };

/** `lock` takes the row lock a step needs (FOR UPDATE): concurrent steps on one interest wait their turn. */
async function loadRow(db: Executor, id: string, lock = false): Promise<InterestRow | undefined> {
  const query = db.select().from(matchInterests).where(eq(matchInterests.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return undefined;
  const [opp] = await db.select({ ownerOrgId: opportunities.ownerOrgId }).from(opportunities).where(eq(opportunities.id, row.opportunityId));
  return { ...row, ownerOrgId: opp!.ownerOrgId };
}

const initiatorOf = (r: InterestRow) => (r.fromSide === "company" ? r.companyOrgId : r.ownerOrgId);
const recipientOf = (r: InterestRow) => (r.fromSide === "company" ? r.ownerOrgId : r.companyOrgId);
const partiesOf = (r: InterestRow) => [r.companyOrgId, r.ownerOrgId, r.brokerOrgId];

/** The company, the opportunity's owner and the responsible government see an interest; nobody else. */
async function getRow(db: Executor, actor: Actor, id: string, lock = false): Promise<InterestRow> {
  const row = await loadRow(db, id, lock);
  if (!row || !(actor.isSystemAdmin || partiesOf(row).some((o) => actor.roles.has(o)))) throw notFound("expression of interest", id);
  return row;
}

function requireEditorOf(actor: Actor, orgIds: string[], who: string): void {
  requireSignedIn(actor);
  if (!orgIds.some((o) => canEdit(actor, { ownerOrgId: o }))) throw new AppError("forbidden", `Only ${who} may do this.`);
}

function requireState(row: InterestRow, action: string, allowed: readonly InterestState[]): void {
  if (!allowed.includes(row.state as InterestState)) {
    throw new AppError("conflict", `The expression of interest is "${row.state}"; ${action} needs ${allowed.map((s) => `"${s}"`).join(" or ")}.`, [
      { path: "state", message: `is ${row.state}`, code: "illegal_transition", value: row.state },
    ]);
  }
}

/** Interests as the API shows them; one query per kind of detail however many interests there are. */
async function presentAll(db: Executor, rows: InterestRow[]): Promise<TInterest[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const refs = await orgRefs(db, rows.flatMap(partiesOf));
  const opps = new Map(
    (await db.select({ id: opportunities.id, kind: opportunities.kind, titleJa: opportunities.titleJa, titleEn: opportunities.titleEn }).from(opportunities).where(inArray(opportunities.id, [...new Set(rows.map((r) => r.opportunityId))]))).map((o) => [o.id, o]),
  );
  const meetings = await db.select().from(matchMeetings).where(inArray(matchMeetings.interestId, ids)).orderBy(asc(matchMeetings.meetsOn), asc(matchMeetings.createdAt));
  const outcomes = await db.select().from(matchOutcomes).where(inArray(matchOutcomes.interestId, ids)).orderBy(asc(matchOutcomes.occurredOn), asc(matchOutcomes.createdAt));
  const histories = await historiesOf(db, ids);
  return rows.map((row) => {
    const own = outcomes.filter((o) => o.interestId === row.id);
    const agreed = own.find((o) => o.kind === "agreement" || o.kind === "contract");
    const followUps = agreed
      ? (["6m", "12m"] as const).map((milestone) => ({
          milestone,
          due: addMonths(agreed.occurredOn, milestone === "6m" ? 6 : 12),
          done: own.some((o) => o.kind === `follow_up_${milestone}`),
        }))
      : [];
    const opp = opps.get(row.opportunityId);
    return {
      id: row.id,
      opportunityId: row.opportunityId,
      // The opportunity exists: deleting it deletes its interests.
      opportunity: { id: row.opportunityId, kind: opp!.kind as OpportunityKind, titleJa: opp!.titleJa, titleEn: opp!.titleEn },
      company: refOf(refs, row.companyOrgId),
      opportunityOwner: refOf(refs, row.ownerOrgId),
      broker: refOf(refs, row.brokerOrgId),
      officeId: row.officeId,
      fromSide: row.fromSide as TInterest["fromSide"],
      state: row.state as InterestState,
      message: row.message,
      brokerNote: row.brokerNote,
      declineReason: row.declineReason,
      declinedBy: row.declinedBy as TInterest["declinedBy"],
      meetings: meetings.filter((m) => m.interestId === row.id).map((m) => ({ id: m.id, mode: m.mode as never, eventId: m.eventId, meetsOn: m.meetsOn, place: m.place, note: m.note })),
      outcomes: own.map((o) => ({
        id: o.id,
        kind: o.kind as never,
        occurredOn: o.occurredOn,
        salesAmount: o.salesAmount === null ? null : Number(o.salesAmount),
        currency: o.currency,
        kpiSalesJpy: o.kpiSalesJpy === null ? null : Number(o.kpiSalesJpy),
        note: o.note,
      })),
      followUps,
      history: histories.get(row.id) ?? [],
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
  });
}

async function setState(db: Executor, id: string, change: Partial<typeof matchInterests.$inferInsert>): Promise<void> {
  await db.update(matchInterests).set({ ...change, updatedAt: new Date() }).where(eq(matchInterests.id, id));
}

export async function getInterest(db: Executor, actor: Actor, id: string): Promise<TInterest> {
  return (await presentAll(db, [await getRow(db, actor, id)]))[0]!;
}

export async function createInterest(db: Executor, actor: Actor, input: TInterestCreate): Promise<TInterest> {
  const opp = await getOpportunityRow(db, actor, input.opportunityId);
  const company = await getProfileRow(db, actor, input.companyOrgId);
  const initiator = input.fromSide === "company" ? company.orgId : opp.ownerOrgId;
  requireSignedIn(actor);
  if (!canEdit(actor, { ownerOrgId: initiator })) {
    throw new AppError("forbidden", "Only admins and staff of that side may express its interest.", [{ path: "fromSide", message: "not a side you can act for" }]);
  }
  if (opp.ownerOrgId === company.orgId) throw new AppError("validation_failed", "A company cannot express interest in its own opportunity.", [{ path: "companyOrgId", message: "owns the opportunity" }]);
  for (const [path, status] of [["opportunityId", opp.status], ["companyOrgId", company.status]] as const) {
    if (status !== "published") throw new AppError("conflict", `The ${path === "opportunityId" ? "opportunity" : "company profile"} is "${status}"; only published records take part.`, [{ path, message: `is ${status}` }]);
  }
  if (opp.expiresOn < today()) throw new AppError("conflict", "The opportunity has expired; its owner can renew it.", [{ path: "opportunityId", message: "expired" }]);
  const [existing] = await db
    .select({ state: matchInterests.state })
    .from(matchInterests)
    .where(and(eq(matchInterests.opportunityId, opp.id), eq(matchInterests.companyOrgId, company.orgId), notInArray(matchInterests.state, ["declined", "closed"])));
  if (existing) throw new AppError("conflict", `An expression of interest between them is already "${existing.state}".`, [{ path: "opportunityId", message: "already in progress" }]);
  const id = randomUUID();
  await db.insert(matchInterests).values({
    id,
    opportunityId: opp.id,
    companyOrgId: company.orgId,
    fromSide: input.fromSide,
    brokerOrgId: company.vettedBy,
    state: "submitted",
    message: input.message ?? null,
    createdBy: actor.userId,
  });
  await recordStep(db, actor, id, { step: "created", from: null, to: "submitted", note: input.message });
  await notifyOrgs(db, actor, [company.vettedBy], "interest_submitted", id, { ja: "関心表明が届きました（確認して取り次いでください）", en: "A new expression of interest awaits your review" });
  return getInterest(db, actor, id);
}

export async function forwardInterest(db: Executor, actor: Actor, id: string, body: { note?: string | null; officeId?: string | null }): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireEditorOf(actor, [row.brokerOrgId], "the responsible government's admins and staff");
  requireState(row, "forwarding", ["submitted"]);
  if (body.officeId) {
    const [owned] = await db.select().from(officeOwners).where(and(eq(officeOwners.officeId, body.officeId), eq(officeOwners.orgId, row.brokerOrgId)));
    if (!owned) throw new AppError("validation_failed", "The office is not one of the responsible government's.", [{ path: "officeId", message: "not an office of the responsible government" }]);
  }
  await setState(db, id, { state: "forwarded", brokerNote: body.note ?? null, officeId: body.officeId ?? null });
  await recordStep(db, actor, id, { step: "forwarded", from: "submitted", to: "forwarded", note: body.note });
  await notifyOrgs(db, actor, [recipientOf(row), initiatorOf(row)], "interest_forwarded", id, { ja: "関心表明が取り次がれました", en: "An expression of interest was passed on" });
  return getInterest(db, actor, id);
}

export async function declineInterest(db: Executor, actor: Actor, id: string, reason: string | null | undefined): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireState(row, "declining", ["submitted", "forwarded"]);
  const by = row.state === "submitted" ? "broker" : "recipient";
  requireEditorOf(actor, [by === "broker" ? row.brokerOrgId : recipientOf(row)], by === "broker" ? "the responsible government" : "the recipient");
  await setState(db, id, { state: "declined", declineReason: reason ?? null, declinedBy: by });
  await recordStep(db, actor, id, { step: "declined", from: row.state as InterestState, to: "declined", note: reason });
  await notifyOrgs(db, actor, partiesOf(row), "interest_declined", id, { ja: "関心表明が見送られました", en: "An expression of interest was declined" });
  return getInterest(db, actor, id);
}

export async function acceptInterest(db: Executor, actor: Actor, id: string): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireEditorOf(actor, [recipientOf(row)], "the recipient's admins and staff");
  requireState(row, "accepting", ["forwarded"]);
  await setState(db, id, { state: "accepted" });
  await recordStep(db, actor, id, { step: "accepted", from: "forwarded", to: "accepted" });
  await notifyOrgs(db, actor, partiesOf(row), "interest_accepted", id, { ja: "関心表明が受諾されました", en: "An expression of interest was accepted" });
  return getInterest(db, actor, id);
}

export async function addMeeting(db: Executor, actor: Actor, id: string, m: TMeetingCreate): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireEditorOf(actor, partiesOf(row), "the parties and the responsible government");
  requireState(row, "a meeting", ["accepted", "meeting", "negotiating"]);
  if (m.mode === "event") {
    if (!m.eventId) throw new AppError("validation_failed", "Name the event.", [{ path: "eventId", message: "required for mode event" }]);
    const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, m.eventId));
    if (!event) throw new AppError("validation_failed", "The event does not exist.", [{ path: "eventId", message: `no event with id ${m.eventId}` }]);
  }
  await db.insert(matchMeetings).values({ id: randomUUID(), interestId: id, mode: m.mode, eventId: m.eventId ?? null, meetsOn: m.meetsOn, place: m.place ?? null, note: m.note ?? null, createdBy: actor.userId });
  if (row.state === "accepted") await setState(db, id, { state: "meeting" });
  const before = row.state as InterestState;
  await recordStep(db, actor, id, { step: "meeting", from: before, to: before === "accepted" ? "meeting" : before, note: m.note });
  await notifyOrgs(db, actor, partiesOf(row), "meeting_scheduled", id, { ja: `商談が設定されました（${m.meetsOn}）`, en: `A meeting was arranged (${m.meetsOn})` });
  return getInterest(db, actor, id);
}

const NEXT_STATE: Record<TOutcomeCreate["kind"], { from: InterestState[]; to: InterestState }> = {
  negotiation: { from: ["meeting", "negotiating"], to: "negotiating" },
  agreement: { from: ["meeting", "negotiating", "agreed"], to: "agreed" },
  contract: { from: ["meeting", "negotiating", "agreed"], to: "agreed" },
  no_deal: { from: ["meeting", "negotiating"], to: "closed" },
};

/**
 * Feeds the KPIs of the responsible government (and its office): one business negotiation per interest at
 * its first outcome (a meeting took place), one contract at its first agreement or contract, and sales in
 * yen. Amounts in other currencies are kept but not converted: renkei has no documented exchange-rate source.
 */
async function feedKpis(db: Executor, row: InterestRow, outcomeId: string, kind: string, occurredOn: string, sales: { amount?: number | null; currency?: string | null }) {
  const base = { orgId: row.brokerOrgId, officeId: row.officeId, period: occurredOn, source: `matchmaking:outcome/${outcomeId}` };
  if (!row.negotiationCounted && kind !== "follow_up_6m" && kind !== "follow_up_12m") {
    await recordMetricValue(db, { ...base, metric: "business_negotiations", delta: 1 });
    await setState(db, row.id, { negotiationCounted: true });
  }
  if (!row.contractCounted && (kind === "agreement" || kind === "contract")) {
    await recordMetricValue(db, { ...base, metric: "contracts", delta: 1 });
    await setState(db, row.id, { contractCounted: true });
  }
  if (sales.amount && sales.currency === "JPY") {
    await recordMetricValue(db, { ...base, metric: "sales_jpy", delta: sales.amount });
    await db.update(matchOutcomes).set({ kpiSalesJpy: sales.amount }).where(eq(matchOutcomes.id, outcomeId));
  }
}

export async function addOutcome(db: Executor, actor: Actor, id: string, o: TOutcomeCreate): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireEditorOf(actor, partiesOf(row), "the parties and the responsible government");
  const next = NEXT_STATE[o.kind];
  requireState(row, `a ${o.kind} outcome`, next.from);
  const outcomeId = randomUUID();
  await db.insert(matchOutcomes).values({ id: outcomeId, interestId: id, kind: o.kind, occurredOn: o.occurredOn, salesAmount: o.salesAmount ?? null, currency: o.currency ?? null, note: o.note ?? null, createdBy: actor.userId });
  await setState(db, id, { state: next.to });
  await recordStep(db, actor, id, { step: o.kind, from: row.state as InterestState, to: next.to, note: o.note });
  await feedKpis(db, row, outcomeId, o.kind, o.occurredOn, { amount: o.salesAmount, currency: o.currency });
  await notifyOrgs(db, actor, partiesOf(row), `outcome_${o.kind}`, id, { ja: "商談の結果が記録されました", en: `Outcome recorded: ${o.kind.replace("_", " ")}` });
  return getInterest(db, actor, id);
}

export async function addFollowUp(db: Executor, actor: Actor, id: string, f: TFollowUpCreate): Promise<TInterest> {
  const row = await getRow(db, actor, id, true);
  requireEditorOf(actor, partiesOf(row), "the parties and the responsible government");
  requireState(row, "a follow-up", ["agreed"]);
  const kind = `follow_up_${f.milestone}` as const;
  const [done] = await db.select({ id: matchOutcomes.id }).from(matchOutcomes).where(and(eq(matchOutcomes.interestId, id), eq(matchOutcomes.kind, kind)));
  if (done) throw new AppError("conflict", `The ${f.milestone} follow-up is already recorded.`, [{ path: "milestone", message: "already recorded" }]);
  const outcomeId = randomUUID();
  await db.insert(matchOutcomes).values({ id: outcomeId, interestId: id, kind, occurredOn: f.occurredOn, salesAmount: f.salesAmount ?? null, currency: f.currency ?? null, note: f.note ?? null, createdBy: actor.userId });
  await recordStep(db, actor, id, { step: kind, from: "agreed", to: "agreed", note: f.note });
  await feedKpis(db, row, outcomeId, kind, f.occurredOn, { amount: f.salesAmount, currency: f.currency });
  await notifyOrgs(db, actor, partiesOf(row), "follow_up", id, { ja: `${f.milestone === "6m" ? "6か月" : "12か月"}後のフォローアップが記録されました`, en: `${f.milestone} follow-up recorded` });
  return getInterest(db, actor, id);
}

/** Interests where one of the actor's organisations is the company, the opportunity's owner or the broker. */
export async function listInterests(db: Executor, actor: Actor, query: { state?: InterestState; role?: "company" | "opportunity" | "broker" }) {
  requireSignedIn(actor);
  const orgs = [...actor.roles.keys()];
  if (!orgs.length && !actor.isSystemAdmin) return { items: [] };
  const none = ["00000000-0000-0000-0000-000000000000"];
  const mine = orgs.length ? orgs : none;
  const byRole = {
    company: inArray(matchInterests.companyOrgId, mine),
    opportunity: inArray(opportunities.ownerOrgId, mine),
    broker: inArray(matchInterests.brokerOrgId, mine),
  };
  const scope = query.role ? byRole[query.role] : actor.isSystemAdmin ? undefined : or(byRole.company, byRole.opportunity, byRole.broker);
  const rows = await db
    .select({ interest: matchInterests, ownerOrgId: opportunities.ownerOrgId })
    .from(matchInterests)
    .innerJoin(opportunities, eq(opportunities.id, matchInterests.opportunityId))
    .where(and(scope, query.state ? eq(matchInterests.state, query.state) : undefined))
    .orderBy(asc(matchInterests.createdAt))
    .limit(500);
  return { items: await presentAll(db, rows.map((r) => ({ ...r.interest, ownerOrgId: r.ownerOrgId }))) };
}
