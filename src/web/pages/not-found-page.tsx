/**
 * @module web/pages/not-found-page
 * Shown for addresses the app does not know.
 */
import { PageHeader } from "../components/display.tsx";
import { useI18n } from "../i18n/locale.tsx";
import { Link } from "../lib/router.tsx";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("notFound.title")}>
        <p className="subtitle">{t("notFound.text")}</p>
      </PageHeader>
      <Link to="/" className="button">
        {t("notFound.home")}
      </Link>
    </>
  );
}
