/**
 * @module networks/library.routes
 * The good-practice case library (CRUD with Japanese/English search), projects made from a case (they
 * become evaluation initiatives), and partner requests with their stored, recomputable suggestions.
 */
import { z } from "zod";
import { ZInitiative } from "../evaluation/evaluation.schema.ts";
import { crudRoutes } from "../server/crud-routes.ts";
import type { RouteSpec } from "../server/route.ts";
import { route } from "../server/route.ts";
import { createCase, deleteCase, getCase, listCases, projectFromCase, projectsOfCase, updateCase } from "./cases.service.ts";
import {
  ZCase,
  ZCaseCreate,
  ZCaseListQuery,
  ZCaseUpdate,
  ZPartnerRequest,
  ZPartnerRequestCreate,
  ZPartnerRequestListQuery,
  ZPartnerRequestUpdate,
  ZProjectFromCase,
} from "./library.schema.ts";
import {
  createPartnerRequest,
  deletePartnerRequest,
  getPartnerRequest,
  listPartnerRequests,
  refreshPartnerRequest,
  updatePartnerRequest,
} from "./partner-requests.service.ts";
import { ZIdParams } from "./schema-parts.ts";

export const libraryRoutes: RouteSpec<any, any, any, any>[] = [
  ...crudRoutes({
    path: "networks/cases",
    noun: "good-practice case",
    item: ZCase,
    create: ZCaseCreate,
    update: ZCaseUpdate,
    listQuery: ZCaseListQuery,
    list: listCases,
    get: getCase,
    insert: createCase,
    patch: updateCase,
    remove: deleteCase,
  }),
  route({
    method: "POST",
    url: "/api/networks/cases/:id/projects",
    summary: "Make a project from a case with its partners: an initiative with the case's theme, for the evaluation",
    tags: ["networks/cases"],
    policy: { access: "signed_in", rule: "the case must be visible; admins and staff of the project's owner organisation, and system administrators" },
    params: ZIdParams,
    body: ZProjectFromCase,
    response: ZInitiative,
    handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => projectFromCase(tx, actor, params.id, body)),
  }),
  route({
    method: "GET",
    url: "/api/networks/cases/:id/projects",
    summary: "Projects (initiatives) made from a case",
    tags: ["networks/cases"],
    policy: { access: "public", rule: "the case and the initiatives visible to the caller" },
    params: ZIdParams,
    response: z.object({ items: z.array(ZInitiative) }),
    handler: async ({ ctx, actor, params }) => ({ items: await projectsOfCase(ctx.database.db, actor, params.id) }),
  }),
  ...crudRoutes({
    path: "networks/partner-requests",
    noun: "partner request",
    item: ZPartnerRequest,
    create: ZPartnerRequestCreate,
    update: ZPartnerRequestUpdate,
    listQuery: ZPartnerRequestListQuery,
    list: listPartnerRequests,
    get: getPartnerRequest,
    insert: createPartnerRequest,
    patch: updatePartnerRequest,
    remove: deletePartnerRequest,
  }),
  route({
    method: "POST",
    url: "/api/networks/partner-requests/:id/suggestions",
    summary: "Compute a partner request's suggestions again over the current data",
    tags: ["networks/partner-requests"],
    policy: { access: "signed_in", rule: "admins and staff of the requesting organisation, and system administrators" },
    params: ZIdParams,
    status: 200,
    response: ZPartnerRequest,
    handler: ({ ctx, actor, params }) => ctx.database.db.transaction((tx) => refreshPartnerRequest(tx, actor, params.id)),
  }),
];
