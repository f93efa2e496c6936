/**
 * @module web/components/problem-alert
 * Shows an API problem (RFC 9457) to the reader: its title in their language, and for validation
 * failures a summary of every field error linking to the field, read out at once (`role="alert"`).
 */
import type { Ref } from "react";
import { ERROR_TITLES } from "../../core/errors.ts";
import { fieldErrorText } from "../i18n/field-errors.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { Problem } from "../lib/api.ts";

export interface SummaryItem {
  /** The element id of the field, when the error belongs to one. */
  target?: string;
  label?: string;
  message: string;
  code?: string;
}

export function problemTitle(problem: Problem, locale: "ja" | "en"): string {
  const known = problem.code && problem.code !== "network" ? ERROR_TITLES[problem.code] : undefined;
  return known ? known[locale] : problem.title;
}

interface Props {
  problem: Problem;
  items?: SummaryItem[];
  ref?: Ref<HTMLDivElement>;
}

export function ProblemAlert({ problem, items, ref }: Props) {
  const { t, locale } = useI18n();
  const list: SummaryItem[] = items ?? problem.errors.map((e) => ({ label: e.path, message: e.message, code: e.code }));
  return (
    <div className="problem" role="alert" tabIndex={-1} ref={ref}>
      <p className="problem-title">{list.length ? t("form.errorSummary", { n: list.length }) : problemTitle(problem, locale)}</p>
      {list.length ? (
        <ul>
          {list.map((item, i) => (
            <li key={i}>
              {item.target ? (
                <a
                  href={`#${item.target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(item.target!);
                    const focusable = el?.matches("input, select, textarea") ? el : el?.querySelector<HTMLElement>("input, select, textarea");
                    (focusable ?? el)?.focus();
                  }}
                >
                  {item.label}
                </a>
              ) : item.label ? (
                <span>{item.label}</span>
              ) : null}
              {item.label ? ": " : null}
              {fieldErrorText({ message: item.message, code: item.code }, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.detail && !list.length ? <p className="problem-detail">{problem.detail}</p> : null}
    </div>
  );
}
