/**
 * @module web/forms/org-picker
 * Choosing organisations by searching their Japanese or English names: an ARIA combobox over
 * `GET /api/organisations?q=`, with the chosen ones shown as removable chips. One or many.
 */
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { TOrganisation } from "../../registry/registry.schema.ts";
import { ORGANISATION_KIND_LABELS } from "../i18n/enum-labels.ts";
import { useI18n } from "../i18n/locale.tsx";
import { api, withQuery, type ListPage } from "../lib/api.ts";

export interface OrgPickerProps {
  inputId: string;
  label: string;
  multiple: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  invalid?: boolean;
}

type OrgSummary = Pick<TOrganisation, "id" | "nameJa" | "nameEn" | "kind" | "country">;

/** Names of organisations already fetched, shared by every picker on the page. */
const known = new Map<string, OrgSummary>();

export function OrgPicker({ inputId, label, multiple, value, onChange, invalid }: OrgPickerProps) {
  const { t, name, pick } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<OrgSummary[] | null>(null);
  const [, setLoadedNames] = useState(0);

  useEffect(() => {
    const missing = value.filter((id) => !known.has(id));
    if (!missing.length) return;
    let live = true;
    Promise.all(missing.map((id) => api<TOrganisation>("GET", `/api/organisations/${id}`).catch(() => null))).then((orgs) => {
      for (const org of orgs) if (org) known.set(org.id, org);
      if (live) setLoadedNames((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [value.join(",")]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      api<ListPage<TOrganisation>>("GET", withQuery("/api/organisations", { q: query.trim(), limit: 8 })).then(
        (page) => {
          if (!live) return;
          for (const org of page.items) known.set(org.id, org);
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

  const choose = (org: OrgSummary) => {
    known.set(org.id, org);
    onChange(multiple ? (value.includes(org.id) ? value : [...value, org.id]) : [org.id]);
    setQuery("");
    if (!multiple) setOpen(false);
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

  const describe = (org: OrgSummary) => `${name(org.nameJa, org.nameEn)} · ${pick(ORGANISATION_KIND_LABELS[org.kind])} · ${org.country}`;
  const activeId = open && results?.[active] ? `${listId}-${active}` : undefined;

  return (
    <div className="org-picker">
      {value.length ? (
        <ul className="chips">
          {value.map((id) => {
            const org = known.get(id);
            const shown = org ? name(org.nameJa, org.nameEn) : id;
            return (
              <li key={id} className="chip">
                <span>{shown}</span>
                <button type="button" aria-label={t("common.remove", { name: shown })} onClick={() => onChange(value.filter((v) => v !== id))}>
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
        aria-label={`${label}: ${t("form.searchOrganisation")}`}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        placeholder={t("form.searchOrganisation")}
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
            {t("form.noMatches")}
          </li>
        ) : (
          results.map((org, i) => (
            <li
              key={org.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={value.includes(org.id)}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(org)}
            >
              {describe(org)}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
