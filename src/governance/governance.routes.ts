/**
 * @module governance/governance.routes
 * HTTP routes of the governance assessment: an organisation's assessment and timeline from the database,
 * the comparison of all local governments (JSON, CSV or XLSX), the model (Table 3, ja/en), and the
 * assessment of a posted profile. Reads only what the caller may see: anonymous visitors are assessed on
 * public records.
 */
import { z } from "zod";
import { ZPartialDate } from "../core/dates.ts";
import type { Actor } from "../auth/actor.ts";
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, LOCAL_GOVERNMENT_KINDS, LOCALES, type Locale } from "../core/domain.ts";
import { ZIdParams } from "../registry/registry.schema.ts";
import { route } from "../server/route.ts";
import { assess } from "./assessment.ts";
import { comparisonToXlsx } from "./compare-xlsx.ts";
import { comparisonToCsv } from "./compare.ts";
import { assessOrganisation, compareLocalGovernments, governanceModel, timelineOfOrganisation, timelineSummaryOfOrganisation } from "./governance.service.ts";
import { ZAssessment, ZAssessmentProfile, ZAssessmentTimeline, ZAssessmentTimelineSummary, ZBilingual } from "./profile.schema.ts";

const READ_RULE = "records as the caller may see them: public records for anonymous visitors; shared and confidential ones for members of the organisations they belong to";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const ZOrgRef = z.object({ id: z.uuid(), nameJa: z.string(), nameEn: z.string(), kind: z.enum(LOCAL_GOVERNMENT_KINDS), localGovCode: z.string().nullable() });
const ZRecords = z.record(z.string(), z.object({ kind: z.enum(["office", "tie", "initiative", "kpi", "administration"]), id: z.uuid() })).describe("Evidence ref → the record it stands for");
export const ZOrganisationAssessment = z.object({ organisation: ZOrgRef, assessment: ZAssessment, records: ZRecords });
export const ZOrganisationTimeline = z.object({ organisation: ZOrgRef, timeline: ZAssessmentTimeline, records: ZRecords });
export const ZOrganisationTimelineSummary = z.object({
  organisation: ZOrgRef,
  detail: z.literal("summary").describe("Marks the light form: no evidence, no records"),
  timeline: ZAssessmentTimelineSummary,
});

const ZStageCount = z.record(z.enum([...GOVERNANCE_STAGES, "none"]), z.number().int());
export const ZComparison = z.object({
  modelVersion: z.string(),
  kind: z.enum(LOCAL_GOVERNMENT_KINDS).nullable(),
  asOf: z.string().nullable(),
  rows: z.array(
    z.object({
      id: z.string().nullable(),
      code: z.string().nullable(),
      name: z.string(),
      asOf: z.string().nullable(),
      stage: z.enum(GOVERNANCE_STAGES).nullable(),
      dimensions: z.record(z.enum(GOVERNANCE_DIMENSIONS), z.object({ stage: z.enum(GOVERNANCE_STAGES).nullable(), shares: z.record(z.enum(GOVERNANCE_STAGES), z.number()), evidenceCount: z.number().int() })),
    }),
  ),
  distribution: z.record(z.string(), ZStageCount).describe("Per dimension (and overall): governments at each stage"),
});

export const ZGovernanceModelView = z.object({
  version: z.string(),
  title: ZBilingual,
  source: z.object({ citation: z.string(), doi: z.string(), table: z.string(), note: z.string().optional() }),
  stages: z.record(z.enum(GOVERNANCE_STAGES), z.object({ name: ZBilingual, short: ZBilingual })),
  dimensions: z.record(z.enum(GOVERNANCE_DIMENSIONS), z.object({ name: ZBilingual, cells: z.record(z.enum(GOVERNANCE_STAGES), ZBilingual) })),
});

/** The caller, reading in the language the page asked for (anonymous visitors have no saved one). */
function inLocale(actor: Actor, locale: Locale | undefined): Actor {
  return locale ? { ...actor, locale } : actor;
}

export const governanceRoutes = [
  route({
    method: "GET",
    url: "/api/organisations/:id/assessment",
    summary: "Where a local government stands on Table 3's six dimensions, with the evidence and recommendations",
    tags: ["governance"],
    policy: { access: "public", rule: READ_RULE },
    params: ZIdParams,
    query: z.strictObject({
      asOf: ZPartialDate.optional().describe("Count only records active on this date; omitted: every record counts"),
      locale: z.enum(LOCALES).optional().describe("Language of record names in the evidence (default: the signed-in user's, else Japanese)"),
    }),
    response: ZOrganisationAssessment,
    handler: ({ ctx, actor, params, query }) => assessOrganisation(ctx.database.db, inLocale(actor, query.locale), params.id, query.asOf),
  }),
  route({
    method: "GET",
    url: "/api/organisations/:id/assessment/timeline",
    summary: "The assessment at the end of every year, from the earliest record to `to` (default today); detail=summary for the verdicts without evidence",
    tags: ["governance"],
    policy: { access: "public", rule: READ_RULE },
    params: ZIdParams,
    query: z.strictObject({
      from: z.coerce.number().int().min(1000).max(9999).optional().describe("First year (default: the year of the earliest record)"),
      to: ZPartialDate.optional().describe("Last year (YYYY: its 31 December) or date (default today)"),
      detail: z
        .enum(["full", "summary"])
        .default("full")
        .describe("full (default): every year's whole assessment with evidence and `records`; summary: per year the stages, shares, evidence counts and recommendation codes only"),
      locale: z.enum(LOCALES).optional().describe("Language of record names in the evidence (default: the signed-in user's, else Japanese)"),
    }),
    response: z.union([ZOrganisationTimeline, ZOrganisationTimelineSummary]),
    handler: ({ ctx, actor, params, query }) => {
      const range = { from: query.from, to: query.to };
      const reader = inLocale(actor, query.locale);
      return query.detail === "summary" ? timelineSummaryOfOrganisation(ctx.database.db, reader, params.id, range) : timelineOfOrganisation(ctx.database.db, reader, params.id, range);
    },
  }),
  route({
    method: "GET",
    url: "/api/assessments/comparison",
    summary: "All local governments (of a kind) side by side on Table 3: JSON, or a CSV/XLSX download (format=csv|xlsx)",
    tags: ["governance"],
    policy: { access: "public", rule: READ_RULE },
    query: z.strictObject({
      kind: z.enum(LOCAL_GOVERNMENT_KINDS).optional().describe("Only this kind (default: every local government)"),
      asOf: ZPartialDate.optional().describe("Count only records active on this date"),
      format: z.enum(["json", "csv", "xlsx"]).default("json"),
      locale: z.enum(LOCALES).optional().describe("Language of CSV/XLSX headers and stage names (default: the caller's)"),
      labels: z.enum(["true", "false"]).default("true").describe("CSV: labelled headers and stage names (true) or machine ids (false)"),
    }),
    response: ZComparison,
    handler: async ({ ctx, actor, query, reply }) => {
      const { model, table } = await compareLocalGovernments(ctx.database.db, inLocale(actor, query.locale), query);
      const locale = query.locale ?? actor.locale;
      const name = `assessment-comparison-${query.kind ?? "local-governments"}${query.asOf ? `-${query.asOf}` : ""}`;
      if (query.format === "csv") {
        reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`);
        return comparisonToCsv(table, query.labels === "true" ? { labels: { model, locale }, bom: true } : {});
      }
      if (query.format === "xlsx") {
        reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="${name}.xlsx"`);
        return comparisonToXlsx(table, model, locale);
      }
      return { modelVersion: model.version, kind: query.kind ?? null, asOf: query.asOf ?? null, ...table };
    },
  }),
  route({
    method: "GET",
    url: "/api/governance/model",
    summary: "The governance model: Table 3's stages and dimensions in Japanese and English, with its source",
    tags: ["governance"],
    policy: { access: "public", rule: "anyone" },
    response: ZGovernanceModelView,
    handler: async () => {
      const m = await governanceModel();
      return { version: m.version, title: m.title, source: m.source, stages: m.stages, dimensions: m.dimensions };
    },
  }),
  route({
    method: "POST",
    url: "/api/assessments/profile",
    summary: "Assess a posted profile (docs/assessment.md); nothing is stored",
    tags: ["governance"],
    policy: { access: "public", rule: "anyone: computes from the posted profile only and reads nothing" },
    query: z.strictObject({ asOf: ZPartialDate.optional().describe("Count only records active on this date") }),
    body: ZAssessmentProfile,
    response: ZAssessment,
    status: 200,
    handler: async ({ query, body }) => assess(body, await governanceModel(), { asOf: query.asOf ?? null }),
  }),
];
