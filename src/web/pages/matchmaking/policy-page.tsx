/**
 * @module web/pages/matchmaking/policy-page
 * A government's vetting policy: its thresholds on the four EEN criteria, whether they are its own or the
 * default, what each means, and the decision each band of totals gets. The government's admins and staff
 * change it with a form that PUTs it and shows the API's field errors beside their fields; everyone else
 * reads it (the thresholds are public).
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { TOrganisation } from "../../../registry/registry.schema.ts";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { FieldInput, fieldId } from "../../forms/field-input.tsx";
import { groupErrors, initialValues, toBody, type FieldSpec, type FormValues } from "../../forms/form-model.ts";
import { formatNumber } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api, ApiError, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { MatchingTabs } from "./common.tsx";
import { DECISION_LABELS, localiseMessage, policyBands, type PolicyThresholds } from "./labels.ts";

export interface VettingPolicy extends PolicyThresholds {
  govOrgId: string;
  endorsementMonths: number;
  isDefault: boolean;
}

const SECTION: MessageKey = "matchmaking.section.policy";
const FIELDS: FieldSpec[] = [
  { name: "publishAt", label: "matchmaking.publishAt", kind: "integer", section: SECTION, hint: "matchmaking.publishAtHelp", required: true, half: true },
  { name: "holdAt", label: "matchmaking.holdAt", kind: "integer", section: SECTION, hint: "matchmaking.holdAtHelp", required: true, half: true },
  { name: "endorsementMonths", label: "matchmaking.endorsementMonths", kind: "integer", section: SECTION, hint: "matchmaking.endorsementMonthsHelp", required: true, half: true },
  { name: "zeroHolds", label: "matchmaking.zeroHolds", kind: "boolean", section: SECTION },
];

function Bands({ policy, title, live }: { policy: PolicyThresholds; title: MessageKey; live?: boolean }) {
  const { t, pick, locale } = useI18n();
  return (
    <div className="mm-bands" aria-live={live ? "polite" : undefined}>
      <h3>{t(title)}</h3>
      <ul>
        {policyBands(policy).map((b) => (
          <li key={b.decision}>
            {t("matchmaking.band", { from: formatNumber(b.from, locale), to: formatNumber(b.to, locale), decision: pick(DECISION_LABELS[b.decision]!) })}
            {b.decision === "publish" && policy.zeroHolds ? t("matchmaking.policyZero") : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PolicySummary({ policy }: { policy: VettingPolicy }) {
  const { t, locale } = useI18n();
  const months = (n: number) => t(n === 1 ? "matchmaking.monthValue" : "matchmaking.monthsValue", { n: formatNumber(n, locale) });
  const rows: Array<{ label: MessageKey; value: string; help: MessageKey }> = [
    { label: "matchmaking.publishAt", value: t("matchmaking.points", { n: formatNumber(policy.publishAt, locale) }), help: "matchmaking.publishAtHelp" },
    { label: "matchmaking.holdAt", value: t("matchmaking.points", { n: formatNumber(policy.holdAt, locale) }), help: "matchmaking.holdAtHelp" },
    { label: "matchmaking.zeroHolds", value: t(policy.zeroHolds ? "common.yes" : "common.no"), help: "matchmaking.zeroHoldsHelp" },
    { label: "matchmaking.endorsementMonths", value: months(policy.endorsementMonths), help: "matchmaking.endorsementMonthsHelp" },
  ];
  return (
    <section className="panel" aria-labelledby="mm-policy-current">
      <h2 id="mm-policy-current">{t("matchmaking.policyCurrent")}</h2>
      {policy.isDefault ? <p className="notice">{t("matchmaking.policyDefaultNote")}</p> : null}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("matchmaking.policyCurrent")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("matchmaking.policySetting")}</th>
              <th scope="col">{t("matchmaking.policyValue")}</th>
              <th scope="col">{t("matchmaking.policyMeaning")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{t(r.label)}</th>
                <td className="mm-policy-value">{r.value}</td>
                <td className="small">{t(r.help)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Bands policy={policy} title="matchmaking.bands" />
    </section>
  );
}

/** Whole numbers 0–20 from the form, for the live preview; null while a value is not one. */
function typedThresholds(values: FormValues): PolicyThresholds | null {
  const n = (v: unknown) => (typeof v === "string" && /^\d{1,2}$/.test(v.trim()) ? Number(v) : NaN);
  const publishAt = n(values.publishAt);
  const holdAt = n(values.holdAt);
  if (!(publishAt >= 1 && publishAt <= 20 && holdAt >= 0 && holdAt < publishAt)) return null;
  return { publishAt, holdAt, zeroHolds: values.zeroHolds === true };
}

function PolicyForm({ policy, onSaved }: { policy: VettingPolicy; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<FormValues>(() => initialValues(FIELDS, policy as unknown as Record<string, unknown>));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const errors: ProblemFieldError[] = (problem?.errors ?? []).map((e) => ({ ...e, message: localiseMessage(e.message, locale) }));
  const { byField, other } = groupErrors(FIELDS, errors);
  const summary: SummaryItem[] = [
    ...FIELDS.flatMap((f) => (byField.get(f.name) ?? []).map((e) => ({ target: fieldId(f.name), label: t(f.label), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path.startsWith("(") ? undefined : e.path, message: e.message, code: e.code })),
  ];
  const preview = typedThresholds(values);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    try {
      await api<VettingPolicy>("PUT", `/api/vetting-policies/${policy.govOrgId}`, toBody(FIELDS, values, "create"));
      setProblem(null);
      setSaved(true);
      onSaved();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel entity-form" noValidate onSubmit={onSubmit} aria-labelledby="mm-policy-form">
      <h2 id="mm-policy-form">{t(SECTION)}</h2>
      {problem ? <ProblemAlert ref={summaryRef} problem={problem} items={summary} /> : null}
      <div className="form-grid">
        {FIELDS.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={values[field.name] ?? ""}
            errors={byField.get(field.name) ?? []}
            onChange={(value) => {
              setSaved(false);
              setValues((v) => ({ ...v, [field.name]: value }));
            }}
          />
        ))}
      </div>
      {preview ? <Bands policy={preview} title="matchmaking.bandsPreview" live /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t("matchmaking.policySaved")}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}

export function VettingPolicyPage({ orgId }: { orgId: string }) {
  const { t, name } = useI18n();
  const { user } = useSession();
  const { data: org } = useFetch<TOrganisation>(`/api/organisations/${orgId}`);
  const { data: policy, error, reload } = useFetch<VettingPolicy>(`/api/vetting-policies/${orgId}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!policy) return <Loading />;
  const orgName = org ? name(org.nameJa, org.nameEn) : "";
  return (
    <>
      <PageHeader kicker={t("matchmaking.policyLink")} title={orgName ? t("matchmaking.policyOf", { name: orgName }) : t("matchmaking.policyLink")}>
        <span className={`badge ${policy.isDefault ? "" : "mm-status-published"}`}>{t(policy.isDefault ? "matchmaking.policyDefault" : "matchmaking.policyOwn")}</span>
      </PageHeader>
      <MatchingTabs />
      <div className="detail-grid">
        <PolicySummary policy={policy} />
        {canEdit(user, orgId) ? <PolicyForm policy={policy} onSaved={reload} /> : <p className="notice">{t("matchmaking.policyReadOnly")}</p>}
      </div>
    </>
  );
}
