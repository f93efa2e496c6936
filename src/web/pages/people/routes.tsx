/**
 * @module web/pages/people/routes
 * The people pages' addresses (merged into the app's routes), fixed paths before `/people/:id`.
 */
import type { RouteDef } from "../../routes.tsx";
import { DirectoryPage } from "./directory-page.tsx";
import { HandoverNewPage, HandoverPage, HandoversPage } from "./handover-pages.tsx";
import { RisksPage, RosterPage } from "./insight-pages.tsx";
import { ContactNewPage, PersonCreatePage, PersonEditPage, PostingNewPage } from "./person-forms.tsx";
import { PersonPage } from "./person-page.tsx";
import { SkillsPage } from "./skills-page.tsx";

export const peopleRoutes: RouteDef[] = [
  { path: "/people", render: () => <DirectoryPage /> },
  { path: "/people/new", render: () => <PersonCreatePage /> },
  { path: "/people/risks", render: () => <RisksPage /> },
  { path: "/people/roster", render: () => <RosterPage /> },
  { path: "/people/handovers", render: () => <HandoversPage /> },
  { path: "/people/:id", render: ({ id }) => <PersonPage id={id!} /> },
  { path: "/people/:id/edit", render: ({ id }) => <PersonEditPage id={id!} /> },
  { path: "/people/:id/skills", render: ({ id }) => <SkillsPage id={id!} /> },
  { path: "/people/:id/postings/new", render: ({ id }) => <PostingNewPage id={id!} /> },
  { path: "/people/:id/contacts/new", render: ({ id }) => <ContactNewPage id={id!} /> },
  { path: "/people/:id/handover", render: ({ id }) => <HandoverNewPage id={id!} /> },
  { path: "/handovers/:id", render: ({ id }) => <HandoverPage id={id!} /> },
];
