/**
 * @module web/components/record-actions
 * Edit and delete buttons for a record, offered to those who may change it (admins and staff of its
 * owner, system administrators); the API decides, and a refusal is shown as its problem.
 */
import { useState } from "react";
import { useI18n } from "../i18n/locale.tsx";
import { api, ApiError, type Problem } from "../lib/api.ts";
import { Link, navigate } from "../lib/router.tsx";
import { canEdit, useSession } from "../lib/session.tsx";
import { ProblemAlert } from "./problem-alert.tsx";

export interface RecordActionsProps {
  ownerOrgId: string | null;
  editTo: string;
  /** API path of the record, for DELETE. */
  apiPath: string;
  /** The record's name, for the confirmation question. */
  name: string;
  afterDelete: string;
}

export function RecordActions({ ownerOrgId, editTo, apiPath, name, afterDelete }: RecordActionsProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  if (!canEdit(user, ownerOrgId)) return null;
  const remove = async () => {
    if (!window.confirm(t("common.confirmDelete", { name }))) return;
    try {
      await api<void>("DELETE", apiPath);
      navigate(afterDelete);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : { status: 0, title: String(error), errors: [] });
    }
  };
  return (
    <>
      <Link to={editTo} className="button">
        {t("common.edit")}
      </Link>
      <button type="button" className="danger" onClick={remove}>
        {t("common.delete")}
      </button>
      {problem ? <ProblemAlert problem={problem} /> : null}
    </>
  );
}
