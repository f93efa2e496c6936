/**
 * @module web/pages/people/messages
 * Labels of the people pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const peopleMessages = {} as const satisfies Record<string, Bilingual>;
