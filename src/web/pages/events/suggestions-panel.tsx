/**
 * @module web/pages/events/suggestions-panel
 * Whom to meet: the matchmaking engine's suggestions for a participant among the event's approved
 * participants — those who offer what it seeks and those who seek what it offers — best first, each with
 * the engine's reasons. "Ask for a meeting" fills the request form below with that participant; pairs
 * already in contact (a pending request or a meeting) say so instead.
 */
import type { z } from "zod";
import { LoadError, Loading } from "../../components/display.tsx";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { ZSuggestion } from "../../../events/outputs.schema.ts";
import { REASON_KIND_LABELS } from "../matchmaking/labels.ts";
import { PARTICIPANT_TYPE_LABELS } from "./common.tsx";

type TSuggestion = z.infer<typeof ZSuggestion>;

export function SuggestionsPanel({ eventId, pid, canAsk, onAsk }: { eventId: string; pid: string; canAsk: boolean; onAsk: (participantId: string) => void }) {
  const { t, pick, locale } = useI18n();
  const { data, error, loading, reload } = useFetch<TSuggestion[]>(`/api/events/${eventId}/participants/${pid}/suggestions?limit=10`);
  return (
    <>
      <h2 id="p-suggestions">{t("events.suggestions")}</h2>
      <p className="muted small">{t("events.suggestionsHint")}</p>
      {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <Loading /> : null}
      {data && data.length === 0 ? <p className="empty">{t("events.noSuggestions")}</p> : null}
      {data && data.length ? (
        <ol className="mm-matches">
          {data.map((s) => (
            <li key={s.participantId} className="mm-match" aria-label={s.name}>
              <h3>
                {s.name}
                <span className="mm-score">
                  {pick(PARTICIPANT_TYPE_LABELS[s.participantType])} · {t(s.direction === "offers_what_you_seek" ? "events.offersWhatYouSeek" : "events.seeksWhatYouOffer")} · {t("events.matchScore")}{" "}
                  {formatNumber(s.score, locale, 3)}
                </span>
              </h3>
              <ul className="mm-reasons" aria-label={t("events.matchReasons")}>
                {s.reasons.map((r, i) => (
                  <li key={i}>
                    <span className="badge">{pick(REASON_KIND_LABELS[r.kind] ?? { ja: r.kind, en: r.kind })}</span>
                    {pick(r.label)}
                  </li>
                ))}
              </ul>
              {s.alreadyInContact ? (
                <p className="muted small">{t("events.alreadyInContact")}</p>
              ) : canAsk ? (
                <button type="button" onClick={() => onAsk(s.participantId)} aria-label={t("events.askNamed", { name: s.name })}>
                  {t("events.askForMeeting")}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
