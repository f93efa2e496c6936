/**
 * @module web/pages/transfer-page
 * The registry's spreadsheet import and export, for officials who keep their lists in Excel. Everyone may
 * download what they can see (plain links to `GET /api/export/:entity`); signed-in users check a file
 * first (a dry run: the API writes every row inside a transaction and rolls it back, so the counts and
 * errors are exactly those of a real import), then import the same file for real.
 */
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { TRANSFER_ENTITIES, type TransferEntity } from "../../registry/transfer/columns.ts";
import type { ZImportColumn } from "../../registry/transfer/transfer.routes.ts";
import { PageHeader } from "../components/display.tsx";
import { problemTitle } from "../components/problem-alert.tsx";
import { fieldErrorText } from "../i18n/field-errors.ts";
import { formatNumber } from "../i18n/format.ts";
import { useI18n } from "../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../lib/api.ts";
import { Link } from "../lib/router.tsx";
import { useSession } from "../lib/session.tsx";
import { useFetch } from "../lib/use-fetch.ts";

type ImportColumn = z.infer<typeof ZImportColumn>;
type ImportResult = { entity: TransferEntity; rows: number; created: number; updated: number; dryRun: boolean };
/** A row error as the import reports it: where in the file, the cell's text and the reason. */
type RowError = { path: string; message: string; code?: string; row?: number; column?: string; value?: unknown };
type UploadFile = { name: string; format: "csv" | "xlsx"; data: string };

const FORMATS = ["csv", "xlsx"] as const;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function toProblem(error: unknown): Problem {
  return error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] };
}

export function TransferPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [entity, setEntity] = useState<TransferEntity>("offices");
  return (
    <>
      <PageHeader title={t("transfer.title")}>
        <p className="muted">{t("transfer.intro")}</p>
      </PageHeader>
      {user ? (
        <ImportPanel entity={entity} onEntity={setEntity} />
      ) : (
        <p className="notice">
          {t("transfer.signInToImport")} <Link to="/sign-in">{t("auth.signIn")}</Link>
        </p>
      )}
      <ExportPanel />
      <ColumnReference entity={entity} />
    </>
  );
}

function ImportPanel({ entity, onEntity }: { entity: TransferEntity; onEntity: (e: TransferEntity) => void }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const reset = () => {
    setChecked(null);
    setDone(null);
    setProblem(null);
  };
  const choose = async (f: File | undefined) => {
    reset();
    if (!f) return setFile(null);
    setFile({ name: f.name, format: /\.xlsx$/i.test(f.name) ? "xlsx" : "csv", data: toBase64(new Uint8Array(await f.arrayBuffer())) });
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    reset();
    setBusy(dryRun ? "check" : "import");
    try {
      const result = await api<ImportResult>("POST", `/api/import/${entity}`, { format: file.format, data: file.data, dryRun });
      if (dryRun) setChecked(result);
      else setDone(result);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(null);
    }
  };
  const check = (ev: FormEvent) => {
    ev.preventDefault();
    void send(true);
  };
  const what = t(`transfer.entity.${entity}`);
  const n = (v: number) => formatNumber(v, locale);
  const errors = (problem?.errors ?? []) as RowError[];
  return (
    <section className="panel" aria-labelledby="transfer-import">
      <h2 id="transfer-import">{t("transfer.importTitle")}</h2>
      <p className="muted small">{t("transfer.importHint")}</p>
      <form onSubmit={check}>
        <div className="form-grid">
          <div className="field half">
            <label htmlFor="transfer-entity">{t("transfer.what")}</label>
            <select
              id="transfer-entity"
              value={entity}
              onChange={(x) => {
                reset();
                onEntity(x.target.value as TransferEntity);
              }}
            >
              {TRANSFER_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {t(`transfer.entity.${e}`)}
                </option>
              ))}
            </select>
            <a href="#transfer-columns" className="small">
              {t("transfer.columnsLink", { what })}
            </a>
          </div>
          <div className="field half">
            <label htmlFor="transfer-file">{t("transfer.file")}</label>
            <input id="transfer-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required onChange={(x) => void choose(x.target.files?.[0])} />
          </div>
        </div>
        <p>
          <button type="submit" disabled={!file || busy !== null}>
            {busy === "check" ? t("transfer.checking") : t("transfer.check")}
          </button>
        </p>
      </form>
      {checked ? (
        <div className="notice">
          <p role="status">{t("transfer.checked", { rows: n(checked.rows), created: n(checked.created), updated: n(checked.updated) })}</p>
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void send(false)}>
            {busy === "import" ? t("transfer.importing") : t("transfer.import")}
          </button>
        </div>
      ) : null}
      {done ? (
        <p role="status" className="notice">
          {t("transfer.done", { rows: n(done.rows), created: n(done.created), updated: n(done.updated) })}
        </p>
      ) : null}
      {problem ? (
        <div className="problem" role="alert">
          <p className="problem-title">{errors.length ? t("transfer.rejected", { n: n(errors.length) }) : problemTitle(problem, locale)}</p>
          {!errors.length && problem.detail ? <p className="problem-detail">{problem.detail}</p> : null}
        </div>
      ) : null}
      {errors.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("transfer.errorsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("transfer.row")}</th>
                <th scope="col">{t("transfer.column")}</th>
                <th scope="col">{t("transfer.value")}</th>
                <th scope="col">{t("transfer.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row === undefined ? t("transfer.wholeFile") : n(e.row)}</td>
                  <td>{e.column ?? (e.path === "(row)" || e.path === "file" ? "" : e.path)}</td>
                  <td>{e.value === undefined || e.value === null ? "" : String(e.value)}</td>
                  <td>{fieldErrorText(e, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function ExportPanel() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="transfer-export">
      <h2 id="transfer-export">{t("transfer.exportTitle")}</h2>
      <p className="muted small">{t("transfer.exportHint")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("transfer.exportCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transfer.exportWhat")}</th>
              <th scope="col">{t("transfer.exportFormats")}</th>
            </tr>
          </thead>
          <tbody>
            {TRANSFER_ENTITIES.map((e) => (
              <tr key={e}>
                <th scope="row">{t(`transfer.entity.${e}`)}</th>
                <td>
                  {FORMATS.map((format) => (
                    // Plain links: the browser downloads the file with the server's name, no script needed.
                    <a key={format} className="button small" href={`/api/export/${e}?format=${format}`} download aria-label={t("transfer.download", { what: t(`transfer.entity.${e}`), format: format.toUpperCase() })}>
                      {format.toUpperCase()}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ColumnReference({ entity }: { entity: TransferEntity }) {
  const { t } = useI18n();
  const columns = useFetch<ImportColumn[]>(`/api/import/${entity}/columns`);
  const what = t(`transfer.entity.${entity}`);
  return (
    <section className="panel" id="transfer-columns" aria-labelledby="transfer-columns-title">
      <h2 id="transfer-columns-title">{t("transfer.columnsTitle", { what })}</h2>
      <p className="muted small">{t("transfer.columnsHint")}</p>
      {columns.data ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("transfer.columnName")}</th>
                <th scope="col">{t("transfer.columnKind")}</th>
                <th scope="col">{t("transfer.required")}</th>
              </tr>
            </thead>
            <tbody>
              {columns.data.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>{t(`transfer.kind.${c.kind}`)}</td>
                  <td>{c.required ? <strong>{t("transfer.required")}</strong> : t("transfer.optional")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("common.loading")}</p>
      )}
    </section>
  );
}
