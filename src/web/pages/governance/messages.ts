/**
 * @module web/pages/governance/messages
 * Labels of the governance pages, Japanese and English side by side (merged into the app's catalog).
 */
import type { Bilingual } from "../../../core/domain.ts";

export const governanceMessages = {} as const satisfies Record<string, Bilingual>;
