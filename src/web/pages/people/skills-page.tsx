/**
 * @module web/pages/people/skills-page
 * A person's languages (with level on CEFR, JLPT-style or native) and the paper's three competencies with
 * their evidence, edited as two lists and saved together (`PATCH /api/people/:id`; a list replaces the
 * whole list). The person may keep their own; admins keep everyone's. Errors come back per row
 * (`languages[1].level`, `competencies[0].evidence[0].postingId`) and are shown beside the field.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { TPerson } from "../../../people/people.schema.ts";
import { LoadError, Loading, PageHeader } from "../../components/display.tsx";
import { ProblemAlert, type SummaryItem } from "../../components/problem-alert.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api, type Problem, type ProblemFieldError } from "../../lib/api.ts";
import { Link, navigate } from "../../lib/router.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { InputField, RequireSignIn } from "../offices-ops/bits.tsx";
import { toProblem } from "../offices-ops/http.ts";
import { languageName, postingText } from "./display.tsx";
import { COMMON_LANGUAGES, COMPETENCIES, COMPETENCY_LABELS, EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, LANGUAGE_SCALE_LABELS, LANGUAGE_SCALES, levelsOf } from "./labels.ts";
import { skillsBody, skillsErrorTarget, type CompetencyDraft, type LanguageDraft } from "./skills-model.ts";
import { opsErrorText, translateItems } from "../offices-ops/field-errors.ts";

function SkillsForm({ person }: { person: TPerson }) {
  const i18n = useI18n();
  const { t, pick, locale } = i18n;
  const [languages, setLanguages] = useState<LanguageDraft[]>(() => person.languages.map((l) => ({ language: l.language, scale: l.scale, level: l.level, evidence: l.evidence ?? "" })));
  const [competencies, setCompetencies] = useState<CompetencyDraft[]>(() =>
    COMPETENCIES.map((code) => {
      const have = person.competencies.find((c) => c.code === code);
      return {
        code,
        held: !!have,
        evidence: (have?.evidence ?? []).map((e) => ({
          kind: String(e.kind),
          postingId: typeof e.postingId === "string" ? e.postingId : "",
          note: e.note,
          date: typeof e.date === "string" ? e.date : "",
        })),
      };
    }),
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  const byField = new Map<string, ProblemFieldError[]>();
  const other: ProblemFieldError[] = [];
  for (const e of problem?.errors ?? []) {
    const target = skillsErrorTarget(e.path, competencies);
    if (target) byField.set(target, [...(byField.get(target) ?? []), e]);
    else other.push(e);
  }
  const summary: SummaryItem[] = [
    ...[...byField].flatMap(([target, errors]) => errors.map((e) => ({ target, label: e.path.replace(/^body\./, ""), message: e.message, code: e.code }))),
    ...other.map((e) => ({ label: e.path, message: e.message, code: e.code })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api<TPerson>("PATCH", `/api/people/${person.id}`, skillsBody(languages, competencies));
      navigate(`/people/${person.id}`);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const languageOptions = (current: string) =>
    [...new Set([...COMMON_LANGUAGES, ...(current ? [current] : [])])]
      .map((code) => ({ value: code, label: `${languageName(code, locale)} (${code})` }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  const setLanguage = (i: number, change: Partial<LanguageDraft>) => setLanguages((ls) => ls.map((l, j) => (j === i ? { ...l, ...change } : l)));
  const setCompetency = (i: number, change: Partial<CompetencyDraft>) => setCompetencies((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const postingOptions = person.postings.map((p) => ({ value: p.id, label: `${postingText(p, i18n)} (${p.from}–${p.to ?? ""})` }));

  return (
    <form className="ops-form" noValidate onSubmit={submit}>
      {problem ? <ProblemAlert ref={alertRef} problem={problem} items={translateItems(summary, locale)} /> : null}
      <fieldset className="ops-fieldset">
        <legend>{t("people.languages")}</legend>
        <p className="hint" style={{ marginTop: 0 }}>
          {t("people.languagesHint")}
        </p>
        {languages.map((l, i) => (
          <div className="ppl-row" key={i} role="group" aria-label={t("people.languageN", { n: i + 1 })}>
            <InputField id={`lang-${i}-language`} label={t("people.language")} value={l.language} onChange={(language) => setLanguage(i, { language })} options={languageOptions(l.language)} errors={byField.get(`lang-${i}-language`)} />
            <InputField
              id={`lang-${i}-scale`}
              label={t("people.scale")}
              value={l.scale}
              onChange={(scale) => setLanguage(i, { scale, level: scale === "native" ? "native" : levelsOf(scale).includes(l.level) ? l.level : "" })}
              options={LANGUAGE_SCALES.map((s) => ({ value: s, label: pick(LANGUAGE_SCALE_LABELS[s]) }))}
              errors={byField.get(`lang-${i}-scale`)}
            />
            <InputField
              id={`lang-${i}-level`}
              label={t("people.level")}
              value={l.level}
              onChange={(level) => setLanguage(i, { level })}
              options={levelsOf(l.scale).map((v) => ({ value: v, label: v === "native" ? pick(LANGUAGE_SCALE_LABELS.native) : v }))}
              errors={byField.get(`lang-${i}-level`)}
            />
            <InputField id={`lang-${i}-evidence`} label={t("people.evidence")} value={l.evidence} onChange={(evidence) => setLanguage(i, { evidence })} errors={byField.get(`lang-${i}-evidence`)} placeholder="TOEIC 905 (2022)" />
            <div>
              <button type="button" className="small" onClick={() => setLanguages((ls) => ls.filter((_, j) => j !== i))}>
                {t("people.removeRow")}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="small" onClick={() => setLanguages((ls) => [...ls, { language: "", scale: "cefr", level: "", evidence: "" }])}>
          {t("people.addLanguage")}
        </button>
      </fieldset>
      <fieldset className="ops-fieldset">
        <legend>{t("people.competencies")}</legend>
        <p className="hint" style={{ marginTop: 0 }}>
          {t("people.competenciesHint")}
        </p>
        {competencies.map((c, i) => (
          <div key={c.code} className="ppl-card" style={{ marginBottom: "0.6rem" }}>
            <div className="checkbox-field">
              <input
                id={`comp-${c.code}`}
                type="checkbox"
                checked={c.held}
                onChange={(e) => setCompetency(i, { held: e.target.checked, evidence: e.target.checked && c.evidence.length === 0 ? [{ kind: "posting", postingId: "", note: "", date: "" }] : c.evidence })}
              />
              <label htmlFor={`comp-${c.code}`}>
                <strong>{pick(COMPETENCY_LABELS[c.code])}</strong>
              </label>
            </div>
            {c.held
              ? c.evidence.map((e, j) => {
                  const base = `comp-${c.code}-${j}`;
                  const setEvidence = (change: Partial<typeof e>) => setCompetency(i, { evidence: c.evidence.map((x, k) => (k === j ? { ...x, ...change } : x)) });
                  return (
                    <div className="ppl-row" key={j} role="group" aria-label={t("people.evidenceN", { n: j + 1 })}>
                      <InputField id={`${base}-kind`} label={t("people.evidenceKind")} value={e.kind} onChange={(kind) => setEvidence({ kind })} options={EVIDENCE_KINDS.map((k) => ({ value: k, label: pick(EVIDENCE_KIND_LABELS[k]) }))} errors={byField.get(`${base}-kind`)} />
                      {e.kind === "posting" ? (
                        <InputField id={`${base}-postingId`} label={t("people.posting")} value={e.postingId} onChange={(postingId) => setEvidence({ postingId })} options={postingOptions} errors={byField.get(`${base}-postingId`)} />
                      ) : null}
                      <InputField id={`${base}-note`} label={t("people.evidenceNote")} value={e.note} onChange={(note) => setEvidence({ note })} errors={byField.get(`${base}-note`)} />
                      <InputField id={`${base}-date`} label={t("people.evidenceDate")} value={e.date} onChange={(date) => setEvidence({ date })} errors={byField.get(`${base}-date`)} placeholder="2023-04" />
                      <div>
                        <button type="button" className="small" onClick={() => setCompetency(i, { evidence: c.evidence.filter((_, k) => k !== j) })}>
                          {t("people.removeRow")}
                        </button>
                      </div>
                    </div>
                  );
                })
              : null}
            {c.held ? (
              <button type="button" className="small" onClick={() => setCompetency(i, { evidence: [...c.evidence, { kind: "project", postingId: "", note: "", date: "" }] })}>
                {t("people.addEvidence")}
              </button>
            ) : null}
            {byField.get(`comp-${c.code}`) ? <p className="field-error">{byField.get(`comp-${c.code}`)!.map((x) => opsErrorText(x, locale)).join(" / ")}</p> : null}
          </div>
        ))}
      </fieldset>
      <div className="ops-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
        <Link to={`/people/${person.id}`} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}

export function SkillsPage({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { data: person, error, reload } = useFetch<TPerson>(`/api/people/${id}`);
  return (
    <>
      <PageHeader title={t("people.editSkills")}>{person ? <p className="subtitle">{name(person.name, person.nameEn)}</p> : null}</PageHeader>
      <RequireSignIn>{() => (error ? <LoadError error={error} onRetry={reload} /> : !person ? <Loading /> : <SkillsForm person={person} />)}</RequireSignIn>
    </>
  );
}
