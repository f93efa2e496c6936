/**
 * @module web/pages/offices-ops/bits
 * Small pieces the office-operations and people pages share: a labelled input with its API errors beside it
 * (the same conventions as the app's form fields: `aria-invalid`, `aria-describedby`, the reason in the
 * reader's language), the fiscal year and month in the reader's format, and the "sign in first" notice.
 */
import type { ReactNode } from "react";
import type { Locale } from "../../../core/domain.ts";
import { Loading } from "../../components/display.tsx";
import { opsErrorText } from "./field-errors.ts";
import { japaneseEra } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { ProblemFieldError } from "../../lib/api.ts";
import { Link, useLocation } from "../../lib/router.tsx";
import { useSession, type SessionUser } from "../../lib/session.tsx";

export interface InputFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly ProblemFieldError[];
  hint?: string;
  type?: "text" | "month" | "email" | "tel" | "date";
  inputMode?: "numeric" | "decimal" | "text";
  required?: boolean;
  /** A select instead of a text input: value → label. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  textarea?: boolean;
  placeholder?: string;
  className?: string;
}

export function InputField({ id, label, value, onChange, errors = [], hint, type = "text", inputMode, required, options, textarea, placeholder, className }: InputFieldProps) {
  const { locale, t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-invalid": errors.length ? true : undefined, "aria-describedby": describedBy, required };
  return (
    <div className={`ops-field${errors.length ? " invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {options ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("form.chooseOne")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : textarea ? (
        <textarea {...common} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} autoComplete="off" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      {errors.length ? (
        <p className="field-error" id={errorId}>
          {errors.map((e) => opsErrorText(e, locale)).join(" / ")}
        </p>
      ) : null}
    </div>
  );
}

/** FY2024 in English; 2024年度（令和6年度） in Japanese (the era of April, when the year starts). */
export function fiscalYearLabel(fiscalYear: number, locale: Locale): string {
  if (locale === "en") return `FY${fiscalYear}`;
  const april = new Date(Date.UTC(fiscalYear, 3, 1));
  return `${fiscalYear}年度（${japaneseEra(april, april)}度）`;
}

/** `2024-04` as 2024年4月 or Apr 2024. */
export function monthLabel(period: string, locale: Locale, style: "short" | "long" = "short"): string {
  const [y, m] = period.split("-").map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { year: "numeric", month: style === "short" && locale === "en" ? "short" : "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** Renders its children for a signed-in user; otherwise asks them to sign in and come back. */
export function RequireSignIn({ children }: { children: (user: SessionUser) => ReactNode }) {
  const { t } = useI18n();
  const { me, user } = useSession();
  const { path, query } = useLocation();
  if (!me) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(path + (query.toString() ? `?${query}` : ""));
    return (
      <p className="notice">
        {t("auth.required")} <Link to={`/sign-in?next=${next}`}>{t("auth.signIn")}</Link>
      </p>
    );
  }
  return <>{children(user)}</>;
}
