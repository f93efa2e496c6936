/**
 * @module web/pages/matchmaking/workflow-form
 * A small form for the workflow's steps (meeting, outcome, follow-up, forward, decline): several can sit on
 * one page, so every id carries the form's prefix. Sends the body built from its fields, and on a
 * problem+json answer puts each `errors[].path` beside its field (aria-invalid, aria-describedby) with a
 * summary that takes focus.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import type { Bilingual } from "../../../core/domain.ts";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { ApiError, type Problem } from "../../lib/api.ts";
import { localiseMessage } from "./labels.ts";

export interface WorkflowField {
  name: string;
  label: MessageKey;
  kind: "select" | "date" | "text" | "textarea" | "number";
  required?: boolean;
  options?: readonly string[];
  optionLabels?: Record<string, Bilingual>;
  hint?: MessageKey;
  showIf?: (values: Record<string, string>) => boolean;
}

/** The body the API takes: empty optional fields left out, numbers as numbers (unparseable ones as typed). */
export function workflowBody(fields: readonly WorkflowField[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.showIf && !f.showIf(values)) continue;
    const v = (values[f.name] ?? "").trim();
    if (!v) {
      if (f.required) body[f.name] = "";
      continue;
    }
    if (f.kind === "number") {
      const n = Number(v.replace(/[,，\s]/g, ""));
      body[f.name] = Number.isFinite(n) ? n : v;
    } else body[f.name] = v;
  }
  return body;
}

/** `body.salesAmount` or `currency` → `currency`; paths naming no field stay apart. */
export function fieldOfPath(fields: readonly WorkflowField[], path: string): string | undefined {
  const head = path.replace(/^body\./, "").split(/[.[]/)[0] ?? "";
  return fields.some((f) => f.name === head) ? head : undefined;
}

interface Props {
  idPrefix: string;
  legend: MessageKey;
  fields: readonly WorkflowField[];
  initial?: Record<string, string>;
  submitLabel: MessageKey;
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
  className?: string;
}

export function WorkflowForm({ idPrefix, legend, fields, initial = {}, submitLabel, submit, onDone, className }: Props) {
  const { t, pick, locale } = useI18n();
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const id = (name: string) => `${idPrefix}-${name}`;
  const byField = new Map<string, string[]>();
  const summary: SummaryItem[] = [];
  for (const raw of problem?.errors ?? []) {
    const e = { ...raw, message: localiseMessage(raw.message, locale) };
    const name = fieldOfPath(fields, e.path);
    const text = fieldErrorText(e, locale);
    if (name) {
      byField.set(name, [...(byField.get(name) ?? []), text]);
      summary.push({ target: id(name), label: t(fields.find((f) => f.name === name)!.label), message: e.message, code: e.code });
    } else summary.push({ label: e.path.startsWith("(") ? undefined : e.path, message: e.message, code: e.code });
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await submit(workflowBody(fields, values));
      setProblem(null);
      setValues(initial);
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={`entity-form mm-wf-form ${className ?? ""}`} noValidate onSubmit={onSubmit}>
      {problem ? <ProblemAlert ref={summaryRef} problem={problem} items={summary} /> : null}
      <fieldset className="form-section">
        <legend>{t(legend)}</legend>
        <div className="form-grid">
          {fields
            .filter((f) => !f.showIf || f.showIf(values))
            .map((f) => {
              const errors = byField.get(f.name) ?? [];
              const invalid = errors.length > 0;
              const describedBy = [f.hint ? `${id(f.name)}-hint` : "", invalid ? `${id(f.name)}-error` : ""].filter(Boolean).join(" ") || undefined;
              const common = { id: id(f.name), "aria-invalid": invalid || undefined, "aria-describedby": describedBy, required: f.required, value: values[f.name] ?? "" };
              const set = (v: string) => setValues((old) => ({ ...old, [f.name]: v }));
              return (
                <div key={f.name} className={`field${f.kind === "textarea" ? "" : " half"}${invalid ? " invalid" : ""}`}>
                  <div className="label-row">
                    <label htmlFor={id(f.name)}>{t(f.label)}</label>
                    {f.required ? (
                      <abbr className="required" title={t("form.requiredMark")} aria-hidden="true">
                        *
                      </abbr>
                    ) : null}
                  </div>
                  {f.hint ? (
                    <p className="hint" id={`${id(f.name)}-hint`}>
                      {t(f.hint)}
                    </p>
                  ) : null}
                  {f.kind === "select" ? (
                    <select {...common} onChange={(e) => set(e.target.value)}>
                      {f.required ? null : <option value="">—</option>}
                      {(f.options ?? []).map((o) => (
                        <option key={o} value={o}>
                          {f.optionLabels?.[o] ? pick(f.optionLabels[o]) : o}
                        </option>
                      ))}
                    </select>
                  ) : f.kind === "textarea" ? (
                    <textarea {...common} rows={3} onChange={(e) => set(e.target.value)} />
                  ) : (
                    <input {...common} type={f.kind === "date" ? "date" : "text"} inputMode={f.kind === "number" ? "decimal" : undefined} autoComplete="off" onChange={(e) => set(e.target.value)} />
                  )}
                  {invalid ? (
                    <p className="field-error" id={`${id(f.name)}-error`}>
                      {errors.join(" / ")}
                    </p>
                  ) : null}
                </div>
              );
            })}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t(submitLabel)}
        </button>
      </div>
    </form>
  );
}
