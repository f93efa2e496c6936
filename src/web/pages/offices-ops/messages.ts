/**
 * @module web/pages/offices-ops/messages
 * Labels of the offices-ops pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const officesOpsMessages = {} as const satisfies Record<string, Bilingual>;
