/**
 * @module web/pages/matchmaking/routes
 * The matchmaking pages' addresses (merged into the app's routes), fixed paths before `:id`.
 */
import type { RouteDef } from "../../routes.tsx";
import { CompanyCreatePage, CompanyEditPage, OpportunityCreatePage, OpportunityEditPage } from "./form-pages.tsx";
import { InterestPage } from "./interest-page.tsx";
import { InterestsPage } from "./interests-page.tsx";
import { NotificationsPage } from "./notifications-page.tsx";
import { VettingPolicyPage } from "./policy-page.tsx";
import { CompaniesPage, CompanyPage, OpportunitiesPage, OpportunityPage } from "./matching-pages.tsx";
import { CompanyReviewPage, OpportunityReviewPage, VettingQueuePage } from "./vetting-pages.tsx";

export const matchmakingRoutes: RouteDef[] = [
  { path: "/matching", render: () => <CompaniesPage /> },
  { path: "/matching/opportunities", render: () => <OpportunitiesPage /> },
  { path: "/matching/vetting", render: () => <VettingQueuePage /> },
  { path: "/matching/interests", render: () => <InterestsPage /> },
  { path: "/matching/notifications", render: () => <NotificationsPage /> },
  { path: "/matching/interests/:id", render: ({ id }) => <InterestPage id={id!} /> },
  { path: "/matching/companies/new", render: () => <CompanyCreatePage /> },
  { path: "/matching/companies/:id", render: ({ id }) => <CompanyPage orgId={id!} /> },
  { path: "/matching/companies/:id/edit", render: ({ id }) => <CompanyEditPage orgId={id!} /> },
  { path: "/matching/opportunities/new", render: () => <OpportunityCreatePage /> },
  { path: "/matching/opportunities/:id", render: ({ id }) => <OpportunityPage id={id!} /> },
  { path: "/matching/opportunities/:id/edit", render: ({ id }) => <OpportunityEditPage id={id!} /> },
  { path: "/matching/vetting/companies/:id", render: ({ id }) => <CompanyReviewPage orgId={id!} /> },
  { path: "/matching/vetting/opportunities/:id", render: ({ id }) => <OpportunityReviewPage id={id!} /> },
  { path: "/matching/vetting-policy/:id", render: ({ id }) => <VettingPolicyPage orgId={id!} /> },
];
