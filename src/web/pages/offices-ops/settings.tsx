/**
 * @module web/pages/offices-ops/settings
 * An office's operations settings: who sees its operations data (the owner only, or also its co-owners), the
 * head count by kind, the host or partner the comparison should assume, an outsourcing contract's scope, and
 * the documented key by which a joint office's members share its cost. Shown as a summary on the operations
 * page; changed on a page of its own.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { ZOperationsSettings } from "../../../offices/offices.schema.ts";
import type { TOffice } from "../../../registry/registry.schema.ts";
import { Details, LoadError, Loading, OrgLink, PageHeader, UnverifiedBadge } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { formatNumber, formatShare, formatYen } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { InputField, RequireSignIn } from "./bits.tsx";
import { toProblem } from "./http.ts";
import {
  HOST_KINDS,
  HOST_LABELS,
  JOINT_PARTNER_KINDS,
  JOINT_PARTNER_LABELS,
  MEMBER_ROLE_LABELS,
  OPERATIONS_VISIBILITY_LABELS,
  SHARING_KEY_KINDS,
  SHARING_KEY_LABELS,
  TIME_CATEGORY_LABELS,
  WORK_CATEGORIES,
  type WorkCategory,
} from "./labels.ts";
import { readTyped } from "./what-if.ts";
import "./ops.css";
import { opsErrorText, translateItems } from "./field-errors.ts";

export type OperationsSettings = z.infer<typeof ZOperationsSettings>;
type KeyKind = (typeof SHARING_KEY_KINDS)[number];

/** The sharing key in words: its kind and each member's fraction, usage or the base fee. */
function keyDescription(settings: OperationsSettings, pick: (b: { ja: string; en: string }) => string, name: (ja: string, en: string) => string, locale: "ja" | "en"): string {
  const key = settings.sharingKey;
  const memberName = (id: string) => {
    const m = settings.members.find((x) => x.orgId === id);
    return m ? name(m.nameJa, m.nameEn) : id;
  };
  const sep = locale === "ja" ? "、" : ", ";
  const label = pick(SHARING_KEY_LABELS[key.kind]);
  const inMemberOrder = (values: Record<string, number>) => settings.members.filter((m) => values[m.orgId] !== undefined).map((m) => [m.orgId, values[m.orgId]!] as const);
  if (key.kind === "fixed_shares") return `${label}: ${inMemberOrder(key.shares).map(([id, s]) => `${memberName(id)} ${formatShare(s, locale)}`).join(sep)}`;
  if (key.kind === "by_usage" || key.kind === "base_plus_usage") {
    const usage = inMemberOrder(key.usage).map(([id, u]) => `${memberName(id)} ${formatNumber(u, locale, 2)}${key.unit ? ` ${key.unit}` : ""}`).join(sep);
    return key.kind === "base_plus_usage" ? `${label}: ${formatYen(key.baseJpy, locale)} + ${usage}` : `${label}: ${usage}`;
  }
  return label;
}

export function SettingsSummary({ settings, office }: { settings: OperationsSettings; office: TOffice }) {
  const { t, pick, name, locale } = useI18n();
  const { user } = useSession();
  return (
    <section className="panel ops-section" id="settings" aria-labelledby="settings-heading">
      <div className="panel-header">
        <h2 id="settings-heading">{t("offices-ops.settings")}</h2>
        {canEdit(user, office.ownerOrgId) ? (
          <Link to={`/offices/${office.id}/operations/settings`} className="button small ops-no-print">
            {t("offices-ops.editSettings")}
          </Link>
        ) : null}
      </div>
      <Details
        rows={[
          {
            label: "offices-ops.members",
            value: (
              <ul className="inline-list">
                {settings.members.map((m) => (
                  <li key={m.orgId}>
                    <OrgLink id={m.orgId} ja={m.nameJa} en={m.nameEn} /> <span className="muted small">({pick(MEMBER_ROLE_LABELS[m.role])})</span>
                  </li>
                ))}
              </ul>
            ),
          },
          { label: "field.visibility", value: pick(OPERATIONS_VISIBILITY_LABELS[settings.visibility]) },
          {
            label: "offices-ops.headCount",
            value: settings.staff
              ? t("offices-ops.staffCounts", { dispatched: formatNumber(settings.staff.dispatched, locale), local: formatNumber(settings.staff.local, locale) })
              : t("offices-ops.fromRegistry"),
          },
          { label: "offices-ops.host", value: settings.host ? pick(HOST_LABELS[settings.host]) : null },
          { label: "offices-ops.partner", value: settings.jointPartnerKind ? pick(JOINT_PARTNER_LABELS[settings.jointPartnerKind]) : null },
          {
            label: "offices-ops.contractScope",
            value: settings.contractScope?.length ? settings.contractScope.map((c) => pick(TIME_CATEGORY_LABELS[c])).join(locale === "ja" ? "、" : ", ") : null,
          },
          { label: "offices-ops.sharingKey", value: keyDescription(settings, pick, name, locale) },
          { label: "field.source", value: settings.source ? <>{settings.source} <UnverifiedBadge unverified={settings.unverified} /></> : null },
        ]}
      />
      {!settings.stored ? <p className="ops-note">{t("offices-ops.defaultsApply")}</p> : null}
    </section>
  );
}

interface Draft {
  visibility: "confidential" | "shared";
  dispatched: string;
  local: string;
  host: string;
  partner: string;
  scope: WorkCategory[];
  keyKind: KeyKind;
  perMember: Record<string, string>;
  baseJpy: string;
  unit: string;
  source: string;
  unverified: boolean;
}

function draftOf(s: OperationsSettings): Draft {
  const key = s.sharingKey;
  const perMember: Record<string, string> = {};
  if (key.kind === "fixed_shares") for (const [id, v] of Object.entries(key.shares)) perMember[id] = String(Number((v * 100).toPrecision(12)));
  if (key.kind === "by_usage" || key.kind === "base_plus_usage") for (const [id, v] of Object.entries(key.usage)) perMember[id] = String(v);
  return {
    visibility: s.visibility,
    dispatched: s.staff ? String(s.staff.dispatched) : "",
    local: s.staff ? String(s.staff.local) : "",
    host: s.host ?? "",
    partner: s.jointPartnerKind ?? "",
    scope: s.contractScope ?? [],
    keyKind: key.kind,
    perMember,
    baseJpy: key.kind === "base_plus_usage" ? String(key.baseJpy) : "",
    unit: key.kind === "by_usage" || key.kind === "base_plus_usage" ? (key.unit ?? "") : "",
    source: s.source ?? "",
    unverified: s.unverified,
  };
}

function bodyOf(d: Draft, memberIds: readonly string[]): Record<string, unknown> {
  const num = (text: string) => readTyped(text, "count");
  const staff = d.dispatched.trim() === "" && d.local.trim() === "" ? null : { dispatched: num(d.dispatched || "0"), local: num(d.local || "0") };
  const per = (kind: "percent" | "number") => Object.fromEntries(memberIds.map((id) => [id, readTyped(d.perMember[id] ?? "", kind)]));
  const unit = d.unit.trim() ? { unit: d.unit.trim() } : {};
  const sharingKey =
    d.keyKind === "fixed_shares"
      ? { kind: d.keyKind, shares: per("percent") }
      : d.keyKind === "by_usage"
        ? { kind: d.keyKind, usage: per("number"), ...unit }
        : d.keyKind === "base_plus_usage"
          ? { kind: d.keyKind, baseJpy: readTyped(d.baseJpy, "yen"), usage: per("number"), ...unit }
          : { kind: "equal" };
  return {
    visibility: d.visibility,
    sharingKey,
    staff,
    host: d.host || null,
    jointPartnerKind: d.partner || null,
    contractScope: d.scope.length ? d.scope : null,
    ...(d.source.trim() ? { source: d.source.trim() } : { source: null }),
    unverified: d.unverified,
  };
}

/** The input an error path names: `sharingKey.shares.<org>` → that member's input, `staff.local` → local staff. */
function settingsField(path: string): string | undefined {
  const bare = path.replace(/^body\./, "");
  const m = /^sharingKey\.(shares|usage)\.(.+)$/.exec(bare);
  if (m) return `member-${m[2]}`;
  const map: Record<string, string> = {
    visibility: "visibility",
    "staff.dispatched": "dispatched",
    "staff.local": "local",
    staff: "dispatched",
    host: "host",
    jointPartnerKind: "partner",
    contractScope: "scope",
    "sharingKey.kind": "key",
    sharingKey: "key",
    "sharingKey.shares": "key",
    "sharingKey.usage": "key",
    "sharingKey.baseJpy": "base",
    "sharingKey.unit": "unit",
    source: "source",
  };
  return map[bare] ?? (bare.startsWith("contractScope") ? "scope" : undefined);
}

export function SettingsPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data: office, error } = useFetch<TOffice>(`/api/offices/${id}`);
  const { data: settings, error: settingsError } = useFetch<OperationsSettings>(`/api/offices/${id}/operations`);
  return (
    <div className="ops-page">
      <PageHeader kicker={t("offices-ops.title")} title={t("offices-ops.settingsTitle")}>
        {office ? <p className="subtitle">{name(office.nameJa, office.nameEn)}</p> : null}
      </PageHeader>
      <RequireSignIn>
        {() =>
          error || settingsError ? (
            <LoadError error={(error ?? settingsError)!} />
          ) : !office || !settings ? (
            <Loading />
          ) : (
            <SettingsForm office={office} settings={settings} />
          )
        }
      </RequireSignIn>
    </div>
  );
}

function SettingsForm({ office, settings }: { office: TOffice; settings: OperationsSettings }) {
  const { t, pick, name, locale } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  const memberIds = settings.members.map((m) => m.orgId);
  const byField = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const e of problem?.errors ?? []) {
    const f = settingsField(e.path);
    if (f) byField.set(f, [...(byField.get(f) ?? []), e]);
    else other.push(e);
  }
  const memberName = (id: string) => {
    const m = settings.members.find((x) => x.orgId === id);
    return m ? name(m.nameJa, m.nameEn) : id;
  };
  const labels: Record<string, string> = {
    visibility: t("field.visibility"),
    dispatched: t("offices-ops.dispatchedStaff"),
    local: t("offices-ops.localStaff"),
    host: t("offices-ops.host"),
    partner: t("offices-ops.partner"),
    scope: t("offices-ops.contractScope"),
    key: t("offices-ops.sharingKey"),
    base: t("offices-ops.baseFee"),
    unit: t("offices-ops.usageUnit"),
    source: t("field.source"),
  };
  const labelOf = (f: string) => (f.startsWith("member-") ? memberName(f.slice(7)) : (labels[f] ?? f));
  const summary: SummaryItem[] = [
    ...[...byField].flatMap(([f, errors]) => errors.map((e) => ({ target: `set-${f}`, label: labelOf(f), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path, message: e.message, code: e.code })),
  ];
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api<OperationsSettings>("PUT", `/api/offices/${office.id}/operations`, bodyOf(draft, memberIds));
      navigate(`/offices/${office.id}/operations`);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const perMemberLabel = draft.keyKind === "fixed_shares" ? t("offices-ops.sharePercent") : t("offices-ops.usage");
  return (
    <form className="ops-form panel" noValidate onSubmit={submit}>
      {problem ? <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} /> : null}
      <div className="ops-fields wide">
        <InputField
          id="set-visibility"
          label={t("field.visibility")}
          value={draft.visibility}
          onChange={(v) => set({ visibility: (v || "confidential") as Draft["visibility"] })}
          options={(["confidential", "shared"] as const).map((v) => ({ value: v, label: pick(OPERATIONS_VISIBILITY_LABELS[v]) }))}
          errors={byField.get("visibility")}
        />
      </div>
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.headCount")}</legend>
        <p className="hint" style={{ marginTop: 0 }}>
          {t("offices-ops.headCountHint")}
        </p>
        <div className="ops-fields">
          <InputField id="set-dispatched" label={t("offices-ops.dispatchedStaff")} inputMode="numeric" value={draft.dispatched} onChange={(dispatched) => set({ dispatched })} errors={byField.get("dispatched")} />
          <InputField id="set-local" label={t("offices-ops.localStaff")} inputMode="numeric" value={draft.local} onChange={(local) => set({ local })} errors={byField.get("local")} />
        </div>
      </fieldset>
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.arrangement")}</legend>
        <div className="ops-fields wide">
          <InputField id="set-host" label={t("offices-ops.host")} value={draft.host} onChange={(host) => set({ host })} options={HOST_KINDS.map((h) => ({ value: h, label: pick(HOST_LABELS[h]) }))} errors={byField.get("host")} hint={t("offices-ops.hostHint")} />
          <InputField
            id="set-partner"
            label={t("offices-ops.partner")}
            value={draft.partner}
            onChange={(partner) => set({ partner })}
            options={JOINT_PARTNER_KINDS.map((p) => ({ value: p, label: pick(JOINT_PARTNER_LABELS[p]) }))}
            errors={byField.get("partner")}
            hint={t("offices-ops.partnerHint")}
          />
        </div>
        <fieldset className="ops-fieldset" id="set-scope" style={{ marginTop: "0.75rem" }}>
          <legend>{t("offices-ops.contractScope")}</legend>
          <p className="hint" style={{ marginTop: 0 }}>
            {t("offices-ops.contractScopeHint")}
          </p>
          <div className="checks">
            {WORK_CATEGORIES.map((c) => (
              <div className="check" key={c}>
                <input
                  type="checkbox"
                  id={`set-scope-${c}`}
                  checked={draft.scope.includes(c)}
                  onChange={(e) => set({ scope: e.target.checked ? [...draft.scope, c] : draft.scope.filter((x) => x !== c) })}
                />
                <label htmlFor={`set-scope-${c}`}>{pick(TIME_CATEGORY_LABELS[c])}</label>
              </div>
            ))}
          </div>
          {byField.get("scope") ? <p className="field-error">{byField.get("scope")!.map((e) => opsErrorText(e, locale)).join(" / ")}</p> : null}
        </fieldset>
      </fieldset>
      <fieldset className="ops-fieldset">
        <legend>{t("offices-ops.sharingKey")}</legend>
        <div className="ops-fields wide">
          <InputField
            id="set-key"
            label={t("offices-ops.sharingKeyKind")}
            value={draft.keyKind}
            onChange={(v) => set({ keyKind: (v || "equal") as KeyKind })}
            options={SHARING_KEY_KINDS.map((k) => ({ value: k, label: pick(SHARING_KEY_LABELS[k]) }))}
            errors={byField.get("key")}
          />
          {draft.keyKind === "base_plus_usage" ? (
            <InputField id="set-base" label={t("offices-ops.baseFee")} inputMode="numeric" value={draft.baseJpy} onChange={(baseJpy) => set({ baseJpy })} errors={byField.get("base")} />
          ) : null}
          {draft.keyKind === "by_usage" || draft.keyKind === "base_plus_usage" ? (
            <InputField id="set-unit" label={t("offices-ops.usageUnit")} value={draft.unit} onChange={(unit) => set({ unit })} errors={byField.get("unit")} hint={t("offices-ops.usageUnitHint")} />
          ) : null}
        </div>
        {draft.keyKind !== "equal" ? (
          <div className="ops-fields" style={{ marginTop: "0.75rem" }}>
            {settings.members.map((m) => (
              <InputField
                key={m.orgId}
                id={`set-member-${m.orgId}`}
                label={`${perMemberLabel}: ${name(m.nameJa, m.nameEn)} (${pick(MEMBER_ROLE_LABELS[m.role])})`}
                inputMode="decimal"
                value={draft.perMember[m.orgId] ?? ""}
                onChange={(v) => set({ perMember: { ...draft.perMember, [m.orgId]: v } })}
                errors={byField.get(`member-${m.orgId}`)}
              />
            ))}
          </div>
        ) : null}
        <p className="hint">{t("offices-ops.sharingHint")}</p>
      </fieldset>
      <div className="ops-fields wide">
        <InputField id="set-source" label={t("field.source")} value={draft.source} onChange={(source) => set({ source })} errors={byField.get("source")} />
        <div className="checkbox-field" style={{ alignSelf: "end" }}>
          <input id="set-unverified" type="checkbox" checked={draft.unverified} onChange={(e) => set({ unverified: e.target.checked })} />
          <label htmlFor="set-unverified">{t("field.unverified")}</label>
        </div>
      </div>
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <Link to={`/offices/${office.id}/operations`} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}
