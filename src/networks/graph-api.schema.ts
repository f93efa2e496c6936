/**
 * @module networks/graph-api.schema
 * Schemas of the graph and map endpoints: the graph of visible organisations and ties with every metric
 * (and its GraphML, GEXF and CSV exports), and the web map's arcs, offices and yearly counts by kind.
 */
import { z } from "zod";
import { LOCALES, OFFICE_MODELS, TIE_KINDS, TIE_PURPOSES } from "../core/domain.ts";
import { ZPartialDate } from "../core/dates.ts";
import { ZBilingual } from "./schema-parts.ts";
import { TIE_STATES } from "./tie-lifecycle.ts";

export const ZGraphQuery = z.strictObject({
  kind: z.enum(TIE_KINDS).optional().describe("Only ties of this kind"),
  purpose: z.enum(TIE_PURPOSES).optional().describe("Only ties with this purpose"),
  activeOn: ZPartialDate.optional().describe("Only ties active on this date (since ≤ date < until)"),
  groupBy: z.enum(["country", "region"]).default("country").describe("Groups for brokerage and pipelines: ISO country, or region (Japan's eight regions; UN M49 sub-regions elsewhere)"),
  directed: z.enum(["true", "false"]).default("false").describe("true: edges run from the tie's first end (aOrgId, taken as the initiator) to the other"),
});
export type TGraphQuery = z.infer<typeof ZGraphQuery>;

export const ZGraphExportQuery = ZGraphQuery.extend({
  lang: z.enum(LOCALES).optional().describe("Language of node labels (default: the user's)"),
});
export const ZGraphCsvQuery = ZGraphExportQuery.extend({
  table: z.enum(["nodes", "edges"]).default("nodes").describe("nodes: every metric per node; edges: the merged edge list (reads back as an edges.csv)"),
});

const ZBrokerage = z.object({ coordinator: z.number(), gatekeeper: z.number(), representative: z.number(), itinerant: z.number(), liaison: z.number() });

export const ZGraph = z.object({
  graph: z.object({
    directed: z.boolean(),
    pathWeights: z.enum(["hops", "distance"]),
    nodes: z.number().int(),
    edges: z.number().int().describe("Pairs after merging duplicate ties"),
    inputEdges: z.number().int().describe("Ties"),
    mergedDuplicates: z.number().int(),
    components: z.number().int(),
    ungroupedTies: z.number().int(),
  }),
  groupBy: z.enum(["country", "region"]),
  groups: z.array(z.object({ id: z.string(), label: ZBilingual, nodes: z.number().int() })),
  nodes: z.array(
    z.object({
      id: z.uuid(),
      name: ZBilingual,
      kind: z.string(),
      country: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      group: z.string(),
      groupLabel: ZBilingual,
      degree: z.number().int(),
      inDegree: z.number().int().optional(),
      outDegree: z.number().int().optional(),
      weightedDegree: z.number(),
      closeness: z.number(),
      betweenness: z.number(),
      brokerage: ZBrokerage.nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      tieId: z.uuid(),
      source: z.uuid(),
      target: z.uuid(),
      kind: z.enum(TIE_KINDS),
      purposes: z.array(z.string()),
      since: z.string().nullable(),
      until: z.string().nullable(),
      state: z.enum(TIE_STATES).nullable(),
    }),
  ),
  pipelines: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      fromLabel: ZBilingual,
      toLabel: ZBilingual,
      internal: z.boolean(),
      ties: z.number().int(),
      weight: z.number(),
      byKind: z.record(z.string(), z.number().int()),
      byPurpose: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type TGraph = z.infer<typeof ZGraph>;

export const ZMapQuery = z.strictObject({
  from: z.coerce.number().int().min(1800).max(2200).optional().describe("First year (default: the earliest tie's)"),
  to: z.coerce.number().int().min(1800).max(2200).optional().describe("Last year (default: this year)"),
  kind: z.enum(TIE_KINDS).optional().describe("Only ties of this kind"),
});

const ZMapEnd = z.object({ orgId: z.uuid(), name: ZBilingual, kind: z.string(), country: z.string(), lat: z.number(), lon: z.number() });
export const ZMap = z.object({
  from: z.number().int(),
  to: z.number().int(),
  arcs: z.array(
    z.object({
      tieId: z.uuid(),
      kind: z.enum(TIE_KINDS),
      purposes: z.array(z.string()),
      since: z.string().nullable(),
      until: z.string().nullable(),
      startYear: z.number().int().nullable().describe("First year active; null when the tie is undated"),
      endYear: z.number().int().nullable().describe("Last year active; null while it lasts"),
      a: ZMapEnd,
      b: ZMapEnd,
    }),
  ),
  offices: z.array(
    z.object({
      id: z.uuid(),
      name: ZBilingual,
      ownerOrgId: z.uuid(),
      ownerName: ZBilingual,
      city: ZBilingual,
      country: z.string(),
      lat: z.number(),
      lon: z.number(),
      operationalModel: z.enum(OFFICE_MODELS),
      openedYear: z.number().int().nullable(),
      closedYear: z.number().int().nullable().describe("Last year open; null while open"),
    }),
  ),
  years: z.array(
    z.object({
      year: z.number().int(),
      activeByKind: z.record(z.string(), z.number().int()).describe("Ties active during the year, by kind"),
      newByKind: z.record(z.string(), z.number().int()).describe("Ties begun that year, by kind"),
      openOffices: z.number().int(),
    }),
  ),
  undated: z.object({ ties: z.number().int(), offices: z.number().int() }),
  withoutCoordinates: z.object({ ties: z.number().int(), offices: z.number().int() }),
});
export type TMap = z.infer<typeof ZMap>;
