/**
 * @module networks/regions
 * Groups for the graph's brokerage roles and pipelines: by country (ISO 3166-1), or by region — for
 * Japanese organisations the eight traditional regions (地方区分) from the prefecture number of their local
 * government code (or their parent's), for the rest of the world the UN M49 geoscheme's sub-regions
 * (with the intermediate regions of Africa and the Americas), so pipelines read "Kyushu ↔ Eastern Asia".
 * Source of the M49 assignment: UN Statistics Division M49 via lukes/ISO-3166-Countries-with-Regional-Codes.
 */
import type { Bilingual } from "../core/domain.ts";
import { countryName } from "../core/codes.ts";

const M49: Record<string, Bilingual & { countries: string }> = {
  "005": { ja: "南アメリカ", en: "South America", countries: "AR BO BR CL CO EC FK GF GY PE PY SR UY VE" },
  "011": { ja: "西アフリカ", en: "Western Africa", countries: "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG" },
  "013": { ja: "中央アメリカ", en: "Central America", countries: "BZ CR GT HN MX NI PA SV" },
  "014": { ja: "東アフリカ", en: "Eastern Africa", countries: "BI DJ ER ET KE KM MG MU MW MZ RE RW SC SO SS TZ UG YT ZM ZW" },
  "015": { ja: "北アフリカ", en: "Northern Africa", countries: "DZ EG EH LY MA SD TN" },
  "017": { ja: "中部アフリカ", en: "Middle Africa", countries: "AO CD CF CG CM GA GQ ST TD" },
  "018": { ja: "南部アフリカ", en: "Southern Africa", countries: "BW LS NA SZ ZA" },
  "021": { ja: "北アメリカ", en: "Northern America", countries: "BM CA GL PM US" },
  "029": { ja: "カリブ", en: "Caribbean", countries: "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI" },
  "030": { ja: "東アジア", en: "Eastern Asia", countries: "CN HK JP KP KR MN MO TW" },
  "034": { ja: "南アジア", en: "Southern Asia", countries: "AF BD BT IN IR LK MV NP PK" },
  "035": { ja: "東南アジア", en: "South-eastern Asia", countries: "BN ID KH LA MM MY PH SG TH TL VN" },
  "039": { ja: "南ヨーロッパ", en: "Southern Europe", countries: "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA" },
  "053": { ja: "オーストラリア・ニュージーランド", en: "Australia and New Zealand", countries: "AU NF NZ" },
  "054": { ja: "メラネシア", en: "Melanesia", countries: "FJ NC PG SB VU" },
  "057": { ja: "ミクロネシア", en: "Micronesia", countries: "FM GU KI MH MP NR PW" },
  "061": { ja: "ポリネシア", en: "Polynesia", countries: "AS CK NU PF PN TK TO TV WF WS" },
  "143": { ja: "中央アジア", en: "Central Asia", countries: "KG KZ TJ TM UZ" },
  "145": { ja: "西アジア", en: "Western Asia", countries: "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE" },
  "151": { ja: "東ヨーロッパ", en: "Eastern Europe", countries: "BG BY CZ HU MD PL RO RU SK UA" },
  "154": { ja: "北ヨーロッパ", en: "Northern Europe", countries: "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ" },
  "155": { ja: "西ヨーロッパ", en: "Western Europe", countries: "AT BE CH DE FR LI LU MC NL" },
};

const COUNTRY_TO_M49 = new Map<string, string>();
for (const [code, region] of Object.entries(M49)) for (const c of region.countries.split(" ")) COUNTRY_TO_M49.set(c, code);

/** Japan's eight regions by first and last prefecture number (JIS X 0401). */
const JP_REGIONS: { id: string; first: number; last: number; label: Bilingual }[] = [
  { id: "hokkaido", first: 1, last: 1, label: { ja: "北海道地方", en: "Hokkaido" } },
  { id: "tohoku", first: 2, last: 7, label: { ja: "東北地方", en: "Tohoku" } },
  { id: "kanto", first: 8, last: 14, label: { ja: "関東地方", en: "Kanto" } },
  { id: "chubu", first: 15, last: 23, label: { ja: "中部地方", en: "Chubu" } },
  { id: "kinki", first: 24, last: 30, label: { ja: "近畿地方", en: "Kinki" } },
  { id: "chugoku", first: 31, last: 35, label: { ja: "中国地方", en: "Chugoku" } },
  { id: "shikoku", first: 36, last: 39, label: { ja: "四国地方", en: "Shikoku" } },
  { id: "kyushu_okinawa", first: 40, last: 47, label: { ja: "九州・沖縄地方", en: "Kyushu and Okinawa" } },
];

export type GroupBy = "country" | "region";

export interface Grouped {
  country: string;
  /** A local government code of the organisation or, failing that, of its parent. */
  localGovCode: string | null;
}

/** The group id of an organisation: `JP`, `jp:kyushu_okinawa`, `m49:030`… */
export function groupOf(org: Grouped, by: GroupBy): string {
  if (by === "country") return org.country;
  if (org.country === "JP") {
    const pref = org.localGovCode ? Number(org.localGovCode.slice(0, 2)) : NaN;
    const region = JP_REGIONS.find((r) => pref >= r.first && pref <= r.last);
    return region ? `jp:${region.id}` : "jp:unknown";
  }
  const m49 = COUNTRY_TO_M49.get(org.country);
  return m49 ? `m49:${m49}` : org.country;
}

/** The ja/en label of a group id. */
export function groupLabel(id: string): Bilingual {
  if (id === "jp:unknown") return { ja: "日本（地方の特定なし）", en: "Japan (no region)" };
  if (id.startsWith("jp:")) {
    const r = JP_REGIONS.find((x) => `jp:${x.id}` === id);
    if (r) return r.label;
  }
  if (id.startsWith("m49:")) {
    const r = M49[id.slice(4)];
    if (r) return { ja: r.ja, en: r.en };
  }
  return { ja: countryName(id, "ja"), en: countryName(id, "en") };
}
