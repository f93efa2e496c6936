/**
 * @module web/routes
 * Every page's address, in match order (`/offices/new` before `/offices/:id`). A new page is a route
 * here and, if it belongs in the menu, one line in nav.ts.
 */
import type { ReactNode } from "react";
import { CreatePage, EditPage, officeForm, organisationForm, strategyForm, tieForm, type FormConfig } from "./pages/form-pages.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { OfficePage, OfficesPage } from "./pages/offices-pages.tsx";
import { OrganisationPage, OrganisationsPage } from "./pages/organisations-pages.tsx";
import { SignInPage } from "./pages/sign-in-page.tsx";
import { StrategiesPage, StrategyPage } from "./pages/strategies-pages.tsx";
import { TiePage, TiesPage } from "./pages/ties-pages.tsx";
import { TransferPage } from "./pages/transfer-page.tsx";
import { governanceRoutes } from "./pages/governance/routes.tsx";
import { officesOpsRoutes } from "./pages/offices-ops/routes.tsx";
import { peopleRoutes } from "./pages/people/routes.tsx";
import { networksRoutes } from "./pages/networks/routes.tsx";
import { matchmakingRoutes } from "./pages/matchmaking/routes.tsx";
import { eventsRoutes } from "./pages/events/routes.tsx";

export interface RouteDef {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}

/** List, create, detail and edit routes of one registry entity. */
function entityRoutes(form: FormConfig, list: () => ReactNode, detail: (id: string) => ReactNode): RouteDef[] {
  const base = `/${form.resource}`;
  return [
    { path: base, render: list },
    { path: `${base}/new`, render: () => <CreatePage config={form} /> },
    { path: `${base}/:id`, render: ({ id }) => detail(id!) },
    { path: `${base}/:id/edit`, render: ({ id }) => <EditPage config={form} id={id!} /> },
  ];
}

export const routes: RouteDef[] = [
  { path: "/", render: () => <HomePage /> },
  { path: "/sign-in", render: () => <SignInPage /> },
  ...entityRoutes(organisationForm, () => <OrganisationsPage />, (id) => <OrganisationPage id={id} />),
  ...entityRoutes(officeForm, () => <OfficesPage />, (id) => <OfficePage id={id} />),
  ...entityRoutes(strategyForm, () => <StrategiesPage />, (id) => <StrategyPage id={id} />),
  ...entityRoutes(tieForm, () => <TiesPage />, (id) => <TiePage id={id} />),
  ...governanceRoutes,
  ...officesOpsRoutes,
  ...peopleRoutes,
  ...networksRoutes,
  ...matchmakingRoutes,
  ...eventsRoutes,
  { path: "/import-export", render: () => <TransferPage /> },
];
