/**
 * @module governance/format
 * Plain-text, bilingual renderings for the terminal: an assessment, a timeline, Table 3 and the Table 1
 * verdicts. Japanese characters take two columns, so padding counts display width, not string length.
 */
import { GOVERNANCE_DIMENSIONS, GOVERNANCE_STAGES, type GovernanceStage } from "../core/domain.ts";
import type { TGovernanceModel } from "./model.ts";
import type { TAssessment, TAssessmentTimeline } from "./profile.schema.ts";

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

/** Terminal columns a string occupies (East Asian wide characters count two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

const pct = (x: number): string => `${Math.round(x * 100)}%`.padStart(5);

/** Short codes used as column heads where the full names do not fit. */
export const DIMENSION_CODES: Record<(typeof GOVERNANCE_DIMENSIONS)[number], string> = {
  governance_purpose: "GP",
  organisational_principle: "OP",
  interorganisational_relations: "IOR",
  exchange_purpose: "EP",
  office_model: "OM",
  urban_exchange_form: "UEF",
};

export function formatAssessment(a: TAssessment, model: TGovernanceModel, actorName: string): string {
  const stageName = (s: GovernanceStage | null, lang: "ja" | "en"): string => (s === null ? "—" : model.stages[s].name[lang]);
  const lines: string[] = [];
  const when = a.asOf === null ? "全記録 / all records" : `基準日 / as of ${a.asOf}`;
  lines.push(`評価 / Assessment: ${actorName}   (${when}; モデル / model v${a.modelVersion})`);
  lines.push(`総合段階 / Overall stage: ${stageName(a.stage, "ja")} / ${stageName(a.stage, "en")}`, "");

  const w1 = Math.max(...GOVERNANCE_DIMENSIONS.flatMap((d) => [model.dimensions[d].name.ja, `  ${model.dimensions[d].name.en}`].map(displayWidth)), 16) + 2;
  const w2 = Math.max(...GOVERNANCE_STAGES.flatMap((s) => [model.stages[s].name.ja, model.stages[s].name.en].map(displayWidth)), 12) + 2;
  const heads = GOVERNANCE_STAGES.map((s) => model.stages[s].short.en.padStart(5)).join(" ");
  lines.push(`${pad("次元 / Dimension", w1)}${pad("段階 / Stage", w2)}${heads}     n`);
  for (const d of GOVERNANCE_DIMENSIONS) {
    const v = a.dimensions[d];
    const shares = GOVERNANCE_STAGES.map((s) => pct(v.shares[s])).join(" ");
    lines.push(`${pad(model.dimensions[d].name.ja, w1)}${pad(stageName(v.stage, "ja"), w2)}${shares} ${String(v.evidence.length).padStart(5)}`);
    lines.push(`${pad(`  ${model.dimensions[d].name.en}`, w1)}${stageName(v.stage, "en")}`);
  }

  lines.push("", "根拠 / Evidence");
  const wRef = Math.max(12, ...GOVERNANCE_DIMENSIONS.flatMap((d) => a.dimensions[d].evidence.map((e) => e.ref.length))) + 1;
  for (const d of GOVERNANCE_DIMENSIONS) {
    const v = a.dimensions[d];
    if (v.evidence.length === 0) continue;
    lines.push(`  ${model.dimensions[d].name.ja} / ${model.dimensions[d].name.en}`);
    for (const e of v.evidence) {
      lines.push(`    ${pad(e.ref, wRef)} ${pad(model.stages[e.stage].short.en, 4)} ${e.why.ja}`);
      lines.push(`    ${pad("", wRef)} ${pad("", 4)} ${e.why.en}`);
    }
  }

  lines.push("", "提言 / Recommendations");
  if (a.recommendations.length === 0) lines.push("  なし / none");
  for (const r of a.recommendations) {
    const area = model.labels.area[r.area];
    lines.push(`  [${area.ja} / ${area.en}] ${r.code}`, `    ${r.text.ja}`, `    ${r.text.en}`);
    if (r.evidence.length > 0) lines.push(`    根拠 / evidence: ${r.evidence.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

export function formatTimeline(t: TAssessmentTimeline, model: TGovernanceModel, actorName: string): string {
  const short = (s: GovernanceStage | null): string => (s === null ? "-" : model.stages[s].short.en);
  const lines = [`推移 / Timeline: ${actorName} ${t.from}–${t.to}`];
  for (const d of GOVERNANCE_DIMENSIONS) {
    lines.push(`  ${pad(DIMENSION_CODES[d], 4)} ${model.dimensions[d].name.ja} / ${model.dimensions[d].name.en}`);
  }
  lines.push("", `${pad("年/year", 11)}${GOVERNANCE_DIMENSIONS.map((d) => pad(DIMENSION_CODES[d], 5)).join("")}総合/overall`);
  for (const p of t.points) {
    const cells = GOVERNANCE_DIMENSIONS.map((d) => pad(short(p.assessment.dimensions[d].stage), 5)).join("");
    lines.push(`${pad(p.asOf, 11)}${cells}${short(p.assessment.stage)}`);
  }
  lines.push("", GOVERNANCE_STAGES.map((s) => `${model.stages[s].short.en} = ${model.stages[s].name.ja} / ${model.stages[s].name.en}`).join("; "));
  return `${lines.join("\n")}\n`;
}

/** Table 3 of the paper, one block per dimension, each stage's cell in Japanese and English. */
export function formatModelTable(model: TGovernanceModel): string {
  const lines = [`${model.title.ja}`, `${model.title.en}`, `(${model.source.table}, v${model.version}; ${model.source.citation})`, ""];
  const w = Math.max(...GOVERNANCE_STAGES.flatMap((s) => [model.stages[s].name.ja, model.stages[s].name.en].map(displayWidth))) + 4;
  for (const d of GOVERNANCE_DIMENSIONS) {
    const dim = model.dimensions[d];
    lines.push(`${dim.name.ja} / ${dim.name.en}`);
    for (const s of GOVERNANCE_STAGES) {
      lines.push(`  ${pad(model.stages[s].name.ja, w)}${dim.cells[s].ja}`);
      lines.push(`  ${pad(model.stages[s].name.en, w)}${dim.cells[s].en}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

export interface Table1Verdict {
  id: string;
  owner: { ja: string; en: string };
  city: string;
  paperModel: string;
  officeModel: string;
  officeStage: GovernanceStage | null;
  stage: GovernanceStage | null;
}

export function formatTable1Verdicts(rows: readonly Table1Verdict[], model: TGovernanceModel): string {
  const name = (s: GovernanceStage | null): string => (s === null ? "—" : `${model.stages[s].name.ja} / ${model.stages[s].name.en}`);
  const lines = ["論文の表1の海外事務所の判定 / Verdicts for the paper's Table 1 offices", ""];
  for (const r of rows) {
    lines.push(`${pad(r.id, 12)}${pad(`${r.owner.ja} ${r.owner.en}`, 20)}${pad(r.city, 11)}${pad(r.paperModel, 34)}${name(r.officeStage)}`);
  }
  return `${lines.join("\n")}\n`;
}
