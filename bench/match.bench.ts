/**
 * @module bench/match
 * The matching engine at platform scale, against baselines measured in the same process:
 * 100,000 generated company profiles and 10,000 buyer requests (bench/match-judged/generate.ts).
 * Reports index build time, all 10,000 requests' top-10 (total, p50, p99), peak RSS, the exhaustive
 * scorer on a sample (results verified identical, speed-up printed), a PostgreSQL full-text baseline
 * (PGlite in memory, tsvector of the segmented text with the 'simple' configuration, ts_rank top-10)
 * on the same sample, and nDCG@10 on the judged set for the engine and the baselines.
 * Figures go in docs/benchmarks/match.md.
 *
 *   npm run bench:match          (node --import tsx bench/match.bench.ts)
 */
import { loadavg } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { createMatchEngine } from "../src/matchmaking/engine/engine.ts";
import { tokenise } from "../src/matchmaking/engine/text.ts";
import type { CompanyProfileInput, Match } from "../src/matchmaking/engine/types.ts";
import { bm25Ranking, engineRanking, hsOnlyRanking, loadJudged, summarise } from "./match-judged/evaluate.ts";
import type { QualityRow, Ranking } from "./match-judged/evaluate.ts";
import { generateLoad } from "./match-judged/generate.ts";

const COMPANIES = 100_000;
const REQUESTS = 10_000;
const SAMPLE_EVERY = 50; // 200 requests for the exhaustive and PostgreSQL comparisons
const K = 10;

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const ms = (x: number) => `${x.toFixed(3)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, ms: wall, cpuMs: (c.user + c.system) / 1000 };
}

const same = (a: Match[], b: Match[]) => a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.score === b[i]?.score);

/** Normalised tokens joined by spaces: the segmented text PostgreSQL indexes with 'simple'. */
const segmented = (text: string) => tokenise(text).tokens.flatMap((t) => (t.norm ? [t.norm] : [])).join(" ");
const tsquery = (text: string) =>
  [...new Set(segmented(text).split(" ").filter(Boolean))].map((t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" | ");

async function pgTable(db: PGlite, companies: CompanyProfileInput[]): Promise<number> {
  await db.exec("DROP TABLE IF EXISTS company; CREATE TABLE company (id text PRIMARY KEY, doc tsvector NOT NULL);");
  const t0 = performance.now();
  for (let i = 0; i < companies.length; i += 2_000) {
    const batch = companies.slice(i, i + 2_000);
    await db.query("INSERT INTO company SELECT id, to_tsvector('simple', body) FROM unnest($1::text[], $2::text[]) AS t(id, body)", [
      batch.map((c) => c.id),
      batch.map((c) => segmented(`${c.name ?? ""}\n${c.description}`)),
    ]);
  }
  await db.exec("CREATE INDEX company_doc ON company USING gin (doc); ANALYZE company;");
  return performance.now() - t0;
}

async function pgTop(db: PGlite, text: string): Promise<string[]> {
  const q = tsquery(text);
  if (!q) return [];
  const res = await db.query<{ id: string }>(
    "SELECT id FROM company, to_tsquery('simple', $1) q WHERE doc @@ q ORDER BY ts_rank(doc, q) DESC, id LIMIT 10",
    [q],
  );
  return res.rows.map((r) => r.id);
}

async function main(): Promise<void> {
  const out = (s = "") => process.stdout.write(`${s}\n`);
  out(`# bench:match — ${COMPANIES.toLocaleString("en")} companies, ${REQUESTS.toLocaleString("en")} requests, top-${K}`);
  out(`node ${process.version}, ${process.arch}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (wall times include other processes' load; CPU times do not)`);

  const engine = createMatchEngine();
  const gen = timed(() => generateLoad(COMPANIES, REQUESTS, engine.glossary, engine.hs));
  const { companies, requests } = gen.value;
  out(`generated in ${(gen.ms / 1000).toFixed(1)} s`);

  const build = timed(() => {
    for (const c of companies) engine.upsertCompany(c);
  });
  const buildReq = timed(() => {
    for (const r of requests) engine.upsertRequest(r);
  });
  out(`\n## Index build (analysis + inverted index, incremental inserts)`);
  out(`companies: ${(build.ms / 1000).toFixed(2)} s (${((build.ms * 1000) / COMPANIES).toFixed(0)} µs/profile, CPU ${(build.cpuMs / 1000).toFixed(2)} s)`);
  out(`requests:  ${(buildReq.ms / 1000).toFixed(2)} s`);
  out(`heap after build: ${mib(process.memoryUsage().heapUsed)}, RSS ${mib(process.memoryUsage().rss)}`);

  // All 10,000 stored requests, indexed top-10.
  const times: number[] = [];
  let visited = 0;
  let scored = 0;
  let returned = 0;
  const all = timed(() => {
    for (const r of requests) {
      const t0 = performance.now();
      const ms = engine.matchCompaniesForRequest(r.id, { k: K });
      times.push(performance.now() - t0);
      visited += engine.lastStats.visited;
      scored += engine.lastStats.scored;
      returned += ms.length;
    }
  });
  out(`\n## All ${REQUESTS.toLocaleString("en")} requests, top-${K} companies each (stored requests, reasons included)`);
  out(`total ${(all.ms / 1000).toFixed(2)} s wall, ${(all.cpuMs / 1000).toFixed(2)} s CPU; per request p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))}, mean ${ms(all.ms / REQUESTS)}`);
  out(`candidates per request: visited ${(visited / REQUESTS).toFixed(0)}, fully scored ${(scored / REQUESTS).toFixed(0)} of ${COMPANIES.toLocaleString("en")}; ${(returned / REQUESTS).toFixed(1)} matches returned on average`);

  const adhocTimes: number[] = [];
  for (const r of requests.slice(0, 1_000)) {
    const t0 = performance.now();
    engine.matchCompaniesForRequest(r, { k: K });
    adhocTimes.push(performance.now() - t0);
  }
  out(`ad-hoc requests (text analysed at query time), first 1,000: p50 ${ms(pct(adhocTimes, 50))}, p99 ${ms(pct(adhocTimes, 99))}`);
  const rssEngine = peakRss();
  out(`peak RSS so far (engine): ${mib(rssEngine)}`);

  // Exhaustive scorer on a sample: identical results, speed-up.
  const sample = requests.filter((_, i) => i % SAMPLE_EVERY === 0);
  let fastMs = 0;
  let slowMs = 0;
  let identical = 0;
  for (const r of sample) {
    const f = timed(() => engine.matchCompaniesForRequest(r.id, { k: K }));
    const s = timed(() => engine.matchCompaniesForRequest(r.id, { k: K, exhaustive: true }));
    fastMs += f.ms;
    slowMs += s.ms;
    if (same(f.value, s.value)) identical++;
  }
  out(`\n## Exhaustive scorer on ${sample.length} sampled requests (same scoring function)`);
  out(`identical top-${K}: ${identical}/${sample.length}`);
  out(`indexed mean ${ms(fastMs / sample.length)}, exhaustive mean ${ms(slowMs / sample.length)}: speed-up ${(slowMs / fastMs).toFixed(1)}×`);

  const companySample = companies.filter((_, i) => i % 500 === 0);
  let revFast = 0;
  let revSlow = 0;
  let revSame = 0;
  for (const c of companySample) {
    const f = timed(() => engine.matchRequestsForCompany(c.id, { k: K }));
    const s = timed(() => engine.matchRequestsForCompany(c.id, { k: K, exhaustive: true }));
    revFast += f.ms;
    revSlow += s.ms;
    if (same(f.value, s.value)) revSame++;
  }
  out(`other direction, requests for ${companySample.length} sampled companies: identical ${revSame}/${companySample.length}, indexed mean ${ms(revFast / companySample.length)}, exhaustive mean ${ms(revSlow / companySample.length)} (${(revSlow / revFast).toFixed(1)}×)`);

  // PostgreSQL full-text baseline (PGlite, in memory).
  const db = await PGlite.create();
  const load = await pgTable(db, companies);
  out(`\n## PostgreSQL full-text baseline (PGlite in memory, 'simple' tsvector of the segmented text, GIN, ts_rank top-${K})`);
  out(`load + index: ${(load / 1000).toFixed(1)} s`);
  const pgTimes: number[] = [];
  for (const r of sample) {
    const t0 = performance.now();
    await pgTop(db, r.description);
    pgTimes.push(performance.now() - t0);
  }
  out(`${sample.length} sampled requests: mean ${ms(sum(pgTimes) / sample.length)}, p50 ${ms(pct(pgTimes, 50))}, p99 ${ms(pct(pgTimes, 99))}; engine is ${(sum(pgTimes) / fastMs).toFixed(1)}× faster on the same requests`);

  // Quality on the judged set.
  const { pool, queries } = loadJudged();
  await pgTable(db, pool);
  const pgRanking: Ranking = new Map();
  for (const q of queries) pgRanking.set(q.id, await pgTop(db, q.description));
  await db.close();
  const rows: QualityRow[] = [
    summarise("engine", engineRanking(pool, queries), queries),
    summarise("text-only BM25 (same tokens)", bm25Ranking(pool, queries), queries),
    summarise("HS-code-only (declared codes)", hsOnlyRanking(pool, queries), queries),
    summarise("PostgreSQL ts_rank ('simple')", pgRanking, queries),
    summarise("ablation: engine without concepts", engineRanking(pool, queries, { weights: { concept: 0 } }), queries),
    summarise("ablation: engine codes only (declared + inferred)", engineRanking(pool, queries, { weights: { concept: 0, text: 0 } }), queries),
  ];
  const withCodes = queries.filter((q) => (q.hsCodes ?? []).length).length;
  out(`\n## Quality: nDCG@10 on the judged set (${queries.length} requests, ${pool.length} candidate profiles; ${withCodes} requests with HS codes)`);
  out("| system | all | with codes | without codes | English requests | Japanese requests |");
  out("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const q of rows) out(`| ${q.system} | ${q.all.toFixed(3)} | ${q.withCodes.toFixed(3)} | ${q.withoutCodes.toFixed(3)} | ${q.en.toFixed(3)} | ${q.ja.toFixed(3)} |`);

  out(`\nload average at end ${loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
  out(`peak RSS: engine phase ${mib(rssEngine)}, whole run incl. PGlite ${mib(peakRss())}`);
  out(
    `targets: ≥ 30× faster than exhaustive: ${(slowMs / fastMs).toFixed(1)}×; all ${REQUESTS.toLocaleString("en")} ≤ 10 s: ${(all.ms / 1000).toFixed(2)} s; peak RSS ≤ 1.5 GB (engine): ${mib(rssEngine)}; nDCG@10 ≥ 0.9: ${rows[0]?.all.toFixed(3)}`,
  );
}

await main();
