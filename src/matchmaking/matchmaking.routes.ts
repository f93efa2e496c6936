/**
 * @module matchmaking/matchmaking.routes
 * HTTP routes of matchmaking: company profiles and opportunities (CRUD, renewal), vetting policies and
 * reviews, and matches in both directions. Writes that change what is matchable update the in-process
 * matching index after their transaction commits. The workflow's routes are in workflow.routes.ts.
 */
import { z } from "zod";
import { ZListResponse } from "../db/list-query.ts";
import { ZIdParams } from "../registry/registry.schema.ts";
import { route } from "../server/route.ts";
import type { RouteSpec } from "../server/route.ts";
import { matchesForCompany, matchesForOpportunity } from "./matches.service.ts";
import { matchIndexFor } from "./match-index.ts";
import {
  ZCompanyListQuery,
  ZCompanyProfile,
  ZCompanyProfileCreate,
  ZCompanyProfileUpdate,
  ZMatchList,
  ZMatchQuery,
  ZOpportunity,
  ZOpportunityCreate,
  ZOpportunityListQuery,
  ZOpportunityUpdate,
  ZOrgIdParams,
  ZRenew,
  ZReview,
  ZReviewCreate,
  ZVettingPolicy,
  ZVettingPolicyBody,
} from "./matchmaking.schema.ts";
import { createOpportunity, deleteOpportunity, getOpportunity, listOpportunities, renewOpportunity, updateOpportunity } from "./opportunities.service.ts";
import { createProfile, deleteProfile, getProfile, listProfiles, updateProfile } from "./profiles.service.ts";
import { workflowRoutes } from "./workflow.routes.ts";
import { searchHsCodes } from "./engine/infer.ts";
import { hsNomenclature, productGlossary } from "./nomenclature.ts";
import { getPolicy, listReviews, review, setPolicy } from "./vetting.service.ts";

const READ = "published records for everyone; unpublished ones for the owner's and the sponsoring government's members";
const MANAGE = "admins and staff of the owner or of the sponsoring government";
const REVIEW = "admins and staff of the sponsoring government";
const REVIEWS_READ = "members of the owner and of the sponsoring government";
const companies = ["matchmaking: companies"];
const opps = ["matchmaking: opportunities"];

const profileRoutes = [
  route({ method: "GET", url: "/api/companies", summary: "List company profiles (search ja/en, filter by status, government, HS prefix)", tags: companies, policy: { access: "public", rule: READ }, query: ZCompanyListQuery, response: ZListResponse(ZCompanyProfile), handler: ({ ctx, actor, query }) => listProfiles(ctx.database.db, actor, query) }),
  route({ method: "GET", url: "/api/companies/:orgId", summary: "Get a company profile with its endorsement", tags: companies, policy: { access: "public", rule: READ }, params: ZOrgIdParams, response: ZCompanyProfile, handler: ({ ctx, actor, params }) => getProfile(ctx.database.db, actor, params.orgId) }),
  route({
    method: "POST", url: "/api/companies", summary: "Create a company's profile (pending review by its sponsoring government)", tags: companies, policy: { access: "signed_in", rule: MANAGE }, body: ZCompanyProfileCreate, response: ZCompanyProfile,
    handler: async ({ ctx, actor, body }) => {
      const out = await ctx.database.db.transaction((tx) => createProfile(tx, actor, body));
      await matchIndexFor(ctx.database).syncCompany(out.orgId);
      return out;
    },
  }),
  route({
    method: "PATCH", url: "/api/companies/:orgId", summary: "Change a company profile (content changes return it to review)", tags: companies, policy: { access: "signed_in", rule: MANAGE }, params: ZOrgIdParams, body: ZCompanyProfileUpdate, response: ZCompanyProfile,
    handler: async ({ ctx, actor, params, body }) => {
      const out = await ctx.database.db.transaction((tx) => updateProfile(tx, actor, params.orgId, body));
      await matchIndexFor(ctx.database).syncCompany(params.orgId);
      return out;
    },
  }),
  route({
    method: "DELETE", url: "/api/companies/:orgId", summary: "Delete a company profile", tags: companies, policy: { access: "signed_in", rule: MANAGE }, params: ZOrgIdParams,
    handler: async ({ ctx, actor, params }) => {
      await ctx.database.db.transaction((tx) => deleteProfile(tx, actor, params.orgId));
      await matchIndexFor(ctx.database).syncCompany(params.orgId);
    },
  }),
  route({
    method: "POST", url: "/api/companies/:orgId/reviews", summary: "Review a company profile on the four criteria; the government's policy publishes, holds or rejects it", tags: companies, policy: { access: "signed_in", rule: REVIEW }, params: ZOrgIdParams, body: ZReviewCreate, response: ZReview,
    handler: async ({ ctx, actor, params, body }) => {
      const out = await ctx.database.db.transaction((tx) => review(tx, actor, { kind: "company", orgId: params.orgId }, body));
      await matchIndexFor(ctx.database).syncCompany(params.orgId);
      return out;
    },
  }),
  route({ method: "GET", url: "/api/companies/:orgId/reviews", summary: "Reviews of a company profile, newest first", tags: companies, policy: { access: "signed_in", rule: REVIEWS_READ }, params: ZOrgIdParams, response: z.object({ items: z.array(ZReview) }), handler: async ({ ctx, actor, params }) => ({ items: await listReviews(ctx.database.db, actor, { kind: "company", orgId: params.orgId }) }) }),
  route({ method: "GET", url: "/api/companies/:orgId/matches", summary: "Requests matching a company, best first, with reasons (ja/en)", tags: companies, policy: { access: "public", rule: `${READ}; matches are published requests only` }, params: ZOrgIdParams, query: ZMatchQuery, response: ZMatchList, handler: ({ ctx, actor, params, query }) => matchesForCompany(ctx.database, actor, params.orgId, query.top) }),
];

const opportunityRoutes = [
  route({ method: "GET", url: "/api/opportunities", summary: "List opportunities (unexpired unless includeExpired=true)", tags: opps, policy: { access: "public", rule: READ }, query: ZOpportunityListQuery, response: ZListResponse(ZOpportunity), handler: ({ ctx, actor, query }) => listOpportunities(ctx.database.db, actor, query) }),
  route({ method: "GET", url: "/api/opportunities/:id", summary: "Get an opportunity with its endorsement", tags: opps, policy: { access: "public", rule: READ }, params: ZIdParams, response: ZOpportunity, handler: ({ ctx, actor, params }) => getOpportunity(ctx.database.db, actor, params.id) }),
  route({
    method: "POST", url: "/api/opportunities", summary: "Post an offer or request (pending review)", tags: opps, policy: { access: "signed_in", rule: MANAGE }, body: ZOpportunityCreate, response: ZOpportunity,
    handler: async ({ ctx, actor, body }) => {
      const out = await ctx.database.db.transaction((tx) => createOpportunity(tx, actor, body));
      await matchIndexFor(ctx.database).syncOpportunity(out.id);
      return out;
    },
  }),
  route({
    method: "PATCH", url: "/api/opportunities/:id", summary: "Change an opportunity (content changes return it to review)", tags: opps, policy: { access: "signed_in", rule: MANAGE }, params: ZIdParams, body: ZOpportunityUpdate, response: ZOpportunity,
    handler: async ({ ctx, actor, params, body }) => {
      const out = await ctx.database.db.transaction((tx) => updateOpportunity(tx, actor, params.id, body));
      await matchIndexFor(ctx.database).syncOpportunity(params.id);
      return out;
    },
  }),
  route({
    method: "DELETE", url: "/api/opportunities/:id", summary: "Delete an opportunity", tags: opps, policy: { access: "signed_in", rule: MANAGE }, params: ZIdParams,
    handler: async ({ ctx, actor, params }) => {
      await ctx.database.db.transaction((tx) => deleteOpportunity(tx, actor, params.id));
      await matchIndexFor(ctx.database).syncOpportunity(params.id);
    },
  }),
  route({
    method: "POST", url: "/api/opportunities/:id/renew", summary: "Extend an opportunity's expiry (from today or its current expiry, whichever is later)", tags: opps, policy: { access: "signed_in", rule: MANAGE }, params: ZIdParams, body: ZRenew, response: ZOpportunity, status: 200,
    handler: async ({ ctx, actor, params, body }) => {
      const out = await ctx.database.db.transaction((tx) => renewOpportunity(tx, actor, params.id, body.months));
      await matchIndexFor(ctx.database).syncOpportunity(params.id);
      return out;
    },
  }),
  route({
    method: "POST", url: "/api/opportunities/:id/reviews", summary: "Review an opportunity on the four criteria", tags: opps, policy: { access: "signed_in", rule: REVIEW }, params: ZIdParams, body: ZReviewCreate, response: ZReview,
    handler: async ({ ctx, actor, params, body }) => {
      const out = await ctx.database.db.transaction((tx) => review(tx, actor, { kind: "opportunity", id: params.id }, body));
      await matchIndexFor(ctx.database).syncOpportunity(params.id);
      return out;
    },
  }),
  route({ method: "GET", url: "/api/opportunities/:id/reviews", summary: "Reviews of an opportunity, newest first", tags: opps, policy: { access: "signed_in", rule: REVIEWS_READ }, params: ZIdParams, response: z.object({ items: z.array(ZReview) }), handler: async ({ ctx, actor, params }) => ({ items: await listReviews(ctx.database.db, actor, { kind: "opportunity", id: params.id }) }) }),
  route({ method: "GET", url: "/api/opportunities/:id/matches", summary: "Companies for a request (or requests for an offer), best first, with reasons (ja/en)", tags: opps, policy: { access: "public", rule: `${READ}; matches are published records only` }, params: ZIdParams, query: ZMatchQuery, response: ZMatchList, handler: ({ ctx, actor, params, query }) => matchesForOpportunity(ctx.database, actor, params.id, query.top) }),
];

const policyRoutes = [
  route({ method: "GET", url: "/api/vetting-policies/:orgId", summary: "A government's vetting policy (the EEN default when it has set none)", tags: ["matchmaking: vetting"], policy: { access: "public", rule: "everyone: the thresholds are public" }, params: ZOrgIdParams, response: ZVettingPolicy, handler: ({ ctx, params }) => getPolicy(ctx.database.db, params.orgId) }),
  route({ method: "PUT", url: "/api/vetting-policies/:orgId", summary: "Set a government's vetting policy", tags: ["matchmaking: vetting"], policy: { access: "signed_in", rule: "admins and staff of the government" }, params: ZOrgIdParams, body: ZVettingPolicyBody, response: ZVettingPolicy, handler: ({ ctx, actor, params, body }) => ctx.database.db.transaction((tx) => setPolicy(tx, actor, params.orgId, body)) }),
];

/** The HS code picker: search the HS 2022 nomenclature and the product glossary in Japanese or English. */
const hsRoutes = [
  route({
    method: "GET",
    url: "/api/hs",
    summary: "Search HS 2022 codes by code, Japanese or English product words (for the HS code picker)",
    tags: ["matchmaking"],
    policy: { access: "public", rule: "reference data, public" },
    query: z.strictObject({
      q: z.string().trim().min(1).max(100).describe("A code prefix (e.g. 0808), or words such as りんご or yellowtail"),
      limit: z.coerce.number().int().min(1).max(50).default(20).describe("Most suggestions to return"),
    }),
    response: z.object({
      items: z.array(
        z.object({
          code: z.string(),
          level: z.number().int(),
          description: z.string().describe("HS 2022 description (English)"),
          chapterJa: z.string().describe("The chapter's name in Japanese"),
          concept: z.object({ id: z.string(), ja: z.string(), en: z.string() }).optional().describe("Glossary product that matched"),
        }),
      ),
    }),
    handler: async ({ query }) => ({ items: searchHsCodes(query.q, hsNomenclature(), productGlossary(), query.limit) }),
  }),
];

export const matchmakingRoutes: RouteSpec<any, any, any, any>[] = [...profileRoutes, ...opportunityRoutes, ...policyRoutes, ...workflowRoutes, ...hsRoutes];
