/**
 * @module web/pages/matchmaking/renewal-panel
 * An opportunity's expiry for those who manage it (owner and sponsoring government): the date in the
 * reader's locale, an "expired" or "expires in N days" badge, and the renewal — a period of 1–24 months,
 * the new expiry shown before it is sent (the server's own rule, matchmaking/calendar.ts) and after.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { renewedExpiry, today } from "../../../matchmaking/calendar.ts";
import { DateText } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { formatNumber, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../../lib/api.ts";
import type { Opportunity } from "./common.tsx";

const MONTHS = Array.from({ length: 24 }, (_, i) => i + 1);

/** "Expired", "expires today" or "expires in N days" (a warning within 30 days). */
export function ExpiryBadge({ o }: { o: Pick<Opportunity, "expired" | "expiresInDays"> }) {
  const { t, locale } = useI18n();
  if (o.expired) return <span className="badge warn">{t("matchmaking.expired")}</span>;
  const n = o.expiresInDays;
  const text = n === 0 ? t("matchmaking.expiresToday") : t(n === 1 ? "matchmaking.expiresInDay" : "matchmaking.expiresInDays", { n: formatNumber(n, locale) });
  return <span className={`badge${n <= 30 ? " warn" : ""}`}>{text}</span>;
}

export function RenewalPanel({ o, onRenewed }: { o: Opportunity; onRenewed: () => void }) {
  const { t, locale } = useI18n();
  const [months, setMonths] = useState(12);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [renewedTo, setRenewedTo] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const monthErrors = (problem?.errors ?? []).filter((e) => e.path.replace(/^body\./, "") === "months");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const saved = await api<Opportunity>("POST", `/api/opportunities/${o.id}/renew`, { months });
      setProblem(null);
      setRenewedTo(saved.expiresOn);
      onRenewed();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="mm-expiry">
      <h2 id="mm-expiry">{t("matchmaking.expiry")}</h2>
      <p className="mm-expiry">
        {t("matchmaking.expiresOn")}: <DateText value={o.expiresOn} /> <ExpiryBadge o={o} />
      </p>
      {o.expired ? <p className="notice">{t("matchmaking.expiredNote")}</p> : null}
      <form className="entity-form" noValidate onSubmit={onSubmit}>
        {problem ? <ProblemAlert ref={alertRef} problem={problem} /> : null}
        <div className={`field half${monthErrors.length ? " invalid" : ""}`}>
          <div className="label-row">
            <label htmlFor="mm-renew-months">{t("matchmaking.renewMonths")}</label>
          </div>
          <p className="hint" id="mm-renew-months-hint">
            {t("matchmaking.renewHint")}
          </p>
          <select
            id="mm-renew-months"
            value={months}
            aria-invalid={monthErrors.length ? true : undefined}
            aria-describedby={["mm-renew-months-hint", "mm-renew-preview", monthErrors.length ? "mm-renew-months-error" : ""].filter(Boolean).join(" ")}
            onChange={(e) => {
              setMonths(Number(e.target.value));
              setRenewedTo(null);
            }}
          >
            {MONTHS.map((n) => (
              <option key={n} value={n}>
                {t(n === 1 ? "matchmaking.monthValue" : "matchmaking.monthsValue", { n: formatNumber(n, locale) })}
              </option>
            ))}
          </select>
          {monthErrors.length ? (
            <p className="field-error" id="mm-renew-months-error">
              {monthErrors.map((e) => fieldErrorText(e, locale)).join(" / ")}
            </p>
          ) : null}
        </div>
        <p id="mm-renew-preview" aria-live="polite">
          {t("matchmaking.renewPreview", { date: formatPartialDate(renewedExpiry(o.expiresOn, months, today()), locale) })}
        </p>
        {renewedTo ? (
          <p role="status" className="notice">
            {t("matchmaking.renewed", { date: formatPartialDate(renewedTo, locale) })}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t("common.saving") : t("matchmaking.renew")}
          </button>
        </div>
      </form>
    </section>
  );
}
