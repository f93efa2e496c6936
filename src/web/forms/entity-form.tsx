/**
 * @module web/forms/entity-form
 * The one form component: renders a field description list in sections, sends the body built from it,
 * and on a problem+json answer puts each `errors[].path` beside its field plus a summary that takes focus.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ProblemAlert, type SummaryItem } from "../components/problem-alert.tsx";
import { useI18n } from "../i18n/locale.tsx";
import { ApiError, type Problem } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { FieldInput, fieldId } from "./field-input.tsx";
import { groupErrors, initialValues, sections, toBody, type FieldSpec, type FormMode, type FormValues } from "./form-model.ts";

export interface EntityFormProps<T> {
  fields: readonly FieldSpec[];
  mode: FormMode;
  /** The record being edited (update mode). */
  record?: Record<string, unknown> | null;
  /** Starting values for a new record. */
  defaults?: FormValues;
  submit: (body: Record<string, unknown>) => Promise<T>;
  onSaved: (saved: T) => void;
  cancelTo: string;
}

export function EntityForm<T>({ fields, mode, record, defaults, submit, onSaved, cancelTo }: EntityFormProps<T>) {
  const { t } = useI18n();
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, record, defaults));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const { byField, other } = groupErrors(fields, problem?.errors ?? []);
  const labelOf = new Map(fields.map((f) => [f.name, t(f.label)]));
  const summary: SummaryItem[] = [
    ...fields.flatMap((f) => (byField.get(f.name) ?? []).map((e) => ({ target: fieldId(f.name), label: labelOf.get(f.name), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path.startsWith("(") ? undefined : e.path, message: e.message, code: e.code })),
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = await submit(toBody(fields, values, mode));
      setProblem(null);
      onSaved(saved);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="entity-form" noValidate onSubmit={onSubmit}>
      {problem ? <ProblemAlert ref={summaryRef} problem={problem} items={summary} /> : null}
      {sections(fields).map(({ section, fields: group }) => {
        const shown = group.filter((f) => !f.showIf || f.showIf(values));
        if (!shown.length) return null;
        return (
          <fieldset className="form-section" key={section}>
            <legend>{t(section)}</legend>
            <div className="form-grid">
              {shown.map((field) => (
                <FieldInput
                  key={field.name}
                  field={field}
                  value={values[field.name] ?? ""}
                  errors={byField.get(field.name) ?? []}
                  onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
                />
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("common.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}
