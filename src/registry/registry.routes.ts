/**
 * @module registry/registry.routes
 * HTTP routes of the registry: CRUD for organisations, strategies, offices and ties, and the Table 2
 * strategy report; the spreadsheet import and export routes live in transfer/.
 */
import { z } from "zod";
import { crudRoutes } from "../server/crud-routes.ts";
import { route } from "../server/route.ts";
import { createOffice, deleteOffice, getOffice, listOffices, updateOffice } from "./offices.service.ts";
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./organisations.service.ts";
import {
  ZOffice,
  ZOfficeCreate,
  ZOfficeListQuery,
  ZOfficeUpdate,
  ZOrganisation,
  ZOrganisationCreate,
  ZOrganisationListQuery,
  ZOrganisationUpdate,
  ZStrategy,
  ZStrategyCreate,
  ZStrategyListQuery,
  ZStrategyUpdate,
  ZTie,
  ZTieCreate,
  ZTieListQuery,
  ZTieUpdate,
} from "./registry.schema.ts";
import { createStrategy, deleteStrategy, getStrategy, listStrategies, strategyReport, updateStrategy } from "./strategies.service.ts";
import { createTie, deleteTie, getTie, listTies, updateTie } from "./ties.service.ts";
import { transferRoutes } from "./transfer/transfer.routes.ts";

const ZCoverage = z.object({
  withStrategy: z.number().int().describe("Governments with at least one strategy"),
  total: z.number().int().describe("Governments of this kind"),
  strategies: z.number().int().describe("Strategy records (a government may have several)"),
});
export const ZStrategyReport = z.object({
  prefectures: ZCoverage,
  designatedCities: ZCoverage,
  byDecade: z.record(z.string(), z.number().int()),
  byYear: z.record(z.string(), z.number().int()),
});

export const registryRoutes = [
  ...crudRoutes({
    path: "organisations",
    noun: "organisation",
    item: ZOrganisation,
    create: ZOrganisationCreate,
    update: ZOrganisationUpdate,
    listQuery: ZOrganisationListQuery,
    list: listOrganisations,
    get: getOrganisation,
    insert: (db, actor, input) => createOrganisation(db, actor, input),
    patch: updateOrganisation,
    remove: deleteOrganisation,
  }),
  ...crudRoutes({
    path: "strategies",
    noun: "international strategy",
    item: ZStrategy,
    create: ZStrategyCreate,
    update: ZStrategyUpdate,
    listQuery: ZStrategyListQuery,
    list: listStrategies,
    get: getStrategy,
    insert: createStrategy,
    patch: updateStrategy,
    remove: deleteStrategy,
  }),
  ...crudRoutes({
    path: "offices",
    noun: "overseas office",
    item: ZOffice,
    create: ZOfficeCreate,
    update: ZOfficeUpdate,
    listQuery: ZOfficeListQuery,
    list: listOffices,
    get: getOffice,
    insert: (db, actor, input) => createOffice(db, actor, input),
    patch: updateOffice,
    remove: deleteOffice,
  }),
  ...crudRoutes({
    path: "ties",
    noun: "tie",
    item: ZTie,
    create: ZTieCreate,
    update: ZTieUpdate,
    listQuery: ZTieListQuery,
    list: listTies,
    get: getTie,
    insert: createTie,
    patch: updateTie,
    remove: deleteTie,
  }),
  route({
    method: "GET",
    url: "/api/reports/strategies",
    summary: "Table 2: how many prefectures and designated cities have an international strategy, by decade and year",
    tags: ["strategies"],
    policy: { access: "public", rule: "computed from public records only" },
    response: ZStrategyReport,
    handler: ({ ctx }) => strategyReport(ctx.database.db),
  }),
  ...transferRoutes,
];
