/**
 * @module web/pages/governance/record-name
 * The name of a record an assessment cites (an office, tie, initiative, KPI or term), fetched once per
 * page load and shown as a link to its page; until it arrives, the kind and number stand in.
 */
import { useI18n } from "../../i18n/locale.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { api } from "../../lib/api.ts";
import { Link } from "../../lib/router.tsx";
import { useLoader } from "../../lib/use-fetch.ts";
import { formatPartialDate } from "../../i18n/format.ts";
import { recordPath, type RecordKind, type RecordLink } from "./assessment-view.ts";

interface Names {
  ja: string;
  en: string;
}

const API: Record<RecordKind, string> = {
  office: "/api/offices/",
  tie: "/api/ties/",
  initiative: "/api/initiatives/",
  kpi: "/api/kpis/",
  administration: "/api/administrations/",
};

export const RECORD_KIND_LABELS: Record<RecordKind | "person", MessageKey> = {
  office: "governance.kind.office",
  tie: "governance.kind.tie",
  initiative: "governance.kind.initiative",
  kpi: "governance.kind.kpi",
  administration: "governance.kind.administration",
  person: "governance.kind.person",
};

const cache = new Map<string, Promise<Names>>();

function namesOf(kind: RecordKind, body: Record<string, unknown>): Names {
  const s = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
  switch (kind) {
    case "tie":
      return { ja: `${s("aNameJa")} – ${s("bNameJa")}`, en: `${s("aNameEn")} – ${s("bNameEn")}` };
    case "administration":
      return { ja: `${s("leaderJa")}（${formatPartialDate(s("from"), "ja")}〜）`, en: `${s("leaderEn")} (from ${formatPartialDate(s("from"), "en")})` };
    default:
      return { ja: s("nameJa") || s("nameEn"), en: s("nameEn") || s("nameJa") };
  }
}

function loadNames(record: RecordLink): Promise<Names> {
  const key = `${record.kind}:${record.id}`;
  let p = cache.get(key);
  if (!p) {
    p = api<Record<string, unknown>>("GET", `${API[record.kind]}${record.id}`).then((body) => namesOf(record.kind, body));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** A link to a cited record, named by the record itself. */
export function RecordNameLink({ record, orgId, fallback }: { record: RecordLink; orgId: string; fallback: string }) {
  const { pick } = useI18n();
  const { data } = useLoader(`${record.kind}:${record.id}`, () => loadNames(record));
  return <Link to={recordPath(record, orgId)}>{data ? pick(data) : fallback}</Link>;
}
