/**
 * @module networks/tie-life.routes
 * Routes for ties over their lifetime, under the registry's `/api/ties/:id`: the lifecycle history and its
 * events, upgrades and lineage, yearly activities, and the role history of network memberships; and the
 * lapse alerts of an organisation's ties. Reading follows the tie's visibility; writing needs edit rights
 * on the tie (its owner organisation's admins and staff).
 */
import type { RouteSpec } from "../server/route.ts";
import { route } from "../server/route.ts";
import { createTieActivity, deleteTieActivity, listTieActivities, tieLapseAlerts, updateTieActivity } from "./tie-activities.service.ts";
import { appendTieEvent, deleteTieEvent, getTieHistory, getTieLineage, setSupersedes, upgradeTieRecord } from "./tie-history.service.ts";
import { getRoleHistory, putRoleHistory } from "./memberships.service.ts";
import {
  ZLapseAlerts,
  ZLapseQuery,
  ZRoleHistory,
  ZRoleHistoryInput,
  ZTieActivities,
  ZTieActivity,
  ZTieActivityCreate,
  ZTieActivityListQuery,
  ZTieActivityParams,
  ZTieActivityUpdate,
  ZTieEventCreate,
  ZTieEventParams,
  ZTieHistory,
  ZTieLineage,
  ZTiePathParams,
  ZTieSupersedes,
  ZTieUpgrade,
  ZTieUpgradeResult,
} from "./tie-life.schema.ts";
import { TIE_READ_RULE, TIE_WRITE_RULE } from "./tie-records.ts";

const tags = ["ties over their lifetime"];
const read = { access: "public", rule: TIE_READ_RULE } as const;
const write = { access: "signed_in", rule: TIE_WRITE_RULE } as const;
const base = "/api/ties/:id";

export const tieLifeRoutes: RouteSpec<any, any, any, any>[] = [
  route({
    method: "GET",
    url: `${base}/history`,
    summary: "A tie's lifecycle: its dated states with reasons and signatories, the next states allowed, and its lineage neighbours",
    tags,
    policy: read,
    params: ZTiePathParams,
    response: ZTieHistory,
    handler: ({ ctx, actor, params }) => getTieHistory(ctx.database.db, actor, params.id),
  }),
  route({
    method: "POST",
    url: `${base}/events`,
    summary: "Record a change of state (proposed, signed, active, dormant, ended) with its date and reason",
    tags,
    policy: write,
    params: ZTiePathParams,
    body: ZTieEventCreate,
    response: ZTieHistory,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => appendTieEvent(tx, actor, params.id, body)),
  }),
  route({
    method: "DELETE",
    url: `${base}/events/:eventId`,
    summary: "Remove the latest event (to correct a mistake)",
    tags,
    policy: write,
    params: ZTieEventParams,
    status: 200,
    response: ZTieHistory,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteTieEvent(tx, actor, params.id, params.eventId)),
  }),
  route({
    method: "POST",
    url: `${base}/upgrade`,
    summary: "Upgrade a tie into one of another kind: the tie ends as superseded and its successor starts the same day",
    tags,
    policy: write,
    params: ZTiePathParams,
    body: ZTieUpgrade,
    response: ZTieUpgradeResult,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => upgradeTieRecord(tx, actor, params.id, body)),
  }),
  route({
    method: "PUT",
    url: `${base}/supersedes`,
    summary: "Link the tie to the earlier tie it continues (checked: other kind, ended as superseded the day this one began, no cycle)",
    tags,
    policy: write,
    params: ZTiePathParams,
    body: ZTieSupersedes,
    response: ZTieHistory,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => setSupersedes(tx, actor, params.id, body.supersedesTieId)),
  }),
  route({
    method: "GET",
    url: `${base}/lineage`,
    summary: "The tie's upgrade lineage: its ancestors from the oldest, and every tie that continues it",
    tags,
    policy: read,
    params: ZTiePathParams,
    response: ZTieLineage,
    handler: ({ ctx, actor, params }) => getTieLineage(ctx.database.db, actor, params.id),
  }),
  route({
    method: "GET",
    url: `${base}/activities`,
    summary: "Activities and outcomes recorded against the tie, with a summary per year",
    tags,
    policy: read,
    params: ZTiePathParams,
    query: ZTieActivityListQuery,
    response: ZTieActivities,
    handler: ({ ctx, actor, params, query }) => listTieActivities(ctx.database.db, actor, params.id, query.year),
  }),
  route({
    method: "POST",
    url: `${base}/activities`,
    summary: "Record an activity (visit, exchange, joint project…) and its outcomes",
    tags,
    policy: write,
    params: ZTiePathParams,
    body: ZTieActivityCreate,
    response: ZTieActivity,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => createTieActivity(tx, actor, params.id, body)),
  }),
  route({
    method: "PATCH",
    url: `${base}/activities/:activityId`,
    summary: "Change an activity",
    tags,
    policy: write,
    params: ZTieActivityParams,
    body: ZTieActivityUpdate,
    response: ZTieActivity,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => updateTieActivity(tx, actor, params.id, params.activityId, body)),
  }),
  route({
    method: "DELETE",
    url: `${base}/activities/:activityId`,
    summary: "Delete an activity",
    tags,
    policy: write,
    params: ZTieActivityParams,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => deleteTieActivity(tx, actor, params.id, params.activityId)),
  }),
  route({
    method: "GET",
    url: `${base}/roles`,
    summary: "The role history of a network membership (member, board, chair, vice chair, secretariat)",
    tags,
    policy: read,
    params: ZTiePathParams,
    response: ZRoleHistory,
    handler: ({ ctx, actor, params }) => getRoleHistory(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: `${base}/roles`,
    summary: "Replace the role history of a network membership; the tie's role becomes the latest",
    tags,
    policy: write,
    params: ZTiePathParams,
    body: ZRoleHistoryInput,
    response: ZRoleHistory,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putRoleHistory(tx, actor, params.id, body)),
  }),
  route({
    method: "GET",
    url: "/api/networks/lapse-alerts",
    summary: "Lapse alerts: an organisation's signed or active ties with no recorded activity for `months` months as of a date",
    tags,
    policy: { access: "public", rule: `${TIE_READ_RULE}; only ties visible to the caller are checked` },
    query: ZLapseQuery,
    response: ZLapseAlerts,
    handler: ({ ctx, actor, query }) => tieLapseAlerts(ctx.database.db, actor, query),
  }),
];

