import { describe, it, expect } from "vitest";
import { suggestPartners, type SuggestionContext } from "./partner-suggestions.ts";

const context: SuggestionContext = {
  candidates: [
    { id: "kitakyushu", name: { ja: "北九州市", en: "Kitakyushu" }, themes: ["environment"] },
    { id: "kumamoto", name: { ja: "熊本市", en: "Kumamoto" }, themes: ["disaster_prevention"] },
    { id: "surabaya", name: { ja: "スラバヤ市", en: "Surabaya" }, themes: ["environment"] },
    { id: "kyoto", name: { ja: "京都市", en: "Kyoto" }, themes: ["historical_preservation", "tourism"] },
    { id: "sendai", name: { ja: "仙台市", en: "Sendai" }, themes: ["disaster_prevention"] },
  ],
  cases: [
    {
      id: "c-kumamoto", orgId: "kumamoto", theme: "disaster_prevention",
      title: { ja: "熊本地震後の避難所運営", en: "Shelter management after the Kumamoto earthquake" },
      text: "豪雨と地震に備えた早期避難の仕組み。Early evacuation drills with neighbourhood associations.",
    },
    {
      id: "c-surabaya", orgId: "surabaya", theme: "smart_city",
      title: { ja: "洪水早期警報システム", en: "Flood early-warning system" },
      text: "River sensors send flood warnings to residents; evacuation routes on a city app.",
    },
    {
      id: "c-kyoto", orgId: "kyoto", theme: "historical_preservation",
      title: { ja: "歴史的町並みの保全", en: "Preserving historic townscapes" },
      text: "Machiya renovation funds and landscape ordinances.",
    },
  ],
  ties: [
    { source: "kitakyushu", target: "fukuoka", state: "active" },
    { source: "fukuoka", target: "kumamoto", state: "active" },
    { source: "kitakyushu", target: "surabaya", state: "signed" },
    { source: "kitakyushu", target: "sendai", state: "dormant" },
    { source: "kyoto", target: "kitakyushu", state: "ended" },
  ],
  memberships: [
    { orgId: "kitakyushu", networkId: "citynet" },
    { orgId: "surabaya", networkId: "citynet" },
    { orgId: "kumamoto", networkId: "gcom" },
  ],
  names: {
    fukuoka: { ja: "福岡市", en: "Fukuoka" },
    citynet: { ja: "CITYNET", en: "CITYNET" },
  },
};

const request = {
  requesterId: "kitakyushu",
  themes: ["disaster_prevention"],
  text: "豪雨災害での早期避難の仕組みを作った都市を探しています。flood early warning and evacuation",
};

describe("partner suggestions", () => {
  it("ranks by theme fit, case evidence, warm introductions and networks", () => {
    const result = suggestPartners(request, context);
    expect(result.map((s) => s.orgId)).toEqual(["kumamoto", "sendai", "surabaya"]);
    const [kumamoto, sendai, surabaya] = result;
    expect(kumamoto!.components.themeFit).toBe(1);
    expect(kumamoto!.components.caseEvidence).toBeGreaterThan(0.5);
    expect(kumamoto!.introducers).toEqual(["fukuoka"]);
    expect(kumamoto!.components.warmIntroduction).toBe(0.5);
    expect(kumamoto!.caseIds).toEqual(["c-kumamoto"]);
    // A dormant tie is not a live one.
    expect(sendai!.components).toEqual({ themeFit: 1, caseEvidence: 0, warmIntroduction: 0, networkCoMembership: 0 });
    expect(sendai!.score).toBeCloseTo(0.4, 12);
    expect(surabaya!.components.themeFit).toBe(0);
    expect(surabaya!.components.caseEvidence).toBeGreaterThan(0);
    expect(surabaya!.components.warmIntroduction).toBe(1);
    expect(surabaya!.sharedNetworks).toEqual(["citynet"]);
  });

  it("explains each suggestion in Japanese and English, strongest reason first", () => {
    const [kumamoto, , surabaya] = suggestPartners(request, context);
    expect(kumamoto!.reasons.map((r) => r.code)).toEqual(["theme_fit", "case_evidence", "warm_introduction"]);
    expect(kumamoto!.reasons[0]).toMatchObject({ ja: "依頼のテーマに取り組んでいます：防災", en: "Works on the requested theme(s): Disaster prevention" });
    expect(kumamoto!.reasons[2]).toMatchObject({ ja: "福岡市を通じて紹介を受けられます", en: "Warm introduction possible through Fukuoka" });
    expect(kumamoto!.reasons[1]!.en).toMatch(/^Case "Shelter management after the Kumamoto earthquake" \(Disaster prevention\) matches the request \(shared terms: .*\)$/);
    expect(surabaya!.reasons.map((r) => r.code)).toEqual(["direct_tie", "network_co_membership", "case_evidence"]);
    expect(surabaya!.reasons[1]).toMatchObject({ ja: "同じネットワークに加盟しています：CITYNET", en: "Fellow member of CITYNET" });
    const total = kumamoto!.reasons.reduce((sum, r) => sum + r.contribution, 0);
    expect(total).toBeCloseTo(kumamoto!.score, 12);
  });

  it("leaves out the requester and candidates with neither theme fit nor case evidence", () => {
    const ids = suggestPartners(request, context).map((s) => s.orgId);
    expect(ids).not.toContain("kitakyushu");
    expect(ids).not.toContain("kyoto");
  });

  it("finds evidence from text alone, across languages, and honours limit and weights", () => {
    const english = suggestPartners({ requesterId: "x", themes: [], text: "flood warning sensors" }, context);
    expect(english.map((s) => s.orgId)).toEqual(["surabaya"]);
    const japanese = suggestPartners({ requesterId: "x", themes: [], text: "町並みの保全" }, context);
    expect(japanese.map((s) => s.orgId)).toEqual(["kyoto"]);
    expect(suggestPartners(request, context, { limit: 1 })).toHaveLength(1);
    const networkFirst = suggestPartners(request, context, { weights: { themeFit: 0, caseEvidence: 0.01, warmIntroduction: 1, networkCoMembership: 1 } });
    expect(networkFirst[0]!.orgId).toBe("surabaya");
  });
});
