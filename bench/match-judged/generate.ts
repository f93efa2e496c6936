/**
 * @module bench/match-judged/generate
 * Deterministic synthetic load for bench/match.bench.ts: company profiles and buyer requests with
 * real HS codes (glossary codes, half of them refined to a 6-digit subheading), Japanese or English
 * descriptions built from glossary names, certifications typical of the product, markets, vetting,
 * capacities and volumes. Product popularity follows a Zipf-like law so that some posting lists are
 * long, as in real data; a profile's products are mostly related (same HS section).
 */
import type { Glossary } from "../../src/matchmaking/engine/glossary.ts";
import type { HsNomenclature } from "../../src/matchmaking/engine/hs.ts";
import type { BuyerRequestInput, CompanyProfileInput } from "../../src/matchmaking/engine/types.ts";
import type { CertificationCode } from "../../src/matchmaking/engine/validators.ts";
import { countryName } from "../../src/matchmaking/engine/validators.ts";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFECTURES: [string, string][] = [
  ["北海道", "Hokkaido"],
  ["青森県", "Aomori"],
  ["宮城県", "Miyagi"],
  ["新潟県", "Niigata"],
  ["長野県", "Nagano"],
  ["静岡県", "Shizuoka"],
  ["愛知県", "Aichi"],
  ["岐阜県", "Gifu"],
  ["京都府", "Kyoto"],
  ["大阪府", "Osaka"],
  ["兵庫県", "Hyogo"],
  ["広島県", "Hiroshima"],
  ["香川県", "Kagawa"],
  ["愛媛県", "Ehime"],
  ["福岡県", "Fukuoka"],
  ["佐賀県", "Saga"],
  ["熊本県", "Kumamoto"],
  ["宮崎県", "Miyazaki"],
  ["鹿児島県", "Kagoshima"],
  ["沖縄県", "Okinawa"],
];
const KIND_JA = ["生産者", "メーカー", "加工会社", "専門商社", "工房", "農業法人", "製造会社", "老舗"];
const KIND_EN = ["producer", "manufacturer", "processor", "trading company", "workshop", "family business", "maker"];
const VERB_JA = ["生産", "製造", "加工", "販売", "開発"];
const EXTRA_JA = ["小ロットにも対応します。", "OEMのご相談も承ります。", "自社工場で一貫生産しています。", "海外展示会への出展実績があります。", "品質管理を徹底しています。", ""];
const EXTRA_EN = ["Small lots welcome.", "OEM and private label available.", "Fully integrated production in our own plant.", "Exhibited at overseas trade fairs.", "Strict quality control.", ""];
const SUFFIX_JA = ["商事", "工業", "食品", "製作所", "本舗", "産業"];
const SUFFIX_EN = ["Co., Ltd.", "Industries", "Foods", "Works", "Trading", "Corporation"];
const BUYER_EN = ["Importer", "Distributor", "Retail chain", "Restaurant group", "Wholesaler", "Manufacturer", "Trading house"];
const BUYER_JA = ["輸入商社", "卸売業者", "小売チェーン", "レストラングループ", "メーカー", "商社"];
const PURPOSE_EN = ["", " for retail", " for restaurants", " in bulk", " with monthly shipments", " for our stores", " for OEM production"];
const PURPOSE_JA = ["", "小売向けに", "飲食店向けに", "大口で", "定期的に", "自社店舗向けに"];
const COUNTRIES = ["SG", "HK", "TW", "TH", "US", "CN", "VN", "MY", "AU", "KR", "ID", "PH", "DE", "FR", "GB", "AE", "CA", "IN", "MX", "NL"];
const FOOD_CERTS: CertificationCode[] = ["haccp", "halal", "organic_jas", "jas", "iso22000", "fssc22000", "jgap", "globalgap", "kosher", "fda_registered"];
const FOOD_P = [0.4, 0.1, 0.08, 0.1, 0.1, 0.05, 0.1, 0.05, 0.03, 0.15];
const INDUSTRIAL_CERTS: CertificationCode[] = ["iso9001", "iso14001", "ce"];
const INDUSTRIAL_P = [0.5, 0.25, 0.2];

export interface Load {
  companies: CompanyProfileInput[];
  requests: BuyerRequestInput[];
}

export function generateLoad(companies: number, requests: number, glossary: Glossary, hs: HsNomenclature, seed = 42): Load {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  // Zipf-like popularity over a shuffled glossary.
  const order = Array.from({ length: glossary.size }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const cumulative: number[] = [];
  let total = 0;
  order.forEach((_, rank) => {
    total += 1 / (rank + 1) ** 0.8;
    cumulative.push(total);
  });
  const concept = () => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return glossary.entry(order[lo] ?? 0);
  };
  const sectionOf = (e: { hs: string[] }) => hs.get(e.hs[0] ?? "")?.section ?? "";
  /** A company's or buyer's products are usually related: three in four come from the first one's HS section. */
  const products = (count: number) => {
    const first = concept();
    const out = [first];
    while (out.length < count) {
      let next = concept();
      if (r() < 0.75) for (let tries = 0; tries < 30 && sectionOf(next) !== sectionOf(first); tries++) next = concept();
      out.push(next);
    }
    return out;
  };
  const isFood = (code: string) => Number(code.slice(0, 2)) <= 24;
  const codeFor = (code: string) => {
    if (code.length === 2) return pick(hs.children(code)).code;
    const leaves = hs.leaves(code);
    return r() < 0.5 && leaves.length ? pick(leaves).code : code;
  };
  const certs = (food: boolean) => {
    const [list, p] = food ? [FOOD_CERTS, FOOD_P] : [INDUSTRIAL_CERTS, INDUSTRIAL_P];
    return list.filter((_, i) => r() < (p[i] ?? 0));
  };
  const countries = (n: number) => {
    const out = new Set<string>();
    while (out.size < n) out.add(COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(r() ** 1.6 * COUNTRIES.length))] as string);
    return [...out];
  };

  const companyList: CompanyProfileInput[] = [];
  for (let i = 0; i < companies; i++) {
    const items = products(1 + Math.floor(r() * 3));
    const ja = r() < 0.55;
    const [prefJa, prefEn] = pick(PREFECTURES);
    const names = items.map((p) => (ja ? pick(p.ja) : pick(p.en)));
    const markets = countries(1 + Math.floor(r() * 4));
    const exported = markets.filter(() => r() < 0.5);
    const marketText = markets.map((m) => countryName(m)[ja ? "ja" : "en"]).join(ja ? "・" : ", ");
    const description = ja
      ? `${prefJa}の${pick(KIND_JA)}です。${names.join("、")}を${pick(VERB_JA)}し、${marketText}へ輸出しています。${pick(EXTRA_JA)}`
      : `${prefEn}-based ${pick(KIND_EN)} of ${names.join(", ")}. We export to ${marketText}. ${pick(EXTRA_EN)}`;
    const first = items[0];
    const food = first ? isFood(first.hs[0] ?? "99") : false;
    companyList.push({
      id: `c${i}`,
      name: ja ? `${prefJa.replace(/[県府都]$/, "")}${pick(SUFFIX_JA)}` : `${prefEn} ${pick(SUFFIX_EN)}`,
      description,
      hsCodes: r() < 0.6 ? items.map((p) => codeFor(pick(p.hs))) : [],
      certifications: certs(food),
      markets,
      exportExperience: exported,
      vetted: r() < 0.4,
      capacity: r() < 0.7 ? Math.round(10 + r() * 9990) : null,
    });
  }

  const requestList: BuyerRequestInput[] = [];
  for (let i = 0; i < requests; i++) {
    const items = products(1 + Math.floor(r() * 2));
    const ja = r() < 0.4;
    const country = countries(1)[0] ?? "SG";
    const name = countryName(country);
    const names = items.map((p) => (ja ? pick(p.ja) : pick(p.en)));
    const description = ja
      ? `${name.ja}の${pick(BUYER_JA)}です。${pick(PURPOSE_JA)}${names.join("と")}を探しています。`
      : `${pick(BUYER_EN)} in ${name.en} looking for ${names.join(" and ")}${pick(PURPOSE_EN)}.`;
    const first = items[0];
    const food = first ? isFood(first.hs[0] ?? "99") : false;
    const required = r() < 0.15 ? [pick(food ? ["haccp", "halal", "organic_jas", "fda_registered"] : ["iso9001", "ce"])] : [];
    requestList.push({
      id: `r${i}`,
      buyer: `${name.en} buyer ${i}`,
      country,
      description,
      hsCodes: r() < 0.4 ? items.map((p) => codeFor(pick(p.hs))) : [],
      requiredCertifications: required,
      volume: r() < 0.5 ? Math.round(10 + r() * 2000) : null,
    });
  }
  return { companies: companyList, requests: requestList };
}
