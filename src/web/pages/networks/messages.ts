/**
 * @module web/pages/networks/messages
 * Labels of the networks pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const networksMessages = {} as const satisfies Record<string, Bilingual>;
