/**
 * @module web/pages/networks/api-types
 * The shapes of the networks API's answers, taken from the server's zod schemas (types only: nothing of
 * the server is bundled into the web app).
 */
import type { z } from "zod";
import type { TGraph, TMap } from "../../../networks/graph-api.schema.ts";
import type { TCase, TPartnerRequest, ZSuggestion } from "../../../networks/library.schema.ts";
import type { TNetworkProfile, TObligation, ZCalendar, ZNetworkThemes } from "../../../networks/membership.schema.ts";
import type { TRoleHistory, TTieActivity, TTieHistory, TTieSummary, ZLapseAlerts, ZTieActivities, ZTieLineage } from "../../../networks/tie-life.schema.ts";
import type { TInitiative } from "../../../evaluation/evaluation.schema.ts";

export type MapData = TMap;
export type MapArc = TMap["arcs"][number];
export type MapOffice = TMap["offices"][number];
export type GraphData = TGraph;
export type GraphNode = TGraph["nodes"][number];
export type GraphEdge = TGraph["edges"][number];
export type GraphPipeline = TGraph["pipelines"][number];
export type TieHistory = TTieHistory;
export type TieSummary = TTieSummary;
export type TieActivity = TTieActivity;
export type TieActivities = z.infer<typeof ZTieActivities>;
export type TieLineage = z.infer<typeof ZTieLineage>;
export type RoleHistory = TRoleHistory;
export type LapseAlerts = z.infer<typeof ZLapseAlerts>;
export type LapseAlert = LapseAlerts["alerts"][number];
export type NetworkProfile = TNetworkProfile;
export type NetworkMember = TNetworkProfile["members"][number];
export type Obligation = TObligation;
export type Calendar = z.infer<typeof ZCalendar>;
export type NetworkThemes = z.infer<typeof ZNetworkThemes>;
export type Case = TCase;
export type PartnerRequest = TPartnerRequest;
export type Suggestion = z.infer<typeof ZSuggestion>;
export type Initiative = TInitiative;
