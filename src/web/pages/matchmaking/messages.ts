/**
 * @module web/pages/matchmaking/messages
 * Labels of the matchmaking pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const matchmakingMessages = {} as const satisfies Record<string, Bilingual>;
