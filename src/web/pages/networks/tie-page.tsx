/**
 * @module web/pages/networks/tie-page
 * A tie over its lifetime: its states (proposed → signed → active ⇄ dormant → ended) on a timeline with
 * the reasons for each change, the activities and outcomes per year, its lineage (upgrades into ties of
 * another kind), the role history of a network membership; forms to record a change of state, an
 * activity or an upgrade, each showing the API's field errors beside the fields.
 */
import { useState, type FormEvent } from "react";
import { TIE_KINDS, TIE_PURPOSES } from "../../../core/domain.ts";
import type { TOrganisation, TTie } from "../../../registry/registry.schema.ts";
import { BarChart } from "../../components/bar-chart.tsx";
import { DateText, Details, LoadError, Loading, OrgLink, PageHeader, Tags } from "../../components/display.tsx";
import { EntityForm } from "../../forms/entity-form.tsx";
import type { FieldSpec } from "../../forms/form-model.ts";
import { TIE_KIND_LABELS, TIE_PURPOSE_LABELS, TIE_ROLE_LABELS, TIE_ROLES, type TieRole } from "../../i18n/enum-labels.ts";
import { formatNumber, formatPartialDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { canEdit, useSession } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import type { RoleHistory, TieActivities, TieActivity, TieHistory, TieLineage, TieSummary } from "./api-types.ts";
import { localised } from "./error-text.ts";
import { FormField, FormProblem, formErrors, KindLabel, NetworksNav, StateBadge, toProblem, today } from "./common.tsx";
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, labelOf, TIE_STATE_COLORS, TIE_STATE_LABELS, type TieState } from "./labels.ts";
import { dayOf, stateSegments, yearTicks } from "./timeline-model.ts";

function tieTitle(tie: { aName: { ja: string; en: string }; bName: { ja: string; en: string } }, i18n: ReturnType<typeof useI18n>): string {
  return i18n.t("ties.between", { a: i18n.pick(tie.aName), b: i18n.pick(tie.bName) });
}

export function TieLifePage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { user } = useSession();
  const history = useFetch<TieHistory>(`/api/ties/${id}/history`);
  const tie = useFetch<TTie>(`/api/ties/${id}`);
  const activities = useFetch<TieActivities>(`/api/ties/${id}/activities`);
  const lineage = useFetch<TieLineage>(`/api/ties/${id}/lineage`);
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading />;
  const h = history.data;
  const editable = canEdit(user, tie.data?.ownerOrgId);
  const title = tieTitle(h.tie, i18n);
  const reloadAll = () => {
    history.reload();
    tie.reload();
    lineage.reload();
  };
  return (
    <>
      <PageHeader
        kicker={`${t("networks.tie.kicker")} · ${pick(labelOf(TIE_KIND_LABELS, h.tie.kind))}`}
        title={title}
        actions={
          <>
            <Link to={`/ties/${id}`} className="button">
              {t("networks.tie.registry")}
            </Link>
            {editable ? (
              <Link to={`/networks/ties/${id}/activities/new`} className="button">
                {t("networks.tie.addActivity")}
              </Link>
            ) : null}
            {editable && h.tie.state && ["signed", "active", "dormant"].includes(h.tie.state) ? (
              <Link to={`/networks/ties/${id}/upgrade`} className="button">
                {t("networks.tie.upgrade")}
              </Link>
            ) : null}
          </>
        }
      >
        <p className="subtitle">
          {t("networks.tie.state")}: <StateBadge state={h.tie.state} />
        </p>
      </PageHeader>
      <NetworksNav />
      <div className="detail-grid">
        <section className="panel">
          <h2>{t("common.details")}</h2>
          <Details
            rows={[
              { label: "field.aOrg", value: <OrgLink id={h.tie.aOrgId} ja={h.tie.aName.ja} en={h.tie.aName.en} /> },
              { label: "field.bOrg", value: <OrgLink id={h.tie.bOrgId} ja={h.tie.bName.ja} en={h.tie.bName.en} /> },
              { label: "field.tieKind", value: <KindLabel kind={h.tie.kind} /> },
              { label: "field.purposes", value: tie.data?.purposes.length ? <Tags values={tie.data.purposes} labels={TIE_PURPOSE_LABELS} /> : null },
              { label: "field.since", value: h.tie.since ? <DateText value={h.tie.since} /> : null },
              { label: "field.until", value: h.tie.until ? <DateText value={h.tie.until} /> : t("ties.ongoing") },
              { label: "field.role", value: tie.data?.role ? pick(labelOf(TIE_ROLE_LABELS, tie.data.role)) : null },
            ]}
          />
          {h.tie.kind === "network_membership" ? <NetworkLink tie={h.tie} /> : null}
        </section>
        <section className="panel">
          <h2>{t("networks.tie.lineage")}</h2>
          <Lineage lineage={lineage.data} current={id} />
        </section>
      </div>
      <section className="panel" aria-labelledby="nw-timeline-heading">
        <h2 id="nw-timeline-heading">{t("networks.tie.timeline")}</h2>
        <StateTimeline history={h} activities={activities.data?.items ?? []} />
        <EventList history={h} editable={editable} onChanged={reloadAll} />
        {editable ? <EventForm history={h} onSaved={reloadAll} /> : null}
      </section>
      <Activities tieId={id} data={activities.data} editable={editable} onChanged={activities.reload} />
      {h.tie.kind === "network_membership" ? <Roles tieId={id} /> : null}
    </>
  );
}

/** For a membership: a link to the network's page (whichever end is the network). */
function NetworkLink({ tie }: { tie: TieSummary }) {
  const { t } = useI18n();
  const a = useFetch<TOrganisation>(`/api/organisations/${tie.aOrgId}`);
  const b = useFetch<TOrganisation>(`/api/organisations/${tie.bOrgId}`);
  const network = a.data?.kind === "network" ? a.data : b.data?.kind === "network" ? b.data : null;
  if (!network) return null;
  return (
    <p>
      <Link to={`/networks/org/${network.id}`}>{t("networks.tie.networkPage")}</Link>
    </p>
  );
}

const WIDTH = 720;
const HEIGHT = 84;
const LEFT = 8;
const RIGHT = 8;
const BAND_Y = 34;
const BAND_H = 18;

function StateTimeline({ history, activities }: { history: TieHistory; activities: readonly TieActivity[] }) {
  const { t, pick, locale } = useI18n();
  const now = Date.now();
  const events = history.events;
  const segments = stateSegments(events, now);
  const undocumented = !events.length && history.tie.since ? [{ state: "unknown", from: dayOf(history.tie.since), to: history.tie.until ? dayOf(history.tie.until) : now }] : [];
  const all = [...segments, ...undocumented].filter((s) => Number.isFinite(s.from));
  const activityDays = activities.map((a) => ({ activity: a, day: dayOf(a.on) })).filter((a) => Number.isFinite(a.day));
  if (!all.length && !activityDays.length) return <p className="muted">{t("networks.tie.noHistory")}</p>;
  const start = Math.min(...all.map((s) => s.from), ...activityDays.map((a) => a.day));
  const end = Math.max(now, ...all.map((s) => s.to), ...activityDays.map((a) => a.day));
  const span = Math.max(end - start, 86_400_000 * 30);
  const x = (day: number) => LEFT + ((day - start) / span) * (WIDTH - LEFT - RIGHT);
  const summary = all
    .map((s) =>
      s.state === "unknown"
        ? t("networks.tie.undocumented", { since: formatPartialDate(history.tie.since, locale) })
        : `${pick(labelOf(TIE_STATE_LABELS, s.state))} ${new Date(s.from).getUTCFullYear()}`,
    )
    .join(" → ");
  return (
    <figure className="nw-tie-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${t("networks.tie.timelineLabel")}: ${summary}. ${t(activities.length === 1 ? "networks.tie.activityCountOne" : "networks.tie.activityCount", { n: formatNumber(activities.length, locale) })}`}>
        <rect x={LEFT} y={BAND_Y} width={WIDTH - LEFT - RIGHT} height={BAND_H} className="track" />
        {all.map((s, i) => (
          <rect
            key={i}
            x={x(s.from)}
            y={BAND_Y}
            width={Math.max(3, x(s.to) - x(s.from))}
            height={BAND_H}
            fill={s.state === "unknown" ? "url(#nw-hatch)" : (TIE_STATE_COLORS[s.state as TieState] ?? "#999")}
          >
            <title>{s.state === "unknown" ? t("networks.tie.undocumented", { since: formatPartialDate(history.tie.since, locale) }) : pick(labelOf(TIE_STATE_LABELS, s.state))}</title>
          </rect>
        ))}
        <defs>
          <pattern id="nw-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#e3e7ed" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#aab3bf" strokeWidth="2" />
          </pattern>
        </defs>
        {activityDays.map(({ activity, day }) => (
          <circle key={activity.id} cx={x(day)} cy={BAND_Y - 9} r={4} className={activity.outcomesJa || activity.outcomesEn ? "act outcome" : "act"}>
            <title>{`${formatPartialDate(activity.on, locale)} ${pick(activity.kindLabel)}: ${activity.titleJa || activity.titleEn ? (locale === "ja" ? activity.titleJa || activity.titleEn : activity.titleEn || activity.titleJa) : ""}`}</title>
          </circle>
        ))}
        {yearTicks(start, end).map((year) => (
          <g key={year} className="tick">
            <line x1={x(Date.UTC(year, 0, 1))} x2={x(Date.UTC(year, 0, 1))} y1={BAND_Y + BAND_H} y2={BAND_Y + BAND_H + 5} />
            <text x={x(Date.UTC(year, 0, 1))} y={BAND_Y + BAND_H + 17} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="legend">
          {(Object.keys(TIE_STATE_COLORS) as TieState[])
            .filter((s) => all.some((seg) => seg.state === s))
            .map((s) => (
              <li key={s}>
                <span className="nw-swatch" style={{ background: TIE_STATE_COLORS[s] }} aria-hidden="true" />
                {pick(labelOf(TIE_STATE_LABELS, s))}
              </li>
            ))}
          {activityDays.length ? (
            <li>
              <span className="nw-dot act" aria-hidden="true" />
              {t("networks.tie.activityDot")}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}


function EventList({ history, editable, onChanged }: { history: TieHistory; editable: boolean; onChanged: () => void }) {
  const { t, pick, locale } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const last = history.events[history.events.length - 1];
  if (!history.events.length) return <p className="muted">{t("networks.tie.noEvents")}</p>;
  const undo = async () => {
    if (!last || !window.confirm(t("networks.tie.confirmUndo", { state: pick(last.stateLabel) }))) return;
    try {
      await api<TieHistory>("DELETE", `/api/ties/${history.tie.id}/events/${last.id}`);
      setProblem(null);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, locale));
    }
  };
  return (
    <>
      <ol className="nw-events">
        {history.events.map((event) => (
          <li key={event.id} style={{ borderColor: TIE_STATE_COLORS[event.state] }}>
            <div className="nw-event-head">
              <DateText value={event.date} /> <StateBadge state={event.state} />
              {event.reasonLabel ? <span className="nw-reason">{pick(event.reasonLabel)}</span> : null}
            </div>
            {event.signatories.length ? (
              <p className="small">
                {t("networks.tie.signatories")}: {event.signatories.join("、")}
              </p>
            ) : null}
            {event.note ? <EventNote note={event.note} successors={history.supersededBy} /> : null}
            {event.source ? <p className="muted small">{t("field.source")}: {event.source}</p> : null}
          </li>
        ))}
      </ol>
      {editable && last ? (
        <p>
          <button type="button" className="small danger" onClick={undo}>
            {t("networks.tie.undo")}
          </button>
        </p>
      ) : null}
      {problem ? <FormProblem problem={problem} items={[]} /> : null}
    </>
  );
}

/**
 * A note; the ones an upgrade writes ("continues <id>", "superseded by <id>") become links to the tie
 * before or after (the latter from the history's successors, as the note may not carry the final id).
 */
function EventNote({ note, successors }: { note: string; successors: readonly TieSummary[] }) {
  const { t } = useI18n();
  const m = /^(continues|superseded by) ([0-9a-f-]{36})(?::\w+)?$/.exec(note);
  if (!m) return <p className="small">{note}</p>;
  const target = m[1] === "continues" ? m[2] : successors[0]?.id;
  const text = m[1] === "continues" ? t("networks.tie.continues") : t("networks.tie.continuedBy");
  return <p className="small">{target ? <Link to={`/networks/ties/${target}`}>{text}</Link> : text}</p>;
}

function EventForm({ history, onSaved }: { history: TieHistory; onSaved: () => void }) {
  const { t, pick, locale } = useI18n();
  const options = history.nextStates;
  const [state, setState] = useState(options[0]?.state ?? "");
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [signatories, setSignatories] = useState("");
  const [source, setSource] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  if (!options.length) return <p className="muted">{t("networks.tie.noNext")}</p>;
  const chosen = options.find((o) => o.state === state) ?? options[0]!;
  const labels = {
    state: t("networks.tie.newState"),
    date: t("networks.tie.date"),
    reason: t("networks.tie.reason"),
    note: t("networks.tie.note"),
    signatories: t("networks.tie.signatories"),
    source: t("field.source"),
  };
  const { byField, summary } = formErrors(problem, labels, "nw-ev");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setDone(false);
    const list = signatories
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      await api<TieHistory>("POST", `/api/ties/${history.tie.id}/events`, {
        state: chosen.state,
        date,
        ...(reason ? { reason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(chosen.state === "signed" && list.length ? { signatories: list } : {}),
        ...(source.trim() ? { source: source.trim() } : {}),
      });
      setProblem(null);
      setReason("");
      setNote("");
      setSignatories("");
      setDone(true);
      onSaved();
    } catch (error) {
      setProblem(toProblem(error, locale));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="nw-inline-form" noValidate onSubmit={submit} aria-labelledby="nw-ev-heading">
      <h3 id="nw-ev-heading">{t("networks.tie.addEvent")}</h3>
      <FormProblem problem={problem} items={summary} />
      <div className="form-grid">
        <FormField id="nw-ev-state" label={labels.state} errors={byField.get("state")} required half>
          {(props) => (
            <select
              {...props}
              value={chosen.state}
              onChange={(e) => {
                setState(e.target.value);
                setReason("");
              }}
            >
              {options.map((o) => (
                <option key={o.state} value={o.state}>
                  {pick(o.label)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="nw-ev-date" label={labels.date} errors={byField.get("date")} required half>
          {(props) => <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </FormField>
        <FormField id="nw-ev-reason" label={labels.reason} hint={t("networks.tie.reasonHint")} errors={byField.get("reason")} half>
          {(props) => (
            <select {...props} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t("networks.tie.noReason")}</option>
              {chosen.reasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {pick(r.label)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="nw-ev-source" label={labels.source} errors={byField.get("source")} half>
          {(props) => <input {...props} value={source} onChange={(e) => setSource(e.target.value)} />}
        </FormField>
        {chosen.state === "signed" ? (
          <FormField id="nw-ev-signatories" label={labels.signatories} hint={t("networks.tie.signatoriesHint")} errors={byField.get("signatories")}>
            {(props) => <textarea {...props} rows={2} value={signatories} onChange={(e) => setSignatories(e.target.value)} />}
          </FormField>
        ) : null}
        <FormField id="nw-ev-note" label={labels.note} errors={byField.get("note")}>
          {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("networks.tie.record")}
        </button>
        {done ? (
          <span className="nw-success" role="status">
            {t("networks.tie.recorded")}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function activityTitle(a: TieActivity, locale: "ja" | "en"): string {
  return (locale === "ja" ? a.titleJa || a.titleEn : a.titleEn || a.titleJa) ?? "";
}

function Activities({ tieId, data, editable, onChanged }: { tieId: string; data: TieActivities | undefined; editable: boolean; onChanged: () => void }) {
  const { t, pick, locale, name } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const items = data?.items ?? [];
  const byYear = data?.byYear ?? [];
  const years = byYear.map((y) => y.year);
  const bars = years.length
    ? Array.from({ length: Math.max(...years) - Math.min(...years) + 1 }, (_, i) => {
        const year = Math.min(...years) + i;
        return { key: String(year), label: String(year), value: byYear.find((y) => y.year === year)?.activities ?? 0 };
      })
    : [];
  const remove = async (activity: TieActivity) => {
    if (!window.confirm(t("common.confirmDelete", { name: activityTitle(activity, locale) }))) return;
    try {
      await api<void>("DELETE", `/api/ties/${tieId}/activities/${activity.id}`);
      setProblem(null);
      onChanged();
    } catch (error) {
      setProblem(toProblem(error, locale));
    }
  };
  return (
    <section className="panel" aria-labelledby="nw-activities-heading">
      <div className="panel-header">
        <h2 id="nw-activities-heading">{t("networks.tie.activities")}</h2>
        {editable ? (
          <Link to={`/networks/ties/${tieId}/activities/new`} className="button small">
            {t("networks.tie.addActivity")}
          </Link>
        ) : null}
      </div>
      {problem ? <FormProblem problem={problem} items={[]} /> : null}
      {!items.length ? (
        <p className="muted">{t("networks.tie.noActivities")}</p>
      ) : (
        <>
          {byYear.length > 1 ? (
            <div className="nw-small-chart">
              <h3 className="nw-subheading">{t("networks.tie.activitiesChart")}</h3>
              <BarChart bars={bars} label={t("networks.tie.activitiesChart")} showLabel={(_, i) => bars.length <= 16 || i % 5 === 0} />
            </div>
          ) : null}
          {[...byYear].reverse().map((year) => (
            <div key={year.year} className="nw-activity-year">
              <h3>
                {formatPartialDate(String(year.year), locale)}{" "}
                <span className="muted small">
                  {t(year.activities === 1 ? "networks.tie.activityCountOne" : "networks.tie.activityCount", { n: formatNumber(year.activities, locale) })} · {t("networks.tie.withOutcomes", { n: formatNumber(year.withOutcomes, locale) })}
                </span>
              </h3>
              <ul className="nw-activities">
                {items
                  .filter((a) => a.year === year.year)
                  .map((a) => (
                    <li key={a.id}>
                      <div className="nw-event-head">
                        <DateText value={a.on} /> <span className="nw-reason">{pick(a.kindLabel)}</span> <strong>{activityTitle(a, locale)}</strong>
                        {a.participants !== null ? <span className="muted small"> · {t("networks.activity.participantsCount", { n: formatNumber(a.participants, locale) })}</span> : null}
                      </div>
                      {name(a.descriptionJa, a.descriptionEn) ? <p className="small">{name(a.descriptionJa, a.descriptionEn)}</p> : null}
                      {name(a.outcomesJa, a.outcomesEn) ? (
                        <p className="small nw-outcome">
                          <strong>{t("networks.activity.outcomes")}:</strong> {name(a.outcomesJa, a.outcomesEn)}
                        </p>
                      ) : null}
                      {editable ? (
                        <button type="button" className="link-button small" onClick={() => void remove(a)}>
                          {t("common.delete")}
                        </button>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function TieLine({ tie, current }: { tie: TieSummary; current: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      {current ? <strong>{tieTitle(tie, i18n)}</strong> : <Link to={`/networks/ties/${tie.id}`}>{tieTitle(tie, i18n)}</Link>} <KindLabel kind={tie.kind} /> <StateBadge state={tie.state} />{" "}
      <span className="muted small">
        {tie.since ? <DateText value={tie.since} /> : null}
        {tie.until ? (
          <>
            {" – "}
            <DateText value={tie.until} />
          </>
        ) : null}
        {current ? ` (${t("networks.tie.thisTie")})` : null}
      </span>
    </>
  );
}

function Lineage({ lineage, current }: { lineage: TieLineage | undefined; current: string }) {
  const { t } = useI18n();
  if (!lineage) return <Loading />;
  if (lineage.chain.length <= 1 && !lineage.descendants.length) return <p className="muted">{t("networks.tie.noLineage")}</p>;
  return (
    <ol className="nw-lineage">
      {lineage.chain.map((tie) => (
        <li key={tie.id}>
          <TieLine tie={tie} current={tie.id === current} />
        </li>
      ))}
      {lineage.descendants.map((tie) => (
        <li key={tie.id} className="descendant">
          <TieLine tie={tie} current={false} />
        </li>
      ))}
    </ol>
  );
}

function Roles({ tieId }: { tieId: string }) {
  const { t, pick } = useI18n();
  const { data } = useFetch<RoleHistory>(`/api/ties/${tieId}/roles`);
  return (
    <section className="panel">
      <h2>{t("networks.tie.roles")}</h2>
      {!data ? (
        <Loading />
      ) : !data.periods.length ? (
        <p className="muted">{t("networks.tie.noRoles")}</p>
      ) : (
        <ol className="nw-lineage">
          {data.periods.map((p, i) => (
            <li key={i}>
              <strong>{pick(p.label)}</strong> <DateText value={p.from} /> – {p.until ? <DateText value={p.until} /> : t("ties.ongoing")}
              {p.note ? <span className="muted small"> · {p.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

// ---------- forms on pages of their own ----------

const activityFields: FieldSpec[] = [
  { name: "on", label: "networks.activity.on", kind: "partial-date", section: "networks.section.activity", required: true },
  { name: "kind", label: "field.kind", kind: "select", section: "networks.section.activity", options: ACTIVITY_KINDS, optionLabels: ACTIVITY_KIND_LABELS, required: true, half: true },
  { name: "participants", label: "networks.activity.participants", kind: "integer", section: "networks.section.activity", half: true },
  { name: "titleJa", label: "networks.activity.titleJa", kind: "text", section: "networks.section.content", hint: "networks.activity.titleHint", half: true },
  { name: "titleEn", label: "networks.activity.titleEn", kind: "text", section: "networks.section.content", half: true },
  { name: "descriptionJa", label: "field.descriptionJa", kind: "textarea", section: "networks.section.content", half: true },
  { name: "descriptionEn", label: "field.descriptionEn", kind: "textarea", section: "networks.section.content", half: true },
  { name: "outcomesJa", label: "networks.activity.outcomesJa", kind: "textarea", section: "networks.section.content", half: true },
  { name: "outcomesEn", label: "networks.activity.outcomesEn", kind: "textarea", section: "networks.section.content", half: true },
  { name: "source", label: "field.source", kind: "text", section: "networks.section.source" },
  { name: "unverified", label: "field.unverified", kind: "boolean", section: "networks.section.source" },
];

export function ActivityCreatePage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useFetch<TieHistory>(`/api/ties/${id}/history`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeader kicker={tieTitle(data.tie, i18n)} title={t("networks.tie.addActivity")} />
      <EntityForm
        fields={activityFields}
        mode="create"
        submit={(body) => localised(api<TieActivity>("POST", `/api/ties/${id}/activities`, body), i18n.locale)}
        onSaved={() => navigate(`/networks/ties/${id}`)}
        cancelTo={`/networks/ties/${id}`}
      />
    </>
  );
}

export function UpgradePage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const history = useFetch<TieHistory>(`/api/ties/${id}/history`);
  const tie = useFetch<TTie>(`/api/ties/${id}`);
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
  if (!history.data || !tie.data) return <Loading />;
  const kind = history.data.tie.kind;
  const fields: FieldSpec[] = [
    { name: "kind", label: "networks.upgrade.kind", kind: "select", section: "networks.section.upgrade", options: TIE_KINDS.filter((k) => k !== kind), optionLabels: TIE_KIND_LABELS, required: true, half: true },
    { name: "date", label: "networks.upgrade.date", kind: "text", section: "networks.section.upgrade", hint: "networks.upgrade.dateHint", placeholder: "YYYY-MM-DD", required: true, half: true },
    { name: "bOrgId", label: "networks.upgrade.partner", kind: "org", section: "networks.section.upgrade", hint: "networks.upgrade.partnerHint", omitWhenEmpty: true },
    { name: "state", label: "networks.upgrade.state", kind: "select", section: "networks.section.upgrade", options: ["proposed", "signed", "active"], optionLabels: TIE_STATE_LABELS, required: true, half: true },
    { name: "role", label: "field.role", kind: "select", section: "networks.section.upgrade", options: TIE_ROLES, optionLabels: TIE_ROLE_LABELS as Record<TieRole, { ja: string; en: string }>, half: true, showIf: (v) => v.kind === "network_membership", omitWhenEmpty: true },
    { name: "field", label: "field.tieField", kind: "text", section: "networks.section.upgrade", half: true, showIf: (v) => v.kind === "network_membership", omitWhenEmpty: true },
    { name: "purposes", label: "field.purposes", kind: "checks", section: "networks.section.upgrade", options: TIE_PURPOSES, optionLabels: TIE_PURPOSE_LABELS },
    { name: "note", label: "networks.tie.note", kind: "textarea", section: "networks.section.upgrade", omitWhenEmpty: true },
  ];
  return (
    <>
      <PageHeader kicker={tieTitle(history.data.tie, i18n)} title={t("networks.tie.upgrade")}>
        <p className="subtitle">{t("networks.upgrade.intro")}</p>
      </PageHeader>
      <EntityForm
        fields={fields}
        mode="create"
        defaults={{ state: "signed", date: today(), purposes: tie.data.purposes }}
        submit={(body) => localised(api<{ successor: TieHistory }>("POST", `/api/ties/${id}/upgrade`, body), i18n.locale)}
        onSaved={(result) => navigate(`/networks/ties/${result.successor.tie.id}`)}
        cancelTo={`/networks/ties/${id}`}
      />
    </>
  );
}

