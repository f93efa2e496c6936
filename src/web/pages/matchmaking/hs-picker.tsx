/**
 * @module web/pages/matchmaking/hs-picker
 * The HS code picker: an ARIA combobox searching `GET /api/hs?q=` by code, Japanese or English product
 * words, with the chosen codes as removable chips (multi-select). Same keyboard model as the org picker.
 */
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { useI18n } from "../../i18n/locale.tsx";
import { api, withQuery } from "../../lib/api.ts";

export interface HsItem {
  code: string;
  level: number;
  description: string;
  chapterJa: string;
  concept?: { id: string; ja: string; en: string };
}

/** Descriptions of codes seen in this session, so chips show what the code means. */
const known = new Map<string, HsItem>();

export function hsText(item: HsItem, locale: "ja" | "en"): string {
  const concept = item.concept ? (locale === "ja" ? item.concept.ja : item.concept.en) : null;
  const base = locale === "ja" ? `${item.chapterJa} — ${item.description}` : item.description;
  return concept ? `${concept} · ${base}` : base;
}

export interface HsPickerProps {
  inputId: string;
  label: string;
  value: string[];
  onChange: (codes: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}

export function HsPicker({ inputId, label, value, onChange, invalid, describedBy }: HsPickerProps) {
  const { t, locale } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<HsItem[] | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!open || !q) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      api<{ items: HsItem[] }>("GET", withQuery("/api/hs", { q, limit: 12 })).then(
        (page) => {
          if (!live) return;
          for (const item of page.items) if (!known.has(item.code)) known.set(item.code, item);
          setResults(page.items);
          setActive(0);
        },
        () => live && setResults([]),
      );
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, open]);

  const choose = (item: HsItem) => {
    known.set(item.code, item);
    onChange(value.includes(item.code) ? value : [...value, item.code]);
    setQuery("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, (results?.length ?? 1) - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      if (open && results?.[active]) {
        event.preventDefault();
        choose(results[active]);
      }
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  const activeId = open && results?.[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="org-picker hs-picker">
      {value.length ? (
        <ul className="chips" aria-label={label}>
          {value.map((code) => {
            const item = known.get(code);
            return (
              <li key={code} className="chip" title={item ? hsText(item, locale) : undefined}>
                <span>
                  <strong>{code}</strong>
                  {item ? ` ${item.concept ? (locale === "ja" ? item.concept.ja : item.concept.en) : item.description.slice(0, 40)}` : ""}
                </span>
                <button type="button" aria-label={t("common.remove", { name: code })} onClick={() => onChange(value.filter((v) => v !== code))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-label={`${label}: ${t("matchmaking.hsSearch")}`}
        aria-expanded={open && results !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t("matchmaking.hsSearch")}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={label} className="listbox" hidden={!open || results === null}>
        {results === null ? null : results.length === 0 ? (
          <li className="empty" role="presentation">
            {t("matchmaking.hsNone")}
          </li>
        ) : (
          results.map((item, i) => (
            <li
              key={item.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={value.includes(item.code)}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
            >
              <strong>{item.code}</strong> {hsText(item, locale)}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
