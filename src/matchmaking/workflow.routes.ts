/**
 * @module matchmaking/workflow.routes
 * HTTP routes of the brokered workflow (expressions of interest, meetings, outcomes, follow-ups), the
 * signed-in user's notifications and the office dashboard's funnel. Every write runs in one transaction,
 * KPI updates and notifications included.
 */
import { z } from "zod";
import { ZIdParams } from "../registry/registry.schema.ts";
import { route } from "../server/route.ts";
import { funnel } from "./funnel.service.ts";
import { acceptInterest, addFollowUp, addMeeting, addOutcome, createInterest, declineInterest, forwardInterest, getInterest, listInterests } from "./interests.service.ts";
import { ZOrgIdParams } from "./matchmaking.schema.ts";
import { listNotifications, markRead } from "./notifications.service.ts";
import {
  ZAccept,
  ZDecline,
  ZFollowUpCreate,
  ZForward,
  ZFunnel,
  ZInterest,
  ZInterestCreate,
  ZInterestListQuery,
  ZMarkRead,
  ZMeetingCreate,
  ZNotification,
  ZNotificationQuery,
  ZOutcomeCreate,
} from "./workflow.schema.ts";

const tags = ["matchmaking: workflow"];
const PARTIES = "members of the company, of the opportunity's owner and of the responsible government";
const BROKER = "admins and staff of the responsible government (the company's sponsor)";
const RECIPIENT = "admins and staff of the side that did not express the interest (the government declines before forwarding)";
const ANY_PARTY = "admins and staff of the company, the opportunity's owner or the responsible government";

export const workflowRoutes = [
  route({ method: "GET", url: "/api/interests", summary: "Expressions of interest my organisations take part in (inbox for companies, buyers and offices)", tags, policy: { access: "signed_in", rule: PARTIES }, query: ZInterestListQuery, response: z.object({ items: z.array(ZInterest) }), handler: ({ ctx, actor, query }) => listInterests(ctx.database.db, actor, query) }),
  route({ method: "GET", url: "/api/interests/:id", summary: "One expression of interest with its meetings, outcomes and follow-ups", tags, policy: { access: "signed_in", rule: PARTIES }, params: ZIdParams, response: ZInterest, handler: ({ ctx, actor, params }) => getInterest(ctx.database.db, actor, params.id) }),
  route({ method: "POST", url: "/api/interests", summary: "Express interest (company in an opportunity, or an opportunity's owner in a company); goes to the responsible government", tags, policy: { access: "signed_in", rule: "admins and staff of the side named in fromSide; both records must be published" }, body: ZInterestCreate, response: ZInterest, handler: ({ ctx, actor, body }) => ctx.database.db.transaction((tx) => createInterest(tx, actor, body)) }),
  route({ method: "POST", url: "/api/interests/:id/forward", summary: "Pass the interest on to the recipient, with a note and the responsible office", tags, policy: { access: "signed_in", rule: BROKER }, params: ZIdParams, body: ZForward, response: ZInterest, status: 200, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => forwardInterest(tx, actor, params.id, body)) }),
  route({ method: "POST", url: "/api/interests/:id/decline", summary: "Decline the interest (the government before forwarding, the recipient after)", tags, policy: { access: "signed_in", rule: RECIPIENT }, params: ZIdParams, body: ZDecline, response: ZInterest, status: 200, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => declineInterest(tx, actor, params.id, body.reason)) }),
  route({ method: "POST", url: "/api/interests/:id/accept", summary: "Accept a forwarded interest", tags, policy: { access: "signed_in", rule: "admins and staff of the recipient" }, params: ZIdParams, body: ZAccept, response: ZInterest, status: 200, handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => acceptInterest(tx, actor, params.id)) }),
  route({ method: "POST", url: "/api/interests/:id/meetings", summary: "Record a meeting (in person, online or at an event)", tags, policy: { access: "signed_in", rule: ANY_PARTY }, params: ZIdParams, body: ZMeetingCreate, response: ZInterest, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => addMeeting(tx, actor, params.id, body)) }),
  route({ method: "POST", url: "/api/interests/:id/outcomes", summary: "Record an outcome (negotiation, agreement, contract, no deal); feeds the responsible government's KPIs", tags, policy: { access: "signed_in", rule: ANY_PARTY }, params: ZIdParams, body: ZOutcomeCreate, response: ZInterest, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => addOutcome(tx, actor, params.id, body)) }),
  route({ method: "POST", url: "/api/interests/:id/follow-ups", summary: "Record the 6- or 12-month follow-up after an agreement (sales in yen feed the KPIs)", tags, policy: { access: "signed_in", rule: ANY_PARTY }, params: ZIdParams, body: ZFollowUpCreate, response: ZInterest, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => addFollowUp(tx, actor, params.id, body)) }),
  route({ method: "GET", url: "/api/notifications", summary: "The signed-in user's notifications, newest first", tags, policy: { access: "signed_in", rule: "the signed-in user's own" }, query: ZNotificationQuery, response: z.object({ items: z.array(ZNotification) }), handler: ({ ctx, actor, query }) => listNotifications(ctx.database.db, actor, query.unread === "true") }),
  route({ method: "POST", url: "/api/notifications/read", summary: "Mark notifications read (the ids given, or all)", tags, policy: { access: "signed_in", rule: "the signed-in user's own" }, body: ZMarkRead, response: z.object({ updated: z.number().int() }), status: 200, handler: ({ ctx, actor, body }) => markRead(ctx.database.db, actor, body.ids) }),
  route({ method: "GET", url: "/api/governments/:orgId/matchmaking-funnel", summary: "Office dashboard funnel: profiles → vetted → interests → meetings → agreements", tags, policy: { access: "signed_in", rule: "members of the government" }, params: ZOrgIdParams, response: ZFunnel, handler: ({ ctx, actor, params }) => funnel(ctx.database.db, actor, params.orgId) }),
];
