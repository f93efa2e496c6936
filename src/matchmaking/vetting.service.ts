/**
 * @module matchmaking/vetting.service
 * Reviews by the sponsoring government's staff: four criteria scored 0–5 with comments, decided by the
 * engine's vetting policy (the government's own thresholds, or the EEN default). Publishing makes the
 * record public with an endorsement (who, when, until when); hold and reject keep it unpublished.
 */
import { randomUUID } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../auth/actor.ts";
import { canEdit, requireSignedIn } from "../auth/actor.ts";
import { users } from "../auth/auth.table.ts";
import { AppError } from "../core/errors.ts";
import type { Executor } from "../db/connection.ts";
import { iso } from "../registry/references.ts";
import type { VettingPolicy } from "./engine/validators.ts";
import { decideVetting, DEFAULT_VETTING_POLICY } from "./engine/validators.ts";
import type { TReview, TReviewCreate } from "./matchmaking.schema.ts";
import { companyProfiles, opportunities, vettingPolicies, vettingReviews } from "./matchmaking.table.ts";
import { getOpportunityRow } from "./opportunities.service.ts";
import { getProfileRow } from "./profiles.service.ts";
import { accessFor, addMonths, assertOrgKinds, GOVERNMENT_KINDS, today } from "./shared.ts";

export interface GovernmentPolicy extends VettingPolicy {
  endorsementMonths: number;
  isDefault: boolean;
}

export async function policyOf(db: Executor, govOrgId: string): Promise<GovernmentPolicy> {
  const [row] = await db.select().from(vettingPolicies).where(eq(vettingPolicies.govOrgId, govOrgId));
  if (!row) return { ...DEFAULT_VETTING_POLICY, endorsementMonths: 12, isDefault: true };
  return { publishAt: row.publishAt, holdAt: row.holdAt, zeroHolds: row.zeroHolds, endorsementMonths: row.endorsementMonths, isDefault: false };
}

export async function getPolicy(db: Executor, govOrgId: string) {
  await assertOrgKinds(db, [{ path: "orgId", id: govOrgId, kinds: GOVERNMENT_KINDS }]);
  return { govOrgId, ...(await policyOf(db, govOrgId)) };
}

export async function setPolicy(db: Executor, actor: Actor, govOrgId: string, body: Omit<GovernmentPolicy, "isDefault">) {
  await assertOrgKinds(db, [{ path: "orgId", id: govOrgId, kinds: GOVERNMENT_KINDS }]);
  requireGovernmentStaff(actor, govOrgId);
  const values = { publishAt: body.publishAt, holdAt: body.holdAt, zeroHolds: body.zeroHolds, endorsementMonths: body.endorsementMonths, updatedAt: new Date() };
  await db.insert(vettingPolicies).values({ govOrgId, ...values }).onConflictDoUpdate({ target: vettingPolicies.govOrgId, set: values });
  return getPolicy(db, govOrgId);
}

function requireGovernmentStaff(actor: Actor, govOrgId: string): void {
  requireSignedIn(actor);
  if (!canEdit(actor, { ownerOrgId: govOrgId })) throw new AppError("forbidden", "Only the sponsoring government's admins and staff may review or set its policy.");
}

type Subject = { kind: "company"; orgId: string } | { kind: "opportunity"; id: string };

async function presentReviews(db: Executor, rows: (typeof vettingReviews.$inferSelect)[]): Promise<TReview[]> {
  const ids = [...new Set(rows.map((r) => r.reviewerUserId).filter((id): id is string => !!id))];
  const names = new Map(ids.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({
    id: r.id,
    govOrgId: r.govOrgId,
    reviewerName: r.reviewerUserId ? (names.get(r.reviewerUserId) ?? null) : null,
    scores: r.scores as Record<string, number>,
    comments: r.comments as Record<string, string>,
    comment: r.comment,
    total: r.total,
    decision: r.decision as TReview["decision"],
    reasons: r.reasons as TReview["reasons"],
    policy: r.policy as TReview["policy"],
    createdAt: iso(r.createdAt),
  }));
}

/** Records a review and applies its decision to the subject; returns the review. */
export async function review(db: Executor, actor: Actor, subject: Subject, input: TReviewCreate): Promise<TReview> {
  const row = subject.kind === "company" ? await getProfileRow(db, actor, subject.orgId) : await getOpportunityRow(db, actor, subject.id);
  requireGovernmentStaff(actor, row.vettedBy);
  const policy = await policyOf(db, row.vettedBy);
  const result = decideVetting(input.scores, policy);
  const status = result.decision === "publish" ? "published" : result.decision === "hold" ? "held" : "rejected";
  const endorsement =
    status === "published"
      ? { endorsedAt: new Date(), endorsedByUser: actor.userId, endorsementExpires: addMonths(today(), policy.endorsementMonths) }
      : { endorsedAt: null, endorsedByUser: null, endorsementExpires: null };
  const change = { status, ...accessFor(status, row.vettedBy), ...endorsement, updatedAt: new Date() };
  if (subject.kind === "company") await db.update(companyProfiles).set(change).where(eq(companyProfiles.orgId, subject.orgId));
  else await db.update(opportunities).set(change).where(eq(opportunities.id, subject.id));
  const [saved] = await db
    .insert(vettingReviews)
    .values({
      id: randomUUID(),
      companyOrgId: subject.kind === "company" ? subject.orgId : null,
      opportunityId: subject.kind === "opportunity" ? subject.id : null,
      govOrgId: row.vettedBy,
      reviewerUserId: actor.userId,
      scores: input.scores,
      comments: input.comments,
      comment: input.comment ?? null,
      total: result.total,
      decision: result.decision,
      reasons: result.reasons,
      policy: { publishAt: policy.publishAt, holdAt: policy.holdAt, zeroHolds: policy.zeroHolds },
    })
    .returning();
  return (await presentReviews(db, [saved!]))[0]!;
}

/** Reviews of a record: its owner's and its government's members only (reviewers' comments are not for buyers). */
export async function listReviews(db: Executor, actor: Actor, subject: Subject): Promise<TReview[]> {
  const row = subject.kind === "company" ? await getProfileRow(db, actor, subject.orgId) : await getOpportunityRow(db, actor, subject.id);
  requireSignedIn(actor);
  if (!actor.isSystemAdmin && !actor.roles.has(row.ownerOrgId) && !actor.roles.has(row.vettedBy)) {
    throw new AppError("forbidden", "Only the owner and its sponsoring government see the reviews.");
  }
  const where = subject.kind === "company" ? eq(vettingReviews.companyOrgId, subject.orgId) : eq(vettingReviews.opportunityId, subject.id);
  return presentReviews(db, await db.select().from(vettingReviews).where(where).orderBy(desc(vettingReviews.createdAt)));
}
