/**
 * @module web/pages/networks/routes
 * The networks pages' addresses (merged into the app's routes): the map (also the section's landing
 * page), the graph, tie timelines and their forms, network pages, the case library, partner requests and
 * lapse alerts. Fixed paths (`new`) come before `:id`.
 */
import type { RouteDef } from "../../routes.tsx";
import { AlertsPage } from "./alerts-page.tsx";
import { CaseCreatePage, CaseEditPage, CasePage, CasesPage, ProjectFromCasePage } from "./cases-pages.tsx";
import { GraphPage } from "./graph-page.tsx";
import { MapPage } from "./map-page.tsx";
import { NetworkPage, ObligationCreatePage } from "./network-page.tsx";
import { RequestCreatePage, RequestEditPage, RequestPage, RequestsPage } from "./requests-pages.tsx";
import { ActivityCreatePage, TieLifePage, UpgradePage } from "./tie-page.tsx";

export const networksRoutes: RouteDef[] = [
  { path: "/networks", render: () => <MapPage /> },
  { path: "/networks/map", render: () => <MapPage /> },
  { path: "/networks/graph", render: () => <GraphPage /> },
  { path: "/networks/ties/:id", render: ({ id }) => <TieLifePage id={id!} /> },
  { path: "/networks/ties/:id/activities/new", render: ({ id }) => <ActivityCreatePage id={id!} /> },
  { path: "/networks/ties/:id/upgrade", render: ({ id }) => <UpgradePage id={id!} /> },
  { path: "/networks/org/:id", render: ({ id }) => <NetworkPage id={id!} /> },
  { path: "/networks/org/:id/obligations/new", render: ({ id }) => <ObligationCreatePage id={id!} /> },
  { path: "/networks/cases", render: () => <CasesPage /> },
  { path: "/networks/cases/new", render: () => <CaseCreatePage /> },
  { path: "/networks/cases/:id", render: ({ id }) => <CasePage id={id!} /> },
  { path: "/networks/cases/:id/edit", render: ({ id }) => <CaseEditPage id={id!} /> },
  { path: "/networks/cases/:id/project", render: ({ id }) => <ProjectFromCasePage id={id!} /> },
  { path: "/networks/requests", render: () => <RequestsPage /> },
  { path: "/networks/requests/new", render: () => <RequestCreatePage /> },
  { path: "/networks/requests/:id", render: ({ id }) => <RequestPage id={id!} /> },
  { path: "/networks/requests/:id/edit", render: ({ id }) => <RequestEditPage id={id!} /> },
  { path: "/networks/alerts", render: () => <AlertsPage /> },
];
