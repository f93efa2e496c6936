/**
 * @module web/pages/matchmaking/vetting-pages
 * The vetting queue of a government's staff (its policy in brief with a link to the policy page, the pending
 * company profiles and opportunities it sponsors, expired ones included) and the
 * review form: the four EEN criteria scored 0–5 with comments, the decision the government's policy gives
 * shown as the scores change, and the reviews so far.
 */
import { useState, type FormEvent } from "react";
import { DateText, LoadError, Loading, PageHeader, TimestampText } from "../../components/display.tsx";
import { ListView, type Column } from "../../components/list-view.tsx";
import { ProblemAlert } from "../../components/problem-alert.tsx";
import { useI18n } from "../../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../../lib/api.ts";
import { Link, useQueryState } from "../../lib/router.tsx";
import { useSession, writableMemberships } from "../../lib/session.tsx";
import { useFetch } from "../../lib/use-fetch.ts";
import { EndorsementPanel, MatchingTabs, opportunityTitle, StatusBadge, type Company, type Opportunity, type Review } from "./common.tsx";
import { CRITERIA, decide, DECISION_LABELS, OPPORTUNITY_KIND_LABELS, type PolicyThresholds } from "./labels.ts";

/** The governments among the user's memberships where they are admin or staff (the API refuses other kinds). */
function useGovernmentChoice() {
  const { user } = useSession();
  const [query, setQuery] = useQueryState();
  const writable = writableMemberships(user);
  const chosen = writable.find((m) => m.orgId === query.get("gov")) ?? writable[0];
  return { writable, chosen, setGov: (id: string) => setQuery({ gov: id }) };
}

export function GovernmentSelect({ id }: { id: string }) {
  const { t, name } = useI18n();
  const { writable, chosen, setGov } = useGovernmentChoice();
  if (writable.length < 2 || !chosen) return null;
  return (
    <div className="filters">
      <div className="filter">
        <label htmlFor={id}>{t("matchmaking.government")}</label>
        <select id={id} value={chosen.orgId} onChange={(e) => setGov(e.target.value)}>
          {writable.map((m) => (
            <option key={m.orgId} value={m.orgId}>
              {name(m.orgNameJa, m.orgNameEn)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export { useGovernmentChoice };

/** The chosen government's thresholds with a link to its policy page (nothing for an organisation that is no government). */
function QueuePolicy({ govOrgId }: { govOrgId: string }) {
  const { t } = useI18n();
  const { data: policy } = useFetch<Policy>(`/api/vetting-policies/${govOrgId}`);
  if (!policy) return null;
  return (
    <p className="hint">
      {t("matchmaking.policy", { publishAt: policy.publishAt, holdAt: policy.holdAt, zero: policy.zeroHolds ? t("matchmaking.policyZero") : "" })} ({t(policy.isDefault ? "matchmaking.policyDefault" : "matchmaking.policyOwn")}){" "}
      <Link to={`/matching/vetting-policy/${govOrgId}`}>{t("matchmaking.policyLink")}</Link>
    </p>
  );
}

export function VettingQueuePage() {
  const { t, name, pick } = useI18n();
  const { chosen } = useGovernmentChoice();
  const companyColumns: Column<Company>[] = [
    { key: "name", label: "matchmaking.company", render: (c) => <Link to={`/matching/vetting/companies/${c.orgId}`}>{name(c.nameJa, c.nameEn)}</Link> },
    { key: "status", label: "matchmaking.status", render: (c) => <StatusBadge status={c.status} /> },
    { key: "updated", label: "field.updatedAt", render: (c) => <TimestampText value={c.updatedAt} /> },
  ];
  const oppColumns: Column<Opportunity>[] = [
    { key: "title", label: "matchmaking.opportunity", render: (o) => <Link to={`/matching/vetting/opportunities/${o.id}`}>{opportunityTitle(o, name, pick)}</Link> },
    { key: "kind", label: "matchmaking.kind", render: (o) => pick(OPPORTUNITY_KIND_LABELS[o.kind] ?? { ja: o.kind, en: o.kind }) },
    { key: "owner", label: "matchmaking.owner", render: (o) => name(o.owner.nameJa, o.owner.nameEn) },
    {
      key: "status",
      label: "matchmaking.status",
      render: (o) => (
        <>
          <StatusBadge status={o.status} /> {o.expired ? <span className="badge warn">{t("matchmaking.expired")}</span> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t("matchmaking.vetting")} />
      <MatchingTabs />
      {!chosen ? (
        <p className="notice">{t("matchmaking.noGovernment")}</p>
      ) : (
        <>
          <GovernmentSelect id="mm-vetting-gov" />
          <p>{t("matchmaking.vettingFor", { name: name(chosen.orgNameJa, chosen.orgNameEn) })}</p>
          <QueuePolicy govOrgId={chosen.orgId} />
          <h2>{t("matchmaking.pendingCompanies")}</h2>
          <ListView<Company> path="/api/companies" columns={companyColumns} rowKey={(c) => c.orgId} caption="matchmaking.pendingCompanies" params={{}} fixed={{ status: "pending", vettedBy: chosen.orgId }} sortable={false} />
          <h2>{t("matchmaking.pendingOpportunities")}</h2>
          <ListView<Opportunity> path="/api/opportunities" columns={oppColumns} rowKey={(o) => o.id} caption="matchmaking.pendingOpportunities" params={{}} fixed={{ status: "pending", vettedBy: chosen.orgId, includeExpired: "true" }} sortable={false} />
        </>
      )}
    </>
  );
}

interface Policy extends PolicyThresholds {
  endorsementMonths: number;
  isDefault: boolean;
}

function ReviewForm({ govOrgId, reviewsPath, onDone }: { govOrgId: string; reviewsPath: string; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { data: policy } = useFetch<Policy>(`/api/vetting-policies/${govOrgId}`);
  const [scores, setScores] = useState<Record<string, number>>({ advantages: 3, clarity: 3, cooperation: 3, accuracy: 3 });
  const [comments, setComments] = useState<Record<string, string>>({});
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<Review | null>(null);
  const [saving, setSaving] = useState(false);
  const preview = policy ? decide(CRITERIA.map((c) => scores[c.id] ?? 0), policy) : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const body = { scores, comments: Object.fromEntries(Object.entries(comments).filter(([, v]) => v.trim())), comment: comment.trim() || undefined };
      const saved = await api<Review>("POST", reviewsPath, body);
      setResult(saved);
      setProblem(null);
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel entity-form" noValidate onSubmit={onSubmit} aria-labelledby="mm-review-title">
      <h2 id="mm-review-title">{t("matchmaking.reviewTitle")}</h2>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {policy ? (
        <p className="hint">
          {t("matchmaking.policy", { publishAt: policy.publishAt, holdAt: policy.holdAt, zero: policy.zeroHolds ? t("matchmaking.policyZero") : "" })} <Link to={`/matching/vetting-policy/${govOrgId}`}>{t("matchmaking.policyLink")}</Link>
        </p>
      ) : null}
      <div className="mm-scores">
        {CRITERIA.map((c) => (
          <div className="field" key={c.id}>
            <label htmlFor={`mm-score-${c.id}`}>{pick(c.label)}</label>
            <select id={`mm-score-${c.id}`} value={scores[c.id]} onChange={(e) => setScores((s) => ({ ...s, [c.id]: Number(e.target.value) }))}>
              {[0, 1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            <label htmlFor={`mm-comment-${c.id}`} className="sr-only">{`${pick(c.label)}: ${t("matchmaking.comment")}`}</label>
            <textarea id={`mm-comment-${c.id}`} rows={2} value={comments[c.id] ?? ""} onChange={(e) => setComments((s) => ({ ...s, [c.id]: e.target.value }))} />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor="mm-review-comment">{t("matchmaking.comment")}</label>
        <textarea id="mm-review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {preview ? (
        <p className="mm-decision" aria-live="polite">
          {t("matchmaking.total", { total: preview.total })} — {t("matchmaking.decisionPreview", { decision: pick(DECISION_LABELS[preview.decision]!) })}
        </p>
      ) : null}
      {result ? (
        <div role="status" className="notice">
          <p>{t("matchmaking.reviewed", { decision: pick(DECISION_LABELS[result.decision]!), total: result.total })}</p>
          <ul>
            {result.reasons.map((r, i) => (
              <li key={i}>{pick(r.label)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("common.saving") : t("matchmaking.submitReview")}
        </button>
      </div>
    </form>
  );
}

function ReviewHistory({ path, generation }: { path: string; generation: number }) {
  const { t, pick } = useI18n();
  const { data } = useFetch<{ items: Review[] }>(`${path}?g=${generation}`);
  if (!data || !data.items.length) return null;
  return (
    <section className="panel">
      <h2>{t("matchmaking.reviews")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("matchmaking.reviews")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("field.createdAt")}</th>
              <th scope="col">{t("matchmaking.reviewer")}</th>
              {CRITERIA.map((c) => (
                <th scope="col" key={c.id} className="num">
                  {pick(c.label)}
                </th>
              ))}
              <th scope="col">{t("matchmaking.status")}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <DateText value={r.createdAt.slice(0, 10)} />
                </th>
                <td>{r.reviewerName}</td>
                {CRITERIA.map((c) => (
                  <td key={c.id} className="num">
                    {r.scores[c.id]}
                  </td>
                ))}
                <td>
                  {pick(DECISION_LABELS[r.decision]!)} ({r.total})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ReviewFrame({ recordPath, title, record, govOrgId, reload, detailTo }: { recordPath: string; title: string; record: Company | Opportunity; govOrgId: string; reload: () => void; detailTo: string }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <PageHeader kicker={t("matchmaking.review")} title={title} actions={<Link to={detailTo} className="button">{t("common.details")}</Link>}>
        <StatusBadge status={record.status} />
      </PageHeader>
      <MatchingTabs />
      <div className="detail-grid">
        <ReviewForm
          govOrgId={govOrgId}
          reviewsPath={`${recordPath}/reviews`}
          onDone={() => {
            setGeneration((g) => g + 1);
            reload();
          }}
        />
        <EndorsementPanel record={record} />
      </div>
      <ReviewHistory path={`${recordPath}/reviews`} generation={generation} />
    </>
  );
}

export function CompanyReviewPage({ orgId }: { orgId: string }) {
  const { name } = useI18n();
  const { data, error, reload } = useFetch<Company>(`/api/companies/${orgId}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return <ReviewFrame recordPath={`/api/companies/${orgId}`} title={name(data.nameJa, data.nameEn)} record={data} govOrgId={data.vettedBy.id} reload={reload} detailTo={`/matching/companies/${orgId}`} />;
}

export function OpportunityReviewPage({ id }: { id: string }) {
  const { name, pick } = useI18n();
  const { data, error, reload } = useFetch<Opportunity>(`/api/opportunities/${id}`);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return <ReviewFrame recordPath={`/api/opportunities/${id}`} title={opportunityTitle(data, name, pick)} record={data} govOrgId={data.vettedBy.id} reload={reload} detailTo={`/matching/opportunities/${id}`} />;
}
