/**
 * @module web/pages/offices-ops/comparison-section
 * The five operating models side by side for one office — annual cost by component, management hours and
 * share against the paper's 30 %, the work each can and cannot serve, staffing, host or partner, the risks
 * the paper names — with every assumption used and its source. A what-if panel edits any assumption (host
 * fee, staff costs, management shares, the office's head count…) and re-posts; what changed is marked. The
 * comparison downloads as XLSX (the what-if too) and prints for a budget request.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Bilingual } from "../../../core/domain.ts";
import type { AssumptionUsed, ModelComparison, ModelResult } from "../../../offices/operations/compare-models.ts";
import { LoadError, Loading, Tags } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { formatNumber, formatShare, formatYen } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { InputField } from "./bits.tsx";
import { translateItems } from "./field-errors.ts";
import { downloadFile, toProblem } from "./http.ts";
import {
  BASIS_LABELS,
  COST_COMPONENT_LABELS,
  COST_COMPONENTS,
  HOST_LABELS,
  JOINT_PARTNER_LABELS,
  ORIGIN_LABELS,
  TIME_CATEGORY_LABELS,
  type HostKind,
  type JointPartnerKind,
  type WorkCategory,
} from "./labels.ts";
import {
  assumptionLabel,
  baselineValues,
  buildWhatIf,
  inputForErrorPath,
  keyAssumptionPaths,
  perOf,
  toInputText,
  valueKind,
  type ValueKind,
} from "./what-if.ts";

export type Comparison = ModelComparison & {
  input: { staff: { dispatched: number; local: number }; workloadHours: Record<string, number> };
  inputBasis: { workload: { kind: string; [k: string]: unknown }; [k: string]: unknown };
};

function formatValue(value: unknown, kind: ValueKind, locale: "ja" | "en", t: (k: "offices-ops.officeHeadCount") => string, pick: (b: Bilingual) => string): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") {
    if (kind === "percent") return formatShare(value, locale);
    if (kind === "yen") return formatYen(value, locale);
    if (kind === "hours") return `${formatNumber(value, locale, 1)} h`;
    return formatNumber(value, locale, 2);
  }
  if (typeof value === "boolean") return value ? "✓" : "—";
  if (value === "office") return t("offices-ops.officeHeadCount");
  if (typeof value === "string") {
    const label = TIME_CATEGORY_LABELS[value as WorkCategory] ?? HOST_LABELS[value as HostKind] ?? JOINT_PARTNER_LABELS[value as JointPartnerKind];
    return label ? pick(label) : value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === "string" && TIME_CATEGORY_LABELS[v as WorkCategory] ? pick(TIME_CATEGORY_LABELS[v as WorkCategory]) : String(v))).join(locale === "ja" ? "、" : ", ");
  }
  return JSON.stringify(value);
}

function inputId(key: string): string {
  return `wi-${key.replace(/\./g, "-")}`;
}

/** A value that differs from the baseline gets a mark and says what it was. */
function Changed({ changed, before, children }: { changed: boolean; before: string; children: ReactNode }) {
  const { t } = useI18n();
  if (!changed) return <>{children}</>;
  return (
    <span className="ops-changed" title={t("offices-ops.wasValue", { value: before })}>
      {children}
      <span className="sr-only"> ({t("offices-ops.wasValue", { value: before })})</span>
    </span>
  );
}

interface Row {
  key: string;
  label: string;
  group?: boolean;
  render?: (m: ModelResult, base: ModelResult | undefined) => ReactNode;
}

function ComparisonTable({ comparison, baseline }: { comparison: Comparison; baseline: Comparison }) {
  const { t, pick, locale } = useI18n();
  const models = comparison.models;
  const baseOf = (m: ModelResult) => baseline.models.find((b) => b.model === m.model);
  const maxCost = Math.max(1, ...models.map((m) => m.annualCostJpy));
  const components = COST_COMPONENTS.filter((c) => models.some((m) => (m.costBreakdown[c] ?? 0) > 0));
  const hours = (v: number) => `${formatNumber(v, locale, 1)} h`;
  const rows: Row[] = [
    { key: "g-cost", label: t("offices-ops.groupCost"), group: true },
    {
      key: "cost",
      label: t("offices-ops.annualCost"),
      render: (m, b) => (
        <>
          <Changed changed={!!b && b.annualCostJpy !== m.annualCostJpy} before={formatYen(b?.annualCostJpy, locale)}>
            <span className="strong">{formatYen(m.annualCostJpy, locale)}</span>
          </Changed>
          <span className="ops-bar" aria-hidden="true">
            <span style={{ width: `${(m.annualCostJpy / maxCost) * 100}%` }} />
          </span>
        </>
      ),
    },
    {
      key: "delta",
      label: t("offices-ops.deltaVsCurrent"),
      render: (m) =>
        m.current ? (
          "—"
        ) : (
          <span className={m.costDeltaVsCurrentJpy > 0 ? "ops-delta-up" : m.costDeltaVsCurrentJpy < 0 ? "ops-delta-down" : undefined}>
            {m.costDeltaVsCurrentJpy > 0 ? "+" : m.costDeltaVsCurrentJpy < 0 ? "−" : "±"}
            {formatYen(Math.abs(m.costDeltaVsCurrentJpy), locale)}
          </span>
        ),
    },
    ...components.map<Row>((c) => ({
      key: `c-${c}`,
      label: pick(COST_COMPONENT_LABELS[c]),
      render: (m, b) => (
        <Changed changed={!!b && b.costBreakdown[c] !== m.costBreakdown[c]} before={formatYen(b?.costBreakdown[c], locale)}>
          {formatYen(m.costBreakdown[c] ?? 0, locale)}
        </Changed>
      ),
    })),
    { key: "g-effort", label: t("offices-ops.groupEffort"), group: true },
    {
      key: "mgmt-hours",
      label: t("offices-ops.managementHoursYear"),
      render: (m, b) => (
        <Changed changed={!!b && b.managementHours !== m.managementHours} before={hours(b?.managementHours ?? 0)}>
          {hours(m.managementHours)}
        </Changed>
      ),
    },
    {
      key: "mgmt-share",
      label: t("offices-ops.managementShare"),
      render: (m, b) => {
        const over = m.managementShare >= comparison.benchmark;
        return (
          <>
            <Changed changed={!!b && Math.abs(b.managementShare - m.managementShare) > 1e-9} before={formatShare(b?.managementShare, locale)}>
              {formatShare(m.managementShare, locale)}
            </Changed>{" "}
            {over ? <span className="ops-flag">{t("offices-ops.atOrAbove")}</span> : null}
            <span className={`ops-bar${over ? " over" : ""}`} aria-hidden="true">
              <span style={{ width: `${Math.min(100, m.managementShare * 100)}%` }} />
              <span className="tick" style={{ left: `${comparison.benchmark * 100}%` }} />
            </span>
          </>
        );
      },
    },
    { key: "work", label: t("offices-ops.workServed"), render: (m) => `${hours(m.workHoursServed)} / ${hours(m.workHoursNotServed)}` },
    {
      key: "staff",
      label: t("offices-ops.staffing"),
      render: (m) => (
        <>
          {t("offices-ops.staffCounts", { dispatched: formatNumber(m.staffing.dispatched, locale), local: formatNumber(m.staffing.local, locale) })}
          <br />
          <span className="small muted">
            {t("offices-ops.requiredHours", { hours: hours(m.staffing.requiredHours) })}
            {m.staffing.capacityHours !== null ? ` · ${t("offices-ops.capacityHours", { hours: hours(m.staffing.capacityHours) })}` : ""}
          </span>
        </>
      ),
    },
    {
      key: "host",
      label: t("offices-ops.hostOrPartner"),
      render: (m) => (m.host ? pick(HOST_LABELS[m.host]) : m.partnerKind ? pick(JOINT_PARTNER_LABELS[m.partnerKind]) : "—"),
    },
    { key: "g-functions", label: t("offices-ops.groupFunctions"), group: true },
    { key: "served", label: t("offices-ops.functionsServed"), render: (m) => (m.functionsServed.length ? <Tags values={m.functionsServed} labels={TIME_CATEGORY_LABELS} /> : "—") },
    {
      key: "not-served",
      label: t("offices-ops.functionsNotServed"),
      render: (m) => (m.functionsNotServed.length ? <Tags values={m.functionsNotServed} labels={TIME_CATEGORY_LABELS} /> : "—"),
    },
    { key: "g-risks", label: t("offices-ops.groupRisks"), group: true },
    {
      key: "risks",
      label: t("offices-ops.risks"),
      render: (m) => (
        <ul>
          {m.risks.map((r) => (
            <li key={r.code} lang={locale}>
              {pick(r.text)}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <div className="table-wrap">
      <table className="ops-compare">
        <caption className="sr-only">{t("offices-ops.comparisonCaption")}</caption>
        <thead>
          <tr>
            <td />
            {models.map((m) => (
              <th key={m.model} scope="col" className={m.current ? "is-current" : undefined}>
                {pick(m.label)}
                {m.current ? (
                  <>
                    <br />
                    <span className="ops-current">{t("offices-ops.currentModel")}</span>
                  </>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.group ? (
              <tr key={row.key} className="group">
                <th scope="rowgroup" colSpan={models.length + 1}>
                  {row.label}
                </th>
              </tr>
            ) : (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {models.map((m) => (
                  <td key={m.model} className={m.current ? "is-current" : undefined}>
                    {row.render?.(m, baseOf(m))}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function WorkloadBasis({ comparison }: { comparison: Comparison }) {
  const { t, locale } = useI18n();
  const w = comparison.inputBasis.workload;
  const total = formatNumber(comparison.office.workHours, locale, 1);
  let text: string;
  if (w.kind === "fiscal_year") text = t("offices-ops.basisFiscalYear", { period: locale === "ja" ? `${String(w.period).slice(2)}年度` : String(w.period), hours: total });
  else if (w.kind === "annualised_months") text = t("offices-ops.basisAnnualised", { months: formatNumber(Number(w.months), locale), hours: total });
  else if (w.kind === "staff_estimate") {
    text = t("offices-ops.basisEstimate", {
      people: formatNumber(Number(w.people), locale),
      perPerson: formatNumber(Number(w.hoursPerPerson), locale),
      share: formatShare(Number(w.managementShare), locale),
      hours: total,
    });
  } else text = t("offices-ops.basisOther", { hours: total });
  return <p className="ops-note">{text}</p>;
}

function AssumptionsTable({ model, facts }: { model: ModelResult; facts: Map<string, number> }) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="ops-small-table">
        <caption className="sr-only">{t("offices-ops.assumptionsOf", { model: pick(model.label) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("offices-ops.assumption")}</th>
            <th scope="col" className="num">
              {t("offices-ops.value")}
            </th>
            <th scope="col">{t("offices-ops.basis")}</th>
            <th scope="col">{t("offices-ops.origin")}</th>
            <th scope="col">{t("offices-ops.sourceRefs")}</th>
          </tr>
        </thead>
        <tbody>
          {model.assumptionsUsed.map((u) => (
            <tr key={u.path} className={u.origin === "override" ? "ops-changed" : undefined}>
              <th scope="row">
                {pick(assumptionLabel(u.path, perOf(model.assumptionsUsed, u.path), false))}
                <br />
                <code className="small muted">{u.path}</code>
                {u.note ? <div className="small muted">{pick(u.note)}</div> : null}
              </th>
              <td className="num">{formatValue(u.value, valueKind(u.path), locale, t, pick)}</td>
              <td>{pick(BASIS_LABELS[u.basis])}</td>
              <td>{pick(ORIGIN_LABELS[u.origin])}</td>
              <td>{u.facts.length ? u.facts.map((f) => `[${facts.get(f) ?? "?"}]`).join(" ") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Assumptions({ comparison }: { comparison: Comparison }) {
  const { t, pick } = useI18n();
  const [chosen, setChosen] = useState<string>(comparison.models.find((m) => m.current)?.model ?? comparison.models[0]?.model ?? "");
  const facts = new Map(comparison.facts.map((f, i) => [f.id, i + 1]));
  return (
    <div className="ops-assumptions">
      <h3>{t("offices-ops.assumptionsUsed")}</h3>
      <p className="ops-note" style={{ marginTop: "-0.4rem" }}>
        {t("offices-ops.assumptionsIntro")}
      </p>
      <div className="segmented ops-no-print" role="group" aria-label={t("offices-ops.assumptionsModel")} style={{ margin: "0.5rem 0" }}>
        {comparison.models.map((m) => (
          <button key={m.model} type="button" aria-pressed={chosen === m.model} onClick={() => setChosen(m.model)}>
            {pick(m.label)}
          </button>
        ))}
      </div>
      {comparison.models.map((m) => (
        <div key={m.model} className={m.model === chosen ? undefined : "is-hidden"}>
          <h4 className="ops-print-only">{pick(m.label)}</h4>
          <AssumptionsTable model={m} facts={facts} />
        </div>
      ))}
      <h3 style={{ marginTop: "1.25rem" }}>{t("offices-ops.sources")}</h3>
      <ol className="ops-facts">
        {comparison.facts.map((f) => (
          <li key={f.id} id={`fact-${f.id}`}>
            {pick(f.text)}
            <br />
            <span className="small muted">
              {f.source}
              {f.date ? ` (${f.date})` : ""}
            </span>
          </li>
        ))}
      </ol>
      <p className="ops-note">{t("offices-ops.estimatesWarning")}</p>
    </div>
  );
}

interface WhatIfProps {
  baseline: Comparison;
  edits: Record<string, string>;
  setEdits: (edits: Record<string, string>) => void;
  problem: Problem | null;
  busy: boolean;
  onSubmit: () => void;
  onReset: () => void;
}

function WhatIfPanel({ baseline, edits, setEdits, problem, busy, onSubmit, onReset }: WhatIfProps) {
  const { t, pick, locale } = useI18n();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const base = baselineValues(baseline);
  const keys = keyAssumptionPaths(baseline);
  const usedByPath = new Map<string, { used: AssumptionUsed; all: readonly AssumptionUsed[] }>();
  for (const m of baseline.models) for (const u of m.assumptionsUsed) if (!usedByPath.has(u.path)) usedByPath.set(u.path, { used: u, all: m.assumptionsUsed });
  const general = ["managementShareBenchmark", "annualHoursPerPerson"].filter((p) => typeof usedByPath.get(p)?.used.value === "number" && !keys.includes(p));
  const perModel = baseline.models.map((m) => ({
    model: m,
    paths: m.assumptionsUsed.filter((u) => typeof u.value === "number" && !keys.includes(u.path) && !general.includes(u.path) && !u.path.startsWith("hosts.")).map((u) => u.path),
  }));
  const hostPaths = [...usedByPath.keys()].filter((p) => p.startsWith("hosts.") && typeof usedByPath.get(p)?.used.value === "number" && !keys.includes(p));
  const allKeys = [...keys, ...general, ...hostPaths, ...perModel.flatMap((g) => g.paths)];

  const byInput = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const e of problem?.errors ?? []) {
    const k = inputForErrorPath(e.path, allKeys);
    if (k) byInput.set(k, [...(byInput.get(k) ?? []), e]);
    else other.push(e);
  }
  const labelOf = (key: string) => {
    const info = usedByPath.get(key);
    return pick(assumptionLabel(key, info ? perOf(info.all, key) : undefined));
  };
  const summary: SummaryItem[] = [
    ...[...byInput].flatMap(([k, errors]) => errors.map((e) => ({ target: inputId(k), label: labelOf(k), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path, message: e.message, code: e.code })),
  ];

  const field = (key: string, withModel = true) => {
    const kind = valueKind(key);
    const info = usedByPath.get(key);
    const baseValue = base[key];
    const value = edits[key] ?? (baseValue !== undefined ? toInputText(baseValue, kind) : "");
    const basis = info ? pick(BASIS_LABELS[info.used.basis]) : null;
    const unit = kind === "percent" ? "%" : kind === "yen" ? t("form.yenHint") : kind === "hours" ? "h" : "";
    const label = pick(assumptionLabel(key, info ? perOf(info.all, key) : undefined, withModel));
    return (
      <InputField
        key={key}
        id={inputId(key)}
        label={unit ? `${label} (${unit})` : label}
        inputMode="decimal"
        value={value}
        onChange={(v) => setEdits({ ...edits, [key]: v })}
        errors={byInput.get(key)}
        hint={
          baseValue === undefined
            ? undefined
            : key.startsWith("office.")
              ? t("offices-ops.officeValueIs", { value: formatValue(baseValue, kind, locale, t, pick) })
              : t("offices-ops.defaultIs", { value: formatValue(baseValue, kind, locale, t, pick), basis: basis ?? pick(BASIS_LABELS.setting) })
        }
        className={edits[key] !== undefined && edits[key] !== toInputText(baseValue ?? NaN, kind) ? "ops-changed" : undefined}
      />
    );
  };

  return (
    <form
      className="ops-form"
      noValidate
      aria-labelledby="whatif-heading"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="whatif-heading">{t("offices-ops.whatIf")}</h3>
      <p className="ops-note" style={{ marginTop: "-0.6rem" }}>
        {t("offices-ops.whatIfIntro")}
      </p>
      {problem ? <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} /> : null}
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.keyAssumptions")}</legend>
        <div className="ops-fields wide">{keys.map((k) => field(k))}</div>
      </fieldset>
      <details>
        <summary>{t("offices-ops.allAssumptions")}</summary>
        <div className="ops-form" style={{ marginTop: "0.75rem" }}>
          {general.length || hostPaths.length ? (
            <fieldset className="ops-fieldset">
              <legend>{t("offices-ops.generalAssumptions")}</legend>
              <div className="ops-fields wide">{[...general, ...hostPaths].map((k) => field(k))}</div>
            </fieldset>
          ) : null}
          {perModel.map(({ model, paths }) =>
            paths.length ? (
              <fieldset className="ops-fieldset" key={model.model}>
                <legend>{pick(model.label)}</legend>
                <div className="ops-fields wide">{paths.map((k) => field(k, false))}</div>
              </fieldset>
            ) : null,
          )}
        </div>
      </details>
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("offices-ops.recalculating") : t("offices-ops.recalculate")}
        </button>
        <button type="button" onClick={onReset} disabled={busy}>
          {t("offices-ops.resetWhatIf")}
        </button>
      </div>
    </form>
  );
}

function OverridesSummary({ comparison, baseline }: { comparison: Comparison; baseline: Comparison }) {
  const { t, pick, locale } = useI18n();
  if (!comparison.overrides.length && comparison === baseline) return null;
  const base = baselineValues(baseline);
  const now = baselineValues(comparison);
  const changedOffice = (["office.staff.dispatched", "office.staff.local"] as const).filter((k) => base[k] !== now[k]);
  const paths = [...changedOffice, ...comparison.overrides];
  if (!paths.length) return null;
  return (
    <div className="notice" role="status" style={{ marginBottom: "0.75rem" }}>
      <strong>{t("offices-ops.whatIfActive")}</strong>
      <ul style={{ margin: "0.3rem 0 0" }}>
        {paths.map((p) => {
          const kind = valueKind(p);
          return (
            <li key={p}>
              {pick(assumptionLabel(p))}: {formatValue(base[p], kind, locale, t, pick)} → <strong>{formatValue(now[p], kind, locale, t, pick)}</strong>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ComparisonSection({ officeId, generation }: { officeId: string; generation: number }) {
  const { t, locale } = useI18n();
  const path = `/api/offices/${officeId}/comparison`;
  const { data: baseline, error, reload } = useLoader<Comparison>(`${path}#${generation}`, () => api<Comparison>("GET", path));
  const [shown, setShown] = useState<Comparison | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportProblem, setExportProblem] = useState<Problem | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    setShown(null);
  }, [baseline]);

  if (error?.problem.errors.some((e) => e.path === "office.functions")) {
    // The comparison needs the office's primary functions; the registry record does not have them yet.
    return (
      <p className="notice">
        {t("offices-ops.needFunctions")} <Link to={`/offices/${officeId}/edit`}>{t("offices-ops.editOffice")}</Link>
      </p>
    );
  }
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!baseline) return <Loading />;
  const comparison = shown ?? baseline;
  const body = buildWhatIf(edits, baselineValues(baseline));
  const active = shown !== null && shown !== baseline;

  const recalculate = async () => {
    const request = buildWhatIf(edits, baselineValues(baseline));
    if (!request.assumptions && !request.office) {
      setShown(null);
      setProblem(null);
      return;
    }
    setBusy(true);
    try {
      setShown(await api<Comparison>("POST", path, request));
      setProblem(null);
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const url = `${path}?format=xlsx&locale=${locale}`;
      const name = `office-comparison-${officeId}.xlsx`;
      if (active && (body.assumptions || body.office)) await downloadFile(url, name, body);
      else await downloadFile(url, name);
      setExportProblem(null);
    } catch (e) {
      setExportProblem(toProblem(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="ops-toolbar ops-no-print">
        <p className="ops-note" style={{ margin: 0 }}>
          {t("offices-ops.comparisonIntro")}
        </p>
        <span className="spacer" />
        <button type="button" onClick={exportXlsx} disabled={exporting}>
          {active ? t("offices-ops.exportWhatIf") : t("offices-ops.exportXlsx")}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t("offices-ops.print")}
        </button>
      </div>
      {exportProblem ? <ProblemAlert problem={exportProblem} /> : null}
      <OverridesSummary comparison={comparison} baseline={baseline} />
      <ComparisonTable comparison={comparison} baseline={baseline} />
      <WorkloadBasis comparison={comparison} />
      <div className="ops-no-print" style={{ marginTop: "1.25rem" }}>
        <WhatIfPanel
          baseline={baseline}
          edits={edits}
          setEdits={setEdits}
          problem={problem}
          busy={busy}
          onSubmit={recalculate}
          onReset={() => {
            setEdits({});
            setShown(null);
            setProblem(null);
          }}
        />
      </div>
      <div style={{ marginTop: "1.5rem" }}>
        <Assumptions comparison={comparison} />
      </div>
    </>
  );
}
