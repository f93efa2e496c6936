/**
 * @module web/pages/governance/routes
 * The governance pages' addresses (merged into the app's routes): the assessment of one government and
 * the comparison of all, Table 3, the KPI dashboard and its forms, the continuity report and the forms of
 * a term of office, and one initiative (where the assessment's evidence and the report link to).
 */
import type { RouteDef } from "../../routes.tsx";
import { AssessmentPage, ComparisonPage, ModelPage } from "./assessment-pages.tsx";
import { ContinuityChooserPage, ContinuityPage, InitiativePage } from "./continuity-pages.tsx";
import { InitiativeCreatePage, InitiativeEditPage, TermCreatePage, TermEditPage } from "./initiative-forms.tsx";
import { KpiChooserPage, KpiCreatePage, KpiDashboardPage, MeasurementPage } from "./kpi-pages.tsx";

export const governanceRoutes: RouteDef[] = [
  { path: "/assessment", render: () => <ComparisonPage /> },
  { path: "/assessment/:orgId", render: ({ orgId }) => <AssessmentPage orgId={orgId!} /> },
  { path: "/governance/model", render: () => <ModelPage /> },
  { path: "/kpis", render: () => <KpiChooserPage /> },
  { path: "/kpis/:orgId", render: ({ orgId }) => <KpiDashboardPage orgId={orgId!} /> },
  { path: "/kpis/:orgId/new", render: ({ orgId }) => <KpiCreatePage orgId={orgId!} /> },
  { path: "/kpis/:orgId/record", render: ({ orgId }) => <MeasurementPage orgId={orgId!} /> },
  { path: "/continuity", render: () => <ContinuityChooserPage /> },
  { path: "/continuity/:orgId", render: ({ orgId }) => <ContinuityPage orgId={orgId!} /> },
  { path: "/continuity/:orgId/terms/new", render: ({ orgId }) => <TermCreatePage orgId={orgId!} /> },
  { path: "/continuity/:orgId/terms/:id/edit", render: ({ id }) => <TermEditPage id={id!} /> },
  { path: "/initiatives/new", render: () => <InitiativeCreatePage /> },
  { path: "/initiatives/:id/edit", render: ({ id }) => <InitiativeEditPage id={id!} /> },
  { path: "/initiatives/:id", render: ({ id }) => <InitiativePage id={id!} /> },
];
