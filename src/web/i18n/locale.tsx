/**
 * @module web/i18n/locale
 * The reader's language. A visitor's choice is kept in localStorage; a signed-in user's is saved with
 * `PATCH /api/auth/me`, and the saved one wins when the session loads. `<html lang>` follows it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Bilingual, Locale } from "../../core/domain.ts";
import { api } from "../lib/api.ts";
import { useSession, type Me } from "../lib/session.tsx";
import { messages, type MessageKey } from "./messages.ts";

const STORAGE_KEY = "renkei.locale";

function isLocale(value: unknown): value is Locale {
  return value === "ja" || value === "en";
}

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; the browser's languages still give a sensible default.
  }
  for (const language of navigator.languages ?? []) {
    if (language.toLowerCase().startsWith("ja")) return "ja";
    if (language.toLowerCase().startsWith("en")) return "en";
  }
  return "ja";
}

/** Replaces `{name}` placeholders. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** A catalog message in the current language. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** One side of a `{ja, en}` label. */
  pick(label: Bilingual): string;
  /** A record's name in the reader's language, falling back to the other one. */
  name(ja: string | null | undefined, en: string | null | undefined): string;
}

const LocaleContext = createContext<I18n | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const { me, update } = useSession();
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const savedLocale = me?.user?.locale;
  useEffect(() => {
    if (savedLocale) setLocaleState(savedLocale);
  }, [me?.user?.id, savedLocale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = messages["app.name"][locale];
  }, [locale]);
  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered for visitors without storage; signed-in users keep it on the server.
      }
      if (me?.user) api<Me>("PATCH", "/api/auth/me", { locale: next }).then(update, () => undefined);
    },
    [me, update],
  );
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => interpolate(messages[key][locale], vars),
      pick: (label) => label[locale],
      name: (ja, en) => (locale === "ja" ? ja || en : en || ja) ?? "",
    }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useI18n outside LocaleProvider");
  return value;
}
