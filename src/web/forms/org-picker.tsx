/**
 * @module web/forms/org-picker
 * Choosing organisations by searching their Japanese or English names: an ARIA combobox over
 * `GET /api/organisations?q=`, with the chosen ones shown as removable chips. One or many.
 */
import { useEffect, useState } from "react";
import type { TOrganisation } from "../../registry/registry.schema.ts";
import { ORGANISATION_KIND_LABELS } from "../i18n/enum-labels.ts";
import { useI18n } from "../i18n/locale.tsx";
import { api, withQuery, type ListPage } from "../lib/api.ts";
import { ComboboxField, useSearchCombobox } from "./search-combobox.tsx";

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

  const box = useSearchCombobox<OrgSummary>(
    (q) =>
      api<ListPage<TOrganisation>>("GET", withQuery("/api/organisations", { q, limit: 8 })).then((page) => {
        for (const org of page.items) known.set(org.id, org);
        return page.items;
      }),
    (org) => {
      known.set(org.id, org);
      onChange(multiple ? (value.includes(org.id) ? value : [...value, org.id]) : [org.id]);
      return multiple;
    },
  );

  const describe = (org: OrgSummary) => `${name(org.nameJa, org.nameEn)} · ${pick(ORGANISATION_KIND_LABELS[org.kind])} · ${org.country}`;

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
      <ComboboxField
        box={box}
        inputId={inputId}
        label={label}
        placeholder={t("form.searchOrganisation")}
        emptyText={t("form.noMatches")}
        invalid={invalid}
        keyOf={(org) => org.id}
        isSelected={(org) => value.includes(org.id)}
        renderOption={describe}
      />
    </div>
  );
}
