/**
 * @module bench/schedule
 * Benchmark of the 1:1 meeting scheduler on deterministic generated events.
 * (a) 150 participants × 10 slots: the exact method to a proven optimum, and the fast method on the same
 *     instance (target: within 1 % of the optimum).
 * (b) 1,000 participants × 16 slots × 60 tables × 8,000 accepted requests: the fast method's time and its
 *     gap to the LP relaxation bound (target: ≥ 97 % of the bound in ≤ 5 s).
 * (c) as (b) with 400 tables, so that participants' slots and caps bind rather than tables.
 * Baselines measured in the same run: the plain greedy (quality) and the exact solve (time).
 * Run: node --import tsx bench/schedule.bench.ts
 */
import { lpRelaxationBound } from "../src/events/scheduler/bound.ts";
import { greedy } from "../src/events/scheduler/greedy.ts";
import { loadHighs } from "../src/events/scheduler/highs.ts";
import { parseInstance } from "../src/events/scheduler/instance.ts";
import { compile, type Model } from "../src/events/scheduler/model.ts";
import { generateInstance, type GenerateOptions } from "../src/events/scheduler/random-instance.ts";
import { solveModel } from "../src/events/scheduler/solve.ts";

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function build(o: GenerateOptions): Model {
  return compile(parseInstance(generateInstance(o)));
}

/** Wall time, and the process's CPU time in brackets: on a shared machine the two differ. */
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number, number]> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [value, performance.now() - t, (used.user + used.system) / 1000];
}

/** Participants with no request of the top priority that has a usable slot: if every meeting must be
 * top priority (priority = 3 × meetings), these cannot meet in any optimal schedule. */
function topPriorityFloor(m: Model): number {
  let n = 0;
  for (let p = 0; p < m.nP; p++) if (m.hasRequests[p] && !m.reqsOf[p]!.some((r) => m.prio[r] === 3 && m.cand[r]!.length > 0)) n++;
  return n;
}

await loadHighs();
console.log(`renkei scheduler benchmark — Node ${process.version}, load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);

// (a)
{
  const o: GenerateOptions = { seed: 1, participants: 150, slots: 10, tables: 40, requests: 1200, maxMeetings: [2, 8], popularShare: 0.5 };
  const m = build(o);
  const [exact, te, ce] = await timed(() => solveModel(m, { method: "exact", timeLimitMs: 120_000 }));
  const [fast, tf, cf] = await timed(() => solveModel(m, { method: "fast", timeLimitMs: 5_000 }));
  const [g, tg] = await timed(() => greedy(m));
  console.log(`\n(a) ${o.participants} participants × ${o.slots} slots × ${o.tables} tables × ${m.nR} requests (caps 2–8)`);
  console.log(`  exact  ${ms(te)} [cpu ${ms(ce)}]  priority ${exact.objective.priority}  unmet ${exact.objective.unmetParticipants}  optimal ${exact.optimal}`);
  console.log(`  fast   ${ms(tf)} [cpu ${ms(cf)}]  priority ${fast.objective.priority}  unmet ${fast.objective.unmetParticipants}  bound ${fast.bound}`);
  console.log(`  greedy ${ms(tg)}  priority ${g.priority}  unmet ${g.unmet}`);
  console.log(`  fast / optimum = ${pct(fast.objective.priority / exact.objective.priority)} (target ≥ 99 %)`);
  console.log(`  greedy / optimum = ${pct(g.priority / exact.objective.priority)} (baseline)`);
  console.log(`  exact time / fast time = ${(te / tf).toFixed(1)}×`);
}

// (b) and (c)
for (const [label, tables, seeds] of [["b", 60, [1, 2, 3]], ["c", 400, [2]]] as const) {
  console.log(`\n(${label}) 1000 participants × 16 slots × ${tables} tables × 8000 requests (caps 4–10)`);
  for (const seed of seeds) {
    const m = build({ seed, participants: 1000, slots: 16, tables, requests: 8000, maxMeetings: [4, 10] });
    const [fast, tf, cf] = await timed(() => solveModel(m, { method: "fast", timeLimitMs: 5_000 }));
    const [g, tg] = await timed(() => greedy(m));
    // The LP bound again, with time to finish, in case the fast method's own LP ran out of budget.
    const [lp, tl] = await timed(() => lpRelaxationBound(m, 100_000));
    const bound = Math.min(fast.bound, lp?.bound ?? Infinity);
    const floor = fast.objective.priority === 3 * m.tableCap.reduce((a, b) => a + b, 0) ? ` (fairness floor ${topPriorityFloor(m)})` : "";
    console.log(`  seed ${seed}: fast ${ms(tf)} [cpu ${ms(cf)}]  priority ${fast.objective.priority}  unmet ${fast.objective.unmetParticipants}${floor}  reported bound ${fast.bound}`);
    console.log(`          LP bound ${lp?.bound ?? "n/a"} (${ms(tl)} alone)  fast / LP bound = ${pct(fast.objective.priority / bound)} (target ≥ 97 % in ≤ 5 s)`);
    console.log(`          greedy ${ms(tg)}  priority ${g.priority}  unmet ${g.unmet}  greedy / LP bound = ${pct(g.priority / bound)} (baseline)`);
  }
}
