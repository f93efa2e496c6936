/**
 * @module web/pages/offices-ops/routes
 * The offices-ops pages' addresses (merged into the app's routes): the menu's list of the user's offices,
 * one office's operations, and its operations settings.
 */
import type { RouteDef } from "../../routes.tsx";
import { OfficeOpsListPage } from "./office-ops-list-page.tsx";
import { OfficeOpsPage } from "./office-ops-page.tsx";
import { SettingsPage } from "./settings.tsx";

export const officesOpsRoutes: RouteDef[] = [
  { path: "/office-operations", render: () => <OfficeOpsListPage /> },
  { path: "/offices/:id/operations", render: ({ id }) => <OfficeOpsPage id={id!} /> },
  { path: "/offices/:id/operations/settings", render: ({ id }) => <SettingsPage id={id!} /> },
];
