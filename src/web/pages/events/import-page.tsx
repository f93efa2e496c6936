/**
 * @module web/pages/events/import-page
 * The organisers' participant import: a CSV or XLSX file is first previewed by the API (its columns, row
 * count, first rows and a mapping guessed from the column names), the organiser checks the mapping — which
 * column gives each participant field — and the default type and status, then imports; the API's row and
 * column errors are listed.
 */
import { useState, type FormEvent } from "react";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { ImportField, TImportPreview } from "../../../events/participants.schema.ts";
import { api, type Problem } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EventCrumb, PARTICIPANT_STATUS_LABELS, PARTICIPANT_TYPE_LABELS, PARTICIPANT_TYPES, toProblem, type TEvent } from "./common.tsx";

const FIELDS = ["organisation", "name", "type", "contactName", "contactEmail", "maxMeetings", "maxPerSession", "offer", "seek", "hsCodes", "country", "status"] as const satisfies readonly ImportField[];

const FIELD_LABELS: Record<ImportField, { ja: string; en: string }> = {
  organisation: { ja: "組織（名称または法人番号）", en: "Organisation (name or number)" },
  name: { ja: "表示名", en: "Display name" },
  type: { ja: "参加区分", en: "Participant type" },
  contactName: { ja: "担当者", en: "Contact person" },
  contactEmail: { ja: "担当者メール", en: "Contact e-mail" },
  maxMeetings: { ja: "商談数の上限", en: "Meeting cap" },
  maxPerSession: { ja: "セッションごとの上限", en: "Cap per session" },
  offer: { ja: "提供するもの", en: "What they offer" },
  seek: { ja: "求めるもの", en: "What they seek" },
  hsCodes: { ja: "HSコード", en: "HS codes" },
  country: { ja: "国", en: "Country" },
  status: { ja: "状態", en: "Status" },
};

/** An import error as the API gives it: the usual path and message, and where in the file. */
type ImportError = { path: string; message: string; code?: string; row?: number; column?: string };

function errorPlace(x: ImportError, t: ReturnType<typeof useI18n>["t"]): string {
  if (x.row !== undefined && x.column) return t("events.importRowColumn", { row: x.row, column: x.column });
  if (x.row !== undefined) return t("events.importRow", { row: x.row });
  return x.path;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ImportPage({ eventId }: { eventId: string }) {
  const { t, pick, name, locale } = useI18n();
  const event = useFetch<TEvent>(`/api/events/${eventId}`);
  const [file, setFile] = useState<{ name: string; format: "csv" | "xlsx"; data: string } | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [type, setType] = useState("");
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<{ rows: number; created: number } | null>(null);
  if (event.error) return <LoadError error={event.error} onRetry={event.reload} />;
  if (!event.data) return <Loading />;
  const e = event.data;
  const choose = async (f: File | undefined) => {
    setProblem(null);
    setResult(null);
    setPreview(null);
    setMapping({});
    if (!f) return setFile(null);
    const chosen = { name: f.name, format: /\.xlsx$/i.test(f.name) ? ("xlsx" as const) : ("csv" as const), data: toBase64(new Uint8Array(await f.arrayBuffer())) };
    setFile(chosen);
    try {
      const found = await api<TImportPreview>("POST", `/api/events/${eventId}/participants/import/preview`, { format: chosen.format, data: chosen.data });
      setPreview(found);
      setMapping(Object.fromEntries(Object.entries(found.suggested).map(([column, field]) => [field, column])));
    } catch (error) {
      setProblem(toProblem(error));
    }
  };
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setResult(null);
    const body = {
      format: file.format,
      data: file.data,
      mapping: Object.fromEntries(Object.entries(mapping).filter(([, col]) => col.trim()).map(([field, col]) => [col.trim(), field])),
      defaults: { ...(type ? { participantType: type } : {}), ...(status ? { status } : {}) },
    };
    try {
      setResult(await api<{ rows: number; created: number }>("POST", `/api/events/${eventId}/participants/import`, body));
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <EventCrumb event={e} />
      <PageHeader title={t("events.importTitle")} kicker={name(e.nameJa, e.nameEn)} />
      <section className="panel">
        <form className="events-form" onSubmit={submit}>
          <p className="muted small">{t("events.importHint")}</p>
          {problem ? <ProblemAlert problem={problem} items={problem.errors.map((x) => ({ label: errorPlace(x as ImportError, t), message: fieldErrorText(x, locale), code: x.code }))} /> : null}
          {result ? (
            <p role="status" className="notice">
              {t("events.importDone", { rows: formatNumber(result.rows, locale), created: formatNumber(result.created, locale) })} <Link to={`/events/${eventId}`}>{t("events.backToEvent")}</Link>
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="imp-file">{t("events.importFile")}</label>
            <input id="imp-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required onChange={(x) => void choose(x.target.files?.[0])} />
          </div>
          {preview ? (
            <div className="table-wrap">
              <table>
                <caption>{t("events.importPreview", { shown: formatNumber(preview.sample.length, locale), rows: formatNumber(preview.rows, locale) })}</caption>
                <thead>
                  <tr>
                    {preview.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, i) => (
                    <tr key={i}>
                      {preview.columns.map((c) => (
                        <td key={c}>{row[c]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>{t("events.importMapping")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.importField")}</th>
                  <th scope="col">{t("events.importColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {FIELDS.map((f) => (
                  <tr key={f}>
                    <th scope="row">
                      <label htmlFor={`imp-${f}`}>{pick(FIELD_LABELS[f])}</label>
                    </th>
                    <td>
                      <select id={`imp-${f}`} disabled={!preview} value={mapping[f] ?? ""} onChange={(x) => setMapping((m) => ({ ...m, [f]: x.target.value }))}>
                        <option value="">{t("events.importNotMapped")}</option>
                        {(preview?.columns ?? []).map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-grid">
            <div className="field half">
              <label htmlFor="imp-type">{t("events.importDefaultType")}</label>
              <select id="imp-type" value={type} onChange={(x) => setType(x.target.value)}>
                <option value="">—</option>
                {PARTICIPANT_TYPES.map((p) => (
                  <option key={p} value={p}>
                    {pick(PARTICIPANT_TYPE_LABELS[p])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field half">
              <label htmlFor="imp-status">{t("events.importDefaultStatus")}</label>
              <select id="imp-status" value={status} onChange={(x) => setStatus(x.target.value)}>
                <option value="">—</option>
                {(Object.keys(PARTICIPANT_STATUS_LABELS) as (keyof typeof PARTICIPANT_STATUS_LABELS)[]).map((s) => (
                  <option key={s} value={s}>
                    {pick(PARTICIPANT_STATUS_LABELS[s])}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="primary" disabled={busy || !preview}>
            {t("events.importSend")}
          </button>
        </form>
      </section>
    </>
  );
}
