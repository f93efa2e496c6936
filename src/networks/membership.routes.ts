/**
 * @module networks/membership.routes
 * Network details: the network profile (members with roles and state, themes, obligations), the themes a
 * network covers, its reporting obligations (CRUD) and the reporting calendar of a member or a network.
 */
import { crudRoutes } from "../server/crud-routes.ts";
import type { RouteSpec } from "../server/route.ts";
import { route } from "../server/route.ts";
import {
  ZCalendar,
  ZCalendarQuery,
  ZNetworkParams,
  ZNetworkProfile,
  ZNetworkThemes,
  ZNetworkThemesInput,
  ZObligation,
  ZObligationCreate,
  ZObligationListQuery,
  ZObligationUpdate,
} from "./membership.schema.ts";
import { getNetworkProfile, getNetworkThemes, putNetworkThemes } from "./memberships.service.ts";
import { createObligation, deleteObligation, getObligation, listObligations, reportingCalendar, updateObligation } from "./obligations.service.ts";

const tags = ["networks"];
const NETWORK_READ = "the network organisation must be visible to the caller; members, ties and obligations are those visible to the caller";

export const membershipRoutes: RouteSpec<any, any, any, any>[] = [
  route({
    method: "GET",
    url: "/api/networks/obligations/calendar",
    summary: "Reporting calendar: due dates of the obligations of the networks an organisation belongs to on each date, or of one network",
    tags,
    policy: { access: "public", rule: "obligations and memberships visible to the caller" },
    query: ZCalendarQuery,
    response: ZCalendar,
    handler: ({ ctx, actor, query }) => reportingCalendar(ctx.database.db, actor, query),
  }),
  ...crudRoutes({
    path: "networks/obligations",
    noun: "network reporting obligation",
    item: ZObligation,
    create: ZObligationCreate,
    update: ZObligationUpdate,
    listQuery: ZObligationListQuery,
    list: listObligations,
    get: getObligation,
    insert: createObligation,
    patch: updateObligation,
    remove: deleteObligation,
  }),
  route({
    method: "GET",
    url: "/api/networks/:id",
    summary: "A network's profile: its members with their roles over time and membership state, its themes and its reporting obligations",
    tags,
    policy: { access: "public", rule: NETWORK_READ },
    params: ZNetworkParams,
    response: ZNetworkProfile,
    handler: ({ ctx, actor, params }) => getNetworkProfile(ctx.database.db, actor, params.id),
  }),
  route({
    method: "GET",
    url: "/api/networks/:id/themes",
    summary: "The themes a network covers",
    tags,
    policy: { access: "public", rule: NETWORK_READ },
    params: ZNetworkParams,
    response: ZNetworkThemes,
    handler: ({ ctx, actor, params }) => getNetworkThemes(ctx.database.db, actor, params.id),
  }),
  route({
    method: "PUT",
    url: "/api/networks/:id/themes",
    summary: "Replace the themes a network covers",
    tags,
    policy: { access: "signed_in", rule: "admins and staff of the organisation that maintains the network's record, and system administrators" },
    params: ZNetworkParams,
    body: ZNetworkThemesInput,
    response: ZNetworkThemes,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => putNetworkThemes(tx, actor, params.id, body.themes)),
  }),
];
