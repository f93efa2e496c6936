/**
 * @module web/pages/home-page
 * The landing page: what renkei holds, with the live size of each part of the registry.
 */
import type { ListPage } from "../lib/api.ts";
import { formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { Link } from "../lib/router.tsx";
import { useFetch } from "../lib/use-fetch.ts";
import { navItems } from "../nav.ts";

function RegistryCard({ to, label }: { to: string; label: MessageKey }) {
  const { t, locale } = useI18n();
  const { data } = useFetch<ListPage<unknown>>(`/api${to}?limit=1`);
  return (
    <li className="card">
      <Link to={to}>
        <span className="card-count">{data ? formatNumber(data.total, locale) : "…"}</span>
        <span className="card-label">{t(label)}</span>
        <span className="card-more">{t("home.open")} →</span>
      </Link>
    </li>
  );
}

export function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <section className="hero">
        <h1 tabIndex={-1}>{t("home.title")}</h1>
        <p>{t("home.intro")}</p>
      </section>
      <section aria-labelledby="home-registry">
        <h2 id="home-registry">{t("home.registry")}</h2>
        <ul className="cards">
          {navItems
            .filter((item) => item.counted)
            .map((item) => (
              <RegistryCard key={item.to} to={item.to} label={item.label} />
            ))}
        </ul>
      </section>
    </>
  );
}
