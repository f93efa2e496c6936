import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../core/errors.ts";
import type { MatchEngine } from "./engine.ts";
import { createMatchEngine } from "./engine.ts";
import type { CompanyProfileInput, Match } from "./types.ts";

const COMPANIES: CompanyProfileInput[] = [
  {
    id: "aomori-apples",
    name: "青森りんご農園",
    description: "青森県産のりんご（ふじ・王林）を栽培し、香港・台湾へ輸出しています。JGAP認証。",
    certifications: ["jgap"],
    markets: ["HK", "TW", "SG"],
    exportExperience: ["HK", "TW"],
    vetted: true,
    capacity: 100,
  },
  {
    id: "kagoshima-buri",
    name: "鹿児島水産",
    description: "鹿児島県産のぶり（ハマチ）を養殖・加工し、冷凍フィレとして輸出。HACCP認証取得。",
    certifications: ["haccp"],
    markets: ["SG", "US"],
    exportExperience: ["US"],
    vetted: true,
    capacity: 30,
  },
  {
    id: "oita-buri",
    name: "大分ぶり養殖",
    description: "大分県でぶりを養殖しています。",
    markets: ["SG"],
    vetted: false,
  },
  {
    id: "sakai-blades",
    name: "Sakai Blades",
    description: "Hand-forged Japanese kitchen knives (gyuto, santoku) and whetstones from Sakai.",
    hsCodes: ["8211"],
    markets: ["US", "DE"],
  },
  {
    id: "hokkaido-scallops",
    name: "北海道ホタテ",
    description: "北海道産ホタテ貝柱・冷凍ホタテ。刺身用。",
    hsCodes: ["030722"],
    certifications: ["haccp"],
    markets: ["TH"],
  },
];

let engine: MatchEngine;
beforeEach(() => {
  engine = createMatchEngine();
  for (const c of COMPANIES) engine.upsertCompany(c);
});

const ids = (ms: Match[]) => ms.map((m) => m.id);
const sum = (m: Match) => m.reasons.reduce((s, r) => s + r.contribution, 0);

describe("matching across languages and without codes", () => {
  it("finds a Japanese profile for an English request without HS codes, naming the inferred code and the words", () => {
    const [best] = engine.matchCompaniesForRequest({ id: "r", country: "SG", description: "Looking for frozen yellowtail fillets" });
    expect(best?.id).toBe("kagoshima-buri");
    const hs = best?.reasons.find((r) => r.kind === "hs");
    expect(hs?.evidence).toMatchObject({
      level: 4,
      request: { source: "glossary", words: ["yellowtail"], concept: "yellowtail" },
      company: { source: "glossary", concept: "yellowtail" },
    });
    expect(hs?.label.en).toContain("yellowtail");
    expect(hs?.label.ja).toContain("推定");
    const concept = best?.reasons.find((r) => r.kind === "concept" && r.evidence?.concept === "yellowtail");
    expect(concept?.evidence).toMatchObject({ request: "yellowtail", company: "ぶり" });
  });

  it("finds an English profile for a Japanese request, and the other way round for companies", () => {
    expect(ids(engine.matchCompaniesForRequest({ id: "r", description: "堺の包丁を探しています" }))[0]).toBe("sakai-blades");
    engine.upsertRequest({ id: "apples-bkk", country: "TH", description: "We import fresh apples for supermarkets in Bangkok" });
    engine.upsertRequest({ id: "knives-us", country: "US", description: "和包丁の輸入先を探しています" });
    expect(ids(engine.matchRequestsForCompany("aomori-apples"))).toEqual(["apples-bkk"]);
    expect(ids(engine.matchRequestsForCompany("sakai-blades"))).toEqual(["knives-us"]);
  });

  it("ranks declared same-subheading codes above a shared heading", () => {
    engine.upsertCompany({ id: "scallop-2", description: "Seafood exporter", hsCodes: ["030729"] });
    const ms = engine.matchCompaniesForRequest({ id: "r", description: "", hsCodes: ["030722"] });
    expect(ids(ms).slice(0, 2)).toEqual(["hokkaido-scallops", "scallop-2"]);
    expect(ms[0]?.reasons[0]?.evidence).toMatchObject({ level: 6 });
    expect(ms[1]?.reasons[0]?.evidence).toMatchObject({ level: 4 });
  });

  it("explains every match in ja/en with contributions that add up to the score", () => {
    const ms = engine.matchCompaniesForRequest({ id: "r", country: "SG", description: "yellowtail, apples and kitchen knives", volume: 50 });
    expect(ms.length).toBeGreaterThan(1);
    for (const m of ms) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(sum(m)).toBeCloseTo(m.score, 10);
      for (const r of m.reasons) expect(r.label.ja && r.label.en && r.detail).toBeTruthy();
    }
    const kinds = new Set(ms.flatMap((m) => m.reasons.map((r) => r.kind)));
    for (const k of ["hs", "concept", "term", "market", "vetting", "capacity"]) expect(kinds.has(k as never), k).toBe(true);
  });

  it("lets market fit and vetting decide between equally relevant companies", () => {
    const ms = engine.matchCompaniesForRequest({ id: "r", country: "SG", description: "ぶり" });
    expect(ids(ms).slice(0, 2)).toEqual(["kagoshima-buri", "oita-buri"]);
    const withoutBoosts = engine.matchCompaniesForRequest({ id: "r", description: "ぶり" });
    expect(withoutBoosts.find((m) => m.id === "kagoshima-buri")?.reasons.some((r) => r.kind === "market")).toBe(false);
  });
});

describe("required certifications are hard constraints", () => {
  it("drops companies without every required certification, in both directions", () => {
    const req = { id: "halal-buri", country: "SG", description: "yellowtail", requiredCertifications: ["haccp"] };
    const ms = engine.matchCompaniesForRequest(req);
    expect(ids(ms)[0]).toBe("kagoshima-buri");
    expect(ids(ms)).not.toContain("oita-buri");
    expect(engine.matchCompaniesForRequest({ ...req, requiredCertifications: [] }).map((m) => m.id)).toContain("oita-buri");
    expect(ms[0]?.reasons.find((r) => r.kind === "certification")).toMatchObject({ contribution: 0, evidence: { certification: "haccp" } });
    expect(engine.matchCompaniesForRequest({ ...req, requiredCertifications: ["haccp", "halal"] })).toEqual([]);
    engine.upsertRequest({ ...req, requiredCertifications: ["halal"] });
    expect(engine.matchRequestsForCompany("kagoshima-buri")).toEqual([]);
  });
});

describe("incremental updates", () => {
  it("makes a new, changed or removed profile count at once", () => {
    const req = { id: "r", description: "matcha powder" };
    expect(engine.matchCompaniesForRequest(req)).toEqual([]);
    engine.upsertCompany({ id: "uji-tea", description: "宇治抹茶の生産・輸出" });
    expect(ids(engine.matchCompaniesForRequest(req))).toEqual(["uji-tea"]);
    engine.upsertCompany({ id: "uji-tea", description: "宇治の和菓子" });
    expect(ids(engine.matchCompaniesForRequest(req))).toEqual([]);
    engine.upsertCompany({ id: "uji-tea", description: "抹茶" });
    expect(engine.removeCompany("uji-tea")).toBe(true);
    expect(engine.removeCompany("uji-tea")).toBe(false);
    expect(engine.matchCompaniesForRequest(req)).toEqual([]);
    expect(engine.companyCount).toBe(COMPANIES.length);
  });

  it("returns nothing for unknown stored ids and for k = 0", () => {
    expect(engine.matchCompaniesForRequest("nope")).toEqual([]);
    expect(engine.matchCompaniesForRequest({ id: "r", description: "ぶり" }, { k: 0 })).toEqual([]);
  });
});

describe("validation", () => {
  it("rejects bad profiles naming every field", () => {
    try {
      engine.upsertCompany({ id: "", description: "x", hsCodes: ["0899", "8"], certifications: ["iso27001"], markets: ["XX"], capacity: -1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).errors.map((x) => x.path)).toEqual(["id", "hsCodes[0]", "hsCodes[1]", "certifications[0]", "markets[0]", "capacity"]);
    }
    expect(() => engine.upsertRequest({ id: "r", country: "ZZ", description: "x" })).toThrow(AppError);
  });

  it("suggests HS codes from free text with their provenance", () => {
    const codes = engine.inferHsCodes("冷凍ホタテと sewing needles and pins");
    expect(codes).toContainEqual(expect.objectContaining({ code: "0307", source: "glossary", concept: "scallop" }));
    expect(codes).toContainEqual(expect.objectContaining({ code: "7319", source: "description" }));
  });
});
