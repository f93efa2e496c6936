/**
 * @module web/pages/matchmaking/form-pages
 * The company profile editor and the opportunity posting form: ordinary fields through the app's
 * FieldInput, products through the HS code picker, and the API's field errors beside each field
 * (`capacity.amount` beside the amount, `hsCodes[1]` beside the picker) with a summary that takes focus.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { FieldInput, fieldId } from "../../forms/field-input.tsx";
import { groupErrors, sections, toBody, type FieldSpec, type FormValues } from "../../forms/form-model.ts";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { MatchingTabs, type Company, type Opportunity } from "./common.tsx";
import { HsPicker } from "./hs-picker.tsx";
import { CERTIFICATION_CODES, CERTIFICATION_LABELS, localiseMessage, OPPORTUNITY_KIND_LABELS, OPPORTUNITY_KINDS, parseCountryList, UNIT_LABELS, UNITS } from "./labels.ts";

const HS_FIELD = "hsCodes";

/** Error paths of the composed fields, moved onto the inputs that show them. */
export function mapErrorPath(path: string, quantityField: string): string {
  const bare = path.replace(/^body\./, "");
  if (bare.startsWith(`${quantityField}.unit`)) return `${quantityField}Unit`;
  if (bare.startsWith(quantityField)) return `${quantityField}Amount`;
  return bare;
}

interface MatchFormProps<T> {
  fields: FieldSpec[];
  initial: FormValues;
  initialHs: string[];
  /** Where the HS picker goes (after this section's fields). */
  hsSection: FieldSpec["section"];
  quantityField: "capacity" | "volume";
  countryLists: string[];
  mode: "create" | "update";
  submit: (body: Record<string, unknown>) => Promise<T>;
  onSaved: (saved: T) => void;
  cancelTo: string;
}

function MatchForm<T>({ fields, initial, initialHs, hsSection, quantityField, countryLists, mode, submit, onSaved, cancelTo }: MatchFormProps<T>) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<FormValues>(initial);
  const [hs, setHs] = useState<string[]>(initialHs);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);

  const errors: ProblemFieldError[] = (problem?.errors ?? []).map((e) => ({ ...e, path: mapErrorPath(e.path, quantityField), message: localiseMessage(e.message, locale) }));
  const hsErrors = errors.filter((e) => e.path === HS_FIELD || e.path.startsWith(`${HS_FIELD}[`) || e.path.startsWith(`${HS_FIELD}.`));
  const { byField, other } = groupErrors(fields, errors.filter((e) => !hsErrors.includes(e)));
  const labelOf = new Map(fields.map((f) => [f.name, t(f.label)]));
  const summary: SummaryItem[] = [
    ...fields.flatMap((f) => (byField.get(f.name) ?? []).map((e) => ({ target: fieldId(f.name), label: labelOf.get(f.name), message: e.message, code: e.code }))),
    ...hsErrors.map((e) => ({ target: fieldId(HS_FIELD), label: t("matchmaking.hsCodes"), message: e.message, code: e.code })),
    ...other.map((e) => ({ label: e.path.startsWith("(") ? undefined : e.path, message: e.message, code: e.code })),
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const body = toBody(fields, values, mode);
    for (const name of countryLists) body[name] = parseCountryList(typeof values[name] === "string" ? (values[name] as string) : "");
    const amount = body[`${quantityField}Amount`];
    const unit = body[`${quantityField}Unit`];
    delete body[`${quantityField}Amount`];
    delete body[`${quantityField}Unit`];
    if (amount !== undefined && amount !== null) body[quantityField] = { amount, unit: unit ?? "kg" };
    else if (mode === "update") body[quantityField] = null;
    body[HS_FIELD] = hs;
    try {
      const saved = await submit(body);
      setProblem(null);
      onSaved(saved);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  const hsErrorId = hsErrors.length ? `${fieldId(HS_FIELD)}-error` : undefined;
  const hsPicker: ReactNode = (
    <div className={`field${hsErrors.length ? " invalid" : ""}`} id={`${fieldId(HS_FIELD)}-field`}>
      <div className="label-row">
        <label htmlFor={fieldId(HS_FIELD)}>{t("matchmaking.hsCodes")}</label>
      </div>
      <p className="hint" id={`${fieldId(HS_FIELD)}-hint`}>
        {t("matchmaking.hsHint")}
      </p>
      <HsPicker inputId={fieldId(HS_FIELD)} label={t("matchmaking.hsCodes")} value={hs} onChange={setHs} invalid={hsErrors.length > 0} describedBy={[`${fieldId(HS_FIELD)}-hint`, hsErrorId].filter(Boolean).join(" ")} />
      {hsErrors.length ? (
        <p className="field-error" id={hsErrorId}>
          {hsErrors.map((e) => `${e.path.replace(HS_FIELD, "")} ${fieldErrorText(e, locale)}`.trim()).join(" / ")}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="entity-form" noValidate onSubmit={onSubmit}>
      {problem ? <ProblemAlert ref={summaryRef} problem={problem} items={summary} /> : null}
      {sections(fields).map(({ section, fields: group }) => (
        <fieldset className="form-section" key={section}>
          <legend>{t(section)}</legend>
          <div className="form-grid">
            {group
              .filter((f) => !f.showIf || f.showIf(values))
              .map((field) => (
                <FieldInput key={field.name} field={field} value={values[field.name] ?? ""} errors={byField.get(field.name) ?? []} onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))} />
              ))}
            {section === hsSection ? hsPicker : null}
          </div>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("common.save")}
        </button>
        <Link to={cancelTo} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}

// ---------- company profiles ----------

function companyFields(mode: "create" | "update"): FieldSpec[] {
  const who: FieldSpec[] = [
    ...(mode === "create" ? [{ name: "orgId", label: "matchmaking.companyOrg", kind: "org", section: "matchmaking.section.who", hint: "matchmaking.companyOrgHint", required: true } satisfies FieldSpec] : []),
    { name: "vettedBy", label: "matchmaking.vettedBy", kind: "org", section: "matchmaking.section.who", required: true, omitWhenEmpty: true },
    { name: "corporateNumber", label: "matchmaking.corporateNumber", kind: "text", section: "matchmaking.section.who", half: true },
  ];
  return [
    ...who,
    { name: "descriptionJa", label: "matchmaking.descriptionJa", kind: "textarea", section: "matchmaking.section.what" },
    { name: "descriptionEn", label: "matchmaking.descriptionEn", kind: "textarea", section: "matchmaking.section.what" },
    { name: "certifications", label: "matchmaking.certifications", kind: "checks", section: "matchmaking.section.markets", options: CERTIFICATION_CODES, optionLabels: CERTIFICATION_LABELS },
    { name: "exportExperience", label: "matchmaking.exportExperience", kind: "text", section: "matchmaking.section.markets", hint: "matchmaking.exportHint", half: true },
    { name: "targetMarkets", label: "matchmaking.targetMarkets", kind: "text", section: "matchmaking.section.markets", hint: "matchmaking.exportHint", half: true },
    { name: "capacityAmount", label: "matchmaking.capacity", kind: "number", section: "matchmaking.section.markets", half: true },
    { name: "capacityUnit", label: "matchmaking.unit", kind: "select", section: "matchmaking.section.markets", options: UNITS, optionLabels: UNIT_LABELS, half: true, omitWhenEmpty: true },
    { name: "source", label: "matchmaking.source", kind: "text", section: "matchmaking.section.markets" },
  ];
}

function companyValues(c: Company | null): FormValues {
  return {
    orgId: "",
    vettedBy: c?.vettedBy.id ?? "",
    corporateNumber: c?.corporateNumber ?? "",
    descriptionJa: c?.descriptionJa ?? "",
    descriptionEn: c?.descriptionEn ?? "",
    certifications: c?.certifications ?? [],
    exportExperience: (c?.exportExperience ?? []).join(", "),
    targetMarkets: (c?.targetMarkets ?? []).join(", "),
    capacityAmount: c?.capacity ? String(c.capacity.amount) : "",
    capacityUnit: c?.capacity?.unit ?? "kg",
    source: c?.source ?? "",
  };
}

export function CompanyCreatePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("matchmaking.addCompany")} />
      <MatchingTabs />
      <MatchForm<Company>
        fields={companyFields("create")}
        initial={companyValues(null)}
        initialHs={[]}
        hsSection="matchmaking.section.what"
        quantityField="capacity"
        countryLists={["exportExperience", "targetMarkets"]}
        mode="create"
        submit={(body) => api<Company>("POST", "/api/companies", body)}
        onSaved={(c) => navigate(`/matching/companies/${c.orgId}`)}
        cancelTo="/matching"
      />
    </>
  );
}

export function CompanyEditPage({ orgId }: { orgId: string }) {
  const { t, name } = useI18n();
  const { data, error, reload } = useFetch<Company>(`/api/companies/${orgId}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader kicker={t("matchmaking.editCompany")} title={name(data.nameJa, data.nameEn)} />
      <MatchForm<Company>
        fields={companyFields("update")}
        initial={companyValues(data)}
        initialHs={data.hsCodes}
        hsSection="matchmaking.section.what"
        quantityField="capacity"
        countryLists={["exportExperience", "targetMarkets"]}
        mode="update"
        submit={(body) => api<Company>("PATCH", `/api/companies/${orgId}`, body)}
        onSaved={(c) => navigate(`/matching/companies/${c.orgId}`)}
        cancelTo={`/matching/companies/${orgId}`}
      />
    </>
  );
}

// ---------- opportunities ----------

function opportunityFields(mode: "create" | "update"): FieldSpec[] {
  const head: FieldSpec[] =
    mode === "create"
      ? [
          { name: "kind", label: "matchmaking.kind", kind: "select", section: "matchmaking.section.opportunity", options: OPPORTUNITY_KINDS, optionLabels: OPPORTUNITY_KIND_LABELS, required: true, half: true },
          { name: "ownerOrgId", label: "matchmaking.ownerOrg", kind: "org", section: "matchmaking.section.opportunity", required: true, omitWhenEmpty: true },
        ]
      : [];
  return [
    ...head,
    { name: "country", label: "matchmaking.country", kind: "country", section: "matchmaking.section.opportunity", required: true, half: true },
    { name: "vettedBy", label: "matchmaking.vettedBy", kind: "org", section: "matchmaking.section.opportunity", hint: "matchmaking.vettedByHint" },
    { name: "titleJa", label: "matchmaking.titleJa", kind: "text", section: "matchmaking.section.opportunity" },
    { name: "titleEn", label: "matchmaking.titleEn", kind: "text", section: "matchmaking.section.opportunity" },
    { name: "descriptionJa", label: "matchmaking.descriptionJa", kind: "textarea", section: "matchmaking.section.opportunity" },
    { name: "descriptionEn", label: "matchmaking.descriptionEn", kind: "textarea", section: "matchmaking.section.opportunity" },
    { name: "requiredCertifications", label: "matchmaking.requiredCertifications", kind: "checks", section: "matchmaking.section.products", options: CERTIFICATION_CODES, optionLabels: CERTIFICATION_LABELS },
    { name: "volumeAmount", label: "matchmaking.volume", kind: "number", section: "matchmaking.section.products", half: true },
    { name: "volumeUnit", label: "matchmaking.unit", kind: "select", section: "matchmaking.section.products", options: UNITS, optionLabels: UNIT_LABELS, half: true, omitWhenEmpty: true },
    { name: "deadline", label: "matchmaking.deadline", kind: "text", section: "matchmaking.section.products", half: true, placeholder: "YYYY-MM-DD" },
    { name: "expiresOn", label: "matchmaking.expiresOn", kind: "text", section: "matchmaking.section.products", half: true, placeholder: "YYYY-MM-DD", omitWhenEmpty: true },
    { name: "source", label: "matchmaking.source", kind: "text", section: "matchmaking.section.products" },
  ];
}

function opportunityValues(o: Opportunity | null): FormValues {
  return {
    kind: o?.kind ?? "business_request",
    ownerOrgId: o?.owner.id ?? "",
    country: o?.country ?? "",
    vettedBy: o?.vettedBy.id ?? "",
    titleJa: o?.titleJa ?? "",
    titleEn: o?.titleEn ?? "",
    descriptionJa: o?.descriptionJa ?? "",
    descriptionEn: o?.descriptionEn ?? "",
    requiredCertifications: o?.requiredCertifications ?? [],
    volumeAmount: o?.volume ? String(o.volume.amount) : "",
    volumeUnit: o?.volume?.unit ?? "kg",
    deadline: o?.deadline ?? "",
    expiresOn: o?.expiresOn ?? "",
    source: o?.source ?? "",
  };
}

export function OpportunityCreatePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("matchmaking.addOpportunity")} />
      <MatchingTabs />
      <MatchForm<Opportunity>
        fields={opportunityFields("create")}
        initial={opportunityValues(null)}
        initialHs={[]}
        hsSection="matchmaking.section.products"
        quantityField="volume"
        countryLists={[]}
        mode="create"
        submit={(body) => api<Opportunity>("POST", "/api/opportunities", body)}
        onSaved={(o) => navigate(`/matching/opportunities/${o.id}`)}
        cancelTo="/matching/opportunities"
      />
    </>
  );
}

export function OpportunityEditPage({ id }: { id: string }) {
  const { t, name, pick } = useI18n();
  const { data, error, reload } = useFetch<Opportunity>(`/api/opportunities/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader kicker={t("matchmaking.editOpportunity")} title={name(data.titleJa, data.titleEn) || pick(OPPORTUNITY_KIND_LABELS[data.kind]!)} />
      <MatchForm<Opportunity>
        fields={opportunityFields("update")}
        initial={opportunityValues(data)}
        initialHs={data.hsCodes}
        hsSection="matchmaking.section.products"
        quantityField="volume"
        countryLists={[]}
        mode="update"
        submit={(body) => api<Opportunity>("PATCH", `/api/opportunities/${id}`, body)}
        onSaved={(o) => navigate(`/matching/opportunities/${o.id}`)}
        cancelTo={`/matching/opportunities/${id}`}
      />
    </>
  );
}
