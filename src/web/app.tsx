/**
 * @module web/app
 * The application shell: header with the product name, the main navigation (from nav.ts), the language
 * switch and the session, then the page the address names (from routes.tsx).
 */
import { Fragment, useEffect, useRef } from "react";
import { LOCALES, type Locale } from "../core/domain.ts";
import { useI18n, LocaleProvider } from "./i18n/locale.tsx";
import { navItems } from "./nav.ts";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { routes } from "./routes.tsx";
import { Link, matchPath, navigate, useLocation } from "./lib/router.tsx";
import { SessionProvider, useSession } from "./lib/session.tsx";

/** Each language is named in itself, so a reader finds their own whatever is showing. */
const LANGUAGE_NAMES: Record<Locale, string> = { ja: "日本語", en: "English" };

function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("lang.label")}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={locale === l} onClick={() => setLocale(l)}>
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}

function SessionControls() {
  const { t } = useI18n();
  const { me, user, signOut } = useSession();
  const { path } = useLocation();
  if (!me) return null;
  if (!user) {
    return path === "/sign-in" ? null : (
      <Link to={`/sign-in?next=${encodeURIComponent(path)}`} className="button small">
        {t("auth.signIn")}
      </Link>
    );
  }
  return (
    <div className="session">
      <span className="user" title={user.email}>
        {t("auth.signedInAs", { name: user.displayName })}
      </span>
      <button
        type="button"
        className="small"
        onClick={() => {
          void signOut().then(() => navigate("/"));
        }}
      >
        {t("auth.signOut")}
      </button>
    </div>
  );
}

function Shell() {
  const { t } = useI18n();
  const { path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(path);
  useEffect(() => {
    // A new page moves focus to its heading so screen readers announce it; filters changing the query do not.
    if (previousPath.current !== path) mainRef.current?.querySelector<HTMLElement>("h1")?.focus();
    previousPath.current = path;
  }, [path]);

  let page = <NotFoundPage />;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) {
      page = <Fragment key={path}>{route.render(params)}</Fragment>;
      break;
    }
  }
  const current = (to: string) => path === to || path.startsWith(`${to}/`);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="app-header">
        <div className="bar">
          <Link to="/" className="brand">
            <span className="brand-latin">renkei</span>
            <span className="brand-kanji" lang="ja">
              連携
            </span>
          </Link>
          <nav aria-label={t("nav.label")}>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={current(item.to) ? "page" : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitch />
            <SessionControls />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef}>
        {page}
      </main>
      <footer className="app-footer">
        <p>{t("footer.text")}</p>
      </footer>
    </>
  );
}

export function App() {
  return (
    <SessionProvider>
      <LocaleProvider>
        <Shell />
      </LocaleProvider>
    </SessionProvider>
  );
}
