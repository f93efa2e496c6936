/**
 * @module people/core/fixtures
 * Test factories for people: `buildPerson(overrides)` and `buildPosting(overrides)` with plausible defaults,
 * so each test states only what it is about. Used by the people tests only; the names are invented.
 */
import type { z } from "zod";
import type { ZPerson, ZPosting } from "./person.ts";

type PostingIn = z.input<typeof ZPosting>;
type PersonIn = z.input<typeof ZPerson>;

export function buildPosting(overrides: Partial<PostingIn> & { id: string }): PostingIn {
  return { kind: "department", from: "2015-04-01", ...overrides };
}

export function buildPerson(overrides: Partial<PersonIn> & { id: string }): PersonIn {
  return { organisationId: "pref-fukuoka", name: `Official ${overrides.id}`, postings: [], ...overrides };
}
