/**
 * @module web/pages/matchmaking/hs-picker
 * The HS code picker: an ARIA combobox searching `GET /api/hs?q=` by code, Japanese or English product
 * words, with the chosen codes as removable chips (multi-select). Same keyboard model as the org picker.
 */
import { ComboboxField, useSearchCombobox } from "../../forms/search-combobox.tsx";
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
  const box = useSearchCombobox<HsItem>(
    (q) =>
      q
        ? api<{ items: HsItem[] }>("GET", withQuery("/api/hs", { q, limit: 12 })).then((page) => {
            for (const item of page.items) if (!known.has(item.code)) known.set(item.code, item);
            return page.items;
          })
        : null,
    (item) => {
      known.set(item.code, item);
      onChange(value.includes(item.code) ? value : [...value, item.code]);
    },
  );

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
      <ComboboxField
        box={box}
        inputId={inputId}
        label={label}
        placeholder={t("matchmaking.hsSearch")}
        emptyText={t("matchmaking.hsNone")}
        invalid={invalid}
        describedBy={describedBy}
        keyOf={(item) => item.code}
        isSelected={(item) => value.includes(item.code)}
        renderOption={(item) => (
          <>
            <strong>{item.code}</strong> {hsText(item, locale)}
          </>
        )}
      />
    </div>
  );
}
