/**
 * @module matchmaking/engine/reasons
 * Explains a match: recomputes each part of the score separately (the same arithmetic as
 * `relevance` and `pairFit`) and names what produced it — which HS codes on each side, declared or
 * inferred and from which words; which terms and glossary concepts both sides share; market, vetting
 * and capacity fit; the required certifications that were met. Contributions add up to the score.
 */
import type { HsFeature } from "./analyse.ts";
import type { Glossary } from "./glossary.ts";
import type { StoredDoc } from "./profile-index.ts";
import { hsKeyLevel, hsKeyPrefix } from "./profile-index.ts";
import type { CompanyAttrs, PairFit, RequestAttrs } from "./fit.ts";
import type { QueryPlan } from "./scoring.ts";
import { saturation } from "./scoring.ts";
import type { CodeOrigin, MatchReason } from "./types.ts";
import { certificationLabel, countryName } from "./validators.ts";

export interface ExplainInput {
  plan: QueryPlan;
  /** The request and the company of the pair, whichever was the query. */
  request: StoredDoc<RequestAttrs>;
  company: StoredDoc<CompanyAttrs>;
  queryIsRequest: boolean;
  fit: PairFit;
  glossary: Glossary;
  termText: (id: number) => string;
}

function origin(f: HsFeature, glossary: Glossary): CodeOrigin {
  const o: CodeOrigin = { code: f.code, source: f.source };
  if (f.words.length) o.words = f.words;
  if (f.concept !== undefined) o.concept = glossary.entry(f.concept).id;
  return o;
}

/** The code of a side that earned its best confidence under a prefix (most specific first). */
function bestUnder(prefix: string, features: readonly HsFeature[]): HsFeature | undefined {
  let best: HsFeature | undefined;
  for (const f of features) {
    if (!f.code.startsWith(prefix)) continue;
    if (!best || f.confidence > best.confidence || (f.confidence === best.confidence && f.code.length > best.code.length)) best = f;
  }
  return best;
}

function describeOrigin(o: CodeOrigin): { en: string; ja: string } {
  const words = (o.words ?? []).map((w) => `"${w}"`).join(", ");
  const wordsJa = (o.words ?? []).map((w) => `「${w}」`).join("");
  if (o.source === "declared") return { en: "declared", ja: "申告" };
  if (o.source === "glossary") return { en: `inferred from ${words}`, ja: `${wordsJa}から推定` };
  return { en: `inferred from the HS description words ${words}`, ja: `HS品目名の語${wordsJa}から推定` };
}

export function explain(x: ExplainInput): MatchReason[] {
  const { plan, fit, glossary } = x;
  const query = x.queryIsRequest ? x.request : x.company;
  const cand = x.queryIsRequest ? x.company : x.request;
  const scale = 1 / fit.denominator;
  const reasons: MatchReason[] = [];
  let relevanceSum = 0;

  let bestHs = 0;
  let bestKey = -1;
  for (let i = 0, j = 0; i < plan.hsKeys.length && j < cand.hsKeys.length; ) {
    const a = plan.hsKeys[i] ?? 0;
    const b = cand.hsKeys[j] ?? 0;
    if (a === b) {
      const v = (plan.hsW[i] ?? 0) * (cand.hsVals[j] ?? 0);
      if (v > bestHs) {
        bestHs = v;
        bestKey = a;
      }
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  if (bestKey >= 0) {
    relevanceSum += bestHs;
    const prefix = hsKeyPrefix(bestKey);
    const level = hsKeyLevel(bestKey);
    const rf = bestUnder(prefix, x.request.hs);
    const cf = bestUnder(prefix, x.company.hs);
    if (rf && cf) {
      const ro = origin(rf, glossary);
      const co = origin(cf, glossary);
      const rd = describeOrigin(ro);
      const cd = describeOrigin(co);
      reasons.push({
        kind: "hs",
        contribution: bestHs * scale,
        detail: `hs request=${rf.code}[${rf.source}] company=${cf.code}[${cf.source}] level=${level}`,
        label: {
          en: `HS ${rf.code} (request, ${rd.en}) and ${cf.code} (company, ${cd.en}) share ${level} digits`,
          ja: `HS ${rf.code}（依頼：${rd.ja}）と ${cf.code}（企業：${cd.ja}）が上位${level}桁で一致`,
        },
        evidence: { level, prefix, request: ro, company: co },
      });
    }
  }

  for (let i = 0, j = 0; i < plan.conceptIds.length && j < cand.concepts.length; ) {
    const a = plan.conceptIds[i] ?? 0;
    const b = cand.concepts[j] ?? 0;
    if (a === b) {
      const v = plan.conceptW[i] ?? 0;
      relevanceSum += v;
      const entry = glossary.entry(a);
      const qWords = query.conceptWords[query.concepts.indexOf(a)] ?? "";
      const cWords = cand.conceptWords[j] ?? "";
      const rw = x.queryIsRequest ? qWords : cWords;
      const cw = x.queryIsRequest ? cWords : qWords;
      reasons.push({
        kind: "concept",
        contribution: v * scale,
        detail: `concept ${entry.id} request="${rw}" company="${cw}"`,
        label: {
          en: `Same product "${entry.en[0] ?? entry.id}": request says "${rw}", company says "${cw}"`,
          ja: `同じ品目「${entry.ja[0] ?? entry.id}」：依頼「${rw}」・企業「${cw}」`,
        },
        evidence: { concept: entry.id, request: rw, company: cw, hs: entry.hs },
      });
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }

  for (let i = 0, j = 0; i < plan.textIds.length && j < cand.terms.length; ) {
    const a = plan.textIds[i] ?? 0;
    const b = cand.terms[j] ?? 0;
    if (a === b) {
      const v = (plan.textW[i] ?? 0) * saturation(cand.tfs[j] ?? 0, cand.length, plan);
      relevanceSum += v;
      const term = x.termText(a);
      reasons.push({
        kind: "term",
        contribution: v * scale,
        detail: `term ${term}`,
        label: { en: `Both texts use "${term}"`, ja: `双方の説明に「${term}」` },
        evidence: { term },
      });
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }

  const r = relevanceSum;
  const w = x.request.attrs;
  const c = x.company.attrs;
  const country = w.profile.country;
  if (country && fit.market && fit.market.f > 0) {
    const name = countryName(country);
    const exported = fit.market.f === 1;
    reasons.push({
      kind: "market",
      contribution: (r * fit.market.boost) / fit.denominator,
      detail: `market ${country} ${exported ? "export_experience" : "target_market"}`,
      label: exported
        ? { en: `Company already exports to ${name.en} (${country})`, ja: `${name.ja}（${country}）への輸出実績あり` }
        : { en: `${name.en} (${country}) is a target market of the company`, ja: `${name.ja}（${country}）は企業の目標市場` },
      evidence: { country, exportExperience: exported },
    });
  }
  if (fit.vetting.f > 0) {
    reasons.push({
      kind: "vetting",
      contribution: (r * fit.vetting.boost) / fit.denominator,
      detail: "vetting vetted",
      label: { en: "Profile vetted (endorsed) by its local government", ja: "自治体の審査（推薦）済みの企業" },
    });
  }
  const volume = w.profile.volume;
  if (fit.capacity && fit.capacity.f > 0 && volume !== null) {
    const cap = c.profile.capacity;
    const pct = Math.round(fit.capacity.f * 100);
    reasons.push({
      kind: "capacity",
      contribution: (r * fit.capacity.boost) / fit.denominator,
      detail: `capacity ${cap ?? "unknown"}/${volume}`,
      label:
        cap === null
          ? { en: `Capacity not stated (requested volume ${volume})`, ja: `供給能力の記載なし（依頼数量 ${volume}）` }
          : { en: `Capacity ${cap} covers ${pct}% of the requested volume ${volume}`, ja: `供給能力 ${cap} は依頼数量 ${volume} の${pct}%` },
      evidence: { capacity: cap, volume },
    });
  }
  for (const code of w.profile.requiredCertifications) {
    const label = certificationLabel(code);
    reasons.push({
      kind: "certification",
      contribution: 0,
      detail: `certification ${code} required=held`,
      label: { en: `Holds the required ${label.en}`, ja: `必須認証「${label.ja}」を取得済み` },
      evidence: { certification: code },
    });
  }
  return reasons.sort((a, b) => b.contribution - a.contribution);
}
