import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import { createAdministration } from "../evaluation/administrations.service.ts";
import { createInitiative } from "../evaluation/initiatives.service.ts";
import { createKpi } from "../evaluation/kpis.service.ts";
import { createTie } from "../registry/ties.service.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { GOVERNANCE_DIMENSIONS } from "../core/domain.ts";
import { ZOrganisationTimelineSummary } from "./governance.routes.ts";
import { profileFromDatabase } from "./profile-from-database.ts";
import { ZAssessment, type TAssessment } from "./profile.schema.ts";

describe(`governance API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  let prefId: string;
  let secretOfficeId: string;
  let member: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const access = { visibility: "public" as const, sharedWith: [], unverified: false };
    prefId = (await buildOrganisation(db, { kind: "prefecture", localGovCode: "470007", nameJa: "試験県", nameEn: "Shiken Prefecture" })).id;
    const bank = await buildOrganisation(db, { kind: "regional_bank", nameJa: "試験銀行", nameEn: "Shiken Bank", country: "JP" });
    const network = await buildOrganisation(db, { kind: "network", nameJa: "C40", nameEn: "C40 Cities", country: "GB" });
    const sister = await buildOrganisation(db, { kind: "foreign_city", nameJa: "チェンマイ", nameEn: "Chiang Mai", country: "TH" });
    await buildOffice(db, { ownerOrgId: prefId, cityEn: "Singapore", operationalModel: "joint_industry_academia", hostOrgId: bank.id, opened: "2016", managementShare: 0.1 });
    await buildOffice(db, { ownerOrgId: prefId, cityEn: "Shanghai", country: "CN", operationalModel: "independent", opened: "1995", closed: "2012" });
    await buildOffice(db, { ownerOrgId: prefId, cityEn: "Seoul", country: "KR", operationalModel: "independent", source: "facts.md (operational model not stated by the source; recorded as independent)" });
    secretOfficeId = (await buildOffice(db, { ownerOrgId: prefId, cityEn: "Jakarta", country: "ID", operationalModel: "outsourced", visibility: "confidential" })).id;
    await createTie(db, SYSTEM_ACTOR, { aOrgId: prefId, bOrgId: sister.id, kind: "sister_city", purposes: ["cultural"], since: "1989", ...access });
    await createTie(db, SYSTEM_ACTOR, { aOrgId: prefId, bOrgId: network.id, kind: "network_membership", purposes: ["urban_problem_solving"], since: "2018", ...access });
    await createAdministration(db, SYSTEM_ACTOR, { orgId: prefId, leaderJa: "甲", leaderEn: "Kou", from: "2015", until: "2019", ...access });
    await createInitiative(db, SYSTEM_ACTOR, { ownerOrgId: prefId, nameJa: "食品輸出", nameEn: "Food export", purposes: ["economic"], partners: [{ orgId: bank.id, role: "partner" }], since: "2016" });
    await createKpi(db, SYSTEM_ACTOR, { ownerOrgId: prefId, nameJa: "商談件数", nameEn: "Negotiations", level: "output", horizon: "short", unit: "count", direction: "increase", periodKind: "year", ...access });
    member = await t.signInAs("viewer", prefId);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

  it("builds the profile from the registry and the evaluation, leaving out inferred office models and what the actor may not see", async () => {
    const profile = await profileFromDatabase(t.database.db, { ...SYSTEM_ACTOR, locale: "en" }, prefId);
    expect(profile.actor).toEqual({ name: "Shiken Prefecture", kind: "prefecture", code: "470007" });
    expect(profile.offices!.map((o) => o.city)).toEqual(["Shanghai", "Singapore", "Jakarta"]);
    expect(profile.offices!.find((o) => o.city === "Singapore")).toMatchObject({ operationalModel: "joint_industry_academia", partners: ["Shiken Bank"], managementShare: 0.1 });
    expect(profile.ties!.map((x) => [x.kind, x.partner])).toEqual([["sister_city", "Chiang Mai"], ["network_membership", "C40 Cities"]]);
    expect(profile.initiatives).toEqual([expect.objectContaining({ name: "Food export", partners: [{ name: "Shiken Bank", role: "partner" }], since: "2016", until: null })]);
    expect(profile.kpis).toEqual([expect.objectContaining({ name: "Negotiations", level: "output", horizon: "short" })]);
    expect(profile.administrations).toEqual([{ leader: "Kou", from: "2015", until: "2019" }]);
    expect(profile.people).toEqual([]);
    expect((await profileFromDatabase(t.database.db, { ...SYSTEM_ACTOR, userId: "11111111-1111-4111-8111-111111111111" }, prefId)).people).toEqual([]);
    const before = await profileFromDatabase(t.database.db, SYSTEM_ACTOR, prefId, { asOf: "2000" });
    expect(before.offices!.map((o) => o.city)).toEqual(["Shanghai", "Jakarta"]);
    expect(before.ties!.map((x) => x.kind)).toEqual(["sister_city"]);
  });

  it("assesses an organisation with evidence linked to records, public data only for anonymous visitors", async () => {
    const anon = json(await get(`/api/organisations/${prefId}/assessment`));
    ZAssessment.parse(anon.assessment);
    expect(anon.organisation).toMatchObject({ id: prefId, localGovCode: "470007", kind: "prefecture" });
    expect(anon.assessment.dimensions.office_model.evidence).toHaveLength(2);
    expect(Object.values(anon.records).map((r) => (r as { id: string }).id)).not.toContain(secretOfficeId);
    const seen = json(await get(`/api/organisations/${prefId}/assessment`, member));
    expect(seen.assessment.dimensions.office_model.evidence).toHaveLength(3);
    expect(Object.values(seen.records)).toContainEqual({ kind: "office", id: secretOfficeId });
    expect(seen.records["kpis[0]"].kind).toBe("kpi");
    const at2013 = json(await get(`/api/organisations/${prefId}/assessment?asOf=2013`));
    expect(at2013.assessment.asOf).toBe("2013-01-01");
    expect(at2013.assessment.dimensions.office_model.stage).toBeNull();
    expect(at2013.assessment.dimensions.urban_exchange_form.stage).toBe("traditional_administration");
    const bad = await get(`/api/organisations/${prefId}/assessment?asOf=2013-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("query.asOf");
    const bank = await buildOrganisation(t.database.db, { kind: "company", country: "JP" });
    const notGov = await get(`/api/organisations/${bank.id}/assessment`);
    expect(notGov.statusCode).toBe(400);
    expect(json(notGov).errors[0].path).toBe("id");
    expect((await get("/api/organisations/00000000-0000-4000-8000-000000000000/assessment")).statusCode).toBe(404);
    const hidden = await buildOrganisation(t.database.db, { kind: "municipality", visibility: "confidential" });
    expect((await get(`/api/organisations/${hidden.id}/assessment`)).statusCode).toBe(404);
  });

  it("includes the organisation's people, anonymised, only for its admins", async () => {
    const admin = await t.signInAs("admin", prefId);
    const person = await t.app.inject({
      method: "POST",
      url: `/api/organisations/${prefId}/people`,
      headers: { cookie: admin },
      payload: {
        name: "試験 太郎",
        postings: [
          { kind: "overseas_office", country: "SG", city: "Singapore", from: "2015-04", to: "2018-03" },
          { kind: "department", department: "Road maintenance", international: false, from: "2018-04" },
        ],
      },
    });
    expect(person.statusCode).toBe(201);
    const forAdmin = json(await get(`/api/organisations/${prefId}/assessment`, admin));
    const reassigned = forAdmin.assessment.recommendations.find((r: { code: string }) => r.code === "expertise_reassigned");
    expect(reassigned.evidence).toEqual(["people[0]"]);
    expect(JSON.stringify(forAdmin)).not.toContain("試験 太郎");
    for (const cookie of [undefined, member, await t.signInAs("system_admin")]) {
      const seen = json(await get(`/api/organisations/${prefId}/assessment`, cookie));
      expect(seen.assessment.recommendations.map((r: { code: string }) => r.code)).not.toContain("expertise_reassigned");
    }
    const cli = await profileFromDatabase(t.database.db, SYSTEM_ACTOR, prefId);
    expect(cli.people).toEqual([expect.objectContaining({ overseasPostings: 1, currentPostInternational: false, since: "2018-04" })]);
    await t.app.inject({ method: "DELETE", url: `/api/people/${json(person).id}`, headers: { cookie: admin } });
  });

  it("follows the assessment over the years", async () => {
    const res = json(await get(`/api/organisations/${prefId}/assessment/timeline?to=2020`));
    expect(res.timeline.from).toBe(1989);
    expect(res.timeline.points.at(-1)).toMatchObject({ year: 2020, asOf: "2020-12-31" });
    const y2000 = res.timeline.points.find((p: { year: number }) => p.year === 2000).assessment;
    expect(y2000.dimensions.office_model.stage).toBe("traditional_administration");
    const y2020 = res.timeline.points.find((p: { year: number }) => p.year === 2020).assessment;
    expect(y2020.dimensions.office_model.stage).toBe("network_governance");
    const range = json(await get(`/api/organisations/${prefId}/assessment/timeline?from=2010&to=2012-06-30`));
    expect(range.timeline.points.map((p: { asOf: string }) => p.asOf)).toEqual(["2010-12-31", "2011-12-31", "2012-06-30"]);
    const wrong = await get(`/api/organisations/${prefId}/assessment/timeline?from=2030&to=2020`);
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).errors[0].path).toBe("from");
  });

  it("gives the light timeline (detail=summary): the same verdicts every year, no evidence, and names a bad detail", async () => {
    for (const cookie of [undefined, member]) {
      const full = json(await get(`/api/organisations/${prefId}/assessment/timeline?to=2020`, cookie));
      expect(json(await get(`/api/organisations/${prefId}/assessment/timeline?to=2020&detail=full`, cookie))).toEqual(full);
      const res = await get(`/api/organisations/${prefId}/assessment/timeline?to=2020&detail=summary`, cookie);
      expect(res.statusCode).toBe(200);
      const light = json(res);
      ZOrganisationTimelineSummary.parse(light);
      expect(light).toMatchObject({ organisation: full.organisation, detail: "summary", timeline: { from: full.timeline.from, to: 2020, modelVersion: full.timeline.points[0].assessment.modelVersion } });
      expect(light.records).toBeUndefined();
      expect(light.timeline.points).toHaveLength(full.timeline.points.length);
      full.timeline.points.forEach((p: { year: number; asOf: string; assessment: TAssessment }, i: number) => {
        const s = light.timeline.points[i];
        expect(s).toMatchObject({ year: p.year, asOf: p.asOf, stage: p.assessment.stage, recommendations: p.assessment.recommendations.map((r) => r.code) });
        for (const dim of GOVERNANCE_DIMENSIONS) {
          const v = p.assessment.dimensions[dim];
          expect(s.dimensions[dim], `${p.year} ${dim}`).toEqual({ stage: v.stage, shares: v.shares, evidenceCount: v.evidence.length });
        }
      });
      expect(JSON.stringify(light)).not.toMatch(/"evidence"|"why"|"ref"/);
      expect(res.body.length).toBeLessThan(JSON.stringify(full).length / 2);
    }
    // The confidential Jakarta office counts for members only, in the summary as in the full timeline.
    const count = async (cookie?: string) => json(await get(`/api/organisations/${prefId}/assessment/timeline?to=2020&detail=summary`, cookie)).timeline.points.at(-1).dimensions.office_model.evidenceCount;
    expect(await count()).toBe(1);
    expect(await count(member)).toBe(2);
    const range = json(await get(`/api/organisations/${prefId}/assessment/timeline?from=2010&to=2012-06-30&detail=summary`));
    expect(range.timeline.points.map((p: { asOf: string }) => p.asOf)).toEqual(["2010-12-31", "2011-12-31", "2012-06-30"]);
    const bad = await get(`/api/organisations/${prefId}/assessment/timeline?detail=short`);
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("query.detail");
    const wrong = await get(`/api/organisations/${prefId}/assessment/timeline?from=2030&to=2020&detail=summary`);
    expect(json(wrong).errors[0].path).toBe("from");
    expect((await get(`/api/organisations/00000000-0000-4000-8000-000000000000/assessment/timeline?detail=summary`)).statusCode).toBe(404);
  });

  it("compares every local government as JSON, CSV and XLSX", async () => {
    const other = await buildOrganisation(t.database.db, { kind: "prefecture", localGovCode: "460001", nameJa: "鹿児島県", nameEn: "Kagoshima" });
    const table = json(await get("/api/assessments/comparison?kind=prefecture"));
    expect(table.rows.map((r: { code: string }) => r.code)).toEqual(["460001", "470007"]);
    expect(table.rows[0]).toMatchObject({ id: other.id, stage: null, name: "鹿児島県" });
    expect(table.distribution.office_model).toMatchObject({ none: 1 });
    const csv = await get("/api/assessments/comparison?kind=prefecture&format=csv&locale=en");
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="assessment-comparison-prefecture.csv"');
    const lines = csv.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("Overall stage");
    expect(lines[2]).toContain("470007");
    const ids = await get("/api/assessments/comparison?kind=prefecture&format=csv&labels=false");
    expect(ids.body.split("\r\n")[0]).toContain("office_model.stage");
    const xlsx = await get("/api/assessments/comparison?format=xlsx&asOf=2020");
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers["content-disposition"]).toContain('filename="assessment-comparison-local-governments-2020.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(3);
    expect(json(await get("/api/assessments/comparison?format=pdf")).errors[0].path).toBe("query.format");
    expect(json(await get("/api/assessments/comparison?kind=company")).errors[0].path).toBe("query.kind");
  });

  it("serves Table 3 in both languages and assesses a posted profile, naming the invalid field", async () => {
    const model = json(await get("/api/governance/model"));
    expect(model.dimensions.office_model.cells.traditional_administration).toEqual({ ja: "直営", en: "Directly Operated" });
    expect(model.source.doi).toBe("10.30589/pgr.v9i2.1225");
    const profile = { actor: { name: "Test", kind: "designated_city" }, offices: [{ city: "Bangkok", operationalModel: "outsourced" }] };
    const ok = await t.app.inject({ method: "POST", url: "/api/assessments/profile", payload: profile });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).dimensions.office_model.stage).toBe("new_public_management");
    const dated = json(await t.app.inject({ method: "POST", url: "/api/assessments/profile?asOf=2020", payload: profile }));
    expect(dated.asOf).toBe("2020-01-01");
    const bad = await t.app.inject({ method: "POST", url: "/api/assessments/profile", payload: { ...profile, offices: [{ city: "Bangkok", operationalModel: "embassy" }] } });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors[0].path).toBe("offices[0].operationalModel");
    const order = await t.app.inject({ method: "POST", url: "/api/assessments/profile", payload: { ...profile, ties: [{ kind: "mou", partner: "JETRO", since: "2020", until: "2019" }] } });
    expect(json(order).errors[0].path).toBe("ties[0].until");
    const unknown = await t.app.inject({ method: "POST", url: "/api/assessments/profile", payload: { ...profile, budget: 1 } });
    expect(json(unknown).errors[0]).toMatchObject({ path: "budget", message: "unknown field" });
    expect(json(await t.app.inject({ method: "POST", url: "/api/assessments/profile?asOf=soon", payload: profile })).errors[0].path).toBe("query.asOf");
  });
});
