/**
 * @module web/pages/people/handover-model
 * The handover form as data: the request body from the form's state (rows left blank are dropped; each
 * ongoing matter gets an id of its own) and the input each API error path belongs to. Pure.
 */

export interface MatterDraft {
  title: string;
  status: string;
  nextStep: string;
  due: string;
}

export interface CaseDraft {
  caseId: string;
  stage: string;
  note: string;
}

export interface HandoverDraft {
  postingId: string;
  successorId: string;
  contactIds: string[];
  tieIds: string[];
  matters: MatterDraft[];
  cases: CaseDraft[];
}

const opt = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

/** Matters and cases whose every field is blank are left out; the others are sent as typed (the API says what is missing). */
export function handoverBody(d: HandoverDraft) {
  const matters = d.matters.filter((m) => [m.title, m.status, m.nextStep, m.due].some((v) => v.trim()));
  const cases = d.cases.filter((c) => [c.caseId, c.stage, c.note].some((v) => v.trim()));
  return {
    body: {
      postingId: d.postingId,
      successorId: d.successorId.trim(),
      contactIds: d.contactIds,
      ongoingMatters: matters.map((m, i) => ({ id: `matter-${i + 1}`, title: m.title.trim(), ...opt("status", m.status), ...opt("nextStep", m.nextStep), ...opt("due", m.due) })),
      ties: d.tieIds.map((tieId) => ({ tieId })),
      openMatchmakingCases: cases.map((c) => ({ caseId: c.caseId.trim(), ...opt("stage", c.stage), ...opt("note", c.note) })),
    },
    /** Index in the form of each matter and case sent, for mapping errors back. */
    matterRows: d.matters.map((m, i) => ([m.title, m.status, m.nextStep, m.due].some((v) => v.trim()) ? i : -1)).filter((i) => i >= 0),
    caseRows: d.cases.map((c, i) => ([c.caseId, c.stage, c.note].some((v) => v.trim()) ? i : -1)).filter((i) => i >= 0),
  };
}

/** `postingId` → ho-posting; `contactIds[2]` → ho-contacts; `ongoingMatters[0].title` → ho-m-<row>-title; … */
export function handoverErrorTarget(path: string, rows: { matterRows: number[]; caseRows: number[] }): string | undefined {
  const bare = path.replace(/^body\./, "");
  if (bare === "postingId") return "ho-posting";
  if (bare === "successorId") return "ho-successor";
  if (/^contactIds(\[\d+\])?$/.test(bare)) return "ho-contacts";
  if (/^ties(\[\d+\])?(\.\w+)?$/.test(bare)) return "ho-ties";
  const m = /^ongoingMatters\[(\d+)\]\.(title|status|nextStep|due)$/.exec(bare);
  if (m) {
    const row = rows.matterRows[Number(m[1])];
    return row === undefined ? undefined : `ho-m-${row}-${m[2]}`;
  }
  const c = /^openMatchmakingCases\[(\d+)\]\.(caseId|stage|note)$/.exec(bare);
  if (c) {
    const row = rows.caseRows[Number(c[1])];
    return row === undefined ? undefined : `ho-c-${row}-${c[2]}`;
  }
  return undefined;
}
