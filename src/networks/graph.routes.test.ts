import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../auth/actor.ts";
import { localGovCheckDigit } from "../core/codes.ts";
import { testDatabaseKind } from "../db/test-database.ts";
import type { TTieCreate } from "../registry/registry.schema.ts";
import { createTie } from "../registry/ties.service.ts";
import { buildOffice, buildOrganisation, createTestApp, json, type TestApp } from "../test/factories.ts";
import { findAll, readXml } from "./export/xml-reader.ts";

const code = (five: string) => `${five}${localGovCheckDigit(five)}`;

/**
 * The six-organisation example of docs/networks.md: Fukuoka–Busan as sister and business-partner city,
 * Fukuoka–Kitakyushu, Kitakyushu–Incheon, Kitakyushu–Dalian, Fukuoka–C40 — a tree once the two Busan
 * ties merge, so betweenness and closeness are known by hand.
 */
describe(`network graph and map API (${testDatabaseKind()})`, () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  let fukuokaStaff: string;
  let secretTie: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const org = (key: string, o: Parameters<typeof buildOrganisation>[1]) => buildOrganisation(db, o).then((r) => (id[key] = r.id));
    await org("fukuoka", { kind: "designated_city", nameJa: "福岡市", nameEn: "Fukuoka", localGovCode: code("40130"), lat: 33.59, lon: 130.4 });
    await org("kitakyushu", { kind: "designated_city", nameJa: "北九州市", nameEn: "Kitakyushu", localGovCode: code("40100"), lat: 33.88, lon: 130.88 });
    await org("busan", { kind: "foreign_city", nameJa: "釜山", nameEn: "Busan", country: "KR", lat: 35.18, lon: 129.08 });
    await org("incheon", { kind: "foreign_city", nameJa: "仁川", nameEn: "Incheon", country: "KR", lat: 37.46, lon: 126.7 });
    await org("dalian", { kind: "foreign_city", nameJa: "大連", nameEn: "Dalian", country: "CN" });
    await org("c40", { kind: "network", nameJa: "C40", nameEn: "C40 Cities", country: "GB", lat: 51.5, lon: -0.12 });
    const tie = (a: string, b: string, over: Partial<TTieCreate>) =>
      createTie(db, SYSTEM_ACTOR, { aOrgId: id[a]!, bOrgId: id[b]!, kind: "sister_city", purposes: [], visibility: "public", sharedWith: [], unverified: false, ...over });
    await tie("fukuoka", "busan", { kind: "sister_city", purposes: ["cultural"], since: "1989-10" });
    await tie("fukuoka", "busan", { kind: "business_partner", purposes: ["economic"], since: "2007" });
    await tie("fukuoka", "kitakyushu", { kind: "partnership", purposes: ["administrative"], since: "2010", until: "2020-01-01" });
    await tie("kitakyushu", "incheon", { kind: "friendship", purposes: ["cultural"], since: "1988" });
    await tie("kitakyushu", "dalian", { kind: "friendship", purposes: ["economic"], since: "1979" });
    await tie("fukuoka", "c40", { kind: "network_membership", purposes: ["urban_problem_solving"], since: "2015-06" });
    secretTie = (await tie("fukuoka", "dalian", { kind: "mou", visibility: "confidential", ownerOrgId: id.fukuoka!, since: "2019" })).id;
    await buildOffice(db, { ownerOrgId: id.fukuoka!, cityEn: "Busan", country: "KR", lat: 35.1, lon: 129.0, opened: "1992", closed: "2016-04-01" });
    await buildOffice(db, { ownerOrgId: id.fukuoka!, cityEn: "Dalian", country: "CN", opened: "1995" });
    fukuokaStaff = await t.signInAs("staff", id.fukuoka!);
  });
  afterAll(async () => t.close());

  const get = async (url: string, cookie?: string) => json(await t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} }));
  const node = (g: { nodes: { id: string }[] }, key: string) => g.nodes.find((n) => n.id === id[key]) as Record<string, any>;

  it("computes every metric on the known graph, for anonymous visitors from public ties only", async () => {
    const g = await get("/api/networks/graph");
    expect(g.graph).toMatchObject({ directed: false, nodes: 6, edges: 5, inputEdges: 6, mergedDuplicates: 1, components: 1 });
    expect(g.edges.map((e: { tieId: string }) => e.tieId)).not.toContain(secretTie);
    const f = node(g, "fukuoka");
    expect(f).toMatchObject({ name: { ja: "福岡市", en: "Fukuoka" }, kind: "designated_city", country: "JP", lat: 33.59, degree: 3, weightedDegree: 4, betweenness: 7 });
    expect(f.closeness).toBeCloseTo(5 / 7, 12);
    expect(node(g, "kitakyushu")).toMatchObject({ degree: 3, betweenness: 7, brokerage: { coordinator: 0, gatekeeper: 2, representative: 2, itinerant: 0, liaison: 2 } });
    expect(node(g, "busan")).toMatchObject({ degree: 1, weightedDegree: 2, betweenness: 0, group: "KR", groupLabel: { en: "South Korea" } });
    expect(node(g, "c40").closeness).toBeCloseTo(5 / 11, 12);
    expect(g.pipelines[0]).toMatchObject({ from: "JP", to: "KR", ties: 3, byKind: { sister_city: 1, business_partner: 1, friendship: 1 }, fromLabel: { ja: "日本" } });

    const staffView = await get("/api/networks/graph", fukuokaStaff);
    expect(staffView.graph.inputEdges).toBe(7);
    expect(staffView.edges.map((e: { tieId: string }) => e.tieId)).toContain(secretTie);
  });

  it("filters by kind, purpose and date, groups by region and follows tie direction", async () => {
    expect((await get("/api/networks/graph?kind=friendship")).graph).toMatchObject({ nodes: 3, edges: 2 });
    expect((await get("/api/networks/graph?purpose=economic")).graph.inputEdges).toBe(2);
    const in2021 = await get("/api/networks/graph?activeOn=2021");
    expect(in2021.graph).toMatchObject({ inputEdges: 5, components: 2 });
    const regions = await get("/api/networks/graph?groupBy=region");
    expect(node(regions, "fukuoka").group).toBe("jp:kyushu_okinawa");
    expect(node(regions, "dalian").groupLabel).toEqual({ ja: "東アジア", en: "Eastern Asia" });
    expect(regions.pipelines.find((p: { to: string }) => p.to === "m49:030")).toMatchObject({ from: "jp:kyushu_okinawa", ties: 4 });
    const directed = await get("/api/networks/graph?directed=true");
    expect(node(directed, "kitakyushu")).toMatchObject({ inDegree: 1, outDegree: 2 });
    const bad = await t.app.inject({ method: "GET", url: "/api/networks/graph?kind=pen_pal&groupBy=continent&activeOn=2021-13&directed=yes" });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).errors.map((e: { path: string }) => e.path).sort()).toEqual(["query.activeOn", "query.directed", "query.groupBy", "query.kind"]);
  });

  it("exports GraphML, GEXF and CSV that parse back, with content type and file name", async () => {
    const graphml = await t.app.inject({ method: "GET", url: "/api/networks/graph.graphml?lang=ja" });
    expect(graphml.headers["content-type"]).toContain("application/graphml+xml");
    expect(graphml.headers["content-disposition"]).toBe('attachment; filename="renkei-network.graphml"');
    const doc = readXml(graphml.body);
    expect(findAll(doc, "node")).toHaveLength(6);
    expect(findAll(doc, "edge")).toHaveLength(5);
    const fNode = findAll(doc, "node").find((n) => n.attributes.id === id.fukuoka)!;
    const data = Object.fromEntries(fNode.children.map((d) => [d.attributes.key!, d.text]));
    expect(data).toMatchObject({ n_label: "福岡市", n_betweenness: "7", n_degree: "3", n_group: "JP" });

    const gexf = await t.app.inject({ method: "GET", url: "/api/networks/graph.gexf?lang=en&kind=friendship" });
    expect(gexf.headers["content-type"]).toContain("application/gexf+xml");
    const gdoc = readXml(gexf.body);
    expect(findAll(gdoc, "node").map((n) => n.attributes.label).sort()).toEqual(["Dalian", "Incheon", "Kitakyushu"]);
    expect(findAll(gdoc, "edge")).toHaveLength(2);

    // Without lang, labels follow the caller's language (Japanese for anonymous visitors).
    const csv = await t.app.inject({ method: "GET", url: "/api/networks/graph.csv" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("renkei-network-nodes.csv");
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.id === id.kitakyushu)).toMatchObject({ label: "北九州市", betweenness: "7", gatekeeper: "2" });
    const edges = parse((await t.app.inject({ method: "GET", url: "/api/networks/graph.csv?table=edges" })).body, { columns: true }) as Record<string, string>[];
    expect(edges.find((e) => e.target === id.busan || e.source === id.busan)).toMatchObject({ weight: "2", kind: "sister_city;business_partner" });
  });

  it("gives the web map arcs with coordinates, offices and counts by kind per year", async () => {
    const map = await get("/api/networks/map?from=2005&to=2021");
    expect(map).toMatchObject({ from: 2005, to: 2021 });
    expect(map.arcs).toHaveLength(5);
    expect(map.withoutCoordinates).toEqual({ ties: 1, offices: 1 });
    const partnership = map.arcs.find((a: { kind: string }) => a.kind === "partnership");
    expect(partnership).toMatchObject({ startYear: 2010, endYear: 2019, a: { name: { en: "Fukuoka" }, lat: 33.59 }, b: { name: { en: "Kitakyushu" } } });
    const year = (y: number) => map.years.find((r: { year: number }) => r.year === y);
    expect(year(2006)).toMatchObject({ activeByKind: { sister_city: 1, friendship: 2 }, newByKind: {}, openOffices: 2 });
    expect(year(2015)).toMatchObject({ activeByKind: { sister_city: 1, business_partner: 1, partnership: 1, friendship: 2, network_membership: 1 }, newByKind: { network_membership: 1 } });
    expect(year(2016).openOffices).toBe(2);
    expect(year(2017).openOffices).toBe(1);
    expect(year(2020).activeByKind.partnership).toBeUndefined();
    expect(map.offices).toEqual([expect.objectContaining({ city: { ja: "Busan", en: "Busan" }, openedYear: 1992, closedYear: 2016, ownerName: { ja: "福岡市", en: "Fukuoka" } })]);
    const old = await get("/api/networks/map?from=1970&to=1985");
    expect(old.arcs.map((a: { b: { name: { en: string } } }) => a.b.name.en)).toEqual([]);
    const staffMap = await get("/api/networks/map?from=2019&to=2019", fukuokaStaff);
    expect(staffMap.years[0].activeByKind.mou).toBe(1);
    const bad = await t.app.inject({ method: "GET", url: "/api/networks/map?from=2020&to=2010" });
    expect(json(bad).errors[0].path).toBe("query.to");
  });
});
