/**
 * @module web/nav
 * The main navigation as data: adding a page to the menu is one line here (plus its routes in
 * routes.tsx). `counted` entries also get a card with their record count on the home page, read from
 * the list endpoint of the same name (`/api/<path>?limit=1`).
 */
import type { MessageKey } from "./i18n/messages.ts";

export interface NavItem {
  to: string;
  label: MessageKey;
  counted?: boolean;
}

export const navItems: NavItem[] = [
  { to: "/organisations", label: "nav.organisations", counted: true },
  { to: "/offices", label: "nav.offices", counted: true },
  { to: "/strategies", label: "nav.strategies", counted: true },
  { to: "/ties", label: "nav.ties", counted: true },
  { to: "/networks", label: "networks.nav" },
  { to: "/assessment", label: "governance.nav.assessment" },
  { to: "/kpis", label: "governance.nav.kpis" },
  { to: "/office-operations", label: "offices-ops.nav" },
  { to: "/people", label: "people.nav" },
  { to: "/events", label: "events.nav" },
  { to: "/matching", label: "matchmaking.nav" },
  { to: "/import-export", label: "transfer.nav" },
];
