/**
 * @module people/core/languages
 * Language skills with a level on a named scale: CEFR (A1–C2) for any language, JLPT-style levels (N5–N1)
 * for Japanese, or native. Other tests (HSK, TOPIK, TOEIC, …) are entered as their CEFR equivalent with the
 * original result kept as evidence. A common rank 1–7 lets skills on different scales be compared; the
 * JLPT–CEFR alignment it uses is approximate, as the JLPT's own comparison is.
 */
import { z } from "zod";
import type { Bilingual } from "../../core/domain.ts";

export const LANGUAGE_SCALES = ["cefr", "jlpt", "native"] as const;
export type LanguageScale = (typeof LANGUAGE_SCALES)[number];

export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export const JLPT_LEVELS = ["N5", "N4", "N3", "N2", "N1"] as const;

export const LANGUAGE_SCALE_LABELS: Record<LanguageScale, Bilingual> = {
  cefr: { ja: "CEFR（ヨーロッパ言語共通参照枠）", en: "CEFR" },
  jlpt: { ja: "日本語能力試験（JLPT）相当", en: "JLPT-style (Japanese)" },
  native: { ja: "母語", en: "Native" },
};

/** Rank on a common 1–7 scale: A1/N5 = 1, A2/N4 = 2, B1/N3 = 3, B2/N2 = 4, C1/N1 = 5, C2 = 6, native = 7. */
export function languageRank(skill: { scale: LanguageScale; level: string }): number {
  if (skill.scale === "native") return 7;
  if (skill.scale === "cefr") return (CEFR_LEVELS as readonly string[]).indexOf(skill.level) + 1;
  return (JLPT_LEVELS as readonly string[]).indexOf(skill.level) + 1;
}

export const ZLanguageSkill = z
  .object({
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, "must be an ISO 639 language code in lower case, such as en, th or zh")
      .describe("ISO 639-1 (or -3) language code"),
    scale: z.enum(LANGUAGE_SCALES).describe("cefr, jlpt (Japanese) or native"),
    level: z.string().describe("A1–C2 on cefr, N5–N1 on jlpt, native on native"),
    evidence: z.string().trim().min(1).optional().describe("Test result or certificate, e.g. 'TOEIC 905 (2022)'"),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ok =
      (s.scale === "cefr" && (CEFR_LEVELS as readonly string[]).includes(s.level)) ||
      (s.scale === "jlpt" && (JLPT_LEVELS as readonly string[]).includes(s.level)) ||
      (s.scale === "native" && s.level === "native");
    if (!ok) {
      const expected = s.scale === "cefr" ? CEFR_LEVELS.join(", ") : s.scale === "jlpt" ? JLPT_LEVELS.join(", ") : "native";
      ctx.addIssue({ code: "custom", path: ["level"], message: `must be one of ${expected} on the ${s.scale} scale` });
    }
    if (s.scale === "jlpt" && s.language !== "ja") {
      ctx.addIssue({ code: "custom", path: ["scale"], message: "jlpt levels are for Japanese (ja); use cefr for other languages" });
    }
  });
export type LanguageSkill = z.infer<typeof ZLanguageSkill>;
