/**
 * @module web/pages/events/routes
 * The events pages' addresses (merged into the app's routes).
 */
import type { RouteDef } from "../../routes.tsx";
import { AgendaPage } from "./agenda-page.tsx";
import { EventPage, EventsPage } from "./events-pages.tsx";
import { EditEventPage, NewEventPage } from "./organiser-pages.tsx";
import { ImportPage } from "./import-page.tsx";
import { GridPage } from "./grid-page.tsx";
import { ParticipantPage } from "./participant-page.tsx";
import { ReportPage } from "./report-page.tsx";

export const eventsRoutes: RouteDef[] = [
  { path: "/events", render: () => <EventsPage /> },
  { path: "/events/new", render: () => <NewEventPage /> },
  { path: "/events/:id/edit", render: ({ id }) => <EditEventPage id={id!} /> },
  { path: "/events/:id", render: ({ id }) => <EventPage id={id!} /> },
  { path: "/events/:id/grid", render: ({ id }) => <GridPage eventId={id!} /> },
  { path: "/events/:id/import", render: ({ id }) => <ImportPage eventId={id!} /> },
  { path: "/events/:id/report", render: ({ id }) => <ReportPage eventId={id!} /> },
  { path: "/events/:id/participants/:pid", render: ({ id, pid }) => <ParticipantPage eventId={id!} pid={pid!} /> },
  { path: "/events/:id/participants/:pid/agenda", render: ({ id, pid }) => <AgendaPage eventId={id!} pid={pid!} /> },
];
