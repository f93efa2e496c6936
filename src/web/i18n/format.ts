/**
 * @module web/i18n/format
 * Numbers, yen, shares, countries and dates in the reader's language with `Intl`. Japanese readers also get
 * the Japanese era (2013年6月3日 (平成25年)); partial dates (YYYY, YYYY-MM) keep their precision, and a period
 * that straddles an era change names both eras (2019 → 平成31年/令和元年).
 */
import type { Locale } from "../../core/domain.ts";

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const BCP47: Record<Locale, string> = { ja: "ja-JP", en: "en-GB" };

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(BCP47[locale], { maximumFractionDigits: digits }).format(value);
}

export function formatYen(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(BCP47[locale], { style: "currency", currency: "JPY", currencyDisplay: "narrowSymbol" }).format(value);
}

/** A share between 0 and 1 as a percentage. */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "";
  return new Intl.NumberFormat(BCP47[locale], { style: "percent", maximumFractionDigits: 1 }).format(value);
}

export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([BCP47[locale]], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function eraYear(date: Date): string {
  return new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** The Japanese era year(s) a period falls in: one name, or "平成31年/令和元年" where the era changed within it. */
export function japaneseEra(first: Date, last: Date): string {
  const a = eraYear(first);
  const b = eraYear(last);
  return a === b ? a : `${a}/${b}`;
}

/**
 * A partial date as the reader expects it: `2013` · `2013-06` · `2013-06-03` become 2013年 (平成25年) ·
 * 2013年6月 (平成25年) · 2013年6月3日 (平成25年) in Japanese and 2013 · June 2013 · 3 June 2013 in English.
 * Values that are not partial dates are returned unchanged, so nothing is hidden.
 */
export function formatPartialDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return "";
  const m = PARTIAL.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return value;
  const tz = { timeZone: "UTC" } as const;
  const first = utc(year, month ?? 1, day ?? 1);
  if (day !== null && first.getUTCDate() !== day) return value;
  const last = day !== null ? first : month !== null ? utc(year, month + 1, 0) : utc(year, 12, 31);
  const options: Intl.DateTimeFormatOptions =
    day !== null ? { year: "numeric", month: "long", day: "numeric" } : month !== null ? { year: "numeric", month: "long" } : { year: "numeric" };
  const western = new Intl.DateTimeFormat(BCP47[locale], { ...options, ...tz }).format(first);
  if (locale !== "ja" || year < 1868) return western;
  return `${western} (${japaneseEra(first, last)})`;
}

/** A timestamp (ISO string) with date and time in the reader's language; the era is added for Japanese. */
export function formatTimestamp(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(BCP47[locale], { dateStyle: "long", timeStyle: "short" }).format(date);
  return locale === "ja" ? `${text} (${eraYear(date)})` : text;
}

/** Splits a partial date into its parts for the form's year/month/day inputs. */
export function splitPartialDate(value: string | null | undefined): { year: string; month: string; day: string } {
  const m = value ? PARTIAL.exec(value) : null;
  if (!m) return { year: value ?? "", month: "", day: "" };
  return { year: m[1] ?? "", month: m[2] ?? "", day: m[3] ?? "" };
}

/**
 * Joins year/month/day inputs into `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty parts give null. Inconsistent
 * input (a day without a month) is joined as typed so the API can say what is wrong with it.
 */
export function joinPartialDate(parts: { year: string; month: string; day: string }): string | null {
  const year = parts.year.trim();
  const { month, day } = parts;
  if (!year && !month && !day) return null;
  if (!month && day) return `${year}--${day}`;
  return [year, month, day].filter(Boolean).join("-");
}
