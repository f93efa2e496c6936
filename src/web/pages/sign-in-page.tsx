/**
 * @module web/pages/sign-in-page
 * E-mail and password sign-in. The server sets an httpOnly session cookie; on success the reader returns
 * to the page that sent them here (`?next=`), in the language their account has saved.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { PageHeader } from "../components/display.tsx";
import { ProblemAlert } from "../components/problem-alert.tsx";
import { fieldErrorText } from "../i18n/field-errors.ts";
import { useI18n } from "../i18n/locale.tsx";
import { ApiError, type Problem } from "../lib/api.ts";
import { navigate, useLocation } from "../lib/router.tsx";
import { useSession } from "../lib/session.tsx";

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function SignInPage() {
  const { t, locale } = useI18n();
  const { signIn } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await signIn(email, password);
      navigate(safeNext(query.get("next")));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: string) => problem?.errors.filter((e) => e.path === field) ?? [];
  const emailErrors = errorFor("email");
  const passwordErrors = errorFor("password");

  return (
    <div className="narrow">
      <PageHeader title={t("auth.title")}>
        <p className="subtitle">{t("auth.intro")}</p>
      </PageHeader>
      <form className="panel sign-in" noValidate onSubmit={submit}>
        {problem ? (
          <ProblemAlert
            ref={alertRef}
            problem={problem}
            items={problem.errors.map((e) => ({ target: e.path === "email" ? "sign-in-email" : "sign-in-password", label: e.path === "email" ? t("auth.email") : t("auth.password"), message: e.message, code: e.code }))}
          />
        ) : null}
        <div className={`field${emailErrors.length ? " invalid" : ""}`}>
          <label htmlFor="sign-in-email">{t("auth.email")}</label>
          <input
            id="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            aria-invalid={emailErrors.length > 0 || undefined}
            aria-describedby={emailErrors.length ? "sign-in-email-error" : undefined}
            onChange={(e) => setEmail(e.target.value)}
          />
          {emailErrors.length ? (
            <p className="field-error" id="sign-in-email-error">
              {emailErrors.map((e) => fieldErrorText(e, locale)).join(" / ")}
            </p>
          ) : null}
        </div>
        <div className={`field${passwordErrors.length ? " invalid" : ""}`}>
          <label htmlFor="sign-in-password">{t("auth.password")}</label>
          <input
            id="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={passwordErrors.length > 0 || undefined}
            aria-describedby={passwordErrors.length ? "sign-in-password-error" : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {passwordErrors.length ? (
            <p className="field-error" id="sign-in-password-error">
              {passwordErrors.map((e) => fieldErrorText(e, locale)).join(" / ")}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t("auth.signingIn") : t("auth.signIn")}
          </button>
        </div>
      </form>
    </div>
  );
}
