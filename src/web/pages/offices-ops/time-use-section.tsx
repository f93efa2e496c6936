/**
 * @module web/pages/offices-ops/time-use-section
 * Time use of an office: the monthly chart against the paper's 30 %, the yearly figures (fiscal or calendar
 * years) with each staff member's management share, the entry of a staff member's hours for a month by
 * category, the import of a CSV or XLSX file, and the logs themselves.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { ZTimeLog, ZTimeUse } from "../../../offices/offices.schema.ts";
import type { TPerson } from "../../../people/people.schema.ts";
import { LoadError, Loading } from "../../components/display.tsx";
import { ListView, type Column } from "../../components/list-view.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, fetchAll, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { useLoader } from "../../lib/use-fetch.ts";
import { InputField, monthLabel } from "./bits.tsx";
import { postRaw, toProblem } from "./http.ts";
import { TIME_CATEGORIES, TIME_CATEGORY_LABELS, type TimeCategory } from "./labels.ts";
import { TimeUseChart } from "./time-use-chart.tsx";
import { entryCsv, mapImportErrors, type EntryField, type TimeLogEntry } from "./time-log-entry-model.ts";
import { translateItems } from "./field-errors.ts";

type TimeUse = z.infer<typeof ZTimeUse>;
type TimeLog = z.infer<typeof ZTimeLog>;
type Period = TimeUse["years"][number];

const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The staff member as people read it: a person's name when known, a logged name, or the id. */
export function useStaffNames(ownerOrgId: string | null): Map<string, string> {
  const { name } = useI18n();
  const { data } = useLoader(ownerOrgId ? `people:${ownerOrgId}` : null, () =>
    fetchAll<TPerson>(`/api/organisations/${ownerOrgId}/people`, {}).catch(() => [] as TPerson[]),
  );
  const names = new Map<string, string>();
  for (const p of data ?? []) names.set(p.id, name(p.name, p.nameEn));
  return names;
}

function staffLabel(staffRef: string, names: Map<string, string>, fallback: string): string {
  if (staffRef.startsWith("name:")) return staffRef.slice(5);
  return names.get(staffRef) ?? `${fallback} ${staffRef.slice(0, 8)}`;
}

function ShareCell({ share, benchmark, over }: { share: number; benchmark: number; over: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      {formatShare(share, locale)} {over ? <span className="ops-flag">{t("offices-ops.atOrAbove")}</span> : null}
      <span className={`ops-bar${over ? " over" : ""}`} aria-hidden="true">
        <span style={{ width: `${Math.min(100, share * 100)}%` }} />
        <span className="tick" style={{ left: `${benchmark * 100}%` }} />
      </span>
    </>
  );
}

function YearTable({ use, names }: { use: TimeUse; names: Map<string, string> }) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const year = use.years.find((y) => y.period === chosen) ?? use.years.at(-1);
  const periodText = (p: string) => (use.yearBasis === "fiscal" ? (locale === "ja" ? `${p.slice(2)}年度` : p) : locale === "ja" ? `${p}年` : p);
  return (
    <div className="ops-grid" style={{ gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)" }}>
      <div>
      <h3>{t("offices-ops.byYear")}</h3>
      <div className="table-wrap">
        <table className="ops-small-table">
          <caption className="sr-only">{t("offices-ops.byYear")}</caption>
          <thead>
            <tr>
              <th scope="col">{t(use.yearBasis === "fiscal" ? "offices-ops.fiscalYear" : "offices-ops.calendarYear")}</th>
              <th scope="col" className="num">
                {t("offices-ops.totalHours")}
              </th>
              <th scope="col">{t("offices-ops.managementShare")}</th>
            </tr>
          </thead>
          <tbody>
            {use.years.map((y) => (
              <tr key={y.period}>
                <th scope="row">{periodText(y.period)}</th>
                <td className="num">{formatNumber(y.totalHours, locale, 1)}</td>
                <td>
                  <ShareCell share={y.managementShare} benchmark={use.benchmark} over={y.atOrAboveBenchmark} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      </div>
      {year && year.staff.length ? (
        <div>
          <div className="ops-toolbar">
            <h3 style={{ margin: 0 }}>{t("offices-ops.staffShares")}</h3>
            <span className="spacer" />
            {use.years.length > 1 ? (
              <label className="small">
                {t("offices-ops.year")}{" "}
                <select value={year.period} onChange={(e) => setChosen(e.target.value)} style={{ width: "auto" }}>
                  {use.years.map((y) => (
                    <option key={y.period} value={y.period}>
                      {periodText(y.period)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <StaffTable year={year} benchmark={use.benchmark} names={names} caption={`${t("offices-ops.staffShares")} (${periodText(year.period)})`} />
          <p className="ops-note">{t("offices-ops.headNote")}</p>
        </div>
      ) : null}
    </div>
  );
}

function StaffTable({ year, benchmark, names, caption }: { year: Period; benchmark: number; names: Map<string, string>; caption: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="ops-small-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("offices-ops.staff")}</th>
            <th scope="col" className="num">
              {t("offices-ops.totalHours")}
            </th>
            <th scope="col" className="num">
              {t("offices-ops.managementHours")}
            </th>
            <th scope="col">{t("offices-ops.managementShare")}</th>
          </tr>
        </thead>
        <tbody>
          {year.staff.map((s) => (
            <tr key={s.staffId}>
              <th scope="row">{staffLabel(s.staffId, names, t("offices-ops.person"))}</th>
              <td className="num">{formatNumber(s.totalHours, locale, 1)}</td>
              <td className="num">{formatNumber(s.managementHours, locale, 1)}</td>
              <td>
                <ShareCell share={s.managementShare} benchmark={benchmark} over={s.atOrAboveBenchmark} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthTable({ use }: { use: TimeUse }) {
  const { t, pick, locale } = useI18n();
  const labels = new Map(use.categories.map((c) => [c.category, c.label]));
  const used = TIME_CATEGORIES.filter((c) => use.months.some((m) => (m.hoursByCategory[c] ?? 0) > 0));
  return (
    <details className="ops-no-print">
      <summary>{t("offices-ops.dataTable")}</summary>
      <div className="table-wrap">
        <table className="ops-small-table">
          <caption className="sr-only">{t("offices-ops.timeUseTable")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("offices-ops.month")}</th>
              {used.map((c) => (
                <th scope="col" className="num" key={c}>
                  {pick(labels.get(c) ?? TIME_CATEGORY_LABELS[c])}
                </th>
              ))}
              <th scope="col" className="num">
                {t("offices-ops.totalHours")}
              </th>
              <th scope="col" className="num">
                {t("offices-ops.managementShare")}
              </th>
            </tr>
          </thead>
          <tbody>
            {use.months.map((m) => (
              <tr key={m.period}>
                <th scope="row">{monthLabel(m.period, locale, "long")}</th>
                {used.map((c) => (
                  <td className="num" key={c}>
                    {formatNumber(m.hoursByCategory[c] ?? 0, locale, 1)}
                  </td>
                ))}
                <td className="num">{formatNumber(m.totalHours, locale, 1)}</td>
                <td className="num">
                  {formatShare(m.managementShare, locale)} {m.atOrAboveBenchmark ? <span className="ops-flag">{t("offices-ops.atOrAbove")}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function previousMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const EMPTY_ENTRY = (): TimeLogEntry => ({ month: previousMonth(), personId: "", staffName: "", hours: {}, note: "" });

function TimeLogForm({ officeId, ownerOrgId, onSaved }: { officeId: string; ownerOrgId: string; onSaved: () => void }) {
  const { t, pick, locale, name } = useI18n();
  const [entry, setEntry] = useState<TimeLogEntry>(EMPTY_ENTRY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [rows, setRows] = useState<TimeCategory[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const { data: people } = useLoader(`people:${ownerOrgId}`, () => fetchAll<TPerson>(`/api/organisations/${ownerOrgId}/people`, {}).catch(() => [] as TPerson[]));
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  const { byField, other } = mapImportErrors(problem?.errors ?? [], rows);
  const fieldId = (f: EntryField) => `tl-${f.replace(".", "-")}`;
  const labelOf = (f: EntryField): string =>
    f === "month" ? t("offices-ops.month") : f === "staff" ? t("offices-ops.staff") : f === "note" ? t("offices-ops.note") : pick(TIME_CATEGORY_LABELS[f.slice(6) as TimeCategory]);
  const summary: SummaryItem[] = [
    ...[...byField].flatMap(([f, errors]) => errors.map((e) => ({ target: fieldId(f), label: labelOf(f), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path === "file" ? undefined : e.path, message: e.message, code: e.code })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const built = entryCsv(entry, TIME_CATEGORIES);
    setRows(built.rows);
    if (built.rows.length === 0) {
      setProblem({ status: 400, title: t("offices-ops.noHours"), errors: [{ path: "hours", message: t("offices-ops.noHours") }] });
      return;
    }
    setBusy(true);
    try {
      const result = await postRaw<{ rows: number; created: number; updated: number }>(`/api/offices/${officeId}/time-logs/import?format=csv`, built.csv, CSV);
      setProblem(null);
      setSaved(t("offices-ops.entrySaved", { rows: formatNumber(result.rows, locale), created: formatNumber(result.created, locale), updated: formatNumber(result.updated, locale) }));
      setEntry((e) => ({ ...e, hours: {}, note: "" }));
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const set = (change: Partial<TimeLogEntry>) => setEntry((e) => ({ ...e, ...change }));
  const personOptions = (people ?? []).map((p) => ({ value: p.id, label: name(p.name, p.nameEn) }));
  return (
    <form className="ops-form" noValidate onSubmit={submit} aria-labelledby="tl-heading">
      <h3 id="tl-heading">{t("offices-ops.entryTitle")}</h3>
      <p className="ops-note" style={{ marginTop: "-0.6rem" }}>
        {t("offices-ops.entryIntro")}
      </p>
      {problem ? (
        <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} />
      ) : null}
      {saved ? (
        <p className="ops-success" role="status">
          {saved}
        </p>
      ) : null}
      <div className="ops-fields">
        <InputField id={fieldId("month")} label={t("offices-ops.month")} type="month" value={entry.month} onChange={(month) => set({ month })} errors={byField.get("month")} hint={t("offices-ops.monthHint")} required />
        {personOptions.length ? (
          <InputField id="tl-person" label={t("offices-ops.staffPerson")} value={entry.personId} onChange={(personId) => set({ personId })} options={personOptions} hint={t("offices-ops.staffPersonHint")} />
        ) : null}
        <InputField
          id={fieldId("staff")}
          label={t("offices-ops.staffName")}
          value={entry.staffName}
          onChange={(staffName) => set({ staffName })}
          errors={byField.get("staff")}
          hint={personOptions.length ? t("offices-ops.staffNameOr") : t("offices-ops.staffNameHint")}
        />
      </div>
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.hoursByCategory")}</legend>
        <div className="ops-fields">
          {TIME_CATEGORIES.map((c) => (
            <InputField
              key={c}
              id={fieldId(`hours.${c}`)}
              label={pick(TIME_CATEGORY_LABELS[c])}
              inputMode="decimal"
              value={entry.hours[c] ?? ""}
              onChange={(v) => set({ hours: { ...entry.hours, [c]: v } })}
              errors={byField.get(`hours.${c}`)}
            />
          ))}
        </div>
      </fieldset>
      <InputField id={fieldId("note")} label={t("offices-ops.note")} value={entry.note} onChange={(note) => set({ note })} errors={byField.get("note")} />
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("offices-ops.saveHours")}
        </button>
      </div>
    </form>
  );
}

function ImportForm({ officeId, onSaved }: { officeId: string; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (!file) {
      setProblem({ status: 400, title: t("offices-ops.chooseFile"), errors: [] });
      return;
    }
    const xlsx = /\.xlsx$/i.test(file.name);
    setBusy(true);
    try {
      const result = await postRaw<{ rows: number; created: number; updated: number }>(`/api/offices/${officeId}/time-logs/import?format=${xlsx ? "xlsx" : "csv"}`, file, xlsx ? XLSX : CSV);
      setProblem(null);
      setSaved(t("offices-ops.entrySaved", { rows: formatNumber(result.rows, locale), created: formatNumber(result.created, locale), updated: formatNumber(result.updated, locale) }));
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const items: SummaryItem[] = (problem?.errors ?? []).map((e) => {
    const { row, column } = e as ProblemFieldError & { row?: number; column?: string };
    return { label: row !== undefined ? t("offices-ops.rowColumn", { row: formatNumber(row, locale), column: column ?? e.path }) : e.path, message: e.message, code: e.code };
  });
  return (
    <form className="ops-form" noValidate onSubmit={submit} aria-labelledby="tl-import-heading">
      <h3 id="tl-import-heading">{t("offices-ops.importTitle")}</h3>
      <p className="ops-note" style={{ marginTop: "-0.6rem" }}>
        {t("offices-ops.importIntro")}
      </p>
      {problem ? <ProblemAlert problem={problem} items={translateItems(items, locale)} /> : null}
      {saved ? (
        <p className="ops-success" role="status">
          {saved}
        </p>
      ) : null}
      <div className="ops-field">
        <label htmlFor="tl-file">{t("offices-ops.file")}</label>
        <input id="tl-file" type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <div className="ops-actions">
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("offices-ops.import")}
        </button>
      </div>
    </form>
  );
}

function LogList({ officeId, names }: { officeId: string; names: Map<string, string> }) {
  const { t, pick, locale } = useI18n();
  const columns: Column<TimeLog>[] = [
    { key: "month", label: "offices-ops.month", render: (l) => monthLabel(l.month, locale, "long") },
    { key: "staff", label: "offices-ops.staff", render: (l) => (l.staffName ? l.staffName : staffLabel(l.staffRef, names, t("offices-ops.person"))) },
    { key: "category", label: "offices-ops.category", render: (l) => pick(TIME_CATEGORY_LABELS[l.category]) },
    { key: "hours", label: "offices-ops.hours", numeric: true, render: (l) => formatNumber(l.hours, locale, 1) },
  ];
  return (
    <details className="ops-no-print">
      <summary>{t("offices-ops.logs")}</summary>
      <ListView<TimeLog> path={`/api/offices/${officeId}/time-logs`} columns={columns} rowKey={(l) => l.id} caption="offices-ops.logs" params={{}} fixed={{ sort: "-month" }} pageSize={50} sortable={false} />
    </details>
  );
}

export interface TimeUseSectionProps {
  officeId: string;
  ownerOrgId: string;
  canWrite: boolean;
  generation: number;
  onChanged: () => void;
}

export function TimeUseSection({ officeId, ownerOrgId, canWrite, generation, onChanged }: TimeUseSectionProps) {
  const { t } = useI18n();
  const [basis, setBasis] = useState<"fiscal" | "calendar">("fiscal");
  const path = `/api/offices/${officeId}/time-use?yearBasis=${basis}`;
  const { data: use, error, reload } = useLoader<TimeUse>(`${path}#${generation}`, () => api<TimeUse>("GET", path));
  const names = useStaffNames(ownerOrgId);
  const labels = Object.fromEntries((use?.categories ?? []).map((c) => [c.category, c.label]));
  return (
    <section className="panel ops-section" id="time-use" aria-labelledby="time-use-heading">
      <div className="panel-header">
        <h2 id="time-use-heading">{t("offices-ops.timeUse")}</h2>
        <div className="segmented ops-no-print" role="group" aria-label={t("offices-ops.yearBasis")}>
          {(["fiscal", "calendar"] as const).map((b) => (
            <button key={b} type="button" aria-pressed={basis === b} onClick={() => setBasis(b)}>
              {t(b === "fiscal" ? "offices-ops.fiscalYears" : "offices-ops.calendarYears")}
            </button>
          ))}
        </div>
      </div>
      <p className="ops-note" style={{ marginTop: 0 }}>
        {t("offices-ops.timeUseIntro")}
      </p>
      {error ? <LoadError error={error} onRetry={reload} /> : !use ? <Loading /> : use.months.length === 0 ? <p className="notice">{t("offices-ops.noHoursLogged")}</p> : (
        <>
          <TimeUseChart id="tu-chart" months={use.months} benchmark={use.benchmark} labels={labels} />
          <MonthTable use={use} />
          <div style={{ marginTop: "1rem" }}>
            <YearTable use={use} names={names} />
          </div>
        </>
      )}
      {canWrite ? (
        <div className="ops-grid ops-no-print" style={{ marginTop: "1.25rem" }}>
          <TimeLogForm officeId={officeId} ownerOrgId={ownerOrgId} onSaved={onChanged} />
          <ImportForm officeId={officeId} onSaved={onChanged} />
        </div>
      ) : null}
      <div style={{ marginTop: "1rem" }}>
        <LogList key={generation} officeId={officeId} names={names} />
      </div>
    </section>
  );
}
