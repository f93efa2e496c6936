import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { seedEvaluation } from "../evaluation/evaluation-seed.ts";
import { seedDatabase } from "../registry/seed.service.ts";
import { createTestApp, json, type TestApp } from "../test/factories.ts";
import { TABLE1_OFFICES } from "./fixtures/table1-profiles.ts";
import { databaseProfile } from "./profile-from-database.ts";

describe(`the seeded database tells the paper's story (${testDatabaseKind()})`, () => {
  let t: TestApp;
  const orgByCode = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    await seedDatabase(t.database);
    const counts = await t.database.db.transaction((tx) => seedEvaluation(tx));
    expect(counts).toEqual({ administrations: 2, initiatives: 4, kpis: 3, measurements: 4 });
    // Seeding again changes nothing (idempotent).
    await t.database.db.transaction((tx) => seedEvaluation(tx));
    const orgs = json(await t.app.inject({ method: "GET", url: "/api/organisations?limit=200&kind=prefecture" })).items;
    const cities = json(await t.app.inject({ method: "GET", url: "/api/organisations?limit=200&kind=designated_city" })).items;
    for (const o of [...orgs, ...cities]) orgByCode.set(o.localGovCode, o.id);
  }, 180_000);
  afterAll(async () => t.close());

  const assessment = async (code: string) => json(await t.app.inject({ method: "GET", url: `/api/organisations/${orgByCode.get(code)}/assessment` }));

  it("places Hokkaido's offices (LG-1, joint with a regional bank) at network governance and Shizuoka's (independent) at traditional administration", async () => {
    const hokkaido = await assessment("010006");
    expect(hokkaido.assessment.dimensions.office_model.stage).toBe("network_governance");
    const lg1Office = json(await t.app.inject({ method: "GET", url: "/api/offices?limit=200" })).items.find((o: { interviewId: string }) => o.interviewId === "LG-1");
    const lg1Ref = Object.entries(hokkaido.records).find(([, r]) => (r as { id: string }).id === lg1Office.id)![0];
    const lg1 = hokkaido.assessment.dimensions.office_model.evidence.find((e: { ref: string }) => e.ref === lg1Ref);
    expect(lg1).toMatchObject({ stage: "network_governance", rule: expect.stringContaining("office_model") });
    const shizuoka = await assessment("220001");
    expect(shizuoka.assessment.dimensions.office_model).toMatchObject({ stage: "traditional_administration", shares: { traditional_administration: 1 } });
    // Seoul, Shanghai and Taipei have no sourced model: they are not evidence.
    expect(shizuoka.assessment.dimensions.office_model.evidence).toHaveLength(1);
  });

  it("gives every Table 1 office the verdict the paper's narrative implies (the same as `renkei report model`)", async () => {
    const offices = json(await t.app.inject({ method: "GET", url: "/api/offices?limit=200" })).items as { id: string; interviewId: string | null }[];
    for (const row of TABLE1_OFFICES.filter((r) => r.id !== "LG-3-later")) {
      const office = offices.find((o) => o.interviewId === row.id);
      expect(office, row.id).toBeDefined();
      const { profile, records } = await databaseProfile(t.database.db, SYSTEM_ACTOR, orgByCode.get(row.code)!);
      const ref = Object.entries(records).find(([, r]) => r.id === office!.id)?.[0];
      expect(ref, row.id).toBeDefined();
      const expected = row.profile.offices![0]!;
      const seeded = profile.offices![Number(/\[(\d+)\]/.exec(ref!)![1])]!;
      expect(seeded.operationalModel, row.id).toBe(expected.operationalModel);
      expect(seeded.hostedBy, row.id).toBe(expected.hostedBy);
      const a = await assessment(row.code);
      expect(a.assessment.dimensions.office_model.evidence.find((e: { ref: string }) => e.ref === ref).stage, row.id).toBe(
        (await t.app.inject({ method: "POST", url: "/api/assessments/profile", payload: row.profile })).json().dimensions.office_model.stage,
      );
    }
  });

  it("shows Osaka City's 2012 office closures after Mayor Hashimoto took office", async () => {
    const osaka = orgByCode.get("271004")!;
    const report = json(await t.app.inject({ method: "GET", url: `/api/organisations/${osaka}/continuity` }));
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0].administration.leaderEn).toBe("Toru Hashimoto");
    expect(report.changes[0].counts).toMatchObject({ discontinuedAfter: 3, endedFromPrevious: 3, beganAfter: 1 });
    const shanghai = json(await t.app.inject({ method: "GET", url: `/api/initiatives?ownerOrgId=${osaka}&status=active` })).items;
    expect(shanghai).toEqual([expect.objectContaining({ nameEn: "Joint operation of the Osaka Government Shanghai Office", administration: expect.objectContaining({ leaderEn: "Toru Hashimoto" }), partners: [expect.objectContaining({ nameEn: "Osaka Prefecture", role: "partner" })] })]);
    const tokyo = json(await t.app.inject({ method: "GET", url: `/api/administrations?orgId=${orgByCode.get("130001")}` })).items;
    expect(tokyo).toEqual([expect.objectContaining({ leaderEn: "Shintaro Ishihara", from: "1999", until: "2012" })]);
    const board = json(await t.app.inject({ method: "GET", url: `/api/organisations/${orgByCode.get("150002")}/kpi-dashboard` }));
    expect(board.kpis[0]).toMatchObject({ kpi: { periodKind: "fiscal_year", unverified: true }, latest: { period: "FY2023", value: 5270000000 } });
  });

  it("compares all 47 prefectures and 20 designated cities", async () => {
    const prefectures = json(await t.app.inject({ method: "GET", url: "/api/assessments/comparison?kind=prefecture" }));
    expect(prefectures.rows).toHaveLength(47);
    expect(prefectures.rows[0].code).toBe("010006");
    const all = await t.app.inject({ method: "GET", url: "/api/assessments/comparison?format=csv&labels=false" });
    const municipalities = json(await t.app.inject({ method: "GET", url: "/api/organisations?kind=municipality&limit=1" })).total;
    expect(all.body.trim().split("\r\n")).toHaveLength(1 + 47 + 20 + municipalities);
  });

  it("serves Osaka City's timeline light (detail=summary), with the verdicts of the full timeline and of each year's own assessment", async () => {
    const osaka = orgByCode.get("271004")!;
    const url = `/api/organisations/${osaka}/assessment/timeline?to=2025`;
    const full = await t.app.inject({ method: "GET", url });
    const light = await t.app.inject({ method: "GET", url: `${url}&detail=summary` });
    // docs/assessment.md gives the sizes (about 355 KB and 77 KB with the seed of the time).
    expect(Buffer.byteLength(light.body)).toBeLessThan(Buffer.byteLength(full.body) / 4);
    const fullPoints = json(full).timeline.points;
    const points = json(light).timeline.points;
    expect(points.map((p: { year: number; stage: string | null }) => [p.year, p.stage])).toEqual(fullPoints.map((p: { year: number; assessment: { stage: string | null } }) => [p.year, p.assessment.stage]));
    // The web loads a year's evidence from the assessment at that date: it must tell the same story.
    for (const year of [1960, 2011, 2012, 2013, 2025]) {
      const point = points.find((p: { year: number }) => p.year === year);
      const one = json(await t.app.inject({ method: "GET", url: `/api/organisations/${osaka}/assessment?asOf=${point.asOf}` })).assessment;
      expect(one.stage, String(year)).toBe(point.stage);
      for (const [dim, v] of Object.entries(one.dimensions) as [string, { stage: string | null; evidence: unknown[] }][]) {
        expect([v.stage, v.evidence.length], `${year} ${dim}`).toEqual([point.dimensions[dim].stage, point.dimensions[dim].evidenceCount]);
      }
    }
  });
});
