/**
 * @module web/pages/networks/common
 * Pieces every networks page shares: the section's own navigation (map, graph, cases, partner requests,
 * lapse alerts), badges for tie states and kinds, helpers for forms that are not field lists (their
 * fields, errors beside them and the summary), and the problem of a failed call.
 */
import { useEffect, useRef, type ReactNode } from "react";
import type { Locale, TieKind } from "../../../core/domain.ts";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { TIE_KIND_LABELS } from "../../i18n/enum-labels.ts";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { ApiError, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { localiseProblem } from "./error-text.ts";
import { TIE_KIND_COLORS, TIE_STATE_COLORS, TIE_STATE_LABELS, type TieState } from "./labels.ts";
import "./networks.css";

const SECTIONS: Array<{ to: string; label: MessageKey; also?: string[] }> = [
  { to: "/networks/map", label: "networks.sub.map", also: ["/networks"] },
  { to: "/networks/graph", label: "networks.sub.graph" },
  { to: "/networks/cases", label: "networks.sub.cases" },
  { to: "/networks/requests", label: "networks.sub.requests" },
  { to: "/networks/alerts", label: "networks.sub.alerts" },
];

/** The networks section's own menu, under the page header. */
export function NetworksNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const current = (s: (typeof SECTIONS)[number]) => path === s.to || path.startsWith(`${s.to}/`) || (s.also ?? []).includes(path);
  return (
    <nav className="nw-subnav" aria-label={t("networks.sub.label")}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <Link to={s.to} aria-current={current(s) ? "page" : undefined}>
              {t(s.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StateBadge({ state }: { state: string | null | undefined }) {
  const { t, pick } = useI18n();
  if (!state) return <span className="nw-state none">{t("networks.tie.noState")}</span>;
  const known = state in TIE_STATE_LABELS;
  return (
    <span className="nw-state" style={known ? { background: TIE_STATE_COLORS[state as TieState] } : undefined}>
      {known ? pick(TIE_STATE_LABELS[state as TieState]) : state}
    </span>
  );
}

export function KindSwatch({ kind }: { kind: string }) {
  return <span className="nw-swatch" style={{ background: TIE_KIND_COLORS[kind as TieKind] ?? "#888" }} aria-hidden="true" />;
}

export function KindLabel({ kind }: { kind: string }) {
  const { pick } = useI18n();
  return (
    <span className="nw-kind">
      <KindSwatch kind={kind} />
      {kind in TIE_KIND_LABELS ? pick(TIE_KIND_LABELS[kind as TieKind]) : kind}
    </span>
  );
}

/** The problem of a failed call, its reasons in the reader's language. */
export function toProblem(error: unknown, locale: Locale): Problem {
  return error instanceof ApiError ? localiseProblem(error.problem, locale) : { status: 0, title: String(error), errors: [] };
}

/** The field a problem's path names (`body.reason` and `signatories[2]` → `reason`, `signatories`). */
export function fieldOfPath(path: string): string {
  return path.replace(/^body\./, "").split(/[.[]/)[0] ?? "";
}

/** Field errors of a hand-built form: by field name, plus the summary items (linking to `${idPrefix}-${field}`). */
export function formErrors(problem: Problem | null, labels: Record<string, string>, idPrefix: string): { byField: Map<string, ProblemFieldError[]>; summary: SummaryItem[] } {
  const byField = new Map<string, ProblemFieldError[]>();
  const summary: SummaryItem[] = [];
  for (const error of problem?.errors ?? []) {
    const field = fieldOfPath(error.path);
    if (field in labels) {
      byField.set(field, [...(byField.get(field) ?? []), error]);
      summary.push({ target: `${idPrefix}-${field}`, label: labels[field], message: error.message, code: error.code });
    } else {
      summary.push({ label: error.path.startsWith("(") ? undefined : error.path, message: error.message, code: error.code });
    }
  }
  return { byField, summary };
}

/** A labelled input of a hand-built form, with its hint and its errors from the API beside it. */
export function FormField({
  id,
  label,
  hint,
  errors = [],
  required,
  children,
  half,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: ProblemFieldError[];
  required?: boolean;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string; required?: boolean }) => ReactNode;
  half?: boolean;
}) {
  const { locale, t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${half ? " half" : ""}${errors.length ? " invalid" : ""}`}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {required ? (
          <abbr className="required" title={t("form.requiredMark")} aria-hidden="true">
            *
          </abbr>
        ) : null}
      </div>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": errors.length ? true : undefined, "aria-describedby": describedBy, required })}
      {errors.length ? (
        <p className="field-error" id={errorId}>
          {errors.map((e) => fieldErrorText(e, locale)).join(" / ")}
        </p>
      ) : null}
    </div>
  );
}

/** The summary of a hand-built form's problem; it takes focus when it appears. */
export function FormProblem({ problem, items }: { problem: Problem | null; items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  return problem ? <ProblemAlert ref={ref} problem={problem} items={items} /> : null;
}

/** Today as YYYY-MM-DD in the reader's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** A day some months from another (YYYY-MM-DD), clamped to the month's end: the server's own rule. */
export { addMonths } from "../../../core/calendar-days.ts";
