/**
 * @module web/pages/governance/kpi-pages
 * Policy evaluation on the logic model: an organisation's KPI dashboard (KPIs by level from input to
 * impact, targets against actuals, year-on-year change, the warning when only outputs are measured), and
 * the forms to add a KPI and to record a value for a period, whose field errors come from the API.
 */
import { useEffect } from "react";
import { LOGIC_MODEL_LEVELS, STRATEGY_PILLARS, VISIBILITIES, type Bilingual, type LogicModelLevel } from "../../../core/domain.ts";
import type { TInitiative } from "../../../evaluation/evaluation.schema.ts";
import type { TKpi, TKpiDashboard, TKpiDashboardItem } from "../../../evaluation/kpis.schema.ts";
import type { TOffice, TOrganisation } from "../../../registry/registry.schema.ts";
import { DateText, LoadError, Loading, PageHeader, UnverifiedBadge } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { KPI_HORIZON_LABELS, LOGIC_MODEL_LEVEL_LABELS, STRATEGY_PILLAR_LABELS, VISIBILITY_LABELS } from "../../i18n/enum-labels.ts";
import { formatNumber, formatShare } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, fetchAll } from "../../lib/api.ts";
import { Link, navigate, useLocation } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch, useLoader } from "../../lib/use-fetch.ts";
import { formatMeasure, formatSigned, STAGE_COLORS, tint } from "./assessment-view.ts";
import { KPI_DIRECTION_LABELS, KPI_DIRECTIONS, KPI_UNIT_LABELS, KPI_UNITS, METRIC_LABELS, METRICS, PERIOD_KIND_LABELS, PERIOD_KINDS } from "./governance-labels.ts";
import { countByOrganisation, OrganisationChooser, OrgTabs, RequireEditor } from "./governance-ui.tsx";
import { adapted, byLevel, isImprovement, kpiBody } from "./kpi-view.ts";

/** Table 3's governance purpose per logic-model level: what the KPIs at that level say about the stage. */
const LEVEL_STAGE: Record<LogicModelLevel, keyof typeof STAGE_COLORS> = {
  input: "traditional_administration",
  activity: "traditional_administration",
  output: "new_public_management",
  outcome: "network_governance",
  impact: "network_governance",
};

export function KpiChooserPage() {
  const { t } = useI18n();
  const kpis = useLoader("kpi-owners", () => fetchAll<TKpi>("/api/kpis", {}));
  const listed = countByOrganisation(kpis.data ?? [], (k) => ({ id: k.ownerOrgId, nameJa: k.ownerNameJa, nameEn: k.ownerNameEn }));
  return (
    <>
      <PageHeader title={t("governance.kpi.title")}>
        <p className="subtitle">{t("governance.kpi.intro")}</p>
      </PageHeader>
      <OrganisationChooser base="/kpis" intro="governance.chooser.kpiIntro" listed={listed} listedTitle="governance.chooser.withKpis" />
    </>
  );
}

function Sparkline({ item }: { item: TKpiDashboardItem }) {
  const { t, locale } = useI18n();
  const series = item.series;
  if (!series.length) return null;
  const w = 120;
  const h = 32;
  const values = series.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => (series.length === 1 ? w / 2 : 4 + (i * (w - 8)) / (series.length - 1));
  const y = (v: number) => (max === min ? h / 2 : 4 + (h - 8) * (1 - (v - min) / (max - min)));
  const label = `${t("governance.kpi.trend")}: ${series.map((p) => `${p.period} ${formatMeasure(p.value, item.kpi.unit, locale)}`).join(", ")}`;
  return (
    <svg className="gov-spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={label}>
      {series.length > 1 ? <polyline points={series.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")} /> : null}
      {series.map((p, i) => (
        <circle key={p.period} cx={x(i)} cy={y(p.value)} r={2.5}>
          <title>{`${p.period}: ${formatMeasure(p.value, item.kpi.unit, locale)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

function YoyCell({ item }: { item: TKpiDashboardItem }) {
  const { locale } = useI18n();
  const p = item.latest;
  if (!p || p.yoyChange === null) return <span className="muted">—</span>;
  const good = isImprovement(p.yoyChange, item.kpi.direction);
  return (
    <span className={`gov-yoy${good === true ? " good" : good === false ? " bad" : ""}`}>
      {formatSigned(p.yoyChange, item.kpi.unit, locale)}
      {p.yoyRatio !== null ? <span className="muted small"> ({p.yoyRatio > 0 ? "+" : ""}{formatShare(p.yoyRatio, locale)})</span> : null}
    </span>
  );
}

function TargetCell({ item }: { item: TKpiDashboardItem }) {
  const { t, locale } = useI18n();
  const target = item.kpi.target;
  if (!target) return <span className="muted">{t("governance.kpi.noTarget")}</span>;
  return (
    <span>
      {t("governance.kpi.targetBy", { value: formatMeasure(target.value, item.kpi.unit, locale), period: target.period })}
      {item.actualAtTarget !== null ? (
        <span className="muted small">
          <br />
          {t("governance.kpi.actualAtTarget", { value: formatMeasure(item.actualAtTarget, item.kpi.unit, locale) })}
        </span>
      ) : null}
    </span>
  );
}

function AttainmentCell({ item }: { item: TKpiDashboardItem }) {
  const { t, locale } = useI18n();
  return (
    <span className="gov-attain">
      {item.attainment !== null ? (
        <>
          <span className="meter" aria-hidden="true">
            <span style={{ width: `${Math.min(100, Math.max(0, item.attainment * 100))}%` }} />
          </span>
          {formatShare(item.attainment, locale)}
        </>
      ) : (
        <span className="muted">—</span>
      )}
      {item.targetMet === true ? <span className="badge gov-met">{t("governance.kpi.met")}</span> : null}
      {item.targetMet === false ? <span className="badge warn">{t("governance.kpi.notMet")}</span> : null}
    </span>
  );
}

function KpiRow({ item, orgId, editable, highlighted }: { item: TKpiDashboardItem; orgId: string; editable: boolean; highlighted: boolean }) {
  const { t, name, pick, locale } = useI18n();
  const k = item.kpi;
  return (
    <tr id={`kpi-${k.id}`} className={highlighted ? "gov-highlight" : undefined}>
      <th scope="row">
        <span className="gov-kpi-name">{name(k.nameJa, k.nameEn)}</span>
        <span className="gov-kpi-meta">
          <span className="badge gov-tag">{pick(KPI_HORIZON_LABELS[k.horizon])}</span>
          {k.metric ? <span className="badge gov-tag">{pick(METRIC_LABELS[k.metric])}</span> : null}
          <UnverifiedBadge unverified={k.unverified} />
        </span>
        {k.until ? (
          <span className="muted small">
            {t("governance.kpi.until")} <DateText value={k.until} />
          </span>
        ) : null}
      </th>
      <td className="num">
        {item.latest ? (
          <>
            <strong title={item.latest.source ?? undefined}>{formatMeasure(item.latest.value, k.unit, locale)}</strong>
            <span className="muted small"> ({item.latest.period})</span>
          </>
        ) : (
          <span className="muted">{t("governance.kpi.noValue")}</span>
        )}
      </td>
      <td className="num">
        <YoyCell item={item} />
      </td>
      <td>
        <TargetCell item={item} />
      </td>
      <td>
        <AttainmentCell item={item} />
      </td>
      <td>
        <Sparkline item={item} />
      </td>
      {editable ? (
        <td>
          <Link to={`/kpis/${orgId}/record?kpi=${k.id}`} className="button small" aria-label={t("governance.kpi.recordFor", { name: name(k.nameJa, k.nameEn) })}>
            {t("governance.kpi.record")}
          </Link>
        </td>
      ) : null}
    </tr>
  );
}

function LogicModelStrip({ levels }: { levels: TKpiDashboard["levels"] }) {
  const { t, pick, locale } = useI18n();
  return (
    <figure className="gov-logic-figure">
      <ol className="gov-logic" aria-label={t("governance.kpi.logicModel")}>
        {LOGIC_MODEL_LEVELS.map((level) => {
          const stage = LEVEL_STAGE[level];
          return (
            <li key={level} style={{ borderColor: STAGE_COLORS[stage].fill, background: tint(STAGE_COLORS[stage].fill, levels[level] ? 0.2 : 0.05) }}>
              <span className="level">{pick(LOGIC_MODEL_LEVEL_LABELS[level])}</span>
              <span className="n">{t(levels[level] === 1 ? "governance.kpi.inForceOne" : "governance.kpi.inForce", { n: formatNumber(levels[level] ?? 0, locale) })}</span>
            </li>
          );
        })}
      </ol>
      <figcaption className="muted small">{t("governance.kpi.logicCaption")}</figcaption>
    </figure>
  );
}

export function KpiDashboardPage({ orgId }: { orgId: string }) {
  const { t, name, pick } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const highlight = query.get("kpi");
  const { data, error, reload } = useFetch<TKpiDashboard>(`/api/organisations/${orgId}/kpi-dashboard`);
  useEffect(() => {
    if (data && highlight) document.getElementById(`kpi-${highlight}`)?.scrollIntoView({ block: "center" });
  }, [data, highlight]);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const editable = canEdit(user, orgId);
  const groups = byLevel(data.kpis, (i) => i.kpi.level);
  const kpiName = new Map(data.kpis.map((i) => [i.kpi.id, name(i.kpi.nameJa, i.kpi.nameEn)]));
  return (
    <>
      <PageHeader
        kicker={t("governance.kpi.kicker")}
        title={name(data.organisation.nameJa, data.organisation.nameEn)}
        actions={
          editable ? (
            <>
              <Link to={`/kpis/${orgId}/new`} className="button primary">
                {t("governance.kpi.add")}
              </Link>
              <Link to={`/initiatives/new?ownerOrgId=${orgId}`} className="button">
                {t("governance.initiative.new")}
              </Link>
              {data.kpis.length ? (
                <Link to={`/kpis/${orgId}/record`} className="button">
                  {t("governance.kpi.record")}
                </Link>
              ) : null}
            </>
          ) : null
        }
      >
        <p className="subtitle">
          {t("governance.kpi.asOf")} <DateText value={data.asOf} />
        </p>
      </PageHeader>
      <OrgTabs orgId={orgId} />
      {data.warnings.map((w) => (
        <div className="gov-warning" role="note" key={w.code}>
          <p className="gov-warning-title">{t(w.code === "outputs_only" ? "governance.kpi.warning.outputsOnly" : "governance.kpi.warning.shortTermOnly")}</p>
          <p>{pick(w.text)}</p>
          {w.kpiIds.length ? (
            <p className="muted small">
              {t("governance.kpi.warning.concerns")} {w.kpiIds.map((id) => kpiName.get(id) ?? id).join("、")}
            </p>
          ) : null}
        </div>
      ))}
      <section className="panel" aria-labelledby="logic-heading">
        <h2 id="logic-heading">{t("governance.kpi.logicModel")}</h2>
        <LogicModelStrip levels={data.levels} />
      </section>
      {groups.length === 0 ? (
        <section className="panel">
          <p className="empty">{t("governance.kpi.none")}</p>
        </section>
      ) : (
        groups.map((group) => (
          <section className="panel gov-level" key={group.level} aria-labelledby={`level-${group.level}`}>
            <h2 id={`level-${group.level}`}>
              <span className="gov-swatch" style={{ background: STAGE_COLORS[LEVEL_STAGE[group.level]].fill }} aria-hidden="true" />
              {pick(LOGIC_MODEL_LEVEL_LABELS[group.level])}
            </h2>
            <div className="table-wrap">
              <table className="gov-kpis">
                <caption className="sr-only">{t("governance.kpi.levelCaption", { level: pick(LOGIC_MODEL_LEVEL_LABELS[group.level]) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("governance.kpi.name")}</th>
                    <th scope="col" className="num">
                      {t("governance.kpi.latest")}
                    </th>
                    <th scope="col" className="num">
                      {t("governance.kpi.yoy")}
                    </th>
                    <th scope="col">{t("governance.kpi.target")}</th>
                    <th scope="col">{t("governance.kpi.attainment")}</th>
                    <th scope="col">{t("governance.kpi.trend")}</th>
                    {editable ? <th scope="col">{t("governance.kpi.actions")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {group.items.map((item) => (
                    <KpiRow key={item.kpi.id} item={item} orgId={orgId} editable={editable} highlighted={item.kpi.id === highlight} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
}

// ---------- forms ----------

const labelsOf = <T extends { id: string }>(items: readonly T[], label: (item: T) => Bilingual): Record<string, Bilingual> => Object.fromEntries(items.map((i) => [i.id, label(i)]));

function kpiFields(offices: readonly TOffice[], initiatives: readonly TInitiative[]): FieldSpec[] {
  const basics = "form.section.basics" as const;
  const model = "governance.kpi.section.model" as const;
  const values = "governance.kpi.section.values" as const;
  const scope = "governance.kpi.section.scope" as const;
  const access = "form.section.access" as const;
  return [
    { name: "nameJa", label: "field.nameJa", kind: "text", section: basics, required: true, half: true },
    { name: "nameEn", label: "field.nameEn", kind: "text", section: basics, required: true, half: true },
    { name: "level", label: "governance.kpi.level", kind: "select", section: model, required: true, half: true, options: LOGIC_MODEL_LEVELS, optionLabels: LOGIC_MODEL_LEVEL_LABELS, hint: "governance.kpi.levelHint" },
    { name: "horizon", label: "governance.kpi.horizon", kind: "select", section: model, required: true, half: true, options: ["short", "long"], optionLabels: KPI_HORIZON_LABELS, hint: "governance.kpi.horizonHint" },
    { name: "pillar", label: "governance.kpi.pillar", kind: "select", section: model, half: true, options: STRATEGY_PILLARS, optionLabels: STRATEGY_PILLAR_LABELS },
    { name: "metric", label: "governance.kpi.metric", kind: "select", section: model, half: true, options: METRICS, optionLabels: METRIC_LABELS, hint: "governance.kpi.metricHint" },
    { name: "unit", label: "governance.kpi.unit", kind: "select", section: values, required: true, half: true, options: KPI_UNITS, optionLabels: KPI_UNIT_LABELS },
    { name: "direction", label: "governance.kpi.direction", kind: "select", section: values, half: true, options: KPI_DIRECTIONS, optionLabels: KPI_DIRECTION_LABELS, omitWhenEmpty: true },
    { name: "periodKind", label: "governance.kpi.periodKind", kind: "select", section: values, half: true, options: PERIOD_KINDS, optionLabels: PERIOD_KIND_LABELS, omitWhenEmpty: true },
    { name: "targetValue", label: "governance.kpi.targetValue", kind: "number", section: values, half: true },
    { name: "targetPeriod", label: "governance.kpi.targetPeriod", kind: "text", section: values, half: true, hint: "governance.kpi.periodHint", placeholder: "FY2030" },
    ...(offices.length
      ? [{ name: "officeId", label: "governance.kpi.office", kind: "select", section: scope, half: true, options: offices.map((o) => o.id), optionLabels: labelsOf(offices, (o) => ({ ja: o.nameJa, en: o.nameEn })) } satisfies FieldSpec]
      : []),
    ...(initiatives.length
      ? [{ name: "initiativeId", label: "governance.kpi.initiative", kind: "select", section: scope, half: true, options: initiatives.map((i) => i.id), optionLabels: labelsOf(initiatives, (i) => ({ ja: i.nameJa, en: i.nameEn })) } satisfies FieldSpec]
      : []),
    { name: "since", label: "governance.kpi.since", kind: "partial-date", section: scope, half: true },
    { name: "until", label: "governance.kpi.untilField", kind: "partial-date", section: scope, half: true },
    { name: "visibility", label: "field.visibility", kind: "select", section: access, half: true, options: VISIBILITIES, optionLabels: VISIBILITY_LABELS, omitWhenEmpty: true },
    { name: "source", label: "field.source", kind: "text", section: access },
  ];
}


function OrgTitle({ orgId, title }: { orgId: string; title: string }) {
  const { name } = useI18n();
  const { data } = useFetch<TOrganisation>(`/api/organisations/${orgId}`);
  return (
    <PageHeader title={title}>
      <p className="subtitle">{data ? <Link to={`/kpis/${orgId}`}>{name(data.nameJa, data.nameEn)}</Link> : null}</p>
    </PageHeader>
  );
}

export function KpiCreatePage({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const scope = useLoader(`kpi-scope:${orgId}`, async () => {
    const [offices, initiatives] = await Promise.all([fetchAll<TOffice>("/api/offices", { ownerOrgId: orgId }), fetchAll<TInitiative>("/api/initiatives", { ownerOrgId: orgId })]);
    return { offices, initiatives };
  });
  return (
    <>
      <OrgTitle orgId={orgId} title={t("governance.kpi.add")} />
      <RequireEditor orgId={orgId}>
        {() =>
          scope.data ? (
            <EntityForm<TKpi>
              fields={kpiFields(scope.data.offices, scope.data.initiatives)}
              mode="create"
              defaults={{ direction: "increase", periodKind: "year", visibility: "public" }}
              submit={(body) => adapted(() => api<TKpi>("POST", "/api/kpis", kpiBody(body, orgId)), { "target.value": "targetValue", "target.period": "targetPeriod", target: "targetValue" }, locale)}
              onSaved={(kpi) => navigate(`/kpis/${orgId}?kpi=${kpi.id}`)}
              cancelTo={`/kpis/${orgId}`}
            />
          ) : scope.error ? (
            <LoadError error={scope.error} onRetry={scope.reload} />
          ) : (
            <Loading />
          )
        }
      </RequireEditor>
    </>
  );
}

const measurementFields = (kpis: readonly TKpi[], name: (ja: string, en: string) => string, pick: (b: Bilingual) => string): FieldSpec[] => [
  {
    name: "kpiId",
    label: "governance.kpi.which",
    kind: "select",
    section: "governance.kpi.section.measurement",
    required: true,
    options: kpis.map((k) => k.id),
    optionLabels: Object.fromEntries(
      kpis.map((k) => [
        k.id,
        {
          ja: `${name(k.nameJa, k.nameEn)}（${pick(PERIOD_KIND_LABELS[k.periodKind])}）`,
          en: `${name(k.nameJa, k.nameEn)} (${pick(PERIOD_KIND_LABELS[k.periodKind])})`,
        },
      ]),
    ),
  },
  { name: "period", label: "governance.kpi.period", kind: "text", section: "governance.kpi.section.measurement", required: true, half: true, hint: "governance.kpi.periodHint", placeholder: "2024" },
  { name: "value", label: "governance.kpi.value", kind: "number", section: "governance.kpi.section.measurement", required: true, half: true },
  { name: "source", label: "field.source", kind: "text", section: "governance.kpi.section.measurement" },
  { name: "unverified", label: "field.unverified", kind: "boolean", section: "governance.kpi.section.measurement" },
];

function missing(path: string): ApiError {
  return new ApiError({ status: 400, title: "Validation failed", code: "validation_failed", errors: [{ path, message: "Invalid input: expected string, received undefined" }] });
}

export function MeasurementPage({ orgId }: { orgId: string }) {
  const { t, name, pick, locale } = useI18n();
  const { query } = useLocation();
  const kpis = useLoader(`kpis:${orgId}`, () => fetchAll<TKpi>("/api/kpis", { ownerOrgId: orgId }));
  return (
    <>
      <OrgTitle orgId={orgId} title={t("governance.kpi.recordTitle")} />
      <RequireEditor orgId={orgId}>
        {() =>
          kpis.data ? (
            kpis.data.length === 0 ? (
              <p className="notice">
                {t("governance.kpi.noneToRecord")} <Link to={`/kpis/${orgId}/new`}>{t("governance.kpi.add")}</Link>
              </p>
            ) : (
              <EntityForm<{ kpiId: string }>
                fields={measurementFields(kpis.data, (ja, en) => name(ja, en), pick)}
                mode="create"
                defaults={{ kpiId: query.get("kpi") ?? (kpis.data.length === 1 ? kpis.data[0]!.id : "") }}
                submit={async (body) => {
                  const kpiId = typeof body.kpiId === "string" ? body.kpiId : "";
                  const period = typeof body.period === "string" ? body.period.trim() : "";
                  if (!kpiId) throw missing("kpiId");
                  if (!period) throw missing("period");
                  const put = { value: body.value, unverified: body.unverified === true, ...(typeof body.source === "string" && body.source ? { source: body.source } : {}) };
                  await adapted(() => api("PUT", `/api/kpis/${kpiId}/measurements/${encodeURIComponent(period)}`, put), { "params.period": "period", "params.id": "kpiId" }, locale);
                  return { kpiId };
                }}
                onSaved={({ kpiId }) => navigate(`/kpis/${orgId}?kpi=${kpiId}`)}
                cancelTo={`/kpis/${orgId}`}
              />
            )
          ) : kpis.error ? (
            <LoadError error={kpis.error} onRetry={kpis.reload} />
          ) : (
            <Loading />
          )
        }
      </RequireEditor>
    </>
  );
}
