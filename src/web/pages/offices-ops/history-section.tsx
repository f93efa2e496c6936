/**
 * @module web/pages/offices-ops/history-section
 * An office's history through operating models: the transitions (opened, model changed, closed, merged,
 * reopened) with their reasons as a timeline, and the periods under each model. With nothing recorded the
 * API derives one period from the registry record, and the page says so.
 */
import type { z } from "zod";
import type { OfficeModel } from "../../../core/domain.ts";
import type { ZHistory } from "../../../offices/offices.schema.ts";
import { DateText, LoadError, Loading } from "../../components/display.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { ModelBadge } from "../offices-pages.tsx";
import { HOST_LABELS, PERIOD_END_LABELS, type HostKind } from "./labels.ts";

type History = z.infer<typeof ZHistory>;
interface Period {
  model: OfficeModel;
  host?: HostKind;
  from: string;
  to?: string;
  reason?: string;
  end?: { kind: "transition" | "closed" | "merged"; reason?: string; mergedIntoOfficeId?: string };
  reopened?: boolean;
  discontinuity?: { kind: "gap" | "overlap"; reason: string };
  source?: string;
}
interface Transition {
  date: string;
  kind: string;
  label: { ja: string; en: string };
  fromModel?: OfficeModel;
  fromHost?: HostKind;
  toModel?: OfficeModel;
  toHost?: HostKind;
  mergedIntoOfficeId?: string;
  reason?: string;
}

function ModelWithHost({ model, host }: { model: OfficeModel; host?: HostKind }) {
  const { pick } = useI18n();
  return (
    <>
      <ModelBadge model={model} />
      {host ? <span className="muted"> ({pick(HOST_LABELS[host])})</span> : null}
    </>
  );
}

export function HistorySection({ officeId, generation }: { officeId: string; generation: number }) {
  const { t, pick } = useI18n();
  const path = `/api/offices/${officeId}/history`;
  const { data, error, reload } = useLoader<History>(`${path}#${generation}`, () => api<History>("GET", path));
  const periods = (data?.periods ?? []) as unknown as Period[];
  const transitions = (data?.transitions ?? []) as unknown as Transition[];
  return (
    <section className="panel ops-section" id="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t("offices-ops.history")}</h2>
      {error ? <LoadError error={error} onRetry={reload} /> : !data ? <Loading /> : periods.length === 0 ? (
        <p className="notice">{t("offices-ops.noHistory")}</p>
      ) : (
        <div className="ops-grid" style={{ gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)" }}>
          <div>
            <h3>{t("offices-ops.transitions")}</h3>
            <ol className="ops-timeline">
              {transitions.map((tr, i) => (
                <li key={`${tr.date}-${i}`}>
                  <div className="when">
                    <DateText value={tr.date} />
                  </div>
                  <strong>{pick(tr.label)}</strong>
                  {tr.fromModel && tr.toModel ? (
                    <div>
                      <ModelWithHost model={tr.fromModel} host={tr.fromHost} /> → <ModelWithHost model={tr.toModel} host={tr.toHost} />
                    </div>
                  ) : tr.toModel ? (
                    <div>
                      <ModelWithHost model={tr.toModel} host={tr.toHost} />
                    </div>
                  ) : null}
                  {tr.mergedIntoOfficeId ? (
                    <div>
                      <Link to={`/offices/${tr.mergedIntoOfficeId}`}>{t("offices.mergedInto")}</Link>
                    </div>
                  ) : null}
                  {tr.reason ? (
                    <div className="small">
                      {t("offices-ops.reason")}: {tr.reason}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
          <div>
          <h3>{t("offices-ops.periods")}</h3>
          <div className="table-wrap">
            <table className="ops-small-table">
              <caption className="sr-only">{t("offices-ops.periods")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field.model")}</th>
                  <th scope="col">{t("offices-ops.from")}</th>
                  <th scope="col">{t("offices-ops.to")}</th>
                  <th scope="col">{t("offices-ops.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">
                      <ModelWithHost model={p.model} host={p.host} />
                    </th>
                    <td className="nowrap">
                      <DateText value={p.from} />
                    </td>
                    <td>
                      {p.to ? <DateText value={p.to} /> : t("offices-ops.ongoing")}
                      {p.end ? <div className="small muted">{pick(PERIOD_END_LABELS[p.end.kind])}</div> : null}
                    </td>
                    <td className="small">
                      {[p.reason, p.end?.reason, p.discontinuity?.reason].filter(Boolean).join(" / ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </div>
        </div>
      )}
      {data && !data.stored && periods.length ? <p className="ops-note">{t("offices-ops.historyDerived")}</p> : null}
    </section>
  );
}
