/**
 * @module web/pages/events/messages
 * Labels of the events pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const eventsMessages = {} as const satisfies Record<string, Bilingual>;
