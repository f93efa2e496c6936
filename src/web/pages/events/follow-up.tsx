/**
 * @module web/pages/events/follow-up
 * The follow-up survey on a participant's page, once it is due (the event's end + its follow-up months,
 * for the participant types asked): negotiations still going, contracts, sales in yen and comments,
 * filled with the answers so far (GET) and sent with PUT; the API's field errors are shown beside their fields.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { addMonths } from "../../../core/calendar-days.ts";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { fieldErrorText } from "../../i18n/field-errors.ts";
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api, type Problem } from "../../lib/api.ts";
import { useFetch } from "../../lib/use-fetch.ts";
import { Loading } from "../../components/display.tsx";
import { formatTimestamp } from "../../i18n/format.ts";
import type { TFollowUp } from "../../../events/meetings.schema.ts";
import { toProblem, type TEvent, type TParticipant } from "./common.tsx";

/** The day the survey is due: the event's last day plus `months` (ISO date), as the server reckons it. */
export function followUpDueOn(endsOn: string, months: number): string {
  return addMonths(endsOn, months);
}

/** Whether the survey is due for this participant today. */
export function followUpDue(event: Pick<TEvent, "endsOn" | "followUpMonths" | "followUpTypes">, participant: Pick<TParticipant, "participantType" | "status">, today: string): boolean {
  return participant.status === "approved" && event.followUpTypes.includes(participant.participantType) && followUpDueOn(event.endsOn, event.followUpMonths) <= today;
}

const FIELDS = [
  { key: "negotiations", label: "events.fuNegotiations" },
  { key: "contracts", label: "events.fuContracts" },
  { key: "salesJpy", label: "events.fuSales" },
] as const satisfies readonly { key: string; label: MessageKey }[];

/** Blank → null, digits → a number, anything else as typed (the API names the field). */
function toValue(text: string): number | string | null {
  const s = text.trim().replace(/[,，]/g, "");
  if (!s) return null;
  return /^\d+$/.test(s) ? Number(s) : s;
}

const asText = (value: number | string | null) => (value === null ? "" : String(value));

/** The survey form, filled with the answers given so far (GET), so a correction starts from them. */
export function FollowUpForm({ event, participant }: { event: TEvent; participant: TParticipant }) {
  const current = useFetch<TFollowUp>(`/api/events/${event.id}/participants/${participant.id}/follow-up`);
  if (current.loading && !current.data) return <Loading />;
  return <FollowUpFields key={current.data?.answeredAt ?? "new"} event={event} participant={participant} current={current.data} />;
}

function FollowUpFields({ event, participant, current }: { event: TEvent; participant: TParticipant; current: TFollowUp | undefined }) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Record<string, string>>({
    negotiations: asText(current?.negotiations ?? null),
    contracts: asText(current?.contracts ?? null),
    salesJpy: asText(current?.salesJpy ?? null),
    comments: current?.comments ?? "",
  });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      await api("PUT", `/api/events/${event.id}/participants/${participant.id}/follow-up`, {
        negotiations: toValue(values.negotiations!),
        contracts: toValue(values.contracts!),
        salesJpy: toValue(values.salesJpy!),
        comments: values.comments || null,
      });
      setSaved(true);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const errorsOf = (key: string) => (problem?.errors ?? []).filter((x) => x.path === key || x.path.startsWith(`${key}.`) || x.path.startsWith(`${key}[`));
  const items = (problem?.errors ?? []).map((x) => {
    const f = FIELDS.find((f) => f.key === x.path);
    return { target: f ? `fu-${f.key}` : x.path === "comments" ? "fu-comments" : undefined, label: f ? t(f.label) : x.path === "comments" ? t("events.comments") : x.path, message: fieldErrorText(x, locale), code: x.code };
  });
  const field = (key: string, label: string, input: (common: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode) => {
    const errs = errorsOf(key);
    const id = `fu-${key}`;
    return (
      <div className="field half" key={key}>
        <label htmlFor={id}>{label}</label>
        {input({ id, ...(errs.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}) })}
        {errs.length ? (
          <p className="field-error" id={`${id}-error`}>
            {errs.map((x) => fieldErrorText(x, locale)).join(" / ")}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <form className="events-form" onSubmit={submit} noValidate>
      {current?.answeredAt && !saved ? <p className="muted">{t("events.fuAnswered", { date: formatTimestamp(current.answeredAt, locale) })}</p> : null}
      {problem ? <ProblemAlert problem={problem} items={items} /> : null}
      {saved ? (
        <p role="status" className="notice">
          {t("events.fuSaved")}
        </p>
      ) : null}
      <div className="form-grid">
        {FIELDS.map((f) =>
          field(f.key, t(f.label), (common) => <input {...common} inputMode="numeric" autoComplete="off" value={values[f.key]} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} />),
        )}
        {field("comments", t("events.comments"), (common) => <textarea {...common} rows={3} value={values.comments} onChange={(e) => setValues((v) => ({ ...v, comments: e.target.value }))} />)}
      </div>
      <button type="submit" disabled={busy}>
        {t("events.fuSend")}
      </button>
    </form>
  );
}
