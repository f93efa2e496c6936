/**
 * @module web/forms/field-input
 * One form field from its description: label, hint, the input for its kind, and the API's errors for it
 * beside it (`aria-invalid`, `aria-describedby`). Groups (checkboxes, date parts) are fieldsets whose
 * legend names them, so every input has an accessible name.
 */
import { useMemo, type ReactNode } from "react";
import countryList from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { countryName } from "../i18n/format.ts";
import { fieldErrorText } from "../i18n/field-errors.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { ProblemFieldError } from "../lib/api.ts";
import { useSession, writableMemberships } from "../lib/session.tsx";
import { decodeDateParts, encodeDateParts, type FieldSpec, type FieldValue } from "./form-model.ts";
import { OrgPicker } from "./org-picker.tsx";

export interface FieldInputProps {
  field: FieldSpec;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  errors: ProblemFieldError[];
}

export const fieldId = (name: string) => `f-${name}`;

const COUNTRY_CODES = Object.keys(countryList.countries);
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));
const DAYS = Array.from({ length: 31 }, (_, i) => String(i + 1).padStart(2, "0"));

/** Kept beside the label, not in it, so the label is exactly the field's name; inputs carry `required`. */
function RequiredMark() {
  const { t } = useI18n();
  return (
    <abbr className="required" title={t("form.requiredMark")} aria-hidden="true">
      *
    </abbr>
  );
}

export function FieldInput({ field, value, onChange, errors }: FieldInputProps) {
  const { t, pick, locale } = useI18n();
  const { user } = useSession();
  const id = fieldId(field.name);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const invalid = errors.length > 0;
  const text = typeof value === "string" ? value : "";
  const list = Array.isArray(value) ? value : [];
  const label = t(field.label);
  const common = { id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy, required: field.required };

  const countries = useMemo(
    () => (field.kind === "country" ? COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)) : []),
    [field.kind, locale],
  );

  const hint = field.hint ? (
    <p className="hint" id={hintId}>
      {t(field.hint)}
    </p>
  ) : null;
  const errorText = errors.length ? (
    <p className="field-error" id={errorId}>
      {errors.map((e) => fieldErrorText(e, locale)).join(" / ")}
    </p>
  ) : null;

  const labelled = (input: ReactNode) => (
    <div className={`field${field.half ? " half" : ""}${invalid ? " invalid" : ""}`}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {field.required ? <RequiredMark /> : null}
      </div>
      {hint}
      {input}
      {errorText}
    </div>
  );
  const grouped = (content: ReactNode, className = "") => (
    <fieldset className={`field group ${className}${field.half ? " half" : ""}${invalid ? " invalid" : ""}`} aria-describedby={describedBy} id={id}>
      <legend>
        {label}
        {field.required ? <RequiredMark /> : null}
      </legend>
      {hint}
      {content}
      {errorText}
    </fieldset>
  );

  switch (field.kind) {
    case "textarea":
      return labelled(<textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} />);
    case "select":
      return labelled(
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("form.chooseOne")}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {field.optionLabels?.[option] ? pick(field.optionLabels[option]) : option}
            </option>
          ))}
        </select>,
      );
    case "country":
      return labelled(
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("form.chooseOne")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>,
      );
    case "boolean":
      return (
        <div className={`field checkbox-field${invalid ? " invalid" : ""}`}>
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={id}>{label}</label>
          {errorText}
        </div>
      );
    case "checks":
      return grouped(
        <div className="checks">
          {(field.options ?? []).map((option) => {
            const optionId = `${id}-${option}`;
            return (
              <div className="check" key={option}>
                <input
                  type="checkbox"
                  id={optionId}
                  checked={list.includes(option)}
                  onChange={(e) => onChange(e.target.checked ? [...list, option] : list.filter((v) => v !== option))}
                />
                <label htmlFor={optionId}>{field.optionLabels?.[option] ? pick(field.optionLabels[option]) : option}</label>
              </div>
            );
          })}
        </div>,
      );
    case "partial-date": {
      const parts = decodeDateParts(value);
      const set = (change: Partial<typeof parts>) => onChange(encodeDateParts({ ...parts, ...change }));
      const part = (name: "year" | "month" | "day", key: "form.year" | "form.month" | "form.day", input: ReactNode) => (
        <div className={`date-part ${name}`}>
          <label htmlFor={`${id}-${name}`}>
            <span className="sr-only">{label} </span>
            {t(key)}
          </label>
          {input}
        </div>
      );
      return grouped(
        <>
          <p className="hint">{t("form.partialDateHint")}</p>
          <div className="date-parts">
            {part(
              "year",
              "form.year",
              <input id={`${id}-year`} inputMode="numeric" autoComplete="off" maxLength={4} placeholder="YYYY" value={parts.year} aria-invalid={invalid || undefined} onChange={(e) => set({ year: e.target.value })} />,
            )}
            {part(
              "month",
              "form.month",
              <select id={`${id}-month`} value={parts.month} aria-invalid={invalid || undefined} onChange={(e) => set({ month: e.target.value })}>
                <option value="">—</option>
                {MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {Number(m)}
                  </option>
                ))}
              </select>,
            )}
            {part(
              "day",
              "form.day",
              <select id={`${id}-day`} value={parts.day} aria-invalid={invalid || undefined} onChange={(e) => set({ day: e.target.value })}>
                <option value="">—</option>
                {DAYS.map((d) => (
                  <option key={d} value={d}>
                    {Number(d)}
                  </option>
                ))}
              </select>,
            )}
          </div>
        </>,
        "date",
      );
    }
    case "org":
    case "orgs":
      return grouped(
        <OrgPicker
          inputId={`${id}-search`}
          label={label}
          multiple={field.kind === "orgs"}
          value={field.kind === "orgs" ? list : text ? [text] : []}
          onChange={(ids) => onChange(field.kind === "orgs" ? ids : (ids[0] ?? ""))}
          invalid={invalid}
        />,
      );
    case "owner": {
      const memberships = writableMemberships(user);
      if (user?.isSystemAdmin || memberships.length === 0) {
        return grouped(
          <OrgPicker inputId={`${id}-search`} label={label} multiple={false} value={text ? [text] : []} onChange={(ids) => onChange(ids[0] ?? "")} invalid={invalid} />,
        );
      }
      return labelled(
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("form.chooseOne")}</option>
          {memberships.map((m) => (
            <option key={m.orgId} value={m.orgId}>
              {locale === "ja" ? m.orgNameJa : m.orgNameEn}
            </option>
          ))}
        </select>,
      );
    }
    default: {
      const numeric = field.kind === "number" || field.kind === "integer" || field.kind === "yen" || field.kind === "percent" || field.kind === "year";
      return labelled(
        <input
          {...common}
          type={field.kind === "url" ? "url" : "text"}
          inputMode={numeric ? (field.kind === "number" || field.kind === "percent" ? "decimal" : "numeric") : undefined}
          placeholder={field.placeholder}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />,
      );
    }
  }
}
