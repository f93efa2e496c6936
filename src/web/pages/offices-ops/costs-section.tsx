/**
 * @module web/pages/offices-ops/costs-section
 * An office's annual cost by component and fiscal year — as stacked bars and as a table — the entry of a
 * year's components, and how a joint office's cost is shared among its members by its documented key (each
 * member's share in whole yen, summing to the total).
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { ZCostSharing, ZCostYears } from "../../../offices/offices.schema.ts";
import { LoadError, Loading, OrgLink, UnverifiedBadge } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { formatShare, formatYen } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { useLoader } from "../../lib/use-fetch.ts";
import { fiscalYearLabel, InputField } from "./bits.tsx";
import { toProblem } from "./http.ts";
import { COST_COMPONENT_COLORS, COST_COMPONENT_LABELS, COST_COMPONENTS, MEMBER_ROLE_LABELS, type CostComponent } from "./labels.ts";
import { readTyped } from "./what-if.ts";
import { translateItems } from "./field-errors.ts";

type CostYears = z.infer<typeof ZCostYears>;
type CostYear = CostYears["items"][number];
type CostSharing = z.infer<typeof ZCostSharing>;

function CostChart({ years }: { years: readonly CostYear[] }) {
  const { t, pick, locale } = useI18n();
  const ordered = [...years].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const used = COST_COMPONENTS.filter((c) => ordered.some((y) => (y.components[c] ?? 0) > 0));
  const max = Math.max(1, ...ordered.map((y) => y.totalJpy));
  const left = 130;
  const barH = 22;
  const gap = 12;
  const width = 640;
  const height = ordered.length * (barH + gap) + 8;
  const x = (v: number) => ((width - left - 90) * v) / max;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="ops-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="cost-chart-title cost-chart-desc" style={{ maxWidth: "760px" }}>
        <title id="cost-chart-title">{t("offices-ops.costChart")}</title>
        <desc id="cost-chart-desc">{ordered.map((y) => `${fiscalYearLabel(y.fiscalYear, locale)}: ${formatYen(y.totalJpy, locale)}`).join("; ")}</desc>
        {ordered.map((y, i) => {
          let at = left;
          const top = i * (barH + gap) + 4;
          return (
            <g key={y.fiscalYear}>
              <text x={left - 8} y={top + barH / 2} dy="0.32em" textAnchor="end" className="axis" style={{ fill: "var(--ink)" }}>
                {locale === "ja" ? `${y.fiscalYear}年度` : `FY${y.fiscalYear}`}
              </text>
              {used.map((c) => {
                const w = x(y.components[c] ?? 0);
                const rect = (
                  <rect key={c} x={at} y={top} width={w} height={barH} fill={COST_COMPONENT_COLORS[c]}>
                    <title>{`${fiscalYearLabel(y.fiscalYear, locale)} — ${pick(COST_COMPONENT_LABELS[c])}: ${formatYen(y.components[c] ?? 0, locale)}`}</title>
                  </rect>
                );
                at += w;
                return rect;
              })}
              <text x={at + 6} y={top + barH / 2} dy="0.32em" style={{ fill: "var(--ink)", fontWeight: 600 }}>
                {formatYen(y.totalJpy, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="ops-legend" aria-label={t("map.legend")}>
          {used.map((c) => (
            <li key={c}>
              <span className="ops-swatch" style={{ background: COST_COMPONENT_COLORS[c] }} aria-hidden="true" />
              {pick(COST_COMPONENT_LABELS[c])}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function CostTable({ years }: { years: readonly CostYear[] }) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="ops-small-table">
        <caption className="sr-only">{t("offices-ops.costTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("offices-ops.component")}</th>
            {years.map((y) => (
              <th scope="col" className="num" key={y.fiscalYear}>
                {fiscalYearLabel(y.fiscalYear, locale)} <UnverifiedBadge unverified={y.unverified} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COST_COMPONENTS.map((c) => (
            <tr key={c}>
              <th scope="row">{pick(COST_COMPONENT_LABELS[c])}</th>
              {years.map((y) => (
                <td className="num" key={y.fiscalYear}>
                  {formatYen(y.components[c] ?? 0, locale)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t("offices-ops.total")}</th>
            {years.map((y) => (
              <td className="num" key={y.fiscalYear}>
                <strong>{formatYen(y.totalJpy, locale)}</strong>
              </td>
            ))}
          </tr>
          {years.some((y) => y.source) ? (
            <tr>
              <th scope="row">{t("field.source")}</th>
              {years.map((y) => (
                <td key={y.fiscalYear} className="small">
                  {y.source}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function Sharing({ officeId, years, generation }: { officeId: string; years: readonly CostYear[]; generation: number }) {
  const { t, pick, locale } = useI18n();
  const [year, setYear] = useState<number | null>(null);
  const chosen = year ?? years[0]?.fiscalYear ?? null;
  const path = `/api/offices/${officeId}/cost-sharing${chosen ? `?fiscalYear=${chosen}` : ""}`;
  const { data, error } = useLoader<CostSharing>(`${path}#${generation}`, () => api<CostSharing>("GET", path));
  return (
    <div>
      <div className="ops-toolbar">
        <h3 style={{ margin: 0 }}>{t("offices-ops.sharing")}</h3>
        <span className="spacer" />
        {years.length > 1 ? (
          <label className="small ops-no-print">
            {t("offices-ops.fiscalYear")}{" "}
            <select value={chosen ?? ""} onChange={(e) => setYear(Number(e.target.value))} style={{ width: "auto" }}>
              {years.map((y) => (
                <option key={y.fiscalYear} value={y.fiscalYear}>
                  {fiscalYearLabel(y.fiscalYear, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {error ? <ProblemAlert problem={error.problem} /> : !data ? <Loading /> : (
        <>
          <p className="small" style={{ marginTop: 0 }}>
            {t("offices-ops.sharingKey")}: <strong>{pick(data.keyLabel)}</strong> · {fiscalYearLabel(data.cost.fiscalYear, locale)} · {t("offices-ops.total")} {formatYen(data.cost.totalJpy, locale)}
          </p>
          <div className="table-wrap">
            <table className="ops-small-table">
              <caption className="sr-only">{t("offices-ops.sharing")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("offices-ops.member")}</th>
                  <th scope="col">{t("offices-ops.role")}</th>
                  <th scope="col" className="num">
                    {t("offices-ops.fraction")}
                  </th>
                  <th scope="col" className="num">
                    {t("offices-ops.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.shares.map((s) => (
                  <tr key={s.orgId}>
                    <th scope="row">
                      <OrgLink id={s.orgId} ja={s.nameJa} en={s.nameEn} />
                    </th>
                    <td>{pick(MEMBER_ROLE_LABELS[s.role])}</td>
                    <td className="num">{formatShare(s.fraction, locale)}</td>
                    <td className="num">{formatYen(s.amountJpy, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.shares.length === 1 ? <p className="ops-note">{t("offices-ops.singleMember")}</p> : <p className="ops-note">{t("offices-ops.sharingNote")}</p>}
        </>
      )}
    </div>
  );
}

interface CostDraft {
  fiscalYear: string;
  components: Partial<Record<CostComponent, string>>;
  source: string;
  unverified: boolean;
}

function draftOf(year: CostYear | undefined): CostDraft {
  if (!year) return { fiscalYear: String(currentFiscalYear()), components: {}, source: "", unverified: false };
  return {
    fiscalYear: String(year.fiscalYear),
    components: Object.fromEntries(COST_COMPONENTS.filter((c) => (year.components[c] ?? 0) > 0).map((c) => [c, String(year.components[c])])),
    source: year.source ?? "",
    unverified: year.unverified,
  };
}

function currentFiscalYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/** The field a cost error belongs to: `components.rent` → rent, `params.fiscalYear` → the year. */
function costField(path: string): string | undefined {
  const bare = path.replace(/^body\./, "");
  if (bare === "fiscalYear" || bare === "params.fiscalYear") return "fiscalYear";
  if (bare.startsWith("components.")) return bare.slice("components.".length);
  if (bare === "source") return "source";
  return undefined;
}

function CostForm({ officeId, years, onSaved }: { officeId: string; years: readonly CostYear[]; onSaved: () => void }) {
  const { t, pick, locale } = useI18n();
  const [draft, setDraft] = useState<CostDraft>(() => draftOf(years[0]));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const byField = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const e of problem?.errors ?? []) {
    const f = costField(e.path);
    if (f && (f === "fiscalYear" || f === "source" || (COST_COMPONENTS as readonly string[]).includes(f))) byField.set(f, [...(byField.get(f) ?? []), e]);
    else other.push(e);
  }
  const label = (f: string) => (f === "fiscalYear" ? t("offices-ops.fiscalYear") : f === "source" ? t("field.source") : pick(COST_COMPONENT_LABELS[f as CostComponent]));
  const summary: SummaryItem[] = [
    ...[...byField].flatMap(([f, errors]) => errors.map((e) => ({ target: `cost-${f}`, label: label(f), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path, message: e.message, code: e.code })),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const components: Record<string, number | string> = {};
    for (const c of COST_COMPONENTS) {
      const text = draft.components[c] ?? "";
      if (text.trim() !== "") components[c] = readTyped(text, "yen");
    }
    const year = draft.fiscalYear.trim() || "x";
    setBusy(true);
    try {
      const result = await api<CostYear>("PUT", `/api/offices/${officeId}/costs/${encodeURIComponent(year)}`, {
        components,
        ...(draft.source.trim() ? { source: draft.source.trim() } : {}),
        unverified: draft.unverified,
      });
      setProblem(null);
      setSaved(t("offices-ops.costSaved", { year: fiscalYearLabel(result.fiscalYear, locale), total: formatYen(result.totalJpy, locale) }));
      onSaved();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ops-form ops-no-print" noValidate onSubmit={submit} aria-labelledby="cost-form-heading">
      <h3 id="cost-form-heading">{t("offices-ops.costFormTitle")}</h3>
      <p className="ops-note" style={{ marginTop: "-0.6rem" }}>
        {t("offices-ops.costFormIntro")}
      </p>
      {problem ? <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} /> : null}
      {saved ? (
        <p className="ops-success" role="status">
          {saved}
        </p>
      ) : null}
      <div className="ops-fields">
        <InputField
          id="cost-fiscalYear"
          label={t("offices-ops.fiscalYear")}
          inputMode="numeric"
          value={draft.fiscalYear}
          onChange={(fiscalYear) => {
            const existing = years.find((y) => String(y.fiscalYear) === fiscalYear.trim());
            setDraft(existing ? draftOf(existing) : { ...draft, fiscalYear });
          }}
          errors={byField.get("fiscalYear")}
          hint={t("offices-ops.fiscalYearHint")}
          required
        />
      </div>
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.componentsYen")}</legend>
        <div className="ops-fields">
          {COST_COMPONENTS.map((c) => (
            <InputField
              key={c}
              id={`cost-${c}`}
              label={pick(COST_COMPONENT_LABELS[c])}
              inputMode="numeric"
              value={draft.components[c] ?? ""}
              onChange={(v) => setDraft({ ...draft, components: { ...draft.components, [c]: v } })}
              errors={byField.get(c)}
            />
          ))}
        </div>
      </fieldset>
      <div className="ops-fields wide">
        <InputField id="cost-source" label={t("field.source")} value={draft.source} onChange={(source) => setDraft({ ...draft, source })} errors={byField.get("source")} hint={t("offices-ops.costSourceHint")} />
        <div className="checkbox-field" style={{ alignSelf: "end" }}>
          <input id="cost-unverified" type="checkbox" checked={draft.unverified} onChange={(e) => setDraft({ ...draft, unverified: e.target.checked })} />
          <label htmlFor="cost-unverified">{t("field.unverified")}</label>
        </div>
      </div>
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("offices-ops.saveCosts")}
        </button>
      </div>
    </form>
  );
}

export function CostsSection({ officeId, canWrite, generation, onChanged }: { officeId: string; canWrite: boolean; generation: number; onChanged: () => void }) {
  const { t } = useI18n();
  const path = `/api/offices/${officeId}/costs`;
  const { data, error, reload } = useLoader<CostYears>(`${path}#${generation}`, () => api<CostYears>("GET", path));
  const years = data?.items ?? [];
  return (
    <section className="panel ops-section" id="costs" aria-labelledby="costs-heading">
      <h2 id="costs-heading">{t("offices-ops.costs")}</h2>
      {error ? <LoadError error={error} onRetry={reload} /> : !data ? <Loading /> : years.length === 0 ? (
        <p className="notice">{t("offices-ops.noCosts")}</p>
      ) : (
        <>
          <CostChart years={years} />
          <div className="ops-grid" style={{ marginTop: "1rem" }}>
            <CostTable years={years} />
            <Sharing officeId={officeId} years={years} generation={generation} />
          </div>
        </>
      )}
      {canWrite && data ? (
        <div style={{ marginTop: "1.25rem" }}>
          <CostForm officeId={officeId} years={years} onSaved={onChanged} />
        </div>
      ) : null}
    </section>
  );
}
