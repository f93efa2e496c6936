/**
 * @module web/pages/people/display
 * How a person's record reads: a posting in one line (kind, dispatch target, department or title, place,
 * dates), a language with its level, and the person's name in the reader's language.
 */
import type { TPerson } from "../../../people/people.schema.ts";
import { DateText } from "../../components/display.tsx";
import { countryName } from "../../i18n/format.ts";
import { useI18n, type I18n } from "../../i18n/locale.tsx";
import { Link } from "../../lib/router.tsx";
import { DISPATCH_TARGET_LABELS, LANGUAGE_SCALE_LABELS, POSTING_KIND_LABELS } from "./labels.ts";

export type Posting = TPerson["postings"][number];
export type LanguageSkill = TPerson["languages"][number];

/** Where and what: "Overseas office · Singapore, Singapore · Director" (no dates). */
export function postingText(p: Pick<Posting, "kind"> & Partial<Posting>, i18n: I18n): string {
  const parts = [i18n.pick(POSTING_KIND_LABELS[p.kind])];
  if (p.dispatchTarget) parts.push(i18n.pick(DISPATCH_TARGET_LABELS[p.dispatchTarget]));
  if (p.department) parts.push(p.department);
  if (p.title) parts.push(p.title);
  const place = [p.city, p.country ? countryName(p.country, i18n.locale) : null].filter(Boolean).join(", ");
  if (place) parts.push(place);
  return parts.join(" · ");
}

export function PostingPeriod({ from, to }: { from: string; to?: string | null }) {
  const { t } = useI18n();
  return (
    <span className="nowrap">
      <DateText value={from} /> – {to ? <DateText value={to} /> : t("people.present")}
    </span>
  );
}

export function languageName(code: string, locale: "ja" | "en"): string {
  try {
    return new Intl.DisplayNames([locale === "ja" ? "ja-JP" : "en-GB"], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "English B2 (CEFR)", "日本語 N1", "タイ語 母語". */
export function languageText(l: { language: string; scale: string; level: string }, i18n: I18n): string {
  const name = languageName(l.language, i18n.locale);
  if (l.scale === "native") return `${name} ${i18n.pick(LANGUAGE_SCALE_LABELS.native)}`;
  return `${name} ${l.level}${l.scale === "cefr" ? " (CEFR)" : ""}`;
}

export function PersonLink({ id, name, nameEn }: { id: string; name: string; nameEn?: string | null }) {
  const i18n = useI18n();
  return <Link to={`/people/${id}`}>{i18n.name(name, nameEn ?? null)}</Link>;
}
